"""The batch search of lib/folded_viterbi gives the plain search's scores and paths, float for float."""

from __future__ import annotations

import math
import random

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.lib.diacritics import _BOUNDARY, Model, fold_model, folded_model, train, viterbi
from ansinh.lib.folded_viterbi import Tables, best_paths
from ansinh.lib.ocr_folded import folded_readings
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
