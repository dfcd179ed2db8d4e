"""The summary tables of a province's recognised lists: page and XLSX (counts only; no household)."""

from __future__ import annotations

import io

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ansinh.lib.spreadsheet import safe_text
from ansinh.poverty.access import summary_units
from ansinh.poverty.models import Standard
from ansinh.poverty.standards import ensure_loaded
from ansinh.poverty.summary import Line, Summary, stored_summary

HEADERS = (
    "STT", "Xã, phường", "Tổng số hộ", "Số hộ nghèo", "Tỷ lệ hộ nghèo (%)", "Số hộ cận nghèo", "Tỷ lệ hộ cận nghèo (%)",
    "Tổng số nhân khẩu", "Nhân khẩu hộ nghèo", "Tỷ lệ (%)", "Nhân khẩu hộ cận nghèo", "Tỷ lệ (%)",
    "Hộ nghèo phát sinh", "Hộ thoát nghèo", "Hộ cận nghèo phát sinh", "Hộ thoát cận nghèo",
)


def _cells(i: int | str, line: Line) -> list[object]:
    def pct(x: float | None) -> object:
        return None if x is None else round(x, 2)

    return [i, line.name, line.households, line.poor, pct(line.poor_rate), line.near, pct(line.near_rate), line.persons,
            line.poor_persons, pct(line.poor_persons_rate), line.near_persons, pct(line.near_persons_rate),
            line.poor_in, line.poor_out, line.near_in, line.near_out]


def workbook(summary: Summary, province: str) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Tong hop"
    sheet.append([safe_text(f"TỔNG HỢP KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO NĂM {summary.year} — {province.upper()}")])
    sheet.append([safe_text(f"Theo {summary.standard.name}" + ("" if summary.standard.verified else " (chưa xác minh)"))])
    sheet.append(list(HEADERS))
    for i, line in enumerate(summary.lines, start=1):
        sheet.append([safe_text(c) if isinstance(c, str) else c for c in _cells(i, line)])
    sheet.append([safe_text(c) if isinstance(c, str) else c for c in _cells("", summary.total)])
    dep = book.create_sheet("Thieu hut")
    dep.append(["Chỉ số thiếu hụt", "Số hộ nghèo và cận nghèo thiếu hụt", "Ngưỡng"])
    for _code, name, n, verified in summary.deprivation:
        dep.append([safe_text(name), n, "đã xác minh" if verified else "chưa xác minh"])
    eth = book.create_sheet("Dan toc")
    eth.append(["Dân tộc của chủ hộ", "Số hộ nghèo", "Số hộ cận nghèo", "Nhân khẩu hộ nghèo", "Nhân khẩu hộ cận nghèo"])
    for row in summary.ethnic:
        eth.append([safe_text(row[0]), *row[1:]])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _latest_recognised(province_code: str) -> tuple[int, str]:
    """The year and standard of the province's latest recognised results (one query); else this year."""
    from django.utils import timezone

    from ansinh.poverty.models_review import CommuneSummary

    row = (CommuneSummary.objects.filter(province_code=province_code).order_by("-year")
           .values_list("year", "standard__code").first()) if province_code else None
    return row if row is not None else (timezone.localdate().year, "nd07-2021")


@login_required
def summary(request: HttpRequest) -> HttpResponse:
    ensure_loaded()
    provinces = list(summary_units(request.user).order_by("name")[:40])
    province = next((p for p in provinces if p.code == request.GET.get("tinh")), provinces[0] if provinces else None)
    latest_year, latest_standard = _latest_recognised(province.code if province else "")
    try:
        year = int(request.GET.get("nam", "") or latest_year)
    except ValueError:
        year = latest_year
    # national standards and the chosen province's own (another province's standard has no results here)
    standards = [s for s in Standard.objects.prefetch_related("indicators").order_by("code")
                 if not s.province_code or (province is not None and s.province_code == province.code)]
    wanted = request.GET.get("chuan") or latest_standard
    standard = next((s for s in standards if s.code == wanted), None) or next(
        (s for s in standards if s.code == "nd07-2021"), None)
    result = stored_summary(year, standard, province.code) if province and standard else None
    if result is not None and province is not None and request.GET.get("dang") == "xlsx":
        response = HttpResponse(workbook(result, province.name),
                                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        response["Content-Disposition"] = f'attachment; filename="tong-hop-ho-ngheo-{province.code}-{year}.xlsx"'
        return response
    context = {"provinces": provinces, "province": province, "year": year, "standards": standards, "standard": standard,
               "summary": result}
    return render(request, "poverty/summary.html", context)
