"""Coverage gaps officers ask for: persons who look eligible but are not enrolled.

- aged 75 or more, alive, without a granted social-pension decision in force (``benefits``,
  programme ``huu-tri-xa-hoi``); when no social-pension decision exists at all the figure is
  ``None`` ("chưa có dữ liệu"), not "everyone";
- members aged 6 or more of households recognised poor in the latest year on record whose survey
  marks the health-insurance deprivation (``bao_hiem_y_te``: someone aged 6+ has no health
  insurance) — the data says which household, not which member, so the members are the upper
  bound; ``None`` when no poverty result exists.
Each returns a person queryset (for the list to fix) or ``None``; counts are grouped by commune.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.apps import apps
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from django.db.models.functions import Mod
from django.utils import timezone

from ansinh.registry.access import access_persons
from ansinh.registry.models import Membership, Person

PENSION = "huu-tri-xa-hoi"
HEALTH_INSURANCE = "bao_hiem_y_te"
GAPS = {
    "75-chua-huu-tri": "Từ 75 tuổi chưa hưởng trợ cấp hưu trí xã hội",
    "ngheo-chua-bhyt": "Thành viên hộ nghèo thiếu hụt bảo hiểm y tế",
}
NO_DATA = "chưa có dữ liệu"


def _years_ago(today: dt.date, years: int) -> dt.date:
    return today.replace(year=today.year - years, day=28 if (today.month == 2 and today.day == 29) else today.day)


def aged_75_without_pension(qs: QuerySet[Person], today: dt.date) -> QuerySet[Person] | None:
    if not apps.is_installed("ansinh.benefits"):
        return None
    from ansinh.benefits.models_dossier import Decision

    decisions = Decision.objects.filter(programme__code=PENSION, granted=True)
    if not decisions.exists():
        return None
    in_force = decisions.filter(person=OuterRef("pk")).filter(Q(ends_on__isnull=True) | Q(ends_on__gt=today))
    return qs.filter(alive=True, birth_date__lte=_years_ago(today, 75)).exclude(Exists(in_force))


def poor_without_health_insurance(qs: QuerySet[Person], today: dt.date) -> QuerySet[Person] | None:
    if not apps.is_installed("ansinh.poverty"):
        return None
    from ansinh.poverty.models import DeprivationIndicator
    from ansinh.poverty.models_review import HouseholdStatus

    latest = HouseholdStatus.objects.order_by("-year").values_list("year", flat=True).first()
    if latest is None:
        return None
    bits = dict(DeprivationIndicator.objects.filter(code=HEALTH_INSURANCE).values_list("standard_id", "position"))
    deprived = Q(pk__in=[])
    for standard_id, bit in bits.items():
        deprived |= Q(standard_id=standard_id, **{f"bit_{bit}": 1})
    statuses = HouseholdStatus.objects.filter(year=latest, klass="ngheo")
    for bit in set(bits.values()):
        statuses = statuses.annotate(**{f"bit_{bit}": Mod(F("deprivation_mask") / (2 ** bit), 2)})
    households = statuses.filter(deprived).values("household_id")
    members = Membership.objects.filter(person=OuterRef("pk"), valid_to__isnull=True, household_id__in=households)
    return qs.filter(alive=True, birth_date__lte=_years_ago(today, 6)).filter(Exists(members))


def gap_persons(user: Any, key: str, today: dt.date | None = None) -> QuerySet[Person] | None:
    today = today or timezone.localdate()
    qs = access_persons(user)
    if key == "75-chua-huu-tri":
        return aged_75_without_pension(qs, today)
    if key == "ngheo-chua-bhyt":
        return poor_without_health_insurance(qs, today)
    raise KeyError(key)


def gaps_by_commune(user: Any, today: dt.date | None = None) -> dict[str, dict[int, int] | None]:
    """``{gap key: {commune id: count} or None (no data)}`` in the reader's scope (one query per gap)."""
    out: dict[str, dict[int, int] | None] = {}
    for key in GAPS:
        qs = gap_persons(user, key, today)
        out[key] = None if qs is None else dict(qs.values("commune_id").annotate(n=Count("id")).values_list("commune_id", "n"))
    return out
