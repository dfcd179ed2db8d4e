"""A whole document folded through an 8-bit code page: the same characters as ``clean.fold_same_length``, faster.

``str.translate`` looks every character of a Vietnamese text up one by one (a text holding any character outside ASCII
leaves its fast path). Lower-cased, a document's characters are almost all ASCII, the Vietnamese marked letters and a
few punctuation marks: 256 characters, one byte each. The text is encoded to that code page (C), its marked letters
turned into their base letters byte for byte (``bytes.translate``) and decoded back; a character outside the page is
folded as ``fold_same_length`` folds it, in its place. A text whose lower case has another length ("İ") is not read
this way (``fold_long`` returns None). ``tests/documents/test_parsing_pspeed6_equivalence.py`` checks every code point
whose lower case is on the page: folded through the page, it is what ``fold_same_length`` gives.
"""

from __future__ import annotations

import codecs
import threading
from collections.abc import Callable

_VIETNAMESE = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
# Marks documents hold beside the letters (quotes, dashes, ellipsis, symbols of scans and converters).
_MARKS = "“”‘’„«»‹›…–—•·§°±×÷≥≤½¼¾¹²³€£¢©®™¬¡¿\u00a0øðšÿˆ†‡ƒäïöüœñç"
_ERRORS = "ansinh-long-fold"

_spans = threading.local()  # the places of characters outside the page, found while one text is encoded


def _outside_page(err: UnicodeError) -> tuple[bytes, int]:
    if not isinstance(err, UnicodeEncodeError):
        raise err
    _spans.found.append((err.start, err.end))
    return b"\x00" * (err.end - err.start), err.end  # one byte per character: the places stay where they were


codecs.register_error(_ERRORS, _outside_page)


class _Page:
    """The code page of one folding (built from the fold of each of its characters)."""

    def __init__(self, fold_char: Callable[[str], str]) -> None:
        chars = [chr(code) for code in range(128)] + [c for c in dict.fromkeys(_VIETNAMESE + _MARKS) if ord(c) >= 128]
        # A character folded to one off the page cannot be written in it: such a character stays off the page.
        chars = [c for c in chars if ord(c) < 128 or fold_char(c) in chars]
        chars += [chr(0xFDD0 + i) for i in range(256 - len(chars))]  # noncharacters: never in a document, fold to themselves
        assert len(chars) == 256 and all(fold_char(c) in chars for c in chars), "the page holds each character's fold"
        self.decoding = "".join(chars)
        self.encoding = codecs.charmap_build(self.decoding)
        index = {c: i for i, c in enumerate(chars)}
        self.folds = bytes(index[fold_char(c)] for c in chars)


_PAGES: dict[int, _Page] = {}


def fold_long(text: str, fold_char: Callable[[str], str], fold_piece: Callable[[str], str]) -> str | None:
    """``text`` folded (``fold_char`` of each character; ``fold_piece`` folds a run of characters off the page), or None
    when its lower case has another length (the caller folds it character by character)."""
    low = text.lower()
    if len(low) != len(text):
        return None
    page = _PAGES.get(id(fold_char))
    if page is None:
        page = _PAGES[id(fold_char)] = _Page(fold_char)
    _spans.found = []
    encoded, _ = codecs.charmap_encode(low, _ERRORS, page.encoding)
    out, _ = codecs.charmap_decode(encoded.translate(page.folds), "strict", page.decoding)
    found: list[tuple[int, int]] = _spans.found
    if not found:
        return out
    pieces: list[str] = []
    at = 0
    for start, end in found:
        pieces += (out[at:start], fold_piece(text[start:end]))
        at = end
    pieces.append(out[at:])
    return "".join(pieces)
