"""Round 20 noise rules (pnoise20): assignment tables a converter broke apart are read as the clean table is."""

from __future__ import annotations

from ansinh.documents.noise import cells, pdf
from ansinh.documents.parsing import extract_plan
from ansinh.documents.parsing.clean import prepare
from ansinh.documents.parsing.layout_tables import find_layout_tables

_OPENING = """ỦY BAN NHÂN DÂN HUYỆN NAM SƠN
Số: 07/KH-UBND
KẾ HOẠCH
Phát triển thư viện cộng đồng năm 2026
I. MỤC ĐÍCH
Đưa sách đến gần người dân các xã vùng sâu.
II. NHIỆM VỤ
(Chi tiết tại Phụ lục kèm theo)
PHỤ LỤC
DANH MỤC NHIỆM VỤ
"""
_CLOSING = "\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n"

# An invented annex: a merged "Cơ quan thực hiện" label over "Chủ trì" and "Phối hợp".
_MERGED_HEADER = _OPENING + "\n".join([
    "TT\tNội dung nhiệm vụ\tCơ quan thực hiện\t\tThời gian hoàn thành",
    "\t\tChủ trì\tPhối hợp\t",
    "1\tKhảo sát nhu cầu đọc sách của người dân các xã\tPhòng Văn hóa và Thông tin\tUBND các xã\tQuý I/2026",
    "2\tBổ sung đầu sách cho tủ sách thôn, bản\tTrung tâm Văn hóa huyện\tHội Liên hiệp Phụ nữ huyện\tQuý III/2026",
    "3\tTổ chức ngày hội đọc sách cho học sinh tiểu học\tPhòng Giáo dục và Đào tạo\tHuyện đoàn Nam Sơn\tTháng 4/2026",
]) + _CLOSING

_EXPECTED = [
    ("Phòng Văn hóa và Thông tin", "UBND các xã"),
    ("Trung tâm Văn hóa huyện", "Hội Liên hiệp Phụ nữ huyện"),
    ("Phòng Giáo dục và Đào tạo", "Huyện đoàn Nam Sơn"),
]


def _units(text: str) -> list[tuple[str, str]]:
    return [(" ".join(t["lead"]), " ".join(t["coordinate"])) for t in extract_plan(text, "x")["tasks"]]


def test_a_pdf_header_whose_merged_unit_label_stands_over_chu_tri_and_phoi_hop_splits_the_lead_from_the_partners() -> None:
    laid = pdf(_MERGED_HEADER, __import__("random").Random(1))
    tables = find_layout_tables(prepare(laid))
    assert [(t.lead, t.coordinate) for t in tables[0].tasks] == [([lead], [partner]) for lead, partner in _EXPECTED]


def test_a_web_copy_of_the_pdf_text_that_lost_the_sub_labels_indentation_still_splits_the_merged_label() -> None:
    laid = "\n".join(line.lstrip() for line in pdf(_MERGED_HEADER, __import__("random").Random(1)).split("\n"))
    # (where a unit's name wrapped, its last word alone on a trimmed line is not always set back under it)
    assert [(lead.split()[:3], partner) for lead, partner in _units(laid)] == [
        (lead.split()[:3], partner) for lead, partner in _EXPECTED
    ]


def test_a_stacked_two_line_header_is_put_back_in_the_order_of_the_rows_cells() -> None:
    stacked = cells(_MERGED_HEADER, __import__("random").Random(2))
    assert "Cơ quan thực hiện\nThời gian hoàn thành\nChủ trì\nPhối hợp" in stacked  # the web copy's order
    assert _units(stacked) == _EXPECTED


# An invented annex whose groups are lettered and whose rows are numbered again under each group.
_GROUPED = _OPENING + "\n".join([
    "STT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian",
    "A\tPHÁT TRIỂN TỦ SÁCH\t\t\t",
    "1\tKhảo sát nhu cầu đọc sách của người dân các xã\tPhòng Văn hóa và Thông tin\tUBND các xã\tQuý I/2026",
    "2\tBổ sung đầu sách cho tủ sách thôn, bản\tTrung tâm Văn hóa huyện\tHội Liên hiệp Phụ nữ huyện\tQuý III/2026",
    "B\tKHUYẾN ĐỌC\t\t\t",
    "1\tTổ chức ngày hội đọc sách cho học sinh tiểu học\tPhòng Giáo dục và Đào tạo\tHuyện đoàn Nam Sơn\tTháng 4/2026",
]) + _CLOSING


def test_a_stacked_table_whose_groups_are_lettered_and_rows_numbered_again_under_each_keeps_every_row() -> None:
    stacked = cells(_GROUPED, __import__("random").Random(2))
    assert [u for u in _units(stacked) if u[0]] == _EXPECTED
    roman = cells(_GROUPED.replace("\nA\t", "\nI\t").replace("\nB\t", "\nII\t"), __import__("random").Random(2))
    assert [u for u in _units(roman) if u[0]] == _EXPECTED


def _table(header: str, rows: list[str]) -> str:
    return _OPENING + "\n".join([header, *rows]) + _CLOSING


_ROWS = [
    "1\tKhảo sát nhu cầu đọc sách của người dân các xã\tPhòng Văn hóa và Thông tin\tUBND các xã\tQuý I/2026",
    "2\tBổ sung đầu sách cho tủ sách thôn, bản\tTrung tâm Văn hóa huyện\tHội Liên hiệp Phụ nữ huyện\tQuý III/2026",
    "3\tTổ chức ngày hội đọc sách cho học sinh tiểu học\tPhòng Giáo dục và Đào tạo\tHuyện đoàn Nam Sơn\tTháng 4/2026",
]
_HEADER = "STT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian"


