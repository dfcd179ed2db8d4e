"""Narrow columns of a space-laid assignment table wrap word by word: a header label over three or four lines
("Đơn" / "vị" / "chủ" / "trì"), a body's name after its head word ("Văn phòng" / "UBND tỉnh")."""

from __future__ import annotations

from typing import Any

from ansinh.documents.parsing import extract_plan
from ansinh.documents.parsing.table_cells import join_cell_lines
from ansinh.lib.text import normalize_text

HEAD = (
    "ỦY BAN NHÂN DÂN\nTỈNH PHÚ YÊN\nSố: 77/KH-UBND\nPhú Yên, ngày 6 tháng 5 năm 2026\n\nKẾ HOẠCH\n"
    "Cải cách hành chính năm 2026\n\nI. MỤC ĐÍCH, YÊU CẦU\nNâng cao chất lượng phục vụ người dân.\n\n"
    "II. NHIỆM VỤ\nCác cơ quan thực hiện các nhiệm vụ tại Phụ lục kèm theo.\n\nPHỤ LỤC\n"
)

# A header whose narrow lead and partner labels wrap a word a line, laid out by hand as pdftotext prints it.
WRAPPED_HEADER = """TT    Nội dung công việc                    Đơn     Đơn     Sản   Thời
                                            vị      vị      phẩm  gian
                                            chủ     phối          hoàn
                                            trì     hợp           thành
1     Số hóa hồ sơ thủ tục hành chính đã    Sở      Sở      Báo   Quý
      giải quyết tại bộ phận một cửa.       Nội vụ  Tư      cáo   III/2026
                                                    pháp
2     Rà soát quy trình nội bộ giải quyết   Sở Tư   Sở      Quy   2026
      thủ tục hành chính liên thông.        pháp    Nội vụ  trình
"""


def _tasks(text: str) -> list[tuple[Any, ...]]:
    got = extract_plan(normalize_text(text), "x")["tasks"]
    assert isinstance(got, list)
    return [(t["title"], tuple(t["lead"]), tuple(t["coordinate"]), t["timeline"]) for t in got if t["lead"]]


def test_a_header_whose_narrow_labels_wrap_a_word_a_line_over_four_lines_names_its_columns() -> None:
    assert _tasks(HEAD + WRAPPED_HEADER) == [
        ("Số hóa hồ sơ thủ tục hành chính đã giải quyết tại bộ phận một cửa.", ("Sở Nội vụ",), ("Sở Tư pháp",),
         "Quý III/2026"),
        ("Rà soát quy trình nội bộ giải quyết thủ tục hành chính liên thông.", ("Sở Tư pháp",), ("Sở Nội vụ",), "2026"),
    ]


def test_a_body_head_word_alone_on_its_line_goes_on_with_the_name_the_column_wrapped() -> None:
    assert join_cell_lines("chu tri", "Văn phòng", "UBND tỉnh") == "Văn phòng UBND tỉnh"
    assert join_cell_lines("phoi hop", "Sở Y tế, Bộ", "Công an") == "Sở Y tế, Bộ Công an"
    # A finished name followed by a body's name is the next body of the list, as before.
    assert join_cell_lines("phoi hop", "Sở Tài chính", "Sở Y tế") == "Sở Tài chính, Sở Y tế"
