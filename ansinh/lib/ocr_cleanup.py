"""Clean OCR output of Vietnamese text that lost its diacritics.

OCR engines run without the Vietnamese model read "thực" as ``thyc``, "số" as
``s6``, "người" as ``nguai``/``ngudi``, "tâm" as ``tarn``. :func:`clean_ocr`
fixes such tokens with a table of character confusions (:data:`CONFUSIONS`):
for a syllable, every variant reachable by at most two confusions that is a
known Vietnamese syllable becomes a candidate, and the syllable language model
of :mod:`ansinh.lib.diacritics` picks the most likely reading in context (a
changed reading pays a penalty, so a plausible token is kept). It also removes
stray control-code debris at line starts and joins words broken by
hyphenation. The result is still unmarked text, ready for
:func:`ansinh.lib.diacritics.restore_diacritics`.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterator

from ansinh.lib.diacritics import (
    Model,
    default_model,
    is_marked,
    is_vietnamese_syllable,
    phrase_cache,
    phrases,
    rewrite_runs,
)
from ansinh.lib.ocr_search import grouped_viterbi
from ansinh.lib.text import fold

#: (as OCR reads it, what it stands for) on unmarked text; data, not code.
CONFUSIONS: tuple[tuple[str, str], ...] = (
    ("y", "u"),  # ụ ự: thyc -> thuc, myc -> muc
    ("y", "o"),  # ợ ộ: duyc -> duoc, try -> tro, by -> bo
    ("a", "o"),  # ơ: nguai -> nguoi, mai -> moi, nuac -> nuoc
    ("d", "o"),  # ờ ở: ngudi -> nguoi, trd -> tro
    ("p", "o"),  # ợ: lupng -> luong
    ("6", "o"),  # ố: s6 -> so
    ("0", "o"),
    ("rn", "m"),  # tarn -> tam
    ("e", "c"),  # ục: due -> duc, lye -> luc
    ("g", "o"),  # ọ: hgc -> hoc
    ("l", "e"),  # ể: thilu -> thieu, hilm -> hiem
    ("I", "l"),  # Ion -> lon
    ("1", "l"),
    ("u", "o"),  # tudi -> tuoi
    ("ii", "u"),  # ư ủ: ciia -> cua, chii -> chu
    ("ir", "u"),  # ư: nhirng -> nhung, tirong -> tuong
    ("B", "D"),  # Đ: Bieu -> Dieu, Be nghi -> De nghi
    ("d", "u"),  # ư: Thdong -> Thuong, chdong -> chuong
    ("k", "e"),  # ề ế: Truykn -> Truyen, quykt -> quyet
    ("g", "e"),  # ề ế: kign -> kien, Nggi -> Ngei
    ("f", "e"),  # ệ: hifn -> hien, Vift -> Viet (no Vietnamese syllable has an "f")
)
#: Log-penalty of each confusion applied to a token.
CONFUSION_PENALTY = math.log(1e-3)
#: Extra penalty when the token as read is already a known syllable.
KNOWN_TOKEN_PENALTY = math.log(1e-2)
#: Penalty of keeping a token that is no known syllable as it was read.
UNKNOWN_TOKEN_PENALTY = CONFUSION_PENALTY
_MAX_EDITS = 2

# Debris of PDF control codes at the start of a line: "\rfr", "rf\f", "rf^ff", "orf^".
_LINE_DEBRIS = re.compile(r"(?m)^\\?[0-9a-z]?\\?rf(?:r|\\f|\^f*)(?=[A-Za-z])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_HYPHEN_BREAK = re.compile(r"([A-Za-z]+)-[ \t]*\n[ \t\n]*([a-z]+)")
_OCR_TOKEN = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+")


def _ocr_phrases(text: str) -> Iterator[list[re.Match[str]]]:
    """Runs of tokens (letters, possibly with digits OCR put in) split by white space only; a number breaks a run."""
    return phrases(text, _OCR_TOKEN, str.isdigit)


def _variants(token: str, edits: int = _MAX_EDITS) -> set[str]:
    found: set[str] = set()
    frontier = {token}
    for _ in range(edits):
        nxt: set[str] = set()
        for word in frontier:
            for wrong, right in CONFUSIONS:
                start = word.find(wrong)
                while start != -1:
                    nxt.add(word[:start] + right + word[start + len(wrong) :])
                    start = word.find(wrong, start + 1)
        nxt -= found | {token}
        found |= nxt
        frontier = nxt
    return found


@functools.lru_cache(maxsize=8192)
def _alternatives(token: str, model_id: int) -> tuple[tuple[str, int], ...]:
    """Known unmarked keys reachable from ``token`` by confusions, with the edits spent."""
    model = _MODELS[model_id]
    out: list[tuple[str, int]] = []
    seen: set[str] = set()
    frontier = {token}
    for edits in range(1, _MAX_EDITS + 1):
        nxt: set[str] = set()
        for word in frontier:
            nxt |= _variants(word, 1)
        nxt -= seen | {token}
        seen |= nxt
        for word in sorted(nxt):
            key = word.lower()
            if key in model.candidates and is_vietnamese_syllable(key):
                out.append((word, edits))
        frontier = nxt
    return tuple(out)


_MODELS: dict[int, Model] = {}


def _apply_case(new: str, old: str) -> str:
    if old.isupper() and len(old) > 1:
        return new.upper()
    if old[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


@functools.lru_cache(maxsize=16384)
def _token_options(token: str, model_id: int) -> tuple[list[tuple[str, float]], list[tuple[str, str]], bool]:
    """A token's forms with their penalties, what each reads as (form, unmarked token text), and whether any reading
    is another word (a text's tokens repeat: each is read once; the lists are never changed)."""
    model = _MODELS[model_id]
    if is_marked(token):
        return [(token.lower(), 0.0)], [(token.lower(), token)], False
    low = token.lower()
    known = low in model.candidates and token.isalpha()
    opts: list[tuple[str, float]] = []
    reads: list[tuple[str, str]] = []
    changed = False
    if known:
        for form in model.candidates[low]:
            opts.append((form, 0.0))
            reads.append((form, token))
    else:
        # An unknown token (or letters mixed with digits) as read costs as much as an edit.
        opts.append((low, UNKNOWN_TOKEN_PENALTY))
        reads.append((low, token))
    extra = KNOWN_TOKEN_PENALTY if known else 0.0
    for word, edits in _alternatives(token, model_id):
        for form in model.candidates[word.lower()]:
            opts.append((form, extra + edits * CONFUSION_PENALTY))
            reads.append((form, word))
            changed = True
    return opts, reads, changed


def fix_tokens(text: str, model: Model) -> str:
    """``text`` with each token the confusion model reads as a likelier syllable replaced by that reading."""
    _MODELS[id(model)] = model
    return rewrite_runs(text, _ocr_phrases(text), phrase_cache("ocr", model), lambda tokens: _fixed(model, tokens))


def _fixed(model: Model, tokens: tuple[str, ...]) -> list[tuple[int, str]]:
    """(index, reading) of each token of one run that the confusion model reads as another syllable."""
    options: list[list[tuple[str, float]]] = []
    readings: list[list[tuple[str, str]]] = []  # per option: (form, unmarked token text)
    changed = False
    for token in tokens:
        opts, reads, alternative = _token_options(token, id(model))
        options.append(opts)
        readings.append(reads)
        changed = changed or alternative
    if not changed:
        return []
    out: list[tuple[int, str]] = []
    best = grouped_viterbi(model, options)
    for i, (token, form, opts, reads) in enumerate(zip(tokens, best, options, readings, strict=True)):
        index = next(i for i, (f, _p) in enumerate(opts) if f == form)
        word = reads[index][1]
        if fold(word) != fold(token):
            out.append((i, _apply_case(fold(word), token)))
    return out


def clean_ocr(text: str, model: Model | None = None) -> str:
    """Fix common OCR artefacts of unmarked Vietnamese text (conservative)."""
    if not text:
        return text
    text = _CONTROL.sub("", text)
    text = _LINE_DEBRIS.sub("", text)
    model = model or default_model()
    text = _HYPHEN_BREAK.sub(lambda m: _join_hyphen(m, model), text)
    return fix_tokens(text, model)


def _join_hyphen(match: re.Match[str], model: Model) -> str:
    """Join ``chin-\\nh`` into ``chinh`` when only the joined word is a known syllable."""
    left, right = match.group(1), match.group(2)
    joined = (left + right).lower()
    if joined in model.candidates and (
        left.lower() not in model.candidates or right.lower() not in model.candidates
    ):
        return left + right
    return match.group(0)
