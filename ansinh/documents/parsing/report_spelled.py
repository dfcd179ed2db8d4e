"""Days and months of a deadline written in words ("trước ngày mười lăm tháng mười hai", "ngày mồng 5 hằng tháng").

Decree 30/2020 writes dates in figures, but a regime is sometimes copied from speech or an older text: "ngày mười
lăm tháng Chạp", "trước ngày hai mươi hằng tháng", "ngày mồng năm tháng Giêng". Each day and month written in words
is rewritten as figures, padded with blanks to the same length, so every offset of the sentence stays the same and
the readers of "trước ngày DD tháng MM" see the figures. Only a day read as a date is rewritten: "ngày" before the
number and "tháng" or "hằng tháng" after it ("tháng tư" alone, "hằng tháng từ …" are left as they are).
"""

from __future__ import annotations

import re

from ansinh.lib.vn_number_words import parse_folded_number_words

_UNIT = r"(?:mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin)"
_NUMBER = r"(?:(?:hai|ba)\s+muoi(?:\s+" + _UNIT + r")?|muoi(?:\s+" + _UNIT + r")?|" + _UNIT + r"|\d{1,2})"
_MONTH_NAMES = {"gieng": 1, "chap": 12}
_DATE = re.compile(
    r"(?<![a-z])ngay\s+(?:(?:mong|mung)\s+)?(?P<day>" + _NUMBER + r")(?![a-z\d])"
    r"(?=\s+(?:thang\s+(?:" + _NUMBER + r"|gieng|chap)(?![a-z\d])|(?:h[ad]ng|moi|cua)\s+thang))"
    r"(?:\s+thang\s+(?P<month>" + _NUMBER + r"|gieng|chap)(?![a-z\d]))?"
)
_PREFIX = re.compile(r"(?:mong|mung)\s+")


def number(words: str) -> int | None:
    """The value of a day or month in words ("hai mươi lăm" folded, "chap") or figures."""
    if words.isdigit():
        return int(words)
    if words in _MONTH_NAMES:
        return _MONTH_NAMES[words]
    return parse_folded_number_words(words)


def _figures(text: str, value: int | None) -> str:
    if value is None or text.isdigit():
        return text
    figures = str(value)
    return figures + " " * (len(text) - len(figures))


def in_figures(folded: str) -> str:
    """``folded`` with each day and month of a date written in words rewritten as figures (same length)."""
    if "ngay" not in folded or ("ngay m" not in folded and not _DATE.search(folded)):  # (every date opens with "ngày")
        return folded
    out = list(folded)
    for m in _DATE.finditer(folded):
        for group in ("day", "month"):
            start, end = m.span(group)
            if start < 0:
                continue
            words = folded[start:end]
            out[start:end] = _figures(words, number(re.sub(r"\s+", " ", words)))
        prefix = _PREFIX.match(folded, m.start() + 5)
        if prefix is not None and prefix.start() < m.start("day"):
            out[prefix.start():prefix.end()] = " " * (prefix.end() - prefix.start())
    return "".join(out)
