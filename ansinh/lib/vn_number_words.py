"""Vietnamese numbers written in words ("ba trăm", "hai mươi lăm", "mười nghìn"): read and written.

Plans write most quantities in digits, but a count is sometimes spelled out ("xây mới ba trăm căn nhà", "có ít nhất
một trạm y tế"). :func:`parse_number_words` reads such a phrase (lower case, with its diacritics) up to the
thousands; millions and billions stay words of scale, as a text in digits writes them ("1,5 triệu").
:func:`number_words` writes a number the way :func:`parse_number_words` reads it.
"""

from __future__ import annotations

import re

from ansinh.lib.regex_words import by_first_letter

DIGITS: dict[str, int] = {
    "không": 0, "một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9,
}
# Forms a digit takes only after "mươi"/"mười": "hai mươi mốt" (21), "ba mươi tư" (34), "mười lăm" (15).
_AFTER_TENS: dict[str, int] = {"mốt": 1, "tư": 4, "lăm": 5, "nhăm": 5}
_WORDS = (*DIGITS, *_AFTER_TENS, "mười", "mươi", "trăm", "linh", "lẻ", "nghìn", "ngàn")


# A run of number words, longest words first so that "mười" is not read as a prefix of something else.
_LONGEST_FIRST = sorted(_WORDS, key=len, reverse=True)
# ``(?<![\w])(?:words)(?:[ \t]+(?:words))*(?![\w])``, each word list one branch per first letter (the same matches).
NUMBER_WORDS = re.compile(
    by_first_letter("|".join(_LONGEST_FIRST), not_after=r"\w") + r"(?:[ \t]+" + by_first_letter("|".join(_LONGEST_FIRST)) + r")*(?![\w])"
)


def _group(words: list[str]) -> int | None:
    """A number below a thousand from its words ("hai trăm linh năm" is 205), or None when they do not make one."""
    value = 0
    pending: int | None = None  # a digit waiting for "mươi" or "trăm"
    stage = 0  # 0: nothing yet, 1: hundreds read, 2: "linh" read, 3: tens read, 4: units read
    for w in words:
        if w in DIGITS and stage < 4 and pending is None:
            if stage == 3:
                value += DIGITS[w]
                stage = 4
            else:
                pending = DIGITS[w]
        elif w in _AFTER_TENS and stage == 3 and pending is None:
            value += _AFTER_TENS[w]
            stage = 4
        elif w == "trăm" and pending is not None and stage == 0:
            value += pending * 100
            pending, stage = None, 1
        elif w in ("linh", "lẻ") and stage == 1 and pending is None:
            stage = 2
        elif w == "mười" and pending is None and stage in (0, 1):
            value += 10
            stage = 3
        elif w == "mươi" and pending is not None and pending >= 2 and stage in (0, 1):
            value += pending * 10
            pending, stage = None, 3
        else:
            return None
    if pending is not None:
        if stage in (0, 2):
            value += pending
        else:
            return None  # "hai trăm ba" is a colloquial 230, which a plan does not write
    elif stage == 2:
        return None  # "trăm linh" without its digit
    return value


def parse_number_words(phrase: str) -> int | None:
    """The number a phrase of Vietnamese number words names ("ba trăm" 300, "mười nghìn" 10 000, "hai nghìn năm
    trăm" 2 500), or None when it names none."""
    words = phrase.lower().split()
    if not words:
        return None
    total = 0
    group: list[str] = []
    thousands = False
    for w in words:
        if w in ("nghìn", "ngàn"):
            if thousands or not group:
                return None
            value = _group(group)
            if value is None or value == 0:
                return None
            total, group, thousands = value * 1000, [], True
        elif w in _WORDS:
            group.append(w)
        else:
            return None
    if group:
        rest = _group(group)
        if rest is None:
            return None
        total += rest
    return total


# Number words as a folded text writes them (no marks, lower case), and the form each stands for.
_FOLDED: dict[str, str] = {
    "khong": "không", "mot": "một", "hai": "hai", "ba": "ba", "bon": "bốn", "nam": "năm", "sau": "sáu", "bay": "bảy",
    "tam": "tám", "chin": "chín", "tram": "trăm", "linh": "linh", "le": "lẻ", "nghin": "nghìn", "ngan": "ngàn",
}


# Every number word a folded text may hold.
FOLDED_WORDS: tuple[str, ...] = (*_FOLDED, "muoi", "tu", "lam")


def parse_folded_number_words(phrase: str) -> int | None:
    """:func:`parse_number_words` for a phrase whose marks were folded away ("hai muoi lam" 25, "muoi tu" 14): "muoi"
    is "mươi" after a digit and "mười" otherwise; "tu" and "lam" are "tư" and "lăm" after the tens, and on their own
    4 and 5 ("tháng tư")."""
    words: list[str] = []
    for w in phrase.lower().split():
        after_tens = bool(words) and words[-1] in ("mười", "mươi")
        if w == "muoi":
            words.append("mươi" if words and words[-1] in DIGITS else "mười")
        elif w in ("tu", "lam"):
            words.append(("tư" if w == "tu" else "lăm") if after_tens else ("bốn" if w == "tu" else "năm"))
        elif w in _FOLDED:
            words.append(_FOLDED[w])
        else:
            return None
    return parse_number_words(" ".join(words))


def _group_words(n: int, inner: bool) -> list[str]:
    names = {v: k for k, v in DIGITS.items() if k != "bẩy"}
    hundreds, tens, units = n // 100, n // 10 % 10, n % 10
    out: list[str] = []
    if hundreds or inner:
        out += [names[hundreds], "trăm"]
    if tens == 0:
        if units:
            out += (["linh"] if out else []) + [names[units]]
        return out
    out += ["mười"] if tens == 1 else [names[tens], "mươi"]
    if units == 5:
        out.append("lăm")
    elif units == 1 and tens > 1:
        out.append("mốt")
    elif units:
        out.append(names[units])
    return out


def number_words(n: int) -> str:
    """``n`` (0 <= n < 1 000 000) in Vietnamese words, as :func:`parse_number_words` reads them."""
    if not 0 <= n < 1_000_000:
        raise ValueError(n)
    if n == 0:
        return "không"
    high, low = divmod(n, 1000)
    words = ([*_group_words(high, False), "nghìn"]) if high else []
    if low:
        words += _group_words(low, bool(high))
    return " ".join(words)
