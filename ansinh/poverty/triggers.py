"""Data triggers for step 1's list: households whose data changed in the review year.

A trigger is a named function ``(commune_id, start, end) -> {household_id: note}`` run when a round
opens; the built-in ones read the registry (a member died, a member joined, a member left) and the
benefits app (a decision that ended in the window: "thôi hưởng trợ cấp"). Another app adds its own
with ``register`` (for example the entitlements being built for payments), and the round lists the
household with every note that fired. Each trigger costs one query, whatever the number of households.
The window runs from 1 October of the previous year to 30 September of the review year.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.db.models import Q

Trigger = Callable[[int, dt.date, dt.date], dict[int, str]]
_TRIGGERS: dict[str, Trigger] = {}


def register(key: str, trigger: Trigger) -> None:
    """Add (or replace) a trigger; ``key`` is stable, e.g. ``"benefits.decision_ended"``."""
    _TRIGGERS[key] = trigger


def registered() -> dict[str, Trigger]:
    return dict(_TRIGGERS)


def window(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year - 1, 10, 1), dt.date(year, 9, 30)


def _deaths(commune_id: int, start: dt.date, end: dt.date) -> dict[int, str]:
    from ansinh.registry.models import Membership

    rows = Membership.objects.filter(household__commune_id=commune_id, person__death_date__range=(start, end))
    return {h: "có người mất trong năm" for h in rows.values_list("household_id", flat=True)}


def _joined(commune_id: int, start: dt.date, end: dt.date) -> dict[int, str]:
    from ansinh.registry.models import Membership

    rows = Membership.objects.filter(household__commune_id=commune_id, valid_from__range=(start, end))
    return {h: "có thành viên mới" for h in rows.values_list("household_id", flat=True)}


def _left(commune_id: int, start: dt.date, end: dt.date) -> dict[int, str]:
    from ansinh.registry.models import Membership

    rows = Membership.objects.filter(household__commune_id=commune_id, valid_to__range=(start, end))
    return {h: "có thành viên chuyển đi" for h in rows.values_list("household_id", flat=True)}


def _benefit_ended(commune_id: int, start: dt.date, end: dt.date) -> dict[int, str]:
    """A granted benefits decision of a current member that ended (``ends_on``) in the window."""
    from ansinh.benefits.models_dossier import Decision
    from ansinh.registry.models import Membership

    people = Decision.objects.filter(granted=True, ends_on__range=(start, end)).values("person_id")
    rows = Membership.objects.filter(
        Q(valid_to__isnull=True) | Q(valid_to__gt=start), household__commune_id=commune_id, person_id__in=people
    )
    return {h: "có thành viên thôi hưởng trợ cấp" for h in rows.values_list("household_id", flat=True)}


register("registry.death", _deaths)
register("registry.member_joined", _joined)
register("registry.member_left", _left)
register("benefits.decision_ended", _benefit_ended)


def flagged(commune_id: int, year: int) -> dict[int, str]:
    """Household id → the notes of every trigger that fired for it (joined with "; ")."""
    start, end = window(year)
    notes: dict[int, list[str]] = {}
    for trigger in _TRIGGERS.values():
        for household_id, note in trigger(commune_id, start, end).items():
            if note not in notes.setdefault(household_id, []):
                notes[household_id].append(note)
    return {h: "; ".join(n)[:300] for h, n in notes.items()}
