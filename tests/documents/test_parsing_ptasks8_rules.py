"""Item marks a scan's OCR spoiled at a line start are read by their place in the list (Decree 30/2020 numbers points
"1.", "1.1.", "a)" in order): margin specks before the mark, "¢)" for "c)", "34," for "3.4." after "3.3.", and a
sub-item repeating an elder sibling's number at the end of its run. Short texts written for each rule, not copied
from any document."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan
from ansinh.documents.parsing.clean import prepare
from ansinh.lib.text import normalize_text


def _plan(text: str) -> dict[str, Any]:
    return extract_plan(normalize_text(text), "probe")


def _numbers(text: str) -> list[str]:
    return [t["number"] for t in _plan(text)["tasks"]]


PLAN = """ỦY BAN NHÂN DÂN TỈNH AN PHÚ
Số: 31/KH-UBND
An Phú, ngày 12 tháng 5 năm 2026

KẾ HOẠCH
Phát triển nông nghiệp sạch năm 2026

I. MỤC TIÊU
Nâng cao giá trị sản xuất nông nghiệp của tỉnh.

II. NHIỆM VỤ, GIẢI PHÁP
1. Hoàn thiện cơ chế, chính sách
{one}
2. Phát triển vùng nguyên liệu
2.1. Quy hoạch vùng trồng rau an toàn tại các xã ven sông.
2.2. Xây dựng mô hình liên kết sản xuất với doanh nghiệp.
{two}
3. Đào tạo nhân lực
Sở Nông nghiệp và Môi trường mở lớp tập huấn cho nông dân.

III. TỔ CHỨC THỰC HIỆN
Các sở, ngành theo chức năng triển khai Kế hoạch này.
"""

LETTERED = """a) Rà soát chính sách hỗ trợ sản xuất nông nghiệp sạch.
b) Ban hành quy định về chứng nhận sản phẩm an toàn.
{mark} Hướng dẫn thủ tục vay vốn cho hợp tác xã.
d) Tổng kết mô hình hỗ trợ đã triển khai."""


@settings(max_examples=8, deadline=None)
@given(specks=st.sampled_from(["_ ", "__", "_..", "____", "__ .", "._"]))
def test_margin_specks_before_a_lettered_point_leave_the_point_in_its_list(specks: str) -> None:
    text = PLAN.format(one=LETTERED.format(mark=f"{specks}c)"), two="")
    assert "1.c" in _numbers(text)


def test_margin_specks_are_blanked_in_the_clean_view_keeping_its_length() -> None:
    text = "1. Mở rộng vùng trồng\n__..2. Xây dựng kho lạnh cho hợp tác xã.\n"
    doc = prepare(text)
    assert len(doc.clean) == len(text)
    assert doc.clean.splitlines()[1].lstrip().startswith("2. Xây dựng")


def test_underscores_before_words_that_open_no_item_are_kept() -> None:
    text = "Người ký ________ 2. Xây dựng kho lạnh.\n________ Ghi chú của cán bộ thẩm định\n"
    clean = prepare(text).clean
    assert "________ 2." in clean
    assert clean.splitlines()[1].startswith("________")


def test_a_cent_sign_for_the_letter_c_between_b_and_d_is_point_c() -> None:
    text = PLAN.format(one=LETTERED.format(mark="¢)"), two="")
    assert [n for n in _numbers(text) if n.startswith("1.")] == ["1.a", "1.b", "1.c", "1.d"]


@settings(max_examples=5, deadline=None)
@given(comma=st.sampled_from(["23,", "23 ,"]))
def test_a_sub_item_whose_dot_ocr_lost_after_the_one_before_it_is_that_sub_item(comma: str) -> None:
    text = PLAN.format(one="", two=f"{comma} Hỗ trợ chứng nhận VietGAP cho các vùng trồng.")
    assert "2.3" in _numbers(text)


def test_a_number_with_a_comma_that_is_not_the_next_sub_item_is_left_as_text() -> None:
    text = PLAN.format(one="", two="45, Hỗ trợ chứng nhận VietGAP cho các vùng trồng.")
    assert "4.5" not in _numbers(text)


def test_a_sub_item_repeating_an_elder_number_at_the_end_of_its_run_takes_the_next_number() -> None:
    text = PLAN.format(one="", two="2.1. Hỗ trợ chứng nhận VietGAP cho các vùng trồng.")
    numbers = [n for n in _numbers(text) if n.startswith("2.")]
    assert numbers == ["2.1", "2.2", "2.3"]


def test_a_sub_item_repeating_a_number_that_comes_later_is_left_alone() -> None:
    text = PLAN.format(one="", two="2.1. Hỗ trợ chứng nhận VietGAP.\n2.3. Xây dựng chợ đầu mối nông sản.")
    numbers = [n for n in _numbers(text) if n.startswith("2.")]
    assert numbers.count("2.3") == 1


# --- What opens the points of a resolution or a letter (duties._mark_directive_duties) ---------------------------

PARTY_RESOLUTION = """BAN CHẤP HÀNH ĐẢNG BỘ TỈNH AN PHÚ
Số 12-NQ/TU
An Phú, ngày 20 tháng 4 năm 2026

