"""Reporting duties (issue 10, round 11): proposals sent up for a decision, reports owed to a named body, phases.

Probe texts written for these rules from the usual build of a provincial plan (Decree 30/2020: the tasks part, then
"Tổ chức thực hiện" with each body's duties); none is copied from a corpus document. Each rule has its negative
(the sentence that is no duty, or the frequency that is not read) and its positive (the duty that must stay).
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan
from ansinh.documents.parsing.clean import fold
from ansinh.documents.parsing.report_cues import DECISION_REQUEST
from ansinh.documents.parsing.report_owed import not_a_duty

PLAN = """ỦY BAN NHÂN DÂN
TỈNH HÀ TĨNH
Số: 88/KH-UBND
Hà Tĩnh, ngày 12 tháng 5 năm 2026
KẾ HOẠCH
Phát triển hợp tác xã nông nghiệp giai đoạn 2026 - 2030
I. NHIỆM VỤ
1. Rà soát các hợp tác xã đang hoạt động trên địa bàn.
"""


def _reports(text: str) -> list[tuple[Any, ...]]:
    out: list[dict[str, Any]] = extract_plan(text, "probe")["reporting"]  # type: ignore[assignment]
    return [(r["frequency"], r["deadline_day"], r["deadline_month"], r["year"]) for r in out]


def _organising(*lines: str) -> list[tuple[Any, ...]]:
    return _reports(PLAN + "II. TỔ CHỨC THỰC HIỆN\n1. Sở Nông nghiệp và Môi trường\n" + "".join(f"- {x}\n" for x in lines))


# --- a proposal sent up for a decision is not a report owed ------------------------------------------------------


def test_a_report_asking_the_council_to_adopt_a_measure_is_a_proposal_not_a_duty() -> None:
    tasks = (
        "2. Nghiên cứu, báo cáo Hội đồng nhân dân tỉnh ban hành chính sách hỗ trợ lãi suất cho hợp tác xã.\n"
        "3. Chủ động xây dựng phương án, báo cáo cấp có thẩm quyền quyết định việc sáp nhập các hợp tác xã yếu kém.\n"
        "4. Đề nghị Ủy ban nhân dân huyện báo cáo Hội đồng nhân dân quan tâm, cân đối ngân sách hỗ trợ kho lạnh.\n"
        "5. Sở Tài chính tổng hợp, báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện trước ngày 15 tháng 12 hằng năm.\n"
    )
    assert _reports(PLAN + tasks) == [("annual", 15, 12, None)]


def test_a_report_for_the_authority_to_weigh_and_decide_stays_a_duty() -> None:
    # "xem xét, quyết định" with no measure after it: the body is told to report and let the superior decide
    assert not not_a_duty(fold("tổng hợp, báo cáo Ủy ban nhân dân tỉnh xem xét, quyết định"))
    assert not not_a_duty(fold("báo cáo, đề xuất cấp có thẩm quyền xem xét, quyết định trước ngày 20/6/2026"))
    assert not not_a_duty(fold("báo cáo Hội đồng nhân dân tỉnh tại kỳ họp cuối năm về kết quả thực hiện"))
    assert not_a_duty(fold("báo cáo Hội đồng nhân dân cấp tỉnh đẩy mạnh chính sách miễn phí dịch vụ công trực tuyến"))


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(["Hội đồng nhân dân tỉnh", "HĐND cấp xã", "cấp có thẩm quyền", "cơ quan có thẩm quyền"]),
    st.sampled_from(["quyết định", "ban hành", "phê duyệt", "xem xét, quyết định", "quan tâm,"]),
    st.sampled_from(["chính sách hỗ trợ", "việc điều chỉnh quy hoạch", "kinh phí bổ sung", "danh mục dự án"]),
)
def test_any_report_carrying_a_measure_for_a_deciding_body_is_a_proposal(who: str, verb: str, what: str) -> None:
    sentence = fold(f"Sở Nội vụ nghiên cứu, báo cáo {who} {verb} {what} trong năm 2026")
    assert DECISION_REQUEST.search(sentence) is not None
    assert not_a_duty(sentence)


# --- a report owed to a named body in the organising part ---------------------------------------------------------


def test_a_report_owed_to_a_named_body_in_the_organising_part_is_an_ad_hoc_duty() -> None:
    assert _organising("Theo dõi, đôn đốc các đơn vị thực hiện Kế hoạch; tham mưu báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện.") == [
        ("adhoc", None, None, None)
    ]


def test_a_report_that_only_closes_a_line_of_work_in_the_organising_part_is_not_read() -> None:
    assert _organising("Chuẩn bị báo cáo theo đề cương kèm theo Kế hoạch.") == []
    assert _organising("Xây dựng báo cáo kết quả đào tạo của Ủy ban nhân dân cấp xã theo Mẫu số 2.") == []
    assert _organising("Xây dựng kế hoạch khung các dự án trọng điểm báo cáo Ủy ban nhân dân tỉnh.") == []
    assert _organising("Định kỳ tổng hợp kết quả thực hiện, báo cáo Tỉnh ủy theo quy định.") == []


# --- reports for each phase of a plan -----------------------------------------------------------------------------


def test_a_report_sent_for_each_phase_by_a_day_is_ad_hoc_on_that_day() -> None:
    line = "Báo cáo kết quả thực hiện gửi Sở Nông nghiệp và Môi trường theo giai đoạn (2026 - 2027; 2028 - 2030), trước ngày 05/12 của từng giai đoạn."
    assert _organising(line) == [("adhoc", 5, 12, None)]


def test_a_report_each_year_and_for_the_phase_is_a_yearly_and_a_one_off_duty() -> None:
    assert _organising("Định kỳ hằng năm và giai đoạn tổng hợp, báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện Kế hoạch.") == [
        ("annual", None, None, None),
        ("once", None, None, None),
    ]


def test_a_report_by_a_day_of_each_year_stays_annual() -> None:
    assert _organising("Báo cáo kết quả thực hiện gửi Sở Tài chính trước ngày 05/12 để tổng hợp, báo cáo Ủy ban nhân dân tỉnh.") == [
        ("annual", 5, 12, None)
    ]


def test_a_yearly_target_of_the_phase_names_no_phase_report() -> None:
    assert _organising("Đánh giá mức độ hoàn thành chỉ tiêu hằng năm và giai đoạn, kịp thời báo cáo Ủy ban nhân dân tỉnh.") == [
        ("adhoc", None, None, None)
    ]


# --- "báo cáo" as one item of a regime or a system listed -----------------------------------------------------------


def test_a_regime_or_a_system_listing_reports_among_other_work_is_not_a_duty() -> None:
    tasks = (
        "2. Chỉ đạo các hợp tác xã thực hiện chế độ kế toán, kiểm toán, báo cáo theo quy định của pháp luật.\n"
        "3. Hoàn thiện hệ thống giám sát, báo cáo, thẩm định lượng nước tưới tiết kiệm theo hướng dẫn của Bộ.\n"
        "4. Hằng quý, các hợp tác xã báo cáo Ủy ban nhân dân cấp xã kết quả sản xuất, kinh doanh.\n"
    )
    assert _reports(PLAN + tasks) == [("quarterly", None, None, None)]


def test_a_regime_named_with_its_recipient_or_period_stays_a_duty() -> None:
    assert not not_a_duty(fold("thực hiện chế độ thống kê, báo cáo định kỳ hằng năm gửi Sở Tài chính"))
    assert not not_a_duty(fold("thực hiện chế độ kiểm kê, báo cáo về Ủy ban nhân dân tỉnh"))
    assert not_a_duty(fold("thực hiện chế độ kế toán, kiểm kê, báo cáo theo quy định của pháp luật"))
    assert not_a_duty(fold("xây dựng cơ chế theo dõi, báo cáo, đánh giá kết quả giảm nghèo"))


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(["chế độ", "hệ thống", "cơ chế", "quy trình"]),
    st.lists(st.sampled_from(["kế toán", "kiểm kê", "thống kê", "giám sát", "đo đạc", "theo dõi"]), min_size=1, max_size=3),
)
def test_any_regime_or_system_that_lists_reports_among_its_work_owes_none(head: str, nouns: list[str]) -> None:
    sentence = fold(f"Thực hiện {head} {', '.join(nouns)}, báo cáo theo quy định của pháp luật")
    assert not_a_duty(sentence)
