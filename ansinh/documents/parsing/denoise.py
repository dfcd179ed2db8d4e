"""Same-length repairs of converter, tokenizer and OCR noise, applied to the clean view (see :mod:`clean`).

Each function reads the caller's ``text`` and writes into ``chars`` (the clean view being built), never
changing its length, so offsets stay offsets into the caller's text:

- Markdown escapes (``1\\.``, ``\\-``, ``a\\)``) lose their backslash, the mark moving next to its number;
- underscore emphasis (``__1.__``, ``_Mục tiêu_``) is blanked (segmentation marks between syllables are not
  emphasis: :mod:`clean` reads them as spaces);
- a roman list mark OCR read with ``1`` for ``I`` (``1I.``, ``V1.``) reads ``II.``, ``VI.``; an ``l`` is left to the
  outline, which numbers such doubtful marks by their sequence (``Il.`` after ``II.`` is ``III.``); ``©)`` at a
  line start reads ``c)``; a ``0`` between capitals reads ``O``;
- a year or a day OCR split with a stray space (``2 025``, ``ngày 1 5 tháng``) is joined, the space moving aside;
- a word segmenter's spaces before punctuation (``chủ trì , phối hợp``, ``tế )``) move after the punctuation;
- a sentence a PDF's text layer wrapped (a line ending without a stop, the next starting in lower case and
  not with a list mark) is one line again, across a page number or running header blanked between them.
"""

from __future__ import annotations

import re

# A backslash escaping ASCII punctuation, as Markdown converters write list marks ("1\\.", "\\-", "\\*").
ESCAPE = re.compile(r"\\(?=[.)(\-+*_#\[\]!>|`])")
# Emphasis underscores: one to three, not between two letters or digits (those are segmentation marks),
# not part of a longer rule of underscores ("________").
_UNDERSCORE_EMPHASIS = re.compile(r"(?<![_\w])_{1,3}(?=[^\s_])|(?<=[^\s_])_{1,3}(?![_\w])")
# A roman list mark at a line start, perhaps with OCR's l/1 for I ("Il.", "1I.", "lII.", "V1.", "ll."): a true
# roman letter or two letters at least ("l)" alone is a lettered item).
_ROMAN_MARK = re.compile(r"(?m)^([ \t]*)(?=[IVXl1]{0,5}[IVXl])([IVXl1]{1,6})(?=[.)\-:][ \t])")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}
_COPYRIGHT_C = re.compile(r"(?m)^([ \t]*)©(?=[).][ \t])")
_ZERO_FOR_O = re.compile(r"(?<=[A-ZĐÀ-ỸƠƯ])0(?=[A-ZĐÀ-ỸƠƯ])")
# "2 025": a year split by one space after its first digit (a year of this century or the last), alone between non-digits.
_SPLIT_YEAR = re.compile(r"(?<![\d.,/])(?:1 9|2 0)\d\d(?![\d%]|[.,/]\d)")
_SPLIT_DAY = re.compile(r"(?i)(?<=ng[àa]y )(\d) (\d)(?= th[áa]ng)|(?<=th[áa]ng )(\d) (\d)(?= n[ăa]m)")
# A space a tokenizer put before punctuation that ends a word ("trì , phối", "tế )", "hiện ."); not a list
# mark's dot ("1 ." is :mod:`clean`'s split mark), not an ellipsis or an opening bracket.
_SPACE_BEFORE_PUNCT = re.compile(r"(?<=[^\W\d_]) ([,;:)!?.])(?=[ \n]|$)")


