"""Vietnamese numbers: read and write them as administrative documents print them.

Vietnamese writes the decimal separator as a comma and groups thousands with a
dot (``"1.234,5"``), but documents pasted from spreadsheets often use the
English convention (``"8,342,216"``, ``"38.4%"``). :func:`parse_vn` decides
from the shape of the digits:

- a separator followed by exactly three digits, repeated or combined with the
  other separator, groups thousands (``"160.000"``, ``"1.036.609"``,
  ``"8,342,216"``, ``"1.234,5"``);
- a lone comma is a decimal comma (``"3,5"``, ``"99,10"``), unless the caller
  says the column holds whole amounts (``grouping=True``: ``"307,666"``);
- a lone dot followed by one, two or more than three digits is a decimal
  point (``"38.4"``, ``"37.59"``).

:func:`parse_quantity` reads a whole value expression: ranges (``"30 - 35"``,
``"73-75%"``, ``"từ 3 đến 5"``), percentages, per-mille (``"8‰"``),
multiples (``"gấp 2 lần"``) and the comparator words in front of them.
:func:`format_vn` writes a number back so that ``parse_vn(format_vn(x)) == x``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal

from ansinh.lib.text import fold

NUMBER_PATTERN = r"\d+(?:[.,]\d+)*"
_NUMBER = re.compile(NUMBER_PATTERN)
_GROUPED_DOTS = re.compile(r"\d{1,3}(?:\.\d{3})+")
_GROUPED_COMMAS = re.compile(r"\d{1,3}(?:,\d{3})+")

# A value expression: optional comparator words, a number, an optional second
# number after a range dash or "đến", and a unit sign.
_RANGE = re.compile(
    r"(?P<a>" + NUMBER_PATTERN + r")\s*(?P<ua>%|‰)?\s*(?:-|–|—|den|toi)\s*(?P<b>" + NUMBER_PATTERN + r")\s*(?P<ub>%|‰)?"
)
_SINGLE = re.compile(r"(?P<a>" + NUMBER_PATTERN + r")\s*(?P<ua>%|‰)?")


def parse_vn(text: str, grouping: bool = False) -> float | None:
    """Read one number written the Vietnamese (or the English) way; ``None`` if it is not one.

    >>> parse_vn("3,5"), parse_vn("160.000"), parse_vn("1.234,5"), parse_vn("38.4")
    (3.5, 160000.0, 1234.5, 38.4)
    """
    s = text.strip().replace(" ", "")
    if s.startswith(("+", "-", "−")):
        sign = -1.0 if s[0] != "+" else 1.0
        s = s[1:]
    else:
        sign = 1.0
    if not s or not _NUMBER.fullmatch(s):
        return None
    has_dot, has_comma = "." in s, "," in s
    try:
        if has_dot and has_comma:
            # The separator that comes last is the decimal one.
            if s.rfind(",") > s.rfind("."):
                value = float(s.replace(".", "").replace(",", "."))
            else:
                value = float(s.replace(",", ""))
        elif has_dot:
            if _GROUPED_DOTS.fullmatch(s):
                value = float(s.replace(".", ""))
            elif s.count(".") == 1:
                value = float(s)
            else:
                return None
        elif has_comma:
            if s.count(",") > 1:
                if not _GROUPED_COMMAS.fullmatch(s):
                    return None
                value = float(s.replace(",", ""))
            elif grouping and _GROUPED_COMMAS.fullmatch(s):
                value = float(s.replace(",", ""))
            else:
                value = float(s.replace(",", "."))
        else:
            value = float(s)
    except ValueError:
        return None
    if not math.isfinite(value):
        return None
    return sign * value


def format_vn(number: float | int, decimals: int | None = None) -> str:
    """Write ``number`` the Vietnamese way: dot-grouped thousands, decimal comma.

    >>> format_vn(160000), format_vn(3.5), format_vn(1234.5)
    ('160.000', '3,5', '1.234,5')
    """
    if isinstance(number, float) and not math.isfinite(number):
        raise ValueError("không thể viết số vô hạn hoặc không xác định")
    negative = number < 0
    value = -number if negative else number
    if decimals is not None:
        text = f"{value:.{decimals}f}"
    elif isinstance(value, int) or float(value).is_integer():
        text = str(int(value))
    else:
        # The shortest repr, written out without an exponent, reads back exactly.
        text = format(Decimal(repr(float(value))), "f")
    whole, _, frac = text.partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = ".".join(groups)
    if frac:
        out += "," + frac
    return ("-" if negative and out.strip("0.,") else "") + out


def parse_entered(text: str) -> float | None:
    """A number a person typed into a form or a spreadsheet cell ("12,5", "1.000", "1.234,5", "8%")."""
    return parse_vn(text.strip().replace("\u00a0", " ").removesuffix("%"))


def format_short(number: float | int, decimals: int = 2) -> str:
    """``format_vn`` rounded to at most ``decimals`` places, trailing zeros dropped (figures in tables)."""
    return format_vn(round(float(number), decimals) + 0.0)


@dataclass(frozen=True)
class Quantity:
    """A value read from text: ``comparator`` is one of the schema's comparators."""

    value: float | None
    value_max: float | None
    unit: str | None
    comparator: str | None
    start: int
    end: int


