"""Tables laid out with spaces under noise combined: a web copy (indentation lost) of a PDF's text that also carries
Markdown emphasis, a word segmenter's spacing, OCR's look-alikes and page breaks (issue 10)."""

from __future__ import annotations

from ansinh.documents.parsing.clean import prepare
from ansinh.documents.parsing.layout_headers import _header_under, _runs
from ansinh.documents.parsing.layout_tables import find_layout_tables

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


_WORK = (
    "TT\tNhóm hoạt động\tHoạt động\tCơ quan chủ trì\tCơ quan phối hợp\tĐầu ra chủ yếu\tThời gian\n"
    "a)\tNhóm hoạt động nhằm hạn chế mất rừng\t\t\t\t\t\n"
    "-\tTiếp tục rà soát, điều chỉnh quy hoạch sử dụng đất lâm nghiệp\t+ Rà soát, điều chỉnh quy hoạch, kế hoạch sử dụng"
    " đất của các ngành\tBộ Tài nguyên và Môi trường\tBộ Nông nghiệp và Môi trường, Bộ Công Thương, Ủy ban nhân dân tỉnh"
    "\t- Báo cáo đề xuất điều chỉnh quy hoạch sử dụng đất\t2026 - 2030\n"
    "\t\t+ Hỗ trợ lập quy hoạch sử dụng đất liên ngành cấp tỉnh\tỦy ban nhân dân tỉnh\tBộ Nông nghiệp và Môi trường, các"
    " cơ quan liên quan\t- Tài liệu hướng dẫn lập quy hoạch\t2026 - 2030\n"
    "\t\t+ Quản lý chặt chẽ việc đánh giá tác động môi trường\tBộ Nông nghiệp và Môi trường\tBộ Công Thương, Bộ Xây dựng"
    "\t- Quy định về đánh giá tác động\t2027\n"
)


def test_a_work_table_laid_out_then_copied_to_a_web_page_keeps_its_rows_header_and_leads() -> None:
    """Its header's wrapped labels ("Cơ" / "quan" / "chủ" / "trì" beside "Thời" / "gian"), a row's lone "-" mark, a word
    wider than its column pushing the next cells right and a value split off its cell all survive the lost indentation."""
    import random

    from ansinh.documents.noise import pdf
    from ansinh.documents.parsing.target_layout import find_layout_target_tables

    text = "KẾ HOẠCH\nBảo vệ rừng giai đoạn 2026 - 2030\n\nPHỤ LỤC\nNỘI DUNG CÁC HOẠT ĐỘNG\n" + _WORK + "\nNơi nhận:\n"
    for seed in range(4):
        laid = pdf(text, random.Random(seed))
        web = "\n".join(line.strip() for line in laid.split("\n"))
        want = [[c.text for c in r.cells[3:5]] for t in find_layout_target_tables(prepare(laid)) for r in t.rows]
        got = [[c.text for c in r.cells[3:5]] for t in find_layout_target_tables(prepare(web)) for r in t.rows]
        # (A value of the last column's wrapped line, "2030", may go on either of two cells the widths both allow.)
        assert len(got) == len(want) == 4
        assert all(g.startswith(w) for gr, wr in zip(got, want, strict=True) for g, w in zip(gr, wr, strict=True))
