"""Assignment tables a PDF copy laid out with spaces, cells broken over several lines.

``pdftotext -layout`` keeps an annex table's columns as character positions: the header
("STT  Nhiệm vụ  Cơ quan chủ trì  Cơ quan phối hợp  Thời gian") names them, a row starts where
the first column holds its number and goes on over the lines below (each cell wrapping in its own
column), and a page break leaves a running header or a page number, or repeats the header, in the
middle. Each row becomes a task with its lead, partners and time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ansinh.documents.parsing.clean import Doc, squeeze
from ansinh.documents.parsing.layout_headers import _UNNAMED, _header_at, _header_columns, _runs
from ansinh.documents.parsing.layout_rows import last_number, row_follows, row_label, split_group_label
from ansinh.documents.parsing.page_columns import Pages, page_block, page_mark
from ansinh.documents.parsing.table_cells import date_goes_on_below, join_cell_lines
from ansinh.documents.parsing.tasks import Task
from ansinh.documents.parsing.unit_names import split_units
from ansinh.documents.parsing.unit_roles import units_by_role


@dataclass
class _Row:
    number: str
    start: int
    end: int
    cells: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class LayoutTable:
    start: int
    end: int
    tasks: list[Task]
    unnamed: bool = False  # its header holds a label no role names: another reader of the table is preferred


def _column_of(columns: list[tuple[int, int, str]], s: int, e: int) -> int | None:
    """The column a run [s, e) sits in: the one it overlaps most (None when it overlaps none)."""
    best, best_overlap = None, 0
    for k, (cs, _ce, _) in enumerate(columns):
        right = columns[k + 1][0] if k + 1 < len(columns) else 10**6
        left = cs if k == 0 else (columns[k - 1][1] + cs) // 2
        lo, hi = max(s, left), min(e, right)
        if hi - lo > best_overlap:
            best, best_overlap = k, hi - lo
    return best


def _typed_row(doc: Doc, start: int, end: int) -> bool:
    """Whether the clean view separates the line's cells where the text has a mark (a bar, a tag), not spaces."""
    k = doc.clean.find("\t", start, end)
    while k != -1:  # tab by tab, found rather than read character by character
        if not doc.text[k].isspace():
            return True
        k = doc.clean.find("\t", k + 1, end)
    return False


def find_layout_tables(doc: Doc) -> list[LayoutTable]:
    """Every assignment table laid out with spaces, read into tasks."""
    if "  " not in doc.text:
        return []
    out: list[LayoutTable] = []
    lines = doc.lines()
    i = 0
    while i < len(lines):
        s, e = lines[i]
        # The spaced-table reader may have written tabs into the gaps; they stand for spaces here. A row whose cells
        # a bar or a tag separates ("| TT | Nhiệm vụ |", "<td>") is a typed table, read by :mod:`tables`.
        spaced = "  " in doc.text[s:e] and not _typed_row(doc, s, e)
        columns, depth = _header_at(doc, lines, i) if spaced else (None, 0)
        if columns is None:
            i += 1
            continue
        table, i = _read_table(doc, lines, i + depth, columns)  # rows start below the header's lines
        if table is not None:
            table.start = s  # the table spans its whole header
            out.append(table)
    return out


