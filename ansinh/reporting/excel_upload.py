"""Read an uploaded submission template back; every problem is reported per cell, in Vietnamese.

:func:`read_template` checks the file (type, size, zip integrity, macros), the hidden metadata
(the template must be the one downloaded for this cycle and unit) and every entry cell. It never
stores anything: the caller passes the rows to ``do_save_values`` only when the list of errors is
empty, so an upload with one bad cell changes nothing.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import zipfile
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from openpyxl import load_workbook
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula
from openpyxl.worksheet.worksheet import Worksheet

from ansinh.core.versioning import BadVersion, parse_version
from ansinh.lib.vnnumbers import parse_entered
from ansinh.reporting.excel import (
    COLUMN_OF,
    COLUMNS,
    DATA_SHEET,
    FIRST_ROW,
    MAX_ROWS,
    META_SHEET,
    STATUS_LABELS,
    TEMPLATE_VERSION,
    TemplateMeta,
    unsafe_text,
)
from ansinh.reporting.models import IndicatorValue

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_UNZIPPED_BYTES = 100 * 1024 * 1024
MAX_COMMENT = 2000
NUMBER_LABELS = {"value": "giá trị", "numerator": "tử số", "denominator": "mẫu số"}


class UploadRejected(Exception):
    """The file cannot be used; ``errors`` lists every reason (Vietnamese, cell by cell)."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors[:5]))
        self.errors = errors


@dataclass(frozen=True)
class UploadRow:
    row: int
    code: str
    value: float | None
    numerator: float | None
    denominator: float | None
    status: str | None
    comment: str

    def as_values(self) -> dict[str, Any]:
        item: dict[str, Any] = {
            "indicator": self.code,
            "value": self.value,
            "numerator": self.numerator,
            "denominator": self.denominator,
            "comment": self.comment,
        }
        if self.status:
            item["status"] = self.status
        return item


def _check_file(data: bytes, filename: str) -> None:
    if not filename.lower().endswith(".xlsx"):
        raise UploadRejected([f"Tệp “{filename}” không phải tệp Excel .xlsx; hãy tải lên mẫu .xlsx tải từ ansinh."])
    if len(data) > MAX_FILE_BYTES:
        raise UploadRejected([f"Tệp quá lớn: tối đa {MAX_FILE_BYTES // (1024 * 1024)} MB."])
    if not data.startswith(b"PK\x03\x04"):
        raise UploadRejected(["Tệp không đúng định dạng Excel .xlsx (có thể là tệp .xls cũ hoặc tệp đã đổi tên)."])
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if sum(info.file_size for info in archive.infolist()) > MAX_UNZIPPED_BYTES:
                raise UploadRejected(["Tệp Excel giải nén quá lớn; hãy dùng mẫu tải từ ansinh."])
            if any(name.lower().endswith("vbaproject.bin") for name in names):
                raise UploadRejected(["Tệp có chứa macro; ansinh chỉ nhận tệp .xlsx không có macro."])
            if "xl/workbook.xml" not in names or archive.testzip() is not None:
                raise UploadRejected(["Tệp Excel bị hỏng hoặc không đọc được."])
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as err:
        raise UploadRejected(["Tệp Excel bị hỏng hoặc không đọc được."]) from err


def _check_meta(wb: Any, expected: TemplateMeta) -> int:
    """Check the hidden sheet; returns the submission version the template was filled from."""
    if META_SHEET not in wb.sheetnames or DATA_SHEET not in wb.sheetnames:
        raise UploadRejected(
            ["Tệp không phải mẫu báo cáo của ansinh (thiếu trang thông tin mẫu); hãy tải mẫu từ trang báo cáo."]
        )
    meta = {
        str(r[0]).strip(): str(r[1] or "").strip()
        for r in wb[META_SHEET].iter_rows(max_col=2, values_only=True)
        if r[0]
    }
    if meta.get("template_version") != TEMPLATE_VERSION:
        raise UploadRejected(["Mẫu Excel này là phiên bản cũ hoặc không đúng; hãy tải mẫu mới từ trang báo cáo."])
    problems = []
    if meta.get("cycle_id") != str(expected.cycle_id):
        problems.append(f"Mẫu này thuộc kỳ báo cáo khác, không phải “{expected.cycle_label}”.")
    if meta.get("unit_code") != expected.unit_code:
        problems.append(
            f"Mẫu này của đơn vị mã {meta.get('unit_code') or '?'}, không phải của {expected.unit_name} "
            f"(mã {expected.unit_code})."
        )
    elif meta.get("agency_code", "") != expected.agency_code:
        problems.append("Mẫu này của một cơ quan khác trong cùng đơn vị.")
    if problems:
        raise UploadRejected([*problems, "Hãy tải mẫu đúng kỳ và đơn vị từ trang báo cáo."])
    try:
        version = parse_version(meta.get("submission_version"), required=True)
    except BadVersion as err:
        raise UploadRejected(["Trang thông tin ẩn của mẫu bị sửa hoặc thiếu phiên bản báo cáo; hãy tải mẫu mới từ trang báo cáo."]) from err
    assert version is not None
    return version


