"""A stacked table's two-line header: a merged unit label over its sub-labels, written after the first line's labels.

An assignment table heads its unit columns with one merged label over two sub-labels::

    TT | Nội dung nhiệm vụ | Cơ quan thực hiện   | Thời gian
       |                   | Chủ trì | Phối hợp  |

A web copy writes each header cell holding text on its own line, row by row: the first line's labels, then the
second's ("TT", "Nội dung nhiệm vụ", "Cơ quan thực hiện", "Thời gian", "Chủ trì", "Phối hợp"). The rows below have a
cell for each sub-label and none for the merged label, so the header is put back in the rows' order: the sub-labels
where the merged label stood, the labels after it next (same length: the clean view's characters rearranged, the rest
blanked).
"""

from __future__ import annotations

import re

# A merged label over the unit columns: it names who carries the work out, not each one's role.
_SPAN = re.compile(r"(?:co quan|don vi) (?:thuc hien|phu trach)|phan cong|trach nhiem thuc hien|to chuc thuc hien")
_LEAD = re.compile(r"^(?:(?:co quan|don vi) )?chu tri$")
_PARTNER = re.compile(r"^(?:(?:co quan|don vi) )?phoi hop$")


def merged_label(heads: list[str]) -> int | None:
    """The index of a merged unit label among a stacked header's folded labels whose last two are its sub-labels
    ("chủ trì", "phối hợp"), or None."""
    if len(heads) < 4 or not _LEAD.match(heads[-2].strip()) or not _PARTNER.match(heads[-1].strip()):
        return None
    span = next((k for k, h in enumerate(heads[:-2]) if _SPAN.search(h)), None)
    if span is None or any("chu tri" in h or "phoi hop" in h for h in heads[:-2]):
        return None
    return span


def rows_order(cells: list[str], span: int, length: int) -> str:
    """The header cells from the merged label on (``cells[span:]``, the sub-labels last) in the rows' order, tab
    separated, padded with spaces to ``length`` characters."""
    ordered = [*cells[-2:], *cells[span + 1 : -2]]
    text = "\t".join(ordered)
    return text + " " * (length - len(text))


# A column's number under its label ("(1)", "(2)", …: the columns numbered so the text can refer to them).
_COLUMN_NUMBER = re.compile(r"^\s*\((\d{1,2})\)\s*$")


def column_numbers(folded: list[str], j: int) -> list[int]:
    """The lines from ``j`` on that number a header's columns one by one ("(1)", "(2)", "(3)", …), three or more."""
    out: list[int] = []
    while j + len(out) < len(folded):
        m = _COLUMN_NUMBER.match(folded[j + len(out)])
        if m is None or int(m.group(1)) != len(out) + 1:
            break
        out.append(j + len(out))
    return [j + k for k in range(len(out))] if len(out) >= 3 else []
