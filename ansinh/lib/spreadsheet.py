"""Safe spreadsheet cell text: user text must never be read as a formula.

Spreadsheet programs treat a cell that starts with ``=``, ``+``, ``-`` or ``@``
(and, in some, a tab or carriage return) as a formula ("CSV/formula injection").
Every cell built from user text goes through :func:`safe_text`.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def safe_text(value: object) -> str:
    """``value`` as text that no spreadsheet will evaluate.

    Text starting with a formula character gets a leading apostrophe, the
    conventional escape; ``None`` becomes the empty string. Control characters
    that XLSX cannot store are dropped.
    """
    if value is None:
        return ""
    text = "".join(ch for ch in str(value) if ch in "\t\n\r" or ord(ch) >= 32)
    stripped = text.lstrip(" ")
    if stripped.startswith(FORMULA_STARTS) or text.startswith(FORMULA_STARTS):
        return "'" + text
    return text