def test_a_row_that_numbers_the_columns_under_the_header_is_part_of_the_header_not_a_task() -> None:
    numbered = _table(_HEADER, ["(1)\t(2)\t(3)\t(4)\t(5)", *_ROWS])
    assert _units(numbered) == _EXPECTED  # the clean table: no task "(1) (2)"
    assert _units(cells(numbered, __import__("random").Random(2))) == _EXPECTED  # its web copy, one cell a line


def test_a_stacked_tables_last_row_whose_empty_notes_cell_the_web_copy_dropped_is_kept() -> None:
    noted = _table(_HEADER + "\tGhi chú", [row + "\t" for row in _ROWS])
    assert _units(cells(noted, __import__("random").Random(2))) == _EXPECTED


def test_the_header_a_page_break_repeated_inside_a_stacked_table_ends_the_row_above_it() -> None:
    repeated = _table(_HEADER, [*_ROWS[:2], _HEADER, _ROWS[2]])
    assert _units(cells(repeated, __import__("random").Random(2))) == _EXPECTED


def test_a_stacked_cell_listing_bodies_one_a_line_after_a_semicolon_is_one_cell() -> None:
    listed = _table(_HEADER, [_ROWS[0].replace("UBND các xã", "UBND các xã;\nPhòng Tài chính - Kế hoạch"), *_ROWS[1:]])
    assert _units(cells(listed, __import__("random").Random(2)))[0] == (
        "Phòng Văn hóa và Thông tin", "UBND các xã Phòng Tài chính - Kế hoạch"
    )


def test_a_stacked_task_cell_wrapped_before_a_joining_word_is_one_cell_even_in_a_row_short_of_cells() -> None:
    # The second row's partner cell is empty (the web copy drops it) and its work wraps before "của": the line
    # "của các thôn, bản" goes on the work, not into the lead's column.
    wrapped = _table(_HEADER, [
        _ROWS[0],
        "2\tBổ sung đầu sách cho tủ sách\ncủa các thôn, bản\tTrung tâm Văn hóa huyện\t\tQuý III/2026",
        "3\tTổ chức ngày hội\ncủa học sinh tiểu học\tPhòng Giáo dục và Đào tạo\tHuyện đoàn Nam Sơn\tTháng 4/2026",
    ])
    units = _units(cells(wrapped, __import__("random").Random(2)))
    assert [lead for lead, _ in units] == [lead for lead, _ in _EXPECTED]


# An invented annex as a PDF's text layer lays it out; a web copy of that text strips every line's indentation.
_LAID = """TT    Nhiệm vụ                               Chủ trì        Phối hợp     Thời gian
1     Rà soát mạng lưới thư viện các xã      Sở Văn hóa     Đài PT-TH    Quý I/2026
      trong toàn huyện                       và Thể thao    huyện;
                                                            TTXVN/VTV/VOV/VNA
2     Bổ sung đầu sách cho thư viện          Phòng Giáo     Hội Nông     Năm 2026
      thôn bản vùng sâu                      dục            dân huyện
3     Tổ chức ngày hội đọc sách              Phòng Văn      Huyện đoàn   Tháng 4/2026
      cho học sinh tiểu học                  hóa"""


def test_a_trimmed_laid_out_line_whose_one_word_runs_past_its_narrow_column_stays_in_that_column() -> None:
    trimmed = "\n".join(line.lstrip() for line in _LAID.split("\n"))
    text = _OPENING + trimmed + "\n\nIII. TỔ CHỨC THỰC HIỆN\nCác phòng báo cáo kết quả.\n"
    units = [(t["lead"], t["coordinate"]) for t in extract_plan(text, "x")["tasks"] if t["lead"]]
    assert units[0] == (["Sở Văn hóa và Thể thao"], ["Đài PT-TH huyện", "TTXVN/VTV/VOV/VNA"])


def test_a_stacked_table_whose_number_column_has_no_label_opens_at_its_work_label_and_keeps_its_rows() -> None:
    unlabelled = _table("\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian", _ROWS)
    tasks = extract_plan(cells(unlabelled, __import__("random").Random(2)), "x")["tasks"]
    assert [(" ".join(t["lead"]), " ".join(t["coordinate"])) for t in tasks] == _EXPECTED
    assert tasks[0]["title"].endswith("Khảo sát nhu cầu đọc sách của người dân các xã")  # its number goes on it


def test_a_trimmed_laid_out_line_opening_with_a_segmented_word_is_measured_by_that_whole_word() -> None:
    # "Hội_Phụ_nữ" (a word segmenter's one word) would not fit beside "huyện;" in the narrow partner column, so it
    # wrapped there, not in the lead's column beside "và Thể thao".
    laid = _LAID.replace("TTXVN/VTV/VOV/VNA", "Hội_Phụ_nữ")
    trimmed = "\n".join(line.lstrip() for line in laid.split("\n"))
    text = _OPENING + trimmed + "\n\nIII. TỔ CHỨC THỰC HIỆN\nCác phòng báo cáo kết quả.\n"
    units = [(t["lead"], t["coordinate"]) for t in extract_plan(text, "x")["tasks"] if t["lead"]]
    assert units[0] == (["Sở Văn hóa và Thể thao"], ["Đài PT-TH huyện", "Hội Phụ nữ"])
