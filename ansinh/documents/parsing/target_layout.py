"""Indicator tables a PDF text layer laid out by columns, read into the same :class:`Table` a .docx gives.

``pdftotext -layout`` (and the "pdf" kind of ``ansinh bench noise``) prints an annex table of
indicators as character columns: the header names them ("TT  Chỉ tiêu  Đơn vị  Kết quả  Cơ quan chủ
trì" with "theo dõi, đánh giá" wrapped on the lines below), a row opens where the number column holds
its number ("1", "11.2", "I") and goes on over the lines below, each cell wrapping inside its own
column; a page break leaves a page number or a running header (blanked by the cleaner) or repeats the
header. Each cell's pieces are joined, so the table layer and :mod:`table_targets` read the table as
they read the converter's tab rows of the same table.

An assignment table laid out so ("TT  Nhóm hoạt động  Hoạt động  Cơ quan chủ trì …", its narrow labels wrapped
a word a line) is read the same way into a :class:`Table` of kind "tasks" that the tab-table readers read (the task
column, a group column beside its actions); its rows also open by a list mark in the number column or by a new
cell in the work column (:func:`work_rows.work_columns`, :func:`work_rows.opens_work_row`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ansinh.documents.parsing.clean import Doc, squeeze
from ansinh.documents.parsing.layout_cells import (
    BARE_VALUE,
    ROW_NUMBER,
    Column,
    column_of,
    joined,
    line_runs,
    realigned_columns,
    rejoined,
    row_runs,
    stripped,
)
from ansinh.documents.parsing.line_patterns import line_spans
from ansinh.documents.parsing.page_columns import Pages, page_block, page_mark
from ansinh.documents.parsing.tables import TASK_HEADER, Cell, Row, Table, table_caption, table_kind
from ansinh.documents.parsing.work_rows import number_mark, opens_work_row, work_columns

# A line that may head an indicator table: it names the indicator column and has gaps of two spaces or more.
_HEAD_CANDIDATE = re.compile(r"(?m)^[^\n]*(?:chi tieu|tieu chi)[^\n]*$")
_NUMBER_HEAD = re.compile(r"^(?:s?tt|so\s+tt|thu\s+tu)\.?$")
# Words a header cell of an indicator table is made of; a line with other words is a row, not a header.
_HEAD_WORD = re.compile(
    r"s?tt|chi tieu|tieu chi|noi dung|don vi|dvt|nam|(?:19|20)\d\d|ket qua|muc tieu|gia tri|thuc hien|uoc|ke hoach|"
    r"giai doan|co quan|chu tri|phoi hop|theo doi|danh gia|ghi chu|muc|dat|can|phai|tinh|ten|so|thu tu|chung|"
    # ... and of an assignment table (its work column named as the tab-table readers name it).
    + TASK_HEADER + r"|nhom|hanh dong|cu the|bo nganh|thoi gian|thoi han|hoan thanh|tien do|dau ra|san pham|nguon|kinh phi|"
    r"nganh|hop|chu|tri|hoan|thanh|gian|han"  # a narrow label wrapped a word a line ("Bộ" / "ngành" / "chủ trì")
)
_VALUE_RUN = re.compile(r"\d")

def _is_header_line(runs: list[tuple[int, int, str]]) -> bool:
    # (A narrow column's label wraps a word a line: "Kế", "Cơ" open "Kế hoạch", "Cơ quan" on the lines below.)
    return len(runs) >= 3 and all(_HEAD_WORD.search(text) or len(text) <= 4 for _, _, text in runs) and sum(
        bool(_HEAD_WORD.search(text)) for _, _, text in runs
    ) >= 3 and any(_HEAD_WORDS.search(text) for _, _, text in runs)


@dataclass
class _Row:
    start: int
    end: int
    pieces: dict[int, list[tuple[int, int, str]]] = field(default_factory=dict)


def find_layout_target_tables(doc: Doc) -> list[Table]:
    """Every indicator table laid out by columns with spaces, as a :class:`Table` of whole rows."""
    if "  " not in doc.text:
        return []
    out: list[Table] = []
    lines: list[tuple[int, int]] = []
    index: dict[int, int] = {}
    after = 0
    for cand_start, cand_end in _candidate_lines(doc.folded):
        if not lines:
            # The text's own lines: the clean view joins lines it reads as one wrapped sentence, which moves a
            # wrapped cell's piece off its column.
            lines = line_spans(doc.text)
            index = {s: k for k, (s, _) in enumerate(lines)}
        k = index.get(cand_start)
        raw = doc.text[cand_start:cand_end]
        if k is None or cand_start < after or "  " not in raw or "\t" in raw or "|" in raw:
            # Only a table laid out with spaces: a converter's tab rows and a table typed with bars have their cells.
            continue
        table = _read(doc, lines, k)
        if table is not None:
            out.append(table)
            after = table.end
    return out


_HEAD_WORDS = re.compile("chi tieu|tieu chi|" + TASK_HEADER)


def _candidate_lines(folded: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every line ``_HEAD_CANDIDATE`` matches, in order: each line holding one of its words, found from
    the words (the pattern tries every line start, reading each line to its end and back)."""
    pos = 0
    while (m := _HEAD_WORDS.search(folded, pos)) is not None:
        start = folded.rfind("\n", 0, m.start()) + 1
        end = folded.find("\n", m.start())
        if end == -1:
            yield start, len(folded)
            return
        yield start, end
        pos = end + 1


