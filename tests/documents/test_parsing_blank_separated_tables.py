"""An assignment table a converter wrote one cell per paragraph, with a blank line between cells, reads like the
same table with one cell per line (probe tables of my own)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan

_HEAD = ("ỦY BAN NHÂN DÂN TỈNH BÌNH AN\nKẾ HOẠCH\nThực hiện chính sách an sinh xã hội\n\nI. MỤC TIÊU\nBảo đảm an sinh.\n\n"
         "PHỤ LỤC\nDANH MỤC NHIỆM VỤ\n")
_ROWS = [
    ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"],
    ["1", "Rà soát hộ nghèo, hộ cận nghèo\nnăm 2026 trên địa bàn tỉnh", "Sở Y tế", "Ủy ban nhân dân cấp xã", "Quý IV/2026"],
    ["2", "Chi trả trợ cấp xã hội không\ndùng tiền mặt", "Ủy ban nhân dân cấp xã", "Sở Tài chính, Bưu điện tỉnh", "Năm 2026"],
]


def _tasks(separator: str) -> list[tuple[str, list[str], list[str]]]:
    text = _HEAD + separator.join(separator.join(row) for row in _ROWS) + "\n\nNơi nhận:\n- Như trên.\n"
    return [(t["title"], t["lead"], t["coordinate"]) for t in extract_plan(text, "kh")["tasks"]]


@given(st.sampled_from(["\n\n", "\n \n", "\n\t\n"]))
def test_blank_lines_between_cells_give_the_same_tasks_as_one_cell_per_line(separator: str) -> None:
    assert _tasks(separator) == _tasks("\n") == [
        ("Rà soát hộ nghèo, hộ cận nghèo năm 2026 trên địa bàn tỉnh", ["Sở Y tế"], ["Ủy ban nhân dân cấp xã"]),
        ("Chi trả trợ cấp xã hội không dùng tiền mặt", ["Ủy ban nhân dân cấp xã"], ["Sở Tài chính", "Bưu điện tỉnh"]),
    ]
