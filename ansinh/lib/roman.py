"""Roman numerals as Vietnamese documents number their parts (Decree 30/2020: "I.", "II.", … "Phần IV")."""

from __future__ import annotations

_VALUES = {"I": 1, "V": 5, "X": 10}
_SYMBOLS = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


def roman_value(token: str) -> int | None:
    """The value of a part numeral of I, V and X below 40 ("IV" 4, "XII" 12), None for anything else.

    Read from the right: a letter smaller than one after it is subtracted, so an OCR'd "IIX" still reads 8.
    """
    total = 0
    prev = 0
    for ch in reversed(token):
        v = _VALUES.get(ch)
        if v is None:
            return None
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total if 0 < total < 40 else None


def to_roman(value: int) -> str:
    """``value`` in roman numerals ("XIV" for 14); "" for 0 or less."""
    out = []
    for n, letters in _SYMBOLS:
        while value >= n:
            out.append(letters)
            value -= n
    return "".join(out)
