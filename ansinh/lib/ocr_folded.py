"""The readings of a text an OCR engine without Vietnamese read, over a model of folded syllables, found fast.

Such a text is put right as unmarked text: which marked form a key stands for does not matter, only which key. Over
:func:`ansinh.lib.diacritics.folded_model` (one form per key) the search of :func:`ansinh.lib.ocr_cleanup.fix_tokens`
(its confusions, the same Viterbi path) has a few states per token, so the plain search is the quick one: its
P(w | u) are read once per model and pair, and each piece of a run between two tokens of one reading each
once (a text's phrases repeat). Unlike ``fix_tokens``, a known key read as another pays less (:data:`KNOWN_KEY_PENALTY`),
a capital "B" read as "D" little (:data:`B_FOR_D_PENALTY`), and a capitalised heading's letters are read with the
lower-case look-alikes too. The readings kept are those no longer than the token.
"""

from __future__ import annotations

import math
import re

from ansinh.lib.diacritics import _BOUNDARY, DISCOUNT, Model, best_path
from ansinh.lib.ocr_cleanup import (
    _MODELS,
    CONFUSION_PENALTY,
    UNKNOWN_TOKEN_PENALTY,
    _alternatives,
    _apply_case,
)

_State = tuple[str, str]
_MAX_CACHED = 500_000
#: Extra penalty of reading a known key as another one. Lighter than ``ocr_cleanup.KNOWN_TOKEN_PENALTY``: a folded key
#: stands for all its marked forms, so a look-alike that lands on a rare key ("ca" for "cơ", "vai" for "với") is
#: still read by its context ("ca quan", "phoi hop vai").
KNOWN_KEY_PENALTY = math.log(1e-1)
#: Penalty of reading a token's capital "B" as "D" ("BEN NAM" for "ĐẾN NĂM", "Bieu" for "Điều"): an engine without
#: Vietnamese reads a syllable's "Đ" so about as often as not.
B_FOR_D_PENALTY = math.log(1e-1)


