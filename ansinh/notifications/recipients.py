"""Who is told: each function is one query over the role assignments in force today.

- approvers of a unit's report: the officers who write a unit above it, and the plan's standing
  officers of the unit itself (the rule of ``reporting.actions.require_approve``, admins aside);
- a unit's officers: those whose role is over exactly that unit (or an agency of it);
- the units in a plan's area: every officer whose unit lies in the area (the whole country when
  the plan has no area).

Supervisors (read only) and system administrators are not notified of these events.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from ansinh.accounts.models import RoleAssignment, User

WRITE_ROLES = (RoleAssignment.Role.STANDING, RoleAssignment.Role.AGENCY, RoleAssignment.Role.COMMUNE)


def in_force(day: dt.date | None = None) -> QuerySet[RoleAssignment]:
    """Writing role assignments in force on ``day`` of active users, with their units."""
    day = day or timezone.localdate()
    return (
        RoleAssignment.objects.filter(role__in=WRITE_ROLES, user__is_active=True)
        .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day))
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gt=day))
        .select_related("user", "unit", "agency__unit")
    )


def scope_unit(assignment: RoleAssignment) -> Any:
    if assignment.unit is not None:
        return assignment.unit
    return assignment.agency.unit if assignment.agency is not None else None


def _ancestor_paths(path: str) -> list[str]:
    """``/VN/79/26740/`` → ``/VN/``, ``/VN/79/``, ``/VN/79/26740/``."""
    parts = [p for p in path.split("/") if p]
    return ["/" + "/".join(parts[: i + 1]) + "/" for i in range(len(parts))]


def _at_paths(paths: list[str]) -> Q:
    return Q(unit__path__in=paths) | Q(unit__isnull=True, agency__unit__path__in=paths)


def _users(assignments: Any, exclude: Any = None) -> list[User]:
    skip = getattr(exclude, "pk", None)
    users: dict[int, User] = {}
    for assignment in assignments:
        if assignment.user_id != skip:
            users.setdefault(assignment.user_id, assignment.user)
    return list(users.values())


def approvers_of(unit: Any, plan_id: int, exclude: Any = None) -> list[User]:
    above = _ancestor_paths(unit.path)[:-1]
    own = unit.path
    result = []
    for assignment in in_force().filter(_at_paths([*above, own])):
        where = scope_unit(assignment)
        if where is None:
            continue
        if where.path in above:
            result.append(assignment)
        elif assignment.role == RoleAssignment.Role.STANDING and assignment.plan_id in (None, plan_id):
            result.append(assignment)
    return _users(result, exclude)


def officers_of(unit: Any, exclude: Any = None) -> list[User]:
    return _users(in_force().filter(Q(unit=unit) | Q(unit__isnull=True, agency__unit=unit)), exclude)


def officers_in_area(area: Any) -> list[User]:
    assignments = in_force()
    if area is not None:
        assignments = assignments.filter(
            Q(unit__path__startswith=area.path) | Q(unit__isnull=True, agency__unit__path__startswith=area.path)
        )
    return _users(assignments)
