"""The "Chỉ tiêu theo dõi" step: link each plan target to a catalogue indicator; and the approval page.

Thin views over ``reporting.linking`` and ``reporting.approval``; refusals come back as messages.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from ansinh.core.errors import UserError
from ansinh.core.lookup import first_or_404
from ansinh.geo.search import picker_results
from ansinh.lib.vnnumbers import format_vn
from ansinh.plans.access import (
    access_plan,
    access_plan_item,
    can_change_plan,
    can_choose_nationwide,
    require_plan_change,
)
from ansinh.plans.models import Plan, Target
from ansinh.reporting.access import access_indicators
from ansinh.reporting.approval import (
    NATIONWIDE,
    checklist,
    country_unit,
    do_approve_with_checklist,
    missing_message,
    past_due,
)
from ansinh.reporting.linking import (
    STRONG_SCORE,
    do_accept_suggestions,
    do_confirm_link,
    do_create_indicator_from_target,
    do_unlink_target,
    proposed_indicator,
    require_link_permission,
    search_indicators,
    target_rows,
    type_conflict,
)
from ansinh.reporting.models import Indicator


def can_link(user: Any, plan: Plan) -> bool:
    try:
        require_link_permission(user, plan)
    except PermissionDenied:
        return False
    return True


def _plan_for_change(request: HttpRequest, plan_id: int) -> Plan:
    plan = access_plan(request.user, plan_id)
    require_link_permission(request.user, plan)
    return plan


def _target(plan: Plan, target_id: int) -> Target:
    target = access_plan_item(plan, "target", target_id)
    assert isinstance(target, Target)
    return target


def _back(plan: Plan, target_id: int | None = None) -> HttpResponse:
    url = reverse("plans:link", kwargs={"plan_id": plan.pk})
    return redirect(f"{url}#chi-tieu-{target_id}" if target_id else url)


@login_required
def link_page(request: HttpRequest, plan_id: int, *, form_target: int | None = None,
              form_values: dict[str, Any] | None = None, status: int = 200) -> HttpResponse:
    plan = access_plan(request.user, plan_id)
    rows = target_rows(plan)
    query = request.GET.get("q", "").strip()[:200]
    search_for = request.GET.get("chi_tieu", "")
    indicators = list(access_indicators(request.user))
    for row in rows:
        found = search_indicators(query, indicators) if str(row.target.pk) == search_for else None
        row.search_results = None if found is None else [(i, type_conflict(row.target.unit, i.value_type)) for i in found]  # type: ignore[attr-defined]
        # A suggestion below the strong score shares only part of the name: it says so, beside its confirm button.
        row.shown = [  # type: ignore[attr-defined]
            (i, s, format_vn(s, 2), type_conflict(row.target.unit, i.value_type), s < STRONG_SCORE) for i, s in row.suggestions
        ]
        # A new-indicator form posted back with errors shows what was typed (and opens); otherwise it is prefilled
        # from the target (direction from "không quá", share or amount).
        row.proposal = (form_values or proposed_indicator(row.target)) if row.target.pk == form_target else None  # type: ignore[attr-defined]
        row.prefill = row.proposal or proposed_indicator(row.target)  # type: ignore[attr-defined]
    context = {
        "plan": plan,
        "rows": rows,
        "query": query,
        "search_for": search_for,
        "can_link": can_link(request.user, plan),
        "strong_text": format_vn(STRONG_SCORE, 1),
        "n_strong": sum(1 for r in rows if r.strong and not (r.link and r.link.confirmed)),
        "n_linked": sum(1 for r in rows if r.link and r.link.confirmed),
        "choices": {
            "direction": Indicator.Direction.choices,
            "value_type": Indicator.ValueType.choices,
            "aggregation": Indicator.Aggregation.choices,
            "time_aggregation": Indicator.TimeAggregation.choices,
        },
    }
    return render(request, "reporting/link.html", context, status=status)


@login_required
@require_POST
def link_target(request: HttpRequest, plan_id: int, target_id: int) -> HttpResponse:
    plan = _plan_for_change(request, plan_id)
    target = _target(plan, target_id)
    code = request.POST.get("indicator", "").strip()
    indicator = first_or_404(access_indicators(request.user).filter(code=code), f"Không có chỉ tiêu mã «{code}» trong danh mục.")
    score = request.POST.get("score", "")
    try:
        was = request.POST.get("was")
        _, warnings = do_confirm_link(request.user, target, indicator, float(score) if _is_number(score) else None,
                                      was=None if was is None else was.strip())
    except UserError as err:
        messages.error(request, err.message)
    else:
        messages.success(request, f"Đã liên kết «{target.indicator_name}» với «{indicator.name}».")
        for warning in warnings:
            messages.warning(request, f"Lưu ý: {warning}")
    return _back(plan, target.pk)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


@login_required
@require_POST
def unlink_target(request: HttpRequest, plan_id: int, target_id: int) -> HttpResponse:
    plan = _plan_for_change(request, plan_id)
    target = _target(plan, target_id)
    try:
        do_unlink_target(request.user, target)
    except UserError as err:
        messages.error(request, err.message)
    else:
        messages.success(request, f"Đã bỏ liên kết của «{target.indicator_name}».")
    return _back(plan, target.pk)


@login_required
@require_POST
def accept_suggestions(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = _plan_for_change(request, plan_id)
    try:
        made = do_accept_suggestions(request.user, plan, STRONG_SCORE)
    except UserError as err:
        messages.error(request, err.message)
    else:
        messages.success(request, f"Đã xác nhận {len(made)} gợi ý mạnh.")
    return _back(plan)


FIELDS = ("name", "unit", "direction", "value_type", "aggregation", "time_aggregation")


@login_required
@require_POST
def create_indicator(request: HttpRequest, plan_id: int, target_id: int) -> HttpResponse:
    plan = _plan_for_change(request, plan_id)
    target = _target(plan, target_id)
    fields = {name: request.POST.get(name, "").strip() for name in FIELDS}
    try:
        indicator, warnings = do_create_indicator_from_target(request.user, target, fields)
    except UserError as err:
        messages.error(request, err.message)
        return link_page(request, plan.pk, form_target=target.pk, form_values=fields, status=400)
    messages.success(request, f"Đã tạo chỉ tiêu «{indicator.name}» ({indicator.code}) trong danh mục và liên kết.")
    for warning in warnings:
        messages.warning(request, f"Lưu ý: {warning}")
    return _back(plan, target.pk)


# --- approval ----------------------------------------------------------------------------------


def _chosen_area(request: HttpRequest, plan: Plan) -> Any:
    from ansinh.geo.access import access_units

    data = request.POST if request.method == "POST" else request.GET
    raw = NATIONWIDE if data.get("area_mode") == NATIONWIDE else (data.get("area") or "").strip()
    if raw == NATIONWIDE:
        return country_unit()
    if raw.isdigit():
        return access_units(request.user).filter(pk=int(raw)).first()
    return plan.area if request.method != "POST" else None


NO_CYCLES = (
    "Đã phê duyệt kế hoạch, nhưng chưa tạo kỳ báo cáo nào: kế hoạch không nêu báo cáo hằng năm, 6 tháng, quý hay "
    "tháng. Hãy thêm các kỳ báo cáo cần thiết bên dưới (chọn loại kỳ và năm)."
)

PAST_DUE = (
    "{n} kỳ báo cáo đã quá hạn gửi ngay khi tạo ({labels}): kế hoạch được phê duyệt sau các kỳ này. Nếu không cần "
    "báo cáo bổ sung cho các kỳ đó, hãy bấm «Xóa kỳ» hoặc «Dời hạn» ở bảng bên dưới."
)


@login_required
def plan_approve(request: HttpRequest, plan_id: int) -> HttpResponse:
    """GET: the checklist and the confirmation; POST: approve and create the cycles."""
    plan = access_plan(request.user, plan_id)
    if request.method == "POST":
        require_plan_change(request.user, plan)
    area = _chosen_area(request, plan)
    if request.method == "POST":
        try:
            plan, cycles = do_approve_with_checklist(plan, request.user, area, confirmed=request.POST.get("xac_nhan") == "1")
        except UserError as err:
            messages.error(request, err.message)
        else:
            if cycles:
                messages.success(request, f"Đã phê duyệt kế hoạch và tạo {len(cycles)} kỳ báo cáo; kiểm tra hạn của từng cấp bên dưới.")
                past = past_due(cycles, timezone.localdate())
                if past:  # a plan approved after its first year: that year's report is overdue from the start
                    messages.warning(request, PAST_DUE.format(n=len(past), labels=", ".join(c.label for c in past[:4])))
            else:  # a regime "theo giai đoạn" or "khi có yêu cầu" names no period the cycles could follow
                messages.warning(request, NO_CYCLES)
            return redirect("plans:cycles", plan_id=plan.pk)
    checks = checklist(plan, area)
    query = request.GET.get("dia-ban-q", "").strip()
    context = {
        "picker_query": query,
        "picker_results": picker_results(request.user, query),
        "plan": plan,
        "checks": checks,
        "area": area,
        "missing": missing_message(checks),
        "can_approve": plan.is_draft and can_change_plan(request.user, plan),
        "nationwide": NATIONWIDE,
        "is_nationwide": area is not None and area.level == "country",
        "offer_nationwide": can_choose_nationwide(request.user, plan),
        "picker_area": None if area is None or area.level == "country" else area,
    }
    return render(request, "reporting/approve.html", context, status=400 if request.method == "POST" else 200)
