"""Assignment tables a PDF's text layer laid out by columns read as the converter's tab rows of the same table:
a header wrapped over several lines, a group column beside its actions, rows the number column does not number."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.noise import _layout_rows
from ansinh.documents.parsing import extract_plan
from ansinh.lib.text import normalize_text

HEAD = (
    "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 12/KH-UBND\nBắc Ninh, ngày 9 tháng 3 năm 2026\n\nKẾ HOẠCH\n"
    "Phát triển rừng bền vững năm 2026\n\nI. MỤC ĐÍCH, YÊU CẦU\nBảo vệ và phát triển rừng hiệu quả.\n\n"
    "II. TỔ CHỨC THỰC HIỆN\nCác cơ quan thực hiện các hoạt động tại Phụ lục kèm theo.\n\nPHỤ LỤC\n"
    "CÁC HOẠT ĐỘNG BẢO VỆ RỪNG\n"
)
GROUP_HEADER = ["TT", "Nhóm hoạt động", "Hoạt động", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"]
GROUP_ROWS = [
    ["a)", "Nhóm hoạt động bảo vệ rừng hiện có", "", "", "", ""],
    ["-", "Tăng cường tuần tra rừng", "+ Tổ chức tuần tra rừng đặc dụng vào mùa khô hằng năm.", "Sở Nông nghiệp",
     "Công an tỉnh, Ủy ban nhân dân cấp xã", "2026"],
    ["", "", "+ Lắp đặt camera giám sát cháy rừng tại các điểm trọng yếu.", "Ban quản lý rừng",
     "Sở Khoa học và Công nghệ", "2026 - 2027"],
    ["-", "Trồng rừng thay thế", "+ Trồng mới 200 ha rừng phòng hộ ven hồ.", "Ủy ban nhân dân cấp xã",
     "Sở Tài chính, Ban quản lý rừng", "2027"],
]


def _tasks(text: str) -> list[tuple[Any, ...]]:
    got = extract_plan(normalize_text(text), "x")["tasks"]
    assert isinstance(got, list)
    return [(t["title"], tuple(t["lead"]), tuple(t["coordinate"])) for t in got if t["lead"] or t["coordinate"]]


def _tab(rows: list[list[str]]) -> str:
    return HEAD + "\n".join("\t".join(r) for r in rows) + "\n"


def _laid(rows: list[list[str]], width: int) -> str:
    return HEAD + "\n".join(_layout_rows(rows, width)) + "\n"


def test_a_group_and_action_table_with_its_header_wrapped_reads_as_its_tab_rows() -> None:
    tab = _tasks(_tab([GROUP_HEADER, *GROUP_ROWS]))
    assert {
        "Tổ chức tuần tra rừng đặc dụng vào mùa khô hằng năm.",
        "Lắp đặt camera giám sát cháy rừng tại các điểm trọng yếu.",
    } <= {t[0] for t in tab}
    for width in (60, 75, 90):
        assert _tasks(_laid([GROUP_HEADER, *GROUP_ROWS], width)) == tab


def test_a_table_without_a_number_column_opens_a_row_where_the_work_cell_starts_anew() -> None:
    rows = [
        ["Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
        ["Rà soát diện tích rừng phòng hộ đầu nguồn trên địa bàn các xã miền núi.", "Sở Nông nghiệp",
         "Ủy ban nhân dân cấp xã", "Quý II/2026"],
        ["Xây dựng cơ sở dữ liệu về rừng và đất lâm nghiệp của tỉnh.", "Sở Khoa học và Công nghệ",
         "Sở Nông nghiệp", "Năm 2026"],
    ]
    tab = _tasks(_tab(rows))
    assert len(tab) == 2
    assert _tasks(_laid(rows, 70)) == tab


_ACTIONS = st.sampled_from([
    "+ Tổ chức tuần tra rừng vào mùa khô.", "+ Lắp đặt trạm quan trắc cháy rừng tự động.",
    "+ Trồng mới rừng phòng hộ ven biển.", "+ Tập huấn kỹ năng chữa cháy rừng cho lực lượng xã.",
    "+ Hỗ trợ cây giống cho hộ dân trồng rừng sản xuất.",
])
_UNITS = st.sampled_from(["Sở Nông nghiệp", "Công an tỉnh", "Ban quản lý rừng", "Ủy ban nhân dân cấp xã"])


@settings(max_examples=20, deadline=None)
@given(
    actions=st.lists(st.tuples(_ACTIONS, _UNITS, _UNITS), min_size=2, max_size=4, unique_by=lambda r: r[0]),
    width=st.integers(min_value=60, max_value=100),
)
def test_any_group_and_action_table_laid_out_at_any_width_reads_as_its_tab_rows(
    actions: list[tuple[str, str, str]], width: int,
) -> None:
    rows = [GROUP_HEADER, ["-", "Bảo vệ rừng", *actions[0], "2026"]] + [["", "", *a, "2026"] for a in actions[1:]]
    assert _tasks(_laid(rows, width)) == _tasks(_tab(rows))


def test_a_row_of_short_header_like_words_is_a_row_not_the_header_repeated() -> None:
    rows = [
        GROUP_HEADER,
        ["-", "Nâng cao năng lực", "+ Tập huấn kỹ năng chữa cháy rừng.", "Sở Nông nghiệp", "Công an tỉnh", "2026"],
        ["", "", "+ Nâng cao nhận thức và tăng cường năng lực", "Bộ đội", "Các bộ, ngành và hội", "2026"],
        ["", "", "+ Trồng mới rừng phòng hộ ven biển.", "Ban quản lý rừng", "Sở Tài chính", "2027"],
    ]
    laid = _tasks(_laid(rows, 80))
    assert "Nâng cao nhận thức và tăng cường năng lực" in {t[0] for t in laid}
    assert laid == _tasks(_tab(rows))


def test_an_action_opened_by_a_dot_item_under_an_action_ending_with_a_colon_is_a_row_of_its_own() -> None:
    rows = [
        GROUP_HEADER,
        ["-", "Phát triển sinh kế ven rừng", "+ Triển khai các hoạt động sau tại từng xã:", "", "", ""],
        ["", "", ". Hỗ trợ giống cây dược liệu cho hộ nghèo sống gần rừng.", "Sở Nông nghiệp", "Ủy ban nhân dân cấp xã",
         "2026"],
        ["", "", ". Mở lớp dạy nghề đan lát cho phụ nữ dân tộc thiểu số.", "Sở Nội vụ", "Hội Liên hiệp Phụ nữ tỉnh",
         "2027"],
    ]
    tab = _tasks(_tab(rows))
    assert [t[1] for t in tab[1:]] == [("Sở Nông nghiệp",), ("Sở Nội vụ",)]  # each dot item a row with its lead
    for width in (60, 80):
        assert _tasks(_laid(rows, width)) == tab
