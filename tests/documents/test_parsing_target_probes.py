"""Targets, milestones, names and units on hand-written probe plans (``probes/targets``, gold written before the
parser ran), and the rules they hold, each on a short plan in the way provincial plans phrase targets."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents import target_training
from ansinh.documents.parsing import extract_plan
from ansinh.lib.text import normalize_text

PROBES = Path(__file__).resolve().parent / "probes" / "targets"
SCORER = Path(__file__).resolve().parents[3] / "shared" / "tools" / "score_extraction.py"
HEAD = "ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nSố: 12/KH-UBND\nHà Tĩnh, ngày 12 tháng 6 năm 2025\n\nKẾ HOẠCH\nAn sinh xã hội\n\n"


def _plan(body: str) -> list[dict[str, Any]]:
    return extract_plan(normalize_text(HEAD + body), "x")["targets"]  # type: ignore[return-value]


def _objectives(*lines: str) -> list[dict[str, Any]]:
    return _plan("I. MỤC TIÊU\n2. Mục tiêu cụ thể đến năm 2030\n" + "\n".join(lines) + "\n\nII. NHIỆM VỤ\n1. Tuyên truyền.\n")


def _scorer() -> ModuleType | None:
    if not SCORER.exists():
        return None
    spec = importlib.util.spec_from_file_location("score_extraction", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_probe_corpus_keeps_its_targets_score() -> None:
    scorer = _scorer()
    if scorer is None:
        pytest.skip("không có công cụ chấm điểm score_extraction.py")
    scored = []
    for gold_path in sorted((PROBES / "gold").glob("*.json")):
        text = (PROBES / "docs" / f"{gold_path.stem}.txt").read_text("utf-8")
        scored.append(scorer.score_doc(json.loads(gold_path.read_text("utf-8")), extract_plan(normalize_text(text), gold_path.stem)))
    assert scorer.total(scored)["targets"]["f1"] >= 0.95


def test_a_rate_of_any_counted_noun_per_a_population_is_read_with_its_unit() -> None:
    got = [(t["indicator"], t["value"], t["unit"]) for t in _objectives(
        "- Đạt 35 giường bệnh trên 10.000 dân và 19 bác sĩ trên 10.000 dân.",
        "- Tỷ số giới tính khi sinh dưới 109 bé trai/100 bé gái.",
    )]
    assert got == [("Số giường bệnh trên 10.000 dân", 35, "giường bệnh/vạn dân"),
                   ("Số bác sĩ trên 10.000 dân", 19, "bác sĩ/vạn dân"),
                   ("Tỷ số giới tính khi sinh", 109, "bé trai/100 bé gái")]


def test_a_part_after_trong_do_is_named_from_the_whole() -> None:
    got = [t["indicator"] for t in _objectives(
        "- Tỷ lệ lao động qua đào tạo đạt ít nhất 75%, trong đó có bằng cấp, chứng chỉ đạt tối thiểu 35%.",
        "- Mỗi năm có ít nhất 1.000 người cao tuổi được hỗ trợ sinh kế, trong đó tối thiểu 30% là phụ nữ.",
    )]
    assert got == ["Tỷ lệ lao động qua đào tạo", "Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ",
                   "Số người cao tuổi được hỗ trợ sinh kế", "Tỷ lệ phụ nữ trong số người cao tuổi được hỗ trợ sinh kế"]


def test_a_count_after_a_verb_is_named_by_what_is_counted() -> None:
    got = [(t["indicator"], t["value"]) for t in _objectives(
        "- Hỗ trợ xây mới, sửa chữa nhà ở cho ít nhất 1.200 hộ nghèo, hộ cận nghèo.",
        "- Phát triển mới 150 người tham gia bảo hiểm xã hội tự nguyện.",
        "- Duy trì 100% trẻ em dưới 6 tuổi được cấp thẻ bảo hiểm y tế.",
    )]
    assert got == [("Số hộ nghèo, hộ cận nghèo được hỗ trợ xây mới, sửa chữa nhà ở", 1200),
                   ("Số người tham gia bảo hiểm xã hội tự nguyện phát triển mới", 150),
                   ("Tỷ lệ trẻ em dưới 6 tuổi được cấp thẻ bảo hiểm y tế", 100)]


@pytest.mark.parametrize("line", [
    "- Bảo đảm mỗi người dân có ít nhất 01 lần khám sức khỏe định kỳ mỗi năm.",
    "- Phấn đấu mỗi năm vận động Quỹ Vì người nghèo đạt tối thiểu 20 tỷ đồng.",
    "- Năm 2024, tỷ lệ hộ nghèo toàn tỉnh đạt 2,8%.",
    "- Trường hợp tỷ lệ hộ nghèo giảm xuống dưới 1,5% thì xem xét điều chỉnh mục tiêu của Kế hoạch.",
])
def test_frequencies_funding_results_and_conditions_are_not_targets(line: str) -> None:
    assert _objectives(line) == []


def test_an_earlier_year_written_after_the_final_one_is_a_milestone() -> None:
    got = _objectives("- Phấn đấu đến năm 2030 đạt ít nhất 50% số xã không có ma túy, riêng năm 2025 phấn đấu "
                      "xây dựng được ít nhất 20% xã không có ma túy.")
    assert [(t["value"], t["year"], [(m["year"], m["value"]) for m in t["milestones"]]) for t in got] == [
        (50, 2030, [(2025, 20), (2030, 50)])]


def test_a_target_the_tasks_part_only_repeats_is_read_once() -> None:
    got = _plan("I. MỤC TIÊU\nĐến năm 2030, tỷ lệ xã đạt chuẩn tiếp cận pháp luật đạt 90%.\n\n"
                "II. NHIỆM VỤ, GIẢI PHÁP\n1. Phấn đấu đến năm 2030 có 90% xã đạt chuẩn tiếp cận pháp luật.\n")
    assert [(t["value"], t["year"]) for t in got] == [(90, 2030)]


def test_a_deadline_date_gives_the_year_and_a_words_only_table_row_is_no_target() -> None:
    got = _plan("I. NHIỆM VỤ\n1. Phấn đấu đến ngày 30/6/2026 hoàn thành tối thiểu 80% chi trả tiền bồi thường.\n\n"
                "PHỤ LỤC\nSTT\tChỉ tiêu\tĐơn vị tính\tNăm 2027\n1\tTỷ lệ hộ có nhà ở kiên cố\t%\t95\n"
                "2\tHoàn thiện mạng lưới trợ giúp xã hội\t\tHoàn thành\n")
    assert [(t["value"], t["year"], t["indicator"]) for t in got] == [
        (80, 2026, "Tỷ lệ chi trả tiền bồi thường"), (95, 2027, "Tỷ lệ hộ có nhà ở kiên cố")]


@settings(max_examples=25, deadline=None)
@given(noun=st.sampled_from(["bác sĩ", "dược sĩ", "điều dưỡng", "giường bệnh", "nhân viên y tế"]),
       value=st.integers(min_value=2, max_value=99))
def test_any_count_per_ten_thousand_people_is_a_rate(noun: str, value: int) -> None:
    got = _objectives(f"- Đạt {value} {noun} trên 10.000 dân.")
    assert [(t["value"], t["unit"], t["year"]) for t in got] == [(value, f"{noun}/vạn dân", 2030)]


@settings(max_examples=25, deadline=None)
@given(first=st.integers(min_value=2026, max_value=2029), values=st.lists(st.integers(10, 99), min_size=2, max_size=2))
def test_a_yearly_path_in_prose_is_one_target_whatever_its_years_and_values(first: int, values: list[int]) -> None:
    low, high = sorted(values)
    got = _objectives(f"- Tỷ lệ hộ có việc làm bền vững năm {first} đạt {low}%, năm 2030 đạt {high}%.")
    assert [(t["value"], [(m["year"], m["value"]) for m in t["milestones"]]) for t in got] == [
        (high, [(first, low), (2030, high)])]


def test_parse_train_finds_its_standard_sets_under_the_repository(tmp_path: Path) -> None:
    for gold, docs in target_training.STANDARD_SETS[:3]:
        (tmp_path / "repo" / gold).mkdir(parents=True, exist_ok=True)
        (tmp_path / "repo" / docs).mkdir(parents=True, exist_ok=True)
    golds, docs_dirs = target_training.standard_sets(tmp_path / "repo")
    assert [g.relative_to(tmp_path / "repo").as_posix() for g in golds] == [g for g, _ in target_training.STANDARD_SETS[:3]]
    assert len(docs_dirs) == 3
