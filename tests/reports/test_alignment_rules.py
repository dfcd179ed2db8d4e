"""Plan alignment rules: document numbers, target matching and direction-aware comparison, missing tasks."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ansinh.reports.alignment import (
    TargetSpec,
    Verdict,
    align_targets,
    compare_targets,
    document_numbers,
    number_key,
    suggest_parents,
    unmatched_tasks,
)

POOR = TargetSpec(1, "Tỷ lệ hộ nghèo", "<", 1.0, None, 2025, "%", indicator_id=7, direction="lower")
BHYT = TargetSpec(2, "Tỷ lệ dân số tham gia bảo hiểm y tế", ">=", 95.0, None, 2025, "%", indicator_id=8, direction="higher")


def spec(base: TargetSpec, **changes: object) -> TargetSpec:
    return TargetSpec(**{**base.__dict__, **changes})  # type: ignore[arg-type]


def test_it_reads_document_numbers_in_their_usual_forms() -> None:
    text = "Thực hiện Chương trình hành động số 53-CTrHĐ/TU và Nghị quyết số 42-NQ/TW, Nghị định 20/2021/NĐ-CP"
    assert document_numbers(text) == ["53-CTrHĐ/TU", "42-NQ/TW", "20/2021/NĐ-CP"]
    assert document_numbers("giai đoạn 2025 - 2030, năm 2024") == []


def test_numbers_match_whatever_the_marks_case_and_spacing() -> None:
    assert number_key("53-CTrHĐ/TU") == number_key("53 - CTRHD / tu") == "53CTRHDTU"
    refs = ["Chương trình hành động số 53-CTRHD/TU ngày 09/4/2024", "Nghị quyết số 42-NQ/TW"]
    assert suggest_parents(refs, [(5, "53-CTrHĐ/TU"), (6, "42-NQ/TW"), (7, "123/KH-UBND"), (8, "")]) == [
        (5, refs[0]),
        (6, refs[1]),
    ]


def test_an_unknown_reference_suggests_nothing() -> None:
    assert suggest_parents(["Kế hoạch số 99/KH-UBND"], [(1, "42-NQ/TW")]) == []


def test_a_missing_child_target_is_reported_as_missing() -> None:
    assert compare_targets(POOR, None) is Verdict.MISSING


def test_a_lower_is_better_target_is_stronger_when_the_ceiling_is_lower() -> None:
    assert compare_targets(POOR, spec(POOR, value=0.5)) is Verdict.STRONGER
    assert compare_targets(POOR, spec(POOR, value=1.5)) is Verdict.WEAKER
    assert compare_targets(POOR, spec(POOR, id=9)) is Verdict.EQUAL


def test_a_higher_is_better_target_is_stronger_when_the_floor_is_higher() -> None:
    assert compare_targets(BHYT, spec(BHYT, value=97.0)) is Verdict.STRONGER
    assert compare_targets(BHYT, spec(BHYT, value=90.0)) is Verdict.WEAKER
    assert compare_targets(BHYT, spec(BHYT, comparator=">")) is Verdict.STRONGER


def test_a_different_target_year_is_reported_as_such() -> None:
    assert compare_targets(BHYT, spec(BHYT, year=2030, value=99.0)) is Verdict.DIFFERENT_YEAR


def test_a_child_milestone_in_the_parents_year_is_compared_instead() -> None:
    later = spec(BHYT, year=2030, value=99.0, milestones=((2025, ">=", 96.0, None),))
    assert compare_targets(BHYT, later) is Verdict.STRONGER
    behind = spec(BHYT, year=2030, value=99.0, milestones=((2025, ">=", 90.0, None),))
    assert compare_targets(BHYT, behind) is Verdict.WEAKER


def test_different_units_or_no_value_cannot_be_compared() -> None:
    assert compare_targets(BHYT, spec(BHYT, unit="người")) is Verdict.UNKNOWN
    assert compare_targets(BHYT, spec(BHYT, value=None)) is Verdict.UNKNOWN


def test_a_range_is_judged_by_its_demanding_end() -> None:
    assert compare_targets(BHYT, spec(BHYT, comparator="range", value=95.0, value_max=98.0)) is Verdict.EQUAL
    assert compare_targets(POOR, spec(POOR, comparator="range", value=0.5, value_max=0.8)) is Verdict.STRONGER


def test_targets_pair_by_catalogue_indicator_before_names() -> None:
    child_linked = TargetSpec(20, "Hộ nghèo theo chuẩn thành phố", "<", 0.8, None, 2025, "%", indicator_id=7)
    child_named = TargetSpec(21, "Tỷ lệ người dân tham gia bảo hiểm y tế", ">=", 92.0, None, 2025, "%")
    pairs = align_targets([POOR, BHYT], [child_named, child_linked])
    assert [(p.child.id if p.child else None, p.matched_by, p.verdict) for p in pairs] == [
        (20, "indicator", Verdict.STRONGER),
        (21, "name", Verdict.WEAKER),
    ]


def test_a_target_linked_to_another_indicator_is_not_matched_by_name() -> None:
    other = spec(POOR, id=30, indicator_id=99)
    assert align_targets([POOR], [other])[0].verdict is Verdict.MISSING


def test_parent_tasks_without_a_similar_child_task_are_listed() -> None:
    parent = [(1, "Đẩy mạnh công tác tuyên truyền chính sách xã hội"), (2, "Phát triển hệ thống bảo hiểm xã hội")]
    child = [(10, "Tăng cường tuyên truyền về chính sách xã hội trên địa bàn")]
    assert unmatched_tasks(parent, child) == [(2, "Phát triển hệ thống bảo hiểm xã hội")]


values = st.floats(min_value=0, max_value=1000, allow_nan=False)


@given(values, values, st.sampled_from(["higher", "lower"]))
def test_comparison_is_antisymmetric(a: float, b: float, direction: str) -> None:
    pa = TargetSpec(1, "Chỉ tiêu", ">=", a, None, 2025, "%")
    pb = TargetSpec(2, "Chỉ tiêu", ">=", b, None, 2025, "%")
    forward, backward = compare_targets(pa, pb, direction), compare_targets(pb, pa, direction)
    flip = {Verdict.STRONGER: Verdict.WEAKER, Verdict.WEAKER: Verdict.STRONGER, Verdict.EQUAL: Verdict.EQUAL}
    assert backward is flip[forward]


@given(values, st.sampled_from(["higher", "lower"]))
def test_a_target_equals_itself(a: float, direction: str) -> None:
    t = TargetSpec(1, "Chỉ tiêu", ">=", a, None, 2025, "%")
    assert compare_targets(t, t, direction) is Verdict.EQUAL
