"""A broken assignment table whose header a web copy wrote one label a line, read from its rows' numbers.

A PDF-to-markdown converter may keep an annex's header as a markdown table while it breaks the rows under it into
loose lines (:mod:`broken_tables`). Copied as a web page's text, the header loses its grid too: each header cell that
holds text stands on a line of its own, row by row of the header, the empty ones gone::

    Cơ quan
    Thời gian
    STT
    Nội dung
    Cơ quan phối hợp
    chủ trì
    thực hiện
    1 Chính sách về đất đai cho vùng nguyên liệu
    1.1 Hỗ trợ thuê đất cho hợp tác xã  Sở Nông nghiệp và Môi trường  2026-2027

A header of an assignment table (Decree 30/2020 annexes: "STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời
gian") is still told by its labels: a stack of short lines, no number or sentence among them, holding the number
column's label alone on its line ("STT", "TT"), a work label ("Nội dung", "Nhiệm vụ") and the lead's ("chủ trì", perhaps
wrapped under "Cơ quan"). The rows under it are read as those under a markdown header are: from the lines that open with
a row number. A stack the stacked-table reader already read as a table (its lines joined into a row) is left to it.
"""

from __future__ import annotations

import re

from ansinh.documents.parsing.broken_tables import assignment_lines, read_broken_rows
from ansinh.documents.parsing.clean import Doc
from ansinh.documents.parsing.layout_tables import LayoutTable
from ansinh.lib.text import fold_key

# The number column's label alone on its line.
_NUMBER_LABEL = re.compile(r"^\s*(?:STT|TT|Stt|Số TT|SỐ TT)\s*$")
# A header label's line: a few words, no digit, no sentence's end (a wrapped label's piece: "chủ trì", "sách nhà").
_LABEL = re.compile(r"^[^\d.;:|\t]{2,40}$")
_WORK = re.compile(r"\b(?:noi dung|nhiem vu|hoat dong|giai phap)\b")
_LEAD = re.compile(r"\bchu tri\b")
_ROLES = {"number": 0, "title": 1, "lead": 2, "width": 3}  # (read by the rows' order: no markdown row keeps a column)
_REACH = 16  # label lines above and below the number label a stacked header may hold


def _label(line: str) -> bool:
    stripped = line.strip()
    return bool(_LABEL.match(stripped)) and len(stripped.split()) <= 5


def _header(texts: list[str], k: int) -> tuple[int, int] | None:
    """The first line of the stacked header around the number label on line ``k`` and the line after it, when its
    labels name the work and the lead columns; blank lines between labels (a cell a paragraph) are passed over."""
    first = k
    seen = 0
    j = k - 1
    while j >= 0 and seen < _REACH and (not texts[j].strip() or _label(texts[j])):
        if texts[j].strip():
            first, seen = j, seen + 1
        j -= 1
    last = k
    seen = 0
    j = k + 1
    while j < len(texts) and seen < _REACH and (not texts[j].strip() or _label(texts[j])):
        if texts[j].strip():
            last, seen = j, seen + 1
        j += 1
    labels = fold_key(" ".join(texts[first : last + 1]))
    if last == k or not _WORK.search(labels) or not _LEAD.search(labels):
        return None
    return first, last + 1


def find_stacked_broken_tables(doc: Doc) -> list[LayoutTable]:
    """Every broken assignment table under a header written one label a line, read into tasks (the caller keeps
    those no other reader of the table read)."""
    found_lines = assignment_lines(doc)
    if found_lines is None:
        return []
    lines, texts = found_lines
    out: list[LayoutTable] = []
    i = 0
    while i < len(lines):
        if not _NUMBER_LABEL.match(texts[i]) or doc.clean[lines[i][1] : lines[i][1] + 1] == "\t":
            i += 1
            continue
        found = _header(texts, i)
        if found is None:
            i += 1
            continue
        first, body = found
        # A copy that wrote each cell as a paragraph left a blank line between cells: the rows are read on the lines
        # that hold text, the blank ones passed over as a cell's edge.
        kept = [n for n in range(len(lines)) if texts[n].strip()] if i + 1 < len(texts) and not texts[i + 1].strip() else list(range(len(lines)))
        at = {n: x for x, n in enumerate(kept)}
        start = next((at[n] for n in range(body, len(lines)) if n in at), len(kept))
        table, x = read_broken_rows(doc, [lines[n] for n in kept], at[first], start, _ROLES)
        i = max(kept[x] if x < len(kept) else len(lines), body)
        if table is not None:
            if len(kept) < len(lines):  # the table ends with its last row's line, not at the next blank line
                table.end = min(table.end, max(task.span[1] for task in table.tasks))
            out.append(table)
    return out
