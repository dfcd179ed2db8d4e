"""Item marks a scan's OCR misread ("§." for "8.", "l," for "1.", "8)" for a sub-point's letter) are read as the
mark their list expects there (outline_ocr_marks). Short texts written for each rule, not copied from any document."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan
from ansinh.documents.parsing.outline_ocr_marks import read_doubtful_marks
from ansinh.lib.text import normalize_text


def _plan(text: str) -> dict[str, Any]:
    return extract_plan(normalize_text(text), "probe")


def _read(text: str) -> str:
    chars = list(text)
    read_doubtful_marks(chars)
    assert len(chars) == len(text)
    return "".join(chars)


UNITS = [
    "Sở Y tế", "Sở Tài chính", "Sở Xây dựng", "Sở Nội vụ", "Sở Tư pháp", "Công an tỉnh", "Thanh tra tỉnh",
    "Tỉnh đoàn", "Hội Nông dân tỉnh",
]

DIRECTIVE = """ỦY BAN NHÂN DÂN TỈNH AN PHÚ
Số: 07/CT-UBND
An Phú, ngày 02 tháng 3 năm 2026

CHỈ THỊ
Về tăng cường phòng, chống dịch bệnh trên cây trồng

Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:
{points}
"""


def _directive(marks: list[str]) -> str:
    pairs = zip(marks, UNITS[: len(marks)], strict=True)
    points = "\n".join(f"{mark} {unit} theo dõi, kiểm tra việc thực hiện trên địa bàn." for mark, unit in pairs)
    return DIRECTIVE.format(points=points)


@settings(max_examples=6, deadline=None)
@given(glyph=st.sampled_from(["§.", "ö.", "Ö."]))
def test_a_point_eight_read_as_a_symbol_after_point_seven_is_point_eight_with_its_unit(glyph: str) -> None:
    marks = ["1.", "2.", "3.", "4.", "5.", "6.", "7.", glyph, "9."]
    tasks = _plan(_directive(marks))["tasks"]
    assert [t["number"] for t in tasks] == [str(i) for i in range(1, 10)]
    assert tasks[7]["lead"] == ["Tỉnh đoàn"]


@settings(max_examples=4, deadline=None)
@given(glyph=st.sampled_from(["l,", "l."]))
def test_a_first_point_read_as_the_letter_l_is_point_one_when_point_two_follows(glyph: str) -> None:
    assert [t["number"] for t in _plan(_directive([glyph, "2.", "3."]))["tasks"]] == ["1", "2", "3"]


def test_a_symbol_where_the_list_expects_another_number_is_left_alone() -> None:
    assert _read("5. Sở Y tế\n§. Ghi chú\n") == "5. Sở Y tế\n§. Ghi chú\n"


NOTICE_POINT = """9. Sở Thông tin và Truyền thông
8) Chủ trì tuyên truyền trên báo chí.
b) Hướng dẫn các cơ quan báo chí đưa tin.
"""


def test_an_eight_in_brackets_right_under_a_point_with_b_after_it_is_its_sub_point_a() -> None:
    assert _read(NOTICE_POINT).splitlines()[1].startswith("a) Chủ trì")


def test_an_eight_in_brackets_inside_a_run_of_sub_points_takes_the_letter_of_its_place() -> None:
    text = "3. Phát triển hạ tầng\na) Giao thông.\nb) Cảng.\nc) Số hóa.\nd) Thu hút vốn.\n8) Trung tâm hội nghị.\n4. Nhân lực\n"
    assert "\nđ) Trung tâm hội nghị." in _read(text)


@settings(max_examples=6, deadline=None)
@given(before=st.sampled_from(["7) Bảy.\n", "(7) Bảy.\n", "2.7. Bảy.\n"]))
def test_an_eight_in_brackets_after_a_mark_of_another_list_stays_a_number(before: str) -> None:
    text = "2. Nhiệm vụ\n" + before + "8) Tám.\nb) Chín.\n"
    assert _read(text) == text


def test_a_lone_eight_in_brackets_under_a_point_is_left_alone() -> None:
    text = "2. Nhiệm vụ\n8) Tám.\n3. Nhiệm vụ khác\n"
    assert _read(text) == text


def test_the_task_judge_is_cross_validated_by_the_issuer_a_document_name_starts_with() -> None:
    from ansinh.documents.task_training import issuer_of

    assert issuer_of("an-ubnd-kh-12-2026") == "an"
    assert issuer_of("an-tu-ct-3-2025") == issuer_of("an-ubnd-kh-12-2026")
