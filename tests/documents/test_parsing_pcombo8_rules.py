"""Tables laid out with spaces under noise combined: a web copy (indentation lost) of a PDF's text that also carries
Markdown emphasis, a word segmenter's spacing, OCR's look-alikes and page breaks (issue 10)."""

from __future__ import annotations

from ansinh.documents.parsing.clean import prepare
from ansinh.documents.parsing.layout_tables import _header_under, _runs, find_layout_tables

_HEAD = "KẾ HOẠCH\nChăm sóc người cao tuổi năm 2026\n\nI. MỤC ĐÍCH\nBảo đảm người cao tuổi được chăm sóc.\nII. NHIỆM VỤ\n"
_TAIL = "III. TỔ CHỨC THỰC HIỆN\nCác sở báo cáo kết quả về Sở Y tế trước ngày 15 tháng 12 năm 2026.\n"
_HEADER = "STT   Nhiệm vụ                                   Cơ quan chủ   Cơ quan phối hợp          Thời gian\ntrì\n"


def _rows(text: str) -> list[tuple[str | None, list[str], list[str]]]:
    return [(t.number, t.lead, t.coordinate) for table in find_layout_tables(prepare(_HEAD + text + _TAIL)) for t in table.tasks]


def test_a_group_number_in_markdown_bold_does_not_hide_that_the_lines_lost_their_indentation() -> None:
    text = _HEADER + (
        "**I.** Chăm sóc sức khỏe\n"
        "1     Khám sức khỏe định kỳ cho người cao tuổi   Sở Y tế       Ủy ban nhân dân các xã;   Quý II năm\n"
        "tại các trạm y tế xã                                       Hội Người cao tuổi tỉnh   2026\n"
        "2     Rà soát danh sách người cao tuổi thuộc     Sở Nội vụ     Sở Tài chính              Tháng 6\n"
        "hộ nghèo để hỗ trợ kịp thời\n"
    )
    assert _rows(text)[1:] == [
        ("I.1", ["Sở Y tế"], ["Ủy ban nhân dân các xã", "Hội Người cao tuổi tỉnh"]),
        ("I.2", ["Sở Nội vụ"], ["Sở Tài chính"]),
    ]


def test_an_abbreviation_in_capitals_alone_on_a_line_is_a_cells_next_line_not_a_heading_after_the_table() -> None:
    text = _HEADER + (
        "1     Khám sức khỏe định kỳ cho người cao tuổi   Sở Y tế       Sở Tài chính,             Quý II\n"
        "VTV,\n"
        "TTXVN\n"
        "2     Rà soát danh sách người cao tuổi thuộc     Sở Nội vụ     Sở Tài chính              Tháng 6\n"
    )
    rows = _rows(text)
    # (Which cell the line goes on is a guess the widths leave open; the table goes on to row 2 and its lead.)
    assert [(n, lead) for n, lead, _c in rows] == [("1", ["Sở Y tế"]), ("2", ["Sở Nội vụ"])]


def test_a_dash_line_of_a_cell_right_above_the_next_row_does_not_end_the_table() -> None:
    text = _HEADER + (
        "1     Ban hành các văn bản hướng dẫn, gồm:       Sở Y tế       Sở Tài chính              Quý II\n"
        "- Hướng dẫn khám sức khỏe\n"
        "2     Rà soát danh sách người cao tuổi thuộc     Sở Nội vụ     Sở Tài chính              Tháng 6\n"
    )
    assert [(n, lead) for n, lead, _c in _rows(text)] == [("1", ["Sở Y tế"]), ("2", ["Sở Nội vụ"])]


def test_a_roman_group_number_ocr_misread_or_one_space_from_its_title_still_opens_a_group() -> None:
    text = _HEADER + (
        "I     Chăm sóc sức khỏe\n"
        "1     Khám sức khỏe định kỳ cho người cao tuổi   Sở Y tế       Sở Tài chính              Quý II\n"
        "Il Hỗ trợ đời sống\n"
        "1     Rà soát danh sách người cao tuổi thuộc     Sở Nội vụ     Sở Tài chính              Tháng 6\n"
    )
    assert [n for n, _l, _c in _rows(text)] == ["I", "I.1", "II", "II.1"]


def test_a_row_whose_line_a_page_broke_keeps_its_number_and_its_cells_from_the_next_page() -> None:
    text = _HEADER + (
        "1     Khám sức khỏe định kỳ cho người cao tuổi   Sở Y tế       Sở Tài chính              Quý II\n"
        "2 Rà soát danh sách người cao tuổi thuộc\n"
        "Trang 2\n"
        "Sở Nội vụ     Sở Tài chính              Tháng 6\n"
    )
    rows = _rows(text)
    assert [(n, lead) for n, lead, _c in rows] == [("1", ["Sở Y tế"]), ("2", ["Sở Nội vụ"])]


def test_a_second_header_line_goes_under_the_label_it_overlaps_most() -> None:
    top = _runs("tt    ten nhiem vu        co quan chu   co quan   ket qua         thoi gian")
    below = _runs("                          tri           phoi hop                  hoan")
    assert [r for _s, _e, r in _header_under(top, below) or []] == ["number", "title", "lead", "coordinate", "product", "timeline"]
