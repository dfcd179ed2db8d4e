"""Reporting duties and targets (issue 10, preport18): how Vietnamese plans state them, in layouts and wordings the
rules missed. Probe texts are made up for these rules, none copied from a corpus document.
"""

from __future__ import annotations

from typing import Any

from ansinh.documents.parsing import extract_plan
from tests.documents.test_parsing_preport9_rules import PLAN  # the same plan head
from tests.documents.test_parsing_preport17_rules import LETTER  # the same letter head


def _reports(text: str) -> list[tuple[Any, ...]]:
    out: list[dict[str, Any]] = extract_plan(text, "probe")["reporting"]  # type: ignore[assignment]
    return [(r["frequency"], r["deadline_day"], r["deadline_month"], r["year"]) for r in out]


def test_an_organising_part_whose_every_line_a_converter_indented_with_a_tab_is_running_text_not_a_table() -> None:
    # A word processor's first-line indent, exported as a tab at the start of each wrapped line; a line of the
    # paragraph mentions "nhiệm vụ", which a table's header would, yet no row of cells is there.
    part = (
        "II. TỔ CHỨC THỰC HIỆN\n\n"
        "\t1. Các phòng, ban chuyên môn căn cứ chức năng, nhiệm vụ được giao triển khai thực hiện\n"
        "\tđầy đủ các nội dung của Kế hoạch này, chủ động kiểm tra các việc chưa hoàn thành.\n"
        "\t2. Phòng Kinh tế là đầu mối theo dõi việc thực hiện của các phòng, ban, tổng hợp kết quả,\n"
        "\tbáo cáo Ủy ban nhân dân huyện trước 15/11/2026.\n"
    )
    assert _reports(PLAN + part) == [("once", 15, 11, 2026)]


def _organising(*lines: str) -> list[tuple[Any, ...]]:
    return _reports(PLAN + "II. TỔ CHỨC THỰC HIỆN\n1. Sở Tư pháp\n" + "".join(f"- {x}\n" for x in lines))


def test_a_report_sent_twice_a_year_in_figures_is_six_monthly_on_each_of_its_days() -> None:
    line = "Định kỳ 02 lần/năm (trước ngày 12/6 và trước ngày 12/12), các xã báo cáo Phòng Văn hóa - Xã hội kết quả thực hiện."
    assert _organising(line) == [("semiannual", 12, 6, None), ("semiannual", 12, 12, None)]
    assert _organising("Các trường học báo cáo kết quả thực hiện 2 lần/năm về Sở Giáo dục và Đào tạo.") == [("semiannual", None, None, None)]


def test_the_span_a_reports_figures_cover_does_not_undo_the_deadline_written_beside_it() -> None:
    # Decree 09/2019 names the cut-off of the figures next to the day a report is due; the cut-off alone owes nothing.
    line = ("Báo cáo năm gửi Sở Tư pháp trước ngày 18/12 (thời gian chốt số liệu từ ngày 15/12 năm trước đến ngày "
            "14/12 của năm báo cáo).")
    assert _organising(line) == [("annual", 18, 12, None)]
    line = "Báo cáo 6 tháng gửi trước ngày 22/6; số liệu báo cáo được tính từ ngày 15/12 năm trước đến ngày 14/6."
    assert _organising(line) == [("semiannual", 22, 6, None)]
    assert _organising("Thời gian chốt số liệu báo cáo: từ ngày 15/12 năm trước đến ngày 14/12 năm báo cáo.") == []


def test_a_final_review_held_by_a_year_written_after_den_is_a_one_off_report_of_that_year() -> None:
    line = "Đến năm 2029 tổ chức tổng kết, đánh giá kết quả thực hiện Kế hoạch, báo cáo Ủy ban nhân dân tỉnh."
    assert _organising(line) == [("once", None, None, 2029)]
    # … not a target's year before a regime pointer
    assert _organising("Đến năm 2029, 100% hồ sơ được giải quyết đúng hạn, báo cáo định kỳ đúng quy định.") == []


_OBJECTIVES = """ỦY BAN NHÂN DÂN
TỈNH YÊN BÁI
Số: 88/KH-UBND
Yên Bái, ngày 03 tháng 3 năm 2026
KẾ HOẠCH
Phát triển kinh tế tập thể giai đoạn 2026 - 2030
I. MỤC TIÊU
1. Mục tiêu cụ thể
"""


