"""The readings of a text an OCR engine without Vietnamese read, over a model of folded syllables, found fast.

Such a text is put right as unmarked text: which marked form a key stands for does not matter, only which key. Over
:func:`ansinh.lib.diacritics.folded_model` (one form per key) the search of :func:`ansinh.lib.ocr_cleanup.fix_tokens`
(its confusions, the same Viterbi path) has a few states per token: a text's runs are cut into pieces between two
tokens of one reading each, and the pieces not read before are searched all at once by
:mod:`ansinh.lib.folded_viterbi` (each piece once per model: a text's phrases repeat). Unlike ``fix_tokens``, a known key read as another pays less (:data:`KNOWN_KEY_PENALTY`),
a capital "B" read as "D" little (:data:`B_FOR_D_PENALTY`), and a capitalised heading's letters are read with the
lower-case look-alikes too. The readings kept are those no longer than the token.
"""

from __future__ import annotations

import itertools
import math
import re

import numpy as np

from ansinh.lib.diacritics import Model
from ansinh.lib.folded_viterbi import Options, Tables, best_paths
from ansinh.lib.ocr_cleanup import (
    _MODELS,
    CONFUSION_PENALTY,
    UNKNOWN_TOKEN_PENALTY,
    _alternatives,
    _apply_case,
)

_MAX_CACHED = 500_000
#: Extra penalty of reading a known key as another one. Lighter than ``ocr_cleanup.KNOWN_TOKEN_PENALTY``: a folded key
#: stands for all its marked forms, so a look-alike that lands on a rare key ("ca" for "cơ", "vai" for "với") is
#: still read by its context ("ca quan", "phoi hop vai").
KNOWN_KEY_PENALTY = math.log(1e-1)
#: Penalty of reading a token's capital "B" as "D" ("BEN NAM" for "ĐẾN NĂM", "Bieu" for "Điều"): an engine without
#: Vietnamese reads a syllable's "Đ" so about as often as not.
B_FOR_D_PENALTY = math.log(1e-1)


class _Search:
    """A model's search: its tables, the options of each token and the readings of each piece, read once."""

    def __init__(self, model: Model) -> None:
        self.model = model
        self.runs: dict[tuple[str, ...], list[tuple[int, str]]] = {}
        self.token_options: dict[str, Options] = {}
        self.flags: dict[str, str] = {}  # "1" for a token with one reading, "0" for one with more
        self.tables: Tables | None = None

    def split(self, tokens: list[str]) -> list[tuple[int, tuple[str, ...]]]:
        """The pieces of one run of tokens to search: (index of its first token, its tokens).

        Two tokens in a row that have one reading each leave the search one state: what comes before them and what
        comes after are read apart (the same path), so a run is read in such pieces, each piece once per model. A
        piece of tokens of one reading each is not searched."""
        flags = list(map(self.flags.get, tokens))  # "1": the token has one reading, "0": more
        if None in flags:
            for i, token in enumerate(tokens):
                if flags[i] is None:
                    flags[i] = self.flags[token] = "1" if len(self.options(token)[0]) == 1 else "0"
        fixed = "".join(flags)  # type: ignore[arg-type]  # no None is left
        if "0" not in fixed:
            return []
        out: list[tuple[int, tuple[str, ...]]] = []
        start, end = 0, len(tokens) - 1
        for pair in _TWO_FIXED.finditer(fixed):
            j = pair.start() + 1  # tokens j - 1 and j have one reading each
            if "0" in fixed[start : j + 1]:
                out.append((start, tuple(tokens[start : j + 1])))
            start = j - 1
            if j == end:
                return out
        if "0" in fixed[start:]:
            out.append((start, tuple(tokens[start:])))
        return out

    def read(self, keys: list[tuple[str, ...]]) -> None:
        """Search every piece of ``keys`` not yet read (in one batch), keeping its changed readings."""
        missing = list(dict.fromkeys(key for key in keys if key not in self.runs))
        if not missing:
            return
        if len(self.runs) + len(missing) > _MAX_CACHED:
            self.runs.clear()
            missing = list(dict.fromkeys(keys))
        if self.tables is None:
            self.tables = Tables(self.model)
        tokens = self.tables.token_ids(list(itertools.chain.from_iterable(missing)), self.options)
        lengths = np.array([len(key) for key in missing], dtype=np.int64)
        for key, chosen in zip(missing, best_paths(self.tables, np.array(tokens, dtype=np.int64), lengths), strict=True):
            out: list[tuple[int, str]] = []
            for i, b in chosen:  # option 0 is the token as read
                word, token = self.options(key[i])[2][b], key[i]
                if len(word) <= len(token) and word.lower() != token.lower():
                    out.append((i, _apply_case(word.lower(), token)))
            self.runs[key] = out

    def options(self, token: str) -> Options:
        """A token's keys, their penalties, and the token text each stands for (``fix_tokens``' options); the keys
        differ from each other."""
        found = self.token_options.get(token)
        if found is None:
            model, low = self.model, token.lower()
            known = low in model.candidates and token.isalpha()
            forms, penalties, reads = [low], [0.0 if known else UNKNOWN_TOKEN_PENALTY], [token]
            extra = KNOWN_KEY_PENALTY if known else 0.0
            seen = {low}
            # the confusions are written in lower case ("y" for "u"): a capitalised heading's letters are read so too
            found_lower = _alternatives(low, id(model)) if token.isupper() and len(token) > 1 else ()
            for word, edits in sorted((*_alternatives(token, id(model)), *found_lower), key=lambda a: a[1]):
                if word.lower() not in seen:
                    seen.add(word.lower())
                    # "Đ", which only opens a syllable, read as "B": as likely a misreading as a rare key is a word
                    cost = B_FOR_D_PENALTY if word[1:] == token[1:] and token[0] == "B" else edits * CONFUSION_PENALTY
                    forms.append(word.lower())
                    penalties.append(extra + cost)
                    reads.append(word)
            found = self.token_options[token] = (tuple(forms), tuple(penalties), tuple(reads))
        return found


