"""Who reads and writes which persons and households, and what of them they see.

Every queryset of persons or households that a view, the API or an export uses comes from here;
the unit scope itself is decided by ``ansinh.accounts.access``.

| role | persons and households | ID number and phone |
|---|---|---|
| ``admin`` | all | shown |
| ``commune`` | read and write its commune (and the old units it succeeded, read only) | shown |
| ``standing`` / ``agency`` (e.g. the province) | read their subtree | masked, unless the user holds ``registry.view_identity`` |
| ``supervisor`` | none: aggregates only (``registry_stats``) | — |

Masking is one function, ``identity_for``, used by the templates (``registry_tags``) and the API.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from ansinh.accounts.access import is_admin, readable_units, signed_in, units_with_roles
from ansinh.accounts.models import RoleAssignment
from ansinh.geo.models import AdministrativeUnit
from ansinh.registry.models import ChangeRequest, Household, Person

Role = RoleAssignment.Role
_PERSON_ROLES = (Role.STANDING, Role.AGENCY, Role.COMMUNE, Role.CHAIRMAN)
_CACHE = "_ansinh_registry_scope"


def _memo(user: Any, key: str, make: Any) -> Any:
    cache = getattr(user, _CACHE, None)
    if cache is None:
        cache = {}
        setattr(user, _CACHE, cache)
    if key not in cache:
        cache[key] = make()
    return cache[key]


def person_units(user: Any) -> QuerySet[AdministrativeUnit]:
    """Units whose persons the user may see one by one (supervisors: none)."""
    if is_admin(user):
        return AdministrativeUnit.objects.all()
    return units_with_roles(user, _PERSON_ROLES, predecessors=True)


def writable_person_units(user: Any) -> QuerySet[AdministrativeUnit]:
    """Units whose registry the user may change: commune officers' communes (and admins)."""
    if is_admin(user):
        return AdministrativeUnit.objects.all()
    return units_with_roles(user, (Role.COMMUNE,))


def _unit_ids(user: Any, which: str) -> set[int] | None:
    """Unit ids (None: every unit) for ``read``, ``write`` or ``clear`` (ID and phone unmasked)."""
    if not signed_in(user):
        return set()
    if is_admin(user):
        return None

    def make() -> set[int]:
        if which == "read":
            return set(person_units(user).values_list("pk", flat=True))
        units = writable_person_units(user).values_list("pk", flat=True)
        if which == "clear" and user.has_perm("registry.view_identity"):
            units = person_units(user).values_list("pk", flat=True)
        return set(units)

    result: set[int] = _memo(user, which, make)
    return result


def person_scope_ids(user: Any) -> set[int] | None:
    """Unit ids whose persons the user reads (None: every unit)."""
    return _unit_ids(user, "read")


def access_persons(user: Any) -> QuerySet[Person]:
    ids = _unit_ids(user, "read")
    qs = Person.objects.filter(deleted_at__isnull=True)
    return qs if ids is None else qs.filter(commune_id__in=ids)


def access_households(user: Any) -> QuerySet[Household]:
    ids = _unit_ids(user, "read")
    qs = Household.objects.filter(deleted_at__isnull=True)
    return qs if ids is None else qs.filter(commune_id__in=ids)


def access_changes(user: Any) -> QuerySet[ChangeRequest]:
    ids = _unit_ids(user, "read")
    qs = ChangeRequest.objects.all()
    return qs if ids is None else qs.filter(commune_id__in=ids)


def can_write_commune(user: Any, commune_id: int) -> bool:
    ids = _unit_ids(user, "write")
    return ids is None or commune_id in ids


def can_see_identity(user: Any, commune_id: int) -> bool:
    ids = _unit_ids(user, "clear")
    return ids is None or commune_id in ids


def person_or_404(user: Any, code: str) -> Person:
    person = access_persons(user).select_related("commune").filter(registry_code=code.strip().upper()).first()
    if person is None:
        raise Http404("Không tìm thấy nhân khẩu, hoặc bạn không có quyền xem người này.")
    return person


def household_or_404(user: Any, pk: int) -> Household:
    household = access_households(user).select_related("commune", "head").filter(pk=pk).first()
    if household is None:
        raise Http404("Không tìm thấy hộ gia đình, hoặc bạn không có quyền xem hộ này.")
    return household


def mask(value: str, keep_start: int = 3, keep_end: int = 2) -> str:
    """``079085012345`` → ``079*******45``; short values are masked whole."""
    if not value:
        return ""
    if len(value) <= keep_start + keep_end:
        return "*" * len(value)
    return value[:keep_start] + "*" * (len(value) - keep_start - keep_end) + value[-keep_end:]


def identity_for(user: Any, person: Person) -> dict[str, Any]:
    """The personal ID number and phone as this user may see them (the one masking function)."""
    clear = can_see_identity(user, person.commune_id)
    return {
        "personal_id": person.personal_id if clear else mask(person.personal_id),
        "phone": person.phone if clear else mask(person.phone, 2, 2),
        "masked": not clear,
    }


def registry_stats(user: Any | None) -> dict[str, int]:
    """Households and persons in the user's scope (supervisors included: counts only); None: all."""
    persons = Person.objects.filter(deleted_at__isnull=True)
    households = Household.objects.filter(deleted_at__isnull=True)
    if user is not None and not is_admin(user):
        units = readable_units(user).values("pk")
        persons, households = persons.filter(commune_id__in=units), households.filter(commune_id__in=units)
    return {"households": households.count(), "persons": persons.count()}