def _targets(*lines: str) -> list[tuple[Any, ...]]:
    out: list[dict[str, Any]] = extract_plan(_OBJECTIVES + "".join(f"- {x}\n" for x in lines), "probe")["targets"]  # type: ignore[assignment]
    return [(t["value"], t["unit"]) for t in out]


def test_how_many_years_a_period_lasts_is_no_target_of_the_plan() -> None:
    # "5 năm 2026 - 2030", "bình quân 5 năm", "trong 03 năm tới": the length of the period the target is counted over.
    assert _targets("Các chỉ tiêu chủ yếu 5 năm 2026 - 2030: doanh thu bình quân của hợp tác xã tăng 6%/năm.") == [(6, "%/năm")]
    assert _targets("Số hợp tác xã thành lập mới bình quân 5 năm đạt khoảng 120 hợp tác xã.") == [(120, "hợp tác xã")]
    assert _targets("Phấn đấu trong 03 năm tới, tỷ lệ hợp tác xã hoạt động hiệu quả đạt 70%.") == [(70, "%")]


def test_each_year_spelled_mỗi_năm_is_no_count_of_five_while_a_count_after_mới_still_is() -> None:
    # "năm" is both "year" and "five"; "mỗi" (each) and "mới" (new) fold alike, only "mới" counts what follows.
    assert _targets("Mỗi năm tổ chức ít nhất 02 hội nghị xúc tiến thương mại.") == [(2, "hội nghị")]
    assert _targets("Thành lập mới năm hợp tác xã nông nghiệp.") == [(5, "hợp tác xã")]


_DIRECTIVE = """ỦY BAN NHÂN DÂN
TỈNH HÀ GIANG
Số: 07/CT-UBND
Hà Giang, ngày 20 tháng 2 năm 2026
CHỈ THỊ
Về tăng cường công tác thu ngân sách nhà nước năm 2026
Để hoàn thành nhiệm vụ thu ngân sách năm 2026, Chủ tịch UBND tỉnh yêu cầu:
1. Các sở, ban, ngành, UBND các xã, phường:
a) {line}
b) Tăng cường kiểm tra, giám sát việc thực hiện.
"""


def _directive_targets(line: str) -> list[tuple[Any, ...]]:
    out: list[dict[str, Any]] = extract_plan(_DIRECTIVE.format(line=line), "probe")["targets"]  # type: ignore[assignment]
    return [(t["value"], t["unit"], t["comparator"]) for t in out]


def test_a_directive_point_that_opens_with_phấn_đấu_states_a_target() -> None:
    assert _directive_targets("Phấn đấu hoàn thành 110% dự toán thu ngân sách được giao.") == [(110, "%", "=")]


def test_a_clause_that_guarantees_a_floor_states_a_target() -> None:
    assert _directive_targets("Bảo đảm tỷ lệ thu nợ thuế đến hết năm 2026 đạt tối thiểu 85% tổng số nợ.") == [(85, "%", ">=")]
    # … in a plan's tasks part too, in a unit of its own ("bậc" of a ranking)
    plan = PLAN.replace("1. Khảo sát", "1. Bảo đảm chỉ số năng lực cạnh tranh cấp tỉnh tăng ít nhất 4 bậc so với năm 2025.\n2. Khảo sát")
    out: list[dict[str, Any]] = extract_plan(plan, "probe")["targets"]  # type: ignore[assignment]
    assert [(t["value"], t["unit"], t["comparator"]) for t in out] == [(4, "bậc", ">=")]


def test_a_report_sent_to_the_ministry_named_bare_bộ_is_owed_to_it() -> None:
    # A ministry's own text names itself "Bộ": "báo cáo về Bộ (qua Văn phòng Bộ)"; "bộ phận" (a unit) is no ministry.
    plan = PLAN.replace("1. Khảo sát", "1. Kết thúc đợt kiểm tra, Thanh tra các tỉnh tổng hợp kết quả, báo cáo về Bộ (qua Văn phòng Bộ).\n2. Khảo sát")
    out: list[dict[str, Any]] = extract_plan(plan, "probe")["reporting"]  # type: ignore[assignment]
    assert [(r["frequency"], r["recipient"]) for r in out] == [("once", "Bộ (qua Văn phòng Bộ)")]
    plan = PLAN.replace("1. Khảo sát", "1. Các xã chuyển hồ sơ về bộ phận một cửa để báo cáo.\n2. Khảo sát")
    assert extract_plan(plan, "probe")["reporting"] == []


