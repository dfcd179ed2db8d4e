"""Build and download a plan's consolidated report (DOCX, Excel annex or PDF) from the web."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from ansinh.accounts.access import can_read_unit
from ansinh.plans.access import access_plan
from ansinh.reporting.access import access_cycles
from ansinh.reports.actions import NO_SOFFICE, ReportError, do_build_report
from ansinh.reports.report_data import report_root_unit
from ansinh.reports.unit_picker import resolve_unit

KINDS = (("annual", "Báo cáo năm"), ("midterm", "Báo cáo sơ kết"), ("final", "Báo cáo tổng kết"))
FORMATS = (("docx", "Văn bản Word (.docx)"), ("xlsx", "Phụ lục Excel (.xlsx)"), ("pdf", "PDF"))
MEDIA_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


def _context(plan: Any, year: int, user: Any, **extra: Any) -> dict[str, Any]:
    years = sorted(set(access_cycles(user).filter(plan=plan).values_list("year", flat=True)) - {year})
    return {"plan": plan, "year": year, "years": years, "kinds": KINDS, "formats": FORMATS, **extra}


def read_choices(request: HttpRequest, plan: Any, year: int) -> tuple[str, str, str, Any, HttpResponse | None]:
    """(kind, format, unit code, unit, None), or a 400 page with the Vietnamese errors in the last place."""
    kind = request.POST.get("kind", "annual")
    fmt = request.POST.get("format", "docx")
    code = request.POST.get("unit", "").strip()
    errors = []
    if kind not in dict(KINDS):
        errors.append("Loại báo cáo không hợp lệ.")
    if fmt not in dict(FORMATS):
        errors.append("Định dạng tệp không hợp lệ.")
    unit = None
    if code:
        try:
            unit = resolve_unit(request.user, code)
        except Http404 as err:
            errors.append(str(err) or f"Không có đơn vị «{code}» trong phạm vi bạn được xem.")
    if errors:
        ctx = _context(plan, year, request.user, kind=kind, fmt=fmt, unit_code=code, errors=errors)
        return kind, fmt, code, unit, render(request, "reports/report_build.html", ctx, status=400)
    root = unit or report_root_unit(plan, year, kind)
    if root is not None and not can_read_unit(request.user, root):
        raise PermissionDenied(f"Bạn không có quyền xem số liệu của {root.name}; hãy chọn đơn vị trong phạm vi của mình.")
    return kind, fmt, code, unit, None


@login_required
def report_build(request: HttpRequest, plan_id: int, year: int) -> HttpResponse:
    plan = access_plan(request.user, plan_id)
    if not 1990 <= year <= 2100:
        raise Http404("Năm kỳ báo cáo không hợp lệ.")
    if request.method != "POST":
        return render(request, "reports/report_build.html", _context(plan, year, request.user, kind="annual"))
    kind, fmt, code, unit, refused = read_choices(request, plan, year)
    if refused is not None:
        return refused
    workdir = Path(settings.DATA_DIR) / "tmp"
    workdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="bao-cao-", dir=workdir) as tmp:
        out = Path(tmp) / f"bao-cao-ke-hoach-{plan.pk}-{year}{'-' + unit.code if unit else ''}.docx"
        try:
            result = do_build_report(
                request.user, plan, year, out, unit=unit, kind=kind, annex=fmt == "xlsx", pdf=fmt == "pdf"
            )
        except ReportError as err:
            ctx = _context(plan, year, request.user, kind=kind, fmt=fmt, unit_code=code, errors=[err.message])
            return render(request, "reports/report_build.html", ctx, status=400)
        path = {"docx": result.docx, "xlsx": result.xlsx, "pdf": result.pdf}[fmt]
        if path is None:
            ctx = _context(plan, year, request.user, kind=kind, fmt=fmt, unit_code=code, errors=result.notes or [NO_SOFFICE])
            return render(request, "reports/report_build.html", ctx, status=503)
        response = HttpResponse(path.read_bytes(), content_type=MEDIA_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{path.name}"'
    return response
