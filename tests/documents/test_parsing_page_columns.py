"""A space-laid assignment table that a page break cuts goes on with its columns at other positions (pdftotext lays
out each page on its own, without repeating the header): the rows after the break are read against the columns found
again on the new page, and a stray mark left between the pages does not end the table."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.noise import _layout_rows
from ansinh.documents.parsing import extract_plan
from ansinh.documents.parsing.page_columns import left_edges, mapped, page_mark
from ansinh.lib.text import normalize_text

HEAD = (
    "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\nSố: 45/KH-UBND\nQuảng Trị, ngày 2 tháng 4 năm 2026\n\nKẾ HOẠCH\n"
    "Phòng, chống thiên tai năm 2026\n\nI. MỤC ĐÍCH, YÊU CẦU\nChủ động ứng phó với thiên tai.\n\n"
    "II. TỔ CHỨC THỰC HIỆN\nCác cơ quan thực hiện các nhiệm vụ tại Phụ lục kèm theo.\n\nPHỤ LỤC\n"
    "NHIỆM VỤ PHÒNG, CHỐNG THIÊN TAI\n"
)
HEADER = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"]
FIRST = [
    ["1", "Rà soát phương án ứng phó bão mạnh, siêu bão cho các huyện ven biển.", "Sở Nông nghiệp và Môi trường",
     "Bộ Chỉ huy Quân sự tỉnh, Công an tỉnh", "Tháng 5/2026"],
    ["2", "Kiểm tra an toàn hồ đập trước mùa mưa lũ.", "Sở Công Thương", "Ủy ban nhân dân cấp xã", "Tháng 6/2026"],
]
SECOND = [
    ["3", "Tổ chức diễn tập cứu hộ cứu nạn.", "Bộ Chỉ huy Quân sự tỉnh", "Sở Y tế, Hội Chữ thập đỏ tỉnh", "Quý III/2026"],
    ["4", "Tuyên truyền kỹ năng phòng tránh lũ quét và sạt lở đất cho người dân vùng núi.", "Sở Văn hóa",
     "Đài Phát thanh và Truyền hình tỉnh, Báo Quảng Trị", "Năm 2026"],
]


def _tasks(text: str) -> list[tuple[Any, ...]]:
    got = extract_plan(normalize_text(text), "x")["tasks"]
    assert isinstance(got, list)
    return [(t["title"], tuple(t["lead"]), tuple(t["coordinate"]), t["timeline"]) for t in got if t["lead"]]


def _tab(rows: list[list[str]]) -> str:
    return HEAD + "\n".join("\t".join(r) for r in rows) + "\n"


def _two_pages(first_width: int, second_width: int, mark: str) -> str:
    """The header and the first rows laid out on one page, the next rows on the next page at another width."""
    page_one = _layout_rows([HEADER, *FIRST], first_width)
    page_two = _layout_rows(SECOND, second_width)
    return HEAD + "\n".join([*page_one, "", mark, *page_two]) + "\n"


def test_rows_after_a_page_break_with_shifted_columns_keep_their_lead_and_partners_apart() -> None:
    tab = _tasks(_tab([HEADER, *FIRST, *SECOND]))
    assert len(tab) == 4
    assert _tasks(_two_pages(90, 60, "2")) == tab


@settings(max_examples=12, deadline=None)
@given(first=st.integers(min_value=60, max_value=100), second=st.integers(min_value=55, max_value=100))
def test_a_table_going_on_to_a_page_laid_out_at_any_width_reads_as_its_tab_rows(first: int, second: int) -> None:
    assert _tasks(_two_pages(first, second, "2")) == _tasks(_tab([HEADER, *FIRST, *SECOND]))


def test_a_stray_mark_an_ocr_engine_left_between_the_pages_does_not_end_the_table() -> None:
    assert _tasks(_two_pages(80, 70, "|")) == _tasks(_tab([HEADER, *FIRST, *SECOND]))


def test_a_column_starts_where_several_lines_start_a_run_and_no_other_run_crosses() -> None:
    lines = [
        [(0, 2, "1."), (6, 30, "Rà soát phương án"), (34, 40, "Sở Y tế"), (44, 50, "2026")],
        [(6, 28, "ứng phó bão mạnh"), (34, 39, "Sở Tài")],
        # stray marks beside a cell, crossed by the cells of the column they overlap
        [(6, 20, "cho các xã"), (37, 41, "¬ `")],
    ]
    assert left_edges(lines) == [0, 6, 34, 44]


def test_fewer_edges_than_columns_go_to_the_nearest_columns_and_the_longest_text_to_the_work_column() -> None:
    # Columns: number, group, actions, lead, time; the page holds no number and no group: actions, lead, time.
    places = [0.0, 0.05, 0.3, 0.75, 0.92]
    assert mapped([0.1, 0.7, 0.9], places, [400, 60, 20], 2) == [2, 3, 4]
    # Placed by where they stand alone, the actions would go to the group column.
    assert mapped([0.1, 0.7, 0.9], places) == [1, 3, 4]


def test_an_edge_of_bodies_names_goes_to_a_column_of_bodies_not_to_the_work_column() -> None:
    # Columns: number, group, actions, lead, partners, time. The page: short actions, a lead, long partners, a time.
    places = [0.0, 0.05, 0.22, 0.69, 0.85, 0.97]
    kinds = [(0.0, 0.0), (0.5, 0.0), (0.5, 0.0), (0.0, 1.0)]  # half the lead's and the partners' lines open a name
    columns = [None, (0.0, 0.0), (0.0, 0.0), (0.6, 0.0), (0.5, 0.0), (0.0, 1.0)]
    assert mapped([0.09, 0.34, 0.5, 0.96], places, [35, 20, 69, 8], 2, kinds, columns) == [2, 3, 4, 5]
    # By place and bulk alone, the long partners' cells would go to the work column.
    assert mapped([0.09, 0.34, 0.5, 0.96], places, [35, 20, 69, 8], 2) == [0, 1, 2, 5]


def test_a_page_mark_is_a_short_run_of_no_word_beside_an_empty_line() -> None:
    assert page_mark([(0, 1, "|")], True, True)
    assert page_mark([(40, 41, "§")], True, False)
    assert not page_mark([(0, 1, "|")], False, True)  # not beside an empty line
    assert not page_mark([(60, 61, "%")], True, True)  # a unit cell
    assert not page_mark([(60, 63, "cao")], True, True)  # a narrow cell's last word
    assert page_mark([(0, 2, "li")], True, True)  # "11" misread, at the margin of a numbered table
    assert not page_mark([(0, 2, "li")], True, False)


GROUP_HEADER = ["TT", "Nhóm hoạt động", "Hoạt động cụ thể", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"]
GROUP_FIRST = [
    ["1", "Nâng cao năng lực dự báo thiên tai", "Lắp đặt thêm trạm đo mưa tự động tại các xã vùng núi.",
     "Sở Nông nghiệp và Môi trường", "Ủy ban nhân dân cấp xã", "2026"],
    ["", "", "Xây dựng bản đồ cảnh báo lũ quét cho các lưu vực sông nhỏ.", "Sở Khoa học và Công nghệ",
     "Sở Nông nghiệp và Môi trường", "2027"],
]
# The next page holds only actions: no number, no group (the group cell merged down over the rows).
GROUP_SECOND = [
    ["", "", "Tập huấn sử dụng số liệu cảnh báo cho cán bộ cấp xã.", "Sở Nội vụ", "Hội Chữ thập đỏ tỉnh", "2026"],
    ["", "", "Cập nhật kịch bản ứng phó với bão mạnh và siêu bão trên địa bàn tỉnh.", "Bộ Chỉ huy Quân sự tỉnh",
     "Công an tỉnh", "2027"],
]


@settings(max_examples=10, deadline=None)
@given(first=st.integers(min_value=70, max_value=100), second=st.integers(min_value=55, max_value=90))
def test_actions_going_on_to_a_page_without_their_group_and_number_keep_their_columns(first: int, second: int) -> None:
    tab = _tasks(_tab([GROUP_HEADER, *GROUP_FIRST, *GROUP_SECOND]))
    assert len(tab) == 5  # the group and its four actions
    pages = [*_layout_rows([GROUP_HEADER, *GROUP_FIRST], first), "", "3", *_layout_rows(GROUP_SECOND, second)]
    assert _tasks(HEAD + "\n".join(pages) + "\n") == tab


def test_a_header_repeated_on_the_next_page_at_other_positions_sets_the_columns_there() -> None:
    page_one = _layout_rows([HEADER, *FIRST], 95)
    page_two = _layout_rows([HEADER, *SECOND], 58)  # narrower: its labels wrap over several lines
    text = HEAD + "\n".join([*page_one, "", "- 2 -", "", *page_two]) + "\n"
    assert _tasks(text) == _tasks(_tab([HEADER, *FIRST, *SECOND]))


def test_rows_at_the_margin_after_a_page_break_are_placed_by_their_own_page_columns() -> None:
    # No line is indented (every row fits on one line): the positions still tell the columns, each line opening
    # with its number. The next page's title column is narrow, its lead starting where the partners stood.
    short = [["3", "Diễn tập cứu hộ.", "Bộ Chỉ huy Quân sự tỉnh", "Sở Y tế, Hội Chữ thập đỏ tỉnh", "Quý III/2026"]]
    page_one = _layout_rows([HEADER, *FIRST], 200)
    page_two = _layout_rows(short, 200)
    assert not any(line.startswith(" ") for line in page_one + page_two)
    text = HEAD + "\n".join([*page_one, "", "Trang 2", *page_two]) + "\n"
    assert _tasks(text) == _tasks(_tab([HEADER, *FIRST, *short]))


def test_an_action_going_on_to_a_page_with_long_partners_keeps_its_partners_out_of_the_work_column() -> None:
    first = [
        ["1", "Bảo vệ rừng", "Xây dựng cơ sở dữ liệu về thiên tai.", "Bộ Chỉ huy Quân sự tỉnh", "UBND huyện", "Hằng năm"],
        ["2", "Phòng cháy rừng ven biển", "Nâng cấp hệ thống cảnh báo sớm tại các hồ chứa lớn trên địa bàn tỉnh.",
         "Sở Y tế", "UBND huyện", "2026"],
    ]
    second = [["", "", "Xây dựng cơ sở dữ liệu về thiên tai.", "Bộ Chỉ huy Quân sự tỉnh",
               "Đài Phát thanh và Truyền hình tỉnh, Báo Phú Yên, các cơ quan liên quan", "Hằng năm"]]
    pages = [*_layout_rows([GROUP_HEADER, *first], 69), "", "2", *_layout_rows(second, 72)]
    assert _tasks(HEAD + "\n".join(pages) + "\n") == _tasks(_tab([GROUP_HEADER, *first, *second]))
