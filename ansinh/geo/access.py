"""Views reach units and agencies only through these functions.

The map of administrative units and agencies is public reference data: every signed-in user
may browse all of it. Whose *data* a user may read or write is decided in
``ansinh.accounts.access``, not here.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from ansinh.geo.models import AdministrativeUnit, Agency, UnitQuerySet


def _signed_in(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def access_units(user: Any) -> UnitQuerySet:
    if not _signed_in(user):
        return AdministrativeUnit.objects.none()
    return AdministrativeUnit.objects.all()


def access_unit(user: Any, unit_id: int) -> AdministrativeUnit:
    unit = access_units(user).select_related("parent").filter(pk=unit_id).first()
    if unit is None:
        raise Http404("Không tìm thấy đơn vị hành chính.")
    return unit


def access_agencies(user: Any) -> QuerySet[Agency]:
    if not _signed_in(user):
        return Agency.objects.none()
    return Agency.objects.all()
