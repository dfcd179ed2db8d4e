"""Reporting duties written the way Decree 09/2019 regimes and Decree 30/2020 plans, directives and decrees write
them: pairs of dates in words, the report that closes a year, reviews, and the same duties under layout noise.

Probe texts written for these rules (a provincial plan's organising part, a decree's duties article, a directive's
numbered duties); none is copied from a corpus document.
"""

from __future__ import annotations

from typing import Any

from ansinh.documents.noise_bench import noisy_text
from ansinh.documents.parsing import extract_plan

PLAN = """ỦY BAN NHÂN DÂN
TỈNH AN BÌNH
Số: 12/KH-UBND
An Bình, ngày 05 tháng 3 năm 2026
KẾ HOẠCH
Triển khai thực hiện Chương trình giảm nghèo bền vững năm 2026
I. MỤC ĐÍCH, YÊU CẦU
Nâng cao hiệu quả công tác giảm nghèo.
II. NHIỆM VỤ, GIẢI PHÁP
1. Rà soát hộ nghèo trên địa bàn.
2. Hỗ trợ sinh kế cho hộ nghèo.
III. TỔ CHỨC THỰC HIỆN
"""
DECREE = """CHÍNH PHỦ
Số: 98/2026/NĐ-CP
Hà Nội, ngày 01 tháng 6 năm 2026
NGHỊ ĐỊNH
Quy định về quản lý người lao động
Điều 20. Trách nhiệm của Ủy ban nhân dân cấp tỉnh
1. Chỉ đạo, hướng dẫn thực hiện Nghị định này trên địa bàn.
"""
DIRECTIVE = """ỦY BAN NHÂN DÂN
TỈNH AN BÌNH
Số: 05/CT-UBND
An Bình, ngày 05 tháng 3 năm 2026
CHỈ THỊ
Về tăng cường công tác phòng, chống thiên tai năm 2026
Thời gian qua, công tác phòng, chống thiên tai đạt nhiều kết quả. Để chủ động ứng phó, Chủ tịch Ủy ban nhân dân tỉnh chỉ thị:
1. Ủy ban nhân dân các xã, phường rà soát các khu vực có nguy cơ sạt lở.
"""
END = "\nNơi nhận:\n- Như trên;\nKT. CHỦ TỊCH\n"


def _reports(text: str) -> list[tuple[Any, ...]]:
    out: list[dict[str, Any]] = extract_plan(text, "probe")["reporting"]  # type: ignore[assignment]
    return [(r["frequency"], r["deadline_day"], r["deadline_month"], r["year"]) for r in out]


def test_a_second_date_in_words_goes_to_the_second_period() -> None:
    text = DECREE + (
        "2. Định kỳ 6 tháng và hằng năm báo cáo Bộ Nội vụ về tình hình thực hiện Nghị định trước ngày 15 tháng 6"
        " và ngày 15 tháng 12.\n"
    )
    assert _reports(text + END) == [("semiannual", 15, 6, None), ("annual", 15, 12, None)]


def test_a_second_date_after_before_in_words_is_read_too() -> None:
    text = DIRECTIVE + (
        "2. Các sở, ngành định kỳ 6 tháng, hằng năm báo cáo kết quả về Sở Nội vụ trước ngày 10 tháng 6"
        " và trước ngày 10 tháng 12.\n"
    )
    assert _reports(text + END) == [("semiannual", 10, 6, None), ("annual", 10, 12, None)]


def test_the_report_that_closes_a_year_is_due_on_its_dated_day() -> None:
    text = PLAN + (
        "1. Kết thúc năm 2026, các xã tổng hợp kết quả thực hiện, báo cáo Ủy ban nhân dân tỉnh (qua Sở Nội vụ)"
        " trước ngày 10 tháng 01 năm 2027.\n"
    )
    assert _reports(text + END) == [("once", 10, 1, 2027)]


