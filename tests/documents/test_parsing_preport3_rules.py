"""Mentions of "báo cáo" that are no reporting duty: features of a system, registers, guidance on a regime, and the
escalation alternative ("… hoặc báo cáo X để xem xét"); and the duties next to them that must still be read.

Probe texts written for these rules from how decrees on information systems and provincial directives are built
(a definitions article, a "Trách nhiệm của …" article with lettered duties); none is copied from a corpus document.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan
from ansinh.documents.parsing.clean import fold
from ansinh.documents.parsing.report_owed import not_a_duty

NOT_DUTIES = [
    # a system's feature
    "Có chức năng tổng hợp, thống kê, báo cáo định kỳ hoặc đột xuất phục vụ quản lý cơ sở dữ liệu an sinh",
    "Cung cấp công cụ để cơ sở giáo dục lập hồ sơ và công cụ báo cáo tình hình tuyển sinh theo quy định",
    # what a system lets its users do, far from the verb
    "Cổng dịch vụ việc làm (sau đây gọi là Cổng) được kết nối với Cơ sở dữ liệu quốc gia về dân cư cho phép người"
    " lao động và doanh nghiệp đăng ký, tra cứu, cập nhật thông tin tuyển dụng, lưu trữ hồ sơ, đồng thời thực hiện"
    " báo cáo tình hình tuyển dụng lao động theo quy định tại Nghị định này",
    # a regime as the subject of guidance
    "Ban hành hướng dẫn về kết nối, chia sẻ dữ liệu; về mã định danh hồ sơ; về chế độ báo cáo phục vụ quản lý nhà"
    " nước về trợ giúp xã hội",
    # a register kept up to date, other reports left to other rules
    "Cung cấp thông tin, cập nhật báo cáo tình hình trợ giúp xã hội trên địa bàn và các báo cáo khác theo quy định",
    # the superior's report drafted by its advisor
    "Thống kê, tổng kết thực tiễn; tham mưu giúp Ủy ban nhân dân tỉnh xây dựng báo cáo, sơ kết, tổng kết công tác"
    " bảo trợ xã hội định kỳ 6 tháng, hằng năm và đột xuất theo yêu cầu",
    # the escalation alternative
    "Chỉ đạo Phòng Tài chính nắm bắt các hộ chưa kê khai để đôn đốc thực hiện hoặc báo cáo Sở Tài chính để xem xét,"
    " xử lý",
]

DUTIES = [
    "Sở Y tế tổng hợp kết quả, định kỳ 6 tháng, hằng năm báo cáo Ủy ban nhân dân tỉnh",
    "Bộ Nội vụ theo dõi, đôn đốc việc thực hiện, định kỳ hằng năm báo cáo Thủ tướng Chính phủ",
    "Sở Lao động chủ trì, tham mưu Ủy ban nhân dân tỉnh báo cáo Bộ Nội vụ định kỳ hằng năm",
    "Các xã xây dựng công cụ quản lý; báo cáo Ủy ban nhân dân huyện trước ngày 15 tháng 12 năm 2026",
]


def test_features_guidance_registers_and_escalations_are_no_duty() -> None:
    for text in NOT_DUTIES:
        assert not_a_duty(fold(text)), text


def test_duties_beside_them_are_still_read() -> None:
    for text in DUTIES:
        assert not not_a_duty(fold(text)), text


DECREE = """CHÍNH PHỦ
Số: 999/2026/NĐ-CP
Hà Nội, ngày 01 tháng 6 năm 2026
NGHỊ ĐỊNH
Quy định về Cổng dịch vụ việc làm điện tử
Điều 2. Giải thích từ ngữ
1. Cổng dịch vụ việc làm là hệ thống thông tin cho phép người lao động và doanh nghiệp đăng ký, tra cứu, lưu trữ hồ sơ, đồng thời thực hiện báo cáo tình hình tuyển dụng lao động theo quy định tại Nghị định này.
Điều 3. Chức năng của Cổng
1. Có chức năng tổng hợp, thống kê, báo cáo định kỳ hoặc đột xuất phục vụ quản lý.
Điều 10. Trách nhiệm của Bộ Nội vụ
1. Ban hành hướng dẫn về kết nối dữ liệu; về chế độ báo cáo phục vụ quản lý nhà nước về việc làm.
2. Theo dõi, đôn đốc việc thực hiện Nghị định này; định kỳ hằng năm báo cáo Thủ tướng Chính phủ.
Điều 11. Trách nhiệm của Sở Nội vụ
Cung cấp thông tin, cập nhật báo cáo tình hình tuyển dụng trên địa bàn và các báo cáo khác theo quy định.
"""


def test_decree_keeps_only_the_real_report() -> None:
    reports = extract_plan(DECREE)["reporting"]
    assert isinstance(reports, list)
    assert [r["frequency"] for r in reports] == ["annual"], reports


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(NOT_DUTIES), st.sampled_from(["", "- ", "a) ", "+ "]), st.booleans())
def test_no_duty_whatever_the_bullet_or_diacritics(text: str, bullet: str, plain: bool) -> None:
    folded = fold(bullet + text)
    assert not_a_duty(folded if not plain else fold(folded))


def test_a_quarter_written_as_three_months() -> None:
    from ansinh.documents.parsing.report_cues import periods

    for text in (
        "Sở Công Thương tổng hợp, định kỳ 03 tháng/1 lần báo cáo UBND tỉnh",
        "Sở Công Thương tổng hợp, định kỳ 03 tháng/Ilần báo cáo UBND tỉnh",  # OCR of "/1 lần"
        "Các huyện 3 tháng một lần báo cáo Sở Tài chính kết quả thực hiện",
    ):
        assert [f for f, _ in periods(fold(text))] == ["quarterly"], text
    # a duration or a date is no period
    for text in ("Trong 03 tháng kể từ ngày ký, Sở Y tế báo cáo UBND tỉnh", "báo cáo trước ngày 03 tháng 3 năm 2026"):
        assert "quarterly" not in [f for f, _ in periods(fold(text))], text


TET = """ỦY BAN NHÂN DÂN
TỈNH BÌNH ĐỊNH
Số: 05/CT-UBND
Bình Định, ngày 10 tháng 01 năm 2026
CHỈ THỊ
Về việc tổ chức đón Tết Nguyên đán Bính Ngọ năm 2026
1. Các sở, ngành, địa phương bảo đảm trực Tết.
Chế độ báo cáo:
- Báo cáo nhanh kết quả hoạt động trong 3 ngày Tết, gửi trước 10 giờ 00 ngày 20/02/2026;
- Báo cáo tổng hợp tình hình trước, trong và sau Tết, gửi trước 9 giờ 30 phút ngày 24/02/2026.
2. Sở Tài chính kịp thời báo cáo UBND tỉnh trước 30/01/2026 những khó khăn phát sinh.
3. Các huyện đánh giá khả năng hoàn thành chỉ tiêu hàng năm, kịp thời báo cáo UBND tỉnh xem xét, chỉ đạo.
"""


def test_dated_one_off_reports_with_an_hour_or_without_ngay() -> None:
    reports = extract_plan(TET)["reporting"]
    assert isinstance(reports, list)
    got = sorted((r["frequency"], r["deadline_day"], r["deadline_month"], r["year"]) for r in reports)
    assert ("once", 20, 2, 2026) in got and ("once", 24, 2, 2026) in got and ("once", 30, 1, 2026) in got, got
    # "chỉ tiêu hàng năm" is the goals' period: the last report is ad hoc, not annual
    assert not any(f == "annual" for f, *_ in got), got


def test_an_occasion_of_the_schedule_is_no_ad_hoc_report() -> None:
    from ansinh.documents.parsing.report_cues import periods

    text = "Theo dõi sát tiến độ, bảo đảm đúng tiến độ theo yêu cầu; định kỳ hàng tháng báo cáo UBND tỉnh kết quả"
    assert [f for f, _ in periods(fold(text))] == ["monthly"]
    # a report on request is still one
    assert "adhoc" in [f for f, _ in periods(fold("Sở Y tế báo cáo UBND tỉnh theo yêu cầu"))]
