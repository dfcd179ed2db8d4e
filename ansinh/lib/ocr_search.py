"""The reading search of :func:`ansinh.lib.ocr_cleanup.fix_tokens`: :func:`ansinh.lib.diacritics.viterbi`'s path with
fewer scores — the same floats in the same order, so the same path, ties included.

Two facts of the trigram model let most scores go uncomputed:

- a state (t, u) the trigram counts never saw as a context scores every next form w by P(w | u) alone, so among such
  states with the same u only the best (and any whose score is within rounding of it, which might tie) can win (u, w);
- a form w never seen after u gets P(w | u) = DISCOUNT * types(u) / total(u) * P(w), and a log-probability is at
  most 0: the free (u, w) are scored from the u with the best score plus log weight down, until the bound of the next
  one falls below the best free (u', w) found by more than rounding. Such a (u, w) can neither win at the next step
  (where only states within rounding of the best free one are kept) nor end the path, so it is left out; the pairs the
  bigrams or the trigram contexts hold, and the states that have a trigram context, are always scored.
"""

from __future__ import annotations

import math

from ansinh.lib.diacritics import _BOUNDARY, DISCOUNT, Model, best_path, viterbi

_State = tuple[str, str]
# A state that may win: (order in the beam, state, score, (DISCOUNT * types / total, total) of its trigram context).
_Member = tuple[int, _State, float, "tuple[float, int] | None"]
_MAX_PAIRS = 200_000
_NONE: frozenset[str] = frozenset()


class _Tables:
    """What the search asks of one model, read once: contexts' weights, forms seen before each form, logs."""

    def __init__(self, model: Model) -> None:
        self.model = model
        self.contexts = {c: (DISCOUNT * types / total, total) for c, (total, types) in model.contexts2.items()}
        preceding: dict[str, set[str]] = {}
        for u, w in [*model.bigrams, *model.contexts2]:
            preceding.setdefault(w, set()).add(u)
        self.preceding = {w: frozenset(us) for w, us in preceding.items()}
        self.log_p1: dict[str, float] = {}
        self.log_weight: dict[str, float] = {}
        self.pairs: dict[_State, tuple[float, float]] = {}

    def pair(self, u: str, w: str) -> tuple[float, float]:
        """``model.p_bigram(u, w)`` and ``model.logprob(t, u, w)`` for a t where (t, u) is no trigram context."""
        found = self.pairs.get((u, w))
        if found is None:
            if len(self.pairs) >= _MAX_PAIRS:
                self.pairs.clear()
            if w in self.model.unigrams:
                p2 = self.model.p_bigram(u, w)
                found = (p2, math.log(p2))  # logprob's own arithmetic when (t, u) is no trigram context
            else:
                found = (0.0, self.model.logprob(_BOUNDARY, u, w))  # an unseen form: one constant for every context
            self.pairs[(u, w)] = found
        return found

    def weight(self, u: str) -> float:
        """log of the factor P(w) gets after ``u`` for a w never seen after it (0 when u opens no bigram)."""
        found = self.log_weight.get(u)
        if found is None:
            ctx = self.model.contexts1.get(u)
            found = self.log_weight[u] = 0.0 if ctx is None else math.log(DISCOUNT * ctx[1] / ctx[0])
        return found

    def p1(self, w: str) -> float:
        found = self.log_p1.get(w)
        if found is None:
            found = self.log_p1[w] = math.log(self.model.p_unigram(w))
        return found


_TABLES: dict[int, _Tables] = {}


def _tables(model: Model) -> _Tables:
    found = _TABLES.get(id(model))
    if found is None or found.model is not model:
        found = _TABLES[id(model)] = _Tables(model)
    return found


def _competitors(members: list[_Member]) -> tuple[list[_Member], bool]:
    """The members that may win a next state, in beam order, and whether none of them has a trigram context."""
    if len(members) == 1:
        return members, members[0][3] is None
    free = [m for m in members if m[3] is None]
    all_free = len(free) == len(members)
    if len(free) > 1:
        best = max(m[2] for m in free)
        margin = 1e-9 * (abs(best) + 100.0)  # far above the rounding of two additions (scores stay small)
        free = [m for m in free if m[2] >= best - margin]
    if all_free:
        return free, True
    return sorted([*free, *(m for m in members if m[3] is not None)]), False


