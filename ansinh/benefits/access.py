"""Who reads, prepares and decides which dossiers (the unit scope is ``registry.access``'s).

| role | dossiers |
|---|---|
| ``commune`` | reads and prepares its commune's (files, attaches, assigns, submits; records a paper decision of an authority outside the system) |
| ``chairman`` | reads its commune's and signs the decisions the authority data gives to the commune chairman |
| ``standing`` / ``agency`` | reads its subtree's |
| ``supervisor`` | aggregates only (the on-time share) |
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from ansinh.accounts.access import is_admin, units_with_roles
from ansinh.accounts.models import RoleAssignment
from ansinh.benefits.models import Dossier
from ansinh.registry.access import can_write_commune, person_scope_ids


def access_dossiers(user: Any) -> QuerySet[Dossier]:
    ids = person_scope_ids(user)
    qs = Dossier.objects.all()
    return qs if ids is None else qs.filter(commune_id__in=ids)


def dossier_or_404(user: Any, pk: int) -> Dossier:
    dossier = access_dossiers(user).select_related("person", "programme", "commune", "officer", "processing_time").filter(pk=pk).first()
    if dossier is None:
        raise Http404("Không tìm thấy hồ sơ, hoặc bạn không có quyền xem hồ sơ này.")
    return dossier


def can_prepare(user: Any, commune_id: int) -> bool:
    return can_write_commune(user, commune_id)


def holds_role(user: Any, role: str, commune_id: int) -> bool:
    """The user holds ``role`` (e.g. ``chairman``) on this commune today."""
    if user is None or not getattr(user, "is_authenticated", False) or not role:
        return False
    return units_with_roles(user, (role,)).filter(pk=commune_id).exists()


def is_chairman(user: Any, commune_id: int) -> bool:
    return holds_role(user, RoleAssignment.Role.CHAIRMAN, commune_id)


def may_read_all(user: Any) -> bool:
    return is_admin(user)
