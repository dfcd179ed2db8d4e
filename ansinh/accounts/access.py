"""The single place where a user's scope over administrative units is decided.

Every other app asks these functions; none reads ``RoleAssignment`` itself.

| role | reads | writes |
|---|---|---|
| ``admin`` (or a Django superuser) | every unit | every unit |
| ``standing`` | the subtree of its unit (or its agency's unit) | the same |
| ``agency`` | the subtree of its agency's unit (or its unit) | the same |
| ``commune`` | its commune (and anything below it), and the old units it succeeded | its commune |
| ``supervisor`` | the subtree of its unit | nothing |

A subtree is every unit whose materialised ``path`` starts with the root's path, whatever its
validity dates, so officers of today's Hồ Chí Minh City also read the pre-2025 units filed
under ``/VN/79/``. Reading also reaches the units a crosswalk says the subtree succeeded
(``geo.UnitCrosswalk`` predecessors, along chains): the officer of a ward formed in 2025 reads
the records of the old wards it took over, and nothing else of theirs. Writing never does.
``writable_roots`` gives the same write scope as the paths of its roots, for checks made in memory
(a plan's area against them) without a query per object.
Only role assignments in force today (``valid_from``/``valid_to``, exclusive
end) count. Anonymous and inactive users have no scope.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.utils import timezone

from ansinh.accounts.models import RoleAssignment
from ansinh.geo.crosswalk import predecessor_ids
from ansinh.geo.models import AdministrativeUnit

Role = RoleAssignment.Role
_WRITE_ROLES = (Role.STANDING, Role.AGENCY, Role.COMMUNE)


def _today() -> dt.date:
    return timezone.localdate()


def signed_in(user: Any) -> bool:
    """A signed-in, active user: the first condition of every scope."""
    return bool(user is not None and getattr(user, "is_authenticated", False) and getattr(user, "is_active", True))


def roles_of(user: Any, day: dt.date | None = None) -> QuerySet[RoleAssignment]:
    """The user's role assignments in force on ``day`` (default today)."""
    if not signed_in(user):
        return RoleAssignment.objects.none()
    day = day or _today()
    return (
        RoleAssignment.objects.filter(user=user)
        .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day))
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gt=day))
        .select_related("unit", "agency", "agency__unit", "plan")
    )


_CACHE = "_ansinh_scope"  # on the user object, so for one request: (day, roles in force, scope by key)


def _scope_cache(user: Any) -> tuple[list[RoleAssignment], dict[Any, Any]]:
    """The user's roles in force today, read once per user object (i.e. per request), and a memo."""
    day = _today()
    cached = getattr(user, _CACHE, None)
    if cached is None or cached[0] != day:
        cached = (day, list(roles_of(user, day)), {})
        setattr(user, _CACHE, cached)
    return cached[1], cached[2]


def forget_scope(user: Any) -> None:
    """Drop the memo after the user's roles changed (the role actions call it)."""
    if hasattr(user, _CACHE):
        delattr(user, _CACHE)


def is_admin(user: Any) -> bool:
    if not signed_in(user):
        return False
    return bool(getattr(user, "is_superuser", False)) or any(a.role == Role.ADMIN for a in _scope_cache(user)[0])


def _scope_unit(assignment: RoleAssignment) -> AdministrativeUnit | None:
    if assignment.unit is not None:
        return assignment.unit
    if assignment.agency is not None:
        return assignment.agency.unit
    return None


def _root_paths(assignments: Iterable[RoleAssignment]) -> tuple[str, ...]:
    """The sorted paths of the units the assignments are scoped to (assignments with neither unit nor agency: none)."""
    return tuple(sorted({u.path for a in assignments if (u := _scope_unit(a)) is not None}))


