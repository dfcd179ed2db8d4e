"""Round 18 noise rules (pnoise18b): tables a PDF's text layer laid out by columns, in a web copy that trimmed every
line (the lines lost their indentation), read as the text layer itself is read. Made-up text."""

from __future__ import annotations

from ansinh.documents.parsing.clean import prepare
from ansinh.documents.parsing.layout_cells import Column, realigned_columns
from ansinh.documents.parsing.layout_tables import find_layout_tables
from ansinh.documents.parsing.target_layout import find_layout_target_tables

# Columns of a laid-out assignment table: TT, task, action, lead, partners, deadline.
_COLUMNS = [Column(0, 3), Column(6, 20), Column(46, 60), Column(100, 107), Column(110, 126), Column(130, 138)]
_WIDTHS = [4, 38, 52, 8, 18, 8]


def _strip(text: str) -> str:
    return "\n".join(line.strip() for line in text.split("\n"))


def _cells(text: str) -> list[list[str]]:
    return [[c.text for c in r.cells] for t in find_layout_target_tables(prepare(text)) for r in t.rows]


def test_a_word_far_wider_than_its_narrow_column_pushes_the_next_cells_two_spaces_after_it() -> None:
    # "BảohiểmXãhội" (one token, 12 letters) under a lead column 8 wide: the partners' and deadline cells start two
    # spaces after it, five characters past their columns; the line lost its indentation.
    action = "Rà soát hồ sơ người hưởng trợ cấp tại các xã"
    line = f"{action}{' ' * (54 - len(action))}BảohiểmXãhội  Sở Tài chính;{' ' * 8}12/2026"
    runs = [(0, len(action), action), (54, 66, "BảohiểmXãhội"), (68, 81, "Sở Tài chính;"), (89, 96, "12/2026")]
    assert [line[s:e] for s, e, _ in runs] == [t for _, _, t in runs]
    assert realigned_columns(runs, _COLUMNS, {3: "Sở Y tế"}, _WIDTHS) == [2, 3, 4, 5]


def test_a_run_that_stands_inside_its_column_not_at_its_start_is_still_read_in_it() -> None:
    # A centred deadline ("2026" in the middle of its column) or specks a scan left inside a cell: the line is set so
    # that its first run starts a column and every run lies within a column of its own.
    action = "Tập huấn cán bộ làm công tác xã hội cấp xã"
    runs = [(0, len(action), action), (len(action) + 45, len(action) + 49, "2026")]
    assert realigned_columns(runs, _COLUMNS, {2: "Mở lớp"}, _WIDTHS) == [2, 5]


_TABLE = """PHỤ LỤC
TT    Nội dung                                Hoạt động cụ thể                           Cơ quan chủ trì    Cơ quan phối hợp      Thời hạn
1.    Hoàn thiện quy định về trợ giúp xã      Rà soát các nghị định về trợ giúp xã       Sở Y tế            Sở Tư pháp; Sở Tài    12/2026
      hội cho người cao tuổi                  hội và chăm sóc người cao tuổi                                chính
                                              Xây dựng quy trình chi trả trợ cấp qua     Sở Tài chính       Bưu điện tỉnh         6/2027
                                              tài khoản ngân hàng

5
                                    Mở lớp tập huấn cho cán bộ xã về          Sở Nội vụ      Sở Y tế;       2026
                                    quy trình chi trả mới                                    Công an tỉnh
2.    Chi trả trợ cấp không dùng    Mở tài khoản cho người hưởng trợ cấp      Sở Y tế        Công an        6/2027
      tiền mặt                      tại các xã, phường                                       tỉnh
3.    Kiểm tra việc thực hiện       Kiểm tra định kỳ việc chi trả trợ cấp     Thanh tra      Sở Y tế        Hằng năm
                                    tại các xã, phường                        tỉnh

Các sở, ngành báo cáo kết quả thực hiện về Sở Y tế trước ngày 15 tháng 12 hằng năm để tổng hợp.
"""


def test_a_page_the_web_copy_trimmed_takes_its_columns_from_the_lines_that_open_a_row_by_number() -> None:
    # The page after "5" sets its columns narrower; its first lines (a cell going on from the page before) lost their
    # indentation, but the line of row 2 opens at the margin with its number: the page's columns are read from it.
    laid = _cells(_TABLE)
    assert [r[3] for r in laid] == ["Sở Y tế Sở Tài chính Sở Nội vụ", "Sở Y tế", "Thanh tra tỉnh"]
    assert _cells(_strip(_TABLE)) == laid


def test_a_line_after_a_pushed_cell_keeps_a_value_split_off_its_cell_in_that_cell() -> None:
    # The partners' cell starts at its column; "09" and "tháng 4 năm 2026 …" are one cell that a value split in two,
    # one space apart, three characters past the column's start: the same cell, not a column the line pushed right.
    runs = [(0, 12, "bảo đảm tiến"), (104, 121, "Công an tỉnh, các"), (124, 126, "09"), (127, 150, "tháng 4 năm 2026 của tỉnh")]
    assert realigned_columns(runs, _COLUMNS, {1: "Hoàn thiện quy", 4: "Sở Y tế"}, _WIDTHS) == [1, 4, 5, 5]


