"""Counts a plan writes with a scale word ("8,5 triệu việc làm", "1.200 - 1.500 nghìn tỷ đồng"): the value stays as
written and the scale word opens the unit, as the plan counts; in the objectives part such a count is a target even
after a plain verb ("Thu hút 6 - 8 triệu lượt khách"). Probe texts written here."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan
from ansinh.documents.parsing.target_words import scaled

HEAD = "KẾ HOẠCH\nPhát triển dịch vụ và việc làm\nI. MỤC TIÊU\n2. Mục tiêu cụ thể đến năm 2030\n"


def _targets(*lines: str) -> list[dict[str, Any]]:
    result: dict[str, Any] = extract_plan(HEAD + "\n".join(lines) + "\n", "probe")
    return list(result["targets"])


def _read(*lines: str) -> list[tuple[object, ...]]:
    return [(t["comparator"], t["value"], t.get("value_max"), t["unit"], t["year"]) for t in _targets(*lines)]


def test_a_count_in_millions_keeps_its_value_and_puts_the_scale_in_the_unit() -> None:
    assert _read("- Tạo thêm khoảng 4,5 triệu việc làm cho lao động nông thôn.") == [
        ("approx", 4.5, None, "triệu việc làm", 2030)
    ]


def test_a_range_in_thousands_of_billions_keeps_the_scale_before_the_currency() -> None:
    assert _read("- Tổng doanh thu dịch vụ hậu cần đạt 1.200 - 1.500 nghìn tỷ đồng.") == [
        ("range", 1200, 1500, "nghìn tỷ đồng", 2030)
    ]


def test_a_range_of_visitors_in_millions_after_a_plain_verb_is_a_target_of_the_objectives() -> None:
    assert _read("- Đến năm 2030: Thu hút 6 - 8 triệu lượt khách đến các làng nghề, tăng 10 - 12%/năm.") == [
        ("range", 6, 8, "triệu lượt khách", 2030),
        ("range", 10, 12, "%/năm", 2030),
    ]


def test_a_yearly_path_in_millions_joins_its_steps_in_the_same_unit() -> None:
    targets = _targets("- Năm 2027 tạo ra khoảng 1,2 triệu việc làm; đến năm 2030 tạo ra khoảng 2 triệu việc làm.")
    last = targets[-1]
    assert (last["value"], last["unit"], last["year"]) == (2, "triệu việc làm", 2030)
    assert {m["year"]: m["value"] for m in last["milestones"]} == {2027: 1.2, 2030: 2}


def test_the_learned_judge_reads_a_scaled_unit_as_the_count_it_stands_for() -> None:
    assert scaled(8.5, "triệu việc làm") == (8_500_000.0, "việc làm")
    assert scaled(3, "nghìn tỷ đồng") == (3000.0, "tỷ đồng")
    assert scaled(120, "tỷ đồng") == (120, "tỷ đồng")  # a currency unit of its own, not a scaled count
    assert scaled(457, "triệu tấn CO2tđ") == (457, "triệu tấn CO2tđ")
    assert scaled(1, None) == (1, None)


@settings(max_examples=30, deadline=None)
@given(
    st.integers(1, 99),
    st.integers(0, 9),
    st.sampled_from(["triệu", "nghìn"]),
    st.sampled_from(["lượt người", "việc làm", "lượt khách"]),
)
def test_any_scaled_count_is_read_as_written(whole: int, tenth: int, scale: str, noun: str) -> None:
    written = f"{whole},{tenth}" if tenth else str(whole)
    got = _read(f"- Phấn đấu đạt ít nhất {written} {scale} {noun} được hỗ trợ.")
    assert got == [(">=", whole + tenth / 10 if tenth else whole, None, f"{scale} {noun}", 2030)]
