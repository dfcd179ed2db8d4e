"""Quick corrections on the review page (``corrections.py``): forms that work without JavaScript.

``?them-con=<task id>`` (or ``?them-con=goc``) opens "add a task under this one"; ``?sua-nhanh=target-<id>``
opens split / merge / make-a-milestone for a target. Unit fields offer a searchable list of names (the
plan's own and the agencies in scope, ``?co-quan-q=``; with JavaScript the fields also ask ``geo:unit_search``
with ``pham-vi=co-quan``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from ansinh.lib.vnnumbers import parse_vn
from ansinh.plans.access import access_plan_for_change, access_plan_item
from ansinh.plans.actions import PlanError
from ansinh.plans.corrections import (
    agency_choices,
    do_add_subtask,
    do_merge_targets,
    do_split_target,
    do_target_to_milestone,
    unit_lines,
)
from ansinh.plans.models import Plan, Target, Task
from ansinh.plans.pasted_tasks import do_paste_tasks
from ansinh.plans.review import LOCKED, item_token
from ansinh.plans.views import _review_url, _token

SPLIT_PARTS = 3


def quick_context(request: HttpRequest, plan: Plan, can_edit: bool) -> dict[str, Any]:
    """What the review page needs to show the quick-correction forms asked for in its query."""
    if not can_edit:
        return {"quick_key": "", "subtask_parent": ""}
    parent = request.GET.get("them-con", "").strip()
    quick = request.GET.get("sua-nhanh", "").strip()
    context: dict[str, Any] = {"quick_key": quick, "subtask_parent": parent, "split_rows": range(1, SPLIT_PARTS + 1)}
    if parent:
        context["parent_task"] = cast(Task, access_plan_item(plan, "task", int(parent))) if parent.isdigit() else None
        context["agency_query"] = request.GET.get("co-quan-q", "").strip()[:100]
        context["agency_names"] = agency_choices(request.user, plan, context["agency_query"])
    kind, _, rest = quick.partition("-")
    if kind == "target" and rest.isdigit():
        target = cast(Target, access_plan_item(plan, "target", int(rest)))
        context["quick_target"] = target
        context["quick_token"] = item_token(target)
        context["other_targets"] = [t for t in plan.targets.all() if t.pk != target.pk]
    return context


def _refused(request: HttpRequest, plan: Plan, message: str, key: str = "") -> HttpResponse:
    messages.error(request, message)
    response = redirect(_review_url(plan, key))
    response.status_code = 303
    return response


def _parent(plan: Plan, value: str) -> Task | None:
    value = value.strip()
    if value in ("", "goc"):
        return None
    if not value.isdigit():
        raise PlanError("Nhiệm vụ cha không hợp lệ.")
    return cast(Task, access_plan_item(plan, "task", int(value)))


def _task_correction(request: HttpRequest, plan_id: int, add: Callable[[Plan], tuple[str, Task]]) -> HttpResponse:
    """What adding tasks shares: the draft plan, a refusal shown at the top of the review page, and on success the
    message and the first task ``add`` returns, shown."""
    plan = access_plan_for_change(request.user, plan_id)
    if not plan.is_draft:
        return _refused(request, plan, LOCKED)
    try:
        message, shown = add(plan)
    except PlanError as err:
        return _refused(request, plan, err.message)
    messages.success(request, message)
    return redirect(_review_url(plan, f"task-{shown.pk}"))


@login_required
@require_POST
def review_add_subtask(request: HttpRequest, plan_id: int) -> HttpResponse:
    """Add a task under a chosen parent, with its lead and coordinating units."""

    def add(plan: Plan) -> tuple[str, Task]:
        title = request.POST.get("title", "").strip()
        if not title:
            raise PlanError("Chưa nhập tên nhiệm vụ; nhiệm vụ chưa được thêm.")
        if len(title) > 2000:
            raise PlanError("Tên nhiệm vụ dài quá 2.000 ký tự; nhiệm vụ chưa được thêm.")
        fields = {"title": title, "number": request.POST.get("number", "").strip()[:40],
                  "timeline": request.POST.get("timeline", "").strip()[:300]}
        task = do_add_subtask(plan, _parent(plan, request.POST.get("parent", "")), fields, request.user,
                              lead=unit_lines("\n".join(request.POST.getlist("lead"))),
                              coordinate=unit_lines("\n".join(request.POST.getlist("coordinate"))))
        return f"Đã thêm nhiệm vụ {task.number} «{task.title[:80]}».", task

    return _task_correction(request, plan_id, add)


@login_required
@require_POST
def review_paste_tasks(request: HttpRequest, plan_id: int) -> HttpResponse:
    """Add the rows of an assignment table pasted from Word or Excel (or a numbered list) as tasks."""

    def add(plan: Plan) -> tuple[str, Task]:
        text = request.POST.get("bang", "")
        if not text.strip():
            raise PlanError("Chưa dán bảng nhiệm vụ nào; không có gì được thêm.")
        added = do_paste_tasks(plan, _parent(plan, request.POST.get("parent", "")), text, request.user)
        led = sum(1 for t in added if t.lead_names)
        return (f"Đã thêm {len(added)} nhiệm vụ từ bảng đã dán ({led} nhiệm vụ có cơ quan chủ trì); "
                "hãy kiểm tra từng nhiệm vụ trước khi phê duyệt."), added[0]

    return _task_correction(request, plan_id, add)


def _split_parts(request: HttpRequest) -> list[dict[str, Any]]:
    parts: list[dict[str, Any]] = []
    for k in range(1, SPLIT_PARTS + 1):
        name = request.POST.get(f"indicator_name_{k}", "").strip()[:500]
        raw = request.POST.get(f"value_{k}", "").strip()
        if not name and not raw:
            continue
        value = parse_vn(raw) if raw else None
        if value is None:
            raise PlanError(f"Giá trị của phần {k} không phải là số (ví dụ 3,5).")
        part: dict[str, Any] = {"indicator_name": name, "value": value}
        year = request.POST.get(f"year_{k}", "").strip()
        if year:
            if not year.isdigit() or not 1900 <= int(year) <= 2100:
                raise PlanError(f"Năm của phần {k} không hợp lệ (ví dụ 2030).")
            part["year"] = int(year)
        parts.append(part)
    return parts


def _target_correction(
    request: HttpRequest, plan_id: int, item_id: int, correct: Callable[[Plan, Target], tuple[str, Target]]
) -> HttpResponse:
    """What every target correction shares: the draft plan and its target, a refusal shown at the target, and on
    success the message and the target ``correct`` returns, shown."""
    plan = access_plan_for_change(request.user, plan_id)
    target = cast(Target, access_plan_item(plan, "target", item_id))
    key = f"target-{target.pk}"
    if not plan.is_draft:
        return _refused(request, plan, LOCKED, key)
    try:
        message, shown = correct(plan, target)
    except PlanError as err:
        return _refused(request, plan, err.message, key)
    messages.success(request, message)
    return redirect(_review_url(plan, f"target-{shown.pk}"))


@login_required
@require_POST
def review_split_target(request: HttpRequest, plan_id: int, item_id: int) -> HttpResponse:
    def split(plan: Plan, target: Target) -> tuple[str, Target]:
        made = do_split_target(target, _split_parts(request), request.user, expected_token=_token(request))
        return f"Đã tách chỉ tiêu thành {len(made)} chỉ tiêu.", target

    return _target_correction(request, plan_id, item_id, split)


def _picked_targets(plan: Plan, values: list[str]) -> list[Target]:
    ids = [int(v) for v in values if v.strip().isdigit()]
    if len(ids) != len(values) or not ids:
        raise PlanError("Hãy chọn chỉ tiêu trong danh sách.")
    found = list(plan.targets.filter(pk__in=ids))
    if len(found) != len(set(ids)):
        raise PlanError("Chỉ tiêu đã chọn không thuộc kế hoạch này.")
    return found


@login_required
@require_POST
def review_merge_targets(request: HttpRequest, plan_id: int, item_id: int) -> HttpResponse:
    def merge(plan: Plan, keep: Target) -> tuple[str, Target]:
        others = _picked_targets(plan, request.POST.getlist("others"))
        do_merge_targets(keep, others, request.user, expected_token=_token(request))
        return f"Đã gộp {len(others)} chỉ tiêu vào «{keep.indicator_name[:80]}».", keep

    return _target_correction(request, plan_id, item_id, merge)


@login_required
@require_POST
def review_target_to_milestone(request: HttpRequest, plan_id: int, item_id: int) -> HttpResponse:
    def to_milestone(plan: Plan, target: Target) -> tuple[str, Target]:
        (into,) = _picked_targets(plan, [request.POST.get("into", "")])
        do_target_to_milestone(target, into, request.user, expected_token=_token(request))
        return f"Đã chuyển thành mốc lộ trình của «{into.indicator_name[:80]}».", into

    return _target_correction(request, plan_id, item_id, to_milestone)