def test_the_report_that_closes_a_year_without_a_date_is_that_year() -> None:
    assert _reports(PLAN + "1. Kết thúc năm 2026, Sở Nội vụ báo cáo Ủy ban nhân dân tỉnh.\n" + END) == [
        ("once", None, None, 2026)
    ]


def test_a_pair_of_reviews_spaced_by_a_word_segmenter_is_no_final_review() -> None:
    text = PLAN + "1. Các sở, ngành tổ chức sơ kết, tổng kết việc thực hiện Kế hoạch theo quy định.\n" + END
    assert _reports(text) == []
    assert _reports(noisy_text(text, "segment", 0)) == []


def _recipients(text: str) -> list[Any]:
    out: list[dict[str, Any]] = extract_plan(text, "probe")["reporting"]  # type: ignore[assignment]
    return [r["recipient"] for r in out]


def test_a_day_of_every_month_without_before_is_the_monthly_deadline() -> None:
    text = DIRECTIVE + (
        "2. Các đơn vị định kỳ ngày 25 hằng tháng có báo cáo kết quả thực hiện gửi Sở Xây dựng qua đó rút kinh"
        " nghiệm trong chỉ đạo.\n"
    )
    assert _reports(text + END) == [("monthly", 25, None, None)]
    assert _recipients(text + END) == ["Sở Xây dựng"]


def test_a_day_of_the_last_month_of_a_quarter_is_the_quarterly_deadline() -> None:
    text = PLAN + "1. Các sở, ngành báo cáo hằng quý về Sở Nội vụ vào ngày 20 của tháng cuối quý.\n"
    assert _reports(text + END) == [("quarterly", 20, None, None)]


def test_a_day_and_month_of_every_year_without_before_is_the_annual_deadline() -> None:
    text = PLAN + "1. Các xã gửi báo cáo kết quả thực hiện về Sở Nội vụ vào ngày 15 tháng 11 hằng năm.\n"
    assert _reports(text + END) == [("annual", 15, 11, None)]


def test_a_report_named_by_its_month_opens_a_list_of_periods() -> None:
    text = PLAN + "1. Các sở, ngành thực hiện báo cáo tháng, quý, 6 tháng, năm gửi Sở Nội vụ để tổng hợp.\n"
    assert [f for f, *_ in _reports(text + END)] == ["monthly", "quarterly", "semiannual", "annual"]


def test_a_list_opened_by_the_quarter_inside_brackets_is_three_periods() -> None:
    text = PLAN + (
        "1. Chế độ thông tin, báo cáo: Các cơ quan báo cáo kết quả thực hiện (lồng ghép trong báo cáo công tác"
        " cải cách hành chính quý, 6 tháng, năm) gửi Sở Nội vụ.\n"
    )
    assert [f for f, *_ in _reports(text + END)] == ["quarterly", "semiannual", "annual"]


def test_a_review_named_after_the_verb_is_no_department() -> None:
    text = PLAN + "1. Các đơn vị báo cáo sơ kết 6 tháng trước ngày 05/6 và tổng kết năm trước ngày 05/12 về Sở Nội vụ.\n"
    assert _reports(text + END) == [("semiannual", 5, 6, None), ("annual", 5, 12, None)]
    assert _recipients(text + END) == ["Sở Nội vụ", "Sở Nội vụ"]


def test_forms_laid_out_by_columns_after_the_signature_block_owe_nothing() -> None:
    blank = " " * 40
    form = (
        "PHỤ LỤC I\nBiểu số 01. Tình hình thực hiện chính sách trợ giúp xã hội\n"
        "Đơn vị gửi báo cáo: Ủy ban nhân dân cấp xã" + blank + "Kỳ báo cáo: 6 tháng, năm\n"
        + "".join(f"{i}{blank}Số đối tượng{blank}người{blank}{blank}\n" for i in range(1, 16))
    )
    text = DECREE + (
        "2. Định kỳ trước ngày 20 tháng 6 và trước ngày 20 tháng 12 hằng năm, báo cáo tình hình thực hiện trong 6"
        " tháng và cả năm theo Biểu số 01 Phụ lục I, gửi Bộ Y tế.\n"
    ) + END + "\n" + form
    assert sorted(_reports(text)) == [("annual", 20, 12, None), ("semiannual", 20, 6, None)]


