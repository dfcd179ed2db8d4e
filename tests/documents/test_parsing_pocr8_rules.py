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


def _read_marks(text: str) -> str:
    from ansinh.documents.parsing.outline_ocr_marks import read_doubtful_marks

    chars = list(text)
    read_doubtful_marks(chars)
    assert len(chars) == len(text)
    return "".join(chars)


def test_a_glyph_over_the_first_sub_point_of_the_next_point_is_that_point() -> None:
    text = "4. Nội dung thực hiện\n- Bước 1: chuẩn bị.\nŠ. Phân công trách nhiệm\n5.1. Trung tâm Quản lý\n"
    assert "\n5. Phân công trách nhiệm\n" in _read_marks(text)


def test_a_glyph_not_over_the_next_points_first_sub_point_is_left_alone() -> None:
    text = "4. Nội dung thực hiện\nŠ. Phân công trách nhiệm\n4.1. Trung tâm Quản lý\n"
    assert _read_marks(text) == text


def test_a_vietnamese_capital_letter_before_a_sub_point_is_left_alone() -> None:
    text = "4. Nội dung thực hiện\nĐ. Phân công trách nhiệm\n5.1. Trung tâm Quản lý\n"
    assert _read_marks(text) == text


ASSIGNED = """1. Mục đích

Bảo đảm khảo sát đúng tiến độ.

2. Nội dung thực hiện

- Bước 1: Phòng Đào tạo cung cấp danh sách.

3. Phân công trách nhiệm

3.1. Trung tâm Quản lý chất lượng

- Chủ trì tổ chức khảo sát, tổng hợp kết quả.

5.2. Phòng Đào tạo và Phòng Công tác sinh viên

- Cung cấp danh sách sinh viên.

5.3. Sở Giáo dục và Đào tạo

- Hướng dẫn thực hiện.
"""


def test_a_sub_point_whose_first_number_ocr_misread_takes_its_parents_number() -> None:
    node = _node(ASSIGNED, "Phân công trách nhiệm")
    assert [c.label for c in node.children if c.style == "num2"] == ["3.1", "3.2", "3.3"]


def test_the_items_of_a_part_assigning_the_work_body_by_body_are_tasks_and_the_part_is_none() -> None:
    from ansinh.documents.parsing import extract_plan

    plan = extract_plan(normalize_text(ASSIGNED), "probe")
    numbers = [t["number"] for t in plan["tasks"]]
    assert {"3.1", "3.2", "3.3"} <= set(numbers)
    assert "3" not in numbers


SEMICOLON = """Điều 2. Tổ chức thực hiện

1. Bộ Tài chính chủ trì, phối hợp với các bộ bố trí kinh phí.

2. Bộ Nông nghiệp chủ trì, phối hợp với các địa phương xây dựng mô hình.

3; Bộ Y tế chủ trì, phối hợp với các bộ hướng dẫn thực hiện.

10

## Trang 11

4. Bộ Công Thương chủ trì, phối hợp với các bộ xúc tiến thương mại.
"""


def test_a_point_whose_dot_ocr_read_as_a_semicolon_is_read_and_the_next_point_after_a_page_break_too() -> None:
    node = _node(SEMICOLON, "Tổ chức thực hiện")
    assert [c.label for c in node.children if c.style == "num1"] == ["1", "2", "3", "4"]


def test_a_typists_file_name_in_the_margin_with_its_o_read_as_zero_opens_no_item() -> None:
    text = ("II. NHIỆM VỤ\n\n1. Tăng cường sự lãnh đạo của Đảng.\n\n18.CTRTW31.D0C 2\n\n"
            "2. Hoàn thiện thể chế, pháp luật.\n")
    node = _node(text, "NHIỆM VỤ")
    assert [c.label for c in node.children if c.style == "num1"] == ["1", "2"]


def test_a_part_repeating_the_numeral_before_it_takes_the_next_and_the_parts_after_it_follow() -> None:
    text = "I. MỤC TIÊU\n\n1. Mục tiêu chung.\n\nI. NỘI DUNG KẾ HOẠCH\n\n1. Rà soát.\n\nII. TỔ CHỨC THỰC HIỆN\n\n1. Kinh phí.\n"
    assert [label for _, label, _ in _parts(text)] == ["I", "II", "III"]


def test_parts_in_order_keep_their_numerals() -> None:
    text = "I. MỤC TIÊU\n\n1. Mục tiêu chung.\n\nII. NỘI DUNG\n\n1. Rà soát.\n\nV. KINH PHÍ\n"
    assert [label for _, label, _ in _parts(text)] == ["I", "II", "V"]


LOST_SUB = """1. Tuyên truyền sâu rộng trong cán bộ, đảng viên.

2. Sở Nông nghiệp chủ trì thực hiện các nội dung sau:

2.1. Khôi phục sản xuất sau thiên tai.

2. Tháo gỡ khó khăn cho doanh nghiệp.

2.3. Hỗ trợ phát triển thủy sản.

3. Điện lực tỉnh bảo đảm cung ứng điện.
"""


def test_a_point_number_between_two_sub_points_of_that_point_is_the_sub_point_between_them() -> None:
    node = _node(LOST_SUB, "Sở Nông nghiệp chủ trì thực hiện các nội dung sau")
    assert [c.label for c in node.children if c.style == "num2"] == ["2.1", "2.2", "2.3"]
