"""What the registry and the poverty review say about a person on a date, as ``rules.Facts``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ansinh.benefits.rules import Facts
from ansinh.registry.models import Membership, Person


def household_class_on(person: Person, day: dt.date) -> str:
    """The recognised class (``poverty.HouseholdStatus``) of the person's household on ``day`` ("" if none)."""
    from django.db.models import Q

    from ansinh.poverty.models import HouseholdStatus

    membership = (
        Membership.objects.filter(person=person, valid_from__lte=day)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gt=day)).order_by("-valid_from").first()
    )
    if membership is None:
        return ""
    status = (
        HouseholdStatus.objects.filter(household_id=membership.household_id, valid_from__lte=day)
        .order_by("-valid_from", "-year").values_list("klass", flat=True).first()
    )
    return status or ""


def facts_for(person: Person, day: dt.date, conditions: Iterable[str] = (), children: int = 1) -> Facts:
    return Facts(
        birth_date=person.birth_date, household_class=household_class_on(person, day),
        conditions=frozenset(conditions), children=children, death_date=person.death_date,
    )
