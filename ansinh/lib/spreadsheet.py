"""Safe spreadsheet cell text: user text must never be read as a formula.

Spreadsheet programs treat a cell that starts with ``=``, ``+``, ``-`` or ``@``
(and, in some, a tab or carriage return) as a formula ("CSV/formula injection").
Every cell built from user text goes through :func:`safe_text`.
"""

from __future__ import annotations

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def safe_text(value: object) -> str:
    """``value`` as text that no spreadsheet will evaluate.

    Text starting with a formula character gets a leading apostrophe, the
    conventional escape; ``None`` becomes the empty string. Control characters
    that XLSX cannot store are dropped.
    """
    if value is None:
        return ""
    text = _CONTROL.sub("", str(value))
    stripped = text.lstrip(" ")
    if stripped.startswith(FORMULA_STARTS) or text.startswith(FORMULA_STARTS):
        return "'" + text
    return text
