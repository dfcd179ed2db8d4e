"""The extractor on the four bundled sample plans: schema-valid, spans right, scorer goals met."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType
from typing import Any

import jsonschema
import pytest

from ansinh.documents.bench import find_scorer
from ansinh.documents.parsing import extract_plan, to_text_summary
from ansinh.lib.text import fold, normalize_text

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "ansinh" / "samples"
SCHEMA = json.loads((ROOT / "ansinh" / "documents" / "schema" / "plan-extract.schema.json").read_text("utf-8"))
SHARED = ROOT.parent / "shared"
NAMES = ["hanoi-plan-207", "hcmc-plan-53", "quangtri-phuong2-plan-63", "rachgia-plan-50"]


def _load(name: str) -> tuple[str, dict[str, Any]]:
    text = normalize_text((SAMPLES / f"{name}.txt").read_text("utf-8"))
    return text, extract_plan(text, name)


@pytest.fixture(scope="module")
def results() -> dict[str, tuple[str, dict[str, Any]]]:
    return {name: _load(name) for name in NAMES}


@pytest.mark.parametrize("name", NAMES)
def test_each_sample_extraction_validates_against_the_schema(results: dict[str, Any], name: str) -> None:
    _, result = results[name]
    jsonschema.validate(result, SCHEMA)
    assert result["doc"] == name


@pytest.mark.parametrize("name", NAMES)
def test_every_item_points_at_the_passage_it_came_from(results: dict[str, Any], name: str) -> None:
    text, result = results[name]
    for key in ("targets", "tasks", "reporting", "documents_to_issue", "projects"):
        for item in result[key]:
            s, e = item["span"]
            assert 0 <= s < e <= len(text)
    for target in result["targets"]:
        s, e = target["span"]
        # The verbatim text is the clean passage: every word of it is in the span.
        assert set(fold(target["text"]).split()) <= set(fold(text[s:e].replace("*", " ")).split())
    assert len(result["funding_spans"]) == len(result["funding"])


def test_it_reads_the_hanoi_header_and_annex_tables(results: dict[str, Any]) -> None:
    _, result = results["hanoi-plan-207"]
    meta = result["meta"]
    assert (meta["number"], meta["date"], meta["level"]) == ("207/KH-UBND", "2021-09-08", "province")
    unemployment = next(t for t in result["targets"] if fold(t["indicator"]).startswith("ty le that nghiep"))
    assert (unemployment["comparator"], unemployment["value"], unemployment["year"]) == ("<", 3, 2025)
    assert [m["value"] for m in unemployment["milestones"]] == [4, 4, 3, 3, 3]
    assert unemployment["baseline"]["value"] == pytest.approx(2.3)
    beds = next(t for t in result["targets"] if "giuong" in fold(t["indicator"]))
    assert (beds["comparator"], beds["value"], beds["value_max"]) == ("range", 30, 35)
    assert len(result["documents_to_issue"]) == 38
    assert {p["amount_million_vnd"] for p in result["projects"]} >= {307666, 1470000, 28305}


def test_it_attributes_assignment_blocks_to_the_items_they_name(results: dict[str, Any]) -> None:
    _, result = results["hcmc-plan-53"]
    tasks = {t["number"]: t for t in result["tasks"]}
    assert "1.3" not in tasks  # "Phân công thực hiện" is not a task
    assert tasks["2.2"]["lead"] == ["Công an Thành phố"]
    assert fold(tasks["4.1"]["lead"][0]) == "so giao duc va dao tao"
    assert len(tasks["4"]["lead"]) == 2  # the group gets the union of its items' leads


def test_it_reads_text_that_lost_its_diacritics(results: dict[str, Any]) -> None:
    _, result = results["rachgia-plan-50"]
    values = {(t["comparator"], t["value"]) for t in result["targets"]}
    assert {("<", 3.5), (">=", 5000), (">", 95), (">=", 68), ("approx", 30)} <= values
    assert all(t["year"] == 2030 for t in result["targets"])
    assert [t["number"] for t in result["tasks"]] == [str(i) for i in range(1, 8)]
    assert result["meta"]["level"] == "district"


def test_the_text_summary_is_vietnamese_and_names_the_targets(results: dict[str, Any]) -> None:
    _, result = results["quangtri-phuong2-plan-63"]
    summary = to_text_summary(result)
    assert "MỤC TIÊU, CHỈ TIÊU" in summary and "NHIỆM VỤ" in summary and "CHẾ ĐỘ BÁO CÁO" in summary
    assert "trước ngày 10/11" in summary


def _scorer() -> ModuleType | None:
    return find_scorer()


def test_the_shared_scorer_goals_hold_on_the_samples(results: dict[str, Any]) -> None:
    scorer = _scorer()
    if scorer is None or not (SHARED / "gold").exists():
        pytest.skip("the shared scorer and gold files are not available")
    scored = []
    for name in NAMES:
        gold = json.loads((SHARED / "gold" / f"{name}.json").read_text("utf-8"))
        scored.append(scorer.score_doc(gold, results[name][1]))
        assert all(v is not False for v in scored[-1]["meta"].values()), name
    total = scorer.total(scored)
    assert total["targets"]["f1"] >= 0.95
    assert total["tasks"]["f1"] >= 0.95
    assert total["lead"]["f1"] >= 0.90
    assert total["coordinate"]["f1"] >= 0.85
    assert total["reporting"]["f1"] >= 0.90
    assert total["documents_to_issue"]["f1"] >= 0.95
    assert total["projects"]["f1"] >= 0.95
    pairs = [r["targets"] for r in scored]
    comparators = sum((p["comparator_acc"] or 0) * p["tp"] for p in pairs) / sum(p["tp"] for p in pairs)
    assert comparators >= 0.95


# Mean similarity (the scorer's dice) of each matched target's indicator name to gold's, measured
# before the round-3 rules: a rule may raise it, never lower it (the scorer itself does not check names).
INDICATOR_FLOORS = {"hanoi-plan-207": 0.80, "hcmc-plan-53": 0.84, "quangtri-phuong2-plan-63": 0.84, "rachgia-plan-50": 0.51}


@pytest.mark.parametrize("name", NAMES)
def test_matched_targets_keep_their_own_indicator_names(results: dict[str, Any], name: str) -> None:
    scorer = _scorer()
    if scorer is None or not (SHARED / "gold").exists():
        pytest.skip("chưa có bộ chấm điểm và dữ liệu chuẩn dùng chung (../shared)")
    gold = json.loads((SHARED / "gold" / f"{name}.json").read_text("utf-8"))["targets"]
    pred = results[name][1]["targets"]
    pairs = scorer.greedy(gold, pred, scorer.target_score)
    mean = sum(scorer.dice(gold[g]["indicator"], pred[p]["indicator"]) for g, p in pairs) / len(pairs)
    assert mean >= INDICATOR_FLOORS[name], round(mean, 3)
