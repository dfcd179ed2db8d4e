"""Tables whose cells a converter wrote one per line ("stacked"), read back as tab-separated rows.

A .docx table copied as plain paragraphs loses its grid::

    STT
    Tên dự án
    Cơ quan trình
    Cơ quan chủ trì
    thẩm tra
    1.
    Luật Thủ đô (sửa đổi)
    Chính phủ
    Ủy ban
    Pháp luật và Tư pháp

The header opens with "STT"/"TT" alone on its line and names three columns or more; a header cell
broken over two lines goes on with a lower-case word. Each row opens with its number alone on a line. A
converter that writes each cell as a paragraph leaves a blank line between cells: such a table (a blank line
right after "TT") is read in a second pass with its blank lines joined like page furniture.
A row with more lines than cells is mended by joining a line that goes on in lower case, a bare
body word ("Ủy ban", "Bộ"), or a line a PDF wrapped inside a cell (a bracket left open, a comma or colon last) with the
line after it, or a line as wide as a page's running text that ends inside a phrase (a PDF wrapped the cell at the page's
width, its next line perhaps opening with a capital: "… và Luật" / "Thư viện"); a row that cannot be mended is left alone. In the
clean view the line breaks between cells become tabs and those inside a cell spaces (same length), so
:mod:`tables` reads the result like a converter's table.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ansinh.documents.parsing.line_patterns import line_search, line_spans
from ansinh.documents.parsing.stacked_heads import column_numbers, merged_label, rows_order
from ansinh.documents.parsing.stacked_marks import LONE_MARK, last_cells, marked_rows, write_row

# The number column's header as printed ("TT", "STT", "Số TT", "Thứ tự"), alone on its line.
_NUMBER_HEAD = r"S?TT|Stt|S[ốo] TT|(?:S[ốo] )?[Tt]h[ứu] t[ựu]"
_HEADER_LINE = re.compile(r"(?m)^\s*(?:" + _NUMBER_HEAD + r")\s*$")
_HEADER_START = re.compile(r"^\s*(?:s?tt|so tt|(?:so )?thu tu)\s*$")
_ROW_NUMBER = re.compile(r"^\s*(\d{1,3}(?:\.\d{1,3}){0,2})\s*\.?\s*$")  # "7", "7.", "11.2": a row's number alone
# A group row's roman number alone on its line ("II", "III.", "**IV**" in a Markdown copy), over its title's line.
_GROUP_NUMBER = re.compile(r"^\s*[*_]*\s*[ivxl]{1,5}\s*[.)]?\s*[*_]*\s*$")
# ... or its capital letter ("A", "B.", "**C**"): a table's parts lettered over groups numbered again in each.
_GROUP_LETTER = re.compile(r"^\s*[*_]*\s*[A-ZĐ]\s*\.?\s*[*_]*\s*$")


def _is_group(raw: list[str], folded: list[str], k: int) -> bool:
    """Whether line ``k`` is a group row's number alone: a roman number, or a capital letter."""
    return bool(_GROUP_NUMBER.match(folded[k]) or _GROUP_LETTER.match(raw[k]))
# A header cell: short, words only ("Cơ quan chủ trì", "Tiến độ trình UBTVQH", "Thời gian hoàn thành").
_HEADER_CELL = re.compile(r"^[^\d.;:]{2,60}$|^[^\d.;:]{0,40}(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?[^\d.;:]{0,20}$"  # "Năm 2030"
                          r"|^[^\d.;:]{2,30}\s\d{1,3}-[A-ZĐ][\w/Đ-]{1,20}$")  # a document's cell: "NV theo KH 05-KH/BCĐTW"
# Body words that a broken cell leaves alone on a line.
_BARE_HEAD = re.compile(r"^\s*(?:uy ban|bo|so|ban|co quan|hoi dong|van phong|ubnd|cac bo|cac co quan)\s*$")
# Column names that make a stack of short lines a table header.
_HEADER_WORDS = re.compile(r"chu tri|phoi hop|tham gia|co quan|don vi|thoi gian|thoi han|tien do|noi dung|nhiem vu|"
                           r"chi tieu|tieu chi|ten (?:du an|de an|nhiem vu)|san pham|ket qua|nam (?:19|20)\d\d")
