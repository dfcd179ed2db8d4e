"""Loading the standards data file and choosing a standard by code or by year."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from django.db import transaction
from django.db.models import Prefetch

from ansinh.core.errors import UserError
from ansinh.poverty.models import (
    DeprivationIndicator,
    RecognisingAuthority,
    Standard,
    StandardBand,
    StandardPeriod,
)

DATA = Path(__file__).resolve().parent / "data"
UNVERIFIED = "chưa xác minh"


def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _maybe_day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


@transaction.atomic
def load_standards(path: Path | None = None, authorities: Path | None = None) -> dict[str, int]:
    """Replace the bands, periods and indicators of every standard in the file (idempotent)."""
    data = json.loads((path or DATA / "standards.json").read_text(encoding="utf-8"))
    by_code = {item["code"]: item for item in data["standards"]}
    counts = {"standards": 0, "bands": 0, "indicators": 0}
    for item in data["standards"]:
        standard, _ = Standard.objects.update_or_create(
            code=item["code"],
            defaults={k: item.get(k, "") for k in ("name", "level", "province_code", "source", "note")}
            | {"verified": item["verified"], "deprivation_total": item["deprivation_total"]},
        )
        standard.periods.all().delete()
        standard.bands.all().delete()
        standard.indicators.all().delete()
        StandardPeriod.objects.bulk_create(
            StandardPeriod(standard=standard, valid_from=_day(p["valid_from"]), valid_to=_day(p["valid_to"]),
                           source=p["source"], verified=p["verified"])
            for p in item["periods"]
        )
        bands = [
            StandardBand(standard=standard, area=area, position=i, **b)
            for area, rows in item["bands"].items() for i, b in enumerate(rows)
        ]
        StandardBand.objects.bulk_create(bands)
        source_item = by_code[item["indicators_from"]] if item.get("indicators_from") else item
        indicators = [DeprivationIndicator(standard=standard, position=i, **row) for i, row in enumerate(source_item["indicators"])]
        DeprivationIndicator.objects.bulk_create(indicators)
        counts["standards"] += 1
        counts["bands"] += len(bands)
        counts["indicators"] += len(indicators)
    auth = json.loads((authorities or DATA / "authorities.json").read_text(encoding="utf-8"))
    for row in auth["authorities"]:
        RecognisingAuthority.objects.update_or_create(
            level=row["level"], valid_from=_day(row["valid_from"]),
            defaults={"role": row["role"], "valid_to": _maybe_day(row["valid_to"]), "source": row["source"], "verified": row["verified"],
                      "account_role": row["account_role"], "unit_level": row["unit_level"]},
        )
    return counts


def ensure_loaded() -> None:
    if not Standard.objects.exists():
        load_standards()


def standards_qs() -> Any:
    return Standard.objects.prefetch_related(
        "periods", Prefetch("bands", queryset=StandardBand.objects.order_by("area", "position")), "indicators"
    )


def by_code(code: str) -> Standard:
    ensure_loaded()
    standard = standards_qs().filter(code=code.strip().lower()).first()
    if standard is None:
        known = ", ".join(Standard.objects.values_list("code", flat=True))
        raise UserError(f"Không có chuẩn nghèo mã «{code}». Các mã hiện có: {known}.")
    return standard


def national_for_year(year: int) -> Standard:
    """The national standard in force for the whole of ``year`` (2026: NĐ 07/2021 via NĐ 351/2025)."""
    ensure_loaded()
    day = dt.date(year, 7, 1)
    for standard in standards_qs().filter(level=Standard.Level.NATIONAL):
        if standard.in_force_on(day):
            return standard
    raise UserError(f"Không có chuẩn nghèo quốc gia nào áp dụng cho năm {year}.")
