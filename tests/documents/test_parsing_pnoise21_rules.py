"""Round 21 noise rules (pnoise21): a broken assignment table whose header a web copy wrote one label a line."""

from __future__ import annotations

from typing import Any

from ansinh.documents.parsing import extract_plan
from ansinh.documents.parsing.clean import prepare
from ansinh.documents.parsing.stacked_broken import find_stacked_broken_tables
from ansinh.lib.text import normalize_text

# An invented plan: its annex's header a markdown table over rows a converter broke into loose lines.
_HEAD = (
    "ỦY BAN NHÂN DÂN\nTỈNH BẮC LÂM\nSố: 12/KH-UBND\nBắc Lâm, ngày 5 tháng 3 năm 2026\n\nKẾ HOẠCH\n"
    "Phát triển làng nghề truyền thống giai đoạn 2026-2030\n\nI. MỤC ĐÍCH, YÊU CẦU\nGiữ gìn nghề thủ công.\n\n"
    "II. TỔ CHỨC THỰC HIỆN\nCác cơ quan thực hiện các nhiệm vụ tại Phụ lục kèm theo.\n\nPHỤ LỤC\n"
    "Danh mục nhiệm vụ trọng tâm\n"
    "|     |          | Cơ quan |                  | Thời gian  |\n"
    "| --- | -------- | ------- | ---------------- | ---------- |\n"
    "| STT | Nội dung | chủ trì | Cơ quan phối hợp | thực hiện  |\n"
)
_BODY = (
    "I Bảo tồn nghề thủ công\n"
    "1 Kiểm kê các làng nghề đang hoạt động  Sở Văn hóa, Thể thao và Du lịch  2026\n"
    "2 Hỗ trợ nghệ nhân truyền nghề cho thanh niên  Sở Nông nghiệp và Môi trường  2026-2027\n"
    "II Quảng bá sản phẩm làng nghề\n"
    "1 Mở gian hàng trực tuyến cho hợp tác xã  Sở Công Thương  UBND các xã, phường  2027\n"
    "2 Tổ chức lễ hội làng nghề hằng năm  Sở Văn hóa, Thể thao và Du lịch  Hằng năm\n"
)


def _tasks(text: str) -> list[tuple[Any, ...]]:
    got = extract_plan(normalize_text(text), "x")["tasks"]
    assert isinstance(got, list)
    return [(t["number"], t["title"], tuple(t["lead"])) for t in got]


_LABELS = ("Cơ quan", "Thời gian", "STT", "Nội dung", "Cơ quan phối hợp", "chủ trì", "thực hiện")


def _web_copy(text: str, blank: bool) -> str:
    """The markdown header's cells one a line, row by row (a blank line between them or none), as a web page's text
    copy writes them."""
    start = text.index("|     |")
    end = text.index("\n", text.index("| STT")) + 1
    return text[:start] + ("\n\n" if blank else "\n").join(_LABELS) + "\n" + text[end:]


def test_a_broken_tables_rows_are_read_when_a_web_copy_wrote_its_header_one_label_a_line() -> None:
    for blank in (False, True):
        rows = {n: (title, lead) for n, title, lead in _tasks(_web_copy(_HEAD + _BODY, blank))}
        assert rows.get("I.2") == ("Hỗ trợ nghệ nhân truyền nghề cho thanh niên", ("Sở Nông nghiệp và Môi trường",))
        assert rows.get("II.1") == ("Mở gian hàng trực tuyến cho hợp tác xã", ("Sở Công Thương",))


def test_the_web_copy_reads_the_same_rows_as_the_markdown_header_does() -> None:
    clean = [row for row in _tasks(_HEAD + _BODY) if row[0].startswith(("I", "II"))]
    assert [row for row in _tasks(_web_copy(_HEAD + _BODY, False)) if row[0].startswith(("I", "II"))] == clean


def test_a_stack_of_labels_without_a_lead_label_is_no_assignment_header() -> None:
    text = _web_copy(_HEAD + _BODY, False).replace("chủ trì\n", "ghi chú\n")
    assert find_stacked_broken_tables(prepare(normalize_text(text))) == []


def test_a_stacked_table_whose_cells_the_stacked_reader_joined_into_rows_is_left_to_it() -> None:
    table = "\n".join(["STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian",
                       "1", "Kiểm kê các làng nghề đang hoạt động", "Sở Văn hóa, Thể thao và Du lịch", "UBND các xã", "2026",
                       "2", "Hỗ trợ nghệ nhân truyền nghề cho thanh niên", "Sở Nông nghiệp và Môi trường", "Hội Nông dân tỉnh",
                       "2027"])
    text = _HEAD.split("|")[0] + table + "\n"
    assert find_stacked_broken_tables(prepare(normalize_text(text))) == []


