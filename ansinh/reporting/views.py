"""Reporting pages: cycles, a unit's submission form, approval. Thin views over access and actions.

Excel and attachment pages are in ``views_files``; due dates and progress in ``views_progress``.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from ansinh.reporting import access, sources
from ansinh.reporting.actions import (
    ReportingError,
    ValidationFailed,
    do_approve,
    do_open_submission,
    do_return,
    do_save_task_progress,
    do_save_values,
    do_submit,
)
from ansinh.reporting.entry import due_date, submission_indicator_rows, submission_task_rows
from ansinh.reporting.forms import AttachmentForm, ExcelUploadForm, ReturnForm, SubmissionForm, mark_invalid
from ansinh.reporting.models import Submission

MAX_LISTED = 300
HISTORY_SHOWN = 30
ACTION_LABELS = {
    "reporting.open_submission": "Lập báo cáo",
    "reporting.save_values": "Lưu số liệu",
    "reporting.submit": "Gửi báo cáo",
    "reporting.approve": "Phê duyệt",
    "reporting.return": "Trả lại",
}


@login_required
def index(request: HttpRequest) -> HttpResponse:
    """Cycles and the submissions the user may see, with their due dates and statuses."""
    cycles = list(access.access_cycles(request.user).order_by("-period_end", "plan_id")[:MAX_LISTED])
    submissions = list(
        access.access_submissions(request.user)
        .prefetch_related("cycle__deadlines")
        .order_by("-cycle__period_end", "unit__path")[:MAX_LISTED]
    )
    for submission in submissions:
        submission.due = due_date(submission.cycle, submission.unit)  # type: ignore[attr-defined]
    return render(request, "reporting/index.html", {"cycles": cycles, "submissions": submissions})


@login_required
def cycle_detail(request: HttpRequest, cycle_id: int) -> HttpResponse:
    cycle = access.access_cycle(request.user, cycle_id)
    submissions = list(access.access_submissions(request.user).filter(cycle=cycle).order_by("unit__path"))
    for submission in submissions:
        submission.due = due_date(cycle, submission.unit)  # type: ignore[attr-defined]
    opened = {s.unit_id for s in submissions}
    openable = [u for u in access.writable_units_for_cycle(request.user, cycle)[:MAX_LISTED] if u.pk not in opened]
    context = {"cycle": cycle, "submissions": submissions, "openable": openable}
    return render(request, "reporting/cycle.html", context)


@login_required
@require_POST
def open_submission(request: HttpRequest, cycle_id: int) -> HttpResponse:
    cycle = access.access_cycle(request.user, cycle_id)
    try:
        unit_id = int(request.POST.get("unit", ""))
    except ValueError:
        messages.error(request, "Hãy chọn đơn vị để lập báo cáo.")
        return redirect("reporting:cycle", cycle_id=cycle.pk)
    unit = access.access_unit_for_submission(request.user, cycle, unit_id)
    try:
        submission = do_open_submission(request.user, cycle, unit)
    except ReportingError as err:
        messages.error(request, err.message)
        return redirect("reporting:cycle", cycle_id=cycle.pk)
    return redirect("reporting:submission", submission_id=submission.pk)


def _form(submission: Submission, data: Any = None) -> SubmissionForm:
    return SubmissionForm(
        data,
        indicator_rows=submission_indicator_rows(submission),
        task_rows=submission_task_rows(submission),
        proposals=sources.proposals_for(submission),
    )


def render_submission(
    request: HttpRequest, submission: Submission, form: SubmissionForm | None, status: int = 200, **extra: Any
) -> HttpResponse:
    can_write = access.can_write_submission(request.user, submission)
    can_review = access.can_review_submission(request.user, submission)
    editable = can_write and submission.is_editable
    if form is None:
        form = _form(submission)
    extra.setdefault("attachment_form", AttachmentForm())
    extra.setdefault("excel_form", ExcelUploadForm())
    extra.setdefault("return_form", ReturnForm())
    for each in (form, extra["attachment_form"], extra["excel_form"], extra["return_form"]):
        mark_invalid(each)
    context = {
        "submission": submission,
        "cycle": submission.cycle,
        "due": due_date(submission.cycle, submission.unit),
        "form": form,
        "editable": editable,
        "can_approve": can_review and submission.status == Submission.Status.SUBMITTED,
        "can_return": can_review and submission.status in (Submission.Status.SUBMITTED, Submission.Status.APPROVED),
        "history": [
            (event, ACTION_LABELS.get(event.action, event.action))
            for event in access.submission_history(submission)[:HISTORY_SHOWN]
        ],
        "attachments": submission.attachments.all(),
        **extra,
    }
    return render(request, "reporting/submission.html", context, status=status)


@login_required
def submission_detail(request: HttpRequest, submission_id: int) -> HttpResponse:
    """GET: the form (or a read-only view); POST: save, or save and submit, through the actions."""
    if request.method != "POST":
        return render_submission(request, access.access_submission(request.user, submission_id), None)
    submission = access.access_submission(request.user, submission_id, for_write=True)
    form = _form(submission, request.POST)
    if not form.is_valid():
        return render_submission(request, submission, form, status=400)
    values, index = form.values()
    items = form.task_items()
    submit = "submit" in request.POST
    stage = "values"
    try:
        with transaction.atomic():
            do_save_values(request.user, submission, values)
            stage = "tasks"
            do_save_task_progress(request.user, submission, items)
            stage = "submit"
            if submit:
                do_submit(request.user, submission)
    except ValidationFailed as err:
        if stage == "values":
            form.add_value_errors(err.errors, index)
        else:
            form.add_task_errors(err.errors, items)
        submission.refresh_from_db()
        return render_submission(request, submission, form, status=400)
    except ReportingError as err:
        form.add_error(None, err.message)
        submission.refresh_from_db()
        return render_submission(request, submission, form, status=400)
    if submit:
        messages.success(request, "Đã gửi báo cáo; báo cáo chờ cơ quan thường trực phê duyệt.")
    else:
        messages.success(request, "Đã lưu số liệu.")
    return redirect("reporting:submission", submission_id=submission.pk)


@login_required
@require_POST
def submission_approve(request: HttpRequest, submission_id: int) -> HttpResponse:
    submission = access.access_submission_for_review(request.user, submission_id)
    try:
        do_approve(request.user, submission)
    except ReportingError as err:
        messages.error(request, err.message)
    else:
        messages.success(request, "Đã phê duyệt báo cáo; số liệu được tổng hợp lên các cấp.")
    return redirect("reporting:submission", submission_id=submission.pk)


@login_required
@require_POST
def submission_return(request: HttpRequest, submission_id: int) -> HttpResponse:
    submission = access.access_submission_for_review(request.user, submission_id)
    form = ReturnForm(request.POST)
    if not form.is_valid():
        return render_submission(request, submission, None, status=400, return_form=form)
    try:
        do_return(request.user, submission, form.cleaned_data["reason"].strip())
    except ReportingError as err:
        messages.error(request, err.message)
    else:
        messages.success(request, "Đã trả lại báo cáo cho đơn vị kèm lý do.")
    return redirect("reporting:submission", submission_id=submission.pk)