_MAX_ROW_LINES = 40
# The work column's label opening a header that names no number column.
_WORK_LABEL = re.compile(r"^\s*(?:noi dung|nhiem vu|ten nhiem vu|cong viec|hoat dong)(?: (?:nhiem vu|cong viec|cu the|thuc hien))?\s*$")
# A page's furniture a page break leaves between two cells ("- 3 -", "Trang 3/14", a gazette header); a bare
# number is not one here: it may be the next row's number.
_FURNITURE = re.compile(r"^\s*(?:-\s*\d{1,3}\s*-|[Tt]rang\s+\d{1,3}(?:\s*/\s*\d{1,3})?|\d{1,3}\s*/\s*\d{1,3}"
                        r"|(?:\d{1,4}\s+)?C[ÔO]NG\s+B[ÁA]O\s*/\s*S[ỐO].{0,60}?)\s*$")


# A word that joins what follows to the words before it: a line opening with it goes on a cell a converter wrapped.
_CONNECTOR = re.compile(r"^(?:của|và|với|cho|tại|về|đến|trên|thuộc|để|nhằm|gắn với)\s")


def _merge_to(body: list[int], raw: list[str], folded: list[str], width: int) -> list[list[int]] | None:
    """Group a row's lines into ``width`` cells; None when no rule says where to join."""
    groups: list[list[int]] = []
    for b in body:
        if groups and _CONNECTOR.match(raw[b].strip()):
            groups[-1].append(b)  # a line opening with a joining word ("của tỉnh") goes on the cell above, however many
        else:
            groups.append([b])
    while len(groups) > width:
        # A line that goes on in lower case joins the line before it.
        k = next((i for i in range(1, len(groups)) if _continues(raw, groups[i][0])), None)
        if k is not None:
            groups[k - 1].extend(groups.pop(k))
            continue
        bare = next((i for i in range(len(groups) - 1) if _BARE_HEAD.match(folded[groups[i][-1]])), None)
        if bare is not None:
            groups[bare].extend(groups.pop(bare + 1))
            continue
        # A cell a PDF wrapped: a bracket still open, or a line ending with a comma or a colon, goes on below.
        open_at = next((i for i in range(len(groups) - 1) if _open_cell(" ".join(raw[j] for j in groups[i]))), None)
        if open_at is not None:
            groups[open_at].extend(groups.pop(open_at + 1))
            continue
        # A cell a PDF wrapped at the page's width: a line as wide as running text, ending inside a phrase, goes on below.
        wide = next((i for i in range(len(groups) - 1) if _wrapped_at_width(raw[groups[i][-1]])), None)
        if wide is not None:
            groups[wide].extend(groups.pop(wide + 1))
            continue
        return None
    return groups


_PAGE_WIDE = 55  # a line of running text on an A4 page (Decree 30/2020 body text: 60-80 characters)


def _wrapped_at_width(line: str) -> bool:
    """Whether a cell's line is as wide as a page's text and ends inside a phrase (a word or a number, no stop)."""
    text = line.strip()
    return len(text) >= _PAGE_WIDE and text[-1].isalnum()


def _open_cell(text: str) -> bool:
    """Whether a cell's text so far cannot end there: a bracket left open, or a comma, colon or semicolon last."""
    text = text.rstrip()
    # (a semicolon last: a cell listing bodies one a line, "Sở Tài chính;" over "Sở Y tế")
    return text.count("(") > text.count(")") or text.endswith((",", ":", ";"))


# A lettered item of the outline ("b) Tổ chức …"): it opens a paragraph after the table, it does not go on a cell.
_LETTER_ITEM = re.compile(r"^\s*[a-zđ][.)]\s")


def _continues(folded_lines: list[str], index: int) -> bool:
    raw = folded_lines[index]
    return (bool(raw.strip()) and raw.strip()[0].isalpha() and raw.strip()[0].islower()
            and not _LETTER_ITEM.match(raw))


