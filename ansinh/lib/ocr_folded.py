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
from typing import TYPE_CHECKING

from ansinh.lib.diacritics import Model
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

if TYPE_CHECKING:
    from ansinh.lib.folded_viterbi import Tables

# A token's options: the keys it may stand for, their penalties, and the token text each stands for.
Options = tuple[tuple[str, ...], tuple[float, ...], tuple[str, ...]]


class _Search:
    """A model's search: its tables, the options of each token and the readings of each piece, read once."""

    def __init__(self, model: Model) -> None:
        self.model = model
        self.runs: dict[tuple[str, ...], list[tuple[int, str]]] = {}
        self.token_options: dict[str, Options] = {}
        self.flags: dict[str, str] = {}  # "1" for a token with one reading, "0" for one with more
        self.tables: Tables | None = None

    def pieces(self, text: str) -> tuple[list[str], list[tuple[int, tuple[str, ...]]]]:
        """The tokens of ``text`` (one list of each ``_TOKEN`` and what separates them, the tokens at odd indices),
        and the pieces to search: (index of a piece's first token there, its tokens).

        A run of tokens split by white space only (``diacritics.phrases``' joiner) is read as one; a number ends a
        run and belongs to none. Two tokens in a row that have one reading each leave the search one state: what
        comes before them and what comes after are read apart (the same path), so a run is read in such pieces, each
        piece once per model. A piece of tokens of one reading each is not searched."""
        parts = _TOKEN.split(text)
        tokens = parts[1::2]
        flags = list(map(self.flags.get, tokens))  # "1": the token has one reading, "0": more, "N": a number
        if None in flags:
            for i, token in enumerate(tokens):
                if flags[i] is None:
                    flags[i] = self.flags[token] = (
                        "N" if token.isdigit() else "1" if len(self.options(token)[0]) == 1 else "0"
                    )
        # per token, what separates it from the one before ("." white space, "|" anything else) and its flag
        separators = parts[0:-1:2]
        joins = list(map(_SEPARATORS.get, separators))
        if None in joins:
            for i, separator in enumerate(separators):
                if joins[i] is None:
                    joins[i] = _separator_code(separator)
        codes = "".join(map(str.__add__, joins, flags))  # type: ignore[arg-type]
        out: list[tuple[int, tuple[str, ...]]] = []
        for run in _RUN.finditer(codes):
            start, end = run.span()
            if codes.find("0", start, end) < 0:
                continue
            # token i's codes are 2 i and 2 i + 1; ``start`` is where the piece's first token's codes are
            for pair in _TWO_FIXED.finditer(codes, start, end):  # tokens (k - 1, k) of one reading each
                j = pair.start() + 3  # where token k's codes end
                if codes.find("0", start, j) >= 0:
                    out.append((start // 2, tuple(tokens[start // 2 : j // 2])))
                start = j - 4  # the next piece opens with tokens k - 1 and k
                if j == end:
                    break
            else:
                if codes.find("0", start, end) >= 0:
                    out.append((start // 2, tuple(tokens[start // 2 : end // 2])))
        return parts, out

    def read(self, keys: list[tuple[str, ...]]) -> None:
        """Search every piece of ``keys`` not yet read (in one batch), keeping its changed readings."""
        missing = list(dict.fromkeys(key for key in keys if key not in self.runs))
        if not missing:
            return
        if len(self.runs) + len(missing) > _MAX_CACHED:
            self.runs.clear()
            missing = list(dict.fromkeys(keys))
        from ansinh.lib.folded_viterbi import Tables, best_paths  # numpy, for texts the OCR misread only

        if self.tables is None:
            self.tables = Tables(self.model)
        tokens = self.tables.token_ids(list(itertools.chain.from_iterable(missing)), self.options)
        for key, chosen in zip(missing, best_paths(self.tables, tokens, [len(key) for key in missing]), strict=True):
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
_TOKEN = re.compile(r"([A-Za-z0-9]+)")
# A run in a text's codes (see ``_Search.pieces``): tokens joined by white space, no number among them.
_RUN = re.compile(r"[|.][01](?:\.[01])*")
# Two tokens in a row with one reading each, in a run's codes (overlapping pairs are found too).
_TWO_FIXED = re.compile(r"1(?=\.1)")  # (a literal first: the engine skips to it)
_WHITE = re.compile(r"[ \t\n\r\f\v\u00a0]+")


_SEPARATORS: dict[str, str] = {}


def _separator_code(separator: str) -> str:
    """"." for white space (what joins two tokens of a run), "|" for anything else (remembered: separators repeat)."""
    if len(_SEPARATORS) >= _MAX_CACHED:
        _SEPARATORS.clear()
    code = _SEPARATORS[separator] = "." if _WHITE.fullmatch(separator) else "|"
    return code


def folded_readings(text: str, model: Model) -> list[tuple[int, int, str]]:
    """(start, end, reading) of each token of ``text`` the folded ``model`` reads as another key no longer than it,
    unmarked, in the token's case. ``text``'s token characters are ASCII (a run of unmarked lines)."""
    search = _SEARCHES.get(id(model))
    if search is None or search.model is not model:
        search = _SEARCHES[id(model)] = _Search(model)
    _MODELS[id(model)] = model
    parts, jobs = search.pieces(text)
    search.read([key for _, key in jobs])  # every piece not read before, searched at once
    out: list[tuple[int, int, str]] = []
    runs = search.runs
    offsets: list[int] = []  # where each part of ``parts`` ends, found when a piece has a reading
    for first, key in jobs:
        found = runs[key]
        if found:
            offsets = offsets or list(itertools.accumulate(map(len, parts)))
            for i, word in found:
                at = offsets[2 * (first + i)]  # token k is part 2 k + 1: it starts where part 2 k ends
                out.append((at, at + len(key[i]), word))
    return out
