"""The Excel annex of a consolidated report: indicator tables per administrative unit.

Every cell built from user text passes :func:`ansinh.lib.spreadsheet.safe_text`,
so no cell starts with ``=``, ``+``, ``-`` or ``@``.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ansinh.lib.spreadsheet import safe_text
from ansinh.reports.report_content import AnnexRow, AnnexTable, ReportData
from ansinh.reports.report_data import SIMULATED_NOTE

HEADERS = ("TT", "Đơn vị", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch (mốc)", "Thực hiện", "Đánh giá", "Đơn vị đã báo cáo")
WIDTHS = (6, 28, 60, 14, 18, 18, 22, 24)
NUMBER_FORMAT = "#,##0.0#"  # Excel shows it in the reader's locale: 1.234,5 in Vietnamese
WHOLE_FORMAT = "#,##0"
_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_FONT = "Times New Roman"
_SHEET_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})
# Named styles: setting one per cell is far cheaper than setting font, border and alignment.
WRAP, TOP, NUMBER = "bc_wrap", "bc_top", "bc_number"


def number_format_for(value: float) -> str:
    """Whole numbers without decimals (300.000), others with one or two (3,5): as ``lib.vnnumbers`` shows them."""
    return WHOLE_FORMAT if float(value).is_integer() else NUMBER_FORMAT


def _register_styles(wb: Workbook) -> None:
    font = Font(name=_FONT, size=12)
    for name, alignment, number_format in (
        (WRAP, Alignment(vertical="top", wrap_text=True), "General"),
        (TOP, Alignment(vertical="top"), "General"),
        (NUMBER, Alignment(horizontal="right", vertical="top"), NUMBER_FORMAT),
    ):
        style = NamedStyle(name=name, font=font, border=_BORDER, alignment=alignment, number_format=number_format)
        wb.add_named_style(style)


def sheet_title(name: str, used: set[str]) -> str:
    """An Excel-valid, unique sheet name (≤ 31 characters, no ``[]:*?/\\``)."""
    base = safe_text(name).translate(_SHEET_FORBIDDEN).strip(" '") or "Đơn vị"
    title, n = base[:31], 2
    while title.lower() in used:
        suffix = f" ({n})"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(title.lower())
    return title


def build_xlsx(data: ReportData, out: str | Path | IO[bytes]) -> None:
    """Write one summary sheet with every unit, then one sheet per unit."""
    wb = Workbook()
    _register_styles(wb)
    summary = wb.active
    assert summary is not None
    summary.title = "Tổng hợp"
    _fill(summary, data, [row for table in data.annex for row in table.rows])
    used = {summary.title.lower()}
    for table in data.annex:
        ws = wb.create_sheet(sheet_title(table.unit, used))
        _fill(ws, data, table.rows, unit=table)
    wb.properties.title = safe_text(f"Phụ lục {data.title} {data.subject}")[:250]
    wb.save(out)


def _fill(ws: Worksheet, data: ReportData, rows: list[AnnexRow], unit: AnnexTable | None = None) -> None:
    caption = f"PHỤ LỤC: SỐ LIỆU CHỈ TIÊU {('— ' + unit.unit.upper()) if unit else 'THEO ĐƠN VỊ'}"
    ws.cell(row=1, column=1, value=safe_text(caption)).font = Font(name=_FONT, bold=True, size=13)
    ws.cell(row=2, column=1, value=safe_text(f"Kèm theo Báo cáo số {data.number} — {data.subject}")).font = Font(
        name=_FONT, italic=True, size=12
    )
    if data.simulated:
        note = ws.cell(row=3, column=1, value=safe_text(SIMULATED_NOTE))
        note.font = Font(name=_FONT, bold=True, italic=True, size=12, color="9C0006")
    header_row = 4
    for col, (text, width) in enumerate(zip(HEADERS, WIDTHS, strict=True), start=1):
        cell = ws.cell(row=header_row, column=col, value=text)
        cell.font = Font(name=_FONT, bold=True, size=12)
        cell.fill = PatternFill("solid", fgColor="DDDDDD")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = _BORDER
        ws.column_dimensions[get_column_letter(col)].width = width
    for n, row in enumerate(rows, start=1):
        r = header_row + n
        milestone: float | str = row.milestone_value if row.milestone_value is not None else safe_text(row.milestone)
        actual: float | str = row.actual_value if row.actual_value is not None else safe_text(row.actual)
        values: tuple[float | str, ...] = (
            n,
            safe_text(row.unit),
            safe_text(row.indicator),
            safe_text(row.unit_of_measure),
            milestone,
            actual,
            safe_text(row.status),
            safe_text(row.coverage),
        )
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=r, column=col, value=value)
            if isinstance(value, float | int) and col in (5, 6):
                cell.style = NUMBER
                cell.number_format = number_format_for(value)
            else:
                cell.style = WRAP if col in (2, 3, 7, 8) else TOP
    if not rows:
        ws.cell(row=header_row + 1, column=3, value="Chưa có số liệu.").font = Font(name=_FONT, italic=True, size=12)
    ws.freeze_panes = f"A{header_row + 1}"
    ws.auto_filter.ref = f"A{header_row}:{get_column_letter(len(HEADERS))}{header_row + max(len(rows), 1)}"
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
