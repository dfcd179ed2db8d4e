"""Rules of helper ptargets8 (issue 10, round 12): targets where Vietnamese strategies and plans state them.
Every text is written for the test."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan

STRATEGY = """THỦ TƯỚNG CHÍNH PHỦ
Số: 77/QĐ-TTg
Hà Nội, ngày 5 tháng 4 năm 2026
QUYẾT ĐỊNH
Phê duyệt Chiến lược phát triển thủy sản đến năm 2030, tầm nhìn đến năm {far}
Điều 1. Phê duyệt Chiến lược với những nội dung chủ yếu sau:
I. QUAN ĐIỂM
Phát triển thủy sản bền vững, hiện đại.
II. MỤC TIÊU
1. Mục tiêu đến năm 2030
- Tốc độ tăng trưởng giá trị sản xuất thủy sản đạt 3,5%/năm.
2. Tầm nhìn đến năm {far}
a) Thủy sản là ngành kinh tế thương mại hiện đại, bền vững.
b) {vision}
III. NHIỆM VỤ, GIẢI PHÁP
1. Hoàn thiện thể chế, chính sách về thủy sản.
Điều 2. Tổ chức thực hiện
Bộ Nông nghiệp và Môi trường chủ trì tổ chức thực hiện Chiến lược.
"""


def _targets(text: str) -> list[tuple[Any, ...]]:
    out: list[dict[str, Any]] = extract_plan(text, "probe")["targets"]  # type: ignore[assignment]
    return [(t["value"], t["year"]) for t in out]


def test_a_value_in_the_vision_part_is_a_target_of_the_vision_year() -> None:
    vision = "Sản lượng nuôi trồng thủy sản đạt khoảng 7 triệu tấn; tỷ lệ lao động qua đào tạo đạt 80%."
    found = _targets(STRATEGY.format(far=2045, vision=vision))
    assert (7, 2045) in found and (80, 2045) in found and (3.5, 2030) in found


def test_an_aim_in_words_in_the_vision_part_is_no_target() -> None:
    found = _targets(STRATEGY.format(far=2045, vision="Ngư dân có cuộc sống ổn định, sung túc."))
    assert found == [(3.5, 2030)]


@settings(max_examples=20, deadline=None)
@given(far=st.sampled_from([2040, 2045, 2050]),
       name=st.sampled_from(["Tỷ lệ tàu cá có thiết bị giám sát hành trình", "Tỷ lệ lao động thủy sản qua đào tạo",
                             "Tỷ trọng thủy sản nuôi trồng trong tổng sản lượng"]),
       value=st.integers(min_value=20, max_value=99),
       verb=st.sampled_from(["đạt", "đạt khoảng", "đạt trên", "phấn đấu đạt"]))
def test_every_value_the_vision_part_states_is_read_with_its_year(far: int, name: str, value: int, verb: str) -> None:
    found = _targets(STRATEGY.format(far=far, vision=f"{name} {verb} {value}%."))
    assert (value, far) in found


PLAN = """ỦY BAN NHÂN DÂN
TỈNH AN BÌNH
Số: 45/KH-UBND
An Bình, ngày 12 tháng 3 năm 2026
KẾ HOẠCH
Cải cách hành chính tỉnh An Bình năm 2026
I. MỤC TIÊU
{objective}
II. NHIỆM VỤ, GIẢI PHÁP
1. Đơn giản hóa thủ tục hành chính.
III. TỔ CHỨC THỰC HIỆN
Sở Nội vụ chủ trì theo dõi, đôn đốc.
"""


def _ranks(text: str) -> list[tuple[Any, ...]]:
    out: list[dict[str, Any]] = extract_plan(text, "probe")["targets"]  # type: ignore[assignment]
    return [(t["value"], t["comparator"]) for t in out]


def test_a_place_among_the_leading_provinces_is_a_rank_target() -> None:
    found = _ranks(PLAN.format(objective="Chỉ số cải cách hành chính của tỉnh nằm trong 10 tỉnh, thành dẫn đầu cả nước."))
    assert found == [(10, "<=")]


def test_a_leading_group_counted_in_words_is_a_rank_target() -> None:
    found = _ranks(PLAN.format(objective="Phấn đấu chỉ số năng lực cạnh tranh thuộc nhóm ba tỉnh dẫn đầu khu vực."))
    assert found == [(3, "<=")]


def test_within_so_many_days_is_no_rank() -> None:
    found = _ranks(PLAN.format(objective="Giải quyết hồ sơ của doanh nghiệp nằm trong 10 ngày làm việc."))
    assert (10, "<=") not in found


@settings(max_examples=25, deadline=None)
@given(lead=st.sampled_from(["nằm trong", "thuộc nhóm", "nằm trong nhóm", "xếp trong"]),
       size=st.sampled_from([("3", 3), ("ba", 3), ("10", 10), ("mười", 10), ("15", 15), ("năm", 5)]),
       group=st.sampled_from(["tỉnh, thành phố dẫn đầu", "địa phương dẫn đầu cả nước", "tỉnh đứng đầu"]))
def test_every_leading_group_size_is_read_as_at_most_that_place(lead: str, size: tuple[str, int], group: str) -> None:
    words, value = size
    if not words.isdigit() and "nhóm" not in lead:
        return  # a size in words is read after "nhóm" only ("nằm trong năm …" is no rank)
    found = _ranks(PLAN.format(objective=f"Chỉ số hài lòng của người dân {lead} {words} {group}."))
    assert (value, "<=") in found
