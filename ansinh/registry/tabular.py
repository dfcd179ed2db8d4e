"""Reading a registry file (CSV or XLSX) row by row, whatever its encoding and header spelling.

CSV encodings: UTF-8 (with or without BOM), UTF-16 (with BOM, or without by the NUL pattern) and
Windows-1258 (decomposed tone marks, recomposed to NFC). The whole file is checked for UTF-8 in a
first streaming pass (C speed), so a Windows-1258 file whose first megabytes are plain ASCII is
still read right. Headers match the canonical column names whatever their diacritics, case,
spaces or underscores (``Họ và tên``, ``ho_ten``, ``HO TEN``); other headers can be mapped by hand
(``mapping``), as the web preview does.
"""

from __future__ import annotations

import codecs
import csv
import io
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from ansinh.lib.text import fold_key

COLUMNS: tuple[str, ...] = (
    "ma_ban_ghi", "ma_ho", "ma_xa", "khu_vuc", "dia_chi", "ho_ten", "ngay_sinh", "gioi_tinh",
    "so_dinh_danh", "quan_he", "dan_toc", "so_dien_thoai",
)
REQUIRED: tuple[str, ...] = ("ma_ban_ghi", "ma_ho", "ma_xa", "ho_ten", "gioi_tinh", "quan_he")
LABELS: dict[str, str] = {
    "ma_ban_ghi": "Mã bản ghi", "ma_ho": "Mã hộ", "ma_xa": "Mã xã", "khu_vuc": "Khu vực", "dia_chi": "Địa chỉ",
    "ho_ten": "Họ tên", "ngay_sinh": "Ngày sinh", "gioi_tinh": "Giới tính", "so_dinh_danh": "Số định danh",
    "quan_he": "Quan hệ với chủ hộ", "dan_toc": "Dân tộc", "so_dien_thoai": "Số điện thoại",
}
# Folded spellings (spaces, no diacritics) of each column beyond its own name.
_ALIASES: dict[str, tuple[str, ...]] = {
    "ma_ban_ghi": ("ma ban ghi", "ma ban ghi nguon", "id"),
    "ma_ho": ("ma ho", "ma ho gia dinh", "so ho"),
    "ma_xa": ("ma xa", "ma xa phuong", "ma don vi"),
    "khu_vuc": ("khu vuc", "thanh thi nong thon"),
    "dia_chi": ("dia chi", "dia chi thuong tru", "noi o"),
    "ho_ten": ("ho ten", "ho va ten", "ten"),
    "ngay_sinh": ("ngay sinh", "ngay thang nam sinh", "nam sinh"),
    "gioi_tinh": ("gioi tinh", "gioi"),
    "so_dinh_danh": ("so dinh danh", "so dinh danh ca nhan", "so cccd", "cccd", "can cuoc"),
    "quan_he": ("quan he", "quan he voi chu ho"),
    "dan_toc": ("dan toc",),
    "so_dien_thoai": ("so dien thoai", "dien thoai", "sdt"),
}
_LOOKUP = {alias: col for col, aliases in _ALIASES.items() for alias in (*aliases, col.replace("_", " "))}
MAX_XLSX_BYTES = 200 * 1024 * 1024