_WORK_TABLE = """PHỤ LỤC
TT    Nhóm hoạt động    Hoạt động                               Cơ    Cơ quan phối hợp       Thời gian
                                                                quan
                                                                chủ
                                                                trì
-     Nâng cao năng     + Tập huấn kỹ năng chăm sóc người       Sở    Ủy ban nhân dân        2026
      lực chăm sóc      cao tuổi cho cán bộ xã.                 Y tế  các xã.
                                                                tỉnh  Hội Người cao tuổi
                        + Tổ chức các hoạt động sau, tùy
                        theo điều kiện của từng xã:
                        . Khám sức khỏe định kỳ tại trạm y      Sở    Trạm y tế xã           2027
                        tế xã                                   Y tế
-     Hỗ trợ sinh kế    + Cho vay vốn ưu đãi phát triển         Ngân  Sở Nông nghiệp         2026
      cho người cao     kinh tế hộ gia đình.                    hàng
      tuổi                                                      Chính sách

Các sở, ngành báo cáo kết quả thực hiện về Sở Y tế trước ngày 15 tháng 12 hằng năm để tổng hợp.
"""


def test_a_list_item_no_cell_of_the_line_above_goes_on_with_is_the_next_item_of_the_rows_work() -> None:
    # After the lead cell's last line ("tỉnh"), "+ Tổ chức …" opens the next item of the work column; in the web copy
    # it stands at the margin and fits no cell the line above had text in.
    laid = _cells(_WORK_TABLE)
    assert len(laid) == 4
    assert _cells(_strip(_WORK_TABLE)) == laid


def test_a_sentence_end_wider_than_its_column_then_two_spaces_is_a_pushed_cell_not_a_segmenters_moved_space() -> None:
    # "trường." is wider than the narrow lead column and pushes the partners' cell two spaces after it: read apart, the
    # runs fit the columns; read as one run (a segmenter's "trường ,  thông" put back together) they do not.
    table = _WORK_TABLE.replace("                                                                tỉnh  Hội Người cao tuổi",
                                "                                                                trường.  Hội Người cao")
    laid = _cells(table)
    assert len(laid) == 4
    assert _cells(_strip(table)) == laid


_SEGMENTED_TABLE = """a ) Tổ chức chương trình “ Ngày hội việc làm ” tại các sở :
TT    Nội dung                                            Trách nhiệm thực hiện    Thời gian
1     Giới thiệu việc làm cho lao động nông thôn tại     Lãnh đạo Sở Nội vụ       Tháng 3
      các xã vùng sâu
2     Tư vấn học nghề cho thanh niên hoàn thành nghĩa    Lãnh đạo Sở Giáo dục     Tháng 5
      vụ quân sự                                         và Đào tạo
b ) Tổ chức , thực hiện chương trình “ Ngày hội việc làm ” đối với các xã , phường :
Ủy ban nhân dân các xã chủ trì , phối hợp với các đơn vị liên quan tổ chức ngày hội tại địa phương .
"""


def test_a_lettered_item_a_segmenter_spaced_out_around_its_quotes_is_no_row_of_the_table_above() -> None:
    # The cleaner moves the segmenter's space before "“" behind it ("chương trình  “Ngày hội"): the two spaces before
    # an opening quote stay inside a run, so the line runs across the columns as one paragraph and ends the table.
    tables = find_layout_tables(prepare(_SEGMENTED_TABLE))
    assert [(t.number, t.lead) for t in tables[0].tasks] == [("1", ["Lãnh đạo Sở Nội vụ"]), ("2", ["Lãnh đạo Sở Giáo dục và Đào tạo"])]
    assert "Tổ chức" not in tables[0].tasks[-1].title


def test_a_wide_piece_pushes_every_cell_after_it_by_as_much_as_it_overflows() -> None:
    # A header's wrapped line that lost its indentation: "quan chủ trì" (12 characters) under the lead column 8 wide
    # pushes the partners' column, empty here, and the deadline's "hạn" four characters right.
    runs = [(0, 12, "quan chủ trì"), (34, 37, "hạn")]
    assert realigned_columns(runs, _COLUMNS, {k: "x" for k in range(6)}, _WIDTHS, wraps=False) == [3, 5]


_PAGED_TABLE = """PHỤ LỤC
TT    Nội dung                                Hoạt động cụ thể                           Cơ quan chủ trì    Cơ quan phối hợp      Thời hạn
1.    Hoàn thiện quy định về trợ giúp xã      Rà soát các nghị định về trợ giúp xã       Sở Y tế            Sở Tư pháp; Sở Tài    12/2026
      hội cho người cao tuổi                  hội và chăm sóc người cao tuổi                                chính

Trang 4/12
                                              Xây dựng quy trình chi trả trợ cấp qua     Sở Tài chính       Bưu điện tỉnh         6/2027
                                              tài khoản ngân hàng
2.    Chi trả trợ cấp không dùng tiền mặt     Mở tài khoản cho người hưởng trợ cấp       NgânhàngChínhsáchXãhộiViệtNam  Công an tỉnh  6/2027
      cho người hưởng                         tại các xã, phường                                            Sở Y tế
3.    Kiểm tra việc thực hiện                 Kiểm tra định kỳ việc chi trả trợ cấp      Thanh tra tỉnh     Sở Y tế               Hằng năm

Các sở, ngành báo cáo kết quả thực hiện về Sở Y tế trước ngày 15 tháng 12 hằng năm để tổng hợp.
"""


def test_a_page_whose_trimmed_lines_still_fit_the_columns_keeps_them() -> None:
    # After the running header the page goes on with the same columns: its first line of two cells fits them as they
    # stand, so the columns are not read anew from row 2, whose lead pushed its partners right.
    laid = _cells(_PAGED_TABLE)
    assert [r[3] for r in laid] == ["Sở Y tế Sở Tài chính", "NgânhàngChínhsáchXãhộiViệtNam", "Thanh tra tỉnh"]
    assert _cells(_strip(_PAGED_TABLE)) == laid
