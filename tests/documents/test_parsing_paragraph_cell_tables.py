"""An assignment table a PDF's text layer wrote a cell a paragraph, with the numbers, persons and deadlines of a page
out of row order, still gives each task its lead: the cell right after the task's (probe table of my own)."""

from __future__ import annotations

from ansinh.documents.parsing import extract_plan

_HEAD = ("TỈNH ỦY BÌNH AN\nCHƯƠNG TRÌNH HÀNH ĐỘNG\nThực hiện Kết luận về bảo vệ môi trường\n\nI. MỤC TIÊU\n"
         "Bảo vệ môi trường.\n\nPHỤ LỤC\nDANH MỤC NHIỆM VỤ\n\n")
# Page 1 in row order; page 2 with the numbers first, then each task and its lead, then persons and deadlines.
_CELLS = [
    "TT", "Nhiệm vụ cụ thể", "I Các nhiệm vụ cần làm ngay trong năm 2026", "Cơ quan, tổ chức \nđảng chủ trì",
    "Cá nhân phụ trách chỉ \nđạo, kiểm tra", "Thời hạn \nthực hiện",
    "1", "Quán triệt Kết luận đến toàn thể cán bộ, đảng \nviên; nâng cao nhận thức của Nhân dân",
    "Các cấp ủy, tổ \nchức đảng", "Bí thư các chi bộ", "Trước ngày \n15/10/2026",
    "7",
    "II Nhiệm vụ thực hiện theo lộ trình đến năm 2030",
    "II.1 Hoàn thiện chính sách, quy hoạch",
    "1", "2",
    "Rà soát văn bản quy phạm pháp luật về bảo \nvệ môi trường trên địa bàn tỉnh", "Đảng ủy UBND \ntỉnh",
    "Xây dựng Kế hoạch quản lý chất thải rắn \nđến năm 2035", "Đảng ủy HĐND \ntỉnh; Đảng ủy UBND tỉnh",
    "Đồng chí Nguyễn Văn A - \nPhó Chủ tịch UBND tỉnh", "Đồng chí Trần Văn B - \nPhó Chủ tịch UBND tỉnh",
    "2026 - 2030", "2027",
]


def test_each_task_of_a_paragraph_cell_table_takes_the_cell_after_it_as_its_lead() -> None:
    text = _HEAD + "\n\n".join(_CELLS) + "\n"
    tasks = [(t["number"], t["title"], t["lead"]) for t in extract_plan(text, "ctr")["tasks"]]
    rows = [t for t in tasks if t[0] is None]
    assert rows == [
        (None, "Quán triệt Kết luận đến toàn thể cán bộ, đảng viên", ["Các cấp ủy, tổ chức đảng"]),
        (None, "Rà soát văn bản quy phạm pháp luật về bảo vệ môi trường trên địa bàn tỉnh", ["Đảng ủy UBND tỉnh"]),
        (None, "Xây dựng Kế hoạch quản lý chất thải rắn đến năm 2035", ["Đảng ủy HĐND tỉnh", "Đảng ủy UBND tỉnh"]),
    ]
    assert ("II.1", "Hoàn thiện chính sách, quy hoạch") in [(t[0], t[1]) for t in tasks]


def test_a_group_row_repeating_a_numbered_heading_of_the_body_is_not_a_second_task() -> None:
    body = "II. NHIỆM VỤ\n1. Các nhiệm vụ cần làm ngay trong năm 2026\nCác nhiệm vụ được xác định tại Phụ lục.\n\n"
    text = _HEAD.replace("PHỤ LỤC", body + "PHỤ LỤC") + "\n\n".join(_CELLS) + "\n"
    titles = [t["title"] for t in extract_plan(text, "ctr")["tasks"]]
    assert titles.count("Các nhiệm vụ cần làm ngay trong năm 2026") == 1
    assert "Hoàn thiện chính sách, quy hoạch" in titles