class TableError(Exception):
    """The file cannot be read as a table; ``message`` is Vietnamese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def canonical(header: str) -> str | None:
    """The canonical column a header names, or None."""
    return _LOOKUP.get(fold_key(header.replace("_", " ")))


@dataclass
class Table:
    headers: list[str]
    columns: dict[str, int]  # canonical column → cell index
    unmapped: list[str]
    encoding: str
    rows: Iterator[tuple[int, list[str]]] = field(repr=False)  # (line number, cells)

    def missing(self) -> list[str]:
        return [c for c in REQUIRED if c not in self.columns]


def map_headers(headers: list[str], mapping: dict[str, str] | None = None) -> tuple[dict[str, int], list[str]]:
    """Canonical column → index; headers matching nothing (and not mapped by hand) are returned apart."""
    mapping = {fold_key(k.replace("_", " ")): v for k, v in (mapping or {}).items()}
    columns: dict[str, int] = {}
    unmapped: list[str] = []
    for i, header in enumerate(headers):
        col = mapping.get(fold_key(header.replace("_", " "))) or canonical(header)
        if col in COLUMNS and col not in columns:
            columns[col] = i
        elif header.strip():
            unmapped.append(header)
    return columns, unmapped


def detect_encoding(handle: IO[bytes]) -> str:
    """The codec of a CSV file (read in one streaming pass; the handle is rewound)."""
    head = handle.read(65536)
    handle.seek(0)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if len(head) >= 4:
        even, odd = head[0::2], head[1::2]
        if odd.count(0) / len(odd) >= 0.3 and even.count(0) / len(even) <= 0.02:
            return "utf-16-le"
        if even.count(0) / len(even) >= 0.3 and odd.count(0) / len(odd) <= 0.02:
            return "utf-16-be"
    if b"\x00" in head:
        raise TableError("Tệp không phải bảng CSV (có vẻ là dữ liệu nhị phân). Hãy lưu tệp dạng CSV hoặc XLSX.")
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        while chunk := handle.read(1 << 22):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return "cp1258"
    finally:
        handle.seek(0)
    return "utf-8"


def _csv_rows(text: IO[str]) -> Iterator[tuple[int, list[str]]]:
    first = text.readline()
    text.seek(0)
    delimiter = max(",;\t", key=first.count)
    normalize = unicodedata.normalize
    reader = csv.reader((normalize("NFC", line) for line in text), delimiter=delimiter)
    try:
        for cells in reader:
            yield reader.line_num, cells
    except UnicodeDecodeError:
        raise TableError(f"Không đọc được tệp ở dòng {reader.line_num + 1}: sai bảng mã ký tự.") from None
    except csv.Error as err:
        raise TableError(f"Dòng {reader.line_num}: tệp CSV không đúng định dạng ({err}).") from None
    finally:
        text.close()


def open_csv(path: Path) -> tuple[str, Iterator[tuple[int, list[str]]]]:
    raw = path.open("rb")
    try:
        encoding = detect_encoding(raw)
    except BaseException:
        raw.close()
        raise
    text = io.TextIOWrapper(raw, encoding=encoding, newline="", errors="strict")
    return encoding, _csv_rows(text)


def open_xlsx(path: Path) -> Iterator[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    if path.stat().st_size > MAX_XLSX_BYTES:
        raise TableError("Tệp XLSX quá lớn; hãy lưu dạng CSV.")
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception:
        raise TableError("Không mở được tệp XLSX (tệp hỏng hoặc không phải bảng tính Excel).") from None
    sheet = book.worksheets[0]

    def rows() -> Iterator[tuple[int, list[str]]]:
        try:
            for n, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                yield n, [_cell_text(v) for v in values]
        finally:
            book.close()

    return rows()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if hasattr(value, "strftime") and hasattr(value, "year"):
        return str(value.strftime("%Y-%m-%d"))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return unicodedata.normalize("NFC", str(value))


def open_table(path: Path, mapping: dict[str, str] | None = None) -> Table:
    """Open a CSV or XLSX file: its header row, the column map and an iterator of data rows."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise TableError(f"Không tìm thấy tệp «{path}».")
    if suffix in (".xlsx", ".xlsm"):
        encoding, rows = "xlsx", open_xlsx(path)
    elif suffix in (".csv", ".txt", ".tsv"):
        encoding, rows = open_csv(path)
    else:
        raise TableError(f"Chỉ nhận tệp .csv hoặc .xlsx, không nhận «{path.suffix or path.name}».")
    try:
        for _, header in rows:
            if any(c.strip() for c in header):
                break
        else:
            raise TableError("Tệp không có dòng tiêu đề (tệp rỗng).")
    except UnicodeDecodeError:
        raise TableError(f"Không đọc được tệp theo bảng mã {encoding}.") from None
    headers = [h.strip() for h in header]
    columns, unmapped = map_headers(headers, mapping)
    return Table(headers=headers, columns=columns, unmapped=unmapped, encoding=encoding, rows=rows)
