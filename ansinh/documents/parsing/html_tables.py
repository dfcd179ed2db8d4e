"""HTML tables a web copy left in the text, read as the tab-separated rows of a converter's table.

A plan copied from a web page may keep its annex table as markup::

    <tr><td>1</td><td>Xây dựng cơ sở dữ liệu</td><td>Sở Tư pháp</td></tr>

The cleaner blanks every tag; here, in the clean view and keeping its length, the tag opening each cell
but the first of a row becomes a tab, the line breaks inside a row spaces, and a row that ends where the
next one starts on the same line gets a line break, so :mod:`tables` reads the rows like a converter's.
"""

from __future__ import annotations

import re

_TABLE = re.compile(r"(?is)<table\b.*?(?:</table\s*>|\Z)")
_ROW = re.compile(r"(?is)<tr\b[^<>]{0,200}>(.*?)(?=</tr\s*>|<tr\b|</table|\Z)")
_CELL = re.compile(r"(?i)<t[dh]\b[^<>]{0,200}>")


def html_table_tabs(text: str, chars: list[str]) -> None:
    """Write tabs and line breaks into ``chars`` (the clean view, its tags blanked) for every HTML table in ``text``."""
    if "<" not in text:
        return
    lowered = text.lower()
    if "<table" not in lowered and "<tr" not in lowered:
        return
    for table in _TABLE.finditer(text):
        for row in _ROW.finditer(text, table.start(), table.end()):
            start, end = row.start(), row.end()
            if text[text.rfind("\n", 0, start) + 1 : start].strip() and chars[start] == " ":
                chars[start] = "\n"  # a row written on the line of what comes before it (the row above, "<table>")
            for k in range(start + 1, end):
                if chars[k] == "\n":
                    chars[k] = " "
            for n, cell in enumerate(_CELL.finditer(text, start, end)):
                if n and chars[cell.start()] == " ":
                    chars[cell.start()] = "\t"
