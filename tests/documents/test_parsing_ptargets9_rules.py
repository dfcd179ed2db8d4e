"""Rules of helper ptargets9 (issue 10, round 13): counted outputs a plan's numbered tasks commit to.
Every text is written for the test."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan

PLAN = """ỦY BAN NHÂN DÂN
TỈNH AN BÌNH
Số: 61/KH-UBND
An Bình, ngày 14 tháng 2 năm 2026
KẾ HOẠCH
Phát triển hạ tầng công nghiệp tỉnh An Bình năm 2026
I. MỤC ĐÍCH, YÊU CẦU
Tạo chuyển biến trong phát triển hạ tầng công nghiệp.
II. NHIỆM VỤ TRỌNG TÂM
1. Rà soát quy hoạch các khu chức năng trên địa bàn tỉnh.
2. {item}
Sở Công Thương chủ trì, phối hợp với các sở, ngành liên quan thực hiện.
III. TỔ CHỨC THỰC HIỆN
Các sở, ngành triển khai thực hiện Kế hoạch này.
"""


def _targets(item: str) -> list[tuple[Any, ...]]:
    out: list[dict[str, Any]] = extract_plan(PLAN.format(item=item), "probe")["targets"]  # type: ignore[assignment]
    return [(t["value"], t["unit"]) for t in out]


def test_a_numbered_task_that_finishes_so_many_industrial_parks_states_targets() -> None:
    found = _targets("Hoàn thành di dời 01 khu công nghiệp (Bắc Sơn) và 03 cụm công nghiệp (Tây Hà và Nam Khê).")
    assert (1, "khu công nghiệp") in found and (3, "cụm công nghiệp") in found


def test_a_yearly_output_listed_in_a_numbered_task_is_read_count_by_count() -> None:
    found = _targets("Mỗi năm xây dựng 02 phóng sự, 06 chuyên đề, 05 chuyên trang về công nghiệp của tỉnh.")
    assert (2, "phóng sự") in found and (6, "chuyên đề") in found and (5, "chuyên trang") in found


def test_a_numbered_task_that_only_names_its_work_states_no_target() -> None:
    assert _targets("Kiểm tra 02 lần mỗi năm việc chấp hành pháp luật tại các cụm công nghiệp.") == []


@settings(max_examples=20, deadline=None)
@given(verb=st.sampled_from(["Hoàn thành", "Hoàn thành xây dựng", "Thành lập mới", "Xây dựng", "Hằng năm xây dựng"]),
       first=st.integers(min_value=1, max_value=9), second=st.integers(min_value=1, max_value=9),
       thing=st.sampled_from([("khu công nghiệp", "cụm công nghiệp"), ("mô hình", "hợp tác xã")]))
def test_every_count_a_making_verb_opens_in_a_numbered_task_is_a_target(
    verb: str, first: int, second: int, thing: tuple[str, str],
) -> None:
    found = _targets(f"{verb} {first:02d} {thing[0]} và {second:02d} {thing[1]} trên địa bàn tỉnh.")
    assert (first, thing[0]) in found and (second, thing[1]) in found
