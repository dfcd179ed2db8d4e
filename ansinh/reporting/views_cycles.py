"""A plan's reporting cycles: list, add, remove, move a level's due date (buttons, not commands)."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from ansinh.core.errors import UserError
from ansinh.core.lookup import first_or_404
from ansinh.plans.access import access_plan, access_plan_for_change, can_change_plan
from ansinh.reporting.cycle_edit import ADDABLE, do_add_cycle, do_move_deadline, do_remove_cycle
from ansinh.reporting.cycles import ROMAN_QUARTERS
from ansinh.reporting.models import CycleDeadline, ReportingCycle

NO_CYCLE = "Không tìm thấy kỳ báo cáo này của kế hoạch."


@login_required
def plan_cycles(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = access_plan(request.user, plan_id)
    cycles = list(ReportingCycle.objects.filter(plan=plan).prefetch_related("deadlines").order_by("period_end", "kind"))
    years = list(range((plan.period_start or dt.date.today().year), (plan.period_end or plan.period_start or dt.date.today().year) + 1))
    context = {
        "plan": plan,
        "cycles": cycles,
        "can_edit": can_change_plan(request.user, plan),
        "kinds": [(k.value, k.label) for k in ADDABLE],
        "years": years,
        "quarters": list(enumerate(ROMAN_QUARTERS, start=1)),
        "months": list(range(1, 13)),
    }
    return render(request, "reporting/plan_cycles.html", context)


def _whole(text: str) -> int | None:
    text = (text or "").strip()
    return int(text) if text.isdigit() else None


@login_required
@require_POST
def cycle_add(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = access_plan_for_change(request.user, plan_id)
    kind = request.POST.get("kind", "")
    year = _whole(request.POST.get("year", ""))
    part = _whole(request.POST.get("quarter" if kind == "quarterly" else "month", ""))
    try:
        if year is None:
            raise UserError("Năm phải là số nguyên, ví dụ 2026.")
        cycle = do_add_cycle(request.user, plan, kind, year, part)
    except UserError as err:
        messages.error(request, err.message)
    else:
        messages.success(request, f"Đã thêm «{cycle.label}».")
    return redirect("plans:cycles", plan_id=plan.pk)


@login_required
@require_POST
def cycle_remove(request: HttpRequest, plan_id: int, cycle_id: int) -> HttpResponse:
    plan = access_plan_for_change(request.user, plan_id)
    cycle = first_or_404(ReportingCycle.objects.filter(plan=plan, pk=cycle_id).select_related("plan"), NO_CYCLE)
    try:
        do_remove_cycle(request.user, cycle)
    except UserError as err:
        messages.error(request, err.message)
    else:
        messages.success(request, f"Đã xóa «{cycle.label}».")
    return redirect("plans:cycles", plan_id=plan.pk)


def _date(text: str) -> dt.date | None:
    """A date typed as ngày/tháng/năm (05/11/2026) or sent as YYYY-MM-DD; None when unreadable."""
    text = (text or "").strip()
    for parse in (lambda t: dt.datetime.strptime(t, "%d/%m/%Y").date(), dt.date.fromisoformat):
        try:
            return parse(text)
        except ValueError:
            continue
    return None


@login_required
@require_POST
def deadline_move(request: HttpRequest, plan_id: int, deadline_id: int) -> HttpResponse:
    plan = access_plan_for_change(request.user, plan_id)
    deadline = first_or_404(
        CycleDeadline.objects.filter(cycle__plan=plan, pk=deadline_id).select_related("cycle__plan"), NO_CYCLE
    )
    due = _date(request.POST.get("due", ""))
    try:
        if due is None:
            raise UserError("Hạn báo cáo không hợp lệ; dùng dạng ngày/tháng/năm, ví dụ 05/11/2026.")
        do_move_deadline(request.user, deadline, due, _date(request.POST.get("was", "")))
    except UserError as err:
        messages.error(request, err.message)
    else:
        messages.success(request, f"Đã dời hạn {deadline.get_level_display().lower()} của «{deadline.cycle.label}» sang {due:%d/%m/%Y}.")
    return redirect("plans:cycles", plan_id=plan.pk)
