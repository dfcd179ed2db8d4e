"""A laid-out header label spanning two columns, its sub-labels on the header's next line.

An assignment table often heads its unit columns with one merged label over two sub-labels::

    TT   Nội dung nhiệm vụ      Cơ quan thực hiện              Thời gian
                                Chủ trì        Phối hợp

``pdftotext -layout`` prints the merged label on the header's first line and the sub-labels under it on a line of
their own (a wrapped label's last word, "thành", may stand on a line between). The first line alone reads as a
header whose one unit column is the merged label; the sub-labels split it in two, each at its own position, so the
lead and the partners of each row are told apart. A web copy of the PDF's text strips the sub-labels' line of its
indentation: its first sub-label then stands at the line's start, and is set back under the merged label.
"""

from __future__ import annotations

import re
from collections.abc import Callable

Column = tuple[int, int, str]

# A merged label over the unit columns: it names who carries the work out, not the role of each.
_SPAN = re.compile(r"(?:co\s+quan|don\s+vi)\s+(?:thuc\s+hien|phu\s+trach)|phan\s+cong|trach\s+nhiem\s+thuc\s+hien")
_SUB_LEAD = re.compile(r"chu\s+tri")
_SUB_PARTNER = re.compile(r"phoi\s+hop")


def _piece(runs: list[Column]) -> bool:
    """A header line's pieces: a few short words each, no number (a row's line has its number or a long cell)."""
    return bool(runs) and all(len(t) <= 25 and t.count(" ") <= 3 and not re.search(r"\d", t) for _, _, t in runs)


def split_span(columns: list[Column], header: str, below: list[str],
               runs_of: Callable[[str], list[Column]]) -> tuple[list[Column], int]:
    """``columns`` of the folded ``header`` line with a merged unit label split by the sub-labels on the folded lines
    ``below`` (up to the first that is no header piece), and how many of those lines the header takes; the columns
    unchanged, 0, when none split it."""
    span = next((k for k, (_, _, role) in enumerate(columns) if role == "lead"), None)
    if span is None or "coordinate" in {r for _, _, r in columns}:
        return columns, 0
    s0, e0, _ = columns[span]
    label = header[s0:e0]
    if not _SPAN.search(label) or _SUB_LEAD.search(label) or _SUB_PARTNER.search(label):
        return columns, 0
    right = columns[span + 1][0] if span + 1 < len(columns) else 10**6
    for depth, line in enumerate(below[:3], 1):
        runs = runs_of(line)
        if not _piece(runs):
            break
        lead = [r for r in runs if _SUB_LEAD.search(r[2]) and not _SUB_PARTNER.search(r[2])]
        partner = [r for r in runs if _SUB_PARTNER.search(r[2]) and not _SUB_LEAD.search(r[2])]
        if len(lead) != 1 or len(partner) != 1 or lead[0][0] > partner[0][0]:
            continue
        first = runs[0][0]
        shift = s0 - lead[0][0] if first == 0 and lead[0] == runs[0] and s0 > 0 else 0  # indentation stripped
        (ls, le, _), (ps, pe, _) = lead[0], partner[0]
        ls, le, ps, pe = ls + shift, le + shift, ps + shift, pe + shift
        if not (s0 - 3 <= ls and ps < right):
            continue
        return [*columns[:span], (ls, max(le, ls + 1), "lead"), (ps, max(pe, ps + 1), "coordinate"), *columns[span + 1 :]], depth
    return columns, 0
