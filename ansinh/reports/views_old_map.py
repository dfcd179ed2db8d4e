"""The page of a plan's figures on the map before the 2025 reform: filters, scope, render."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ansinh.plans.access import access_plan
from ansinh.reporting.access import access_units
from ansinh.reports.charts import fmt
from ansinh.reports.old_map import build_old_map
from ansinh.reports.views_dashboard import _int_or_none


@login_required
def old_map(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = access_plan(request.user, plan_id)
    board = build_old_map(
        plan, access_units(request.user), year=_int_or_none(request.GET.get("nam")), level=request.GET.get("cap", "")
    )
    decimals = [ind.decimals for ind in board.indicators]  # a shared-back count of households shows as a whole number
    rows = [
        (row.unit, [(fmt(round(c.value, d)) if c.value is not None else "", c.source) for c, d in zip(row.cells, decimals, strict=True)])
        for row in board.rows
    ]
    return render(request, "reports/old_map.html", {"m": board, "rows": rows})
