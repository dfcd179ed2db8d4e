"""Vietnamese text helpers: Unicode normalisation and a diacritic-insensitive fold.

Everything here is pure and framework-free so that parsers and tests can use it
without Django.
"""

from __future__ import annotations

import re
import unicodedata

# The underscore first, its neighbours looked at around it: a pattern that opens with a literal is scanned for it (one
# that opens with a lookbehind is tried at every character).
_WORD_SEGMENT_UNDERSCORE = re.compile(r"_(?<=[^\W_]_)(?=[^\W_])")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_NON_ALNUM = re.compile(r"[^0-9a-z%]+")


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC (composed) form, as Vietnamese is stored."""
    return unicodedata.normalize("NFC", text)


class _MarkTable(dict[int, int]):
    """``str.translate`` table from a code point to its unmarked letter, filled on first sight of a character."""

    def __missing__(self, code: int) -> int:
        ch = chr(code)
        if ch == "đ":
            out = "d"
        elif ch == "Đ":
            out = "D"
        else:
            base = unicodedata.normalize("NFD", ch)[0]
            out = base if unicodedata.category(base)[0] in "LN" and len(base) == 1 else ch
        self[code] = ord(out)
        return ord(out)


_MARKS = _MarkTable({code: code for code in range(128)})
# The same table as a list up to U+2FFF (filled from it on first use): ``str.translate`` looks a list up faster than a
# dict; a text with a character past it goes through the table.
_MARK_LIST: list[int] = []
_PAST_MARK_LIST = re.compile("[^\x00-\u2fff]")


def strip_marks(text: str) -> str:
    """Remove every Vietnamese diacritic, keeping case: ``"Đà Nẵng" -> "Da Nang"``.

    The result has exactly the same length as ``nfc(text)`` so character offsets
    into the folded text are offsets into the NFC text too (one code point for one).
    """
    text = nfc(text)
    if _PAST_MARK_LIST.search(text) is not None:
        return text.translate(_MARKS)
    if not _MARK_LIST:
        _MARK_LIST.extend(_MARKS[code] for code in range(0x3000))
    return text.translate(_MARK_LIST)


def fold(text: str) -> str:
    """Lowercase and strip diacritics, length-preserving over the NFC text.

    Use it to match keywords whatever the case and whatever marks OCR lost;
    a match at ``i:j`` in ``fold(t)`` is the span ``i:j`` of ``nfc(t)``.
    """
    return strip_marks(text).lower()


def fold_key(text: str | None) -> str:
    """A comparison key: folded, punctuation dropped, spaces collapsed."""
    if not text:
        return ""
    return " ".join(_NON_ALNUM.sub(" ", fold(text)).split())


def unsegment(text: str) -> str:
    """Undo word segmentation marks (``"Kế_hoạch"`` -> ``"Kế hoạch"``), length-preserving."""
    if "_" not in text:
        return text
    return _WORD_SEGMENT_UNDERSCORE.sub(" ", text)


def normalize_text(text: str) -> str:
    """Canonical form of a document's text: NFC, ``\\n`` line ends, no NUL, no segmentation marks, no syllables
    run together by a text layer that lost their spaces (:mod:`ansinh.lib.syllables`)."""
    from ansinh.lib.syllables import respace_joined_syllables

    text = nfc(text).replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return respace_joined_syllables(unsegment(text))


def squeeze_spaces(text: str) -> str:
    """Collapse runs of horizontal white space into one space and trim."""
    return _SPACES.sub(" ", text).strip()


def lower_first(text: str) -> str:
    """Lower the first letter unless the first word is an abbreviation ("UBND")."""
    if text[:1].isupper() and not text[1:2].isupper():
        return text[:1].lower() + text[1:]
    return text


# A document's "số, ký hiệu" (Decree 30/2020 Art. 15; the Party's "45-KH/TU"): a number, perhaps its year, then the
# kind and issuer abbreviations in letters: "275/KH-UBND", "05/2025/NĐ-CP", "66.12/2026/NQ-CP", "104-CTr/TU".
_DOC_NUMBER = re.compile(r"\d{1,5}[a-z]?(?:\.\d{1,3})?(?:/\d{4})?[/-][A-Za-zĐđ&]+(?:[-/.][A-Za-zĐđ0-9&]+)*")


def looks_like_document_number(number: str) -> bool:
    """Whether ``number`` has the shape of a document's number and symbol; an OCR'd "4-4Ÿ/KH-UBND" does not."""
    return _DOC_NUMBER.fullmatch(number.strip()) is not None