NGHỊ QUYẾT
HỘI NGHỊ LẦN THỨ 9 BAN CHẤP HÀNH ĐẢNG BỘ TỈNH

Hội nghị lần thứ 9 Ban Chấp hành Đảng bộ tỉnh họp ngày 18/4/2026, sau khi thảo luận các đề án của Ban
Thường vụ Tỉnh ủy,

{enacting}

1. Thông qua Đề án phát triển du lịch cộng đồng giai đoạn 2026 - 2030.

Giao Ban Thường vụ Tỉnh ủy chỉ đạo hoàn thiện Đề án và tổ chức triển khai.

2. Cơ bản thống nhất phương hướng công tác cán bộ nhiệm kỳ tới.

3. Thống nhất chủ trương sắp xếp các đơn vị sự nghiệp như sau:

- Hợp nhất các trung tâm cùng lĩnh vực.

- Giải thể các đơn vị hoạt động không hiệu quả.

4. Thông qua Báo cáo kiểm điểm sự lãnh đạo của Ban Thường vụ Tỉnh ủy năm 2025.
"""


@settings(max_examples=4, deadline=None)
@given(enacting=st.sampled_from(["QUYẾT NGHỊ", "**QUYẾT NGHỊ**", "QUYẾT NGHỊ:"]))
def test_a_resolution_s_points_after_its_enacting_word_alone_on_a_line_are_its_tasks(enacting: str) -> None:
    assert _numbers(PARTY_RESOLUTION.format(enacting=enacting)) == ["1", "2", "3", "4"]


def test_the_word_inside_a_sentence_is_no_enacting_line() -> None:
    assert _numbers(PARTY_RESOLUTION.format(enacting="Hội nghị đã thảo luận và quyết nghị")) == []


LETTER = """BỘ CÔNG AN
CỤC CẢNH SÁT ĐIỀU TRA TỘI PHẠM VỀ MA TÚY
Số: 118/C04-P2
V/v bố trí kinh phí thực hiện Chương trình năm 2026
Hà Nội, ngày 10 tháng 3 năm 2026

Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương.

Để bảo đảm triển khai Chương trình đúng tiến độ, Cục trân trọng đề nghị Ủy ban nhân dân các tỉnh, thành phố
chỉ đạo đơn vị chức năng khẩn trương thực hiện:

(1) Đối với địa phương tự bảo đảm kinh phí: tham mưu trình Hội đồng nhân dân cùng cấp bố trí ngân sách địa
phương để thực hiện Chương trình.

(2) Đối với địa phương nhận hỗ trợ từ ngân sách trung ương: ban hành quy định phân bổ vốn cho các sở, ngành
và cấp xã trực thuộc.

Trân trọng cảm ơn./.
"""


def test_a_letter_s_points_numbered_in_brackets_after_a_line_ending_with_a_colon_are_its_tasks() -> None:
    assert _numbers(LETTER) == ["1", "2"]


def test_bracketed_points_after_a_line_without_a_colon_give_no_task() -> None:
    assert _numbers(LETTER.replace("thực hiện:", "thực hiện các nội dung sau đây.")) == []
