"""The classification rule engine: pure functions over one household or over arrays of them.

A standard gives, per area, an ordered list of income bands (``Band``). A household falls in the
first band whose ``income_max`` its per-capita monthly income does not exceed (``≤``); inside the
band, a household with at least ``min_deprivations`` deprivations gets ``if_met``, others
``otherwise`` (no deprivation condition: always ``if_met``). Above every band: ``khong``.

- one-band form (NĐ 07/2021, NĐ 351/2025 as reported): ``[(L, 3, ngheo, can_ngheo), (1.5·L, –, trung_binh)]``;
- two-band form (QĐ 59/2015, the 2026–2030 draft): ``[(L1, –, ngheo), (L2, 3, ngheo, can_ngheo)]``.

Nothing here touches the database: the bands come from the standards data (``standards.py``).
``classify_arrays`` evaluates millions of households per second with numpy.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

CLASSES: tuple[str, ...] = ("ngheo", "can_ngheo", "trung_binh", "khong")
CLASS_LABELS: dict[str, str] = {
    "ngheo": "Hộ nghèo", "can_ngheo": "Hộ cận nghèo", "trung_binh": "Hộ có mức sống trung bình", "khong": "Không thuộc diện",
}
CLASS_INDEX: dict[str, int] = {name: i for i, name in enumerate(CLASSES)}
KHONG = CLASS_INDEX["khong"]
AREAS: tuple[str, ...] = ("thanh_thi", "nong_thon")
AREA_LABELS: dict[str, str] = {"thanh_thi": "thành thị", "nong_thon": "nông thôn"}


@dataclass(frozen=True)
class Band:
    income_max: int
    min_deprivations: int | None
    if_met: str
    otherwise: str
    verified: bool = True


@dataclass(frozen=True)
class Rule:
    """The bands of one standard, per area (``thanh_thi`` / ``nong_thon``)."""

    code: str
    bands: dict[str, tuple[Band, ...]]

    def form(self, area: str) -> str:
        poverty_bands = [b for b in self.bands[area] if "ngheo" in (b.if_met, b.otherwise)]
        return "mot_nguong" if len(poverty_bands) <= 1 else "hai_nguong"


def find_band(rule: Rule, income: int, area: str) -> tuple[int, Band] | None:
    for i, band in enumerate(rule.bands[area]):
        if income <= band.income_max:
            return i, band
    return None


def classify_one(rule: Rule, income: int, deprivations: int, area: str) -> str:
    found = find_band(rule, income, area)
    if found is None:
        return "khong"
    band = found[1]
    if band.min_deprivations is None or deprivations >= band.min_deprivations:
        return band.if_met
    return band.otherwise


def classify_arrays(
    rule: Rule, income: npt.NDArray[np.int64], deprivations: npt.NDArray[np.int8], urban: npt.NDArray[np.bool_]
) -> npt.NDArray[np.int8]:
    """Class indexes (into ``CLASSES``) for arrays of incomes, deprivation counts and urban flags."""
    out = np.full(income.shape[0], KHONG, dtype=np.int8)
    for area, flag in (("thanh_thi", True), ("nong_thon", False)):
        in_area = urban if flag else ~urban
        for band in reversed(rule.bands[area]):  # the lowest band is written last and wins
            hit = in_area & (income <= band.income_max)
            met, other = CLASS_INDEX[band.if_met], CLASS_INDEX[band.otherwise]
            if band.min_deprivations is None or met == other:
                out[hit] = met
            else:
                out[hit] = np.where(deprivations[hit] >= band.min_deprivations, met, other)
    return out


def _money(amount: int) -> str:
    from ansinh.lib.vnnumbers import format_vn

    return f"{format_vn(amount)} đồng"


def reason(rule: Rule, income: int, deprivations: int, area: str) -> str:
    """Why a household is classified as it is, in Vietnamese."""
    where = AREA_LABELS[area]
    found = find_band(rule, income, area)
    if found is None:
        top = rule.bands[area][-1].income_max if rule.bands[area] else 0
        return f"Thu nhập bình quân {_money(income)}/người/tháng cao hơn mọi ngưỡng của chuẩn ({_money(top)}, {where})."
    i, band = found
    low = rule.bands[area][i - 1].income_max if i else None
    span = f"≤ {_money(band.income_max)}" if low is None else f"trên {_money(low)} đến {_money(band.income_max)}"
    text = f"Thu nhập bình quân {_money(income)}/người/tháng {span} ({where})"
    if band.min_deprivations is not None and band.if_met != band.otherwise:
        sign = "≥" if deprivations >= band.min_deprivations else "<"
        text += f", thiếu hụt {deprivations} chỉ số ({sign} {band.min_deprivations})"
    if not band.verified:
        text += "; ngưỡng chưa xác minh"
    return text + "."


def sql_case(rule: Rule, income: str = "income", deprivations: str = "deprivations", area: str = "area") -> tuple[str, list[Any]]:
    """The same rule as one SQL ``CASE`` expression (and its parameters), for set-based classification.

    Column names are the caller's (trusted identifiers); every threshold and class is a parameter.
    """
    parts: list[str] = []
    params: list[Any] = []
    for area_code in AREAS:
        for band in rule.bands[area_code]:
            if band.min_deprivations is None or band.if_met == band.otherwise:
                parts.append(f"WHEN {area} = %s AND {income} <= %s THEN %s")
                params += [area_code, band.income_max, band.if_met]
            else:
                parts.append(f"WHEN {area} = %s AND {income} <= %s THEN CASE WHEN {deprivations} >= %s THEN %s ELSE %s END")
                params += [area_code, band.income_max, band.min_deprivations, band.if_met, band.otherwise]
    return "CASE " + " ".join(parts) + " ELSE %s END", [*params, "khong"]
