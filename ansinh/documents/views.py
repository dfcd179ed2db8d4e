"""Uploading a plan document: store it as a draft plan, then review it."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from ansinh.documents.formats import DocumentError

ALLOWED_EXTENSIONS = (".txt", ".docx", ".pdf", ".png", ".jpg", ".jpeg")


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
    if not request.user.has_perm("plans.change_plan"):
        raise PermissionDenied("Bạn không có quyền nhập văn bản kế hoạch.")
    form = UploadForm(request.POST, request.FILES) if request.method == "POST" else UploadForm()
    if form.is_bound and form.is_valid():
        from ansinh.documents.actions import do_import_document, find_imported

        upload_file: UploadedFile = form.cleaned_data["file"]
        path = _save_temp(upload_file)
        try:
            existing = find_imported(path)
            if existing is not None:
                messages.info(request, "Văn bản này đã được nhập trước đó; mở lại kế hoạch đã có.")
                return redirect("plans:review", plan_id=existing.pk)
            plan = do_import_document(path, request.user, filename=Path(upload_file.name or path.name).name)
        except DocumentError as err:
            form.add_error("file", err.message)
        else:
            messages.success(
                request,
                f"Đã đọc «{upload_file.name}»: {plan.targets.count()} chỉ tiêu, {plan.tasks.count()} nhiệm vụ. "
                "Hãy rà soát từng mục trước khi phê duyệt.",
            )
            return redirect("plans:review", plan_id=plan.pk)
        finally:
            path.unlink(missing_ok=True)
    status = 400 if request.method == "POST" else 200
    return render(request, "documents/upload.html", {"form": form}, status=status)
