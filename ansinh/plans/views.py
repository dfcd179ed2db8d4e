"""Plan pages: thin views over access functions and actions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from ansinh.plans.access import access_plan, access_plan_for_change, access_plans
from ansinh.plans.actions import PlanError, do_approve_plan
from ansinh.plans.models import Task, TaskAssignment
from ansinh.plans.queries import with_counts

ITEM_KINDS = {
    "target": "targets",
    "task": "tasks",
    "duty": "reporting_duties",
    "funding": "funding_sources",
    "project": "projects",
    "document": "documents_to_issue",
}


@login_required
def plan_list(request: HttpRequest) -> HttpResponse:
    plans = with_counts(access_plans(request.user)).order_by("level", "-date", "id")
    return render(request, "plans/list.html", {"plans": plans})


@login_required
def plan_detail(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = access_plan(request.user, plan_id)
    tasks = list(
        plan.tasks.prefetch_related(Prefetch("assignments", queryset=TaskAssignment.objects.order_by("role", "id")))
    )
    roots = _task_tree(tasks)
    context = {
        "plan": plan,
        "targets": plan.targets.prefetch_related("milestones"),
        "task_roots": roots,
        "task_count": len(tasks),
        "duties": plan.reporting_duties.all(),
        "funding": plan.funding_sources.all(),
        "projects": plan.projects.all(),
        "documents": plan.documents_to_issue.all(),
        "can_approve": plan.is_draft and request.user.has_perm("plans.change_plan"),
    }
    return render(request, "plans/detail.html", context)


def _task_tree(tasks: list[Task]) -> list[Task]:
    by_id = {t.pk: t for t in tasks}
    for t in tasks:
        t.child_list = []  # type: ignore[attr-defined]
    roots = []
    for t in tasks:
        parent = by_id.get(t.parent_id) if t.parent_id else None
        if parent is not None:
            parent.child_list.append(t)  # type: ignore[attr-defined]
        else:
            roots.append(t)
    return roots


@login_required
def item_source(request: HttpRequest, plan_id: int, kind: str, item_id: int) -> HttpResponse:
    plan = access_plan(request.user, plan_id)
    related = ITEM_KINDS.get(kind)
    item = getattr(plan, related).filter(pk=item_id).first() if related else None
    document = plan.source_document
    if item is None or document is None:
        return render(request, "plans/source.html", {"plan": plan, "missing": True}, status=404)
    before, inside, after = document.excerpt(item.source_start, item.source_end, context=1500)
    return render(
        request,
        "plans/source.html",
        {"plan": plan, "item": item, "document": document, "before": before, "inside": inside, "after": after},
    )


@login_required
@require_POST
def plan_approve(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = access_plan_for_change(request.user, plan_id)
    try:
        do_approve_plan(plan, request.user)
    except PlanError as err:
        messages.error(request, err.message)
    else:
        messages.success(request, "Đã phê duyệt kế hoạch; kế hoạch chuyển sang trạng thái đang thực hiện.")
    return redirect("plans:detail", plan_id=plan.pk)
