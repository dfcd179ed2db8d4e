"""Files of a submission: the Excel template (download, upload) and attachments.

An upload is read completely before anything is stored; the values then go through
``do_save_values``, the same action as the web form and the API.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from ansinh.reporting import access
from ansinh.reporting.actions import ReportingError, ValidationFailed, do_add_attachment, do_save_values
from ansinh.reporting.entry import submission_indicator_rows
from ansinh.reporting.excel import XLSX_MEDIA_TYPE, TemplateMeta, build_template, template_filename
from ansinh.reporting.excel_upload import UploadRejected, UploadRow, cell_of, read_template
from ansinh.reporting.forms import AttachmentForm, ExcelUploadForm
from ansinh.reporting.models import Submission
from ansinh.reporting.views import render_submission


def template_meta(submission: Submission) -> TemplateMeta:
    return TemplateMeta(
        cycle_id=submission.cycle_id,
        unit_code=submission.unit.code,
        cycle_label=f"{submission.cycle.label} — {submission.cycle.plan.display_title[:120]}",
        unit_name=submission.unit.name,
    )


def excel_bytes(submission: Submission) -> tuple[bytes, str]:
    meta = template_meta(submission)
    return build_template(meta, submission_indicator_rows(submission)), template_filename(meta)


def import_excel(actor: Any, submission: Submission, data: bytes, filename: str) -> int:
    """Read an uploaded template and save its values; raises :class:`UploadRejected` with cell errors."""
    rows = submission_indicator_rows(submission)
    stored = {r.code for r in rows if r.current is not None}
    uploaded = read_template(data, filename, template_meta(submission), {r.code for r in rows})
    kept: list[UploadRow] = [
        r
        for r in uploaded
        if r.code in stored or r.comment or any(x is not None for x in (r.value, r.numerator, r.denominator))
    ]
    try:
        do_save_values(actor, submission, [r.as_values() for r in kept])
    except ValidationFailed as err:
        problems = []
        names = {r.code: r.indicator.name for r in rows}
        for e in err.errors:
            if not 0 <= e.row < len(kept):
                problems.append(e.message)
                continue
            text = e.message.removeprefix(f"{names.get(e.indicator, '')}: ")
            problems.append(f"Ô {cell_of(kept[e.row], e.field)}: {text[:1].lower()}{text[1:]}")
        raise UploadRejected(problems) from err
    except ReportingError as err:
        raise UploadRejected([err.message]) from err
    return len(kept)


@login_required
def excel_download(request: HttpRequest, submission_id: int) -> HttpResponse:
    submission = access.access_submission(request.user, submission_id)
    data, filename = excel_bytes(submission)
    response = HttpResponse(data, content_type=XLSX_MEDIA_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_POST
def excel_upload(request: HttpRequest, submission_id: int) -> HttpResponse:
    submission = access.access_submission(request.user, submission_id, for_write=True)
    form = ExcelUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return render_submission(request, submission, None, status=400, excel_form=form)
    upload = form.cleaned_data["file"]
    try:
        count = import_excel(request.user, submission, upload.read(), upload.name or "")
    except UploadRejected as err:
        return render_submission(request, submission, None, status=400, excel_errors=err.errors)
    messages.success(request, f"Đã nhập số liệu của {count} chỉ tiêu từ tệp Excel.")
    return redirect("reporting:submission", submission_id=submission.pk)


@login_required
@require_POST
def attachment_upload(request: HttpRequest, submission_id: int) -> HttpResponse:
    submission = access.access_submission(request.user, submission_id, for_write=True)
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        return render_submission(request, submission, None, status=400, attachment_form=form)
    upload = form.cleaned_data["file"]
    try:
        do_add_attachment(request.user, submission, upload, name=upload.name or "")
    except ReportingError as err:
        form.add_error("file", err.message)
        return render_submission(request, submission, None, status=400, attachment_form=form)
    messages.success(request, "Đã đính kèm tệp.")
    return redirect("reporting:submission", submission_id=submission.pk)


@login_required
def attachment_download(request: HttpRequest, submission_id: int, attachment_id: int) -> FileResponse:
    submission = access.access_submission(request.user, submission_id)
    attachment = submission.attachments.filter(pk=attachment_id).first()
    if attachment is None:
        raise Http404("Không tìm thấy tệp đính kèm.")
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.name)
