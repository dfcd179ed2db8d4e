"""ptasks3 rules: tasks of conclusion notices and directives, one small text of our own each."""

from __future__ import annotations

from typing import Any

from ansinh.documents.parsing import extract_plan


def _tasks(text: str) -> list[str]:
    result: dict[str, Any] = extract_plan(text, "vi-du")
    return [t["title"] for t in result["tasks"]]


_NOTICE = (
    "ỦY BAN NHÂN DÂN\nTỈNH AN BÌNH\nSố: 12/TB-UBND\n"
    "THÔNG BÁO\n{gap}Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc về xóa nhà tạm\n\n"
    "Ngày 5 tháng 3, Chủ tịch UBND tỉnh làm việc với các sở. Sau khi nghe báo cáo, Chủ tịch UBND tỉnh kết luận như sau:\n"
    "1. Sở Xây dựng hướng dẫn các xã hoàn thiện hồ sơ hỗ trợ nhà ở trước ngày 30 tháng 4.\n"
    "2. Sở Tài chính bố trí kinh phí hỗ trợ xây mới nhà ở cho hộ nghèo.\n"
    "3. UBND các xã rà soát danh sách hộ nghèo có nhà tạm.\n"
    "Nay thông báo để các cơ quan biết, thực hiện./.\n"
)


def test_a_conclusion_notice_reads_its_points_when_a_blank_line_follows_thong_bao() -> None:
    # Decree 30/2020 lays the kind line ("THÔNG BÁO") and the summary line apart; scans and PDFs often keep a blank
    # line between them. The points are tasks either way.
    tight = _tasks(_NOTICE.format(gap=""))
    spaced = _tasks(_NOTICE.format(gap="\n"))
    two = _tasks(_NOTICE.format(gap="\n \n"))
    assert len(tight) == 3
    assert spaced == tight == two


def test_a_plain_notice_without_a_conclusion_line_reads_no_duties() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH AN BÌNH\nSố: 13/TB-UBND\nTHÔNG BÁO\n\nLịch tiếp công dân tháng 5\n\n"
        "UBND tỉnh thông báo lịch tiếp công dân như sau:\n"
        "1. Ngày 5 tháng 5: Chủ tịch UBND tỉnh tiếp công dân.\n"
        "2. Ngày 20 tháng 5: Phó Chủ tịch UBND tỉnh tiếp công dân.\n"
    )
    assert _tasks(text) == []
