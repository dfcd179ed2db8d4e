"""Registry pages: search, a person, a household, the privacy log. Every read of persons is logged."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from ansinh.accounts.access import is_admin
from ansinh.core.views import page_number
from ansinh.registry.access import (
    access_changes,
    can_write_commune,
    household_or_404,
    person_or_404,
    person_units,
    registry_stats,
)
from ansinh.registry.models import Membership, Relation
from ansinh.registry.models_privacy import AccessKind, PersonAccess
from ansinh.registry.privacy import accesses_of, log_access
from ansinh.registry.search import search_persons


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    may_see_persons = is_admin(request.user) or person_units(request.user).exists()
    result = None
    if query and may_see_persons:
        result = search_persons(request.user, query, page_number(request))
        if result.persons:
            log_access(request.user, AccessKind.SEARCH, [p.pk for p in result.persons], query=query, purpose="Tìm kiếm")
    return render(request, "registry/index.html", {
        "query": query, "result": result, "may_see_persons": may_see_persons,
        "stats": None if query else registry_stats(request.user),
    })


@login_required
@require_GET
def person_detail(request: HttpRequest, code: str) -> HttpResponse:
    person = person_or_404(request.user, code)
    log_access(request.user, AccessKind.VIEW, [person.pk], purpose=request.GET.get("muc_dich", "")[:300])
    memberships = list(
        Membership.objects.filter(person=person).select_related("household").order_by("-valid_from", "-id")
    )
    return render(request, "registry/person.html", {
        "person": person, "memberships": memberships,
        "changes": list(access_changes(request.user).filter(person=person).select_related("created_by", "decided_by")[:20]),
        "accesses": accesses_of(person.pk, 20), "can_write": can_write_commune(request.user, person.commune_id),
    })


@login_required
@require_GET
def household_detail(request: HttpRequest, pk: int) -> HttpResponse:
    household = household_or_404(request.user, pk)
    rows = list(Membership.objects.filter(household=household).select_related("person").order_by("valid_to", "valid_from", "id"))
    current = [m for m in rows if m.valid_to is None and m.person.alive]
    log_access(request.user, AccessKind.HOUSEHOLD, [m.person_id for m in current], purpose="Xem hộ gia đình")
    # the head died (and no new head was chosen): say so instead of showing the dead person as head
    dead_heads = [m.person for m in rows if m.relation == Relation.HEAD and not m.person.alive]
    head_deceased = dead_heads[-1] if dead_heads and (household.head is None or not household.head.alive) else None
    return render(request, "registry/household.html", {
        "household": household, "current": current, "history": [m for m in rows if m not in current],
        "head_deceased": head_deceased,
        "changes": list(access_changes(request.user).filter(household=household).select_related("created_by")[:20]),
        "can_write": can_write_commune(request.user, household.commune_id),
    })


@login_required
@require_GET
def access_log(request: HttpRequest) -> HttpResponse:
    """The privacy log: admins see every read; others their own."""
    if not (is_admin(request.user) or person_units(request.user).exists()):
        raise PermissionDenied("Bạn không có quyền xem nhật ký truy cập dữ liệu cá nhân.")
    rows = PersonAccess.objects.select_related("user")
    if not is_admin(request.user):
        rows = rows.filter(user_id=int(request.user.pk or 0))
    page = page_number(request)
    return render(request, "registry/access_log.html", {"rows": list(rows[(page - 1) * 50 : page * 50]), "page": page})
