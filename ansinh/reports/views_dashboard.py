"""Dashboard pages: parse the filters, check scope through the access functions, render."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import EmptyResultSet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from ansinh.plans.access import access_plan, access_plans
from ansinh.plans.models import Plan
from ansinh.reporting.access import access_units, default_unit
from ansinh.reports import dashboard_cache
from ansinh.reports.charts import indicator_chart, legend_svg
from ansinh.reports.dashboards import build_dashboard
from ansinh.reports.unit_picker import resolve_unit, unit_label


def _int_or_none(text: str | None) -> int | None:
    try:
        return int(text) if text else None
    except ValueError:
        return None


@login_required
def dashboard_index(request: HttpRequest) -> HttpResponse:
    plans = access_plans(request.user).filter(status=Plan.Status.ACTIVE).order_by("level", "-date", "id")
    return render(request, "reports/dashboard_index.html", {"plans": plans})


@login_required
def dashboard(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = access_plan(request.user, plan_id)
    readable = access_units(request.user)
    code = request.GET.get("unit", "").strip()
    unit = resolve_unit(request.user, code) if code else default_unit(plan, readable)
    if unit is None:
        return render(request, "reports/dashboard_no_scope.html", {"plan": plan}, status=403)
    year, level = _int_or_none(request.GET.get("nam")), request.GET.get("level", "")
    indicator_key, page = request.GET.get("chi_tieu", ""), _int_or_none(request.GET.get("trang")) or 1

    def body() -> str:
        board = build_dashboard(plan, unit, readable, year=year, level=level, indicator_key=indicator_key, page=page)
        context = {
            "d": board,
            "cards": [(card, indicator_chart(card, f"bieu-do-{card.key}")) for card in board.cards],
            "legend": legend_svg(),
            "unit_label": unit_label(unit),
        }
        return render_to_string("reports/_dashboard_body.html", context)  # no request: nothing per user

    # The same scope, filters, day and data state give the same body (reports.dashboard_cache).
    try:
        scope = str(readable.query)
    except EmptyResultSet:
        scope = "none"
    key = ("dashboard", plan.pk, unit.pk, scope, year, level, indicator_key, page, timezone.localdate(),
           *dashboard_cache.state_token(plan, unit))
    html = dashboard_cache.cached(key, body)
    return render(request, "reports/dashboard.html", {"unit": unit, "body": mark_safe(html)})  # our own rendering, escaped there
