"""Cells and rows of a table, and how a cell's lines and merged cells are read.

A cell broken over lines is joined back; in a column of bodies a line opening with a body's name is the next body
of the list. A lead cell merged down over several rows (a .docx table leaves the rows below it empty) leads each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ansinh.documents.parsing.clean import fold_same_length, squeeze
from ansinh.documents.parsing.unit_names import opens_with_agency

# The column of who leads, by meaning: "Cơ quan chủ trì", "Đơn vị thực hiện", "Cơ quan/đơn vị đầu mối".
LEAD_HEADER = (
    r"chu tri|(?:co quan|don vi|bo phan)(?:,? (?:co quan|don vi|ca nhan))? (?:thuc hien|dau moi|chiu trach nhiem)|dau moi"
    # "Trách nhiệm thực hiện", "Người thực hiện", "Phụ trách": the column of who does the row's work.
    r"|(?:^|\|\s)(?:trach nhiem(?: thuc hien| chinh)?|nguoi (?:thuc hien|phu trach)|phu trach)(?:\s\||$)"
)


@dataclass
class Cell:
    text: str
    start: int
    end: int


@dataclass
class Row:
    cells: list[Cell]
    start: int
    end: int

    def get(self, index: int) -> str:
        return self.cells[index].text if 0 <= index < len(self.cells) else ""


# What opens a new row in the number column: "1", "1.2", "2.", "IV", "a".
ROW_NUMBER = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*\.?|[IVX]{1,5}\.?|[a-zđ][.)]?)$")

# What leaves a body's name unfinished at a line end: "Bộ Kế hoạch và" / "Đầu tư", "Ủy ban nhân dân" / "tỉnh …".
_OPEN_NAME = re.compile(r"(?:[,;(/&-]|\b(?:va|cua|voi|thuoc|truc thuoc|uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd))$")
# ... and a body's head word alone on its line, which names no body: a narrow column wraps the name after it
# ("Văn phòng" / "UBND tỉnh", "Sở" / "Y tế", "Bộ" / "Công an").
_BARE_HEAD = re.compile(
    r"(?:^|[,;]\s*)(?:cac\s+)?(?:so|bo|ban|uy ban|van phong|phong|cuc|chi cuc|tong cuc|trung tam|vien|truong|dai|hoi|"
    r"lien doan|ngan hang|bo chi huy|ban chi huy|hoi dong|toa an|benh vien|kho bac|quy|cong ty|tong cong ty|chi nhanh|"
    r"hiep hoi|lien hiep|mat tran)$"
)


def join_cell_lines(head: str, before: str, piece: str) -> str:
    """A cell's text with the next line of it; in a column of bodies ("Cơ quan phối hợp") a line opening with a
    body's name after a finished name is the next body of the list ("Sở Tài chính" / "Sở Y tế")."""
    if (before and re.search(LEAD_HEADER + r"|phoi hop", head) and opens_with_agency(piece)
            and not _OPEN_NAME.search(tail := fold_same_length(before).lower().rstrip()) and not _BARE_HEAD.search(tail)):
        return squeeze(before + ", " + piece)
    return squeeze(before + " " + piece)


# The number of a group row ("I", "II.", "A"): the rows under it are its tasks.
_GROUP_NUMBER = re.compile(r"^(?:[IVX]{1,5}|[A-Z])\.?$")


def fill_merged_leads(rows: list[Row], lead: int | None, number: int | None, width: int) -> None:
    """A lead cell merged down over several rows (a .docx table leaves the rows below it empty) leads each of them.

    Only numbered rows ("1", "1.2", "a") take the lead of the numbered row above; a group row ("I", "II. Nhóm nhiệm
    vụ …", or a row without number) starts afresh.
    """
    if lead is None or number is None or lead == number:
        return
    above: Cell | None = None
    for row in rows:
        mark = row.get(number)
        if not mark or _GROUP_NUMBER.match(mark) or not ROW_NUMBER.match(mark):
            above = None
            continue
        if row.get(lead) or lead >= len(row.cells):
            above = row.cells[lead] if lead < len(row.cells) else None
            continue
        if above is not None and len(row.cells) == width:
            row.cells[lead] = Cell(above.text, above.start, above.end)


# Rows a page break cut: the rest of a row, or a row of its own whose number cell is empty.
HAS_DIGIT = re.compile(r"\d")


_ANY_WORD = re.compile(r"\w")
_SCAN_MARKS = re.compile(r"^[_|~—\s]+")


# A time cell a wrap cut before its date ("Trước ngày" / "27/6/2026", "29/6/2026-" / "09/7/2026", "Quý" / "III/2026").
_DATE_GOES_ON = re.compile(r"(?:[-–]|(?<![^\W\d_])(?:ng[àa]y|th[áa]ng|n[ăa]m|tr[ưu][ớo]c|t[ừu]|[đd][ếe]n|qu[ýy]))$", re.IGNORECASE)
_DATE = re.compile(r"(?:\d{1,2}/)?(?:\d{1,2}/)?(?:19|20)\d\d$|\d{1,2}/\d{1,2}$|[IVX]{1,4}/(?:19|20)\d\d$")