def _read_table(doc: Doc, lines: list[tuple[int, int]], head: int, columns: list[tuple[int, int, str]]) -> tuple[LayoutTable | None, int]:
    roles = [r for _, _, r in columns]
    rows: list[_Row] = []
    current: _Row | None = None
    group: str | None = None
    blank_run = 0
    after_blank = False  # an empty line stands just above
    packed = False  # two lines of a row followed each other without an empty line between
    i = head + 1
    stripped = _stripped(doc, lines, head)
    previous: dict[int, str] = {}  # the cells of the row's line above, by column
    widest: dict[int, int] = {}  # the longest cell line of each column so far
    pages = Pages([cs for cs, _, _ in columns], [ce for _, ce, _ in columns], roles.index("title"))  # a page lays columns anew
    while i < len(lines):
        s, e = lines[i]
        line = doc.clean[s:e].replace("\t", " ")
        below_empty = i + 1 < len(lines) and not doc.clean[lines[i + 1][0] : lines[i + 1][1]].strip()
        if line.strip() and current is not None and page_mark(_runs(line), after_blank or below_empty, not stripped):
            line = ""  # a stray mark a page break left (a page number the cleaner blanked is blank already)
        if not line.strip():
            # A page number or running header the cleaner blanked is a page break inside the table, not its end.
            blank_run += 0 if doc.text[s:e].strip() else 1
            if blank_run >= 3:
                break
            after_blank = True
            i += 1
            continue
        packed = packed or not after_blank  # the header counts: a row right under it
        blank_run = 0
        again, depth = _header_at(doc, lines, i) if after_blank else (_header_columns(doc.folded[s:e].replace("\t", " ")), 0)
        if again is not None:
            # The header repeated on the next page: where it sets the columns there, when it names the same ones.
            if [r for _, _, r in again] == roles:
                columns, pages.seen = again, {}
            i += 1 + depth
            continue
        if after_blank and current is not None:
            laid = pages.relaid(page_block(doc.clean, lines, i, lambda t: _runs(t.replace("\t", " "))), [cs for cs, _, _ in columns],
                                lambda t: row_label(t) is not None)
            columns = columns if laid is None else [(a, b, r) for (a, b), (_, _, r) in zip(laid, columns, strict=True)]
        runs = split_group_label(_runs(line), columns, last_number(current.number if current is not None else None), group)
        if stripped and current is not None and runs[0][0] == 0 and row_label(runs[0][2]) is None:
            if _after_table(runs, columns, doc.text[s:e]) and not row_follows(doc, lines, i, columns):
                break
            raw = doc.text[s:e]
            if "\n" in raw and len(runs) == 1:
                # A cell's lines the cleaner joined as a wrapped sentence: set by the width of its longest line.
                cut = max(len(part) for part in raw.split("\n"))
                d = _reindented(columns, [(0, cut, runs[0][2])], previous, widest)[0][0]
                runs = [(d, d + runs[0][1], runs[0][2])]
            else:
                # (its first word as the text has it: a word segmenter's "địa_phương" wraps whole)
                runs = _reindented(columns, runs, previous, widest, raw[runs[0][0] : runs[0][1]].split(" ")[0])
        placed = [(_column_of(columns, rs, re_), text) for rs, re_, text in runs]
        for (k, _), (rs, re_, text) in zip(placed, runs, strict=True):
            if k is not None:
                pages.note(k, rs, re_, text)
        # The number column holds numbers only: text there is the next cell's, set left of its centred header.
        placed = [(1 if k == 0 and roles[0] == "number" and row_label(text) is None else k, text) for k, text in placed]
        if any(k is None for k, _ in placed):
            break
        first_run = runs[0]
        starts_row = placed[0][0] == 0 and roles[0] == "number" and row_label(first_run[2]) is not None
        if not starts_row and current is None:
            i += 1  # the header's second line ("hoàn thành") before the first row
            continue
        if not starts_row and len(runs) == 1 and first_run[0] <= 1 and first_run[1] > columns[1][0] + 10:
            break  # a paragraph after the table
        if not starts_row and len(runs) == 1 and packed and after_blank and _blank_after(doc, lines, i):
            i += 1  # a running header alone between empty lines, where a page broke a table whose lines follow each other
            continue
        after_blank = False
        if starts_row:
            label = row_label(first_run[2]) or ""
            if re.fullmatch(r"[IVX]{1,5}", label):
                group = label
            elif group is not None:
                label = f"{group}.{label}"  # numbers restart under each roman group: the full path ("II.1")
            current = _Row(label, s, e)
            rows.append(current)
            placed = placed[1:]
        assert current is not None
        current.end = e
        previous = {k: text for k, text in placed if k is not None}
        for k, text in placed:
            if k is not None:
                widest[k] = max(widest.get(k, 0), len(text))
        for k, text in placed:
            if k is not None:
                current.cells.setdefault(roles[k], []).append(text)
        i += 1
    if len(rows) < 2:
        return None, head + 1
    tasks = [_task(row) for row in rows]
    return LayoutTable(lines[head][0], rows[-1].end, [t for t in tasks if t is not None], _UNNAMED in roles), i


def _stripped(doc: Doc, lines: list[tuple[int, int]], head: int) -> bool:
    """Whether the table's lines lost their indentation (a web copy of a PDF's text): of the next lines with text,
    none starts with a space, while several hold cells apart."""
    # The test of a line's start reads the text as given: a mark the cleaner blanked ("**I.** Nâng cao …") is no indent.
    pairs = [(doc.clean[s:e].replace("\t", " "), doc.text[s:e]) for s, e in lines[head + 1 : head + 31]]
    pairs = [(t, raw) for t, raw in pairs if t.strip()]
    texts = [t for t, _ in pairs]
    return len(texts) >= 3 and not any(raw[:1] in (" ", "\t") for _, raw in pairs) and sum(len(_runs(t)) >= 2 for t in texts) >= 2


# What starts a heading or a paragraph after a table, never a cell's next line: "III. TỔ CHỨC", "2. Giải pháp",
# "Điều 3.", a dash item.
_HEADING = re.compile(r"^(?:[IVX]{1,5}\.|\d{1,2}(?:\.\d{1,2})*\.\s|[a-zđ]\)\s|[-–+•]\s|(?:Điều|ĐIỀU)\s\d)")


_WORDS = re.compile(r"[^\W\d_]{2,}")


