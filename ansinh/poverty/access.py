"""Which review rounds a user reads and runs (the unit scope is ``registry.access``'s).

Commune officers run their commune's rounds; province officers read their subtree's rounds and
summaries; supervisors read summaries only (counts, no household).
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from ansinh.accounts.access import is_admin, readable_units
from ansinh.geo.models import AdministrativeUnit
from ansinh.poverty.models import ReviewEntry, ReviewRound
from ansinh.registry.access import can_write_commune, person_units


def access_rounds(user: Any) -> QuerySet[ReviewRound]:
    qs = ReviewRound.objects.select_related("commune", "standard")
    return qs if is_admin(user) else qs.filter(commune__in=person_units(user))


def round_or_404(user: Any, pk: int) -> ReviewRound:
    round_ = access_rounds(user).filter(pk=pk).first()
    if round_ is None:
        raise Http404("Không tìm thấy đợt rà soát, hoặc bạn không có quyền xem.")
    return round_


def entry_or_404(user: Any, pk: int) -> ReviewEntry:
    entry = ReviewEntry.objects.select_related("round__standard", "round__commune", "household").filter(
        pk=pk, round__in=access_rounds(user)
    ).first()
    if entry is None:
        raise Http404("Không tìm thấy hộ trong đợt rà soát, hoặc bạn không có quyền xem.")
    return entry


def can_run(user: Any, round_: ReviewRound) -> bool:
    return can_write_commune(user, round_.commune_id)


def summary_units(user: Any) -> QuerySet[AdministrativeUnit]:
    """Provinces whose summary the user may read (supervisors included)."""
    units = AdministrativeUnit.objects.filter(level="province", valid_to__isnull=True)
    return units if is_admin(user) else units.filter(pk__in=readable_units(user).values("pk")) | units.filter(
        pk__in=readable_units(user).values("parent_id")
    )