def grouped_viterbi(model: Model, options: list[list[tuple[str, float]]]) -> list[str]:
    """:func:`ansinh.lib.diacritics.viterbi`'s path for ``options`` (see the module's note)."""
    if any(len({form for form, _ in cands}) != len(cands) for cands in options):
        return viterbi(model, options)  # a form offered twice competes with itself in an order kept only there
    tables = _tables(model)
    contexts, trigrams, unigrams = tables.contexts, model.trigrams, model.unigrams
    beams: dict[_State, float] = {(_BOUNDARY, _BOUNDARY): 0.0}
    backpointers: list[dict[_State, _State]] = []
    offered: dict[str, int] = {}  # the previous position's forms in the order offered
    for cands in options:
        groups: dict[str, list[_Member]] = {}
        for index, (state, score) in enumerate(beams.items()):
            member = (index, state, score, contexts.get(state))
            group = groups.get(state[1])
            if group is None:
                groups[state[1]] = [member]
            else:
                group.append(member)
        # The plain search meets each u in the order it was offered (its first row reaches every form), even when
        # the state that first held u here was left out: rows in that order keep its ties, the last one included.
        groups = dict(sorted(groups.items(), key=lambda item: offered.get(item[0], 0)))
        offered = {}
        for w, _penalty in cands:
            offered.setdefault(w, len(offered))
        rows: list[tuple[str, list[_Member]]] = []
        hard: list[int] = []  # rows with a state in a trigram context: scored for every w
        simple: dict[str, int] = {}
        ranked: list[tuple[float, int]] = []
        for u, members in groups.items():
            competitors, free = _competitors(members)
            if free:
                simple[u] = len(rows)
                ranked.append((max(m[2] for m in competitors) + tables.weight(u), len(rows)))
            else:
                hard.append(len(rows))
            rows.append((u, competitors))
        ranked.sort(reverse=True)
        found: list[tuple[int, int, _State, float, _State]] = []
        for j, (w, penalty) in enumerate(cands):
            known = w in unigrams
            if known:
                before = tables.preceding.get(w, _NONE)
                exact = [*hard, *(simple[u] for u in before if u in simple)] if len(before) < len(simple) else [
                    *hard, *(g for u, g in simple.items() if u in before)]
            else:
                exact = list(range(len(rows)))
            best_free: float | None = None
            floor = 0.0
            for g in exact:
                key, best_s, best_state = _score(rows[g], w, penalty, known, tables, trigrams)
                found.append((g, j, key, best_s, best_state))
                if key not in contexts and (best_free is None or best_s > best_free):
                    best_free, floor = best_s, best_s - 2e-9 * (abs(best_s) + 100.0)  # twice the next step's margin
            if not known:
                continue
            done = set(exact)
            limit = penalty + tables.p1(w)
            for bound, g in ranked:
                if g in done:
                    continue
                bound += limit
                if best_free is not None and bound + 1e-9 * (abs(bound) + 200.0) < floor:
                    break  # this u and every one ranked after it score (u, w) below the best free one
                key, best_s, best_state = _score(rows[g], w, penalty, known, tables, trigrams)
                found.append((g, j, key, best_s, best_state))
                if best_free is None or best_s > best_free:  # (u, w) is free: its pair is no bigram
                    best_free, floor = best_s, best_s - 2e-9 * (abs(best_s) + 100.0)
        found.sort()  # the original order: by u as first met, then by w as offered
        nxt: dict[_State, float] = {}
        back: dict[_State, _State] = {}
        for _g, _j, key, best_s, best_state in found:
            nxt[key] = best_s
            back[key] = best_state
        beams = nxt
        backpointers.append(back)
    return best_path(beams, backpointers)


def _score(
    row: tuple[str, list[_Member]],
    w: str,
    penalty: float,
    known: bool,
    tables: _Tables,
    trigrams: dict[tuple[str, str, str], int],
) -> tuple[_State, float, _State]:
    """The score of (u, w) from the best of the row's states, the first one on a tie (as the plain search keeps)."""
    u, competitors = row
    p2, free_lp = tables.pair(u, w)
    best_s = 0.0
    best_state: _State | None = None
    for _index, state, score, weight in competitors:
        if weight is None or not known:
            lp = free_lp
        else:
            count = trigrams.get((state[0], u, w), 0)
            # logprob's arithmetic: max(count - DISCOUNT, 0.0) / total + DISCOUNT * types / total * p2
            lp = math.log((count - DISCOUNT if count > DISCOUNT else 0.0) / weight[1] + weight[0] * p2)
        s = score + penalty + lp
        if best_state is None or s > best_s:  # (u, w) is reached from this row only
            best_s, best_state = s, state
    assert best_state is not None
    return (u, w), best_s, best_state
