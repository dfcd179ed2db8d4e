"""Bar tables ("| 1 | Sở Y tế | … |") whose rows a PDF or a web copy wrapped over several lines, joined back one row a
line, the text keeping its length (split from denoise.py)."""

from __future__ import annotations

import re
from itertools import pairwise

# A bar table's row opening with its number ("3 | …", "12. | …"): where a row begins, never a wrapped cell's rest.
_NUMBERED_BAR_ROW = re.compile(r"[ \t]*\d{1,3}[.)]?[ \t]*\|")


def join_wrapped_bar_rows(text: str) -> str:
    """``text`` with the line breaks a wrap put inside the rows of a bar table read as spaces (same length).

    A bar table copied out of a PDF or a fixed-width page comes out with long rows wrapped like prose ("2 | Hoàn
    thành hồ sơ … | Hồ sơ trình" / "Quốc hội | Bộ Tài nguyên và Môi" / "trường | Bộ Tư pháp, … | Quý III"). Every
    row of a table has as many bars: the width is the bar count most often found between two numbered rows
    (two such rows at least), and lines are joined to the row they go on until it holds that many. A line that
    would overfill the row or opens with a row number starts a new one; so does a line with bars once the row is
    full, and a line without bars after a full row goes on its last cell only when the table goes on after it.
    """
    if "|" not in text:
        return text
    lines = text.split("\n")
    starts: list[int] = []
    at = 0
    for line in lines:
        starts.append(at)
        at += len(line) + 1
    chars: list[str] | None = None
    i = 0
    while i < len(lines):
        if lines[i].count("|") < 2:
            i += 1
            continue
        end = i + 1  # the table's lines: bar lines, and lines without a bar between two of them
        while end < len(lines) and lines[end].strip() and (
            "|" in lines[end] or (end + 1 < len(lines) and "|" in lines[end + 1])
        ):
            end += 1
        width = _bar_width(lines[i:end])
        if width:
            chars = chars if chars is not None else list(text)
            _join_rows(lines, starts, i, end, width, chars)
        i = end
    return text if chars is None else "".join(chars)


def _bar_width(lines: list[str]) -> int:
    """The bars of a row of the table ``lines``: the count most often held between two numbered rows, 0 if the
    table has fewer than two such spans or its rows are not wrapped."""
    rows = [k for k, line in enumerate(lines) if _NUMBERED_BAR_ROW.match(line)]
    totals = [sum(line.count("|") for line in lines[a:b]) for a, b in pairwise(rows)]
    if len(totals) < 2 or all(b - a == 1 for a, b in pairwise(rows)):
        return 0
    width = max(set(totals), key=lambda t: (totals.count(t), t))
    return width if width >= 2 and totals.count(width) >= 2 else 0


def _join_rows(lines: list[str], starts: list[int], first: int, end: int, width: int, chars: list[str]) -> None:
    held = 0
    for k in range(first, end):
        bars = lines[k].count("|")
        full = held >= width
        numbered = _NUMBERED_BAR_ROW.match(lines[k]) is not None  # a row's number: a new row, never a cell's rest
        if k > first and not full and not numbered and held + bars <= width:
            chars[starts[k] - 1] = " "  # the newline before this line: the row goes on
            held += bars
        elif k > first and full and not bars and k + 1 < end:
            chars[starts[k] - 1] = " "  # the last cell's rest, the table going on after it
        else:
            held = bars
