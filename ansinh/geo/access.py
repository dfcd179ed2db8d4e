"""Views reach units and agencies only through these functions.

The map of administrative units and agencies is public reference data: every signed-in user
may browse all of it. Whose *data* a user may read or write is decided in
``ansinh.accounts.access``, not here.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from ansinh.accounts.access import readable_units, signed_in
from ansinh.core.lookup import first_or_404
from ansinh.geo.models import AdministrativeUnit, Agency, UnitQuerySet


def access_units(user: Any) -> UnitQuerySet:
    if not signed_in(user):
        return AdministrativeUnit.objects.none()
    return AdministrativeUnit.objects.all()


def access_readable_units(user: Any) -> UnitQuerySet:
    """Units whose *data* the user may read (the scope ``accounts.access.readable_units`` decides)."""
    return readable_units(user)  # type: ignore[return-value]


def access_unit(user: Any, unit_id: int) -> AdministrativeUnit:
    return first_or_404(access_units(user).select_related("parent").filter(pk=unit_id), "Không tìm thấy đơn vị hành chính.")


def access_agencies(user: Any) -> QuerySet[Agency]:
    if not signed_in(user):
        return Agency.objects.none()
    return Agency.objects.all()