def stacked_table_tabs(text: str, fold: Callable[[str], str], chars: list[str]) -> None:
    """Turn the line breaks of stacked tables in ``chars`` into tabs (between cells) and spaces (inside one)."""
    if "\n" not in text or not (line_search(_HEADER_LINE, text) or line_search(_WORK_LINE, text)):
        return
    _read_tables(text, fold, chars, blank_separated=False)
    # A converter that writes each cell as a paragraph of its own leaves a blank line between cells ("TT", "",
    # "Nhiệm vụ", "", …): read those tables again with the blank lines joined like page furniture.
    if line_search(_BLANK_AFTER_HEADER, text) or line_search(_BLANK_AFTER_WORK, text):
        _read_tables(text, fold, chars, blank_separated=True)


_BLANK_AFTER_HEADER = re.compile(r"(?m)^\s*(?:" + _NUMBER_HEAD + r")[ \t]*\n[ \t]*\n")
# The work column's label alone on its line, as a header without a number column's label opens with it.
_WORK_WORDS = r"(?:[Nn]ội dung|NỘI DUNG|[Nn]hiệm vụ|NHIỆM VỤ|Tên nhiệm vụ|TÊN NHIỆM VỤ|[Cc]ông việc|[Hh]oạt động)"
_WORK_LINE = re.compile(r"(?m)^[ \t]*" + _WORK_WORDS + r"(?: [^\n\d]{0,20})?[ \t]*$")
_BLANK_AFTER_WORK = re.compile(r"(?m)^[ \t]*" + _WORK_WORDS + r"(?: [^\n\d]{0,20})?[ \t]*\n[ \t]*\n")


