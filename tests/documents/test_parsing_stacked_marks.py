"""Stacked tables (cells one per line) whose rows open with a list mark and whose first columns are merged down."""

from __future__ import annotations

from ansinh.documents.parsing import extract_plan
from ansinh.documents.parsing.clean import prepare

_HEAD = (
    "KẾ HOẠCH\nHỗ trợ người khuyết tật giai đoạn 2026 - 2030\n\nPHỤ LỤC\nCÁC HOẠT ĐỘNG\n"
    "TT\nNhóm hoạt động\nHoạt động\nCơ quan chủ trì\nCơ quan phối hợp\nThời gian\n"
)
_ROWS = (
    "a)\nNhóm hoạt động về chính sách trợ giúp\n"
    "-\nHoàn thiện chính sách trợ cấp cho người khuyết tật\n"
    "+ Rà soát mức trợ cấp hằng tháng cho người khuyết tật nặng\nSở Y tế\nSở Tài chính, Sở Tư pháp\n2026\n"
    "+ Xây dựng cơ sở dữ liệu người khuyết tật của tỉnh\nCông an tỉnh\nSở Y tế, Bưu điện tỉnh\n2027\n"
    "-\nNâng cao chất lượng phục hồi chức năng\n"
    "+ Tập huấn nhân viên công tác xã hội ở các xã\nSở Nội vụ\nHội Chữ thập đỏ tỉnh\n2028\n"
)


def _leads(text: str) -> dict[str, tuple[list[str], list[str]]]:
    return {t["title"]: (t["lead"], t["coordinate"]) for t in extract_plan(text, "t")["tasks"]}


def test_a_sub_row_opened_by_the_activity_mark_takes_the_columns_from_the_activity_on() -> None:
    leads = _leads(_HEAD + _ROWS + "\nNơi nhận:\n- Như trên.\n")
    assert leads["Rà soát mức trợ cấp hằng tháng cho người khuyết tật nặng"] == (["Sở Y tế"], ["Sở Tài chính", "Sở Tư pháp"])
    assert leads["Xây dựng cơ sở dữ liệu người khuyết tật của tỉnh"] == (["Công an tỉnh"], ["Sở Y tế", "Bưu điện tỉnh"])
    # A group of one activity is read as one item, as the converter's table is.
    assert leads["Nâng cao chất lượng phục hồi chức năng"] == (["Sở Nội vụ"], ["Hội Chữ thập đỏ tỉnh"])


def test_the_mark_and_space_of_a_sub_row_become_the_tabs_of_the_merged_cells_and_the_view_keeps_its_length() -> None:
    text = _HEAD + _ROWS + "\nNơi nhận:\n"
    doc = prepare(text)
    assert len(doc.clean) == len(text)
    lines = doc.clean.split("\n")
    assert "a)\tNhóm hoạt động về chính sách trợ giúp" in lines
    assert "\t\tXây dựng cơ sở dữ liệu người khuyết tật của tỉnh\tCông an tỉnh\tSở Y tế, Bưu điện tỉnh\t2027" in lines


def test_the_parts_an_activity_lists_after_a_colon_are_sub_rows_too() -> None:
    rows = _ROWS + (
        "+ Thực hiện các hoạt động sau tại địa phương:\n"
        ". Khám sàng lọc cho trẻ em khuyết tật\nSở Y tế\nỦy ban nhân dân các xã\n2027\n"
        ". Cấp phương tiện trợ giúp cho người khuyết tật nghèo\nSở Tài chính\nHội Người mù tỉnh\n2028\n"
    )
    leads = _leads(_HEAD + rows + "\nNơi nhận:\n")
    assert leads["Khám sàng lọc cho trẻ em khuyết tật"][0] == ["Sở Y tế"]
    assert leads["Cấp phương tiện trợ giúp cho người khuyết tật nghèo"] == (["Sở Tài chính"], ["Hội Người mù tỉnh"])


def test_a_dash_opening_a_cell_lower_in_a_row_is_a_cell_not_a_new_row() -> None:
    head = _HEAD.replace("Thời gian\n", "Kết quả\nThời gian\n")
    rows = (
        "a)\nNhóm hoạt động về chính sách trợ giúp\n"
        "-\nHoàn thiện chính sách trợ cấp\n"
        "+ Rà soát mức trợ cấp hằng tháng\nSở Y tế\nSở Tài chính\n- Báo cáo rà soát\n2026\n"
        "+ Sửa đổi quy định về hộ nghèo\nSở Nội vụ\nSở Tư pháp\n- Quyết định sửa đổi\n2027\n"
    )
    doc = prepare(head + rows + "\nNơi nhận:\n")
    assert "\t\tSửa đổi quy định về hộ nghèo\tSở Nội vụ\tSở Tư pháp\t- Quyết định sửa đổi\t2027" in doc.clean.split("\n")


def test_a_table_whose_rows_open_with_a_mark_but_no_activity_column_mark_is_left_as_lines() -> None:
    rows = "-\nHoàn thiện chính sách trợ cấp\nSở Y tế\nSở Tài chính\n2026\n-\nCập nhật danh sách hộ nghèo\nSở Nội vụ\nCông an tỉnh\n2027\n"
    text = _HEAD + rows + "\nNơi nhận:\n"
    assert "\t" not in prepare(text).clean.split("Nơi nhận")[0].split("CÁC HOẠT ĐỘNG")[1]


def test_the_last_row_of_a_marked_table_takes_no_more_lines_than_its_cells_and_the_prose_after_it_stays_prose() -> None:
    text = _HEAD + _ROWS + "Sở Y tế theo dõi, tổng hợp kết quả thực hiện các hoạt động.\n"
    lines = prepare(text).clean.split("\n")
    assert ("-\tNâng cao chất lượng phục hồi chức năng\t+ Tập huấn nhân viên công tác xã hội ở các xã\tSở Nội vụ"
            "\tHội Chữ thập đỏ tỉnh\t2028") in lines
    assert lines[-2] == "Sở Y tế theo dõi, tổng hợp kết quả thực hiện các hoạt động."
