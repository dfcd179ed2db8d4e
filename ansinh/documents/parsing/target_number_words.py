"""Counts a plan spells out in words ("xây mới ba trăm căn nhà", "có ít nhất một trạm y tế đạt chuẩn"), read as
the digits the target rules look for.

A sentence holding such a count is read in a copy of the document whose number words are replaced by their digits,
padded with blanks to the same length ("ba trăm" becomes "300    "), so every offset still points into the
caller's text. Only a phrase in lower case (a name such as "Hai Bà Trưng" is capitalised) that a count unit or a
scale word follows is replaced; a single word ("một", "hai", "năm") only after a commitment or comparator word, as
"năm" is the year and "một" opens "một số" as often as they count. A spelled-out number that repeats digits
written next to it ("01 (một) trạm", "một (01) trạm") is left alone: the digits are read.
"""

from __future__ import annotations

import re

from ansinh.documents.parsing.clean import Doc
from ansinh.documents.parsing.target_words import ANY_UNIT
from ansinh.lib.vn_number_words import NUMBER_WORDS, parse_number_words

# What may follow a count: a count unit (vocab.COUNT_UNITS) or a scale word ("mười nghìn người", "hai triệu lượt").
_SCALE_AFTER = re.compile(r"[ \t]+(?:trieu|ty|nghin|ngan)(?![a-z])")
# What a single number word needs before it to count: a commitment, comparator or verb of making.
_CUE_BEFORE = re.compile(
    r"(?<![a-z])(?:dat|co|them|moi|la|con|duoc|it\s+nhat|toi\s+thieu|toi\s+da|tren|duoi|khoang|hon|xay\s+dung|"
    r"thanh\s+lap|hoan\s+thanh|to\s+chuc|hinh\s+thanh|tang|giam|bo\s+tri|ho\s+tro)\s*$"
)
_BOUND_BEFORE = re.compile(r"(?<![a-z])(?:it\s+nhat|toi\s+thieu|toi\s+da|them)\s*$")
_WORD_AFTER = re.compile(r"[ \t]+(?!(?:nam|ngay|thang|so|lan)(?![a-z]))[a-z]{2,}")
_DIGITS_BEFORE = re.compile(r"\d\s*\(\s*$")
_DIGITS_AFTER = re.compile(r"\s*\(\s*\d")


def _counts(doc: Doc, a: int, b: int, single: bool) -> bool:
    """Whether the number words at ``a:b`` count something the text names right after them."""
    folded = doc.folded
    if _DIGITS_BEFORE.search(folded, max(0, a - 8), a) or _DIGITS_AFTER.match(folded, b):
        return False
    unit = _SCALE_AFTER.match(folded, b)
    if unit is None:
        space = re.compile(r"[ \t]+").match(folded, b)
        if space is None:
            return False
        unit = ANY_UNIT.match(folded, space.end())
        if unit is None:
            # "có ít nhất một trạm y tế": after a bound, whatever is named next is counted (as with digits).
            return _BOUND_BEFORE.search(folded, max(0, a - 20), a) is not None and _WORD_AFTER.match(folded, b) is not None
        if re.match(r"\s*\d", folded[unit.end() : unit.end() + 3]):
            return False  # "năm 2025": a year, not five of something
    cue = _CUE_BEFORE.search(folded, max(0, a - 20), a) if single else None
    if cue is not None and doc.clean[cue.start() : cue.start() + 3].lower() == "mỗi":
        return False  # "mỗi năm tổ chức …": each year ("mới", new, folds the same and is a cue)
    return not single or cue is not None


def digitized(doc: Doc, start: int, end: int) -> Doc | None:
    """A copy of ``doc`` whose counts written in words in ``start:end`` are written in digits, or None when the span
    has none."""
    clean = doc.clean
    found: list[tuple[int, int, str]] = []
    for m in NUMBER_WORDS.finditer(clean, start, end):
        value = parse_number_words(m.group(0))
        if value is None or value == 0:
            continue
        digits = str(value)
        if len(digits) > m.end() - m.start() or not _counts(doc, m.start(), m.end(), " " not in m.group(0).strip()):
            continue
        found.append((m.start(), m.end(), digits))
    if not found:
        return None
    clean_parts: list[str] = []
    folded_parts: list[str] = []
    last = 0
    for a, b, digits in found:
        padded = digits.ljust(b - a)
        clean_parts += [clean[last:a], padded]
        folded_parts += [doc.folded[last:a], padded]
        last = b
    clean_parts.append(clean[last:])
    folded_parts.append(doc.folded[last:])
    return Doc(text=doc.text, clean="".join(clean_parts), folded="".join(folded_parts), line_starts=doc.line_starts)
