"""The wording of the report: Decree 30 dates, Vietnamese numbers, goals in words, issuing bodies."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ansinh.reports.report_text import (
    format_number,
    full_issuer,
    issuer_parts,
    milestone_text,
    place_line,
    report_number,
    report_subject,
    vn_date_line,
)


def test_dates_get_leading_zeros_for_days_below_ten_and_months_one_and_two() -> None:
    assert vn_date_line("Hà Nội", dt.date(2025, 2, 5)) == "Hà Nội, ngày 05 tháng 02 năm 2025"
    assert vn_date_line("Hà Nội", dt.date(2025, 11, 20)) == "Hà Nội, ngày 20 tháng 11 năm 2025"


def test_numbers_use_a_decimal_comma_and_dot_thousands() -> None:
    assert format_number(31942) == "31.942"
    assert format_number(1.5, "%") == "1,5%"
    assert format_number(2.25, "hộ") == "2,25 hộ"
    assert format_number(None) == "chưa có số liệu"


def test_goals_read_as_words() -> None:
    assert milestone_text(">=", 68, None) == "từ 68 trở lên"
    assert milestone_text("<", 1, None) == "dưới 1"
    assert milestone_text("range", 95, 98, "%") == "95 – 98%"
    assert milestone_text("", None, None) == ""


def test_abbreviated_issuers_are_written_in_full() -> None:
    assert full_issuer("UBND  phường Sài Gòn") == "Ủy ban nhân dân phường Sài Gòn"
    assert issuer_parts("UBND Thành phố Hà Nội")[:3] == ("Hà Nội", "UBND", "TM. Ủy ban nhân dân")
    assert issuer_parts("Sở Nội vụ")[3] == "Thủ trưởng cơ quan"


@pytest.mark.parametrize(("issuer", "place"), [
    ("ỦY BAN NHÂN DÂN TỈNH LÀO CAI", "Lào Cai"),
    ("Ủy ban nhân dân thành phố Đà Nẵng", "Đà Nẵng"),
    ("UBND Thành phố Hồ Chí Minh", "Thành phố Hồ Chí Minh"),
    ("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "Thành phố Hồ Chí Minh"),
    ("Ủy ban nhân dân Phường 7", "Phường 7"),
    ("Ủy ban nhân dân xã Bình Liêu", "Xã Bình Liêu"),
])
def test_the_date_line_names_a_province_by_its_own_name_and_a_person_named_city_in_full(issuer: str, place: str) -> None:
    assert issuer_parts(issuer)[0] == place


def test_the_report_number_takes_the_plans_symbol() -> None:
    assert report_number("123/KH-UBND", "UBND") == "…/BC-UBND"
    assert report_number("63-KH/ĐU", "") == "…/BC-ĐU"
    assert report_number("", "HĐND") == "…/BC-HĐND"


def test_the_subject_names_the_kind_and_period() -> None:
    assert report_subject("final", "Kế hoạch số 1", 2024, 2030) == "Tổng kết giai đoạn 2024–2030 Kế hoạch số 1"


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False))
def test_formatted_numbers_never_contain_an_english_decimal_point(value: float) -> None:
    text = format_number(value)
    assert "," not in text or text.count(",") == 1
    assert not any(part.startswith(".") for part in text.split(","))


def test_the_place_comes_from_the_documents_own_date_line() -> None:
    text = "Số: 207/KH-UBND\n\nHà Nội, ngày 08 tháng 9 năm 2021\n\nKẾ HOẠCH"
    assert place_line(text) == "Hà Nội"
    assert place_line("Thực hiện Chương trình số 53-CTrHĐ/TU ngày 09 tháng 4 năm 2024") == ""


def test_a_report_cites_its_plan_with_the_issuer_as_a_sentence_writes_it_not_the_headers_capitals() -> None:
    from types import SimpleNamespace

    from ansinh.reports.report_text import cite_plan

    plan = SimpleNamespace(number="275/KH-UBND", date=dt.date(2025, 6, 25), issuer="ỦY BAN NHÂN DÂN THÀNH PHỐ HUẾ")
    assert cite_plan(plan) == "Kế hoạch số 275/KH-UBND ngày 25/06/2025 của Ủy ban nhân dân thành phố Huế"


def test_a_report_cites_an_action_programme_as_one_and_by_its_whole_subject_line_when_it_has_no_number() -> None:
    from types import SimpleNamespace

    from ansinh.reports.report_text import cite_plan, document_kind

    subject = ("thực hiện Kết luận số 75-KL/TW ngày 28/7/2026 của Ban Chấp hành Trung ương Đảng khóa XIV và Chương trình "
               "hành động số 31-CTr/TW ngày 28/7/2026 của Bộ Chính trị về bảo vệ môi trường và chủ động ứng phó với "
               "biến đổi khí hậu trong thời kỳ mới")
    header = SimpleNamespace(text="TỈNH UỶ LÀO CAI\n*\nSố         -CTr/TU\nCHƯƠNG TRÌNH HÀNH ĐỘNG\n" + subject)
    plan = SimpleNamespace(number="", date=None, issuer="", display_title=subject[:1].upper() + subject[1:],
                           source_document=header)
    assert cite_plan(plan) == f"Chương trình hành động {subject}"
    assert document_kind("45-KH/ĐU", "") == "Kế hoạch" and document_kind("05/CT-UBND", "") == "Chỉ thị"
    assert document_kind("53-CTrHĐ/TU", "") == "Chương trình hành động" and document_kind("", "") == "Kế hoạch"
