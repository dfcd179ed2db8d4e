"""ptasks6 rules: which part of a text lists its tasks, read from the text's structure rather than its wording."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan


def _titles(text: str) -> list[str]:
    result: dict[str, Any] = extract_plan(text, "vi-du")
    return [t["title"] for t in result["tasks"]]


_PARTY_PLAN = (
    "ĐẢNG BỘ TỈNH AN BÌNH\nSố: 12-KH/TU\nKẾ HOẠCH\nThực hiện Nghị quyết về chuyển đổi số\n\n"
    "I- Mục đích, yêu cầu\n1. Quán triệt sâu sắc nội dung Nghị quyết.\n"
    "II- Nhiệm vụ và giải pháp\n"
    "1. Nâng cao nhận thức về chuyển đổi số\n"
    "2. Hoàn thiện hạ tầng số của tỉnh\n"
    "III- Tổ chức thực hiện\n1. Ban Tuyên giáo Tỉnh ủy chủ trì tuyên truyền Nghị quyết.\n"
)


def test_a_roman_part_in_sentence_case_after_a_dash_is_read_as_a_part() -> None:
    assert _titles(_PARTY_PLAN) == ["Nâng cao nhận thức về chuyển đổi số", "Hoàn thiện hạ tầng số của tỉnh"]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from([".", "-", "–"]), st.booleans())
def test_the_tasks_do_not_depend_on_how_the_roman_parts_are_marked_or_cased(mark: str, capitals: bool) -> None:
    text = _PARTY_PLAN
    for numeral, title in (("I", "Mục đích, yêu cầu"), ("II", "Nhiệm vụ và giải pháp"), ("III", "Tổ chức thực hiện")):
        text = text.replace(f"{numeral}- {title}\n", f"{numeral}{mark} {title.upper() if capitals else title}\n")
    assert _titles(text) == ["Nâng cao nhận thức về chuyển đổi số", "Hoàn thiện hạ tầng số của tỉnh"]


_NOTICE = (
    "ỦY BAN NHÂN DÂN\nTỈNH AN BÌNH\nSố: 45/TB-UBND\nTHÔNG BÁO\n"
    "Kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại buổi làm việc với Sở Xây dựng\n\n"
    "I. ĐÁNH GIÁ CHUNG\n1. Sở Xây dựng đã hoàn thành phần lớn công việc được giao.\n"
    "II. ĐỊNH HƯỚNG THỜI GIAN TỚI\n"
    "1. Hoàn thành quy hoạch chung đô thị trong quý III năm 2026.\n"
    "2. Rà soát các dự án nhà ở xã hội chậm tiến độ.\n"
)


def test_an_unnamed_part_after_the_assessment_of_a_notice_lists_its_tasks() -> None:
    assert _titles(_NOTICE) == [
        "Hoàn thành quy hoạch chung đô thị trong quý III năm 2026",
        "Rà soát các dự án nhà ở xã hội chậm tiến độ",
    ]


_DIRECTIVE = (
    "ỦY BAN NHÂN DÂN\nTỈNH AN BÌNH\nSố: 05/CT-UBND\nCHỈ THỊ\nVề tăng cường phòng, chống thiên tai năm 2026\n\n"
    "I. TINH THẦN CHUNG\n1. Các cấp, các ngành chủ động từ sớm, từ xa.\n"
    "II. CÔNG TÁC TRỌNG TÂM\n"
    "1. Kiện toàn Ban Chỉ huy phòng, chống thiên tai các cấp\n"
    "2. Kiểm tra an toàn hồ đập trước mùa mưa\n"
    "III. TỔ CHỨC THỰC HIỆN\n1. Sở Nông nghiệp và Môi trường theo dõi, đôn đốc.\n"
)


def test_with_no_opening_part_the_unnamed_part_before_the_organisation_lists_the_tasks() -> None:
    assert _titles(_DIRECTIVE) == ["Kiện toàn Ban Chỉ huy phòng, chống thiên tai các cấp", "Kiểm tra an toàn hồ đập trước mùa mưa"]


def test_a_heading_naming_solutions_inside_an_unnamed_body_part_does_not_take_its_place() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH AN BÌNH\nSố: 21/KH-UBND\nKẾ HOẠCH\nBảo đảm thoát nước mùa mưa năm 2026\n\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n1. Chủ động phòng, chống úng ngập.\n"
        "II. PHƯƠNG ÁN THOÁT NƯỚC NĂM 2026\n"
        "1. Nạo vét kênh mương trước mùa mưa\n"
        "2. Các giải pháp\n2.1. Giải pháp chung\n2.2. Giải pháp cho từng lưu vực\n"
        "III. TỔ CHỨC THỰC HIỆN\n1. Sở Xây dựng chủ trì, đôn đốc thực hiện.\n"
    )
    assert _titles(text) == ["Nạo vét kênh mương trước mùa mưa", "Các giải pháp", "Giải pháp chung", "Giải pháp cho từng lưu vực"]


def test_the_plan_approved_by_a_decision_in_articles_has_its_unnamed_body_part_read() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH AN BÌNH\nSố: 99/QĐ-UBND\nQUYẾT ĐỊNH\nPhê duyệt Kế hoạch trồng cây năm 2026\n\n"
        "Điều 1. Phê duyệt Kế hoạch trồng cây năm 2026 kèm theo Quyết định này.\n"
        "Điều 2. Quyết định này có hiệu lực từ ngày ký.\n\n"
        "KẾ HOẠCH\nTrồng cây năm 2026\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n1. Phủ xanh đất trống.\n"
        "II. TRỒNG CÂY PHÂN TÁN\n1. Trồng cây dọc các tuyến đường tỉnh\n2. Trồng cây tại trường học\n"
        "III. TỔ CHỨC THỰC HIỆN\n1. Sở Nông nghiệp và Môi trường hướng dẫn kỹ thuật.\n"
    )
    assert _titles(text) == ["Trồng cây dọc các tuyến đường tỉnh", "Trồng cây tại trường học"]


def test_a_report_keeps_its_unnamed_parts_as_results() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH AN BÌNH\nSố: 88/BC-UBND\nBÁO CÁO\nKết quả công tác năm 2025\n\n"
        "I. MỤC ĐÍCH\n1. Tổng kết công tác năm.\n"
        "II. CÔNG TÁC TRỒNG CÂY\n1. Đã trồng cây dọc các tuyến đường tỉnh\n2. Đã trồng cây tại trường học\n"
        "III. TỔ CHỨC THỰC HIỆN\n1. Sở Nông nghiệp và Môi trường tổng hợp.\n"
    )
    assert _titles(text) == []


_SLASH_PLAN = (
    "ỦY BAN NHÂN DÂN\nXÃ AN PHÚ\nSố: 07/KH-UBND\nV/v triển khai công tác dân số năm 2026\nKẾ HOẠCH\n"
    "Công tác dân số năm 2026\n\n"
    "I/ MỤC ĐÍCH, YÊU CẦU\n1/ Nâng cao chất lượng dân số.\n"
    "II/ NHIỆM VỤ\n"
    "1/ Công tác tuyên truyền\n"
    "a/ Tuyên truyền trên hệ thống loa truyền thanh của xã\n"
    "b/ Tổ chức nói chuyện chuyên đề tại các thôn\n"
    "2/ Công tác kiểm tra\n"
    "III/ TỔ CHỨC THỰC HIỆN\n1/ Trạm Y tế xã chủ trì, theo dõi.\n"
)
_SLASH_TASKS = [
    ("1", "Công tác tuyên truyền"),
    ("1.a", "Tuyên truyền trên hệ thống loa truyền thanh của xã"),
    ("1.b", "Tổ chức nói chuyện chuyên đề tại các thôn"),
    ("2", "Công tác kiểm tra"),
]


def _numbered(text: str) -> list[tuple[str, str]]:
    result: dict[str, Any] = extract_plan(text, "vi-du")
    return [(t["number"], t["title"]) for t in result["tasks"]]


def test_parts_and_points_marked_with_a_slash_are_read_like_those_marked_with_a_full_stop() -> None:
    assert _numbered(_SLASH_PLAN) == _SLASH_TASKS


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["/", "."]), st.sampled_from(["/", ")", "."]))
def test_the_tasks_do_not_depend_on_the_mark_after_a_roman_numeral_or_a_letter(roman_mark: str, letter_mark: str) -> None:
    text = _SLASH_PLAN
    for numeral in ("I", "II", "III"):
        text = text.replace(f"\n{numeral}/ ", f"\n{numeral}{roman_mark} ")
    for letter in ("a", "b"):
        text = text.replace(f"\n{letter}/ ", f"\n{letter}{letter_mark} ")
    assert _numbered(text) == _SLASH_TASKS


def test_a_letter_then_a_slash_with_no_space_opens_no_point() -> None:
    # "v/v" (về việc) and "b/c" (báo cáo) are abbreviations, not points.
    text = _SLASH_PLAN.replace("2/ Công tác kiểm tra\n", "2/ Công tác kiểm tra.\nb/c kết quả về Ủy ban nhân dân xã.\n")
    assert [number for number, _ in _numbered(text)] == [number for number, _ in _SLASH_TASKS]


def test_points_numbered_in_brackets_after_the_addressees_of_a_letter_are_its_duties() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH AN BÌNH\nSố: 310/UBND-VX\nV/v tăng cường phòng, chống dịch sốt xuất huyết\n"
        "Kính gửi:\n- Sở Y tế;\n- Ủy ban nhân dân các xã, phường.\n\n"
        "Ủy ban nhân dân tỉnh yêu cầu:\n"
        "(1) Sở Y tế theo dõi chặt chẽ diễn biến dịch bệnh trên địa bàn tỉnh.\n"
        "(2) Ủy ban nhân dân các xã, phường tổ chức diệt lăng quăng tại khu dân cư.\n"
    )
    assert _numbered(text) == [
        ("1", "Sở Y tế theo dõi chặt chẽ diễn biến dịch bệnh trên địa bàn tỉnh"),
        ("2", "Ủy ban nhân dân các xã, phường tổ chức diệt lăng quăng tại khu dân cư"),
    ]


def test_points_numbered_in_brackets_under_a_dash_inside_an_item_stay_under_it() -> None:
    text = _SLASH_PLAN.replace(
        "2/ Công tác kiểm tra\n", "2/ Công tác kiểm tra\n- Kiểm tra theo hai đợt:\n(1) Đợt một trong quý II\n(2) Đợt hai trong quý IV\n"
    )
    # The dash sits inside item 2: its bracketed points are not tasks (dash items and what they hold are not).
    assert _numbered(text) == _SLASH_TASKS


_UNNUMBERED = (
    "ỦY BAN NHÂN DÂN\nXÃ AN PHÚ\nSố: 15/KH-UBND\nKẾ HOẠCH\nTRIỂN KHAI CÁC NHIỆM VỤ PHÒNG, CHỐNG CHÁY RỪNG\n\n"
    "MỤC ĐÍCH, YÊU CẦU\n1. Chủ động phòng ngừa cháy rừng.\n"
    "NHIỆM VỤ VÀ GIẢI PHÁP\n"
    "1. Tuyên truyền về phòng cháy rừng\n"
    "2. Tổ chức trực canh lửa trong mùa khô\n"
    "TỔ CHỨC THỰC HIỆN\n1. Ban Chỉ huy Quân sự xã chủ trì, phối hợp với các thôn.\n"
)


def test_part_headings_in_capitals_without_numerals_over_items_from_one_are_parts() -> None:
    assert _numbered(_UNNUMBERED) == [
        ("1", "Tuyên truyền về phòng cháy rừng"),
        ("2", "Tổ chức trực canh lửa trong mùa khô"),
    ]


def test_a_title_in_capitals_not_followed_by_an_item_one_opens_no_part() -> None:
    # The title line "TRIỂN KHAI CÁC NHIỆM VỤ …" names work but opens no list: it stays the document's title.
    text = _UNNUMBERED.replace("NHIỆM VỤ VÀ GIẢI PHÁP\n", "CÁC HOẠT ĐỘNG KHÁC\n")
    assert "Chủ động phòng ngừa cháy rừng" not in [title for _, title in _numbered(text)]
