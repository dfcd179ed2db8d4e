"""HTML tables a web copy left in the text, read as the tab-separated rows of a converter's table.

A plan copied from a web page may keep its annex table as markup::

    <tr><td>1</td><td>Xây dựng cơ sở dữ liệu</td><td rowspan="2">Sở Tư pháp</td></tr>

The cleaner blanks every tag; here, in the clean view and keeping its length, the tags opening the cells of a
row become the tabs between them, the line breaks inside a row spaces, and a row that ends where the next one
starts on the same line gets a line break, so :mod:`tables` reads the rows like a converter's. A cell spanning
rows or columns (``rowspan``, ``colspan``) keeps the grid: the rows it covers get an empty cell in its place,
as a .docx table's merged cells read.
"""

from __future__ import annotations

import re

_TABLE = re.compile(r"(?is)<table\b.*?(?:</table\s*>|\Z)")
_CELL_END = re.compile(r"(?i)</t[dh]\s*>")
_ROW = re.compile(r"(?is)<tr\b[^<>]{0,200}>(.*?)(?=</tr\s*>|<tr\b|</table|\Z)")
_CELL = re.compile(r"(?i)<t[dh]\b([^<>]{0,200})>")
_SPAN = re.compile(r"(?i)\b(row|col)span\s*=\s*[\"']?(\d{1,2})")


def _spans(attributes: str) -> tuple[int, int]:
    """(rows, columns) a cell spans."""
    found = {kind.lower(): max(1, int(n)) for kind, n in _SPAN.findall(attributes)}
    return found.get("row", 1), found.get("col", 1)


def html_table_tabs(text: str, chars: list[str]) -> None:
    """Write tabs and line breaks into ``chars`` (the clean view, its tags blanked) for every HTML table in ``text``."""
    if "<" not in text or not _TABLE.search(text):
        return
    for table in _TABLE.finditer(text):
        covered: dict[int, int] = {}  # grid column -> rows still covered by a cell above
        for row in _ROW.finditer(text, table.start(), table.end()):
            start, end = row.start(), row.end()
            if text[text.rfind("\n", 0, start) + 1 : start].strip() and chars[start] == " ":
                chars[start] = "\n"  # a row written on the line of what comes before it (the row above, "<table>")
            for k in range(start + 1, end):
                if chars[k] == "\n":
                    chars[k] = " "
            below: dict[int, int] = {}
            column, before = 0, 0  # the grid column of the next cell; tabs written so far in the row
            for cell in _CELL.finditer(text, start, end):
                while covered.get(column, 0) > 0:
                    column += 1  # a cell of a row above spans down over this column
                tabs = column - before
                for k in range(cell.start(), min(cell.start() + tabs, cell.end())):
                    if chars[k] == " ":
                        chars[k] = "\t"
                before = column
                rows, columns = _spans(cell.group(1))
                for c in range(column, column + columns):
                    if rows > 1:
                        below[c] = rows - 1
                column += columns
            while covered.get(column, 0) > 0:
                column += 1  # columns at the row's end that cells above span down over
            closing = list(_CELL_END.finditer(text[start:end]))
            if closing and column - 1 > before:
                # Empty cells to the row's end (a cell spanning the rest, "colspan"): tabs in the last cell's closing tag.
                last = start + closing[-1].start()
                for k in range(last, min(last + column - 1 - before, start + closing[-1].end())):
                    if chars[k] == " ":
                        chars[k] = "\t"
            covered = {c: n - 1 for c, n in covered.items() if n > 1}
            covered.update(below)
