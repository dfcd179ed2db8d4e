"""Uploading a plan document: store it as a draft plan, then review it."""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from ansinh.documents import jobs
from ansinh.documents.access import access_import_job, require_importer
from ansinh.documents.formats import DocumentError
from ansinh.documents.models import ImportJob

log = logging.getLogger(__name__)

ALLOWED_EXTENSIONS = (".txt", ".docx", ".pdf", ".png", ".jpg", ".jpeg")
# Formats that may need OCR (minutes): read in a background job the page polls.
BACKGROUND_EXTENSIONS = frozenset({".pdf", ".png", ".jpg", ".jpeg"})


def _size_label(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n // 1024} KB"


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Tệp văn bản kế hoạch",
        error_messages={
            "required": "Hãy chọn một tệp để tải lên.",
            "empty": "Tệp rỗng, không có nội dung.",
            "invalid": "Không nhận được tệp; hãy chọn lại tệp.",
            "missing": "Không nhận được tệp; hãy chọn lại tệp.",
        },
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ALLOWED_EXTENSIONS)}),
    )
    import_anyway = forms.BooleanField(
        label="Vẫn nhập thành kế hoạch mới dù đã có kế hoạch cùng nội dung",
        required=False,
        widget=forms.HiddenInput,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = (
            f"Văn bản .txt, .docx, .pdf hoặc ảnh quét .png, .jpg; tối đa {_size_label(settings.MAX_UPLOAD_BYTES)}. "
            "Kế hoạch được lưu ở trạng thái nháp để rà soát trước khi phê duyệt."
        )

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        ext = Path(upload.name or "").suffix.lower()
        if ext not in ALLOWED_EXTENSIONS:
            raise forms.ValidationError(
                f"Không nhận tệp đuôi «{ext or '(không có đuôi)'}»; chỉ nhận .txt, .docx, .pdf, .png, .jpg."
            )
        if upload.size is not None and upload.size > settings.MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                f"Tệp quá lớn ({_size_label(upload.size)}); tối đa {_size_label(settings.MAX_UPLOAD_BYTES)}."
            )
        return upload


def _save_temp(upload: UploadedFile) -> Path:
    """Copy the upload to a private temporary file under MEDIA_ROOT, keeping its extension."""
    folder = Path(settings.MEDIA_ROOT) / "tmp"
    folder.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(suffix=Path(upload.name or "").suffix.lower(), dir=folder)
    with os.fdopen(fd, "wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    return Path(name)


@login_required
def upload(request: HttpRequest) -> HttpResponse:
    require_importer(request.user)
    form = UploadForm(request.POST, request.FILES) if request.method == "POST" else UploadForm()
    if form.is_bound and form.is_valid():
        from ansinh.documents.actions import SameDocument, do_import_document, find_imported

        upload_file: UploadedFile = form.cleaned_data["file"]
        filename = Path(upload_file.name or "van-ban").name
        path = _save_temp(upload_file)
        handed_over = False
        try:
            existing = find_imported(path)
            if existing is not None:
                messages.info(request, "Văn bản này đã được nhập trước đó; mở lại kế hoạch đã có.")
                return redirect("plans:review", plan_id=existing.pk)
            actor = get_user_model().objects.get(pk=request.user.pk or 0)
            if path.suffix in BACKGROUND_EXTENSIONS:
                job = jobs.do_create_import_job(filename, actor)
                handed_over = True
                jobs.launch(job, path, actor)
                return redirect("documents:job", job_id=job.pk)
            plan = do_import_document(
                path, actor, filename=filename, refuse_same_text=not form.cleaned_data.get("import_anyway")
            )
        except SameDocument as err:
            offer = UploadForm(initial={"import_anyway": True})
            context = {"form": offer, "same": err.plan, "same_message": err.message}
            return render(request, "documents/upload.html", context, status=409)
        except DocumentError as err:
            form.add_error("file", err.message)
        except Exception:
            log.exception("upload of %s failed", filename)
            form.add_error("file", jobs.UNEXPECTED)
        else:
            messages.success(request, _read_message(filename, plan))
            return redirect("plans:review", plan_id=plan.pk)
        finally:
            if not handed_over:
                path.unlink(missing_ok=True)
    status = 400 if form.is_bound else 200
    return render(request, "documents/upload.html", {"form": form}, status=status)


def _read_message(filename: str, plan: Any) -> str:
    """What a read document gave, the same after an upload read at once and after a background job."""
    return (f"Đã đọc «{filename}»: {plan.targets.count()} chỉ tiêu, {plan.tasks.count()} nhiệm vụ. "
            "Hãy rà soát từng mục trước khi phê duyệt.")


@login_required
def job_page(request: HttpRequest, job_id: int) -> HttpResponse:
    """Progress of a background import; done → the review page, failed → the form with the error."""
    job = access_import_job(request.user, job_id)
    state = jobs.job_state(job)
    if state["status"] == ImportJob.Status.DONE and job.plan_id:
        messages.success(request, _read_message(job.filename, job.plan))
        return redirect("plans:review", plan_id=job.plan_id)
    if state["finished"]:
        form = UploadForm(data={}, files={})
        form.is_valid()
        form.errors.pop("file", None)
        form.add_error("file", f"«{job.filename}»: {state['message']}")
        return render(request, "documents/upload.html", {"form": form, "job": job}, status=200)
    return render(request, "documents/job.html", {"job": job, "state": state})


@login_required
def job_state(request: HttpRequest, job_id: int) -> JsonResponse:
    job = access_import_job(request.user, job_id)
    return JsonResponse({**jobs.job_state(job), "page": reverse("documents:job", kwargs={"job_id": job.pk})})
