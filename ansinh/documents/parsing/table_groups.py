"""Two-level assignment tables: a group cell merged down beside a column of specific actions.

An action programme often lays its work out as "STT | Nội dung hành động | Hành động cụ thể | Chủ trì | Phối hợp |
Thời hạn": the group ("Hoàn thiện khuôn khổ pháp lý") is one cell merged down over the rows of its actions, each
action with its own lead, partners and deadline. A converter (or OCR) writes the merged cell in its first row only,
so the rows under it leave the number and the group empty. Such a group is a task; its actions are its sub-tasks,
each with its own row's units. A group over a single row is that row's task, with the row's units. A table without a
column of specific actions is read a row a task, as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ansinh.documents.parsing.table_cells import ROW_NUMBER, Row
from ansinh.documents.parsing.tables import Table
from ansinh.lib.roman import to_roman

__all__ = ["TableItem", "specific_column", "table_items"]

# The column of specific actions under a group: "Hành động cụ thể", "Nhiệm vụ cụ thể", "Hoạt động cụ thể",
# "Giải pháp cụ thể", "Công việc cụ thể" (not "Nội dung cụ thể", which details a row's own task).
_SPECIFIC = r"(?:hanh dong|nhiem vu|hoat dong|giai phap|cong viec)\s+cu\s+the"


@dataclass
class TableItem:
    """One task a table row gives: its number, title, span, the row whose units it takes (None: no units of its own)
    and the index of its parent item among the table's items."""

    number: str | None
    title: str
    span: tuple[int, int]
    units: Row | None
    parent: int | None = None


def specific_column(table: Table, title_col: int) -> int | None:
    """The column of specific actions beside the task column, if the table has one: "Hành động cụ thể" beside
    "Nội dung hành động", or the column a group column names with "Nhóm" ("Hoạt động" beside "Nhóm hoạt động")."""
    col = table.column(_SPECIFIC)
    if col is None:
        group = re.fullmatch(r"nhom (?:cac )?(.+)", table.header[title_col])
        col = next((k for k, head in enumerate(table.header) if group and head == group.group(1)), None)
    return col if col is not None and col > title_col else None


def _text(value: str) -> str:
    """A cell's text, or "" when it holds no word (OCR's ":" or "-" in an empty cell)."""
    return value if re.search(r"[^\W\d_]{2}", value) else ""


def _section(row: Row, spec_col: int, below: Row | None, title_col: int) -> bool:
    """Whether a row with a group title is a part over groups: no units of its own, a group title right under it."""
    return below is not None and bool(_text(below.get(title_col))) and not any(
        _text(row.get(k)) for k in range(spec_col + 1, len(row.cells)))


def _section_number(row: Row, below: Row, num_col: int | None, place: int) -> str:
    """A part's own label ("a)", "II."), or its Roman numeral by place when OCR left a digit the group under it repeats
    ("1." over "1.": "I." read as "1.") or no label at all ("1L —")."""
    raw = (row.get(num_col) if num_col is not None else "").strip()
    label = raw.rstrip(".) ")
    if re.fullmatch(r"[a-zđ]|[IVX]{1,5}", label):
        return label
    if ROW_NUMBER.match(raw) and label != (below.get(num_col) if num_col is not None else "").strip().rstrip(".) "):
        return label
    return to_roman(place)


def table_items(table: Table, title_col: int, num_col: int | None) -> list[TableItem]:
    """The tasks of a tasks table in row order: a row a task, or groups and their actions in a two-level table."""
    spec_col = specific_column(table, title_col)
    items: list[TableItem] = []
    if spec_col is None:
        for row in table.rows:
            title = row.get(title_col)
            if title and len(row.cells) >= 2:
                number = (row.get(num_col) if num_col is not None else "").strip().rstrip(". ")  # "1." is row 1
                if number and not (ROW_NUMBER.match(number) or any(c.isdigit() for c in number)):
                    number = ""  # OCR's "Ị" for "1.": no mark of Decree 30 (digits, I V X, a-đ), so no number
                items.append(TableItem(number or None, title, (row.start, row.end), row))
        return items
    group: int | None = None  # index of the current group's item
    group_row: Row | None = None
    actions: list[TableItem] = []  # the current group's actions

    def close() -> None:
        if group is None:
            items.extend(actions)
        elif not actions:
            items[group].units = group_row  # a group row with no action: its own units
        elif len(actions) == 1:
            items[group].units = actions[0].units  # a group over one row: that row's task
        else:
            for action in actions:
                action.parent = group
            items.extend(actions)
        actions.clear()

    rows = [row for row in table.rows if len(row.cells) >= 2]
    sections = 0
    for index, row in enumerate(rows):
        head, action = _text(row.get(title_col)), _text(row.get(spec_col))
        if head and _section(row, spec_col, rows[index + 1] if index + 1 < len(rows) else None, title_col):
            # A part of the table over groups of its own ("I. Hoàn thiện khuôn khổ pháp lý", no action, no units,
            # a group right under it): numbered in Roman numerals by its place, whatever OCR read ("1.", "1L —"); a
            # title run on into the action column is still the title.
            close()
            sections += 1
            cell = row.cells[title_col]
            number = _section_number(row, rows[index + 1], num_col, sections)
            items.append(TableItem(number, f"{head} {action}".strip(), (cell.start, cell.end), None))
            group, group_row = None, None
            continue
        if head:
            close()
            raw = (row.get(num_col) if num_col is not None else "").strip()
            number = raw.rstrip(". ") if ROW_NUMBER.match(raw) else ""  # OCR's "1L —" or a dash: no number
            cell = row.cells[title_col]
            items.append(TableItem(number or None, head, (cell.start, cell.end), None))
            group, group_row = len(items) - 1, row
        if action:
            cell = row.cells[spec_col]
            actions.append(TableItem(None, action, (cell.start, row.end), row))
    close()
    return items
