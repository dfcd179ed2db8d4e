"""Files: upload a registry file (preview with header mapping, then all-or-nothing apply), export, data-subject report."""

from __future__ import annotations

import csv
import io
import json
import uuid
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from ansinh.lib.spreadsheet import safe_text
from ansinh.registry.access import access_persons, identity_for, person_or_404, writable_person_units
from ansinh.registry.importer import ImportRefused, import_file
from ansinh.registry.models_privacy import AccessKind
from ansinh.registry.privacy import log_access
from ansinh.registry.search import matching
from ansinh.registry.subject import subject_report
from ansinh.registry.tabular import COLUMNS, LABELS, TableError, map_headers, open_table

SESSION_KEY = "registry_upload"
EXPORT_LIMIT = 100_000


def _upload_dir() -> Path:
    path = Path(settings.DATA_DIR) / "registry-uploads"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _stored(request: HttpRequest) -> Path | None:
    info = request.session.get(SESSION_KEY)
    if not info:
        return None
    path = _upload_dir() / info["file"]
    return path if path.is_file() else None


@login_required
@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest) -> HttpResponse:
    if not writable_person_units(request.user).exists():
        raise PermissionDenied("Chỉ cán bộ xã, phường được nhập hộ và nhân khẩu.")
    context: dict[str, object] = {"columns": [(c, LABELS[c]) for c in COLUMNS]}
    upload = request.FILES.get("file") if request.method == "POST" else None
    if isinstance(upload, UploadedFile):
        suffix = Path(upload.name or "").suffix.lower()
        if suffix not in (".csv", ".xlsx"):
            context["errors"] = [f"Chỉ nhận tệp .csv hoặc .xlsx, không nhận «{upload.name}»."]
            return render(request, "registry/import.html", context, status=400)
        if upload.size and upload.size > settings.MAX_UPLOAD_BYTES:
            context["errors"] = ["Tệp vượt quá dung lượng cho phép."]
            return render(request, "registry/import.html", context, status=400)
        name = f"{uuid.uuid4().hex}{suffix}"
        with (_upload_dir() / name).open("wb") as fh:
            for chunk in upload.chunks():
                fh.write(chunk)
        request.session[SESSION_KEY] = {"file": name, "name": upload.name}
        return redirect("registry:import_preview")
    return render(request, "registry/import.html", context)


def _mapping(request: HttpRequest, headers: list[str]) -> dict[str, str]:
    out = {}
    for i, header in enumerate(headers):
        value = request.POST.get(f"cot_{i}", "")
        if value in COLUMNS:
            out[header] = value
    return out


@login_required
@require_http_methods(["GET", "POST"])
def import_preview(request: HttpRequest) -> HttpResponse:
    path = _stored(request)
    if path is None:
        messages.error(request, "Chưa có tệp nào đang chờ; hãy tải tệp lên.")
        return redirect("registry:import")
    try:
        headers = open_table(path).headers
    except TableError as err:
        request.session.pop(SESSION_KEY, None)
        return render(request, "registry/import.html", {"errors": [err.message], "columns": [(c, LABELS[c]) for c in COLUMNS]}, status=400)
    mapping = _mapping(request, headers) if request.method == "POST" else {}
    columns, _ = map_headers(headers, mapping)
    chosen = {i: c for c, i in columns.items()}
    apply = request.method == "POST" and request.POST.get("apply") == "1"
    override_reason = request.POST.get("ly_do_cho_phep", "").strip() if request.method == "POST" else ""
    context: dict[str, object] = {
        "override_reason": override_reason,
        "name": request.session[SESSION_KEY]["name"], "choices": [(c, LABELS[c]) for c in COLUMNS],
        "headers": [(i, h, chosen.get(i, "")) for i, h in enumerate(headers)],
    }
    try:
        report = import_file(path, mapping=mapping, user=request.user, dry_run=not apply, override_reason=override_reason)
    except ImportRefused as err:
        context.update(errors=err.errors, message=err.message, error_count=err.error_count)
        return render(request, "registry/import_preview.html", context, status=400 if apply else 200)
    if apply:
        path.unlink(missing_ok=True)
        request.session.pop(SESSION_KEY, None)
        messages.success(request, f"Đã nhập {report.rows} dòng: {report.persons_created} nhân khẩu mới, {report.households_created} hộ mới, "
                                  f"{report.unchanged} không đổi, {report.change_requests} yêu cầu thay đổi chờ duyệt.")
        return redirect("registry:index")
    context["report"] = report
    return render(request, "registry/import_preview.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def export(request: HttpRequest) -> HttpResponse:
    """A CSV of persons in scope (or matching a query): a stated purpose is required and logged."""
    if request.method == "GET":
        return render(request, "registry/export.html", {})
    purpose = request.POST.get("purpose", "").strip()
    query = request.POST.get("q", "").strip()[:200]
    if len(purpose) < 5:
        return render(request, "registry/export.html", {"error": "Hãy ghi mục đích xuất dữ liệu (Luật Bảo vệ dữ liệu cá nhân yêu cầu).", "q": query}, status=400)
    persons = (matching(request.user, query)[1] if query else access_persons(request.user)).select_related("commune").order_by("pk")
    rows = list(persons[:EXPORT_LIMIT])
    log_access(request.user, AccessKind.EXPORT, [p.pk for p in rows], purpose=purpose, query=query)
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["ma_so_an_sinh", "ho_ten", "ngay_sinh", "gioi_tinh", "so_dinh_danh", "dan_toc", "so_dien_thoai", "ma_xa", "ma_ban_ghi"])
    for p in rows:
        ident = identity_for(request.user, p)
        writer.writerow([safe_text(v) for v in (p.registry_code, p.full_name, p.birth_display(), p.get_sex_display(), ident["personal_id"],
                                                p.ethnicity, ident["phone"], p.commune.code, p.ma_ban_ghi)])
    response = HttpResponse(("\ufeff" + buf.getvalue()).encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="nhan-khau.csv"'
    return response


@login_required
@require_http_methods(["GET"])
def subject_report_view(request: HttpRequest, code: str) -> HttpResponse:
    person = person_or_404(request.user, code)
    purpose = request.GET.get("muc_dich", "").strip()
    if len(purpose) < 5:
        return render(request, "registry/subject_form.html", {"person": person}, status=200 if "muc_dich" not in request.GET else 400)
    data = subject_report(person, identity_for(request.user, person))
    log_access(request.user, AccessKind.REPORT, [person.pk], purpose=purpose)
    response = HttpResponse(json.dumps(data, ensure_ascii=False, indent=1), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="bao-cao-{person.registry_code}.json"'
    return response