def _read_tables(text: str, fold: Callable[[str], str], chars: list[str], *, blank_separated: bool) -> None:
    spans, furniture = _kept_lines(text, blank_separated)
    raw = [text[s:e] for s, e in spans]
    folded = [fold(r).lower() for r in raw]
    i = 0
    n = len(spans)
    while i < n:
        # A header without the number column's label ("Nội dung", "Cơ quan chủ trì", … over rows still numbered "1",
        # "2"): the table opens at its work column's label, and each row's number goes on its work's cell.
        headless = not _HEADER_START.match(folded[i]) and bool(_WORK_LABEL.match(folded[i]))
        if not (headless or _HEADER_START.match(folded[i])):
            i += 1
            continue
        # Each pass reads its own tables: one whose header "TT" is followed by a blank line only in the second.
        after = spans[i][1] + 1
        line_end = text.find("\n", after)
        blank_next = after < len(text) and not text[after : line_end if line_end >= 0 else len(text)].strip()
        if blank_next != blank_separated:
            i += 1
            continue
        j = i + (not headless)
        header: list[int] = []
        while (j < n and len(header) < 12 and not _ROW_NUMBER.match(folded[j]) and not _is_group(raw, folded, j)
               and _HEADER_CELL.match(raw[j].strip() or ".")):
            header.append(j)
            j += 1
        numbering = column_numbers(folded, j)  # the columns' numbers under the header ("(1)", "(2)", …)
        j += len(numbering)
        first_groups = _group_rows(j, raw, folded)  # the first rows may be a group's number and title ("I" / "NHÓM …")
        if first_groups:
            j = first_groups[-1][-1] + 1
        marked = False
        if headless and not (j < n and _ROW_NUMBER.match(folded[j]) and _number(folded[j]) == (1,)):
            i += 1
            continue
        if not first_groups and not (j < n and _ROW_NUMBER.match(folded[j])):
            # No numbered row after the header: rows opened by a list mark alone (:mod:`stacked_marks`); a mark read
            # as a header cell ("a)") ends the header.
            cut = next((x for x, k in enumerate(header) if LONE_MARK.match(folded[k])), None)
            header, j = (header[:cut], header[cut]) if cut is not None else (header, j)
            marked = j < n and bool(LONE_MARK.match(folded[j]))
        if j >= n or not (marked or _ROW_NUMBER.match(folded[j])) or len(header) < 2:
            i += 1
            continue
        head_groups: list[list[int]] = []
        for k in header:
            if head_groups and _continues(raw, k):
                head_groups[-1].append(k)
            else:
                head_groups.append([k])
        heads = [" ".join(folded[k] for k in g) for g in head_groups]
        if len(head_groups) < 3 or not sum(bool(_HEADER_WORDS.search(h)) for h in heads) >= 2:
            i += 1
            continue
        span = None if marked else merged_label(heads)
        width = len(head_groups) - (span is not None)  # a merged label has no cell in the rows: its sub-labels do
        if marked:
            rows = marked_rows(j, raw, folded, width + 1, lambda body, cap: _merge_to(body, raw, folded, cap))
            if rows:
                _join(spans, chars, [[i], *head_groups], furniture)
                for tabs, cells in rows:
                    write_row(text, spans[cells[0][0]], chars, tabs)
                    _join(spans, chars, cells, furniture)
            i = rows[-1][1][-1][-1] + 1 if rows else i + 1
            continue
        _join(spans, chars, head_groups if headless else [[i], *head_groups], furniture)
        if numbering:
            _join(spans, chars, [[k] for k in numbering], furniture)
        if span is not None:
            # The header put back in the rows' order: the sub-labels where the merged label stood.
            start, end = spans[head_groups[span][0]][0], spans[head_groups[-1][-1]][1]
            labels = [" ".join(raw[k].strip() for k in g) for g in head_groups]
            chars[start:end] = list(rows_order(labels, span, end - start))
        for group_row in first_groups:
            _join(spans, chars, [[line] for line in group_row], furniture)
        # Rows: a number line, then the lines up to the next number (or as many as the columns for the last row).
        current = _number(folded[j])
        while j < n and _number(folded[j]) == current:
            k = j + 1
            body: list[int] = []
            while k < n and len(body) < _MAX_ROW_LINES and raw[k].strip():
                # A bare number before the row has a line for each cell is a value ("93" under "Năm 2025"), not the
                # next row's number.
                if (_ROW_NUMBER.match(folded[k]) and len(body) >= width) or (len(body) >= 2 and _group_rows(k, raw, folded)):
                    break
                if body and _HEADER_START.match(folded[k]):
                    break  # the header repeated where a page broke the table: the next table's reading starts there
                if body and _next_row(k, current, raw, folded) and (len(body) >= 2 or _number(folded[k]) == (*(current or ()), 1)):
                    # A web copy dropped this row's empty cells: the next row opens before all columns have text
                    # (a numbered group's row may hold its title only, its first sub-row next: "11" over "11.1").
                    break
                body.append(k)
                k += 1
            between = _group_rows(k, raw, folded)  # group rows before the next row: each its number and title
            for group_row in between:
                _join(spans, chars, [[line] for line in group_row], furniture)
            if between:
                k = between[-1][-1] + 1
            nxt = _number(folded[k]) if k < n else None
            # Under a new group row the rows may be numbered again from 1 ("I", "1", "2", "II", "1", …).
            is_last = nxt is None or not (_follows(current, nxt) or (bool(between) and nxt == (1,)))
            if is_last:
                body = _last_row(body, raw, folded, width)
            groups = _merge_to(body, raw, folded, width) if body else None
            # A row with fewer lines than columns, the next row's number right after it: a web copy dropped its empty
            # cells (a partner column left blank); its cells are kept in order rather than the table ended there.
            # So is a numbered group's row that holds its title only, its sub-rows next ("11" over "11.1").
            parent = nxt is not None and nxt[:-1] == current
            # The table's last row short of cells, closed by an empty line, the header repeated or the text's end: a web
            # copy dropped its empty cells (a notes column left blank).
            closed = k >= n or not raw[k].strip() or bool(_HEADER_START.match(folded[k]))
            short = groups is not None and (len(groups) >= 2 or parent) and len(groups) < width and (not is_last or (
                closed and len(groups) >= 3 and not blank_separated))
            if groups is None or (len(groups) != width and not short):
                break
            # A number alone on its line was blanked as a page number: it is the row's number (or a value).
            for line in (j, *(b for b in body if _ROW_NUMBER.match(folded[b]))):
                chars[spans[line][0] : spans[line][1]] = list(text[spans[line][0] : spans[line][1]])  # values too
            _join(spans, chars, [[j, *groups[0]], *groups[1:]] if headless else [[j], *groups], furniture)
            j = (groups[-1][-1] + 1) if is_last else k
            if is_last or nxt is None:
                break
            current = nxt
        i = j