def _header_goes_on(doc: Doc, s: int, e: int, runs: list[tuple[int, int, str]]) -> bool:
    """Whether a line under a header carries on its cells: header words only, no row number, no value, no run of
    more than six words (a wrapped label's piece is short; a first row's work cell without a number is long)."""
    return bool(runs) and not ROW_NUMBER.match(line_runs(doc.clean[s:e])[0][2]) and not any(
        BARE_VALUE.match(t) for _, _, t in runs
    ) and all((_HEAD_WORD.search(t) or len(t) <= 4) and t.count(" ") < 6 for _, _, t in runs)


def _header(doc: Doc, lines: list[tuple[int, int]], k: int) -> tuple[list[Column], int] | None:
    """The columns a header starting on line ``k`` names (its wrapped lines included) and the first line after it."""
    s, e = lines[k]
    runs = line_runs(doc.folded[s:e])
    if not _is_header_line(runs):
        return None
    header_lines = [runs]
    trimmed = [False]
    j = k + 1
    noise = 0
    while j < len(lines) and j - k - noise <= 4:
        ls, le = lines[j]
        if doc.text[ls:le].strip() and not doc.clean[ls:le].strip() and j + 1 < len(lines):
            j, noise = j + 1, noise + 1  # a page's running header or number the cleaner blanked, amid the labels
            continue
        more = line_runs(doc.folded[ls:le])
        if not _header_goes_on(doc, ls, le, more):
            break
        lost_indent = stripped(doc, ls, more) and not _NUMBER_HEAD.match(more[0][2])
        header_lines.append(rejoined(more) if lost_indent else more)
        trimmed.append(lost_indent)
        j += 1
    base = max(header_lines, key=len)  # the line with most cells: merged cells above span several of them
    columns = [Column(s_, e_) for s_, e_, _ in base]
    widths = [b.start - a.start - 2 for a, b in itertools.pairwise(columns)] + [10**6]
    before: dict[int, str] = {}
    for header_runs, lost_indent in zip(header_lines, trimmed, strict=True):
        cells: dict[int, str] = {}
        # (A header's wrapped label goes on the rightmost label of the line before: the long last one, as a rule.)
        placed = realigned_columns(header_runs, columns, before, widths, wraps=False) if lost_indent else None
        for n, (rs, re_, text) in enumerate(header_runs):
            if placed is not None:
                hits = [columns[placed[n]]]
            else:
                hits = [c for c in columns if rs < c.end + 2 and c.start - 2 < re_]
                if not hits:
                    col = column_of(columns, rs, re_)
                    hits = [columns[col]] if col is not None else []
            for c in hits:
                c.words.append(text)
                cells[columns.index(c)] = text
        before = cells
    return columns, j


