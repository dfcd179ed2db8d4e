"""Tab-separated tables: rows, a merged header, and what each column holds.

Converters write a table row per line with cells separated by tabs; a
merged header takes two lines (``"Kế hoạch giai đoạn 2021-2025"`` over
``"Cuối năm 2021" ... "Cuối năm 2025"``), and gazette text may break a row
over several lines. :func:`find_tables` rebuilds whole rows and joins the
header lines column by column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ansinh.documents.parsing.clean import Doc, squeeze
from ansinh.documents.parsing.table_breaks import (
    Block,
    next_has_tab,
    next_line,
    resumes,
    running_head,
    stray_mark,
)
from ansinh.documents.parsing.table_cells import (
    HAS_DIGIT,
    LEAD_HEADER,
    ROW_NUMBER,
    Cell,
    Row,
    carry_on,
    continues_row,
    date_goes_on_below,
    fill_merged_leads,
    join_cell_lines,
    numbers_columns,
    spread_to_named,
)

__all__ = ["LEAD_HEADER", "TASK_HEADER", "Cell", "Row", "Table", "find_tables", "join_cell_lines", "table_caption", "table_kind", "value_column"]

# The header words of the column that names each row's work.
TASK_HEADER = r"nhiem vu|noi dung|hoat dong|cong viec|ten (?:du an|de an)"
_NUMBER_HEAD = r"^s?tt$|^stt|^so tt|^thu tu"
_HEADER_FIRST = re.compile(r"^(?:s?tt|so tt|stt|thu tu|so thu tu)$")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
# A column for a whole period ("Giai đoạn 2026-2030", "Mục tiêu giai đoạn 2026 - 2030"): its value holds at the end.
_PERIOD_COLUMN = re.compile(
    r"(?:(?:muc tieu|chi tieu|ke hoach)\s+)?giai doan\s+(?:19|20)\d\d\s*[-–]\s*((?:19|20)\d\d)(?:\s*\(.*\))?"
)
# The unit column of an indicator table ("Đơn vị tính", "ĐVT", "Đơn vị" alone).
_UNIT_HEAD = re.compile(r"^(?:don vi tinh|dvt|don vi)$")


@dataclass
class Table:
    start: int
    end: int
    header: list[str]
    rows: list[Row] = field(default_factory=list)
    caption: str = ""

    def column(self, pattern: str, exclude: str | None = None) -> int | None:
        """Index of the first column whose folded header matches ``pattern``."""
        for i, head in enumerate(self.header):
            if re.search(pattern, head) and not (exclude and re.search(exclude, head)):
                return i
        return None

    def task_column(self) -> int | None:
        """The column of each row's work: the one its header names ("Nhiệm vụ", "Nội dung", "Hoạt động"), or, in an
        assignment table whose header OCR left unreadable there, the column of long text left of the lead column."""
        named = self.column(TASK_HEADER)
        if named is not None or self.column(_NUMBER_HEAD) is None:
            return named
        lead = self.column(LEAD_HEADER, exclude=r"phoi hop|tham tra")
        if lead is None or not self.rows:
            return None
        sizes = [(sum(len(row.get(k)) for row in self.rows) / len(self.rows), k) for k in range(1, lead)]
        size, best = max(sizes, default=(0.0, None))
        return best if size >= 40 else None

    def year_columns(self) -> list[tuple[int, int]]:
        """(column, year) of the yearly milestone columns, in order."""
        out: list[tuple[int, int]] = []
        for i, head in enumerate(self.header):
            if i == self.baseline_column():
                continue
            years = re.findall(r"nam\s+((?:19|20)\d\d)(?!\d)", head)
            if not years and re.fullmatch(r"\D*(?:19|20)\d\d\D*", head) and "giai doan" not in head:
                years = _YEAR.findall(head)
            period = None if years else _PERIOD_COLUMN.fullmatch(head)
            if period:
                years = [period.group(1)]  # "Giai đoạn 2026-2030", "Mục tiêu đến năm 2030" alone: the period's end
            if years:
                out.append((i, int(years[-1])))
        return out

    def baseline_column(self) -> int | None:
        """Index of the column that gives the starting value, if any."""
        return self.column(
            r"ket qua|thuc hien nam|thuc hien (?:19|20)\d\d|uoc (?:thuc hien|dat)|hien trang|nam goc|gia tri co so|thuc trang"
        )

    def baseline_year(self) -> int | None:
        col = self.baseline_column()
        if col is None:
            return None
        years = re.findall(r"(?:19|20)\d\d", self.header[col])
        return int(years[-1]) if years else None


def _split_cells(doc: Doc, start: int, end: int) -> list[Cell]:
    cells: list[Cell] = []
    pos = start
    raw = doc.clean[start:end]
    for part in raw.split("\t"):
        cells.append(Cell(squeeze(part), pos, pos + len(part)))
        pos += len(part) + 1
    return cells


def _is_header(row: list[Cell], folded: str) -> bool:
    first = squeeze(folded.split("\t")[0]) if folded else ""  # the first cell (squeeze turns tabs into spaces)
    return bool(_HEADER_FIRST.match(first)) or bool(
        re.search(r"tieu chi|chi tieu|noi dung|nhiem vu|ten (?:van ban|du an|nhiem vu)|co quan chu tri", folded)
        and not re.search(r"\d", row[0].text if row else "")
    )


def find_tables(doc: Doc) -> list[Table]:
    """Every table in ``doc`` with at least a header and one row."""
    lines = doc.lines()
    tables: list[Table] = []
    i = 0
    n = len(lines)
    while i < n:
        s, e = lines[i]
        if "\t" not in doc.clean[s:e]:
            i += 1
            continue
        block = Block(doc)
        j = i
        while j < n:
            ls, le = lines[j]
            text = doc.clean[ls:le]
            if "\t" in text:
                block.append((ls, le))
                j += 1
                continue
            # A page header or page number blanked by the cleaner inside a table: skip it.
            if not text.strip() and doc.text[ls:le].strip() and block:
                j += 1
                continue
            # A page break inside a table (an empty line), the table going on as wide as before.
            if not text.strip() and block and (resumes(doc, lines, j, block) or running_head(doc, lines, next_line(doc, lines, j), block)):
                j += 1
                continue
            if block and stray_mark(doc, lines, j, block):
                j += 1  # a stray mark where a page broke a scan's table ("|", "§"): in no cell
                continue
            if text.strip() and block and running_head(doc, lines, j, block):
                j += 1  # a running header where a page broke the table ("KẾ HOẠCH SỐ 12/KH-UBND"): in no cell
                continue
            # A tab-less line inside a table continues a broken cell (an empty line may follow it in a PDF export).
            if text.strip() and block and next_has_tab(doc, lines, j):
                block.append((ls, le))
                j += 1
                continue
            break
        tables.extend(_build(doc, block.lines, lines, i))
        i = j
    return tables


def table_caption(doc: Doc, lines: list[tuple[int, int]], first_line: int) -> str:
    """Up to four lines of text just above a table (stopping at a blank line after text, or at a tab-separated row)."""
    parts: list[str] = []
    k = first_line - 1
    while k >= 0 and len(parts) < 4:
        s, e = lines[k]
        text = doc.folded[s:e].strip()
        if "\t" in text:
            break
        if text:
            parts.insert(0, text)
        elif parts:
            break
        k -= 1
    return " ".join(parts)


def _build(doc: Doc, block: list[tuple[int, int]], lines: list[tuple[int, int]], first_line: int) -> list[Table]:
    tables: list[Table] = []
    caption = table_caption(doc, lines, first_line)
    table: Table | None = None
    width = 0
    pending: list[Cell] | None = None
    pending_span = (0, 0)
    for s, e in block:
        cells = _split_cells(doc, s, e)
        folded = doc.folded[s:e]
        if _is_header(cells, folded) and (table is None or _HEADER_FIRST.match(squeeze(folded.split("\t")[0]) or "x")):
            if table is not None and [squeeze(h) for h in table.header[:2]] == [
                "tt" if k == 0 and _HEADER_FIRST.match(h) else h
                for k, h in enumerate(squeeze(doc.folded[c.start : c.end]) for c in cells[:2])
            ]:
                # The header repeated after a page break: keep the same table.
                continue
            if table is not None and table.rows:
                tables.append(table)
            table = Table(s, e, [squeeze(doc.folded[c.start : c.end]) for c in cells], caption=caption)
            if _HEADER_FIRST.match(table.header[0]):
                table.header[0] = "tt"  # "Số TT", "Số thứ tự", "Thứ tự": the number column, named as readers look for it
            width = len(cells)
            pending = None
            continue
        if table is None:
            continue
        if not table.rows and pending is None and numbers_columns(cells):
            table.end = e  # the columns' numbers under the header: part of it
            continue
        header_cells = [Cell(h, 0, 0) for h in table.header]
        if not table.rows and pending is None and not cells[0].text and (
            not cells[1 if len(cells) > 1 else 0].text or continues_row(header_cells, cells)
        ):
            # Second header line under merged cells, or the rest of a header a page break cut.
            for k, c in enumerate(cells):
                text = squeeze(doc.folded[c.start : c.end])
                if k < len(table.header):
                    table.header[k] = (table.header[k] + " " + text).strip()
                else:
                    table.header.append(text)
            width = max(width, len(cells))
            table.end = e
            continue
        tabless = "\t" not in doc.clean[s:e]
        upper = sum(ch.isupper() for ch in cells[0].text) >= 0.6 * max(1, sum(ch.isalpha() for ch in cells[0].text))
        wrapped = _continues_by_position(doc, pending, cells) if pending is not None and not upper else None
        if wrapped is not None:
            # A space-laid row wrapped over lines: each piece goes on under the cell it starts under.
            pending = wrapped
            pending_span = (pending_span[0], e)
        elif tabless and (upper or pending is None or len(pending) >= width):
            # A group row written across the table ("QUÝ II NĂM 2021").
            if pending is not None:
                table.rows.append(Row(pending, *pending_span))
            table.rows.append(Row(cells, s, e))
            pending = None
        elif pending is not None and continues_row(pending, cells):
            # The rest of a row a page break cut: each cell goes on in the same column.
            pending = carry_on(table.header, pending, cells)
            pending_span = (pending_span[0], e)
        elif (
            pending is not None and len(pending) < width and len(pending) + len(cells) - 1 <= width
            and not ROW_NUMBER.match(cells[0].text) and not _full_collapsed(table.header, pending)
        ):
            merged = [*pending[:-1], Cell(squeeze(pending[-1].text + " " + cells[0].text), pending[-1].start, cells[0].end), *cells[1:]]
            pending = merged
            pending_span = (pending_span[0], e)
        else:
            if pending is not None:
                table.rows.append(Row(pending, *pending_span))
            pending = cells
            pending_span = (s, e)
        table.end = e
    if table is not None:
        if pending is not None:
            table.rows.append(Row(pending, *pending_span))
        if table.rows:
            tables.append(table)
    for t in tables:
        for row in t.rows:
            spread_to_named(row, t.header)
            _merge_split_text(row, len(t.header))
            _cell_line_breaks(doc, row, t.header)
        if table_kind(t) == "tasks":
            fill_merged_leads(t.rows, t.column(LEAD_HEADER, exclude=r"phoi hop|tham tra"),
                              t.column(_NUMBER_HEAD), len(t.header))
    return tables


def _full_collapsed(header: list[str], cells: list[Cell]) -> bool:
    """A row with a cell for each named column of a header that has unnamed ones too: the next page's whole row."""
    return len(cells) == sum(1 for head in header if head.strip()) < len(header)


