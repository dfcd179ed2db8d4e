"""Reporting pages: cycles, a unit's submission form, approval. Thin views over access and actions.

Excel and attachment pages are in ``views_files``; due dates and progress in ``views_progress``.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from ansinh.core.middleware import validates_own_fields
from ansinh.core.versioning import BadVersion, StaleVersion, parse_version
from ansinh.reporting import access, duties, entry_cache, sources
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
from ansinh.reporting.entry import due_date, estimate_note
from ansinh.reporting.forms import AttachmentForm, ExcelUploadForm, ReturnForm, SubmissionForm, mark_invalid
from ansinh.reporting.lateness import mark_late, submission_lateness
from ansinh.reporting.models import IndicatorValue, Submission
from ansinh.reports.unit_picker import resolve_unit

MAX_LISTED = 300
CYCLE_PAGE = 100  # submissions per page of a cycle (the whole country has 3,321 communes)
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
    mark_late(submissions)
    return render(request, "reporting/index.html", {"cycles": cycles, "submissions": submissions})


@login_required
def cycle_detail(request: HttpRequest, cycle_id: int) -> HttpResponse:
    cycle = access.access_cycle(request.user, cycle_id)
    prefetch_related_objects([cycle], "deadlines")  # due_date reads them once, not per row
    scoped = access.access_submissions(request.user).filter(cycle=cycle)
    page = Paginator(scoped.select_related("unit", "agency").order_by("unit__path", "id"), CYCLE_PAGE).get_page(
        request.GET.get("trang")
    )
    submissions = list(page.object_list)
    for submission in submissions:
        submission.due = due_date(cycle, submission.unit)  # type: ignore[attr-defined]
    mark_late(submissions)
    writable = list(access.writable_units_for_cycle(request.user, cycle)[:MAX_LISTED])
    opened = set(scoped.filter(unit__in=writable).values_list("unit_id", flat=True))
    openable = [u for u in writable if u.pk not in opened]
    # Beyond MAX_LISTED units (a province's or the country's officers) the unit is searched by name.
    many = len(writable) == MAX_LISTED
    context = {"cycle": cycle, "submissions": submissions, "page": page, "openable": openable, "pick_by_name": many}
    return render(request, "reporting/cycle.html", context)


@login_required
@require_POST
def open_submission(request: HttpRequest, cycle_id: int) -> HttpResponse:
    cycle = access.access_cycle(request.user, cycle_id)
    try:
        typed = request.POST.get("don_vi", "").strip()
        unit_id = resolve_unit(request.user, typed).pk if typed else int(request.POST.get("unit", ""))
    except ValueError:
        messages.error(request, "Hãy chọn đơn vị để lập báo cáo.")
        return redirect("reporting:cycle", cycle_id=cycle.pk)
    except Http404 as err:
        messages.error(request, str(err))
        return redirect("reporting:cycle", cycle_id=cycle.pk)
    unit = access.access_unit_for_submission(request.user, cycle, unit_id)
    try:
        submission = do_open_submission(request.user, cycle, unit)
    except ReportingError as err:
        messages.error(request, err.message)
        return redirect("reporting:cycle", cycle_id=cycle.pk)
    return redirect("reporting:submission", submission_id=submission.pk)


def _form(submission: Submission, data: Any = None, early: bool | None = None, only_changed: bool = False) -> SubmissionForm:
    """The form; a new figure defaults to an estimate when the report is due before the data cut-off."""
    if early is None:
        early = bool(estimate_note(submission.cycle, due_date(submission.cycle, submission.unit)))
    indicator_rows, task_rows = entry_cache.rows(submission)
    return SubmissionForm(
        data,
        indicator_rows=indicator_rows,
        task_rows=task_rows,
        version=submission.version,
        default_status=IndicatorValue.Status.ESTIMATE if early else IndicatorValue.Status.FINAL,
        proposals=sources.proposals_for(submission),
        only_changed=only_changed,
    )


def _shown_form(submission: Submission, data: Any) -> SubmissionForm:
    """The whole posted form, parsed, to show it back with its errors."""
    form = _form(submission, data)
    form.is_valid()
    return form


def _posted_version(request: HttpRequest) -> int | None:
    """The optional version an approval or return form carries."""
    return parse_version(request.POST.get("version"))


def _entry(form: SubmissionForm, cycle: Any, editable: bool) -> str:
    """The indicator rows and tasks of a posted form (``reporting/_entry.html``); the cells only where editable."""
    if editable:
        indicators, tasks = form.indicator_cells(), form.task_cells()
    else:
        indicators, tasks = [(row, {}) for row in form.indicator_rows], [(row, {}) for row in form.task_rows]
    return entry_cache.frame(
        cycle,
        [entry_cache.render_indicator_row(row, cells, editable) for row, cells in indicators],
        [entry_cache.render_task_row(row, cells, editable) for row, cells in tasks],
    )


def render_submission(
    request: HttpRequest, submission: Submission, form: SubmissionForm | None, status: int = 200, **extra: Any
) -> HttpResponse:
    can_write = access.can_write_submission(request.user, submission)
    can_review = access.can_review_submission(request.user, submission)
    editable = can_write and submission.is_editable
    due = due_date(submission.cycle, submission.unit)
    note = estimate_note(submission.cycle, due)
    if form is None:
        # A fresh form: rows read now, each rendered once per process for what it shows (entry_cache).
        entry = entry_cache.entry_html(submission, editable, bool(note))
        version_field = format_html('<input type="hidden" name="version" value="{}" id="id_version">', submission.version)
    else:
        mark_invalid(form)
        entry = _entry(form, submission.cycle, editable)
        version_field = mark_safe(str(form["version"]))  # the version posted: a re-save must still conflict
    extra.setdefault("attachment_form", AttachmentForm())
    extra.setdefault("excel_form", ExcelUploadForm())
    extra.setdefault("return_form", ReturnForm())
    for each in (extra["attachment_form"], extra["excel_form"], extra["return_form"]):
        mark_invalid(each)
    can_approve = can_review and submission.status == Submission.Status.SUBMITTED
    own_work = duties.own_work(request.user, submission) if can_approve else None
    if own_work and not duties.self_approval_allowed():
        can_approve = False
    context = {
        "own_work": own_work,
        "submission": submission,
        "cycle": submission.cycle,
        "due": due,
        "late": submission_lateness(submission, due),
        "estimate_note": note,
        "form": form,
        "entry": mark_safe(entry),  # rendered by Django templates (escaped there) and entry_html
        "version_field": version_field,
        "editable": editable,
        "can_approve": can_approve,
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
@validates_own_fields(SubmissionForm.MEASURED_FIELDS)
def submission_detail(request: HttpRequest, submission_id: int) -> HttpResponse:
    """GET: the form (or a read-only view); POST: save, or save and submit, through the actions."""
    if request.method != "POST":
        return render_submission(request, access.access_submission(request.user, submission_id), None)
    submission = access.access_submission(request.user, submission_id, for_write=True)
    # Only the rows whose posted cells differ from the stored ones are parsed, checked and saved; the
    # version check refuses a form read before another save, so "stored" is what the officer saw.
    form = _form(submission, request.POST, only_changed=True)
    if not form.is_valid():
        return render_submission(request, submission, _shown_form(submission, request.POST), status=400)
    values, index = form.values()
    items = form.task_items()
    submit = "submit" in request.POST
    stage = "values"
    try:
        read = form.read_version()
        with transaction.atomic():
            do_save_values(request.user, submission, values, expected_version=read, draft=not submit)
            stage = "tasks"
            if items:
                do_save_task_progress(request.user, submission, items)
            stage = "submit"
            if submit:
                do_submit(request.user, submission)
    except ValidationFailed as err:
        shown = _shown_form(submission, request.POST)
        if stage == "values":
            shown.add_value_errors(err.errors, index)
        else:
            shown.add_task_errors(err.errors, items)
        submission.refresh_from_db()
        return render_submission(request, submission, shown, status=400)
    except StaleVersion as err:
        # Show the stored report as it is now, never the stale form (saving it would overwrite).
        submission.refresh_from_db()
        return render_submission(request, submission, None, status=409, conflict=err)
    except (ReportingError, BadVersion) as err:
        shown = _shown_form(submission, request.POST)
        shown.add_error(None, err.message)
        submission.refresh_from_db()
        return render_submission(request, submission, shown, status=400)
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
        do_approve(request.user, submission, expected_version=_posted_version(request))
    except (ReportingError, BadVersion) as err:
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
        do_return(request.user, submission, form.cleaned_data["reason"].strip(), expected_version=_posted_version(request))
    except (ReportingError, BadVersion) as err:
        messages.error(request, err.message)
    else:
        messages.success(request, "Đã trả lại báo cáo cho đơn vị kèm lý do.")
    return redirect("reporting:submission", submission_id=submission.pk)