def _units_for(user: Any, roles: tuple[str, ...], *, predecessors: bool = False) -> QuerySet[AdministrativeUnit]:
    if not signed_in(user):
        return AdministrativeUnit.objects.none()
    if is_admin(user):
        return AdministrativeUnit.objects.all()
    assignments, memo = _scope_cache(user)
    key = (roles, predecessors)
    if key not in memo:
        paths = _root_paths(a for a in assignments if a.role in roles)
        q = Q()
        for path in paths:
            q |= Q(path__startswith=path)
        if paths and predecessors:
            extra = predecessor_ids(AdministrativeUnit.objects.filter(q).values("pk"))
            if extra:
                q |= Q(pk__in=extra)
        memo[key] = q if paths else None
    q = memo[key]
    return AdministrativeUnit.objects.none() if q is None else AdministrativeUnit.objects.filter(q)


def readable_units(user: Any) -> QuerySet[AdministrativeUnit]:
    """Units whose data the user may read: the subtrees, and the units they succeeded."""
    return _units_for(user, (*_WRITE_ROLES, Role.SUPERVISOR), predecessors=True)


def writable_units(user: Any) -> QuerySet[AdministrativeUnit]:
    """Units whose data the user may enter or change; supervisors get none."""
    return _units_for(user, _WRITE_ROLES)


def writable_roots(user: Any) -> tuple[str, ...] | None:
    """The paths of the roots of ``writable_units`` (``None``: every unit, an admin); no query beyond the roles."""
    if not signed_in(user):
        return ()
    if is_admin(user):
        return None
    assignments, memo = _scope_cache(user)
    if "write_roots" not in memo:
        memo["write_roots"] = _root_paths(a for a in assignments if a.role in _WRITE_ROLES)
    roots: tuple[str, ...] = memo["write_roots"]
    return roots


def can_write_path(user: Any, path: str) -> bool:
    """True if the unit at ``path`` is in ``writable_units(user)``, decided in memory from ``writable_roots``."""
    roots = writable_roots(user)
    return roots is None or any(path.startswith(root) for root in roots)


def units_with_roles(user: Any, roles: tuple[str, ...], *, predecessors: bool = False) -> QuerySet[AdministrativeUnit]:
    """Units reached by the user's assignments of the given roles only (the registry's finer rules)."""
    return _units_for(user, roles, predecessors=predecessors)


def can_read_unit(user: Any, unit: AdministrativeUnit) -> bool:
    return readable_units(user).filter(pk=unit.pk).exists()


def can_write_unit(user: Any, unit: AdministrativeUnit) -> bool:
    return writable_units(user).filter(pk=unit.pk).exists()


def require_read_unit(user: Any, unit: AdministrativeUnit) -> None:
    if not can_read_unit(user, unit):
        raise PermissionDenied(f"Bạn không có quyền xem dữ liệu của {unit.name}.")


def require_write_unit(user: Any, unit: AdministrativeUnit) -> None:
    if not can_write_unit(user, unit):
        if can_read_unit(user, unit):
            raise PermissionDenied(f"Bạn chỉ được xem, không được nhập hoặc sửa dữ liệu của {unit.name}.")
        raise PermissionDenied(f"Bạn không có quyền nhập hoặc sửa dữ liệu của {unit.name}.")


def is_standing_officer(user: Any, plan: Any) -> bool:
    """True if the user holds the ``standing`` role for this plan, or a standing role with no plan.

    A standing assignment without a plan stands for every plan (the unit's standing agency in
    general). Admins are not standing officers by this test; check ``is_admin`` as well if needed.
    """
    if not signed_in(user) or plan is None:
        return False
    plan_id = getattr(plan, "pk", plan)
    return roles_of(user).filter(Q(plan_id=plan_id) | Q(plan__isnull=True), role=Role.STANDING).exists()


def standing_plan_ids(user: Any) -> frozenset[int]:
    """The plans the user is the standing officer of by name (a ``standing`` assignment with that plan)."""
    if not signed_in(user):
        return frozenset()
    return frozenset(a.plan_id for a in _scope_cache(user)[0] if a.role == Role.STANDING and a.plan_id is not None)


def standing_roots(user: Any) -> tuple[str, ...]:
    """The unit paths of the user's ``standing`` assignments with no plan (standing for every plan of that subtree).

    A standing assignment with neither unit nor agency has no root here: it stands for no plan by area.
    """
    if not signed_in(user):
        return ()
    return _root_paths(a for a in _scope_cache(user)[0] if a.role == Role.STANDING and a.plan_id is None)