PARTY_DIRECTIVE = """TỈNH ỦY AN BÌNH
Số 12-CT/TU
An Bình, ngày 10 tháng 5 năm 2026
CHỈ THỊ
CỦA BAN THƯỜNG VỤ TỈNH ỦY
về tăng cường sự lãnh đạo của Đảng đối với công tác giảm nghèo
Thời gian qua, công tác giảm nghèo đạt nhiều kết quả. Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy thực hiện tốt các nhiệm vụ sau:
1- Tăng cường công tác tuyên truyền, nâng cao nhận thức.
2- Nâng cao hiệu quả các chính sách giảm nghèo.
"""


def test_a_directive_review_on_a_year_is_a_one_off_duty() -> None:
    text = PARTY_DIRECTIVE + "3- Ban Dân vận Tỉnh ủy theo dõi việc thực hiện Chỉ thị; tổ chức sơ kết 5 năm thực hiện Chỉ thị vào năm 2031.\n"
    assert _reports(text + END) == [("once", None, None, 2031)]


def test_a_directive_review_every_year_is_annual() -> None:
    text = PARTY_DIRECTIVE + "3- Hằng năm, các huyện ủy tổ chức sơ kết, đánh giá kết quả thực hiện Chỉ thị.\n"
    assert _reports(text + END) == [("annual", None, None, None)]


def test_a_review_beside_a_yearly_plan_in_another_clause_owes_nothing() -> None:
    text = PARTY_DIRECTIVE + (
        "3- Các huyện ủy lập danh sách hộ nghèo; xây dựng kế hoạch hằng năm; bố trí kinh phí; tổ chức sơ kết, tổng"
        " kết, rút kinh nghiệm.\n"
    )
    assert _reports(text + END) == []


def test_a_basis_or_a_count_of_results_is_no_review() -> None:
    text = PARTY_DIRECTIVE + (
        "3- Trên cơ sở kết luận số 15-KL/TU ngày 05 tháng 4 năm 2026 của Ban Thường vụ, các huyện ủy rà soát.\n"
        "4- Thống kê số kết quả xử lý năm 2026 của các huyện.\n"
    )
    assert _reports(text + END) == []


def test_the_quality_of_reports_as_a_task_is_no_duty() -> None:
    text = DIRECTIVE + "2. Sở Nội vụ nâng cao chất lượng báo cáo định kỳ hằng quý, 6 tháng, năm của các cơ quan.\n"
    assert _reports(text + END) == []


def test_what_every_report_must_be_is_no_duty() -> None:
    text = DIRECTIVE + "2. Các báo cáo định kỳ phải bảo đảm đúng thời gian, chất lượng theo quy định.\n"
    assert _reports(text + END) == []


def test_the_period_a_report_covers_is_no_duty() -> None:
    text = DIRECTIVE + "2. Số liệu báo cáo năm tính từ ngày 15/12 năm trước đến ngày 14/12 năm báo cáo.\n"
    assert _reports(text + END) == []


def test_a_list_of_periods_closed_by_according_to_the_rules_keeps_the_year() -> None:
    text = DIRECTIVE + "2. Các sở, ngành thực hiện nghiêm chế độ báo cáo định kỳ 6 tháng, năm theo quy định.\n"
    assert _reports(text + END) == [("semiannual", None, None, None), ("annual", None, None, None)]


def test_a_day_of_the_year_reported_on_is_annual() -> None:
    text = DIRECTIVE + "2. Các đơn vị báo cáo Sở Nội vụ trước ngày 15 tháng 12 của năm báo cáo.\n"
    assert _reports(text + END) == [("annual", 15, 12, None)]