class _Search:
    """A model's search: P(w | u) of each pair, the options of each token and the readings of each piece, read once."""

    def __init__(self, model: Model) -> None:
        self.model = model
        self.pairs: dict[tuple[str, str], tuple[float, float]] = {}
        self.runs: dict[tuple[str, ...], list[tuple[int, str]]] = {}
        self.alternatives: dict[str, bool] = {}
        self.token_options: dict[str, tuple[list[tuple[str, float]], list[str]]] = {}

    def pair(self, u: str, w: str) -> tuple[float, float]:
        """P(w | u) and ``model.logprob(t, u, w)`` for a (t, u) that is no trigram context."""
        found = self.pairs.get((u, w))
        if found is None:
            if len(self.pairs) >= _MAX_CACHED:
                self.pairs.clear()
            if w in self.model.unigrams:
                p2 = self.model.p_bigram(u, w)
                found = (p2, math.log(p2))
            else:
                found = (0.0, self.model.logprob(_BOUNDARY, u, w))  # an unseen form: one constant
            self.pairs[(u, w)] = found
        return found

    def read(self, pieces: list[tuple[int, str]], base: int) -> list[tuple[int, int, str]]:
        """The changed readings of one run of tokens (offset, token), each offset plus ``base``.

        Two tokens in a row that have one reading each leave the search one state: what comes before them and what
        comes after are read apart (the same path), so a run is read in such pieces, each piece once per model."""
        out: list[tuple[int, int, str]] = []
        n = len(pieces)
        fixed = [not self._alternative(t) for _, t in pieces]
        start = 0
        some = False  # a token of the piece from ``start`` has another reading
        for j in range(n):
            some = some or not fixed[j]
            if j + 1 < n and not (j > start and fixed[j - 1] and fixed[j]):
                continue
            if some:
                key = tuple(t for _, t in pieces[start : j + 1])
                found = self.runs.get(key)
                if found is None:
                    if len(self.runs) >= _MAX_CACHED:
                        self.runs.clear()
                    found = self.runs[key] = self._read(key)
                for i, word in found:
                    at = base + pieces[start + i][0]
                    out.append((at, at + len(pieces[start + i][1]), word))
            start, some = max(j - 1, start), False
        return out

    def _alternative(self, token: str) -> bool:
        found = self.alternatives.get(token)
        if found is None:
            found = self.alternatives[token] = len(self.options(token)[0]) > 1
        return found

    def options(self, token: str) -> tuple[list[tuple[str, float]], list[str]]:
        """A token's keys with their penalties, and the token text each stands for (``fix_tokens``' options)."""
        found = self.token_options.get(token)
        if found is None:
            model, low = self.model, token.lower()
            known = low in model.candidates and token.isalpha()
            opts = [(low, 0.0 if known else UNKNOWN_TOKEN_PENALTY)]
            reads = [token]
            extra = KNOWN_KEY_PENALTY if known else 0.0
            seen = {low}
            # the confusions are written in lower case ("y" for "u"): a capitalised heading's letters are read so too
            found_lower = _alternatives(low, id(model)) if token.isupper() and len(token) > 1 else ()
            for word, edits in sorted((*_alternatives(token, id(model)), *found_lower), key=lambda a: a[1]):
                if word.lower() not in seen:
                    seen.add(word.lower())
                    # "Đ", which only opens a syllable, read as "B": as likely a misreading as a rare key is a word
                    cost = B_FOR_D_PENALTY if word[1:] == token[1:] and token[0] == "B" else edits * CONFUSION_PENALTY
                    opts.append((word.lower(), extra + cost))
                    reads.append(word)
            found = self.token_options[token] = (opts, reads)
        return found

    def _read(self, tokens: tuple[str, ...]) -> list[tuple[int, str]]:
        options: list[list[tuple[str, float]]] = []
        readings: list[list[str]] = []
        for token in tokens:
            opts, reads = self.options(token)
            options.append(opts)
            readings.append(reads)
        out: list[tuple[int, str]] = []
        for i, (form, opts, reads) in enumerate(zip(self.best(options), options, readings, strict=True)):
            word = next(r for (f, _p), r in zip(opts, reads, strict=True) if f == form)
            token = tokens[i]
            if len(word) <= len(token) and word.lower() != token.lower():
                out.append((i, _apply_case(word.lower(), token)))
        return out

    def best(self, options: list[list[tuple[str, float]]]) -> list[str]:
        """:func:`ansinh.lib.diacritics.viterbi`'s path (the same scores, in the same order)."""
        model = self.model
        contexts, trigrams, unigrams, pairs = model.contexts2, model.trigrams, model.unigrams, self.pairs
        beams: dict[_State, float] = {(_BOUNDARY, _BOUNDARY): 0.0}
        backpointers: list[dict[_State, _State]] = []
        for cands in options:
            nxt: dict[_State, float] = {}
            back: dict[_State, _State] = {}
            for state, score in beams.items():
                t, u = state
                ctx = contexts.get(state)
                for w, penalty in cands:
                    found = pairs.get((u, w)) or self.pair(u, w)
                    if ctx is None or w not in unigrams:
                        lp = found[1]
                    else:  # model.logprob's arithmetic in a trigram context
                        total, types = ctx
                        count = trigrams.get((t, u, w), 0)
                        lp = math.log(max(count - DISCOUNT, 0.0) / total + DISCOUNT * types / total * found[0])
                    s = score + penalty + lp
                    key = (u, w)
                    if key not in nxt or s > nxt[key]:
                        nxt[key] = s
                        back[key] = state
            beams = nxt
            backpointers.append(back)
        return best_path(beams, backpointers)


_SEARCHES: dict[int, _Search] = {}
# A phrase of ASCII tokens split by white space only (``diacritics.phrases``' joiner); a number inside breaks it later.
_PHRASE = re.compile(r"[A-Za-z0-9]+(?:[ \t\n\r\f\v\u00a0]+[A-Za-z0-9]+)*")
_PIECE = re.compile(r"[A-Za-z0-9]+")


def folded_readings(text: str, model: Model) -> list[tuple[int, int, str]]:
    """(start, end, reading) of each token of ``text`` the folded ``model`` reads as another key no longer than it,
    unmarked, in the token's case. ``text``'s token characters are ASCII (a run of unmarked lines)."""
    search = _SEARCHES.get(id(model))
    if search is None or search.model is not model:
        search = _SEARCHES[id(model)] = _Search(model)
    _MODELS[id(model)] = model
    out: list[tuple[int, int, str]] = []
    for phrase in _PHRASE.finditer(text):
        base = phrase.start()
        pieces: list[tuple[int, str]] = []
        for piece in _PIECE.finditer(phrase.group(0)):
            token = piece.group(0)
            if token.isdigit():  # a number ends a run and belongs to none
                out += search.read(pieces, base)
                pieces = []
            else:
                pieces.append((piece.start(), token))
        out += search.read(pieces, base)
    return out
