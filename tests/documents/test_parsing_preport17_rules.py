"""Reporting duties (issue 10, preport17): how Vietnamese texts state reporting regimes, in their usual variants.

Decree 09/2019 sets a regime's periods and days; provincial plans and letters write them with many variants: one
period reported at two tiers (bodies to the aggregating department, the department to the committee), an exception
in brackets that names another period, the nine-month report, a day of each month after "trình"/"nộp", a list of
periods opened by a week, a report owed when an event happens, difficulties gathered and raised, a letter's report
by a dated day. Sentences that are no duty: an escalation offered as an alternative to acting ("xử lý hoặc báo cáo
cấp có thẩm quyền"), a report read ("nghiên cứu báo cáo"), a letter's findings ("Qua kiểm tra, …"), a list of the
kinds of reports whose schedule other lines state. Probe texts are made up for these rules, none copied from a
corpus document.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan
from ansinh.documents.parsing.clean import fold
from ansinh.documents.parsing.report_dates import deadlines
from ansinh.documents.parsing.report_spelled import in_figures
from ansinh.documents.parsing.report_tiers import blank_exceptions, tiered_dates
from tests.documents.test_parsing_preport9_rules import PLAN  # the same plan head

LETTER = """ỦY BAN NHÂN DÂN
TỈNH PHÚ THỌ
Số: 1234/UBND-KT
V/v triển khai kết nối dữ liệu hộ kinh doanh
Phú Thọ, ngày 12 tháng 5 năm 2026
Kính gửi:
- Các sở, ban, ngành;
- UBND các xã, phường.
Thực hiện chỉ đạo của Bộ Công Thương, Ủy ban nhân dân tỉnh đề nghị các đơn vị thực hiện như sau:
"""


def _reports(text: str) -> list[tuple[Any, ...]]:
    out: list[dict[str, Any]] = extract_plan(text, "probe")["reporting"]  # type: ignore[assignment]
    return [(r["frequency"], r["deadline_day"], r["deadline_month"], r["year"]) for r in out]


def _organising(*lines: str) -> list[tuple[Any, ...]]:
    return _reports(PLAN + "II. TỔ CHỨC THỰC HIỆN\n1. Sở Công Thương\n" + "".join(f"- {x}\n" for x in lines))


def _letter(*lines: str) -> list[tuple[Any, ...]]:
    return _reports(LETTER + "".join(f"{i}. {x}\n" for i, x in enumerate(lines, 1)))


def test_one_period_reported_at_two_tiers_is_a_duty_for_each_tier_on_its_own_day() -> None:
    line = ("Báo cáo 6 tháng: Các phòng, ban gửi Sở Xây dựng trước ngày 08/6; Sở Xây dựng tổng hợp, báo cáo "
            "Ủy ban nhân dân tỉnh trước ngày 14/6.")
    assert _organising(line) == [("semiannual", 8, 6, None), ("semiannual", 14, 6, None)]
    # … also with "nộp" and "chậm nhất"
    line = "Báo cáo năm: Các xã nộp Phòng Kinh tế chậm nhất ngày 05/12; Phòng Kinh tế trình Ủy ban nhân dân huyện chậm nhất ngày 10/12."
    assert _organising(line) == [("annual", 5, 12, None), ("annual", 10, 12, None)]


def test_an_exception_in_brackets_names_no_period_of_the_duty() -> None:
    line = "Báo cáo 6 tháng: Sở Xây dựng tổng hợp báo cáo Ủy ban nhân dân tỉnh trước ngày 12/7 (riêng năm 2027 thực hiện báo cáo năm)."
    assert _organising(line) == [("semiannual", 12, 7, None)]
    folded = fold("gửi trước ngày 12/7 (trừ báo cáo quý IV).")
    assert len(blank_exceptions(folded)) == len(folded) and "quy" not in blank_exceptions(folded)


def test_the_nine_month_report_is_the_third_quarters_report() -> None:
    assert _organising("Báo cáo 9 tháng: Gửi Văn phòng trước ngày 18 tháng 9.") == [("quarterly", 18, 9, None)]
    assert _organising("Các phòng gửi báo cáo chín tháng về Văn phòng trước ngày 18/9.") == [("quarterly", 18, 9, None)]


def test_a_day_of_each_month_after_a_submission_in_its_own_clause_is_the_monthly_deadline() -> None:
    line = "Giao Văn phòng tổng hợp, báo cáo tình hình an ninh trật tự; trình Thường trực Ủy ban trước ngày 23 hằng tháng."
    assert _organising(line) == [("monthly", 23, None, None)]
    line = "Các trường tổng hợp, báo cáo số liệu học sinh bỏ học; nộp Phòng Giáo dục chậm nhất ngày 26 hàng tháng."
    assert _organising(line) == [("monthly", 26, None, None)]


def test_a_list_of_periods_opened_by_a_week_is_read_whole() -> None:
    line = "Sở Nông nghiệp tổng hợp tình hình dịch bệnh của các xã theo tuần, tháng, quý, năm báo cáo Ủy ban nhân dân tỉnh."
    assert sorted(_organising(line)) == sorted(
        [("monthly", None, None, None), ("quarterly", None, None, None), ("annual", None, None, None), ("adhoc", None, None, None)]
    )


def test_a_report_sent_when_an_event_happens_is_ad_hoc() -> None:
    assert _organising("Báo cáo sự cố môi trường: Gửi khi có sự cố hoặc theo thời hạn trong văn bản đề nghị.") == [
        ("adhoc", None, None, None)
    ]
    assert _reports(PLAN + "2. Các xã báo cáo Ủy ban nhân dân huyện ngay khi xảy ra sự cố sạt lở.\n") == [("adhoc", None, None, None)]


def test_difficulties_gathered_and_raised_to_an_authority_are_an_ad_hoc_report() -> None:
    line = "Tổng hợp khó khăn, vướng mắc phát sinh của các hợp tác xã và báo cáo, kiến nghị cấp có thẩm quyền."
    assert _organising(line) == [("adhoc", None, None, None)]


def test_work_that_cannot_be_finished_on_time_is_reported_by_the_day_given() -> None:
    line = "Trường hợp không thể hoàn thành đúng hạn vì lý do khách quan, báo cáo cấp có thẩm quyền xem xét trước ngày 20/11/2026."
    assert _organising(line) == [("once", 20, 11, 2026)]


def test_escalation_offered_as_an_alternative_to_acting_is_no_duty() -> None:
    assert _organising("Kịp thời phát hiện, xử lý hoặc báo cáo cấp có thẩm quyền xử lý các sai phạm về đất đai.") == []
    assert _organising("Tham mưu Ủy ban nhân dân tỉnh giải quyết hoặc báo cáo cơ quan có thẩm quyền theo quy định.") == []


def test_a_report_read_by_an_office_is_no_duty() -> None:
    assert _organising("Nghiên cứu kỹ báo cáo, hồ sơ do doanh nghiệp nộp theo quy định để thẩm định.") == []


def test_a_letters_results_report_by_a_dated_day_is_owed_once() -> None:
    letter = LETTER + "4. Tổ chức thực hiện\n- Các xã báo cáo kết quả thực hiện về Sở Công Thương trước ngày 25/8/2026.\n"
    assert _reports(letter) == [("once", 25, 8, 2026)]


def test_a_letters_report_on_time_as_the_rules_say_recurs_under_that_regime() -> None:
    assert _letter("Các đơn vị triển khai và báo cáo kết quả cho Thường trực Ủy ban đúng thời gian, đúng quy định.") == [
        ("adhoc", None, None, None)
    ]
    assert _letter("Các đơn vị rà soát danh sách hộ kinh doanh, báo cáo Sở Công Thương.") == [("once", None, None, None)]


def test_a_letters_findings_told_before_what_it_asks_are_no_duty() -> None:
    line = "Qua kiểm tra, thời gian qua một số đơn vị chưa thực hiện kịp thời việc báo cáo theo quy định."
    assert _reports(LETTER.replace("Thực hiện chỉ đạo", line + "\nThực hiện chỉ đạo")) == []


def test_a_list_of_the_kinds_of_reports_is_no_duty_when_each_kind_has_its_schedule_line() -> None:
    lines = (
        "Báo cáo định kỳ gồm: báo cáo quý, báo cáo 6 tháng và báo cáo năm về công tác dân vận.",
        "Báo cáo quý: Gửi trước ngày 18 của tháng cuối quý.",
        "Báo cáo 6 tháng: Gửi trước ngày 18 tháng 6.",
        "Báo cáo năm: Gửi trước ngày 18 tháng 11.",
    )
    assert _organising(*lines) == [("quarterly", 18, None, None), ("semiannual", 18, 6, None), ("annual", 18, 11, None)]
    # … alone, the list states the regime
    assert _organising(lines[0]) == [("quarterly", None, None, None), ("semiannual", None, None, None), ("annual", None, None, None)]


def test_the_year_of_a_work_programme_is_no_period_of_the_report() -> None:
    line = ("Ban Thường vụ chủ động rà soát, báo cáo, kiến nghị Ban Chấp hành điều chỉnh Chương trình khi cần thiết "
            "và cụ thể hoá thành chương trình công tác hằng năm.")
    assert ("annual", None, None, None) not in _organising(line)


_DAY = st.integers(min_value=1, max_value=28)
_MONTH = st.integers(min_value=1, max_value=12)


@settings(max_examples=60, deadline=None)
@given(_DAY, _MONTH, _DAY, _MONTH)
def test_two_tiers_keep_each_clauses_own_day_in_order(d1: int, m1: int, d2: int, m2: int) -> None:
    folded = fold(f"báo cáo quý: các xã gửi phòng nội vụ trước ngày {d1:02d}/{m1}; phòng nội vụ tổng hợp báo cáo ubnd huyện trước ngày {d2}/{m2:02d}.")
    assert tiered_dates(folded, deadlines(folded)) == [(d1, m1), (d2, m2)]
    # one clause with two days, or a day with its year, is left to the other rules
    assert tiered_dates(fold(f"gửi trước ngày {d1}/{m1} và {d2}/{m2}."), deadlines(fold(f"gửi trước ngày {d1}/{m1} và {d2}/{m2}."))) == []
    dated = fold(f"các xã gửi trước ngày {d1}/{m1}/2026; phòng tổng hợp báo cáo trước ngày {d2}/{m2}.")
    assert tiered_dates(dated, deadlines(dated)) == []


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="abc đ()riêngtrừ ", max_size=60))
def test_blanking_exceptions_keeps_every_offset(text: str) -> None:
    folded = fold(text)
    assert len(blank_exceptions(folded)) == len(folded)


def test_each_period_in_brackets_after_its_date_takes_that_date() -> None:
    line = "Các phòng gửi báo cáo về Văn phòng trước ngày 12/6 (báo cáo 6 tháng) và trước ngày 12/12 (báo cáo năm)."
    assert _organising(line) == [("semiannual", 12, 6, None), ("annual", 12, 12, None)]


def test_a_review_held_in_a_named_month_of_a_year_is_due_that_month() -> None:
    line = "Tổ chức sơ kết giữa kỳ vào tháng 7/2028 và tổng kết vào tháng 11 năm 2030."
    assert _organising(line) == [("once", None, 7, 2028), ("once", None, 11, 2030)]


def test_a_deadline_written_in_words_is_read_as_its_figures() -> None:
    assert _organising("Các phòng báo cáo Ủy ban nhân dân huyện trước ngày hai mươi lăm tháng mười một hằng năm.") == [
        ("annual", 25, 11, None)
    ]
    assert _organising("Các xã gửi báo cáo về Văn phòng trước ngày mồng 5 hằng tháng.") == [("monthly", 5, None, None)]
    assert _organising("Các xã gửi báo cáo năm về Văn phòng trước ngày mười tháng Chạp.") == [("annual", 10, 12, None)]
    # "hằng tháng từ ngày …" names no day in words
    assert in_figures("bao cao hang thang tu ngay 01") == "bao cao hang thang tu ngay 01"


_UNIT_WORDS = ["", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]


def _spelled(n: int) -> str:
    """A number from 1 to 31 as an official would say it ("mười lăm", "hai mươi mốt" written "hai mươi một")."""
    tens, unit = divmod(n, 10)
    if tens == 0:
        return _UNIT_WORDS[unit]
    head = "mười" if tens == 1 else f"{_UNIT_WORDS[tens]} mươi"
    if unit == 0:
        return head
    return f"{head} {'lăm' if unit == 5 else _UNIT_WORDS[unit]}"


@settings(max_examples=80, deadline=None)
@given(st.integers(min_value=1, max_value=31), st.integers(min_value=1, max_value=12), st.booleans(), st.booleans())
def test_a_date_in_words_reads_as_the_same_date_in_figures(day: int, month: int, day_words: bool, month_words: bool) -> None:
    day_text = _spelled(day) if day_words else f"{day:02d}"
    month_text = _spelled(month) if month_words else str(month)
    words = fold(f"Các đơn vị gửi báo cáo trước ngày {day_text} tháng {month_text} hằng năm.")
    figures = fold(f"Các đơn vị gửi báo cáo trước ngày {day:02d} tháng {month} hằng năm.")
    assert len(in_figures(words)) == len(words)
    assert [d[1:] for d in deadlines(words)] == [d[1:] for d in deadlines(figures)] == [(day, month)]


def _task(line: str) -> list[tuple[Any, ...]]:
    return _reports(PLAN + "2. " + line + "\n")


def test_a_period_after_theo_is_the_reports_period_but_theo_quy_dinh_is_not() -> None:
    assert _task("Sở Tư pháp tổng hợp, báo cáo Ủy ban nhân dân tỉnh kết quả trợ giúp pháp lý theo quý.") == [
        ("quarterly", None, None, None)
    ]
    assert _task("Sở Tư pháp báo cáo theo tháng và theo năm gửi Ủy ban nhân dân tỉnh.") == [
        ("monthly", None, None, None), ("annual", None, None, None)
    ]
    assert _task("Sở Tư pháp tổng hợp, báo cáo Ủy ban nhân dân tỉnh kết quả trợ giúp pháp lý theo quy định.") == [
        ("adhoc", None, None, None)
    ]


def test_twice_a_year_is_six_monthly_only() -> None:
    assert _task("Sở Tư pháp báo cáo Ủy ban nhân dân tỉnh hai lần mỗi năm.") == [("semiannual", None, None, None)]
    assert _task("Sở Tư pháp báo cáo Ủy ban nhân dân tỉnh 01 lần mỗi năm.") == [("annual", None, None, None)]


def test_a_review_of_the_work_done_in_a_named_year_is_owed_in_a_task_item() -> None:
    assert _task("Sở Tư pháp tổ chức sơ kết thực hiện Đề án vào năm 2028.") == [("once", None, None, 2028)]
    assert _task("Sở Tư pháp báo cáo tổng kết thực hiện Đề án vào năm 2030.") == [("once", None, None, 2030)]


def test_a_clause_opened_by_dong_thoi_after_a_yearly_report_owes_its_own_ad_hoc_report() -> None:
    line = ("Hằng năm, Sở Tư pháp tham mưu Ủy ban nhân dân tỉnh báo cáo Hội đồng nhân dân tỉnh về kết quả thực hiện; "
            "đồng thời, chỉ đạo sơ kết và báo cáo Bộ Tư pháp theo quy định.")
    assert _task(line) == [("annual", None, None, None), ("adhoc", None, None, None)]
    # a second clause without "đồng thời" only says where the same report goes
    assert _task("Định kỳ 6 tháng, hằng năm báo cáo Ủy ban nhân dân tỉnh; gửi báo cáo về Sở Tư pháp.") == [
        ("semiannual", None, None, None), ("annual", None, None, None)
    ]


def test_carrying_out_the_reporting_of_results_as_told_is_an_ad_hoc_duty() -> None:
    line = "Các chi bộ thực hiện nghiêm túc việc báo cáo kết quả thực hiện nhiệm vụ được giao trên phần mềm theo dõi."
    assert _task(line) == [("adhoc", None, None, None)]


def test_a_day_and_month_with_no_period_is_the_yearly_default_in_a_plan_and_once_in_a_letter() -> None:
    assert _task("Sở Tư pháp chủ trì triển khai, báo cáo Ủy ban nhân dân tỉnh trước ngày 12/12.") == [("annual", 12, 12, None)]
    assert _letter("Các đơn vị rà soát, báo cáo kết quả về Sở Công Thương trước ngày 22/6 để tổng hợp.") == [("once", 22, 6, 2026)]
    # a recurring report in a letter keeps its period
    assert _letter("Các đơn vị định kỳ hằng tháng báo cáo tiến độ về Sở Công Thương trước ngày 27.") == [("monthly", 27, None, None)]


def test_reports_a_committee_hears_on_a_schedule_are_owed_on_that_schedule() -> None:
    line = "Ban Thường vụ định kỳ hằng tháng hoặc quý, nghe báo cáo và cho ý kiến về công tác phòng, chống tội phạm."
    assert _task(line) == [("monthly", None, None, None), ("quarterly", None, None, None)]
    # a hearing with no schedule is a meeting's business, no duty
    assert _task("Ban Thường vụ nghe báo cáo và cho ý kiến về công tác phòng, chống tội phạm.") == []


def test_a_day_in_a_clause_of_other_work_is_not_the_reports_deadline() -> None:
    line = "Các xã hoàn thành việc rà soát hộ cận nghèo trước ngày 30/6/2027; định kỳ hằng năm báo cáo Ủy ban nhân dân huyện."
    assert _task(line) == [("annual", None, None, None)]
    line = "Trước ngày 31/8/2027, các xã hoàn thành rà soát; hằng quý báo cáo tiến độ về Phòng Nội vụ."
    assert _task(line) == [("quarterly", None, None, None)]
    # a clause that only sets the schedule goes with the report
    assert _task("Định kỳ 06 tháng, trước ngày 17 tháng 7; các xã báo cáo Ủy ban nhân dân huyện.") == [("semiannual", 17, 7, None)]


def test_a_clause_of_other_work_opened_by_a_year_names_no_yearly_report() -> None:
    line = ("Hằng năm phải có chương trình, kế hoạch lãnh đạo, chỉ đạo cụ thể; định kỳ hằng quý, nghe báo cáo và cho ý "
            "kiến về công tác phòng cháy.")
    assert _task(line) == [("quarterly", None, None, None)]


def test_a_step_timed_by_a_window_reports_by_the_windows_last_day() -> None:
    line = "Từ 01/9/2026 đến 20/10/2026: UBND các xã thu thập thông tin, tổng hợp và báo cáo theo Mẫu số 02 gửi Sở Nội vụ."
    assert _letter(line) == [("once", 20, 10, 2026)]


def test_a_drafted_report_submitted_by_a_dated_day_is_owed() -> None:
    line = "Văn phòng tổng hợp và tham mưu xây dựng Báo cáo năm 2026, trình Ban Thường vụ trước ngày 06/12/2026."
    assert _task(line) == [("once", 6, 12, 2026)]
    # drafting the superior's report, with no submission by a day, is the superior's report
    assert _task("Văn phòng tham mưu xây dựng báo cáo tổng kết năm của Ủy ban.") == []


def test_the_planning_and_investment_department_is_a_body_reports_go_to() -> None:
    assert _task("Các sở thường xuyên báo cáo tiến độ về Sở Kế hoạch và Đầu tư.") == [("adhoc", None, None, None)]
    out: list[dict[str, Any]] = extract_plan(PLAN + "2. Các sở định kỳ hằng quý báo cáo Sở Kế hoạch và Đầu tư.\n", "probe")["reporting"]  # type: ignore[assignment]
    assert out[0]["recipient"] == "Sở Kế hoạch và Đầu tư"


def test_what_is_sent_may_come_before_the_sending_verb() -> None:
    assert _task("Các xã tổng hợp danh sách gửi đến Phòng Nội vụ trước ngày 16 hằng tháng.") == [("monthly", 16, None, None)]
    assert _task("Kết quả thực hiện gửi về Phòng Nội vụ trước ngày 16/12 hằng năm.") == [("annual", 16, 12, None)]
    # a result sent with no period or day is not a reporting regime
    assert _task("Kết quả thẩm định gửi về Sở Xây dựng để biết.") == []


def test_a_semicolon_inside_brackets_opens_no_clause_of_other_work() -> None:
    line = "Báo cáo kết quả gửi Sở Tư pháp theo giai đoạn (2026 - 2027; 2028 - 2030), trước ngày 07/12 của từng giai đoạn."
    assert _organising(line) == [("adhoc", 7, 12, None)]