def test_once_a_year_is_annual_and_no_part_of_the_recipient() -> None:
    text = DIRECTIVE + "2. Các xã báo cáo kết quả thực hiện về Sở Nội vụ 01 lần/năm trước ngày 30/11.\n"
    assert _reports(text + END) == [("annual", 30, 11, None)]
    assert _recipients(text + END) == ["Sở Nội vụ"]


def test_a_day_of_the_last_month_of_each_quarter_is_quarterly() -> None:
    text = DIRECTIVE + "2. Hạn chót nộp báo cáo là ngày 10 của tháng cuối quý.\n"
    assert _reports(text + END) == [("quarterly", 10, None, None)]


def test_two_days_of_each_year_six_months_apart_are_two_six_monthly_reports() -> None:
    text = DECREE + (
        "2. Sở Y tế tổng hợp, báo cáo Ủy ban nhân dân cấp tỉnh và Bộ Y tế tình hình hoạt động của các cơ sở trên địa"
        " bàn trước ngày 20 tháng 6 và ngày 20 tháng 12 hằng năm.\n"
    )
    assert _reports(text + END) == [("semiannual", 20, 6, None), ("semiannual", 20, 12, None)]


def test_two_reviews_each_opened_by_its_year_are_two_one_off_duties() -> None:
    text = PLAN + "1. Năm 2028 sơ kết, năm 2030 tổng kết việc thực hiện Kế hoạch.\n"
    assert sorted(_reports(text + END)) == [("once", None, None, 2028), ("once", None, None, 2030)]


def test_reviews_held_on_a_schedule_with_no_period_name_no_reporting_duty() -> None:
    # (ptargets6) Every gold counts a review without a report only when it is dated or periodic ("sơ kết vào năm
    # 2027", "định kỳ hằng năm sơ kết"): one with neither, no report and no body it goes to, is how work is run.
    text = PLAN + "1. Định kỳ tổ chức sơ kết, tổng kết đánh giá kết quả thực hiện Kế hoạch.\n"
    assert _reports(text + END) == []
    reported = PLAN + "1. Định kỳ tổ chức sơ kết, tổng kết, báo cáo kết quả thực hiện Kế hoạch.\n"
    assert _reports(reported + END) == [("adhoc", None, None, None)]


def test_a_report_due_within_a_quarter_of_a_year_is_a_one_off_of_that_year() -> None:
    assert _reports(DIRECTIVE + "2. Sở Tài chính rà soát, báo cáo Ủy ban nhân dân tỉnh trong quý II/2026.\n" + END) == [
        ("once", None, None, 2026)
    ]
    assert _reports(DIRECTIVE + "2. Sở Tài chính báo cáo Ủy ban nhân dân tỉnh trong quý III năm 2026.\n" + END) == [
        ("once", None, None, 2026)
    ]


def test_a_dated_report_in_a_clause_of_its_own_stands_beside_a_regime() -> None:
    text = DIRECTIVE + (
        "2. Sở Tài chính báo cáo Ủy ban nhân dân tỉnh trước ngày 30/6/2026; đồng thời định kỳ hằng quý báo cáo tiến độ.\n"
    )
    assert sorted(_reports(text + END), key=str) == [("once", 30, 6, 2026), ("quarterly", None, None, None)]


def test_a_list_of_periods_in_brackets_or_after_a_colon_opens_with_the_month() -> None:
    for wording in ("báo cáo định kỳ (tháng, quý, 6 tháng, năm)", "chế độ báo cáo định kỳ: tháng, quý, 6 tháng, năm"):
        text = DIRECTIVE + f"2. Các đơn vị thực hiện {wording} gửi Sở Nội vụ.\n"
        assert [f for f, *_ in _reports(text + END)] == ["monthly", "quarterly", "semiannual", "annual"], wording


