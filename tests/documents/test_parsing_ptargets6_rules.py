"""Rules of helper ptargets6 (issue 10, round 10): reviews that owe no report, written the way Decree 30/2020
plans and Party programmes close their organising part. Every text is written for the test."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan

PLAN = """ỦY BAN NHÂN DÂN
TỈNH AN BÌNH
Số: 21/KH-UBND
An Bình, ngày 12 tháng 3 năm 2026
KẾ HOẠCH
Thực hiện Chương trình bảo vệ môi trường giai đoạn 2026 - 2030
I. MỤC ĐÍCH, YÊU CẦU
Nâng cao hiệu quả quản lý chất thải.
II. NHIỆM VỤ, GIẢI PHÁP
1. Thu gom, xử lý chất thải rắn sinh hoạt.
III. TỔ CHỨC THỰC HIỆN
"""
END = "\nNơi nhận:\n- Như trên;\nKT. CHỦ TỊCH\n"


def _reports(text: str) -> list[tuple[Any, ...]]:
    out: list[dict[str, Any]] = extract_plan(text, "probe")["reporting"]  # type: ignore[assignment]
    return [(r["frequency"], r["year"]) for r in out]


def test_a_review_run_by_the_rules_with_no_report_no_date_and_no_recipient_is_no_reporting_duty() -> None:
    text = PLAN + "1. Sở Nông nghiệp và Môi trường theo dõi, đôn đốc; tổ chức sơ kết, tổng kết theo quy định.\n"
    assert _reports(text + END) == []


def test_a_review_every_five_and_ten_years_followed_by_a_proposal_is_no_reporting_duty() -> None:
    text = PLAN + "1. Định kỳ sơ kết 5 năm, 10 năm và kiến nghị điều chỉnh Kế hoạch cho phù hợp với tình hình.\n"
    assert _reports(text + END) == []


def test_a_dated_a_yearly_or_a_reported_review_stays_a_duty() -> None:
    assert _reports(PLAN + "1. Tổ chức sơ kết vào năm 2028 và tổng kết vào năm 2030.\n" + END) == [
        ("once", 2028), ("once", 2030)
    ]
    assert _reports(PLAN + "1. Định kỳ hằng năm sơ kết, rút kinh nghiệm việc thực hiện Kế hoạch.\n" + END) == [
        ("annual", None)
    ]
    assert _reports(PLAN + "1. Tổ chức sơ kết, tổng kết, báo cáo Ủy ban nhân dân tỉnh theo quy định.\n" + END) == [
        ("adhoc", None)
    ]


@settings(max_examples=25, deadline=None)
@given(lead=st.sampled_from(["Các sở, ngành", "Ủy ban nhân dân các xã", "Sở Tài chính"]),
       review=st.sampled_from(["tổ chức sơ kết, tổng kết", "định kỳ sơ kết, tổng kết", "sơ kết, tổng kết"]),
       tail=st.sampled_from(["theo quy định", "rút kinh nghiệm", "đánh giá kết quả thực hiện"]))
def test_a_bare_review_never_gives_a_duty_and_naming_the_report_always_does(lead: str, review: str, tail: str) -> None:
    assert _reports(PLAN + f"1. {lead} {review} {tail}.\n" + END) == []
    reported = _reports(PLAN + f"1. {lead} {review}, báo cáo Ủy ban nhân dân tỉnh {tail}.\n" + END)
    assert reported and all(f == "adhoc" for f, _ in reported)
