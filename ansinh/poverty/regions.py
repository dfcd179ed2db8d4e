"""The score form's region (one of six socio-economic regions) of a 2025 commune.

The regions of the scored income form (phiếu B, Circular 07/2021) are made of the 63 provinces in force
before the 2025 reform, and several 2025 provinces were merged from provinces of two regions (Lâm Đồng
from Lâm Đồng, Đắk Nông and Bình Thuận; Tây Ninh from Tây Ninh and Long An; …). So a commune's region
is read from what it was before the reform, in this order:

1. the geo app's crosswalk: the former communes or districts whose rows lead to the commune, and
   the former province in each one's path;
2. otherwise, the list of former provinces that ``data/regions.json`` gives for the 2025 province;
3. otherwise, nothing is known.

When the former provinces all lie in one region that is the region; when they lie in several, the
result is ambiguous and the officer picks among the candidates (``RegionChoice.message`` says why).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data" / "regions.json"


@dataclass(frozen=True)
class Regions:
    names: dict[str, str]  # region code -> name
    of_province: dict[str, str]  # former (pre-2025) province code -> region code
    province_names: dict[str, str]  # former province code -> name
    former: dict[str, tuple[str, ...]]  # 2025 province code -> former province codes
    source: str
    verified: bool


@cache
def regions(path: Path = DATA) -> Regions:
    raw = json.loads(path.read_text(encoding="utf-8"))
    return Regions(
        names={r["code"]: r["name"] for r in raw["regions"]},
        of_province={p["code"]: r["code"] for r in raw["regions"] for p in r["provinces"]},
        province_names={p["code"]: p["name"] for r in raw["regions"] for p in r["provinces"]},
        former={m["code"]: tuple(m["former"]) for m in raw["merged_2025"]},
        source=raw["regions_source"],
        verified=bool(raw["regions_verified"]) and bool(raw["merged_2025_verified"]),
    )


@dataclass(frozen=True)
class RegionChoice:
    region: str  # the region code when it is certain, else ""
    candidates: tuple[str, ...]  # the region codes the officer may pick from (one when certain)
    former_provinces: tuple[str, ...]
    basis: str  # "crosswalk", "merger" or "" (nothing known)

    @property
    def ambiguous(self) -> bool:
        return not self.region

    @property
    def message(self) -> str:
        """Vietnamese: why the officer must pick the region (empty when it is certain)."""
        if self.region:
            return ""
        data = regions()
        if not self.former_provinces:
            return "Không xác định được tỉnh cũ (trước 1/7/2025) của xã, phường này: cán bộ chọn vùng của bảng điểm."
        olds = ", ".join(f"{data.province_names.get(p, p)} ({data.names.get(data.of_province.get(p, ''), '?')})"
                         for p in self.former_provinces)
        where = "theo bảng chuyển đổi đơn vị hành chính" if self.basis == "crosswalk" else "theo danh sách tỉnh hợp nhất năm 2025"
        return (f"Xã, phường này được hình thành từ địa bàn của các tỉnh cũ thuộc nhiều vùng ({where}: {olds}): "
                "cán bộ chọn vùng của bảng điểm cho hộ.")


    def refusal(self, region: str) -> str:
        """Vietnamese refusal when ``region`` (given) is not one of this commune's candidates; "" otherwise."""
        if not region or region in self.candidates:
            return ""
        data = regions()
        allowed = ", ".join(f"{data.names[c]} ({c})" for c in self.candidates)
        return f"Vùng «{data.names.get(region, region)}» không phải vùng của xã, phường này theo tỉnh cũ (trước 1/7/2025); chọn: {allowed}."


def _choice(provinces: set[str], basis: str) -> RegionChoice:
    data = regions()
    found = tuple(sorted({data.of_province[p] for p in provinces if p in data.of_province}, key=list(data.names).index))
    olds = tuple(sorted(provinces))
    if len(found) == 1:
        return RegionChoice(found[0], found, olds, basis)
    return RegionChoice("", found or tuple(data.names), olds, basis)


def former_provinces_by_crosswalk(commune: Any) -> set[str]:
    """Former province codes of the units whose crosswalk rows lead to ``commune`` (one query)."""
    from ansinh.geo.models import AdministrativeUnit, UnitCrosswalk

    paths = UnitCrosswalk.objects.filter(
        successor=commune, predecessor__level__in=(AdministrativeUnit.Level.COMMUNE, AdministrativeUnit.Level.DISTRICT)
    ).values_list("predecessor__path", flat=True)
    found = set()
    for path in paths:
        parts = path.strip("/").split("/")  # VN/<province>/…
        if len(parts) > 2:
            found.add(parts[1])
    return found


def region_for_commune(commune: Any) -> RegionChoice:
    """The score-form region of a 2025 ``commune`` (see the module doc for the order of evidence)."""
    olds = former_provinces_by_crosswalk(commune)
    if olds:
        return _choice(olds, "crosswalk")
    parts = commune.path.strip("/").split("/")
    return region_for_province_2025(parts[1] if len(parts) > 2 else "")


def region_for_province_2025(code: str) -> RegionChoice:
    """The region of a 2025 province when its former provinces all lie in one region, else ambiguous."""
    former = regions().former.get(code)
    if not former:
        return RegionChoice("", tuple(regions().names), (), "")
    return _choice(set(former), "merger")
