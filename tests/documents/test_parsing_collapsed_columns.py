"""A task table whose next page was read without the columns the first page leaves empty keeps its rows."""

from __future__ import annotations

from ansinh.documents.parsing import extract_plan
from ansinh.lib.text import normalize_text

HEAD = (
    "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH\nSố: 498/KH-UBND\nHà Tĩnh, ngày 10 tháng 11 năm 2016\nKẾ HOẠCH\n"
    "Ứng dụng công nghệ thông tin năm 2017\nI. MỤC TIÊU\nNâng cao hiệu quả.\nII. NHIỆM VỤ\nCác nhiệm vụ cụ thể tại bảng sau:\n"
)
TABLE = (
    "STT\tNội dung nhiệm vụ\t\tCơ quan chủ trì\t\tCơ quan phối hợp\tThời gian\n"
    "1\tRà soát hạ tầng mạng của các cơ quan\t\tSở Thông tin và Truyền thông\t\tSở Tài chính\tQuý I\n"
    "2\tNâng cấp Cổng thông tin điện tử tỉnh\t\tVăn phòng UBND tỉnh\t\tSở Thông tin và Truyền thông\tQuý II\n"
    "\n"
    "3\tTriển khai chữ ký số cho cán bộ\tSở Nội vụ\tBưu điện tỉnh\tQuý III\n"
    "4\tĐào tạo kỹ năng an toàn thông tin\tSở Thông tin và Truyền thông\tCông an tỉnh\tQuý IV\n"
    "III. TỔ CHỨC THỰC HIỆN\nCác sở, ngành triển khai thực hiện.\n"
)


def test_rows_of_the_next_page_read_without_the_empty_columns_go_under_the_named_ones() -> None:
    tasks = extract_plan(normalize_text(HEAD + TABLE), "kh")["tasks"]
    by_number = {t["number"]: (t["lead"], t["coordinate"]) for t in tasks}
    assert by_number["3"] == (["Sở Nội vụ"], ["Bưu điện tỉnh"])
    assert by_number["4"] == (["Sở Thông tin và Truyền thông"], ["Công an tỉnh"])
    assert by_number["1"] == (["Sở Thông tin và Truyền thông"], ["Sở Tài chính"])