def repair(text: str, chars: list[str]) -> None:
    """Apply every repair of this module to ``chars`` (the clean view of ``text``, same length)."""
    if "\\" in text:
        for m in ESCAPE.finditer(text):
            i = m.start()
            if i + 1 < len(chars) and chars[i + 1] not in "\n\t":
                chars[i], chars[i + 1] = chars[i + 1], " "
    if "_" in text:
        for m in _UNDERSCORE_EMPHASIS.finditer(text):
            for i in range(m.start(), m.end()):
                chars[i] = " "
    last = 0
    for m in _ROMAN_MARK.finditer("".join(chars)):  # markup blanked already: "<b>II. …</b>" counts
        token = m.group(2)
        value = _roman_value(token.replace("l", "I").replace("1", "I"))
        if value is None or (len(token) < 2 and token not in "IVX"):
            continue
        if not set(token) & set("l1"):
            last = value
        elif value > last:  # "1I." after "I." is "II."
            chars[m.start(2) : m.end(2)] = list(token.replace("l", "I").replace("1", "I"))
            last = value
        else:  # "Il." after "II.": left to the outline, which numbers doubtful marks by their sequence
            chars[m.start(2) : m.end(2)] = list(token.replace("1", "l"))
            last += 1
    if "©" in text:
        for m in _COPYRIGHT_C.finditer(text):
            chars[m.end(1)] = "c"
    for m in _ZERO_FOR_O.finditer(text):
        chars[m.start()] = "O"
    for m in _SPLIT_YEAR.finditer(text):
        _join_digits(chars, m.start(), m.end())
    for m in _SPLIT_DAY.finditer(text):
        _join_digits(chars, m.start(), m.end())
    for m in _SPACE_BEFORE_PUNCT.finditer(text):
        i = m.start()
        if chars[i] == " " and chars[i + 1] == m.group(1):
            chars[i], chars[i + 1] = m.group(1), " "


def _join_digits(chars: list[str], start: int, end: int) -> None:
    """The digits of ``start:end`` side by side, its spaces moved after them when a space follows (so
    "năm 2 030 " reads "năm 2030  "), else before them ("2 025," reads " 2025,"); same length."""
    digits = [c for c in chars[start:end] if c.isdigit()]
    gap = end - start - len(digits)
    if len(digits) < 2 or gap < 1 or any(c not in " " and not c.isdigit() for c in chars[start:end]):
        return
    after = end >= len(chars) or chars[end] in " \t\n"
    chars[start:end] = digits + [" "] * gap if after else [" "] * gap + digits


# A line a wrap cut: it ends inside a sentence (a letter, a digit, a comma, a hyphen, an opening bracket).
_OPEN_END = re.compile(r"[^\W_]|[,\-–(]")
# The next line goes on with the sentence: a lower-case word that is not a list mark ("a)", "b.", "đ -").
_GOES_ON = re.compile(r"[ \t]*(?![a-zđ][ \t]*[.)\-][ \t])(\w)")


def join_wrapped_lines(chars: list[str]) -> None:
    """Make a wrapped sentence one line of the clean view again (its newlines read as spaces).

    A table row a page broke inside a cell is joined the same way when its two parts hold no more cells
    than the rows around it; lines blanked already (page furniture) between the two halves are stepped over.
    """
    clean = "".join(chars)
    starts = [0]
    pos = clean.find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = clean.find("\n", pos + 1)
    ends = [s - 1 for s in starts[1:]] + [len(clean)]
    i = 0
    while i < len(starts) - 1:
        line = clean[starts[i] : ends[i]].rstrip()
        if not line.strip() or not _OPEN_END.fullmatch(line[-1]) or len(line.strip()) < 40:
            i += 1
            continue
        j = i + 1
        while j < len(starts) and j - i <= 3 and not clean[starts[j] : ends[j]].strip():
            j += 1
        if j >= len(starts) or j - i > 3:
            i += 1
            continue
        nxt = clean[starts[j] : ends[j]]
        goes_on = _GOES_ON.match(nxt)
        if goes_on is None or not goes_on.group(1).islower() or not _fits_row(clean, starts, ends, i, j):
            i = j
            continue
        for k in range(i, j):
            chars[ends[k]] = " "
        i = j


def _fits_row(clean: str, starts: list[int], ends: list[int], i: int, j: int) -> bool:
    """Whether lines ``i`` and ``j`` may be one line: running text, or the two parts of one table row."""
    tabs = clean.count("\t", starts[i], ends[i]) + clean.count("\t", starts[j], ends[j])
    if not tabs:
        return True
    around = [clean.count("\t", starts[k], ends[k]) for k in (i - 1, j + 1) if 0 <= k < len(starts)]
    return any(0 < t and tabs <= t for t in around) and "\t" in clean[starts[i] : ends[i]]


def _roman_value(token: str) -> int | None:
    """The value of a roman numeral of I, V and X, None when it is not one written the usual way."""
    total = 0
    for k, ch in enumerate(token):
        v = _ROMAN_VALUES.get(ch)
        if v is None:
            return None
        nxt = _ROMAN_VALUES.get(token[k + 1], 0) if k + 1 < len(token) else 0
        total += -v if v < nxt else v
    return total if 0 < total < 40 else None