# Comparator words, folded. Longer phrases first; ``None`` entries read nothing.
COMPARATOR_WORDS: tuple[tuple[str, str], ...] = (
    ("khong qua", "<="),
    ("toi da", "<="),
    ("giam con", "<="),
    ("it nhat", ">="),
    ("toi thieu", ">="),
    ("khong duoi", ">="),
    ("khong thap hon", ">="),
    ("tren", ">"),
    ("hon", ">"),
    ("vuot", ">"),
    ("duoi", "<"),
    ("thap hon", "<"),
    ("khoang", "approx"),
    ("xap xi", "approx"),
    ("gan", "approx"),
)
_TRO_LEN = re.compile(r"^\s*(?:%|‰)?\s*tr[od]\s+len\b")


_COMPARATOR_SIGNS: tuple[tuple[str, str], ...] = (
    ("≥", ">="), (">=", ">="), ("=>", ">="), ("≤", "<="), ("<=", "<="), ("=<", "<="),
    (">", ">"), ("<", "<"), ("~", "approx"), ("≈", "approx"), ("=", "="),
)


def comparator_before(folded_prefix: str) -> str | None:
    """The comparator the words or sign just before a number express (``"dưới "`` -> ``"<"``, ``"≥ "`` -> ``">="``)."""
    stripped = folded_prefix.rstrip()
    for sign, comp in _COMPARATOR_SIGNS:
        if stripped.endswith(sign):
            return comp
    tail = folded_prefix[-24:]
    words = re.sub(r"[^a-z ]+", " ", tail).split()
    joined = " ".join(words[-3:])
    for phrase, comp in COMPARATOR_WORDS:
        if joined.endswith(phrase):
            return comp
    return None


def parse_quantity(text: str) -> Quantity | None:
    """Read the first value expression in ``text`` (a table cell, a phrase after a colon).

    >>> q = parse_quantity("Dưới 3%"); (q.comparator, q.value, q.unit)
    ('<', 3.0, '%')
    >>> q = parse_quantity("73-75%"); (q.comparator, q.value, q.value_max)
    ('range', 73.0, 75.0)
    """
    folded = fold(text)
    multiple = re.search(r"gap\s+(" + NUMBER_PATTERN + r")\s+lan", folded)
    rng = _RANGE.search(folded)
    single = _SINGLE.search(folded)
    if multiple and (single is None or multiple.start(1) <= single.start()):
        value = parse_vn(multiple.group(1))
        if value is None:
            return None
        return Quantity(value, None, "lần", "=", multiple.start(), multiple.end())
    if single is None:
        return None
    if rng is not None and rng.start() == single.start():
        low, high = parse_vn(rng.group("a")), parse_vn(rng.group("b"))
        if low is not None and high is not None and low < high:
            unit = rng.group("ub") or rng.group("ua")
            prefix = folded[: rng.start()]
            if re.search(r"\btu\s*$", prefix):
                prefix = prefix[: prefix.rstrip().rfind("tu")]
            return Quantity(low, high, unit, "range", rng.start(), rng.end())
    value = parse_vn(single.group("a"))
    if value is None:
        return None
    unit = single.group("ua")
    prefix = folded[: single.start()]
    comparator = comparator_before(prefix)
    if comparator is None and _TRO_LEN.match(folded[single.end() :]):
        comparator = ">="
    if comparator is None and re.search(r"\btu\s*$", prefix) and re.search(r"tr[od]\s+len", folded[single.end() :]):
        comparator = ">="
    return Quantity(value, None, unit, comparator or "=", single.start(), single.end())


_GOAL_TEXT = {
    "<": "dưới {v}",
    "<=": "không quá {v}",
    ">": "trên {v}",
    ">=": "từ {v} trở lên",
    "range": "{v}",
    "approx": "khoảng {v}",
    "maintain": "duy trì {v}",
}


def number_with_unit(value: float, unit: str = "") -> str:
    """A number and its unit as officials write them: "68%" (no space before %), "1.200 lượt người"."""
    text = format_short(value)
    return f"{text}{'' if not unit else (unit if unit == '%' else ' ' + unit)}"


def goal_text(comparator: str | None, value: float | None, value_max: float | None = None, unit: str = "") -> str:
    """A goal in words: ">=", 68, "%" → "từ 68% trở lên"; a range → "95 – 98%"; "maintain" without a value → "duy trì".

    With no value and no comparator the text is "" (the caller shows its own placeholder).
    """
    if value is None:
        return "duy trì" if comparator == "maintain" else ""
    number = number_with_unit(value, unit)
    if value_max is not None:
        number = f"{format_short(value)} – {number_with_unit(value_max, unit)}"
    return _GOAL_TEXT.get(comparator or "", "{v}").format(v=number)
