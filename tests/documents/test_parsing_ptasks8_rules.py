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
