"""A person's benefits (decisions, dossiers, this month's amount explained) and the on-time dashboard."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from ansinh.benefits.access import access_dossiers, can_prepare
from ansinh.benefits.charts import month_bars
from ansinh.benefits.models import Decision
from ansinh.benefits.ontime import commune_rows, communes_under, monthly_totals, stats_units
from ansinh.benefits.topups import load_topups
from ansinh.core.errors import UserError
from ansinh.geo.models import AdministrativeUnit
from ansinh.registry.access import person_or_404
from ansinh.registry.models import Person
from ansinh.registry.models_privacy import AccessKind
from ansinh.registry.privacy import log_access

PAGE = 50


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text else default
    except ValueError:
        return default


def _month(text: str, today: dt.date) -> tuple[int, int, str]:
    """``2025-09`` → (2025, 9, ""); bad text → this month and a Vietnamese message."""
    from ansinh.benefits.management.commands.benefits import parse_month

    if not text:
        return today.year, today.month, ""
    try:
        year, month = parse_month(text)
    except UserError as err:
        return today.year, today.month, err.message
    return year, month, ""


@login_required
@require_GET
def person_benefits(request: HttpRequest, code: str) -> HttpResponse:
    from ansinh.benefits.facts import facts_for
    from ansinh.benefits.programmes import programme_rules
    from ansinh.benefits.rules import monthly

    person = person_or_404(request.user, code)
    today = timezone.localdate()
    year, month, month_error = _month(request.GET.get("thang", "").strip()[:10], today)
    log_access(request.user, AccessKind.VIEW, [person.pk], purpose=f"Xem trợ cấp tháng {month:02d}/{year}")
    decisions = list(Decision.objects.filter(person=person).select_related("programme", "authority", "dossier").order_by("-signed_on", "-id")[:50])
    dossiers = list(access_dossiers(request.user).filter(person=person).select_related("programme").order_by("-received_on")[:50])
    entitlement = monthly(
        programme_rules(), facts_for(person, dt.date(year, month, 1), by_decision=True), year, month, load_topups()
    )
    context = {
        "person": person, "decisions": decisions, "dossiers": dossiers, "entitlement": entitlement,
        "month_label": f"{month:02d}/{year}", "month_value": f"{year}-{month:02d}", "month_error": month_error,
        "may_file": can_prepare(request.user, person.commune_id),
    }
    context.update(_payments_context(person))
    return render(request, "benefits/person.html", context, status=400 if month_error else 200)


def _payments_context(person: Person) -> dict[str, object]:
    """The stored monthly entitlements (each with its basis) and the payments of the last 24 months."""
    from ansinh.benefits.models import Adjustment, BankAccount, EntitlementMonth, PaymentLine

    months = list(
        EntitlementMonth.objects.filter(person=person).select_related("programme", "basis", "decision").order_by("-month", "id")[:48]
    )
    lines = list(PaymentLine.objects.filter(person=person).select_related("payment_list").order_by("-month", "-id")[:48])
    return {
        "entitlements": months, "payments": lines,
        "adjustments": list(Adjustment.objects.filter(person=person).order_by("-month", "-id")[:24]),
        "account": BankAccount.objects.filter(person=person, status=BankAccount.Status.APPROVED).first(),
    }


def _unit(request: HttpRequest) -> AdministrativeUnit:
    units = stats_units(request.user)
    code = request.GET.get("unit", "").strip()[:16]
    if code:
        unit = units.filter(code=code, valid_to__isnull=True).first()
        if unit is None:
            raise PermissionDenied(f"Không có đơn vị mã «{code}» trong phạm vi bạn được xem.")
        return unit
    unit = units.filter(valid_to__isnull=True).order_by("path").first()
    if unit is None:
        raise PermissionDenied("Bạn không có quyền xem số liệu hồ sơ trợ cấp của đơn vị nào.")
    return unit


@login_required
@require_GET
def on_time(request: HttpRequest) -> HttpResponse:
    """On-time dossiers per month for a unit (chart and table) and per commune under it (paged)."""
    today = timezone.localdate()
    year = _int(request.GET.get("nam"), today.year)
    if not 2020 <= year <= 2100:
        year = today.year
    unit = _unit(request)
    totals = monthly_totals(unit, year, today)
    communes = communes_under(unit).filter(valid_to__isnull=True).order_by("name", "pk")
    page = Paginator(communes, PAGE).get_page(_int(request.GET.get("trang"), 1))
    shares = [totals[m].share if m in totals else None for m in range(1, 13)]
    return render(request, "benefits/on_time.html", {
        "unit": unit, "year": year, "totals": [(m, totals.get(m)) for m in range(1, 13)],
        "chart": month_bars(f"Tỷ lệ hồ sơ giải quyết đúng hạn năm {year} — {unit.name}", shares, "bieu-do-dung-han", target=100),
        "rows": commune_rows(list(page), year, today), "page": page, "months": range(1, 13),
    })
