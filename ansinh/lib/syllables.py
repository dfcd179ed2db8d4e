"""Spaces a text layer lost after marked syllables ("chủtrì", "Đảng bộxã", "vụĐảng"), put back.

Some PDF text layers (a font whose marked glyphs are narrower than they are drawn) lose the space after many
syllables that end in a toned vowel, so "chủ trì" comes out "chủtrì" and every reader of units, reports and targets
misses its words. A Vietnamese syllable never goes on after a toned vowel with b, d, đ, g, h, l, q, r, s, v or x, nor
with "tr", "th" or "ph" (its final can only be c, ch, m, n, ng, nh, p, t, or a second vowel), so such a joint is two
syllables run together; "k" only counts before a letter ("Đắk Lắk" ends in k). A capital after a lowercase toned
vowel ("vụĐảng", "vụTỉnh", "bộUBND"), a roman numeral ("lần thứI", "khóa XIV" as "thứXIV") or a digit ("nhiệm
kỳ2025-2030", "Chỉ thị số50") after it are joints too: no syllable goes on with them. The repair is made only where the joints are systematic (at least
``_MIN_JOINTS`` of them, one in every ``_WORDS_PER_JOINT`` words or more): a clean text has none, and an OCR'd one a
stray one or two, which are left as they are.
"""

from __future__ import annotations

import re
from collections.abc import Container

_TONED = "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
_LOWER = "a-zđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
_UPPER = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
# A toned vowel where the next syllable starts straight after it.
# Vowels with the falling, asking or tumbling tone: a syllable that ends in p, t, c or ch carries the rising or the
# heavy tone, so after one of these such a letter opens the next syllable ("Kểtừ", "cảcác", "đềcương").
_NO_STOP_TONE = "àảãằẳẵầẩẫèẻẽềểễìỉĩòỏõồổỗờởỡùủũừửữỳỷỹ"
# (One character class first, the second case's tones looked behind: a pattern that opens with a class is scanned for
# it, one that opens with two alternatives is tried at every character.)
_JOINT = re.compile(
    f"[{_TONED}](?:(?=(?:[bdđglqrsvx]|k[{_LOWER}]|t[rh]|ph|h[{_LOWER}])[{_LOWER}]|[{_UPPER}][{_LOWER}{_UPPER}]|[IVX]\\b|\\d)"
    f"|(?<=[{_NO_STOP_TONE}])(?=[ptc][{_LOWER}]))"
)
# What a joint has after its toned vowel, looked for first: a letter no syllable ends with, a capital, a digit, or p, t,
# c before a letter (a wider net than _JOINT, whose look-arounds are then tried only where it holds: at one toned
# vowel in fifty, not at every one).
_MAY_JOIN = re.compile(f"[{_TONED}](?=[bdđglqrsvxkh{_UPPER}\\d]|[ptc][{_LOWER}])")
_MIN_JOINTS = 10
_WORDS_PER_JOINT = 200


def respace_joined_syllables(text: str) -> str:
    """``text`` with a space after each toned vowel that ends a syllable run into the next, where that is systematic."""
    if text.isascii():
        return text
    joints = [m.end() for near in _MAY_JOIN.finditer(text) if (m := _JOINT.match(text, near.start())) is not None]
    if len(joints) < _MIN_JOINTS or len(joints) * _WORDS_PER_JOINT < len(text.split()):
        return text
    pieces, last = [], 0
    for end in joints:
        pieces.append(text[last:end])
        last = end
    pieces.append(text[last:])
    from ansinh.lib.diacritics import default_model  # loaded only for a text with run-together syllables

    known = default_model().unigrams
    parted: dict[str, str] = {}  # each word parted once: a text repeats its words

    def part(m: re.Match[str]) -> str:
        word = m.group(0)
        out = parted.get(word)
        if out is None:
            out = parted[word] = _part_known_pair(word, known)
        return out

    return _KNOWN_PAIR.sub(part, " ".join(pieces))


# A word that still holds a toned vowel inside it after the joints above were parted ("vụchính", "trịcủa",
# "cứnhiệm", "từngày": the next syllable opens with a letter a syllable may also end with).
_KNOWN_PAIR = re.compile(f"[{_LOWER}{_UPPER}]*[{_TONED}{_TONED.upper()}][{_LOWER}{_UPPER}]+")


def _part_known_pair(word: str, known: Container[str]) -> str:
    """``word`` parted after a toned vowel where both halves are syllables the diacritics model knows (``known``) and
    the word is not; only in a text whose joints are systematic (the caller's gate)."""
    lower = word.lower()
    if lower in known:
        return word
    for k, ch in enumerate(lower[:-1], start=1):
        if ch in _TONED and lower[:k] in known and lower[k:] in known:
            return f"{word[:k]} {word[k:]}"
    return word
