"""The learned target filter: shipped as JSON weights, judges every quantity read, retrains from gold files.

Probe texts are written here, not taken from the corpus.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents import target_training, training_set
from ansinh.documents.parsing import extract_plan, target_learned

PLAN = """ỦY BAN NHÂN DÂN TỈNH AN HÒA
Số: 12/KH-UBND
KẾ HOẠCH
Thực hiện chính sách an sinh xã hội năm 2027
I. KẾT QUẢ THỰC HIỆN NĂM 2026
Năm 2026, tỷ lệ hộ nghèo đã giảm còn 3,1%; đã đạt 96% kế hoạch giao.
II. MỤC TIÊU
1. Mục tiêu cụ thể
- Phấn đấu đến năm 2027 tỷ lệ hộ nghèo giảm còn 2,5%.
- Tỷ lệ người dân tham gia bảo hiểm y tế đạt trên 95% vào năm 2027.
III. CƠ CHẾ HỖ TRỢ
Mức hỗ trợ không quá 50% chi phí mua thẻ bảo hiểm y tế.
IV. TỔ CHỨC THỰC HIỆN
Sở Y tế định kỳ hằng năm báo cáo Ủy ban nhân dân tỉnh.
"""


def test_the_shipped_model_is_json_weights_with_a_mode() -> None:
    model = target_learned.load_model()
    assert model is not None
    assert model["mode"] in target_learned.MODES
    assert all(isinstance(w, float | int) for w in model["weights"].values())  # type: ignore[union-attr]


def test_a_plan_keeps_its_objectives_and_drops_past_results_and_support_caps() -> None:
    targets = extract_plan(PLAN, "probe")["targets"]
    values = sorted((t["value"], t["year"]) for t in targets)  # type: ignore[index]
    assert (2.5, 2027) in values
    assert (95, 2027) in values
    assert all(t["value"] not in (3.1, 96, 50) for t in targets)  # type: ignore[index]


@pytest.mark.parametrize("mode", target_learned.MODES)
def test_every_mode_reads_the_objectives_of_the_probe_plan(mode: str) -> None:
    saved = target_learned.MODE
    target_learned.MODE = mode
    try:
        targets = extract_plan(PLAN, "probe")["targets"]
    finally:
        target_learned.MODE = saved
    assert any(t["value"] == 2.5 for t in targets)  # type: ignore[index]


def test_without_a_model_the_rules_alone_are_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(target_learned, "load_model", lambda path="": None)
    targets = extract_plan(PLAN, "probe")["targets"]
    assert any(t["value"] == 2.5 for t in targets)  # type: ignore[index]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(alphabet="abcdđê%‰/:;.,-0123456789 \n", max_size=20), max_size=12))
def test_the_probability_is_a_probability_whatever_the_features(feats: list[str]) -> None:
    model = target_learned.load_model()
    assert model is not None
    assert 0.0 <= target_learned.probability(model, feats) <= 1.0


@settings(max_examples=25, deadline=None)
@given(st.text(alphabet="Phấn đấu năm 2030 tỷ lệ hộ nghèo đạt 12,5% ‰ trên 100.000 dân; I. II. 1. a) -\n", max_size=300))
def test_the_learned_reading_never_raises_on_noise(text: str) -> None:
    saved = target_learned.MODE
    target_learned.MODE = "learned"
    try:
        result = extract_plan(text, "noise")
    finally:
        target_learned.MODE = saved
    assert isinstance(result["targets"], list)


def test_the_trainer_fits_a_separable_toy_set() -> None:
    examples = [(["cue"], 1)] * 20 + [(["past"], 0)] * 20
    model = target_training.fit(examples, epochs=20)
    assert target_learned.probability(model, ["cue"]) > 0.8
    assert target_learned.probability(model, ["past"]) < 0.2


def test_training_reads_the_development_part_only(tmp_path: Path) -> None:
    gold, docs = tmp_path / "gold", tmp_path / "docs"
    gold.mkdir()
    docs.mkdir()
    for name in ("mot", "hai"):
        (docs / f"{name}.txt").write_text(PLAN, encoding="utf-8")
        (gold / f"{name}.json").write_text(json.dumps({"doc": name, "targets": []}), encoding="utf-8")
    (tmp_path / "split.json").write_text(json.dumps({"dev": ["mot"], "test": ["hai"]}), encoding="utf-8")
    found = target_training.training_documents([gold], [docs])
    assert list(found) == ["gold/mot"]


def test_parse_train_writes_a_model_and_prints_leave_one_out(tmp_path: Path) -> None:
    gold, docs = tmp_path / "gold", tmp_path / "docs"
    gold.mkdir()
    docs.mkdir()
    targets = [{"indicator": "Tỷ lệ hộ nghèo", "text": "tỷ lệ hộ nghèo giảm còn 2,5%", "value": 2.5, "unit": "%",
                "year": 2027, "comparator": "<="}]
    for name in ("mot", "hai"):
        (docs / f"{name}.txt").write_text(PLAN, encoding="utf-8")
        (gold / f"{name}.json").write_text(json.dumps({"doc": name, "targets": targets}), encoding="utf-8")
    out = io.StringIO()
    model_path = tmp_path / "model.json"
    call_command("bench", "parse-train", "--gold", str(gold), "--docs", str(docs), "--loo", "--out", str(model_path),
                 stdout=out)
    assert "leave-one-out" in out.getvalue()
    assert json.loads(model_path.read_text(encoding="utf-8"))["weights"]


def test_parse_train_refuses_a_missing_folder_in_vietnamese(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="không có thư mục"):
        call_command("bench", "parse-train", "--gold", str(tmp_path / "khong-co"), "--docs", str(tmp_path),
                     stdout=io.StringIO())


def test_parse_train_refuses_unpaired_folders_in_vietnamese(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="cần đúng một --docs"):
        call_command("bench", "parse-train", "--gold", str(tmp_path), "--gold", str(tmp_path), "--docs", str(tmp_path),
                     stdout=io.StringIO())


def test_training_with_a_split_file_reads_only_its_development_part(tmp_path: Path) -> None:
    gold, docs = tmp_path / "gold", tmp_path / "docs"
    gold.mkdir()
    docs.mkdir()
    for name in ("mot", "hai", "ba"):
        (docs / f"{name}.txt").write_text(PLAN, encoding="utf-8")
        (gold / f"{name}.json").write_text(json.dumps({"doc": name, "targets": []}), encoding="utf-8")
    split = tmp_path / "fit.json"
    split.write_text(json.dumps({"dev": ["mot", "ba"], "test": ["hai"]}), encoding="utf-8")
    found = target_training.training_documents([gold], [docs], str(split))
    assert sorted(found) == ["gold/ba", "gold/mot"]


def test_a_lower_capacity_fit_leaves_out_rare_and_dropped_features() -> None:
    examples = [(["cue", "h:muc_tieu"], 1)] * 20 + [(["past"], 0)] * 20 + [(["rare"], 1)]
    model = target_training.fit(examples, epochs=20, min_count=3, drop=("h:",))
    weights = model["weights"]
    assert isinstance(weights, dict)
    assert "cue" in weights and "rare" not in weights and "h:muc_tieu" not in weights


def test_a_stronger_penalty_keeps_the_weights_smaller() -> None:
    examples = [(["cue"], 1)] * 18 + [(["cue"], 0)] * 2 + [(["past"], 0)] * 20
    weak = target_training.fit(examples, epochs=30, l2=0.1)["weights"]
    strong = target_training.fit(examples, epochs=30, l2=50.0)["weights"]
    assert isinstance(weak, dict) and isinstance(strong, dict)
    assert abs(strong["cue"]) < abs(weak["cue"])


def _values_with(model: dict[str, object]) -> list[object]:
    saved_model, saved_mode = target_learned.MODEL, target_learned.MODE
    target_learned.MODEL, target_learned.MODE = model, "learned"
    try:
        return sorted(t["value"] for t in extract_plan(PLAN, "probe")["targets"])  # type: ignore[index]
    finally:
        target_learned.MODEL, target_learned.MODE = saved_model, saved_mode


def test_a_doubtful_model_keeps_what_the_rules_read_on_the_lower_rule_threshold_only() -> None:
    doubtful = {"mode": "learned", "bias": -0.85, "weights": {}, "threshold": 0.5}  # p = 0.3 for every value
    assert 95 not in _values_with(doubtful)  # below the threshold, and no "phấn đấu" to keep it
    kept = _values_with({**doubtful, "rule_threshold": 0.2})
    assert 95 in kept and 2.5 in kept  # the objectives' values, which the rules read
    assert all(v not in kept for v in (3.1, 96, 50))  # past results and caps: only the broad reading finds them


@settings(max_examples=15, deadline=None)
@given(bias=st.floats(-4, 4), rule_threshold=st.floats(0.01, 0.99))
def test_a_lower_rule_threshold_never_keeps_fewer_values(bias: float, rule_threshold: float) -> None:
    model = {"mode": "learned", "bias": bias, "weights": {}, "threshold": 0.5}
    plain = _values_with({**model, "rule_threshold": 0.5})
    lowered = _values_with({**model, "rule_threshold": min(rule_threshold, 0.5)})
    assert all(lowered.count(v) >= plain.count(v) for v in plain)


def test_the_target_trainer_refuses_a_name_of_the_corpus_test_part_too(tmp_path: Path) -> None:
    gold, docs = tmp_path / "gold", tmp_path / "docs"
    gold.mkdir()
    docs.mkdir()
    (docs / "mot.txt").write_text(PLAN, encoding="utf-8")
    (gold / "mot.json").write_text(json.dumps({"doc": "mot", "targets": []}), encoding="utf-8")
    (tmp_path / "split.json").write_text(json.dumps({"dev": ["mot"], "test": []}), encoding="utf-8")
    with pytest.raises(FileNotFoundError, match="từ chối"):
        training_set.training_documents([gold], [docs], protected={"mot"}, by_folder=True)
    assert list(target_training.training_documents([gold], [docs])) == ["gold/mot"]


@settings(max_examples=20, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["an", "binh", "cao", "dong"]), st.integers(1, 99)), min_size=1, max_size=12,
                unique=True))
def test_an_issuer_is_never_on_both_sides_of_a_fold(docs: list[tuple[str, int]]) -> None:
    names = [f"gold/{issuer}-ubnd-kh-{number}-2026" for issuer, number in docs]
    folds = training_set.issuer_folds(names, ["fixtures/xa-moi-kh-2026"])
    assert sorted(n for _, _, tested in folds for n in tested) == sorted(names)  # every document tested once
    for issuer, trained, tested in folds:
        assert {training_set.issuer_of(n) for n in tested} == {issuer}
        assert issuer not in {training_set.issuer_of(n) for n in trained}
        assert "fixtures/xa-moi-kh-2026" in trained  # invented documents are trained on in every fold, never tested


def test_parse_train_group_cv_holds_out_the_corpus_issuers_only(tmp_path: Path) -> None:
    corpus, fixtures = tmp_path / "corpus", tmp_path / "fixtures"
    corpus.mkdir()
    fixtures.mkdir()
    targets = [{"indicator": "Tỷ lệ hộ nghèo", "text": "tỷ lệ hộ nghèo giảm còn 2,5%", "value": 2.5, "unit": "%",
                "year": 2027, "comparator": "<="}]
    for folder, name in ((corpus, "an-ubnd-kh-1-2027"), (corpus, "binh-ubnd-kh-2-2027"), (fixtures, "xa-kh-2027")):
        (folder / f"{name}.txt").write_text(PLAN, encoding="utf-8")
        (folder / f"{name}.json").write_text(json.dumps({"doc": name, "targets": targets}), encoding="utf-8")
    (corpus / "split.json").write_text(json.dumps({"dev": ["an-ubnd-kh-1-2027", "binh-ubnd-kh-2-2027"], "test": []}),
                                       encoding="utf-8")
    result = target_training.run({"gold": [str(corpus), str(fixtures)], "docs": [str(corpus), str(fixtures)],
                                  "group_cv": True}, lambda line: None)
    assert result["documents"] == 3
    tested = result["issuer_cv_documents"]["learned"]  # type: ignore[index]
    assert sorted(tested) == ["an-ubnd-kh-1-2027", "binh-ubnd-kh-2-2027"]  # the fixture is never held out