def _still_fits(doc: Doc, lines: list[tuple[int, int]], j: int, numbered: bool, columns: list[Column],
                before: dict[int, str], widths: list[int]) -> bool:
    """Whether the lines that lost their indentation on the page opening at line ``j`` fit the columns as they stand:
    the first of them with two runs or more (one run fits most columns and tells nothing) sets each run at a column's
    start (not merely inside a column, which a page that set its columns anew may give as well)."""
    for s, e in lines[j : j + 12]:
        clean = doc.clean[s:e]
        if not clean.strip():
            return False
        runs = rejoined(row_runs(clean, numbered))
        if len(runs) >= 2 and stripped(doc, s, runs):
            return realigned_columns(runs, columns, before, widths, inside=False) is not None
    return False


def _overruns(runs: list[tuple[int, int, str]], cols: list[int], widths: list[int]) -> bool:
    """Whether a run ending with a punctuation mark two spaces before the next run is wider than its column."""
    return any(
        b[0] - a[1] == 2 and a[2][-1:] in ",;:.)" and a[1] - a[0] > widths[c]
        for (a, b), c in zip(itertools.pairwise(runs), cols, strict=False)
    )


def _repeats(folded_line: str, first_labels: set[str]) -> bool:
    """Whether a header-like line repeats the table's header after a page break: two of its labels are the first
    header line's (a row of short header-like words, "+ Nâng cao năng lực … Bộ … ODA", is no header)."""
    return sum(t in first_labels for _, _, t in line_runs(folded_line)) >= 2