def test_a_list_of_periods_opened_by_the_month_after_the_report_it_joins_names_each_period() -> None:
    line = "Các phòng, ban báo cáo kết quả thực hiện lồng ghép trong báo cáo công tác tháng, quý, năm của đơn vị."
    assert [f for f, *_ in _organising(line)] == ["monthly", "quarterly", "annual"]


def test_a_report_a_named_body_asked_for_by_a_dated_day_is_that_one_report_not_also_an_ad_hoc_one() -> None:
    line = "Tổng hợp kết quả, gửi báo cáo theo yêu cầu của Bộ Nội vụ trước ngày 20/8/2026."
    assert _organising(line) == [("once", 20, 8, 2026)]
    # … "đột xuất theo yêu cầu của …" is still an occasion besides the dated report
    line = "Gửi báo cáo về Bộ Nội vụ trước ngày 20/8/2026 và báo cáo đột xuất theo yêu cầu của cơ quan có thẩm quyền."
    assert sorted(f for f, *_ in _organising(line)) == ["adhoc", "once"]


def test_a_task_that_opens_by_moving_a_rate_commits_to_the_share_it_names() -> None:
    plan = PLAN.replace("1. Khảo sát", "1. Giảm tỷ lệ lao động làm việc trong nông nghiệp bình quân 1,2%/năm.\n2. Khảo sát")
    out: list[dict[str, Any]] = extract_plan(plan, "probe")["targets"]  # type: ignore[assignment]
    assert [(t["value"], t["unit"]) for t in out] == [(1.2, "%/năm")]
    # … not a count the task only handles ("Giảm thủ tục …" names no rate)
    plan = PLAN.replace("1. Khảo sát", "1. Giảm thời gian xử lý hồ sơ của 15 thủ tục hành chính.\n2. Khảo sát")
    assert extract_plan(plan, "probe")["targets"] == []


def test_a_sentence_a_pdf_padded_with_a_tab_after_a_line_break_goes_on_to_its_value() -> None:
    # A PDF's text layer wrote a tab for a space on the line after a wrap: the line is prose, not a table row.
    notice = _DIRECTIVE.format(line=(
        "Các chi cục thuế rà soát nguồn thu còn dư địa, đôn đốc người nộp thuế nộp đúng hạn để bảo đảm mục \n"
        "tiêu\tthu ngân sách 100% dự toán được giao. Đơn vị thu chậm phải giải trình với Chủ tịch UBND tỉnh."))
    out: list[dict[str, Any]] = extract_plan(notice, "probe")["targets"]  # type: ignore[assignment]
    assert [(t["value"], t["unit"]) for t in out] == [(100, "%")]


def test_a_floor_in_a_tasks_part_counts_whatever_noun_follows_it() -> None:
    plan = PLAN.replace("1. Khảo sát", "1. Mỗi cơ sở đăng ký thực hiện ít nhất 02 sáng kiến cải tiến kỹ thuật.\n2. Khảo sát")
    out: list[dict[str, Any]] = extract_plan(plan, "probe")["targets"]  # type: ignore[assignment]
    assert [(t["value"], t["unit"], t["comparator"]) for t in out] == [(2, "sáng kiến", ">=")]


def test_a_count_whose_number_is_repeated_in_words_in_brackets_keeps_the_noun_after_them() -> None:
    # Legal drafting writes "01 (một)", "02 (hai)": the counted noun follows the bracket.
    assert _targets("Mỗi xã có ít nhất 02 (hai) tổ hợp tác sản xuất rau an toàn.") == [(2, "tổ hợp")]


