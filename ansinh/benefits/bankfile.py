"""Bank files: the list sent to the payment provider and the provider's result file.

Sent (CSV UTF-8 with BOM, or XLSX): ``Số tài khoản, Tên người nhận, Số tiền, Mã tham chiếu, Ngân hàng/ví``;
every text cell goes through ``lib.spreadsheet.safe_text`` (a cell starting with = + - @ is escaped).

Result (CSV or XLSX, first row the header): ``Mã tham chiếu, Số tài khoản, Số tiền, Kết quả, Lý do``
(header names are matched without diacritics or case). ``Kết quả``: "thành công"/"đã chi" or
"thất bại"/"không thành công". ``check`` lists every bad line in Vietnamese: an unknown reference,
a line of another list (a person not on this list), an account that differs, a duplicate reference,
an amount that differs, an unreadable result, a failure without reason, a line not awaiting a
result. Any error means nothing is reconciled.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ansinh.core.errors import UserError
from ansinh.lib.spreadsheet import safe_text
from ansinh.lib.text import fold
from ansinh.lib.vnnumbers import format_vn

HEADER = ("Số tài khoản", "Tên người nhận", "Số tiền", "Mã tham chiếu", "Ngân hàng/ví")
RESULT_HEADER = ("Mã tham chiếu", "Số tài khoản", "Số tiền", "Kết quả", "Lý do")
MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 200_000
_PAID = {"thanh cong", "da chi", "paid", "ok"}
_FAILED = {"that bai", "khong thanh cong", "failed", "loi"}


def _cells(line: Any) -> list[Any]:
    return [safe_text(line.account_number), safe_text(line.account_name), line.amount, safe_text(line.reference), safe_text(line.provider)]


def write_csv(lines: Iterable[Any]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for line in lines:
        writer.writerow(_cells(line))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def write_xlsx(lines: Iterable[Any]) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Chi tra")
    sheet.append(list(HEADER))
    for line in lines:
        sheet.append(_cells(line))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@dataclass(frozen=True)
class ResultRow:
    number: int
    reference: str
    account: str
    amount: str
    result: str
    reason: str


def _key(text: str) -> str:
    return " ".join(fold(str(text)).lower().split())


def _rows_from_table(table: list[list[Any]]) -> list[ResultRow]:
    if not table:
        raise UserError("Tệp kết quả trống.")
    header = [_key(c or "") for c in table[0]]
    wanted = [_key(h) for h in RESULT_HEADER]
    missing = [RESULT_HEADER[i] for i, h in enumerate(wanted) if h not in header]
    if missing:
        raise UserError("Tệp kết quả thiếu cột: " + ", ".join(missing) + f" (cần: {', '.join(RESULT_HEADER)}).")
    at = [header.index(h) for h in wanted]
    rows = []
    for number, raw in enumerate(table[1:], start=2):
        cells = ["" if c is None else str(c).strip() for c in raw]
        if not any(cells):
            continue
        cells += [""] * (len(header) - len(cells))
        rows.append(ResultRow(number, *(cells[i] for i in at)))
    if not rows:
        raise UserError("Tệp kết quả không có dòng dữ liệu nào.")
    if len(rows) > MAX_ROWS:
        raise UserError(f"Tệp kết quả có quá {format_vn(MAX_ROWS)} dòng.")
    return rows


def parse_result(content: bytes, filename: str) -> list[ResultRow]:
    if not content:
        raise UserError("Tệp kết quả trống.")
    if len(content) > MAX_BYTES:
        raise UserError("Tệp kết quả lớn hơn 5 MB.")
    name = filename.lower()
    if name.endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        except Exception:  # openpyxl raises many kinds for a damaged file
            raise UserError("Không đọc được tệp XLSX (tệp hỏng hoặc không phải Excel).") from None
        sheet = book.worksheets[0]
        return _rows_from_table([list(r) for r in sheet.iter_rows(values_only=True)])
    if not name.endswith(".csv"):
        raise UserError("Tệp kết quả phải là .csv hoặc .xlsx.")
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UserError("Tệp CSV phải mã hóa UTF-8.") from None
    try:
        table = list(csv.reader(io.StringIO(text)))
    except csv.Error as err:
        raise UserError(f"Tệp CSV không đọc được: {err}.") from None
    return _rows_from_table(table)


@dataclass(frozen=True)
class Matched:
    line_id: int
    reference: str
    person_name: str
    amount: int
    paid: bool
    reason: str


@dataclass
class Check:
    rows: list[Matched] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def paid_count(self) -> int:
        return sum(r.paid for r in self.rows)

    @property
    def failed_count(self) -> int:
        return sum(not r.paid for r in self.rows)


def _amount(text: str) -> int | None:
    cleaned = text.replace(".", "").replace(",", "").replace(" ", "")
    if cleaned.endswith("00") and "," in text and text.rsplit(",", 1)[1] in ("0", "00"):
        cleaned = text.rsplit(",", 1)[0].replace(".", "").replace(" ", "")
    return int(cleaned) if cleaned.isdigit() else None


def check(plist: Any, rows: list[ResultRow]) -> Check:
    """Match result rows to the list's lines (two queries); every problem is one Vietnamese message."""
    from ansinh.benefits.models import PaymentLine

    refs = [r.reference for r in rows if r.reference]
    lines = {ln.reference: ln for ln in PaymentLine.objects.filter(reference__in=refs).select_related("payment_list")}
    out = Check()
    seen: dict[str, int] = {}
    for r in rows:
        where = f"Dòng {r.number}"
        if not r.reference:
            out.errors.append(f"{where}: thiếu mã tham chiếu.")
            continue
        if r.reference in seen:
            out.errors.append(f"{where}: trùng mã tham chiếu «{r.reference}» với dòng {seen[r.reference]}.")
            continue
        seen[r.reference] = r.number
        line = lines.get(r.reference)
        if line is None:
            out.errors.append(f"{where}: mã tham chiếu «{r.reference}» không có trong hệ thống.")
            continue
        if line.payment_list_id != plist.pk:
            out.errors.append(f"{where}: mã tham chiếu «{r.reference}» thuộc danh sách khác — người này không có trong danh sách đang đối soát.")
            continue
        digits = "".join(r.account.split())
        if digits and line.account_number and digits != line.account_number:
            out.errors.append(f"{where}: số tài khoản «{r.account}» không khớp với danh sách — người nhận này không có trong danh sách.")
            continue
        amount = _amount(r.amount)
        if amount is None:
            out.errors.append(f"{where}: số tiền «{r.amount}» không đọc được.")
            continue
        if amount != line.amount:
            out.errors.append(f"{where}: số tiền {format_vn(amount)} đồng khác số tiền trong danh sách {format_vn(line.amount)} đồng.")
            continue
        result = _key(r.result)
        if result not in _PAID | _FAILED:
            out.errors.append(f"{where}: kết quả «{r.result}» không hiểu được (ghi «thành công» hoặc «thất bại»).")
            continue
        paid = result in _PAID
        if not paid and not r.reason.strip():
            out.errors.append(f"{where}: chi trả không thành công nhưng không ghi lý do.")
            continue
        if line.status != PaymentLine.Status.EXPORTED:
            out.errors.append(f"{where}: dòng «{r.reference}» không ở trạng thái chờ kết quả ({line.get_status_display().lower()}).")
            continue
        out.rows.append(Matched(line.pk, line.reference, line.account_name, line.amount, paid, r.reason.strip()))
    return out
