"""Letters an OCR engine without Vietnamese misread, put right in the clean view (the same length).

A scan read by an engine without its Vietnamese model loses every mark and reads a share of the marked letters as
look-alikes: "Cục" as ``Cue``, "Vụ" as ``Vy``, "Bộ" as ``Bp``, "nước" as ``nuac``, "cơ quan" as ``ca quan``. The
parser matches folded words, so the units, cues and dates of such a text are missed although its outline is read.
Within a run of unmarked lines (a whole text, or the pages of a letter past its scanned first page), every token the
OCR confusion model of :mod:`ansinh.lib.ocr_cleanup` reads as another known syllable is replaced by that reading
(unmarked, case kept; searched over the folded model by :mod:`ansinh.lib.ocr_folded`). A shorter reading ("ciia" for
"của", "chii" for "chủ") moves the rest of its line left, the line padded with as many spaces as it lost, so lines
keep their offsets (a span after it on its line points a letter or two off); a longer one is left as it was. Short unmarked lines inside a run (headings, "Bieu 2.") are read with it. Lines with marks are
never touched, and text typed without marks (few tokens unknown to the syllable model) is left as it is.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ansinh.lib.diacritics import folded_model, is_vietnamese_syllable
from ansinh.lib.ocr_folded import folded_readings

_TOKEN = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+")
# ``_TOKEN`` within a run: its lines are unmarked prose or blank, so every token character there is ASCII.
_RUN_TOKEN = re.compile(r"[A-Za-z0-9]+")
# A "q" past a token's first letter (the tokens :func:`_local_reading` may read); the letter first: the engine skips to
# it. A run starts at a line's start, so the character before it is no token's.
_INNER_Q = re.compile(r"[qQ](?<=[A-Za-z0-9].)")
_ALNUM = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
_MARKED_LETTER = re.compile(r"[À-ỹĐđ]")
# More than ``_MARKED_ENOUGH`` marked letters from where a match starts: one match, no list of every marked letter.
_MARKED_ENOUGH = 200
_MANY_MARKED = re.compile(rf"(?:[^À-ỹĐđ]*+[À-ỹĐđ]){{{_MARKED_ENOUGH + 1}}}")
# An article's heading ("Điều 3. …", Decree 30/2020) as such an engine reads its word: "Đ" as "B", "ề" as a look-alike
# ("Bieu 2.", "Diku 3.", "Biiu 12.", "Digu 7."); read back only before an article number at a line's start.
_ARTICLE = re.compile(r"(?m)^[ \t]{0,8}([BD]i[eilgk]u|[BD]I[EILGK]U)(?= \d{1,3}\.(?:\s|$))")
# "ệ" read as "$", "ầ"/"ậ" as "^", between two letters of a word ("hi$n", "Lu^t", "c^p").
_SIGN_IN_WORD = re.compile(r"[$^](?<=[A-Za-z].)(?=[a-z])")  # the sign first: the engine skips to it
# A line of prose: this many tokens or more.
_MIN_TOKENS = 4
# A run of unmarked prose lines this long is text the OCR read without Vietnamese (blank lines do not break it).
MIN_RUN_LINES = 5
# ...provided this share of its tokens has the shape of a Vietnamese syllable (not English, not a list of codes).
_VIETNAMESE_SHARE = 0.7
# Share of tokens unknown to the syllable model from which the runs are read as misread by the OCR (see below).
MISREAD_SHARE = 0.09


# A letter, digit or combining mark outside ASCII: a token holding one is marked (``is_marked``).
_MARKED_TOKEN_CHAR = re.compile(r"(?![\x00-\x7f])(?:[^\W_]|[\u0300-\u036f])")
# ``_MIN_TOKENS`` tokens from a line's start (a token character and the rest never overlap: nothing backtracks).
_TOKEN_CHAR, _OTHER_CHAR = r"(?:[^\W_]|[\u0300-\u036f])", r"(?:(?![\u0300-\u036f])[\W_])"
_PROSE_TOKENS = re.compile(rf"{_OTHER_CHAR}*+{_TOKEN_CHAR}++(?:{_OTHER_CHAR}++{_TOKEN_CHAR}++){{{_MIN_TOKENS - 1}}}")


def _unmarked_prose(line: str) -> bool:
    # Some token is marked exactly when some token character is outside ASCII: one search, not one per token.
    if not line.isascii() and _MARKED_TOKEN_CHAR.search(line):
        return False
    return _PROSE_TOKENS.match(line) is not None  # the first few tokens only, not a list of all of them


@lru_cache(maxsize=65536)
def _syllable(token: str) -> bool:
    return is_vietnamese_syllable(token)  # tokens repeat: a text's few thousand words are asked about once each


def _runs_with_words(clean: str) -> list[tuple[int, int, Counter[str]]]:
    """The runs of ``MIN_RUN_LINES`` or more unmarked prose lines in a row (short unmarked lines among and before them
    included), mostly Vietnamese syllables, each with the
    count of each of its alphabetic tokens (read once, for the run test and the unknown-word share; a text's words
    repeat, so each distinct token is asked about once)."""
    runs: list[tuple[int, int]] = []
    start = end = pending = -1  # pending: the first of the short unmarked lines before a run
    count = 0
    pos = 0
    for line in clean.splitlines(keepends=True):
        if _unmarked_prose(line):
            if start < 0:
                start, count = (pending if pending >= 0 else pos), 0
            count += 1
            end = pos + len(line)
        elif not line.strip():
            pass
        elif line.isascii() or not _MARKED_TOKEN_CHAR.search(line):
            # a short unmarked line (a heading, "Bieu 2.", a table's short row) goes with the run around it
            if start >= 0:
                end = pos + len(line)
            elif pending < 0:
                pending = pos
        else:
            if start >= 0 and count >= MIN_RUN_LINES:
                runs.append((start, end))
            start = pending = -1
        pos += len(line)
    if start >= 0 and count >= MIN_RUN_LINES:
        runs.append((start, end))
    out: list[tuple[int, int, Counter[str]]] = []
    for s, e in runs:
        counts = Counter(_RUN_TOKEN.findall(clean, s, e))
        words = Counter({t: n for t, n in counts.items() if t.isalpha()})
        total = sum(words.values())
        if total and sum(n for t, n in words.items() if _syllable(t)) >= _VIETNAMESE_SHARE * total:
            out.append((s, e, words))
    return out


def repair_latin_ocr(clean: str) -> str:
    """``clean`` with the look-alike letters of its unmarked OCR runs read as the syllables they stand for."""
    if _MANY_MARKED.match(clean, 0, 20000) is not None and not _has_long_unmarked_stretch(clean):
        return clean  # a text with its marks (the common case) is passed over without scoring its lines
    with_words = _runs_with_words(clean)
    if not with_words:
        return clean
    runs = [(s, e) for s, e, _ in with_words]
    model = folded_model()  # readings are unmarked: the search weighs keys, not each key's marked forms
    total = sum(sum(words.values()) for _, _, words in with_words)
    unknown = sum(n for _, _, words in with_words for t, n in words.items() if t.lower() not in model.candidates)
    # Text typed without marks reads as known syllables (a few rare ones, "rừng", "cụm", unknown to the model); a
    # misreading engine leaves one token in ten or more unknown ("Bp", "nuac", "thyc"). Only such a text is read again.
    if unknown < MISREAD_SHARE * total:
        return clean
    chars = list(clean)
    for s, e in runs:
        for m in _SIGN_IN_WORD.finditer(clean, s, e):  # "hi$n", "Lu^t": a sign inside a word is a misread vowel
            chars[m.start()] = "e" if m.group(0) == "$" else "a"
        for m in _ARTICLE.finditer(clean, s, e):
            chars[m.start(1) : m.end(1)] = "DIEU" if m.group(1).isupper() else "Dieu"
        token_end = s
        for m in _INNER_Q.finditer(clean, s, e):
            if m.start() < token_end:
                continue  # a second "q" of a token looked up
            token_start = m.start() - 1
            while token_start > s and clean[token_start - 1] in _ALNUM:
                token_start -= 1
            token_end = _RUN_TOKEN.match(clean, m.start(), e).end()  # type: ignore[union-attr]  # "q" is one
            word = _local_reading(clean[token_start:token_end], model.candidates)
            if word is not None:
                chars[token_start:token_end] = word
        before = "".join(chars[s:e])
        for start, end, word in reversed(folded_readings(before, model)):
            if len(word) == end - start:
                chars[s + start : s + end] = word
                continue
            # a shorter reading ("ciia" for "của") keeps the line's length by spaces at its end: the rest of the line
            # moves left, so its words stay one space apart ("chi tieu chu yeu")
            line_end = before.find("\n", end)
            line_end = len(before) if line_end < 0 else line_end
            rest = chars[s + end : s + line_end]
            chars[s + start : s + line_end] = [*word, *rest, *" " * (end - start - len(word))]
    return "".join(chars)


def _local_reading(token: str, known: dict[str, list[str]]) -> str | None:
    """An unknown token's reading by a look-alike the confusion table lacks: "ộ"/"ợ" read as ``q`` ("Bq", "duqc")."""
    low = token.lower()
    if low in known or not token.isalpha():
        return None
    if "q" in low[1:] and (fixed := low[0] + low[1:].replace("q", "o")) in known:
        return "".join(f.upper() if c.isupper() else f for f, c in zip(fixed, token, strict=True))
    return None


def _has_long_unmarked_stretch(clean: str) -> bool:
    """Whether some 1,500 characters of prose in a row carry no mark (cheap test before scoring lines)."""
    # Such a stretch holds a whole window of 700 starting at a multiple of 700: when every window has a mark (a
    # marked text: one search each, stopping at its first mark), there is none, and no mark is visited one by one.
    if all(_MARKED_LETTER.search(clean, k, k + 700) for k in range(0, max(len(clean) - 699, 0), 700)):
        return False
    last = -1
    for m in _MARKED_LETTER.finditer(clean):
        if m.start() - last > 1500:
            return True
        last = m.start()
    return len(clean) - last > 1500