def _formula_errors(ws: Worksheet) -> list[str]:
    errors = []
    for row in ws.iter_rows():
        for cell in row:
            if cell.data_type == "f" or isinstance(cell.value, (ArrayFormula, DataTableFormula)):
                errors.append(f"Ô {cell.coordinate}: không được dùng công thức; hãy nhập giá trị.")
    return errors


def _number(value: Any, ref: str, label: str, errors: list[str]) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool) or isinstance(value, (dt.date, dt.time, dt.timedelta)):
        errors.append(f"Ô {ref}: {label} phải là số.")
        return None
    if isinstance(value, (int, float)):
        if math.isfinite(value):
            return float(value)
        errors.append(f"Ô {ref}: {label} phải là số.")
        return None
    number = parse_entered(str(value))
    if number is None:
        errors.append(f"Ô {ref}: {label} phải là số.")
    return number


def _status(value: Any, ref: str, errors: list[str]) -> str | None:
    if value is None or not str(value).strip():
        return None
    text = str(value).strip()
    by_label = {label.casefold(): code for label, code in STATUS_LABELS.items()}
    code = by_label.get(text.casefold()) or (text if text in IndicatorValue.Status.values else None)
    if code is None:
        choices = " hoặc ".join(f"“{label}”" for label in STATUS_LABELS)
        errors.append(f"Ô {ref}: tình trạng số liệu phải là {choices}.")
    return code


def _comment(value: Any, ref: str, errors: list[str]) -> str:
    if value is None:
        return ""
    text = unsafe_text(str(value).strip())
    if len(text) > MAX_COMMENT:
        errors.append(f"Ô {ref}: giải trình dài quá {MAX_COMMENT} ký tự.")
    return text


def _read_rows(ws: Worksheet, known_codes: Collection[str], errors: list[str]) -> list[UploadRow]:
    rows: list[UploadRow] = []
    seen: dict[str, int] = {}
    last = min(ws.max_row, FIRST_ROW + MAX_ROWS)
    if ws.max_row > FIRST_ROW + MAX_ROWS:
        errors.append(f"Trang “{DATA_SHEET}” có quá nhiều dòng (tối đa {MAX_ROWS}).")
    for r in range(FIRST_ROW, last + 1):
        cells = {name: ws[f"{letter}{r}"].value for name, letter, _, _ in COLUMNS}
        entered = [cells[f] for f in ("value", "numerator", "denominator", "status", "comment")]
        code = "" if cells["code"] is None else str(cells["code"]).strip()
        if not code:
            if any(v is not None and str(v).strip() for v in entered):
                errors.append(f"Ô A{r}: thiếu mã chỉ tiêu cho dòng có số liệu.")
            continue
        if code not in known_codes:
            errors.append(f"Ô A{r}: mã chỉ tiêu “{code}” không thuộc kỳ báo cáo này.")
            continue
        if code in seen:
            errors.append(f"Ô A{r}: chỉ tiêu “{code}” đã có ở dòng {seen[code]}.")
            continue
        seen[code] = r
        numbers = {
            name: _number(cells[name], f"{COLUMN_OF[name]}{r}", label, errors) for name, label in NUMBER_LABELS.items()
        }
        rows.append(
            UploadRow(
                row=r,
                code=code,
                value=numbers["value"],
                numerator=numbers["numerator"],
                denominator=numbers["denominator"],
                status=_status(cells["status"], f"H{r}", errors),
                comment=_comment(cells["comment"], f"I{r}", errors),
            )
        )
    return rows


def read_upload(
    data: bytes, filename: str, expected: TemplateMeta, known_codes: Collection[str]
) -> tuple[list[UploadRow], int]:
    """The entry rows of an uploaded template and the submission version it was filled from."""
    _check_file(data, filename)
    try:
        wb = load_workbook(io.BytesIO(data), data_only=False, keep_vba=False, keep_links=False)
    except Exception as err:  # openpyxl raises many kinds of errors on a damaged file
        raise UploadRejected(["Tệp Excel bị hỏng hoặc không đọc được."]) from err
    version = _check_meta(wb, expected)
    ws = wb[DATA_SHEET]
    errors = _formula_errors(ws)
    if errors:
        raise UploadRejected(errors)
    rows = _read_rows(ws, known_codes, errors)
    if errors:
        raise UploadRejected(errors)
    return rows, version


def read_template(data: bytes, filename: str, expected: TemplateMeta, known_codes: Collection[str]) -> list[UploadRow]:
    """The entry rows of an uploaded template, or :class:`UploadRejected` with every problem."""
    return read_upload(data, filename, expected, known_codes)[0]


def cell_of(row: UploadRow, field: str) -> str:
    """The cell reference of a field of an uploaded row (for the actions' per-field errors)."""
    return f"{COLUMN_OF.get(field, 'A')}{row.row}"
