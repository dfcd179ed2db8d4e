"""The daily quality snapshot (a daily job, ``core.jobs.DAILY_JOBS``, and ``ansinh registry quality
--snapshot``): every commune's figures and coverage gaps stored for the day, so that the board can
show trends. Taking it twice on one day replaces the day's rows."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import Sum

from ansinh.registry.models import Person
from ansinh.registry.models_quality import QualitySnapshot
from ansinh.registry.quality import FIGURES, quality_rows
from ansinh.registry.quality_gaps import aged_75_without_pension, poor_without_health_insurance

SNAPSHOT_FIGURES = (*FIGURES, "aged75_unpaid", "poor_uninsured")


def _counts(qs: Any) -> dict[int, int] | None:
    from django.db.models import Count

    return None if qs is None else dict(qs.values("commune_id").annotate(n=Count("id")).values_list("commune_id", "n"))


@transaction.atomic
def take_snapshot(today: dt.date) -> str:
    everyone = Person.objects.filter(deleted_at__isnull=True)
    rows = quality_rows(everyone, today)
    aged = _counts(aged_75_without_pension(everyone, today))
    poor = _counts(poor_without_health_insurance(everyone, today))
    QualitySnapshot.objects.filter(day=today).delete()
    QualitySnapshot.objects.bulk_create([
        QualitySnapshot(
            day=today, commune_id=r["commune_id"], province_code=r["province_code"] or "",
            **{k: r[k] for k in FIGURES},
            aged75_unpaid=None if aged is None else aged.get(r["commune_id"], 0),
            poor_uninsured=None if poor is None else poor.get(r["commune_id"], 0),
        )
        for r in rows
    ], batch_size=2000)
    return f"{len(rows)} xã, phường"


def trend(commune_ids: list[int] | None, months: int = 12) -> list[dict[str, Any]]:
    """Per month (the last snapshot day of each), the figures summed over ``commune_ids`` (None: all)."""
    qs = QualitySnapshot.objects.all()
    if commune_ids is not None:
        qs = qs.filter(commune_id__in=commune_ids)
    days = list(qs.values_list("day", flat=True).distinct().order_by("-day")[:400])
    last_of_month: dict[tuple[int, int], dt.date] = {}
    for day in days:
        last_of_month.setdefault((day.year, day.month), day)
    chosen = sorted(last_of_month.values())[-months:]
    sums = {
        r["day"]: dict(r) for r in qs.filter(day__in=chosen).values("day").annotate(**{k: Sum(k) for k in SNAPSHOT_FIGURES})
    }
    return [sums[d] for d in chosen if d in sums]
