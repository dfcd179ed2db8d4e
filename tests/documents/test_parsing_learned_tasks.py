"""The learned task judge: shipped as JSON weights, adds outline items it is sure are tasks, retrains from gold files
of the development part only.

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

from ansinh.documents import task_training
from ansinh.documents.bench import find_scorer
from ansinh.documents.parsing import extract_plan, task_learned
from ansinh.documents.parsing.pipeline import read_parts
from ansinh.documents.parsing.tasks import extract_tasks

PLAN = """ỦY BAN NHÂN DÂN XÃ AN PHÚ
Số: 31/KH-UBND
KẾ HOẠCH
Chuyển đổi số trên địa bàn xã năm 2027
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Nâng cao nhận thức của cán bộ, công chức và người dân về chuyển đổi số.
2. Yêu cầu
Bám sát chỉ đạo của huyện, phù hợp điều kiện thực tế của xã.
II. NHIỆM VỤ, GIẢI PHÁP
1. Tăng cường tuyên truyền về chuyển đổi số trong cán bộ, công chức và Nhân dân.
2. Xây dựng cơ sở dữ liệu dân cư dùng chung của xã, cập nhật thường xuyên.
3. Tổ chức tập huấn kỹ năng số cho người dân ở các thôn.
4. Rà soát, nâng cấp hạ tầng mạng tại trụ sở Ủy ban nhân dân xã.
III. TỔ CHỨC THỰC HIỆN
Văn phòng Ủy ban nhân dân xã chủ trì theo dõi, đôn đốc thực hiện Kế hoạch này.
"""

GOLD = {"doc": "probe", "tasks": [
    {"number": "1", "title": "Tăng cường tuyên truyền về chuyển đổi số trong cán bộ, công chức và Nhân dân"},
    {"number": "2", "title": "Xây dựng cơ sở dữ liệu dân cư dùng chung của xã, cập nhật thường xuyên"},
    {"number": "3", "title": "Tổ chức tập huấn kỹ năng số cho người dân ở các thôn"},
    {"number": "4", "title": "Rà soát, nâng cấp hạ tầng mạng tại trụ sở Ủy ban nhân dân xã"},
]}


def _rule_tasks(text: str):  # type: ignore[no-untyped-def]
    parts = read_parts(text)
    tasks = extract_tasks(parts.masked, parts.root, parts.tables, [(lt.start, lt.end, lt.tasks) for lt in parts.layout])
    return parts, tasks


def _enabled_model() -> dict[str, object]:
    model = task_learned.load_model()
    assert model is not None
    return {**model, "enabled": True}


def test_the_shipped_model_is_json_weights_with_thresholds() -> None:
    model = task_learned.load_model()
    assert model is not None
    assert all(isinstance(w, float | int) for w in model["weights"].values())  # type: ignore[union-attr]
    assert 0.5 <= float(model["fallback"]) <= float(model["add"]) <= 1.0  # type: ignore[arg-type]
    assert isinstance(model["enabled"], bool)


def test_the_shipped_model_was_trained_on_development_documents_only() -> None:
    model = task_learned.load_model()
    assert model is not None
    assert not set(model["trained_on"]) & task_training.corpus_test_names()  # type: ignore[call-overload]


def test_the_judge_reads_the_items_of_a_tasks_part_the_rules_cannot_name() -> None:
    parts = read_parts(PLAN)
    task_learned.unname_tasks_parts(parts.root)  # as if "NHIỆM VỤ, GIẢI PHÁP" were a heading the rules do not know
    assert extract_tasks(parts.masked, parts.root, parts.tables, []) == []
    judged = task_learned.judge_tasks(parts.masked, parts.root, [], model=_enabled_model())
    assert [t.number for t in judged] == ["1", "2", "3", "4"]
    assert judged[1].title.startswith("Xây dựng cơ sở dữ liệu")


def test_the_judge_adds_no_heading_and_no_item_of_the_aims() -> None:
    parts = read_parts(PLAN)
    task_learned.unname_tasks_parts(parts.root)
    titles = [t.title for t in task_learned.judge_tasks(parts.masked, parts.root, [], model=_enabled_model())]
    assert "MỤC ĐÍCH, YÊU CẦU" not in titles and "NHIỆM VỤ, GIẢI PHÁP" not in titles
    assert "Mục đích" not in titles and "Yêu cầu" not in titles and "TỔ CHỨC THỰC HIỆN" not in titles


def test_beside_the_rules_tasks_the_judge_adds_nothing() -> None:
    parts, tasks = _rule_tasks(PLAN)
    assert [t.number for t in tasks] == ["1", "2", "3", "4"]
    without_two = [t for t in tasks if t.number != "2"]
    assert task_learned.judge_tasks(parts.masked, parts.root, without_two, model=_enabled_model()) == without_two


def test_a_disabled_model_leaves_the_rules_tasks_as_they_are() -> None:
    parts, tasks = _rule_tasks(PLAN)
    model = {**_enabled_model(), "enabled": False}
    assert task_learned.judge_tasks(parts.masked, parts.root, tasks[:1], model=model) == tasks[:1]


def test_the_plan_reads_the_same_tasks_with_the_judge_on_and_off() -> None:
    saved = task_learned.ENABLED
    try:
        task_learned.ENABLED = False
        off = extract_plan(PLAN, "probe")["tasks"]
        task_learned.ENABLED = True
        on = extract_plan(PLAN, "probe")["tasks"]
    finally:
        task_learned.ENABLED = saved
    assert on == off


@settings(max_examples=25, deadline=None)
@given(st.text(alphabet="II. NHIỆM VỤ 1. a) - Sở Y tế chủ trì, phối hợp Tăng cường xây dựng:\n", max_size=300))
def test_the_judge_never_raises_on_noise(text: str) -> None:
    saved = task_learned.ENABLED
    task_learned.ENABLED = True
    try:
        result = extract_plan(text, "noise")
    finally:
        task_learned.ENABLED = saved
    assert isinstance(result["tasks"], list)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(alphabet="sk=|:_abcdeghnt0123456789", max_size=16), max_size=12))
def test_the_probability_is_a_probability_whatever_the_features(feats: list[str]) -> None:
    model = task_learned.load_model()
    assert model is not None
    assert 0.0 <= task_learned.probability(model, feats) <= 1.0


def test_training_labels_the_items_the_gold_holds() -> None:
    scorer = find_scorer(None)
    assert scorer is not None
    examples = task_training.examples_of(PLAN, GOLD, scorer)
    assert sum(y for _, y in examples) == 4
    assert all("s=num1" in feats for feats, y in examples if y)


def test_training_is_deterministic() -> None:
    scorer = find_scorer(None)
    assert scorer is not None
    examples = task_training.examples_of(PLAN, GOLD, scorer) * 3
    assert task_training.fit(examples, l2=8.0) == task_training.fit(examples, l2=8.0)


def _write_set(tmp_path: Path, names: list[str], split: dict[str, list[str]]) -> tuple[Path, Path]:
    gold, docs = tmp_path / "gold", tmp_path / "docs"
    gold.mkdir()
    docs.mkdir()
    for name in names:
        (docs / f"{name}.txt").write_text(PLAN, encoding="utf-8")
        (gold / f"{name}.json").write_text(json.dumps({**GOLD, "doc": name}), encoding="utf-8")
    (tmp_path / "split.json").write_text(json.dumps(split), encoding="utf-8")
    return gold, docs


def test_training_reads_the_development_part_only(tmp_path: Path) -> None:
    gold, docs = _write_set(tmp_path, ["mot", "hai"], {"dev": ["mot"], "test": ["hai"]})
    assert list(task_training.training_documents([gold], [docs], protected=set())) == ["mot"]


def test_training_refuses_a_split_that_lists_a_test_document_as_development(tmp_path: Path) -> None:
    gold, docs = _write_set(tmp_path, ["mot"], {"dev": ["mot"], "test": []})
    with pytest.raises(task_training.RefusedDocuments, match="từ chối"):
        task_training.training_documents([gold], [docs], protected={"mot"})


def test_the_training_command_refuses_a_name_of_the_corpus_test_part(tmp_path: Path) -> None:
    test_names = sorted(task_training.corpus_test_names())
    assert test_names  # the corpus keeps a test part
    gold, docs = _write_set(tmp_path, [test_names[0]], {"dev": [test_names[0]], "test": []})
    with pytest.raises(CommandError, match="từ chối"):
        call_command("bench", "task-train", "--gold", str(gold), "--docs", str(docs), stdout=io.StringIO())


def test_task_train_writes_a_model_and_prints_leave_one_out(tmp_path: Path) -> None:
    gold, docs = _write_set(tmp_path, ["mot", "hai"], {"dev": ["mot", "hai"], "test": []})
    out = io.StringIO()
    model_path = tmp_path / "model.json"
    call_command("bench", "task-train", "--gold", str(gold), "--docs", str(docs), "--loo", "--out", str(model_path),
                 stdout=out)
    assert "leave-one-out" in out.getvalue()
    written = json.loads(model_path.read_text(encoding="utf-8"))
    assert written["weights"] and written["trained_on"] == ["hai", "mot"]


def test_training_reads_a_document_once_for_both_its_readings() -> None:
    scorer = find_scorer(None)
    assert scorer is not None
    both = task_training.both_readings(PLAN, GOLD, scorer)
    assert both == task_training.examples_of(PLAN, GOLD, scorer) + task_training.examples_of(PLAN, GOLD, scorer,
                                                                                              unnamed=True)
