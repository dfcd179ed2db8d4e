"""Indicator tables a PDF text layer laid out by columns read like the same table from a .docx (tab rows):
cells wrapped over lines, headers over several lines, page numbers and repeated headers mid-table."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.noise import _layout_rows
from ansinh.documents.parsing import extract_plan
from ansinh.lib.text import normalize_text, strip_marks

HEAD = (
    "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 45/KH-UBND\nAn Giang, ngày 3 tháng 2 năm 2026\n\nKẾ HOẠCH\n"
    "Giảm nghèo bền vững năm 2026\n\nI. MỤC ĐÍCH, YÊU CẦU\nTriển khai có hiệu quả các chính sách giảm nghèo.\n\n"
    "II. CHỈ TIÊU\nCác chỉ tiêu cụ thể tại Phụ lục kèm theo.\n\nIII. TỔ CHỨC THỰC HIỆN\n"
    "Sở Nông nghiệp và Môi trường chủ trì theo dõi.\n\nPHỤ LỤC\nCÁC CHỈ TIÊU GIẢM NGHÈO\n"
)
YEARS_HEADER = ["STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2025", "Năm 2026", "Năm 2030", "Cơ quan chủ trì theo dõi, đánh giá"]
ROWS = [
    ["1", "Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều trên địa bàn tỉnh", "%", "4,2", "3,5", "1,5", "Sở Nông nghiệp và Môi trường"],
    ["2", "Tỷ lệ người dân tham gia bảo hiểm y tế", "%", "93", "94", "≥ 95", "Bảo hiểm xã hội tỉnh"],
    ["3", "Số lao động được giải quyết việc làm mới trong năm", "người", "25.000", "26.000", "28.000", "Sở Nội vụ"],
    ["4", "Số nhà ở được hỗ trợ xây mới, sửa chữa cho hộ nghèo, hộ cận nghèo", "căn nhà", "500", "600", "1.000",
     "Ủy ban nhân dân cấp xã"],
]


def _targets(text: str) -> list[tuple[Any, ...]]:
    got = extract_plan(normalize_text(text), "x")["targets"]
    assert isinstance(got, list)
    return [
        (t["indicator"], t["value"], t["unit"], t["year"], tuple((m["year"], m["value"]) for m in t["milestones"]))
        for t in got
    ]


def _tab(rows: list[list[str]]) -> str:
    return HEAD + "\n".join("\t".join(r) for r in rows) + "\n"


def _laid(rows: list[list[str]], width: int) -> str:
    return HEAD + "\n".join(_layout_rows(rows, width)) + "\n"


def test_a_yearly_indicator_table_laid_out_by_columns_reads_as_its_tab_rows() -> None:
    tab = _targets(_tab([YEARS_HEADER, *ROWS]))
    assert len(tab) == 4
    assert tab[0][1:] == (1.5, "%", 2030, ((2025, 4.2), (2026, 3.5), (2030, 1.5)))
    for width in (60, 75, 90):
        assert _targets(_laid([YEARS_HEADER, *ROWS], width)) == tab


def test_a_one_value_table_with_its_header_wrapped_and_group_rows_gives_the_year_of_each_group() -> None:
    text = HEAD + (
        "TT    Chỉ tiêu                                         Đơn vị      Kết quả        Cơ quan chủ trì\n"
        "                                                                                  theo dõi, đánh\n"
        "                                                                                  giá\n"
        "I     Đến năm 2030\n"
        "1     Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều giảm     %/năm       1-1,5          Sở Nông nghiệp và\n"
        "      bình quân                                                                   Môi trường\n"
        "2     Tỷ lệ dân số tham gia bảo hiểm y tế              %           ≥ 95           Bảo hiểm xã hội\n"
        "                                                                                  tỉnh\n"
        "                                   12\n"
        "II    Đến năm 2045\n"
        "3     Số giường bệnh trên một vạn dân                  Giường      35             Sở Y tế\n"
        "\n\n\n"
        "IV. ĐIỀU KHOẢN THI HÀNH\nKế hoạch này có hiệu lực kể từ ngày ký.\n"
    )
    got = _targets(text)
    assert [(g[0], g[1], g[3]) for g in got] == [
        ("Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều giảm bình quân", 1, 2030),
        ("Tỷ lệ dân số tham gia bảo hiểm y tế", 95, 2030),
        ("Số giường bệnh trên một vạn dân", 35, 2045),
    ]


def test_a_row_number_one_space_from_its_name_still_opens_the_row() -> None:
    text = HEAD + (
        "STT   Chỉ tiêu                                    Đơn vị   Năm 2026   Năm 2030\n"
        "1.9   Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng      %        9,5        8\n"
        "1.10 Tỷ lệ xã đạt chuẩn quốc gia về y tế          %        90         100\n"
    )
    assert [(g[0], g[1]) for g in _targets(text)] == [
        ("Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng", 8), ("Tỷ lệ xã đạt chuẩn quốc gia về y tế", 100),
    ]


def test_a_table_laid_out_without_diacritics_is_read_too() -> None:
    laid = _laid([YEARS_HEADER, *ROWS], 70)
    got = _targets(strip_marks(laid))
    assert [(g[1], g[3]) for g in got] == [(1.5, 2030), (95, 2030), (28000, 2030), (1000, 2030)]


def test_an_assignment_table_laid_out_by_columns_gives_no_target() -> None:
    rows = [
        ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
        ["1", "Rà soát hộ nghèo, hộ cận nghèo năm 2026", "Ủy ban nhân dân cấp xã", "Sở Nông nghiệp và Môi trường", "Quý IV/2026"],
        ["2", "Hỗ trợ 100 căn nhà cho hộ nghèo", "Sở Xây dựng", "Ủy ban Mặt trận Tổ quốc tỉnh", "Năm 2026"],
    ]
    assert all(t[1] != 1 for t in _targets(_laid(rows, 70)))
    assert not [t for t in _targets(_laid(rows, 70)) if t[0].startswith("Rà soát")]


_NAMES = st.sampled_from([
    "Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều", "Tỷ lệ người dân tham gia bảo hiểm y tế",
    "Số lao động được tạo việc làm mới", "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi",
    "Số xã đạt chuẩn nông thôn mới nâng cao", "Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ",
    "Số giường bệnh trên một vạn dân", "Tỷ lệ hộ gia đình được sử dụng nước sạch theo quy chuẩn",
])
_VALUES = st.sampled_from(["4,2", "3,5", "95", "≥ 90", "28.000", "100", "1,5", "12"])
_UNITS = st.sampled_from(["%", "người", "xã", "giường", "hộ"])


@settings(max_examples=25, deadline=None)
@given(
    rows=st.lists(st.tuples(_NAMES, _UNITS, _VALUES, _VALUES), min_size=2, max_size=5, unique_by=lambda r: r[0]),
    width=st.integers(min_value=60, max_value=110),
)
def test_any_indicator_table_laid_out_at_any_width_reads_as_its_tab_rows(
    rows: list[tuple[str, str, str, str]], width: int,
) -> None:
    table = [["STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2026", "Năm 2030", "Cơ quan chủ trì"]] + [
        [str(i + 1), name, unit, a, b, "Sở Y tế"] for i, (name, unit, a, b) in enumerate(rows)
    ]
    assert _targets(_laid(table, width)) == _targets(_tab(table))


def _table_targets(header: list[str]) -> list[tuple[Any, ...]]:
    rows = [header, ["1", "Tỷ lệ hộ nghèo", "%", "3,5", "3"], ["2", "Số lao động được tạo việc làm", "người", "1.200", "1.300"]]
    return [(t[1], t[3], t[4]) for t in _targets(_tab(rows))]


def test_a_period_column_holds_its_value_at_the_periods_end() -> None:
    for head in ("Giai đoạn 2026-2030", "Mục tiêu giai đoạn 2026 - 2030"):
        got = _table_targets(["TT", "Các chỉ tiêu chủ yếu", "Đơn vị", "Năm 2025", head])
        assert got == [(3, 2030, ((2025, 3.5), (2030, 3))), (1300, 2030, ((2025, 1200), (2030, 1300)))], head


def test_a_column_of_what_was_done_is_the_baseline_not_a_step() -> None:
    for head in ("Thực hiện 2025", "Thực hiện năm 2025", "Ước thực hiện 2025"):
        got = _table_targets(["TT", "Chỉ tiêu", "Đơn vị tính", head, "Kế hoạch 2026"])
        assert got == [(3, 2026, ((2026, 3),)), (1300, 2026, ((2026, 1300),))], head


@settings(max_examples=20, deadline=None)
@given(
    name=st.sampled_from(["Nội dung", "Tên chỉ tiêu", "Nội dung chỉ tiêu", "Tên tiêu chí"]),
    unit=st.sampled_from(["ĐVT", "Đơn vị tính", "Đơn vị"]),
    years=st.sampled_from([("Năm 2026", "Năm 2027"), ("2026", "2027"), ("KH 2026", "KH 2027")]),
)
def test_a_unit_column_and_yearly_columns_make_an_indicator_table(name: str, unit: str, years: tuple[str, str]) -> None:
    got = _table_targets(["TT", name, unit, *years])
    assert got == [(3, 2027, ((2026, 3.5), (2027, 3))), (1300, 2027, ((2026, 1200), (2027, 1300)))]


def test_a_budget_by_year_is_no_indicator_table() -> None:
    rows = [["TT", "Nội dung", "ĐVT", "Năm 2026", "Năm 2027", "Nguồn vốn"],
            ["1", "Hỗ trợ nhà ở cho hộ nghèo", "triệu đồng", "1.500", "2.000", "Ngân sách tỉnh"]]
    assert _targets(_tab(rows)) == []


def _stacked(rows: list[list[str]]) -> str:
    return HEAD + "\n".join(c for r in rows for c in r) + "\n\nIV. ĐIỀU KHOẢN THI HÀNH\nKế hoạch có hiệu lực kể từ ngày ký.\n"


def test_an_indicator_table_written_one_cell_per_line_reads_as_its_tab_rows() -> None:
    rows = [YEARS_HEADER, *ROWS]
    assert _targets(_stacked(rows)) == _targets(_tab(rows))
    assert [t[1] for t in _targets(strip_marks(_stacked(rows)))] == [1.5, 95, 28000, 1000]


@settings(max_examples=20, deadline=None)
@given(
    rows=st.lists(st.tuples(_NAMES, _UNITS, st.sampled_from(["93", "4,2", "500", "12"]), st.sampled_from(["95", "3", "1.000"])),
                  min_size=2, max_size=4, unique_by=lambda r: r[0]),
)
def test_bare_numbers_in_a_stacked_indicator_table_are_values_not_row_numbers(rows: list[tuple[str, str, str, str]]) -> None:
    table = [["STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2026", "Năm 2030", "Cơ quan chủ trì"]] + [
        [str(i + 1), name, unit, a, b, "Sở Y tế"] for i, (name, unit, a, b) in enumerate(rows)
    ]
    assert _targets(_stacked(table)) == _targets(_tab(table))


@settings(max_examples=15, deadline=None)
@given(
    page=st.sampled_from(["Trang 2/5", "- 2 -", "2", "2    CÔNG BÁO/Số 45 + 46/Ngày 15-01-2026"]),
    repeat=st.booleans(),
    width=st.integers(min_value=65, max_value=100),
)
def test_a_page_break_inside_a_laid_out_table_leaves_its_rows_whole(page: str, repeat: bool, width: int) -> None:
    lines = _layout_rows([YEARS_HEADER, *ROWS], width)
    cut = next(i for i, line in enumerate(lines) if line.startswith("3 "))
    header = [line for line in lines[: lines.index(next(x for x in lines if x.startswith("1 ")))]]
    laid = [*lines[:cut], "", page, "", *(header if repeat else []), *lines[cut:]]
    assert _targets(HEAD + "\n".join(laid) + "\n") == _targets(_tab([YEARS_HEADER, *ROWS]))


@settings(max_examples=15, deadline=None)
@given(
    rows=st.lists(st.tuples(_NAMES, _UNITS, _VALUES, _VALUES), min_size=2, max_size=4, unique_by=lambda r: r[0]),
    width=st.integers(min_value=55, max_value=110),
)
def test_a_laid_out_table_without_a_number_column_opens_a_row_at_each_name(
    rows: list[tuple[str, str, str, str]], width: int,
) -> None:
    table = [["Chỉ tiêu", "Đơn vị tính", "Năm 2026", "Năm 2030", "Cơ quan chủ trì"]] + [
        [name, unit, a, b, "Sở Y tế"] for name, unit, a, b in rows
    ]
    assert _targets(_laid(table, width)) == _targets(_tab(table))
