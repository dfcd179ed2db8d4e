"""Files of a submission: the Excel template (download, upload) and attachments.

The Excel work itself is in ``excel_io`` (shared with the API).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from ansinh.reporting import access
from ansinh.reporting.actions import ReportingError, do_add_attachment
from ansinh.reporting.excel import XLSX_MEDIA_TYPE
from ansinh.reporting.excel_io import excel_bytes, import_excel
from ansinh.reporting.excel_upload import UploadRejected
from ansinh.reporting.forms import AttachmentForm, ExcelUploadForm
from ansinh.reporting.views import render_submission


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