_LINE_BREAK_TAG = re.compile(r"(?i)<br\s*/?>|</?p\b[^<>]{0,80}>")


def _cell_line_breaks(doc: Doc, row: Row, header: list[str]) -> None:
    """A cell of a web copy broken into lines by tags ("Sở Tài chính<br>Sở Y tế") joined as a cell's lines are."""
    for k, cell in enumerate(row.cells):
        raw = doc.text[cell.start : cell.end]
        if "<" not in raw or not _LINE_BREAK_TAG.search(raw):
            continue
        text, pos = "", 0
        for m in [*_LINE_BREAK_TAG.finditer(raw), None]:
            piece = squeeze(doc.clean[cell.start + pos : cell.start + (m.start() if m else len(raw))])
            if piece:
                text = join_cell_lines(header[k] if k < len(header) else "", text, piece) if text else piece
            pos = m.end() if m else len(raw)
        cell.text = text


def _text_column(doc: Doc, cell: Cell) -> int:
    """The column (offset in its line) where a cell's text begins."""
    raw = doc.clean[cell.start : cell.end]
    begin = cell.start + len(raw) - len(raw.lstrip())
    return begin - (doc.clean.rfind("\n", 0, begin) + 1)


def _continues_by_position(doc: Doc, previous: list[Cell], cells: list[Cell]) -> list[Cell] | None:
    """``previous`` with the pieces of a wrapped space-laid row appended, or None when ``cells`` is no such row.

    The row has fewer cells than the one above, no number, no value; each piece starts within a few
    columns of where a text cell of the row above starts.
    """
    pieces = [c for c in cells if c.text]
    if not pieces or len(cells) >= len(previous):
        return None
    raw_line = doc.clean[cells[0].start : cells[-1].end]
    if "\t" in raw_line:
        if cells[0].text:
            return None
    elif len(cells) != 1 or len(raw_line) - len(raw_line.lstrip(" ")) < 3:
        return None  # an untabbed line goes on a cell only when it is indented under it
    starts = [(_text_column(doc, p), k) for k, p in enumerate(previous) if p.text]
    out = list(previous)
    for piece in pieces:
        col = _text_column(doc, piece)
        near = [(abs(col - c), k) for c, k in starts if abs(col - c) <= 3]
        if not near:
            return None
        k = min(near)[1]
        date_goes_on = date_goes_on_below(out[k].text, piece.text)
        if piece.text[0] in "-+•*" or (HAS_DIGIT.match(piece.text) and not date_goes_on):
            return None
        if HAS_DIGIT.search(out[k].text) and not re.search(r"[^\W\d_]{3}", out[k].text) and not date_goes_on:
            return None  # a value cell does not wrap into words
        out[k] = Cell(squeeze(out[k].text + " " + piece.text), out[k].start, piece.end)
    return out


