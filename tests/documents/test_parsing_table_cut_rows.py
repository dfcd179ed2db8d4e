"""Rows of assignment tables that a page break seems to cut: the rest of the row above, or an unnumbered row of its own; the tables are invented."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan

_PREAMBLE = (
    "ỦY BAN NHÂN DÂN TỈNH NAM SƠN\n\nKẾ HOẠCH\nTriển khai số hóa hồ sơ hành chính năm 2027\n\n"
    "Phụ lục\nDANH MỤC NHIỆM VỤ\n(Kèm theo Kế hoạch số 45/KH-UBND)\n\n"
)
_HEADER = ["TT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"]
_ROWS = [
    ["1", "Rà soát quy trình tiếp nhận hồ sơ trực tuyến", "Sở Tư pháp", "Sở Y tế", "Quý II/2027"],
    ["2", "Chuẩn hóa danh mục dữ liệu dùng chung", "Sở Nội vụ", "Sở Tài chính", "Năm 2027"],
    ["", "Kiểm tra việc lưu trữ hồ sơ điện tử", "Văn phòng UBND tỉnh", "Công an tỉnh", "Quý IV/2027"],
    ["3", "Nâng cấp cổng thông tin điện tử tỉnh", "Sở Tài chính", "Sở Tư pháp", "Hằng năm"],
]
_SETTINGS = settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _text(rows: list[list[str]], bars: bool) -> str:
    if bars:
        return _PREAMBLE + "\n".join(" | ".join(r) for r in [_HEADER, *rows]) + "\n"
    return _PREAMBLE + "\n".join("\t".join(r) for r in [_HEADER, *rows]) + "\n"


@_SETTINGS
@given(st.booleans())
def test_an_unnumbered_row_that_names_its_own_work_doer_and_deadline_is_a_task_of_its_own(bars: bool) -> None:
    tasks = extract_plan(_text(_ROWS, bars))["tasks"]
    assert [(t["number"], t["title"], t["lead"], t["coordinate"]) for t in tasks] == [  # type: ignore[index]
        ("1", "Rà soát quy trình tiếp nhận hồ sơ trực tuyến", ["Sở Tư pháp"], ["Sở Y tế"]),
        ("2", "Chuẩn hóa danh mục dữ liệu dùng chung", ["Sở Nội vụ"], ["Sở Tài chính"]),
        (None, "Kiểm tra việc lưu trữ hồ sơ điện tử", ["Văn phòng UBND tỉnh"], ["Công an tỉnh"]),
        ("3", "Nâng cấp cổng thông tin điện tử tỉnh", ["Sở Tài chính"], ["Sở Tư pháp"]),
    ]


@_SETTINGS
@given(st.booleans())
def test_the_rest_of_a_row_a_page_cut_still_goes_on_the_row_above(bars: bool) -> None:
    cut = [_ROWS[0], ["", "trên địa bàn tỉnh", "", "", ""], _ROWS[1]]
    tasks = extract_plan(_text(cut, bars))["tasks"]
    assert [(t["number"], t["title"]) for t in tasks] == [  # type: ignore[index]
        ("1", "Rà soát quy trình tiếp nhận hồ sơ trực tuyến trên địa bàn tỉnh"),
        ("2", "Chuẩn hóa danh mục dữ liệu dùng chung"),
    ]


@_SETTINGS
@given(st.booleans())
def test_a_cut_row_whose_piece_slid_under_an_empty_column_still_goes_on_the_row_above(bars: bool) -> None:
    head = ["TT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"]
    rows = [
        ["1", "Hoàn thành các nhiệm vụ số hóa, gồm: (1) Cấp phép trực tuyến;", "Sở Tư pháp, Sở Y tế", "", "Năm 2027"],
        ["", "(2) Chuẩn hóa dữ liệu hộ tịch", "", "tế, Sở Nội vụ", ""],
        ["2", "Chuẩn hóa danh mục dữ liệu dùng chung", "Sở Nội vụ", "Sở Tài chính", "Năm 2027"],
    ]
    sep = " | " if bars else "\t"
    tasks = extract_plan(_PREAMBLE + "\n".join(sep.join(r) for r in [head, *rows]) + "\n")["tasks"]
    assert [(t["number"], t["title"], t["lead"]) for t in tasks] == [  # type: ignore[index]
        ("1", "Hoàn thành các nhiệm vụ số hóa, gồm: (1) Cấp phép trực tuyến; (2) Chuẩn hóa dữ liệu hộ tịch",
         ["Sở Tư pháp", "Sở Y tế"]),
        ("2", "Chuẩn hóa danh mục dữ liệu dùng chung", ["Sở Nội vụ"]),
    ]
