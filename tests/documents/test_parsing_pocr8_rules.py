"""Part numerals a scan's OCR misread ("HH." for "II.", "IH." for "III.", "L." for "I.", "1." for "I.") are read as
the parts their run expects (outline_ocr_parts). Short texts written for each rule, not copied from any document."""

from __future__ import annotations

from ansinh.documents.parsing.clean import prepare
from ansinh.documents.parsing.structure import Node, parse_outline
from ansinh.lib.text import normalize_text


def _parts(text: str) -> list[tuple[str, str, str]]:
    root = parse_outline(prepare(normalize_text(text)))
    return [(n.style, n.label, n.title) for n in root.walk()[1:] if n.style == "roman"]


def _node(text: str, title: str) -> Node:
    root = parse_outline(prepare(normalize_text(text)))
    return next(n for n in root.walk() if n.title == title)


SECTIONS = """A. Đánh giá kết quả năm trước

I. Những kết quả đạt được

1. Thu hút đầu tư tăng so với cùng kỳ.

II. Tồn tại, hạn chế

1. Một số dự án chậm tiến độ.

IH. Nguyên nhân của hạn chế

1. Thủ tục còn kéo dài.

B. Chương trình năm nay

L. Mục tiêu:

1. Mục tiêu chung.

HH. Các hoạt động và giải pháp thực hiện

1. Nghiên cứu thị trường, đối tác đầu tư

2. Xây dựng cơ sở dữ liệu

C. Tổ chức thực hiện
"""


def test_part_numerals_read_as_look_alike_letters_take_their_place_in_the_run_of_parts() -> None:
    parts = _parts(SECTIONS)
    assert [label for _, label, _ in parts] == ["I", "II", "III", "I", "II"]
    assert parts[2][2] == "Nguyên nhân của hạn chế"
    assert parts[4][2] == "Các hoạt động và giải pháp thực hiện"


def test_the_points_under_a_misread_part_numeral_go_under_that_part() -> None:
    node = _node(SECTIONS, "Các hoạt động và giải pháp thực hiện")
    assert [c.label for c in node.children if c.style == "num1"] == ["1", "2"]


def test_a_lone_doubtful_numeral_with_no_run_of_parts_around_it_opens_no_part() -> None:
    text = "1. Nhiệm vụ chung\n\nL. Nguyễn Văn An phụ trách\n\n2. Nhiệm vụ cụ thể\n"
    assert _parts(text) == []


def test_a_capital_letter_in_a_list_of_letters_is_not_read_as_a_part() -> None:
    text = "I. Các nhóm\n\nG. Nhóm thứ bảy gồm các đơn vị\n\nH. Nhóm thứ tám gồm các đơn vị\n"
    assert [label for _, label, _ in _parts(text)] == ["I"]


MISREAD_FIRST = """1. MỤC TIÊU

1. Mục tiêu chung đến năm 2030.

2. Mục tiêu cụ thể.

II. NHIỆM VỤ, GIẢI PHÁP

1. Rà soát quy hoạch.

HH. Giải pháp

1. Giải pháp về quy hoạch.
"""


def test_a_first_part_read_as_point_1_over_its_own_point_1_is_part_I() -> None:
    parts = _parts(MISREAD_FIRST)
    assert [label for _, label, _ in parts] == ["I", "II", "III"]
    assert parts[0][2] == "MỤC TIÊU"


def test_a_point_1_followed_by_point_2_stays_a_point() -> None:
    text = "1. Mục tiêu chung.\n\n2. Mục tiêu cụ thể.\n\nII. NHIỆM VỤ\n\n1. Rà soát quy hoạch.\n"
    assert [label for _, label, _ in _parts(text)] == ["II"]