def test_a_share_that_holds_from_a_dated_day_takes_that_days_year() -> None:
    letter = LETTER + ("1. Phấn đấu 100% hồ sơ đăng ký hộ kinh doanh được tiếp nhận trực tuyến kể từ ngày 01/7/2026.\n"
                       "2. Các đơn vị phối hợp thực hiện.\n")
    out: list[dict[str, Any]] = extract_plan(letter, "probe")["targets"]  # type: ignore[assignment]
    assert [(t["value"], t["unit"], t["year"]) for t in out] == [(100, "%", 2026)]
    # … not a span of days the work lasts ("100 ngày làm việc, từ ngày …")
    letter = LETTER + "1. Thời gian thực hiện: 100 ngày làm việc, từ ngày 10/7/2026 đến hết ngày 30/11/2026.\n"
    assert extract_plan(letter, "probe")["targets"] == []


def test_a_report_due_at_the_end_of_a_year_named_first_is_owed_once_in_a_tasks_part_too() -> None:
    plan = PLAN.replace("1. Khảo sát", "1. Cuối năm 2027, Sở Công Thương tổng hợp báo cáo kết quả thực hiện Kế hoạch.\n2. Khảo sát")
    assert _reports(plan) == [("once", None, None, 2027)]


def test_a_one_off_report_due_by_a_labelled_day_or_within_the_start_of_a_month() -> None:
    # "Thời hạn gửi báo cáo: ngày …" labels the day; "vào đầu tháng 12/2026", "trong tuần đầu tháng 01/2027" the month.
    def task(line: str) -> list[tuple[Any, ...]]:
        return _reports(PLAN.replace("1. Khảo sát", f"1. {line}\n2. Khảo sát"))

    assert task("Rà soát các cơ sở sản xuất; thời hạn gửi báo cáo: ngày 18/12/2026.") == [("once", 18, 12, 2026)]
    assert task("Báo cáo kết quả rà soát về Sở Công Thương vào đầu tháng 12/2026.") == [("once", None, 12, 2026)]
    assert task("Báo cáo kết quả rà soát về Sở Công Thương trong tuần đầu tháng 01/2027.") == [("once", None, 1, 2027)]


def test_a_count_a_tasks_clause_sets_for_a_year_counts_whatever_noun_follows_it() -> None:
    line = "Phát triển du lịch cộng đồng, đến năm 2029 có thêm khoảng 4 - 5 làng văn hóa du lịch đi vào hoạt động."
    plan = PLAN.replace("1. Khảo sát", f"1. {line}\n2. Khảo sát")
    out: list[dict[str, Any]] = extract_plan(plan, "probe")["targets"]  # type: ignore[assignment]
    assert [(t["value"], t["value_max"], t["year"]) for t in out] == [(4, 5, 2029)]
    # … and a single count with its noun
    plan = PLAN.replace("1. Khảo sát", "1. Phát triển sản phẩm, đến năm 2028 có 12 điểm du lịch cộng đồng đạt chuẩn.\n2. Khảo sát")
    out = extract_plan(plan, "probe")["targets"]  # type: ignore[assignment]
    assert [(t["value"], t["unit"], t["year"]) for t in out] == [(12, "điểm", 2028)]


def test_a_clause_that_names_a_rate_and_the_level_it_reaches_states_a_target() -> None:
    assert _directive_targets("Tỷ lệ thu nợ thuế có khả năng thu đạt trên 80% tổng số nợ.") == [(80, "%", ">")]
    # … a rate named as a support ("mức hỗ trợ 50%") is not one
    assert _directive_targets("Hỗ trợ 50% kinh phí đào tạo cho người lao động.") == []


def test_a_clause_that_opens_by_changing_something_by_a_share_against_a_base_states_a_target() -> None:
    assert _directive_targets("Giảm ít nhất 8% số vụ vi phạm pháp luật về thuế so với năm 2025.") == [(8, "%", ">=")]
    # … a change already reached is a result, not a target
    assert _directive_targets("Số thu đã tăng 12% so với cùng kỳ năm trước.") == []


def test_results_reported_to_a_body_named_after_them_are_owed_in_the_organising_part() -> None:
    assert _organising("Các phòng, ban báo cáo kết quả thực hiện về Văn phòng Ủy ban nhân dân để tổng hợp.") == [
        ("adhoc", None, None, None)
    ]
    # … not figures the report is about ("báo cáo kết quả thực hiện về số lượng …" names no body)
    assert _organising("Các xã báo cáo kết quả thực hiện về số lượng hộ được hỗ trợ.") == []