def test_the_quarter_as_an_item_with_its_own_day_is_quarterly() -> None:
    text = DIRECTIVE + (
        "2. Báo cáo định kỳ tháng (trước ngày 20 hằng tháng), quý (trước ngày 20 tháng cuối quý) gửi Sở Nội vụ.\n"
    )
    assert _reports(text + END) == [("monthly", 20, None, None), ("quarterly", 20, None, None)]


def test_a_partner_after_in_coordination_with_is_no_recipient() -> None:
    text = DIRECTIVE + (
        "2. Giao Sở Y tế chủ trì, phối hợp với Ủy ban nhân dân các xã tổng hợp, báo cáo kết quả, gửi Ủy ban nhân dân"
        " tỉnh trước ngày 20/7/2026.\n"
    )
    assert _recipients(text + END) == ["Ủy ban nhân dân tỉnh"]


def test_the_recipient_stops_before_a_copy_or_the_next_verb() -> None:
    text = DECREE + "2. Định kỳ hằng năm báo cáo Thủ tướng Chính phủ, đồng gửi Bộ Tài chính.\n"
    assert _recipients(text + END) == ["Thủ tướng Chính phủ"]


def test_figures_sent_to_a_body_on_a_schedule_are_a_report() -> None:
    text = DECREE + (
        "2. Trước ngày 10 của tháng đầu quý tiếp theo, cơ quan bảo hiểm xã hội cấp tỉnh gửi thông tin về các đơn vị"
        " chậm đóng đến Sở Nội vụ.\n"
    )
    assert _reports(text + END) == [("quarterly", 10, None, None)]


def test_information_sent_with_no_period_or_day_is_no_report() -> None:
    text = DECREE + "2. Cơ quan bảo hiểm xã hội gửi thông tin về người lao động đến Sở Nội vụ để phối hợp.\n"
    assert _reports(text + END) == []


def test_a_day_whose_digits_ocr_split_apart_is_still_the_deadline() -> None:
    text = PLAN + (
        "1. Các sở, ngành định kỳ hằng quý báo cáo kết quả về Sở Nội vụ trước ngày\n2 0 tháng cuối quý.\n"
        "2. Sở Nội vụ tổng hợp, báo cáo Chủ tịch Ủy ban nhân dân tỉnh trước ngày 3 0 tháng 6 năm 2027.\n"
    )
    assert _reports(text + END) == [("quarterly", 20, None, None), ("once", 30, 6, 2027)]


def test_the_probes_read_the_same_under_every_kind_of_noise() -> None:
    text = PLAN + (
        "1. Sở Y tế định kỳ 6 tháng (trước ngày 15/6), hằng năm (trước ngày 15/12) và đột xuất báo cáo Ủy ban nhân dân"
        " tỉnh (qua Sở Tài chính).\n"
        "2. Báo cáo quý gửi trước ngày 20 của tháng cuối quý; báo cáo năm gửi trước ngày 10 tháng 12.\n"
        "3. Kết thúc năm 2026, các xã báo cáo Ủy ban nhân dân tỉnh trước ngày 10 tháng 01 năm 2027.\n"
    ) + END
    clean = sorted(_reports(text), key=str)
    for kind in ("pdf", "nodiacritics", "segment", "headers", "emphasis", "html", "ocr", "all"):
        assert sorted(_reports(noisy_text(text, kind, 0)), key=str) == clean, kind


def test_the_quarter_takes_the_day_without_a_month_beside_a_yearly_date() -> None:
    text = DIRECTIVE + (
        "2. Định kỳ trước ngày 15 của tháng cuối quý và trước ngày 15 tháng 12 hằng năm, Sở Nội vụ báo cáo Ủy ban"
        " nhân dân tỉnh.\n"
    )
    assert _reports(text + END) == [("quarterly", 15, None, None), ("annual", 15, 12, None)]