def _after_table(runs: list[tuple[int, int, str]], columns: list[tuple[int, int, str]], raw: str = "") -> bool:
    """Whether a line that lost its indentation is the text after the table: a heading, a line in capitals (of two
    words or more), or one run wider than any column."""
    text = runs[0][2]
    # A line in capitals of one word is an abbreviation in a list of bodies ("VTV,", "; VTV ,", "TTXVN"), no heading.
    # ... and a line of several cells is a row's next line ("CSDLQG, CSDL   Truyền   dựng, đưa vào", "- Sửa đổi …   Đầu tư ,").
    if len(runs) == 1 and (_HEADING.match(text) or (text.isupper() and len(_WORDS.findall(text)) >= 2)):
        return True
    widest = max(columns[k + 1][0] - columns[k][0] for k in range(len(columns) - 1))
    # A cell's lines the cleaner joined as a wrapped sentence ("… phát minh, sáng" + "kiến nâng cao …") are measured
    # line by line: each fits its column.
    end = max((len(part) for part in raw.split("\n")), default=0) if "\n" in raw else runs[0][1]
    return len(runs) == 1 and min(runs[0][1], end) > widest + 2


_OVERRUN = 6  # how far a line's last piece may run past its column's end


def _reindented(
    columns: list[tuple[int, int, str]], runs: list[tuple[int, int, str]], previous: dict[int, str], widest: dict[int, int],
    first: str = "",
) -> list[tuple[int, int, str]]:
    """A row's next line put back under its columns: the first run set at a column's start, the others keeping their
    gaps; the shift chosen that sets most runs at column starts, each inside its column, in columns the line above
    filled (a cell goes on only under itself), the first run under the fullest of them."""
    best, best_key = runs, (-1, -1, -1, -1, -1.0)
    for k in range(1, len(columns)):
        d = columns[k][0] - runs[0][0]
        moved = [(rs + d, re_ + d, text) for rs, re_, text in runs]
        found = [_column_of(columns, rs, re_) for rs, re_, _ in moved]
        ks = [c for c in found if c is not None]
        if len(ks) < len(found) or ks != sorted(ks):
            continue
        # The last column reaches the line's end: its width is its longest line so far.
        # A line's last piece may reach a little past the next column's start: a word wider than its column, which the
        # layout let run on over the empty column beside it.
        inside = all(
            re_ <= columns[c + 1][0] + (_OVERRUN if x == len(moved) - 1 else 0) if c + 1 < len(columns)
            else re_ - rs <= widest.get(c, 0) + 2
            for x, ((rs, re_, _), c) in enumerate(zip(moved, ks, strict=True))
        )
        if not inside:
            continue
        aligned = sum(any(abs(rs - cs) <= 2 for cs, _, _ in columns) for rs, _, _ in moved)
        under = sum(c in previous for c in ks)
        above = previous.get(k, "")
        # The last column reaches the line's end: its width is its label's or its longest line's.
        last = max(widest.get(k, 0), columns[k][1] - columns[k][0])
        width = (columns[k + 1][0] - columns[k][0] - 2) if k + 1 < len(columns) else last
        # A cell breaks its line only where the next word would not fit beside the line above.
        wraps = int(bool(above) and len(above) + 1 + len(first or runs[0][2].split(" ")[0]) > width)
        full = len(above) / max(width, 1) + (1.0 if re.search(r"[,;(-]$|\s(?:và|của|với)$", above) else 0.0)
        # A date goes on the time cell a wrap cut before it ("Quý" / "II/2026", "Trước ngày" / "15/7/2026").
        dated = int(len(runs) == 1 and date_goes_on_below(above, runs[0][2]))
        key = (aligned, under, dated, wraps, full)
        if key > best_key:
            best, best_key = moved, key
    return best


def _blank_after(doc: Doc, lines: list[tuple[int, int]], i: int) -> bool:
    """Whether the line after line ``i`` is empty (in the text as given)."""
    return i + 1 < len(lines) and not doc.text[lines[i + 1][0] : lines[i + 1][1]].strip()


def _joined(parts: list[str] | None, head: str = "") -> str:
    """Cell lines joined (a line naming the next body of a list of bodies after a comma, see
    :func:`table_cells.join_cell_lines`); a word broken with a hyphen at a line end is read whole."""
    text = ""
    for part in parts or []:
        text = join_cell_lines(head, text, part) if text else part
    return squeeze(re.sub(r"([^\W\d_])- ([^\W\d_])", r"\1\2", text) if "- " in text and " - " not in text else text)


def _task(row: _Row) -> Task | None:
    title = _joined(row.cells.get("title"))
    if not title:
        return None
    task = Task(row.number or None, title, (row.start, row.end))
    lead_text = _joined(row.cells.get("lead"), "chu tri")
    if lead_text:
        lead, partners = units_by_role(lead_text)
        task.lead, task.own_lead = lead, bool(lead)
        task.coordinate, task.own_coordinate = partners, bool(partners)
    partners_text = _joined(row.cells.get("coordinate"), "phoi hop")
    if partners_text:
        task.coordinate, task.own_coordinate = task.coordinate + split_units(partners_text), True
    timeline = _joined(row.cells.get("timeline"))
    task.timeline = timeline or None
    return task
