"""Item marks a scan's OCR misread, read by their place in the list (same-length repair of the clean view).

Decree 30/2020 numbers the points of a text "1.", "2.", … and their sub-points "a)", "b)", … in the Vietnamese
alphabet's order. OCR of a scanned page reads some of those marks as look-alike glyphs: "8." as "§." or "ö.", "1."
as "l,", a sub-point's letter as "8)". Such a line is not read as an item (or is read as a point of its own), so the
point and its units are lost. A doubtful mark is read as the mark its list expects there, and only then: "§." right
after point 7 is point 8, "l," is point 1 when point 2 follows, "8)" right under a point is its sub-point "a)" when
"b)" follows, and inside a run of sub-points the letter of its place in the run. A mark of another list before it
(a true "8)" after "7)") leaves it alone. Any other glyph that is no letter or digit ("Š.", "$.") is point N when
point N-1 came before and the next mark is its first sub-point "N.1.".
"""

from __future__ import annotations

import re
import unicodedata

from ansinh.documents.parsing.line_patterns import line_matches

# A line opening with a doubtful mark: the glyph, then its separator and a space.
_DOUBTFUL = re.compile(r"(?m)^[ \t]*([§öÖl8]|[^\sA-Za-z0-9(\[{\"“'*\-–—•+])([.,)])[ \t]")
# Every plain item mark at a line start: a point "7." (not "1.1."), a sub-point "b)", a part "II.", or a mark of
# another list ("7)", "(2)", "1.2.") that breaks the sequence.
_MARK = re.compile(
    r"(?m)^[ \t]*(?:(\d{1,2})\.(?![\d.])|([a-zđ])\)|([IVX]{1,5})\.|(\d{1,2}\)|\(\w{1,2}\)|\d{1,2}(?:\.\d{1,2})+\.?))[ \t]"
)
# The glyphs OCR puts for a digit of a point's mark and for a sub-point's letter.
_DIGIT_LOOKS = {"§": 8, "ö": 8, "Ö": 8, "l": 1}
_LETTER_LOOKS = {"8"}
_LETTERS = "abcdđeghiklmnopqrstuvxy"


def read_doubtful_marks(chars: list[str], view: str | None = None) -> None:
    """Rewrite in ``chars`` (the clean view) each doubtful item mark its list expects, in place, same length.

    ``view`` is ``"".join(chars)`` when the caller has it already (not joined again)."""
    if view is None:
        view = "".join(chars)
    doubtful = list(line_matches(_DOUBTFUL, view))  # from the line breaks, not tried at every character
    if not doubtful:
        return
    marks = list(line_matches(_MARK, view))
    for m in doubtful:
        glyph, sep = m.group(1), m.group(2)
        before = [k for k in marks if k.start() < m.start()]
        after = [k for k in marks if k.start() > m.start()]
        if sep == "." and glyph not in _DIGIT_LOOKS and glyph not in _LETTER_LOOKS and not _vietnamese_letter(glyph):
            value = _point_over_first_sub(before, after[0] if after else None)
            if value is not None:
                chars[m.start(1)] = str(value)
        elif sep in ".," and glyph in _DIGIT_LOOKS:
            value = _DIGIT_LOOKS[glyph]
            prev = next((int(k.group(1)) for k in reversed(before) if k.group(1)), None)
            nxt = next((int(k.group(1)) for k in after if k.group(1)), None)
            if prev == value - 1 or (value == 1 and nxt == 2 and prev != 1):
                chars[m.start(1)], chars[m.start(2)] = str(value), "."
        elif sep == ")" and glyph in _LETTER_LOOKS:
            letter = _expected_letter(before, after[0] if after else None)
            if letter is not None:
                chars[m.start(1)] = letter


# The marks Vietnamese writes over a letter: grave, acute, circumflex, tilde, breve, hook above, horn, dot below.
_VI_MARKS = frozenset("\u0300\u0301\u0302\u0303\u0306\u0309\u031b\u0323")


def _vietnamese_letter(glyph: str) -> bool:
    """A letter of the Vietnamese alphabet (a heading "Đ." or "Ô." may open a line), not a look-alike ("Š", "ø")."""
    if glyph in "đĐ":
        return True
    parts = unicodedata.normalize("NFD", glyph)
    return parts[:1].isascii() and parts[:1].isalpha() and all(m in _VI_MARKS for m in parts[1:])


def _point_over_first_sub(before: list[re.Match[str]], follow: re.Match[str] | None) -> int | None:
    """The point N a glyph stands for when point N-1 came before and the next mark is "N.1." (N a single digit)."""
    prev = next((int(k.group(1)) for k in reversed(before) if k.group(1)), None)
    sub = follow.group(4) if follow is not None else None
    if prev is None or not 1 <= prev <= 8 or sub is None or not sub.rstrip(".").startswith(f"{prev + 1}.1"):
        return None
    return prev + 1 if sub.rstrip(".") == f"{prev + 1}.1" else None


def _expected_letter(before: list[re.Match[str]], follow: re.Match[str] | None) -> str | None:
    """The sub-point a doubtful "8)" stands for: "a)" right under a point when "b)" follows; inside a run of
    sub-points, the letter of its place in the run (after "a) b) c) d)" the fifth, "đ)"), when the run goes on with
    the next letter or ends with a point or part."""
    run = 0
    for k in reversed(before):
        if k.group(2) is None:
            break
        run += 1
    if run == 0 and (not before or before[-1].group(4) is not None):
        return None  # nothing above it, or another list's mark ("7)"): no sub-point expected
    if run >= len(_LETTERS) - 1:
        return None
    letter = _LETTERS[run]
    if follow is not None and follow.group(4) is not None:
        return None
    if follow is not None and follow.group(2) is not None and follow.group(2) != _LETTERS[run + 1]:
        return None
    if run == 0 and (follow is None or follow.group(2) is None):
        return None  # a lone "8)" under a point: nothing says it is "a)"
    return letter