def date_goes_on_below(above: str, piece: str) -> bool:
    """Whether ``piece`` is the date a wrap cut off the time cell ``above`` (the cell ends with a word a date follows,
    or with a dash between two dates)."""
    return _DATE_GOES_ON.search(above.rstrip()) is not None and _DATE.match(piece.strip()) is not None


def continues_row(previous: list[Cell], cells: list[Cell]) -> bool:
    """A row that only carries on the cells of the row above (its number cell empty, text where the row above has text).
    A cell holding only a scan's marks ("-", "_", "|") under a cell the row above left empty is a stray, not a cell
    (under a filled one, "-" says the cell has nothing, as a row of its own does)."""
    if len(cells) == len(previous):
        cells = [c if _ANY_WORD.search(c.text) or p.text else Cell("", c.start, c.end) for p, c in zip(previous, cells, strict=True)]
    if len(cells) != len(previous) or cells[0].text or not any(c.text for c in cells[1:]):
        return False
    if _own_row(previous, cells):
        return False
    for k, (prev, cell) in enumerate(zip(previous, cells, strict=True)):
        if not cell.text:
            continue
        if not prev.text and not _slid(previous, cells, k):
            return False
        if cell.text[0] in "-+•*" or (HAS_DIGIT.match(cell.text) and not date_goes_on_below(prev.text, cell.text)):
            return False
    return True


def _slid(previous: list[Cell], cells: list[Cell], k: int) -> bool:
    """Whether the piece in cell ``k``, under a cell the row above left empty, slid there from a filled cell on its
    left: a piece that goes on mid-sentence (lower case first) cannot open a cell, so the line still carries on the
    row above."""
    return cells[k].text[:1].islower() and any(previous[j].text for j in range(1, k))


def carry_on(header: list[str], pending: list[Cell], cells: list[Cell]) -> list[Cell]:
    """The row above with the rest a page cut carried on, each piece under its cell."""
    out = list(pending)
    for k, cell in enumerate(cells[: len(pending)]):
        if not cell.text:
            continue
        if not pending[k].text:
            continue  # a stray of the cut under a cell the row above left empty (see _slid): in no cell
        p = out[k]
        rest = _SCAN_MARKS.sub("", cell.text) or cell.text  # "_ tác tình báo …": a scan's rule before the rest
        out[k] = Cell(join_cell_lines(header[k] if k < len(header) else "", p.text, rest), p.start, max(p.end, cell.end))
    return out


def _own_row(previous: list[Cell], cells: list[Cell]) -> bool:
    """A row with its number cell empty that is a row of its own, not the rest of the row above a page cut: it fills
    every cell the row above fills (three or more), each opening as a cell does (a capital or a digit), never
    mid-sentence. An unnumbered row under a numbered one (the number cell merged down, or a sub-row the table
    does not number) names its own work, doer and deadline."""
    # A cell merged down on the left (a group's title over its actions) is empty in every row under it: only the
    # cells from the row's first filled one on count.
    first = next((k for k, c in enumerate(cells) if k and c.text), len(cells))
    filled = [k for k, p in enumerate(previous) if k >= first and p.text]
    if len(filled) < 3 or any(not cells[k].text for k in filled):
        return False
    return all(c.text[0].isupper() or c.text[0].isdigit() for c in cells[1:] if c.text)


def spread_to_named(row: Row, header: list[str]) -> None:
    """A row with one cell for each named column of a header that also has unnamed ones (columns OCR or a converter
    read from the page's layout, empty in the rows of the first page) puts its cells under the named columns: the same
    table on the next page, read without the empty columns."""
    named = [k for k, head in enumerate(header) if head.strip()]
    if len(named) == len(header) or len(row.cells) != len(named):
        return
    spread = [Cell("", row.start, row.start) for _ in header]
    for k, cell in zip(named, row.cells, strict=True):
        spread[k] = cell
    row.cells = spread


_COLUMN_NUMBER = re.compile(r"^\(?(\d{1,2})\)?$")


def numbers_columns(cells: list[Cell]) -> bool:
    """Whether a row only numbers the header's columns ("(1)", "(2)", "(3)", …, or "1", "2", "3" …): three or more,
    in order from 1, the text referring to a column by its number; no row of the table's content."""
    texts = [c.text.strip() for c in cells]
    found = [_COLUMN_NUMBER.match(t) for t in texts]
    return len(texts) >= 3 and all(m is not None and int(m.group(1)) == k for k, m in enumerate(found, 1))
