"""The Excel template of a submission: write it pre-filled (this module), read it back (``excel_upload``).

Layout of the sheet "Số liệu": a title block, the header on row ``HEADER_ROW`` and one indicator
per row from ``FIRST_ROW``, columns A–I as in ``COLUMNS``. Columns A–D (code, name, unit,
milestone) and the header are locked by sheet protection; E–I are unlocked for entry and carry
data validation (column E per value type from ``reporting.bounds``, numerators and denominators
0 … 10^15, a list for the data status). The hidden ("very hidden") sheet
``META_SHEET`` holds the cycle id, unit code, agency code (for a report made by one agency of
the unit) and template version that an upload must match, and the version of the submission the
template was filled from: an upload made from an older version is refused (``core.versioning``).

Formula injection: every cell written from text (names, units, comments) goes through
:func:`safe_text`. Text that begins with ``=``, ``+``, ``-``, ``@``, a tab or a line break
(after any apostrophes) gets one more leading apostrophe ``'`` (the OWASP recommendation for
spreadsheet exports) and is stored as a string cell, so neither Excel nor LibreOffice evaluates
it; if the user edits the cell, Excel takes the apostrophe as its "text" prefix and still keeps
text. :func:`unsafe_text` removes that apostrophe on upload, so a round trip returns the user's
text unchanged. Uploaded cells that hold real formulas are refused (``excel_upload``).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ansinh.lib.spreadsheet import FORMULA_STARTS
from ansinh.reporting.bounds import PART, bound_for
from ansinh.reporting.entry import IndicatorRow
from ansinh.reporting.models import IndicatorValue

TEMPLATE_VERSION = "2"  # 2: the hidden sheet carries the submission version (optimistic concurrency)
DATA_SHEET = "Số liệu"
META_SHEET = "ansinh_meta"
HEADER_ROW = 5
FIRST_ROW = HEADER_ROW + 1
MAX_ROWS = 2000
XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# (field, column letter, header, width)
COLUMNS: tuple[tuple[str, str, str, int], ...] = (
    ("code", "A", "Mã chỉ tiêu", 14),
    ("name", "B", "Tên chỉ tiêu", 52),
    ("unit", "C", "Đơn vị tính", 12),
    ("milestone", "D", "Mốc kế hoạch năm", 16),
    ("value", "E", "Giá trị thực hiện", 16),
    ("numerator", "F", "Tử số", 14),
    ("denominator", "G", "Mẫu số", 14),
    ("status", "H", "Tình trạng số liệu", 18),
    ("comment", "I", "Giải trình, ghi chú", 48),
)
COLUMN_OF = {name: letter for name, letter, _, _ in COLUMNS}
ENTRY_FIELDS = ("value", "numerator", "denominator", "status", "comment")
STATUS_LABELS = {label: code for code, label in IndicatorValue.Status.choices}
DANGEROUS_START = FORMULA_STARTS  # the same characters lib.spreadsheet guards
# Fixed password: protection only guards the layout against slips, it is not a security control.
SHEET_PASSWORD = "ansinh"


@dataclass(frozen=True)
class TemplateMeta:
    cycle_id: int
    unit_code: str
    cycle_label: str
    unit_name: str
    agency_code: str = ""
    version: str = TEMPLATE_VERSION
    submission_version: int = 1


def _needs_guard(text: str) -> bool:
    """Does ``text``, once any leading apostrophes are skipped, begin like a formula?"""
    return text.lstrip("'").startswith(DANGEROUS_START)


def safe_text(text: str) -> str:
    """Text that a spreadsheet will never read as a formula (see the module docstring)."""
    return "'" + text if _needs_guard(text) else text


def unsafe_text(text: str) -> str:
    """Undo :func:`safe_text`: ``unsafe_text(safe_text(t)) == t`` for every ``t``."""
    return text[1:] if text.startswith("'") and _needs_guard(text) else text


def _put_text(ws: Worksheet, ref: str, text: str) -> Cell:
    cell = ws[ref]
    cell.value = safe_text(text)
    cell.data_type = "s"
    return cell


def build_template(meta: TemplateMeta, rows: Sequence[IndicatorRow]) -> bytes:
    """The pre-filled workbook for one submission, as .xlsx bytes."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = DATA_SHEET
    _put_text(ws, "A1", "Mẫu nhập số liệu báo cáo định kỳ").font = Font(bold=True, size=14)
    _put_text(ws, "A2", "Kỳ báo cáo: " + meta.cycle_label)
    _put_text(ws, "A3", f"Đơn vị: {meta.unit_name} (mã {meta.unit_code})")
    _put_text(
        ws,
        "A4",
        "Chỉ nhập vào các cột E–I. Chỉ tiêu tỷ lệ nhập tử số và mẫu số. Không dùng công thức. "
        "Giá trị không đạt mốc kế hoạch phải có giải trình.",
    ).font = Font(italic=True)
    header_fill = PatternFill("solid", fgColor="DDE6F0")
    for _, letter, header, width in COLUMNS:
        cell = _put_text(ws, f"{letter}{HEADER_ROW}", header)
        cell.font = Font(bold=True)
        cell.fill = header_fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions[letter].width = width
    for i, row in enumerate(rows):
        _write_row(ws, FIRST_ROW + i, row)
    _add_validations(ws, FIRST_ROW, FIRST_ROW + max(len(rows), 1) - 1)
    _add_value_bounds(ws, rows)
    ws.freeze_panes = f"E{FIRST_ROW}"
    ws.protection.sheet = True
    ws.protection.password = SHEET_PASSWORD
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    _write_meta(wb, meta)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _write_row(ws: Worksheet, r: int, row: IndicatorRow) -> None:
    indicator = row.indicator
    _put_text(ws, f"A{r}", indicator.code)
    _put_text(ws, f"B{r}", indicator.name).alignment = Alignment(wrap_text=True, vertical="top")
    _put_text(ws, f"C{r}", indicator.unit)
    _put_text(ws, f"D{r}", row.milestone_label)
    current = row.current
    if current is not None:
        for name in ("value", "numerator", "denominator"):
            number = getattr(current, name)
            if number is not None:
                ws[f"{COLUMN_OF[name]}{r}"] = number
        _put_text(ws, f"H{r}", current.get_status_display())
        if current.comment:
            _put_text(ws, f"I{r}", current.comment)
    ws[f"E{r}"].number_format = "0" if not indicator.decimals else "0." + "0" * min(indicator.decimals, 6)
    ws[f"I{r}"].alignment = Alignment(wrap_text=True, vertical="top")
    unlocked = Protection(locked=False)
    for name in ENTRY_FIELDS:
        ws[f"{COLUMN_OF[name]}{r}"].protection = unlocked
    if not indicator.is_ratio:
        grey = PatternFill("solid", fgColor="EEEEEE")
        ws[f"F{r}"].fill = grey
        ws[f"G{r}"].fill = grey


