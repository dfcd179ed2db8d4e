"""The batch search of lib/folded_viterbi gives the plain search's scores and paths, float for float."""

from __future__ import annotations

import math
import random
import re

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.lib.diacritics import _BOUNDARY, Model, fold_model, folded_model, train, viterbi
from ansinh.lib.folded_viterbi import Tables, best_paths
from ansinh.lib.ocr_folded import _Search, folded_readings
from tests.sizes import size

# An invented text of a provincial plan, typed with its marks (the model is trained on it).
TEXT = """Ủy ban nhân dân tỉnh giao Sở Y tế chủ trì, phối hợp với các sở, ngành liên quan tổ chức thực hiện kế hoạch.
Sở Tài chính bố trí kinh phí thực hiện các nhiệm vụ của kế hoạch trong dự toán ngân sách hằng năm.
Các cơ quan, đơn vị báo cáo kết quả thực hiện về Sở Y tế trước ngày 15 tháng 12 hằng năm.
Ủy ban nhân dân các huyện chủ trì tổ chức thực hiện các nhiệm vụ trên địa bàn, phối hợp với các cơ quan liên quan.
"""


def _model() -> Model:
    return fold_model(train([TEXT] * 3))


def test_every_score_of_the_tables_is_the_models_own_float() -> None:
    model = _model()
    tables = Tables(model)
    names = [*model.unigrams, "thyc", _BOUNDARY]
    ids = np.array([tables.ids.get(n, tables.unseen) for n in names], dtype=np.int64)
    t, u, w = np.meshgrid(ids, ids, ids, indexing="ij")
    rows = t.size
    # one row per (t, u, w): a2, a and b each of width one
    found = tables.logprobs(t.reshape(rows, 1), u.reshape(rows, 1), w.reshape(rows, 1)).reshape(len(ids), len(ids), len(ids))
    for i, tn in enumerate(names):
        for j, un in enumerate(names):
            for k, wn in enumerate(names):
                if wn == _BOUNDARY:
                    continue  # no token reads as the boundary
                assert found[i, j, k] == model.logprob(tn, un, wn), (tn, un, wn)


def _random_options(rng: random.Random, keys: list[str]) -> list[list[tuple[str, float]]]:
    out = []
    for _ in range(rng.randint(1, 7)):
        forms = rng.sample([*keys, "thyc", "nuac"], rng.randint(1, 4))
        out.append([(form, rng.choice([0.0, math.log(1e-3), math.log(1e-1), 2 * math.log(1e-3)])) for form in forms])
    return out


@settings(max_examples=size(30, 120), deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_the_paths_of_many_pieces_searched_at_once_are_the_plain_searchs(seed: int) -> None:
    model = _model()
    rng = random.Random(seed)
    keys = sorted(model.unigrams)
    pieces = [_random_options(rng, keys) for _ in range(rng.randint(1, 12))]
    tables = Tables(model)
    tokens: list[int] = []
    for n, piece in enumerate(pieces):
        for m, options in enumerate(piece):  # each position a token of its own
            forms = tuple(form for form, _ in options)
            tokens.append(tables._add(f"t{n}_{m}", forms, tuple(p for _, p in options)))
    lengths = np.array([len(piece) for piece in pieces], dtype=np.int64)
    chosen = best_paths(tables, np.array(tokens, dtype=np.int64), lengths)
    for piece, found in zip(pieces, chosen, strict=True):
        expected = viterbi(model, piece)
        path = [options[0][0] for options in piece]
        for i, b in found:
            path[i] = piece[i][b][0]
        assert path == expected


def test_a_misread_run_is_read_the_same_when_its_pieces_were_read_before() -> None:
    text = "Cac ca quan phoi hop vai So Y te thyc hien ke hoach. Cac ca quan bao cao ket qua thyc hien ve So Y te."
    model = folded_model()
    first = folded_readings(text, model)
    assert folded_readings(text, model) == first
    assert {word for _s, _e, word in first} >= {"co", "voi", "thuc"}


def _pieces_one_phrase_at_a_time(search: _Search, text: str) -> list[tuple[int, tuple[str, ...]]]:
    """The pieces as found before the whole-text codes: phrase by phrase, run by run, token by token."""
    out: list[tuple[int, tuple[str, ...]]] = []
    index = 0
    for phrase in re.finditer(r"[A-Za-z0-9]+(?:[ \t\n\r\f\v\u00a0]+[A-Za-z0-9]+)*", text):
        runs: list[list[tuple[int, str]]] = [[]]
        for token in re.findall(r"[A-Za-z0-9]+", phrase.group(0)):
            if token.isdigit():
                runs.append([])
            else:
                runs[-1].append((index, token))
            index += 1
        for run in runs:
            fixed = [len(search.options(t)[0]) == 1 for _, t in run]
            start, some = 0, False
            for j in range(len(run)):
                some = some or not fixed[j]
                if j + 1 < len(run) and not (j > start and fixed[j - 1] and fixed[j]):
                    continue
                if some:
                    out.append((run[start][0], tuple(t for _, t in run[start : j + 1])))
                start, some = max(j - 1, start), False
    return out


@settings(max_examples=size(60, 250), deadline=None)
@given(st.lists(st.sampled_from(["cac", "ca", "quan", "thyc", "hien", "Bp", "so", "12", "2030", "ke", "hoach", "don",
                                 "vi", " ", "  ", "\n", ", ", ". ", " - ", "\u00a0", "(", "x2", "Vy"]), max_size=40))
def test_a_texts_pieces_are_those_its_phrases_give_one_by_one(parts: list[str]) -> None:
    text = " ".join(parts)
    search = _Search(folded_model())
    assert search.pieces(text)[1] == _pieces_one_phrase_at_a_time(search, text)
