"""Rows of an assignment table a PDF laid out by columns that its number column does not open.

:mod:`target_layout` reads a space-laid table into a :class:`tables.Table`; in an assignment table a row may open
with a list mark ("-", "+") in the number column, or with a new cell in the work column (the actions of a
group/action table, or the task column of a table without numbers). These helpers say which column holds the
work and whether a line opens a row there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ansinh.documents.parsing.table_groups import specific_column
from ansinh.documents.parsing.tables import LEAD_HEADER, TASK_HEADER, Table

# A list mark that opens a row in the number column or the work column ("-", "+", "•").
_MARK = re.compile(r"^[-+•–]$|^[-+•–]\s")
# A sub-item's dot before its capital (". Tiếp tục …", "· Hỗ trợ …": a bullet a text layer or an OCR engine wrote so).
_DOT_ITEM = re.compile(r"^[.·]\s+(?=[^\W\d_])")
# A marked item with a capital ("+ Trồng mới", "- Sửa đổi"), never a wrapped compound ("kinh tế" / "- xã hội").
_MARKED_ITEM = re.compile(r"^[-+•–]\s+([^\W\d_])")


@dataclass
class WorkColumns:
    """Where each row's work is in an assignment table a PDF laid out by columns: the column a new row opens in when
    the number column does not number it (the actions of a group/action table, or the task column of a table
    with no number column), and the lead column."""

    work: int | None
    lead: int | None


def work_columns(header: list[str], numbered: bool) -> WorkColumns | None:
    """The work and lead columns of an assignment table's folded header (None for any other table), named by the
    words the tab-table readers use (:data:`tables.TASK_HEADER`, :func:`table_groups.specific_column`)."""
    probe = Table(0, 0, header)
    task = probe.column(TASK_HEADER)
    lead = probe.column(LEAD_HEADER, exclude=r"phoi hop|tham tra")
    if task is None or lead is None or re.search(r"chi tieu|tieu chi", " ".join(header)):
        return None
    actions = specific_column(probe, task)
    return WorkColumns(actions if actions is not None else (None if numbered else task), lead)


def number_mark(text: str) -> bool:
    """Whether a number-column cell is a list mark ("-", "+") that opens a row of an assignment table."""
    return _MARK.match(text) is not None


def _capital_item(text: str) -> bool:
    m = _MARKED_ITEM.match(text)
    return m is not None and m.group(1).isupper()


def opens_work_row(columns: WorkColumns, placed: list[tuple[int, int, str]], before: dict[int, str], start: int) -> bool:
    """Whether a line opens a row by its work cell, when the number column does not number the row: the work cell
    starts at its column's start with a list mark or a capital, after the line above ended its work cell (none, or a
    sentence's end; a marked item with a capital opens whatever the line above), beside another column's cell unless it opens with its mark; a lead cell on the line starts a
    name (not a lowercase word)."""
    cells = {col: text for col, _, text in placed}
    work = columns.work
    if work is None or work not in cells:
        return False
    at = next(rs for col, rs, _ in placed if col == work)
    text = _DOT_ITEM.sub("", cells[work])
    if len(cells) < 2 and not _MARK.match(text):
        return False  # a line of the work cell alone opens a row only with its list mark
    if at > start + 1 or not (_MARK.match(text) or text[:1].isupper()):
        return False
    above = before.get(work)
    if above is not None and not re.search(r"[.;:]$", above) and not _capital_item(text):
        return False
    lead = cells.get(columns.lead) if columns.lead is not None else None
    return not (lead and lead[:1].islower())
