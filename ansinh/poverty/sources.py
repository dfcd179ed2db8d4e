"""Registry sources this app offers to reporting (registered in ``PovertyConfig.ready``).

``poverty.poor_rate`` / ``poverty.near_poor_rate``: recognised poor (near-poor) households ÷ the
registry's households, in the unit's communes, for the newest year recognised on or before the
cycle's cut-off date; ``poverty.poor_households``: the count. The note gives the coverage (how many
communes of the unit have recognised lists for that year).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ansinh.reporting.sources import Source, SourceResult
from ansinh.reporting.sources import register as add

VERSION = "2026.1"


def _communes(unit: Any) -> list[int]:
    from ansinh.geo.models import AdministrativeUnit

    if unit.level == "commune":
        return [unit.pk]
    return list(AdministrativeUnit.objects.subtree(unit).filter(level="commune").values_list("pk", flat=True))


def _count(unit: Any, cutoff: dt.date, klass: str) -> tuple[int, int, str] | None:
    from ansinh.poverty.models import HouseholdStatus
    from ansinh.poverty.summary import latest_year
    from ansinh.registry.models import Household

    communes = _communes(unit)
    found = latest_year(communes, cutoff)
    if found is None:
        return None
    year, standard_id = found
    statuses = HouseholdStatus.objects.filter(commune_id__in=communes, year=year, standard_id=standard_id, valid_from__lte=cutoff)
    covered = statuses.values("commune_id").distinct().count()
    numerator = statuses.filter(klass=klass).count()
    denominator = Household.objects.filter(commune_id__in=communes, deleted_at__isnull=True).count()
    code = statuses.values_list("standard__code", flat=True).first() or ""
    note = f"kết quả rà soát năm {year} (chuẩn {code}), {covered}/{len(communes)} xã, phường đã công nhận"
    return numerator, denominator, note


def _rate(klass: str) -> Any:
    def compute(unit: Any, cutoff: dt.date) -> SourceResult | None:
        counted = _count(unit, cutoff, klass)
        if counted is None or not counted[1]:
            return None
        n, d, note = counted
        return SourceResult(value=n / d * 100, numerator=n, denominator=d, note=note)

    return compute


def _households(unit: Any, cutoff: dt.date) -> SourceResult | None:
    counted = _count(unit, cutoff, "ngheo")
    return None if counted is None else SourceResult(value=counted[0], note=counted[2])


def register() -> None:
    add(Source("poverty.poor_rate", VERSION, "Tỷ lệ hộ nghèo theo kết quả rà soát đã công nhận", _rate("ngheo")))
    add(Source("poverty.near_poor_rate", VERSION, "Tỷ lệ hộ cận nghèo theo kết quả rà soát đã công nhận", _rate("can_ngheo")))
    add(Source("poverty.poor_households", VERSION, "Số hộ nghèo theo kết quả rà soát đã công nhận", _households))
