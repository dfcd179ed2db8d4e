"""Stacked tables (cells one per line) whose rows open with a list mark, their first columns merged down.

A plan's action table often numbers its rows not "1", "2" but by the outline's marks, a group's title merged
down over the activities under it::

    TT
    Nhóm hoạt động
    Hoạt động
    Cơ quan chủ trì
    Thời gian
    a)
    Nhóm hoạt động về thể chế        <- a group row: its mark and title
    -
    Hoàn thiện quy định …             <- a row: its mark, the group of activities, its first activity …
    + Rà soát nghị định …
    Bộ Tư pháp
    2026
    + Sửa đổi thông tư …              <- … the next activity: the merged cells on its left left no line
    Bộ Tài chính
    2027

A web copy writes each cell holding text on its own line and drops the empty ones, the repeats of a merged cell
among them. A row opens with a mark alone on its line ("a)", "-", "+", "1") followed by its text; a sub-row opens
with the mark the table's activity column opens with ("+ Rà soát …"), learnt from the first row, and holds the
cells from that column on. In the clean view (same length) the mark and the space after it become the tabs of the
merged cells on its left, so :mod:`tables` reads the sub-row as the converter's row with its first cells empty.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# A row's mark alone on its line (folded, lower case): a letter, a dash or plus, a number, a roman number.
LONE_MARK = re.compile(r"^\s*(?:[a-zđ][.)]|[-+•*]|\d{1,3}(?:\.\d{1,3}){0,2}\.?|[ivxl]{1,5}[.)]?)\s*$")
# A line opened by a list mark and a space ("+ Rà soát …", ". Tư vấn …", "- Sửa đổi …"): the mark and the spaces.
_OPENING = re.compile(r"^([-+•*.]|[a-zđ]\))(\s+)(?=\S)")

Merge = Callable[[list[int], int], "list[list[int]] | None"]  # a row's lines grouped into as many cells


def _opens_text(raw: list[str], k: int) -> bool:
    """Whether line ``k`` holds a row's text: capitalised (or a mark opening it), not another mark alone."""
    text = raw[k].strip() if k < len(raw) else ""
    return len(text) >= 4 and (text[0].isupper() or bool(_OPENING.match(text)))


def _lone(raw: list[str], folded: list[str], k: int) -> bool:
    return bool(LONE_MARK.match(folded[k])) and _opens_text(raw, k + 1)


def _sub_mark(raw: list[str], k: int, marks: set[str]) -> str | None:
    m = _OPENING.match(raw[k].strip())
    return m.group(1) if m and m.group(1) in marks else None


def marked_rows(j: int, raw: list[str], folded: list[str], width: int,
                merge: Merge) -> list[tuple[int, list[list[int]]]]:
    """The rows of a marked table from line ``j`` (its first row's mark alone), each as (the tabs its line opens
    with, its cells as groups of lines); the table ends at a blank line, or at a line that opens no row once a row
    has its cells, or where a row cannot be read (more lines than cells that no rule joins)."""
    n = len(raw)
    rows: list[tuple[int, list[list[int]]]] = []
    marks: set[str] = set()
    column = 0  # the column sub-rows start at (the activity column), learnt from the first full row
    k = j
    while k < n and raw[k].strip():
        lead_in = False
        if _lone(raw, folded, k):
            opener, first, tabs = [k], k + 1, 0
        elif column and (_sub_mark(raw, k, marks) or (rows and rows[-1][0] and _opening_after_lead_in(raw, rows[-1][1], k))):
            opener, first, tabs = [], k, column
            opened = _OPENING.match(raw[k].strip())
            if opened:
                marks.add(opened.group(1))  # the parts an activity lists ("… sau:"): later ones open sub-rows too
        else:
            break
        body: list[int] = []
        m = first
        cap = width - tabs - len(opener)
        while m < n and raw[m].strip() and len(body) < 3 * cap:
            if body and _lone(raw, folded, m):
                break
            at = tabs + len(opener) + len(body)  # the column this line would open (before mending)
            mark = _OPENING.match(raw[m].strip())
            if not column and opener and mark and 1 <= at <= min(2, len(mark.group(0))) and at < width - 1:
                column = at  # the first row's activity cell: sub-rows start at its column
                marks.add(mark.group(1))
            elif body and column and (_sub_mark(raw, m, marks) or (tabs and lead_in and mark)) and at != column:
                break
            body.append(m)
            if tabs and len(body) == 1 and raw[m].rstrip().endswith(":"):
                lead_in = True  # an activity that lists its parts below ("… sau:"): they are sub-rows too
            m += 1
        last = m >= n or not raw[m].strip() or not (_lone(raw, folded, m) or (
            column and (_sub_mark(raw, m, marks) or (lead_in and _OPENING.match(raw[m].strip())))))
        if last:
            body = _cap(body, raw, cap)  # the table's last row: as many cells as it may hold
        groups = merge(body, cap) if body else None
        if groups is None or len(groups) > cap or (not column and not rows and not _group_row(groups, opener)):
            break
        rows.append((tabs, [opener, *groups] if opener else groups))
        k = m
        if last:
            break
    return rows if column and len(rows) >= 2 else []


def _group_row(groups: list[list[int]], opener: list[int]) -> bool:
    """A table's first row read before its activity column is known: a group's mark and title."""
    return bool(opener) and len(groups) == 1


def _opening_after_lead_in(raw: list[str], groups: list[list[int]], k: int) -> bool:
    """A line opened by a list mark right after an activity ending with a colon: one of the parts it lists."""
    return len(groups) == 1 and raw[groups[0][-1]].rstrip().endswith(":") and bool(_OPENING.match(raw[k].strip()))


def _cap(body: list[int], raw: list[str], cap: int) -> list[int]:
    """The lines of a table's last row: up to ``cap`` cells, a line going on in lower case joining its cell."""
    return last_cells(body, cap, lambda out, k: raw[k].strip()[:1].islower())


def last_cells(body: list[int], cap: int, goes_on: Callable[[list[int], int], bool]) -> list[int]:
    """The lines of a table's last row: up to ``cap`` cells, a line that ``goes_on`` (given the lines so far) joining
    the cell before it."""
    out: list[int] = []
    cells = 0
    for k in body:
        if out and goes_on(out, k):
            out.append(k)
            continue
        if cells == cap:
            break
        out.append(k)
        cells += 1
    return out


def write_row(text: str, span: tuple[int, int], chars: list[str], tabs: int) -> None:
    """A sub-row's mark and the spaces after it become the tabs of the merged cells on its left (same length)."""
    if not tabs:
        return
    line = text[span[0] : span[1]]
    start = span[0] + len(line) - len(line.lstrip())
    m = _OPENING.match(line.lstrip())
    if m is None or m.end() < tabs or any(chars[pos] != text[pos] for pos in range(start, start + tabs)):
        return
    for pos in range(start, start + tabs):
        chars[pos] = "\t"
