"""Plan alignment page: suggested and confirmed parent plans, target-by-target comparison, missing tasks."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from ansinh.plans.access import (
    access_parent_links,
    access_plan,
    access_plan_for_change,
    access_plans,
    can_change_plan,
)
from ansinh.plans.actions import PlanError, do_confirm_link, do_link_plans
from ansinh.plans.models import Plan, Target
from ansinh.reporting.models import TargetIndicatorLink
from ansinh.reports.alignment import TargetPair, TargetSpec, align_targets, suggest_parents, unmatched_tasks
from ansinh.reports.report_text import milestone_text


def _spec(target: Target) -> TargetSpec:
    try:
        link: TargetIndicatorLink | None = target.indicator_link
    except TargetIndicatorLink.DoesNotExist:
        link = None
    return TargetSpec(
        id=target.pk,
        name=target.indicator_name or target.text[:200],
        comparator=target.comparator,
        value=target.value,
        value_max=target.value_max,
        year=target.year,
        unit=target.unit,
        indicator_id=link.indicator_id if link else None,
        direction=link.indicator.direction if link else "",
        milestones=tuple((m.year, m.comparator, m.value, m.value_max) for m in target.milestones.all()),
    )


def _specs(plan: Plan) -> list[TargetSpec]:
    targets = plan.targets.select_related("indicator_link__indicator").prefetch_related("milestones")
    return [_spec(t) for t in targets.order_by("position", "id")]


def _tasks(plan: Plan) -> list[tuple[int, str]]:
    return [(t.pk, t.title) for t in plan.tasks.order_by("position", "id")]


def describe(spec: TargetSpec | None) -> str:
    """A target as one short Vietnamese phrase: "dưới 1% (2025)" (``report_text.milestone_text``)."""
    if spec is None:
        return "—"
    year = f" ({spec.year})" if spec.year else ""
    if spec.value is None:
        return f"? {spec.unit}".strip() + year
    return milestone_text(spec.comparator or "=", spec.value, spec.value_max, spec.unit or "") + year


def _rows(pairs: list[TargetPair]) -> list[dict[str, Any]]:
    return [
        {
            "parent": p.parent,
            "child": p.child,
            "parent_text": describe(p.parent),
            "child_text": describe(p.child),
            "verdict": p.verdict.value,
            "label": p.verdict.label,
            "matched_by": {"indicator": "cùng chỉ tiêu danh mục", "name": "tên gần giống"}.get(p.matched_by, ""),
        }
        for p in pairs
    ]


@login_required
def alignment(request: HttpRequest, child_id: int) -> HttpResponse:
    child = access_plan(request.user, child_id)
    links = list(access_parent_links(request.user, child))
    linked = {link.parent_id for link in links}
    by_id = {p.pk: p for p in access_plans(request.user).exclude(pk=child.pk) if p.number}
    suggestions = [
        {"plan": by_id[pid], "reference": ref}
        for pid, ref in suggest_parents(child.implements, [(p.pk, p.number) for p in by_id.values()])
        if pid not in linked
    ]
    child_specs, child_tasks = _specs(child), _tasks(child)
    sections = []
    for link in links:
        if not link.confirmed:
            continue
        pairs = align_targets(_specs(link.parent), child_specs)
        missing = unmatched_tasks(_tasks(link.parent), child_tasks)
        sections.append({"link": link, "rows": _rows(pairs), "missing_tasks": missing})
    context = {
        "plan": child,
        "links": links,
        "suggestions": suggestions,
        "sections": sections,
        "can_change": can_change_plan(request.user, child),
        "report_year": min(timezone.localdate().year, child.period_end or 2100),
    }
    return render(request, "reports/report_alignment.html", context)


@login_required
@require_POST
def alignment_link(request: HttpRequest, child_id: int) -> HttpResponse:
    child = access_plan_for_change(request.user, child_id)
    try:
        parent = access_plan(request.user, int(request.POST.get("parent", "0")))
    except ValueError:
        messages.error(request, "Kế hoạch cấp trên không hợp lệ.")
        return redirect("reports:alignment", child_id=child.pk)
    try:
        do_link_plans(child, parent, request.user, request.POST.get("reference", ""), confirmed=True)
    except PlanError as err:
        messages.error(request, err.message)
    else:
        messages.success(request, f"Đã xác nhận kế hoạch này thực hiện {parent.number or parent.display_title}.")
    return redirect("reports:alignment", child_id=child.pk)


@login_required
@require_POST
def alignment_confirm(request: HttpRequest, child_id: int, link_id: int) -> HttpResponse:
    child = access_plan_for_change(request.user, child_id)
    link = access_parent_links(request.user, child).filter(pk=link_id).first()
    if link is None:
        messages.error(request, "Không tìm thấy liên kết kế hoạch.")
        return redirect("reports:alignment", child_id=child.pk)
    confirmed = request.POST.get("confirmed", "1") == "1"
    do_confirm_link(link, request.user, confirmed)
    messages.success(request, "Đã xác nhận liên kết." if confirmed else "Đã bỏ xác nhận liên kết.")
    return redirect("reports:alignment", child_id=child.pk)
