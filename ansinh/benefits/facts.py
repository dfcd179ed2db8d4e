"""What the registry and the poverty review say about a person on a date, as ``rules.Facts``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ansinh.benefits.rules import Facts, Grant
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


def grants_of(person: Person) -> tuple[tuple[Grant, ...], frozenset[str]]:
    """The person's granted decisions (as ``Grant``) and the conditions they confirmed."""
    from ansinh.benefits.models import Decision

    rows = Decision.objects.filter(person=person, granted=True).select_related("programme")
    grants, conditions = [], set()
    for d in rows:
        if d.effective_from is not None:
            grants.append(Grant(d.programme.code, d.category_code, d.effective_from, d.ends_on))
            conditions.update(d.conditions)
    return tuple(grants), frozenset(conditions)


def facts_for(
    person: Person, day: dt.date, conditions: Iterable[str] = (), children: int = 1, *, by_decision: bool = False
) -> Facts:
    """Facts on ``day``; ``by_decision``: only what decisions grant, with the conditions they confirmed."""
    grants: tuple[Grant, ...] | None = None
    confirmed: frozenset[str] = frozenset()
    if by_decision:
        grants, confirmed = grants_of(person)
    return Facts(
        birth_date=person.birth_date, household_class=household_class_on(person, day),
        conditions=frozenset(conditions) | confirmed, children=children, death_date=person.death_date, grants=grants,
        province=person.province_code or "",
    )