def _limit(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else repr(number)


def _add_value_bounds(ws: Worksheet, rows: Sequence[IndicatorRow]) -> None:
    """Column E of each row accepts what ``reporting.bounds`` accepts for the row's value type."""
    by_type: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        by_type.setdefault(row.indicator.value_type, []).append(FIRST_ROW + i)
    for value_type, numbers in sorted(by_type.items()):
        bound = bound_for(value_type)
        check = DataValidation(
            type="whole" if bound.integer else "decimal",
            operator="between",
            formula1=_limit(bound.low),
            formula2=_limit(bound.high),
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="Giá trị không hợp lệ",
            error=f"Ô này nhận số: {bound.meaning}.",
        )
        for r in numbers:
            check.add(f"E{r}")
        ws.add_data_validation(check)


def _add_validations(ws: Worksheet, first: int, last: int) -> None:
    number = DataValidation(
        type="decimal",
        operator="between",
        formula1="0",
        formula2=_limit(PART.high),
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Giá trị không hợp lệ",
        error="Tử số và mẫu số là số từ 0 đến 10^15.",
    )
    number.add(f"F{first}:G{last}")
    labels = ",".join(STATUS_LABELS)
    status = DataValidation(
        type="list",
        formula1=f'"{labels}"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Tình trạng số liệu",
        error=f"Chọn một trong: {labels}.",
    )
    status.add(f"H{first}:H{last}")
    comment = DataValidation(type="textLength", operator="lessThanOrEqual", formula1="2000", allow_blank=True)
    comment.add(f"I{first}:I{last}")
    for dv in (number, status, comment):
        ws.add_data_validation(dv)


def _write_meta(wb: Workbook, meta: TemplateMeta) -> None:
    ws = wb.create_sheet(META_SHEET)
    rows = (
        ("template_version", meta.version),
        ("cycle_id", str(meta.cycle_id)),
        ("unit_code", meta.unit_code),
        ("agency_code", meta.agency_code),
        ("submission_version", str(meta.submission_version)),
    )
    for r, (key, value) in enumerate(rows, start=1):
        _put_text(ws, f"A{r}", key)
        _put_text(ws, f"B{r}", value)
    ws.sheet_state = "veryHidden"
    ws.protection.sheet = True
    ws.protection.password = SHEET_PASSWORD


def template_filename(meta: TemplateMeta) -> str:
    return f"bao-cao-ky-{meta.cycle_id}-don-vi-{meta.unit_code}.xlsx"
