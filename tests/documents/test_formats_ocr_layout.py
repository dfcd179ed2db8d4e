"""Scanned tables read as rows: a ruled table in a page image comes out as TAB-separated cells."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from ansinh.documents.formats import read_document
from ansinh.documents.formats.ocr_layout import layout_text, parse_tsv, plain_text
from ansinh.documents.formats.ocr_rules import erase_rules, find_grids
from tests.documents.ocr_support import FONT, needs_font, needs_ocr

_HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"


def _tsv(words: list[tuple[int, int, int, int, int, str]]) -> str:
    """tesseract TSV for ``(block, line, left, top, width, text)`` words, 30 pixels high, one paragraph per block."""
    rows = [_HEADER]
    for number, (block, line, left, top, width, text) in enumerate(words, start=1):
        rows.append(f"5\t1\t{block}\t1\t{line}\t{number}\t{left}\t{top}\t{width}\t30\t95.0\t{text}")
    return "\n".join(rows) + "\n"


def _ruled_page(columns: list[int], rows: list[int], size: tuple[int, int] = (1800, 1200)) -> Image.Image:
    """A white page with a grid of 3-pixel black rules at the given x and y positions."""
    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    for x in columns:
        draw.rectangle((x, rows[0], x + 2, rows[-1] + 2), fill=0)
    for y in rows:
        draw.rectangle((columns[0], y, columns[-1] + 2, y + 2), fill=0)
    return image


def test_plain_text_keeps_tesseract_lines_and_paragraph_breaks() -> None:
    words = parse_tsv(_tsv([(1, 1, 10, 10, 50, "Điều"), (1, 1, 70, 10, 20, "1."), (2, 1, 10, 80, 90, "Giao")]))
    assert plain_text(words) == "Điều 1.\n\nGiao"


def test_a_page_without_ruled_table_reads_as_tesseract_reads_it() -> None:
    words = parse_tsv(_tsv([(1, 1, 100, 100, 200, "Kế"), (1, 1, 320, 100, 200, "hoạch")]))
    blank = Image.new("L", (1000, 800), 255)
    assert find_grids(blank) == []
    assert layout_text(words, find_grids(blank)) == "Kế hoạch"


def test_grid_of_printed_rules_is_found_with_its_rows_and_columns() -> None:
    page = _ruled_page([100, 400, 1100, 1500], [200, 300, 500, 700])
    (grid,) = find_grids(page)
    assert len(grid.xs) == 4 and len(grid.ys) == 4
    assert abs(grid.xs[1] - 401) <= 3 and abs(grid.ys[2] - 501) <= 3


def test_an_underline_or_lone_frame_is_not_a_table() -> None:
    image = Image.new("L", (1800, 1200), 255)
    draw = ImageDraw.Draw(image)
    draw.rectangle((600, 150, 1200, 152), fill=0)  # the line under a motto
    draw.rectangle((100, 400, 1000, 700), outline=0, width=3)  # a framed note: one cell
    assert find_grids(image) == []


def test_columns_read_one_after_another_become_rows_with_cells() -> None:
    # tesseract read the table column by column: tasks, then agencies, then deadlines.
    page = _ruled_page([100, 900, 1400, 1700], [200, 300, 500, 700])
    tsv = _tsv([
        (1, 1, 110, 100, 300, "Phụ"), (1, 1, 420, 100, 100, "lục"),
        (2, 1, 110, 230, 200, "Nhiệm"), (2, 1, 320, 230, 60, "vụ"),
        (2, 2, 110, 330, 200, "Rà"), (2, 2, 320, 330, 100, "soát"),
        (2, 3, 110, 380, 200, "quy"), (2, 3, 320, 380, 100, "hoạch"),
        (2, 4, 110, 530, 200, "Lập"), (2, 4, 320, 530, 100, "đề"), (2, 4, 430, 530, 100, "án"),
        (3, 1, 910, 230, 200, "Chủ"), (3, 1, 1120, 230, 100, "trì"),
        (3, 2, 910, 330, 200, "Sở"), (3, 2, 1120, 330, 100, "Xây"), (3, 2, 1230, 330, 100, "dựng"),
        (3, 3, 910, 530, 200, "|"), (3, 3, 940, 530, 200, "Sở"), (3, 3, 1150, 530, 100, "Tài"),
        (3, 3, 1260, 530, 100, "chính"),
        (4, 1, 1410, 230, 200, "Thời"), (4, 1, 1620, 230, 60, "hạn"),
        (4, 2, 1410, 330, 200, "6/2027"),
        (4, 3, 1410, 530, 200, "Quý"), (4, 3, 1620, 530, 60, "IV"),
        (5, 1, 110, 800, 200, "Hết."),
    ])
    text = layout_text(parse_tsv(tsv), find_grids(page))
    assert text.split("\n") == [
        "Phụ lục",
        "Nhiệm vụ\tChủ trì\tThời hạn",
        "Rà soát quy hoạch\tSở Xây dựng\t6/2027",
        "Lập đề án\tSở Tài chính\tQuý IV",
        "Hết.",
    ]


def test_a_heading_across_the_table_stays_in_its_first_cell() -> None:
    # The middle row has no rule between its first two columns: a merged cell.
    page = _ruled_page([100, 900, 1400, 1700], [200, 300, 400, 500])
    draw = ImageDraw.Draw(page)
    draw.rectangle((900, 302, 902, 398), fill=255)
    tsv = _tsv([
        (1, 1, 110, 230, 200, "STT"), (2, 1, 910, 230, 200, "Đơn"), (2, 1, 1120, 230, 100, "vị"),
        (3, 1, 110, 330, 200, "Nhóm"), (3, 1, 920, 330, 200, "một"),
        (4, 1, 110, 430, 200, "1"), (4, 1, 910, 430, 200, "Xã"), (4, 1, 1120, 430, 100, "An"),
        (4, 1, 1410, 430, 100, "Có"),
    ])
    rows = layout_text(parse_tsv(tsv), find_grids(page)).split("\n")
    assert rows == ["STT\tĐơn vị\t", "Nhóm một\t\t", "1\tXã An\tCó"]


def test_the_first_row_is_read_again_cell_by_cell() -> None:
    page = _ruled_page([100, 900, 1400, 1700], [200, 300, 400])
    tsv = _tsv([
        (1, 1, 110, 230, 200, "Nhiệm"), (1, 1, 320, 230, 60, "vụ"), (2, 1, 910, 230, 300, "C0'quan"),
        (3, 1, 110, 330, 200, "Rà"), (3, 1, 320, 330, 100, "soát"), (4, 1, 910, 330, 200, "Sở"),
        (4, 1, 1120, 330, 100, "Y"), (5, 1, 1410, 330, 100, "2027"),
    ])
    seen: list[tuple[int, int, int, int]] = []

    def read_box(box: tuple[int, int, int, int]) -> str:
        seen.append(box)
        return "Cơ quan\nchủ trì\n" if box[0] > 800 else "Nhiệm vụ\n"

    rows = layout_text(parse_tsv(tsv), find_grids(page), read_box).split("\n")
    assert rows == ["Nhiệm vụ\tCơ quan chủ trì\t", "Rà soát\tSở Y\t2027"]
    assert len(seen) == 2 and all(top < 250 for _, top, _, _ in seen)


def test_a_row_number_the_page_reading_dropped_is_read_in_its_cell() -> None:
    page = _ruled_page([100, 300, 1100, 1500], [200, 300, 400, 500])
    tsv = _tsv([
        (1, 1, 110, 230, 100, "TT"), (1, 1, 310, 230, 200, "Nội"), (1, 1, 520, 230, 100, "dung"),
        (2, 1, 310, 330, 200, "Kiểm"), (2, 1, 520, 330, 100, "tra"),
        (3, 1, 310, 430, 200, "Tổng"), (3, 1, 520, 430, 100, "kết"),
    ])
    readings = {330: "2.\n", 430: "ghi chú\n"}  # a number, then a scrap that is no row number

    def read_box(box: tuple[int, int, int, int]) -> str:
        return readings.get(round(box[1] / 10) * 10 + 30, "TT\n" if box[0] < 250 else "Nội dung\n")

    rows = layout_text(parse_tsv(tsv), find_grids(page), read_box).split("\n")
    assert rows == ["TT\tNội dung\t", "2.\tKiểm tra\t", "\tTổng kết\t"]


def test_erasing_rules_leaves_the_letters_in_the_cells() -> None:
    page = _ruled_page([100, 400, 1100, 1500], [200, 300, 500, 700])
    draw = ImageDraw.Draw(page)
    draw.rectangle((450, 375, 462, 425), fill=0)  # a letter's stem, shorter than any rule
    clean = erase_rules(page, find_grids(page))
    assert clean.getpixel((401, 400)) == 255 and clean.getpixel((700, 501)) == 255
    assert clean.getpixel((456, 400)) == 0


def _scanned_table(cells: list[list[str]]) -> Image.Image:
    columns, rows = [80, 900, 1450, 1950], [120, 220, 320, 420]
    page = _ruled_page(columns, rows, size=(2100, 600))
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(FONT), 40)
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            draw.text((columns[c] + 25, rows[r] + 25), text, font=font, fill=0)
    return page


@needs_ocr
@needs_font
def test_scanned_assignment_table_reads_as_rows(tmp_path: Path) -> None:
    cells = [
        ["Nhiệm vụ", "Chủ trì", "Thời hạn"],
        ["Kiểm tra nhà ở", "Sở Xây dựng", "Quý III"],
        ["Báo cáo tổng hợp", "Văn phòng", "Tháng 12"],
    ]
    path = tmp_path / "bang.png"
    _scanned_table(cells).save(path, dpi=(300, 300))
    lines = [line for line in read_document(path).text.split("\n") if "\t" in line]
    assert [line.split("\t") for line in lines] == cells


@needs_ocr
@needs_font
def test_scanned_pdf_table_keeps_a_rows_empty_last_cells(tmp_path: Path) -> None:
    cells = [
        ["Nhiệm vụ", "Chủ trì", "Thời hạn"],
        ["Rà soát hồ sơ", "", ""],
        ["Lập danh sách", "Sở Nội vụ", "Quý II"],
    ]
    path = tmp_path / "bang.pdf"
    _scanned_table(cells).save(path, resolution=300)
    lines = [line for line in read_document(path).text.split("\n") if "\t" in line]
    assert [line.split("\t") for line in lines] == cells
