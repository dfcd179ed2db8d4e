"""Registry sources offered to reporting (registered in ``RegistryConfig.ready``): the data-quality
board's figures and coverage gaps for a unit (its communes), so that a plan indicator such as
"dữ liệu đúng, đủ, sạch, sống" can be proposed from the registry.

For a cut-off before today the latest stored snapshot on or before it is used (``QualitySnapshot``);
for today or later, the live figures. A rate is ``numerator / persons × 100``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Max, Sum
from django.utils import timezone

from ansinh.reporting.sources import Source, SourceResult
from ansinh.reporting.sources import register as add

VERSION = "2026.1"
RATES = {  # key → (label, figure counted as bad)
    "registry.quality_correct_rate": ("Tỷ lệ nhân khẩu có số định danh, ngày sinh đúng (đúng)", "wrong"),
    "registry.quality_complete_rate": ("Tỷ lệ nhân khẩu đủ thông tin bắt buộc (đủ)", "incomplete"),
    "registry.quality_current_rate": ("Tỷ lệ nhân khẩu được cập nhật trong thời hạn (sống)", "stale"),
}
COUNTS = {
    "registry.quality_open_duplicate_pairs": ("Số cặp nhân khẩu nghi trùng chưa xử lý (sạch)", "open_pairs"),
    "registry.quality_deceased_still_granted": ("Số người đã mất còn quyết định hưởng trợ cấp (sống)", "dead_paid"),
    "registry.gap_aged75_without_pension": ("Số người từ 75 tuổi chưa hưởng trợ cấp hưu trí xã hội", "aged75_unpaid"),
    "registry.gap_poor_without_health_insurance": ("Số thành viên hộ nghèo thiếu hụt bảo hiểm y tế", "poor_uninsured"),
}


def _communes(unit: Any) -> list[int]:
    from ansinh.geo.models import AdministrativeUnit

    if unit.level == "commune":
        return [unit.pk]
    return list(AdministrativeUnit.objects.subtree(unit).filter(level="commune").values_list("pk", flat=True))


def figures(unit: Any, cutoff: dt.date) -> tuple[dict[str, int | None], str] | None:
    """Summed figures of the unit's communes at the cut-off, and where they come from."""
    from ansinh.registry.models import Person
    from ansinh.registry.models_quality import QualitySnapshot
    from ansinh.registry.quality import FIGURES, quality_rows
    from ansinh.registry.quality_gaps import aged_75_without_pension, poor_without_health_insurance

    communes = _communes(unit)
    today = timezone.localdate()
    if cutoff < today:
        snaps = QualitySnapshot.objects.filter(commune_id__in=communes, day__lte=cutoff)
        day = snaps.aggregate(d=Max("day"))["d"]
        if day is None:
            return None
        fields = (*FIGURES, "aged75_unpaid", "poor_uninsured")
        sums = snaps.filter(day=day).aggregate(**{k: Sum(k) for k in fields})
        return sums, f"số liệu lưu ngày {day:%d/%m/%Y}"
    qs = Person.objects.filter(deleted_at__isnull=True, commune_id__in=communes)
    rows = quality_rows(qs, today)
    if not rows:
        return None
    out: dict[str, int | None] = {k: sum(r[k] for r in rows) for k in FIGURES}
    for key, gap in (("aged75_unpaid", aged_75_without_pension(qs, today)), ("poor_uninsured", poor_without_health_insurance(qs, today))):
        out[key] = None if gap is None else gap.count()
    return out, f"số liệu ngày {today:%d/%m/%Y}"


def _rate(bad: str) -> Any:
    def compute(unit: Any, cutoff: dt.date) -> SourceResult | None:
        found = figures(unit, cutoff)
        if found is None or not found[0].get("persons"):
            return None
        values, note = found
        persons = int(values["persons"] or 0)
        good = persons - int(values[bad] or 0)
        return SourceResult(value=good / persons * 100, numerator=good, denominator=persons, note=note)

    return compute


def _count(figure: str) -> Any:
    def compute(unit: Any, cutoff: dt.date) -> SourceResult | None:
        found = figures(unit, cutoff)
        if found is None or found[0].get(figure) is None:
            return None  # no data (e.g. no social-pension decision at all): nothing is proposed
        return SourceResult(value=float(found[0][figure] or 0), note=found[1])

    return compute


def register() -> None:
    for key, (label, bad) in RATES.items():
        add(Source(key, VERSION, label, _rate(bad)))
    for key, (label, figure) in COUNTS.items():
        add(Source(key, VERSION, label, _count(figure)))