# The rows a web copy wrote one cell a line: a markdown row's number alone ("2", "1.2"), then its cells that hold text.
_CELL_ROWS = (
    "I Bảo tồn nghề thủ công\n"
    "1 Kiểm kê các làng nghề đang hoạt động  Sở Văn hóa, Thể thao và Du lịch  2026\n"
    "Hỗ trợ nghệ nhân truyền nghề cho thanh niên  Mở lớp  truyền nghề\n"
    "2\n"
    "Sở Nông nghiệp và Môi trường\n"
    "Hội Nông dân tỉnh\n"
    "2026-2027\n"
    "7\n"
    "Xây dựng nhà trưng bày sản phẩm gốm cổ  Sản phẩm  trưng bày\n"
    "3\n"
    "Sở Xây dựng\n"
    "x\n"
    "2028\n"
)


def test_a_whole_number_alone_that_numbers_the_next_row_is_a_row_under_a_stacked_header() -> None:
    rows = {n: title for n, title, _ in _tasks(_web_copy(_HEAD + _CELL_ROWS, False))}
    assert rows.get("I.2") == "Hỗ trợ nghệ nhân truyền nghề cho thanh niên"
    assert rows.get("I.3") == "Xây dựng nhà trưng bày sản phẩm gốm cổ"


def test_a_whole_number_out_of_the_rows_order_is_a_page_number_not_a_row() -> None:
    assert "I.7" not in {n for n, *_ in _tasks(_web_copy(_HEAD + _CELL_ROWS, False))}


def test_the_names_on_the_lines_after_a_row_number_alone_are_its_lead_then_its_partners() -> None:
    got = extract_plan(normalize_text(_web_copy(_HEAD + _CELL_ROWS, False)), "x")["tasks"]
    assert isinstance(got, list)
    rows = {t["number"]: (tuple(t["lead"]), tuple(t["coordinate"])) for t in got}
    assert rows.get("I.2") == (("Sở Nông nghiệp và Môi trường",), ("Hội Nông dân tỉnh",))
    assert rows.get("I.3") == (("Sở Xây dựng",), ())


def test_a_whole_number_alone_stays_a_page_number_under_a_markdown_header() -> None:
    assert "I.2" not in {n for n, *_ in _tasks(_HEAD + _CELL_ROWS)}


def test_rows_whose_cells_a_copy_set_a_blank_line_apart_are_read_as_those_without() -> None:
    # A long notes cell under row 2 (thirty short lines): with a blank line after each, row 3 is as far below as the
    # end of a table, unless the blank lines are read as the cells' edges.
    notes = "".join(f"điểm {k} khảo sát\n" for k in range(30))
    rows_text = _CELL_ROWS.replace("2026-2027\n", "2026-2027\n" + notes)
    text = _web_copy(_HEAD, True) + rows_text.replace("\n", "\n\n")
    rows = {n: (title, lead) for n, title, lead in _tasks(text)}
    assert rows.get("I.2") == ("Hỗ trợ nghệ nhân truyền nghề cho thanh niên", ("Sở Nông nghiệp và Môi trường",))
    assert rows.get("I.3") == ("Xây dựng nhà trưng bày sản phẩm gốm cổ", ("Sở Xây dựng",))


def _paragraph_cells(rows: list[list[str]]) -> str:
    """A table whose every cell a copy wrote as a paragraph of its own, rows in order (a blank line between cells)."""
    head = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Sản phẩm đầu ra", "Thời hạn"]
    return "\n\n".join(cell for row in [head, *rows] for cell in row) + "\n"


def test_a_table_whose_rows_the_stacked_reader_put_in_order_keeps_its_partners_though_written_a_cell_a_paragraph() -> None:
    rows = [
        ["1", "Kiểm kê các làng nghề đang hoạt động", "Sở Văn hóa, Thể thao và Du lịch", "Các cơ quan liên quan",
         "Báo cáo kiểm kê", "30/6/2026"],
        ["2", "Hỗ trợ nghệ nhân truyền nghề cho thanh niên", "Sở Nông nghiệp và Môi trường", "Hội Nông dân tỉnh",
         "Lớp truyền nghề được mở", "30/9/2026"],
        ["3", "Mở gian hàng trực tuyến cho hợp tác xã", "Sở Công Thương", "UBND các xã, phường",
         "Gian hàng hoạt động", "31/12/2026"],
    ]
    text = _HEAD.split("|")[0] + _paragraph_cells(rows)
    got = extract_plan(normalize_text(text), "x")["tasks"]
    assert isinstance(got, list)
    tasks = {t["title"]: (tuple(t["lead"]), tuple(t["coordinate"])) for t in got}
    assert tasks.get("Hỗ trợ nghệ nhân truyền nghề cho thanh niên") == (("Sở Nông nghiệp và Môi trường",), ("Hội Nông dân tỉnh",))
    assert "Các cơ quan liên quan" not in tasks  # a partner's cell is no task of its own