def _number(line: str) -> tuple[int, ...] | None:
    m = _ROW_NUMBER.match(line)
    return tuple(int(p) for p in m.group(1).split(".")) if m else None


def _follows(before: tuple[int, ...] | None, after: tuple[int, ...]) -> bool:
    """Whether row number ``after`` may come right after ``before``: the next at its level ("3" → "4", "11.2" →
    "11.3"), the first below it ("11" → "11.1") or the next of a level above ("11.9" → "12")."""
    if before is None:
        return False
    if after == (*before, 1):
        return True
    return any(after == (*before[:depth], before[depth] + 1) for depth in range(len(before)))


def _next_row(k: int, current: tuple[int, ...] | None, raw: list[str], folded: list[str]) -> bool:
    """Whether line ``k`` opens the row after ``current``: its number alone, then a task's text (long, capitalised)."""
    number = _number(folded[k])
    after = raw[k + 1].strip() if k + 1 < len(raw) else ""
    m = k + 2
    while m < len(raw) and m < k + 5 and _continues(raw, m):  # the text's lines a converter wrapped, read as one
        after += " " + raw[m].strip()
        m += 1
    return number is not None and _follows(current, number) and len(after) >= 25 and after[0].isupper()


def _group_rows(k: int, raw: list[str], folded: list[str]) -> list[list[int]]:
    """The group rows from line ``k`` on: each a roman number alone on its line, the group's title, and any cell
    more (a deadline the group row carries) up to the next row's number."""
    rows: list[list[int]] = []
    n = len(folded)
    while (k + 1 < n and _is_group(raw, folded, k) and folded[k + 1].strip()
           and not _ROW_NUMBER.match(folded[k + 1]) and not _is_group(raw, folded, k + 1)):
        row = [k, k + 1]
        k += 2
        while (k < n and len(row) < 4 and folded[k].strip() and not _ROW_NUMBER.match(folded[k])
               and not _is_group(raw, folded, k)):
            row.append(k)
            k += 1
        if k < n and not (_ROW_NUMBER.match(folded[k]) or _is_group(raw, folded, k)):
            return rows  # no row opens after it: not a group row
        rows.append(row)
    return rows


def _last_row(body: list[int], raw: list[str], folded: list[str], width: int) -> list[int]:
    """The lines of a table's last row: as many cells as columns, after mending broken ones."""
    return last_cells(body, width, lambda out, k: _continues(raw, k) or bool(_BARE_HEAD.match(folded[out[-1]])))


def _kept_lines(text: str, blank_separated: bool = False) -> tuple[list[tuple[int, int]], dict[int, list[int]]]:
    """The lines of ``text`` but page furniture (and blank lines, when cells are ``blank_separated``), and for the
    end of a kept line the newlines of the furniture lines right after it (they are joined with it)."""
    kept: list[tuple[int, int]] = []
    furniture: dict[int, list[int]] = {}
    for s, e in line_spans(text):
        if kept and e < len(text) and (_FURNITURE.match(text[s:e]) or (blank_separated and not text[s:e].strip())):
            furniture.setdefault(kept[-1][1], []).append(e)
            continue
        kept.append((s, e))
    return kept, furniture


def _join(spans: list[tuple[int, int]], chars: list[str], groups: list[list[int]],
          furniture: dict[int, list[int]] | None = None) -> None:
    """One row: the newline after each group's last line becomes a tab, the newlines inside a group spaces
    (and those of page furniture lines between them spaces too)."""
    for g_index, group in enumerate(groups):
        for pos, line in enumerate(group):
            end = spans[line][1]
            if end >= len(chars) or chars[end] != "\n":
                continue
            last_of_row = g_index == len(groups) - 1 and pos == len(group) - 1
            if last_of_row:
                continue
            chars[end] = "\t" if pos == len(group) - 1 else " "
            for newline in (furniture or {}).get(end, []):
                chars[newline] = " "
