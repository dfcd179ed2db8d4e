"""Work queues: the approver's queue (filters, search, paging, counts, approve/return) and a unit's to-do list.

Both pages run a fixed number of queries whatever the number of units, cycles or submissions.
Approving and returning go through ``reporting.actions`` exactly as on the submission page.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from ansinh.lib.text import fold_key
from ansinh.plans.models import Plan
from ansinh.reporting import access
from ansinh.reporting.actions import ReportingError, do_approve, do_return
from ansinh.reporting.forms import ReturnForm
from ansinh.reporting.forms_queue import ALL, QueueFilterForm
from ansinh.reporting.lateness import annotate_due, annotate_sent_on, late_q, mark_late
from ansinh.reporting.models import ReportingCycle, Submission
from ansinh.reporting.queue import owed, plans_matching, reviewable_submissions

PAGE_SIZE = 25


def _plan_choices() -> list[tuple[int, str]]:
    plans = Plan.objects.filter(status=Plan.Status.ACTIVE).order_by("-id").values_list("pk", "number", "title")
    return [(pk, f"{number} {title}".strip()[:120]) for pk, number, title in plans]


def _cycle_choices() -> list[tuple[int, str]]:
    cycles = (
        ReportingCycle.objects.filter(plan__status=Plan.Status.ACTIVE)
        .order_by("-period_end", "plan_id", "kind")
        .values_list("pk", "label", "plan__number")
    )
    return [(pk, f"{label} — {number}" if number else label) for pk, label, number in cycles]


def _form(data: Any) -> QueueFilterForm:
    return QueueFilterForm(data, plans=_plan_choices(), cycles=_cycle_choices())


def _filtered(user: Any, form: QueueFilterForm) -> Any:
    """The user's reviewable submissions with every filter but the status (the counts need them all)."""
    today = timezone.localdate()
    qs = annotate_sent_on(annotate_due(reviewable_submissions(user)))
    data = form.cleaned_data
    if data.get("ke_hoach"):
        qs = qs.filter(cycle__plan_id=data["ke_hoach"])
    if data.get("ky"):
        qs = qs.filter(cycle_id=data["ky"])
    if data.get("don_vi"):
        code = data["don_vi"].strip()
        qs = qs.filter(Q(unit__code=code) | Q(unit__parent__code=code))
    if data.get("tre_han"):
        qs = qs.filter(late_q(today))
    key = fold_key(data.get("q") or "")
    if key:
        qs = qs.filter(Q(unit__name_key__contains=key) | Q(cycle__plan_id__in=plans_matching(key)))
    return qs


@login_required
def approval_queue(request: HttpRequest) -> HttpResponse:
    """What waits for the user's approval; every other status one click away."""
    form = _form(request.GET or None)
    if request.GET and not form.is_valid():
        refused: dict[str, Any] = {"form": form, "page": None, "counts": [], "total": 0, "query": ""}
        return render(request, "reporting/queue.html", refused, status=400)
    if not request.GET:
        form = _form({})
        form.is_valid()
    qs = _filtered(request.user, form)
    by_status = {row["status"]: row["n"] for row in qs.order_by().values("status").annotate(n=Count("id"))}
    status = form.status()
    if status:
        qs = qs.filter(status=status)
    page = Paginator(qs.order_by("due", "submitted_at", "unit__path", "pk"), PAGE_SIZE).get_page(request.GET.get("trang"))
    mark_late(list(page.object_list))
    params = {k: v for k, v in request.GET.items() if k != "trang"}
    counts = [
        (value, label, by_status.get(value, 0), (status or ALL) == value) for value, label in Submission.Status.choices
    ]
    context: dict[str, Any] = {
        "form": form,
        "page": page,
        "counts": counts,
        "total": sum(by_status.values()),
        "all_selected": status is None,
        "return_form": ReturnForm(),
        "query": urlencode(params),
        "other_filters": urlencode({k: v for k, v in params.items() if k != "trang_thai"}),
        "here": request.get_full_path(),
    }
    return render(request, "reporting/queue.html", context)


def _back(request: HttpRequest) -> HttpResponse:
    target = request.POST.get("next", "")
    queue = reverse("reporting:queue")
    if not (target.startswith(queue) and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()})):
        target = queue
    return redirect(target)


@login_required
@require_POST
def queue_approve(request: HttpRequest, submission_id: int) -> HttpResponse:
    submission = access.access_submission_for_review(request.user, submission_id)
    try:
        do_approve(request.user, submission)
    except ReportingError as err:
        messages.error(request, err.message)
    else:
        messages.success(request, f"Đã phê duyệt báo cáo «{submission.cycle.label}» của {submission.unit.name}.")
    return _back(request)


@login_required
@require_POST
def queue_return(request: HttpRequest, submission_id: int) -> HttpResponse:
    submission = access.access_submission_for_review(request.user, submission_id)
    form = ReturnForm(request.POST)
    if not form.is_valid():
        reason_errors = form.errors.get("reason") or ["Hãy ghi lý do trả lại báo cáo."]
        messages.error(request, f"Chưa trả lại báo cáo của {submission.unit.name}: {reason_errors[0]}")
        return _back(request)
    try:
        do_return(request.user, submission, form.cleaned_data["reason"].strip())
    except ReportingError as err:
        messages.error(request, err.message)
    else:
        messages.success(request, f"Đã trả lại báo cáo của {submission.unit.name} kèm lý do.")
    return _back(request)


@login_required
def unit_todo(request: HttpRequest) -> HttpResponse:
    """What the user's units owe, per plan: overdue, due in 1/3/7 days, returned with the reason."""
    today = timezone.localdate()
    groups = owed(request.user, today)
    returned = [item for group in groups for item in group.items if item.returned]
    summary = {
        "overdue": sum(g.count(0) for g in groups),
        "one": sum(g.count(1) for g in groups),
        "three": sum(g.count(3) for g in groups),
        "seven": sum(g.count(7) for g in groups),
    }
    context = {"today": today, "groups": groups, "returned": returned, "summary": summary}
    return render(request, "reporting/todo.html", context)
