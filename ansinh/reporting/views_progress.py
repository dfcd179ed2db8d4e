"""What is due (7/3/1 days, overdue) and the progress page of a plan for one unit."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from ansinh.geo.models import AdministrativeUnit
from ansinh.plans import access as plans_access
from ansinh.reporting import access, progress_report
from ansinh.reporting.models import CycleDeadline
from ansinh.reporting.progress import due_soon
from ansinh.reports.unit_picker import resolve_unit, unit_label

BUCKETS = ((0, "Quá hạn"), (1, "Đến hạn trong 1 ngày"), (3, "Đến hạn trong 3 ngày"), (7, "Đến hạn trong 7 ngày"))
MAX_UNIT_CHOICES = 200
LEVELS = dict(CycleDeadline.Level.choices)


@login_required
def due(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    items = due_soon(request.user, today)
    opened = {
        (s.cycle_id, s.unit_id): s.pk
        for s in access.access_submissions(request.user).filter(cycle_id__in={i.cycle.pk for i in items})
    }
    groups = []
    for bucket, title in BUCKETS:
        rows = [
            (item, opened.get((item.cycle.pk, item.unit.pk)), abs(item.days_left), LEVELS.get(item.level, item.level))
            for item in items
            if item.bucket == bucket
        ]
        groups.append({"bucket": bucket, "title": title, "rows": rows})
    return render(request, "reporting/due.html", {"today": today, "groups": groups, "count": len(items)})


def _default_unit(user: Any, plan: Any) -> AdministrativeUnit | None:
    """The plan's area when the reader may read it (an administrator opened a city's plan on the whole country,
    its figures "Số liệu chưa đầy đủ"); else the reader's widest unit."""
    units = access.access_units(user)
    if (area := access.readable_area(plan, units)) is not None:
        return area
    return min(units.filter(valid_to__isnull=True).order_by("path")[:MAX_UNIT_CHOICES], key=lambda u: u.depth, default=None)


@login_required
def plan_progress(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = plans_access.access_plan(request.user, plan_id)
    code = request.GET.get("don_vi", "").strip()
    unit = resolve_unit(request.user, code) if code else _default_unit(request.user, plan)
    cycles = list(access.access_cycles(request.user).filter(plan=plan).order_by("period_end", "kind"))
    cycle = None
    cycle_param = request.GET.get("ky", "").strip()
    if cycle_param.isdigit():
        cycle = next((c for c in cycles if c.pk == int(cycle_param)), None)
    context: dict[str, Any] = {"plan": plan, "unit": unit, "cycles": cycles, "cycle": cycle}
    if unit is not None:
        progress = progress_report.plan_progress(plan, unit, cycle, timezone.localdate())
        context["progress"] = progress
        context["targets"] = [(t, progress_report.goal_label(t.milestone), progress_report.goal_label(t.final)) for t in progress.targets]
    context["unit_label"] = unit_label(unit) if unit is not None else ""
    return render(request, "reporting/progress.html", context)

