"""The share of dossiers resolved on time, per commune and month of their due date (the dashboard's figures).

A dossier counts in the month its due date falls in. Decided by the due date: on time; decided later,
or still pending after the due date: late; pending and not yet due: not counted. Dossiers without a
statutory time in the data are left out. Two queries per page, whatever the number of communes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import ExtractMonth

from ansinh.accounts.access import is_admin, readable_units, units_with_roles
from ansinh.accounts.models import RoleAssignment
from ansinh.benefits.models import Dossier
from ansinh.geo.models import AdministrativeUnit

PENDING = (Dossier.Status.RECEIVED, Dossier.Status.SUBMITTED)


@dataclass
class Tally:
    due: int = 0
    on_time: int = 0

    @property
    def late(self) -> int:
        return self.due - self.on_time

    @property
    def share(self) -> float | None:
        return self.on_time / self.due * 100 if self.due else None


@dataclass
class CommuneRow:
    unit: AdministrativeUnit
    months: dict[int, Tally] = field(default_factory=dict)
    year: Tally = field(default_factory=Tally)

    def cells(self) -> list[Tally | None]:
        return [self.months.get(m) for m in range(1, 13)]


def stats_units(user: Any) -> QuerySet[AdministrativeUnit]:
    """Units whose aggregates the user may see (supervisors and chairmen included)."""
    if is_admin(user):
        return AdministrativeUnit.objects.all()
    return readable_units(user) | units_with_roles(user, (RoleAssignment.Role.CHAIRMAN,))


def _counted(qs: QuerySet[Dossier], year: int, today: dt.date) -> QuerySet[Dossier]:
    return qs.filter(due_on__year=year, due_on__isnull=False).exclude(Q(status__in=PENDING) & Q(due_on__gte=today))


def _tallies(qs: QuerySet[Dossier], keys: tuple[str, ...]) -> list[dict[str, Any]]:
    return list(
        qs.annotate(month=ExtractMonth("due_on")).values(*keys).annotate(
            due=Count("pk"), on_time=Count("pk", filter=Q(decision__signed_on__lte=F("due_on"))),
        ).order_by(*keys)
    )


def communes_under(unit: AdministrativeUnit) -> QuerySet[AdministrativeUnit]:
    if unit.level == AdministrativeUnit.Level.COMMUNE:
        return AdministrativeUnit.objects.filter(pk=unit.pk)
    return AdministrativeUnit.objects.subtree(unit).filter(level=AdministrativeUnit.Level.COMMUNE)


def monthly_totals(unit: AdministrativeUnit, year: int, today: dt.date) -> dict[int, Tally]:
    """Month → tally over every commune under ``unit`` (one query)."""
    qs = _counted(Dossier.objects.filter(commune_id__in=communes_under(unit).values("pk")), year, today)
    return {r["month"]: Tally(r["due"], r["on_time"]) for r in _tallies(qs, ("month",))}


def commune_rows(communes: list[AdministrativeUnit], year: int, today: dt.date) -> list[CommuneRow]:
    """One row per commune of the page, with its twelve months (one query)."""
    rows = {c.pk: CommuneRow(c) for c in communes}
    qs = _counted(Dossier.objects.filter(commune_id__in=list(rows)), year, today)
    for r in _tallies(qs, ("commune_id", "month")):
        row = rows[r["commune_id"]]
        row.months[r["month"]] = Tally(r["due"], r["on_time"])
        row.year.due += r["due"]
        row.year.on_time += r["on_time"]
    return list(rows.values())
