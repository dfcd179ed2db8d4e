"""The Viterbi paths of many short runs of tokens at once, over a trigram model, with numpy: the same scores as
:func:`ansinh.lib.diacritics.viterbi` (the same floats, added in the same order), the same path, ties included.

:mod:`ansinh.lib.ocr_folded` reads a text the OCR misread in thousands of short pieces of a few tokens, each token
with one to a few keys it may stand for. Searched one by one, a piece costs Python's time per state; here every piece
of a text of one width (most options of a token) is searched in one array, step by step.

The keys of one token differ, so the states after token i are every pair (a, b) of an option of token i - 1 and one
of token i, and the plain search meets them in the order of a then b: ``scores[piece, a, b]`` here. The best score of
(a, b) comes from the first option a2 of token i - 2 with the greatest ``score[a2, a] + penalty[b] + logprob`` (numpy's
``argmax`` keeps the first too), and the path ends in the first best last state. Options a piece's token lacks score
minus infinity, so they never win.

A log-probability is read once per model: ``logprob(t, u, w)`` is ``P(w | u)``'s log for every (t, u) that is no
trigram context (a dense table over key ids, filled as pairs are met), and a trigram context's scores are kept by
(context, w). Every form the model never saw scores alike (as t, u or w), so they share one id.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt

from ansinh.lib.diacritics import _BOUNDARY, DISCOUNT, Model
from ansinh.lib.ocr_folded import Options

# A form no model knows (no key is made of a NUL): it stands for every form its model never saw.
_UNSEEN = "\x00"
# The most log-probabilities one array of pieces holds (pieces, positions, options cubed): 2 million, 16 MB.
_MAX_CELLS = 2_000_000


class Tables:
    """A model's keys as ids and its probabilities as arrays, computed by :class:`ansinh.lib.diacritics.Model`'s own
    arithmetic (each float by the same operations in the same order; the logarithms by :func:`math.log`)."""

    def __init__(self, model: Model) -> None:
        self.model = model
        self.names = [*sorted(set(model.unigrams) | {_BOUNDARY}), _UNSEEN]
        self.ids = ids = {name: i for i, name in enumerate(self.names)}
        n = self.size = len(self.names)
        self.unseen, self.boundary = n - 1, ids[_BOUNDARY]
        self.known = np.array([name in model.unigrams for name in self.names])
        # P(w | u) (``Model.p_bigram``) of every pair; its log is taken when a search first needs it
        p1 = np.array([model.p_unigram(name) for name in self.names])
        self.p2 = np.tile(p1, (n, 1))
        heads = [u for u in model.contexts1 if u in ids]
        if heads:
            rows = np.array([ids[u] for u in heads])
            total = np.array([model.contexts1[u][0] for u in heads], dtype=np.float64)
            types = np.array([model.contexts1[u][1] for u in heads], dtype=np.float64)
            counts = np.zeros((n, n))
            for (u, w), count in model.bigrams.items():
                counts[ids[u], ids[w]] = count
            # max(count - DISCOUNT, 0.0) / total + DISCOUNT * types / total * p1, element by element
            self.p2[rows] = np.maximum(counts[rows] - DISCOUNT, 0.0) / total[:, None] + (
                (DISCOUNT * types / total)[:, None] * p1[None, :]
            )
        # logprob(t, u, w) for a (t, u) that is no trigram context, by (u, w): log P(w | u), a constant for a w unseen
        self.free = np.full((n, n), np.nan)
        self.free[:, ~self.known] = model.logprob(_BOUNDARY, _BOUNDARY, _UNSEEN)
        # the trigram contexts (t, u), their (count, types), and the count of each (context, w) seen
        self.context = np.full((n, n), -1, dtype=np.int32)  # (a model's few thousand contexts: 4 MB, not 8)
        totals: list[tuple[int, int]] = []
        for (t, u), found in model.contexts2.items():
            if t in ids and u in ids:
                self.context[ids[t], ids[u]] = len(totals)
                totals.append(found)
        self.context_total = np.array([c for c, _ in totals] or [1], dtype=np.float64)
        self.context_types = np.array([t for _, t in totals] or [0], dtype=np.float64)
        seen = sorted(
            (int(self.context[ids[t], ids[u]]) * n + ids[w], count)
            for (t, u, w), count in model.trigrams.items()
            if t in ids and u in ids and w in ids
        )
        self.trigram_codes = np.array([code for code, _ in seen] or [-1], dtype=np.int64)
        self.trigram_counts = np.array([count for _, count in seen] or [0], dtype=np.float64)
        # every token met: its options' key ids and penalties (padded with unseen keys that score minus infinity)
        self.tokens: dict[str, int] = {}
        self.token_keys = np.full((256, 4), self.unseen, dtype=np.int64)
        self.token_penalties = np.full((256, 4), -np.inf)
        self.token_widths = np.zeros(256, dtype=np.int64)

    def token_ids(self, tokens: Sequence[str], options: Callable[[str], Options]) -> list[int]:
        """The index of each token in the tables, the new ones added with their ``options`` (keys, penalties)."""
        found = list(map(self.tokens.get, tokens))
        if None in found:
            for i, token in enumerate(tokens):
                if found[i] is None:
                    forms, penalties, _reads = options(token)
                    found[i] = self._add(token, forms, penalties)
        return found  # type: ignore[return-value]  # no None is left

    def _add(self, token: str, forms: Sequence[str], penalties: Sequence[float]) -> int:
        index = self.tokens.get(token)
        if index is not None:
            return index
        index = self.tokens[token] = len(self.tokens)
        rows, width = self.token_keys.shape
        if index >= rows or len(forms) > width:
            rows, width = max(rows, 2 * index), max(width, len(forms))
            keys = np.full((rows, width), self.unseen, dtype=np.int64)
            keys[: self.token_keys.shape[0], : self.token_keys.shape[1]] = self.token_keys
            found = np.full((rows, width), -np.inf)
            found[: self.token_keys.shape[0], : self.token_keys.shape[1]] = self.token_penalties
            widths = np.zeros(rows, dtype=np.int64)
            widths[: len(self.token_widths)] = self.token_widths
            self.token_keys, self.token_penalties, self.token_widths = keys, found, widths
        known = self.model.unigrams
        self.token_keys[index, : len(forms)] = [self.ids[f] if f in known else self.unseen for f in forms]
        self.token_penalties[index, : len(forms)] = penalties
        self.token_widths[index] = len(forms)
        return index

    def _free(self, u: npt.NDArray[np.int64], w: npt.NDArray[np.int64]) -> npt.NDArray[np.float64]:
        found = self.free[u, w]
        missing = np.isnan(found)
        if missing.any():
            heads, keys = (side[missing] for side in np.broadcast_arrays(u, w))
            self.free[heads, keys] = list(map(math.log, self.p2[heads, keys].tolist()))
            found = self.free[u, w]
        return found

    def logprobs(
        self, t: npt.NDArray[np.int64], u: npt.NDArray[np.int64], w: npt.NDArray[np.int64]
    ) -> npt.NDArray[np.float64]:
        """``Model.logprob`` of every (t[a2], u[a], w[b]) of each row: shape (rows, a2, a, b)."""
        rows, k = w.shape
        lp = np.broadcast_to(self._free(u[:, :, None], w[:, None, :])[:, None, :, :], (rows, k, k, k)).copy()
        context = self.context[t[:, :, None], u[:, None, :]]
        mask = (context[:, :, :, None] >= 0) & self.known[w][:, None, None, :]
        if mask.any():
            where = np.nonzero(mask)
            found, key = context[where[:3]], w[where[0], where[3]]
            codes = found.astype(np.int64) * self.size + key
            at = np.minimum(np.searchsorted(self.trigram_codes, codes), len(self.trigram_codes) - 1)
            count = np.where(self.trigram_codes[at] == codes, self.trigram_counts[at], 0.0)
            total, types = self.context_total[found], self.context_types[found]
            p2 = self.p2[u[where[0], where[2]], key]
            # max(count - DISCOUNT, 0.0) / total + DISCOUNT * types / total * p2, element by element
            p = np.maximum(count - DISCOUNT, 0.0) / total + (DISCOUNT * types / total) * p2
            lp[where] = list(map(math.log, p.tolist()))
        return lp


def best_paths(tables: Tables, token_ids: Sequence[int], piece_lengths: Sequence[int]) -> list[list[tuple[int, int]]]:
    """For each piece (its length's tokens in a row of ``token_ids``, indices of :meth:`Tables.token_ids`), the
    (position, option) of each token whose option on the best path is not its first (the token as read)."""
    out: list[list[tuple[int, int]]] = [[] for _ in range(len(piece_lengths))]
    tokens = np.array(token_ids, dtype=np.int64)
    lengths = np.array(piece_lengths, dtype=np.int64)
    starts = np.cumsum(lengths) - lengths
    widths = np.maximum.reduceat(tables.token_widths[tokens], starts)
    # pieces of two options a token at most, of three, and the rest (few) at the widest: fewer arrays, fewer calls
    buckets = np.where(widths > 3, max(int(widths.max()), 4), np.where(widths == 3, 3, 2))
    for width in np.unique(buckets).tolist():
        members = np.flatnonzero(buckets == width)
        members = members[np.argsort(-lengths[members], kind="stable")]  # the longest first: those read are a prefix
        start = 0
        while start < len(members):  # in chunks of at most _MAX_CELLS scores, the longest piece setting the length
            size = max(1, _MAX_CELLS // ((int(lengths[members[start]]) + 2) * width**3))
            chunk = members[start : start + size]
            count = lengths[chunk]
            taken = np.repeat(starts[chunk] - (np.cumsum(count) - count), count) + np.arange(int(count.sum()))
            rows, cols, options = _group_paths(tables, tokens[taken], count, width)
            for row, col, option in zip(chunk[rows].tolist(), cols.tolist(), options.tolist(), strict=True):
                out[row].append((col, option))
            start += size
    return out


def _group_paths(
    tables: Tables, tokens: npt.NDArray[np.int64], lengths: npt.NDArray[np.int64], k: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """(piece, position, option) of the options not first on the paths of pieces of ``lengths`` tokens, the longest
    first, no token with more than ``k`` options."""
    count, longest = len(lengths), int(lengths[0])
    # the ids and penalties of every token, padded to k; positions 0 and 1 are the opening boundary
    which = np.repeat(np.arange(count), lengths)
    at = np.arange(len(tokens)) - np.repeat(np.cumsum(lengths) - lengths, lengths) + 2
    ids = np.full((count, longest + 2, k), tables.unseen, dtype=np.int64)
    ids[:, :2, 0] = tables.boundary
    ids[which, at] = tables.token_keys[tokens, :k]
    penalty = np.full((count, longest + 2, k), -np.inf)
    penalty[:, :2, 0] = 0.0
    penalty[which, at] = tables.token_penalties[tokens, :k]
    logprob = np.zeros((count, longest + 2, k, k, k))
    logprob[which, at] = tables.logprobs(ids[which, at - 2], ids[which, at - 1], ids[which, at])
    # forward: scores[piece, a, b] of the states after each position; the pieces still read are a prefix
    scores = np.full((count, k, k), -np.inf)
    scores[:, 0, 0] = 0.0
    back = np.zeros((count, longest + 2, k, k), dtype=np.int64)
    reading = [int(n) for n in np.searchsorted(-lengths, -np.arange(longest + 1), side="right")]  # pieces >= length
    for j in range(2, longest + 2):
        n = reading[j - 1]
        s = (scores[:n, :, :, None] + penalty[:n, j, None, None, :]) + logprob[:n, j]
        arg = s.argmax(axis=1)
        back[:n, j] = arg
        scores[:n] = s.max(axis=1)  # the score at ``arg``: the greatest is one of them, exactly
    last = scores.reshape(count, k * k).argmax(axis=1)
    a, b = last // k, last % k
    path = np.zeros((count, longest + 2), dtype=np.int64)
    for j in range(longest + 1, 1, -1):
        n = reading[j - 1]
        rows = np.arange(n)
        path[:n, j] = b[:n]
        before = back[rows, j, a[:n], b[:n]]
        b[:n] = a[:n]
        a[:n] = before
    rows, cols = np.nonzero(path[:, 2:])  # a piece's positions past its end hold option 0
    return rows, cols, path[rows, cols + 2]