def _read(doc: Doc, lines: list[tuple[int, int]], k: int) -> Table | None:
    head = _header(doc, lines, k)
    if head is None:
        return None
    columns, j = head
    header = [squeeze(" ".join(c.words)) for c in columns]
    numbered = bool(_NUMBER_HEAD.match(header[0]))
    first_labels = {t for _, _, t in line_runs(doc.folded[lines[k][0] : lines[k][1]])}
    work = work_columns(header, numbered)  # an assignment table: rows also open by a list mark or a new work cell
    rows: list[_Row] = []
    current: _Row | None = None
    blank = 0
    # How wide each column is (the last one: its widest piece so far), and the cells of the line before.
    widths = [b.start - a.start - 2 for a, b in itertools.pairwise(columns)] + [len(header[-1])]
    before: dict[int, str] = {}
    indented = any(doc.text[ls : ls + 1].isspace() for ls, _ in lines[k:j])
    unfit = 0
    end = lines[j - 1][1]
    main = None if work is None else (work.work if work.work is not None else Table(0, 0, header).column(TASK_HEADER))
    pages, broke = Pages([c.start for c in columns], [c.end for c in columns], main), False  # a page lays columns anew
    while j < len(lines):
        s, e = lines[j]
        clean = doc.clean[s:e]
        if not clean.strip():
            blank += 0 if doc.text[s:e].strip() else 1  # page noise the cleaner blanked does not end the table
            if blank >= 3:
                break
            j, broke = j + 1, True
            continue
        blank = 0
        if _is_header_line(line_runs(doc.folded[s:e])) and _repeats(doc.folded[s:e], first_labels):
            j += 1  # the header repeated after a page break, with its wrapped lines
            while j < len(lines) and _header_goes_on(doc, *lines[j], line_runs(doc.folded[lines[j][0] : lines[j][1]])):
                j += 1
            continue
        below_empty = j + 1 < len(lines) and not doc.clean[slice(*lines[j + 1])].strip()
        if current is not None and page_mark(line_runs(clean), broke or below_empty, numbered and indented):
            j, broke = j + 1, True
            continue
        # (A page's lines that lost their indentation and still fit the columns as they stand keep them.)
        if broke and current is not None and not (not indented and _still_fits(doc, lines, j, numbered, columns, before, widths)):
            laid = pages.relaid(page_block(doc.clean, lines, j, lambda t: row_runs(t, numbered)), [c.start for c in columns],
                                lambda t: bool(ROW_NUMBER.match(t) or number_mark(t)))
            if laid is not None:
                columns = [Column(a, b, c.words) for (a, b), c in zip(laid, columns, strict=True)]
                widths = [max(b.start - a.start - 2, 0) for a, b in itertools.pairwise(columns)] + [widths[-1]]
        broke = False
        runs = row_runs(clean, numbered)
        placed = [(column_of(columns, rs, re_), rs, re_) for rs, re_, _ in runs]
        realigned = False
        indented = indented or doc.text[s : s + 1].isspace()
        if numbered and current is not None and not indented and stripped(doc, s, runs):
            # Every line of the table so far starts at its first character: the lines lost their indentation.
            runs, apart = rejoined(runs), runs
            cols = realigned_columns(runs, columns, before, widths)
            if apart != runs:
                # A word ending a sentence wider than its column ("trường.") pushes the next cell two spaces after it:
                # no segmenter's moved space, when the runs fit the columns only so, or the run before the gap is
                # wider than the column it stands in.
                apart_cols = realigned_columns(apart, columns, before, widths)
                if apart_cols is not None and (cols is None or _overruns(apart, apart_cols, widths)):
                    runs, cols = apart, apart_cols
            if cols is None and len(runs) == 1 and work is not None and work.work is not None and number_mark(runs[0][2]) \
                    and runs[0][1] - runs[0][0] <= widths[work.work] + 1:
                # A list item ("+ Thực hiện …") no cell of the line above goes on with: the next item of the row's work.
                cols = [work.work]
            if cols is None:
                unfit += 1
                if unfit >= 2:
                    break
                j += 1  # a line a page break cut in two, say: one such line does not end the table
                continue
            placed = [(c, rs, re_) for c, (rs, re_, _) in zip(cols, runs, strict=True)]
            realigned = True
        unfit = 0
        if any(col is None for col, _, _ in placed):
            break
        # (A line that lost its indentation and fits a cell it goes on was set back under its column already.)
        if len(runs) == 1 and runs[0][0] <= 1 and runs[0][1] > columns[min(2, len(columns) - 1)].start and not realigned:
            break  # a paragraph after the table, running across the columns
        first_col = placed[0][0]
        opens = (
            numbered and first_col == 0 and (ROW_NUMBER.match(runs[0][2]) is not None or bool(work and number_mark(runs[0][2])))
        ) or (work is not None and current is not None and opens_work_row(
            work, [(c, rs, t) for (c, rs, _), (_, _, t) in zip(placed, runs, strict=True) if c is not None], before,
            columns[work.work].start if work.work is not None else 0)) or (not numbered and first_col == 0 and runs[0][0] <= columns[0].start + 1 and current is not None
              and len({col for col, _, _ in placed}) >= 2 and not runs[0][2][:1].islower()
              and any(_VALUE_RUN.search(t) for ps in current.pieces.values() for _, _, t in ps))
        # (Without a number column a row opens with its name beside cells of other columns; a name's wrapped line
        # has no other cell.)
        if numbered and first_col == 0 and not opens:
            break  # text in the number column that is no number: the table has ended
        if opens or current is None:
            current = _Row(s, e)
            rows.append(current)
        current.end = e
        before = {}
        for col, rs, re_ in placed:
            assert col is not None
            pages.note(col, rs, re_, doc.clean[s + rs : s + re_])
            current.pieces.setdefault(col, []).append((s + rs, s + re_, doc.clean[s + rs : s + re_]))
            before[col] = doc.clean[s + rs : s + re_]
            widths[col] = max(widths[col], re_ - rs) if col == len(columns) - 1 else widths[col]
        end = e
        j += 1
    if len(rows) < 2:
        return None
    table = Table(lines[k][0], end, header, caption=table_caption(doc, lines, k))
    for row in rows:
        cells: list[Cell] = []
        for c in range(len(columns)):
            pieces = row.pieces.get(c, [])
            if pieces:
                cells.append(Cell(joined([p[2] for p in pieces]), pieces[0][0], pieces[-1][1]))
            else:
                cells.append(Cell("", row.start, row.start))
        table.rows.append(Row(cells, row.start, row.end))
    return table if table_kind(table) == "targets" or (work is not None and table_kind(table) == "tasks") else None