_SEARCHES: dict[int, _Search] = {}
# A phrase of ASCII tokens split by white space only (``diacritics.phrases``' joiner); a number inside breaks it later.
_PHRASE = re.compile(r"[A-Za-z0-9]+(?:[ \t\n\r\f\v\u00a0]+[A-Za-z0-9]+)*")
_PIECE = re.compile(r"[A-Za-z0-9]+")
_NUMBER = re.compile(r"(?<![A-Za-z0-9])[0-9]+(?![A-Za-z0-9])")
# Two tokens in a row with one reading each (overlapping pairs are found too).
_TWO_FIXED = re.compile(r"(?=11)")


def folded_readings(text: str, model: Model) -> list[tuple[int, int, str]]:
    """(start, end, reading) of each token of ``text`` the folded ``model`` reads as another key no longer than it,
    unmarked, in the token's case. ``text``'s token characters are ASCII (a run of unmarked lines)."""
    search = _SEARCHES.get(id(model))
    if search is None or search.model is not model:
        search = _SEARCHES[id(model)] = _Search(model)
    _MODELS[id(model)] = model
    jobs: list[tuple[re.Match[str], int, tuple[str, ...]]] = []  # (phrase, index of the piece's first token, piece)
    for phrase in _PHRASE.finditer(text):
        tokens = phrase.group(0).split()  # its white space is str.split's
        if _NUMBER.search(phrase.group(0)) is None:
            jobs += [(phrase, start, key) for start, key in search.split(tokens)]
            continue
        first = 0
        for i, token in enumerate([*tokens, "0"]):
            if token.isdigit():  # a number ends a run and belongs to none
                jobs += [(phrase, first + start, key) for start, key in search.split(tokens[first:i])]
                first = i + 1
    search.read([key for _, _, key in jobs])  # every piece not read before, searched at once
    out: list[tuple[int, int, str]] = []
    runs = search.runs
    offsets: dict[int, list[int]] = {}  # of each phrase's tokens, found for the phrases with a reading only
    for phrase, first, key in jobs:
        found = runs[key]
        if found:
            at = offsets.get(phrase.start())
            if at is None:
                at = offsets[phrase.start()] = [phrase.start() + m.start() for m in _PIECE.finditer(phrase.group(0))]
            for i, word in found:
                out.append((at[first + i], at[first + i] + len(key[i]), word))
    return out