def _merge_split_text(row: Row, width: int) -> None:
    """Join a text cell that a PDF converter split in two ("bảo hiểm" | "y tế") while the row is wider than its header."""
    while len(row.cells) > width:
        for i in range(1, len(row.cells) - 1):
            a, b = row.cells[i], row.cells[i + 1]
            if a.text and b.text and not HAS_DIGIT.search(a.text) and not HAS_DIGIT.search(b.text) and b.text[:1].islower():
                row.cells[i : i + 2] = [Cell(squeeze(a.text + " " + b.text), a.start, b.end)]
                break
        else:
            return


def value_column(table: Table) -> int | None:
    """The one value column of an indicator table without yearly columns ("Kết quả", "Mục tiêu", "Chỉ tiêu đạt")."""
    if table.year_columns():
        return None
    return table.column(r"^(?:ket qua|muc tieu|gia tri|chi tieu (?:can |phai )?dat|ket qua (?:can |phai )?dat|"
                        r"muc (?:phan dau|can dat)|dich)(?:\s|$)", exclude=r"thuc hien nam|hien trang|co quan|don vi")


# "Sản phẩm, hình thức văn bản": the form a task's product takes, which does not make a work table a list of documents.
_PRODUCT_FORM = "hinh thuc van ban"


def table_kind(table: Table) -> str:
    """``"targets"``, ``"documents"``, ``"projects"``, ``"tasks"`` or ``"other"``."""
    heads = " | ".join(table.header)
    if re.search(r"tieu chi|chi tieu", heads) and len(table.year_columns()) >= 1:
        return "targets"
    # "TT | Chỉ tiêu | Đơn vị | Kết quả | Cơ quan chủ trì theo dõi": one value per row, the year in group rows.
    if re.search(r"tieu chi|chi tieu", heads) and value_column(table) is not None and not re.search(r"nhiem vu", heads):
        return "targets"
    # "TT | Nội dung | ĐVT | Năm 2026 | Năm 2027": a unit column and yearly columns make an indicator table, unless
    # the table counts money (a budget by year).
    if (table.year_columns() and any(_UNIT_HEAD.match(h) for h in table.header) and re.search(r"noi dung|ten ", heads)
            and not re.search(r"kinh phi|von|nguon|trieu dong|ty dong|dong\)|du an|nhiem vu", heads)):
        return "targets"
    # "TT | Nhiệm vụ | Cơ quan chủ trì | Phối hợp | Kinh phí": an assignment table with a budget column stays one, unless
    # its rows are investment projects ("Tên dự án", "Tổng mức đầu tư", "Chủ đầu tư").
    # A header OCR left unreadable over the work column: the column of long text (Table.task_column).
    work = table.column(r"nhiem vu|noi dung|hoat dong|cong viec")
    unread = table.column(TASK_HEADER) is None and table.task_column() is not None
    if (re.search(LEAD_HEADER, heads) and (work is not None or unread)
            and not re.search(r"du an|tong muc|von dau tu|chu dau tu|ban hanh|van ban", heads.replace(_PRODUCT_FORM, ""))):
        return "tasks"
    if re.search(r"kinh phi|tong muc|von dau tu|trieu dong|ty dong|nguon von", heads) and table.column(r"noi dung|ten du an|du an|danh muc") is not None:
        return "projects"
    if re.search(r"ban hanh|hinh thuc van ban|ten van ban|loai van ban", heads):
        return "documents"
    if re.search(LEAD_HEADER + r"|co quan trinh", heads) and re.search(r"nhiem vu|noi dung|hoat dong|cong viec|ten (?:du an|de an)", heads):
        return "tasks"
    return "other"
