"""Reporting duties (issue 10, round 14): a report owed "định kỳ" with no period named.

Decree 09/2019 (art. 12) sets a regime's periods once; a body's line in "Tổ chức thực hiện" that says it reports
"định kỳ" (on a schedule) without naming a period owes a report on a schedule the text leaves to other rules: ad
hoc. When the text states a periodic regime of its own, each body's line only repeats it and owes nothing more.
Probe texts are written for these rules from the usual build of a plan; none is copied from a corpus document.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan
from ansinh.documents.parsing.clean import fold
from ansinh.documents.parsing.report_phases import bare_periodic_report

PLAN = """ỦY BAN NHÂN DÂN
TỈNH PHÚ THỌ
Số: 57/KH-UBND
Phú Thọ, ngày 12 tháng 5 năm 2026
KẾ HOẠCH
Phát triển nghề mây tre đan giai đoạn 2026 - 2030
I. NHIỆM VỤ
1. Khảo sát các cơ sở sản xuất mây tre đan trên địa bàn.
"""


def _reports(text: str) -> list[tuple[Any, ...]]:
    out: list[dict[str, Any]] = extract_plan(text, "probe")["reporting"]  # type: ignore[assignment]
    return [(r["frequency"], r["deadline_day"], r["deadline_month"], r["year"]) for r in out]


def _organising(*lines: str) -> list[tuple[Any, ...]]:
    return _reports(PLAN + "II. TỔ CHỨC THỰC HIỆN\n1. Sở Công Thương\n" + "".join(f"- {x}\n" for x in lines))


def test_a_body_that_reports_on_a_schedule_with_no_period_owes_an_ad_hoc_report() -> None:
    assert _organising("Định kỳ báo cáo về tiến độ thực hiện các nội dung của Kế hoạch theo quy định.") == [
        ("adhoc", None, None, None)
    ]


def test_a_periodic_report_gathered_by_the_standing_office_is_ad_hoc_too() -> None:
    line = "Sở Công Thương là cơ quan thường trực theo dõi việc thực hiện Kế hoạch, tổng hợp báo cáo định kỳ."
    assert _organising(line) == [("adhoc", None, None, None)]
    # … also in a task item, outside the organising parts
    assert _reports(PLAN + "2. Sở Công Thương theo dõi việc thực hiện, định kỳ tổng hợp, báo cáo kết quả.\n") == [
        ("adhoc", None, None, None)
    ]


def test_a_body_line_repeating_the_plans_own_regime_owes_nothing_more() -> None:
    regime = "Định kỳ 6 tháng, hằng năm các sở, ngành báo cáo Ủy ban nhân dân tỉnh (qua Sở Công Thương)."
    assert _organising("Định kỳ báo cáo về tiến độ thực hiện Kế hoạch.", regime) == [
        ("semiannual", None, None, None),
        ("annual", None, None, None),
    ]


def test_a_periodic_report_named_as_a_form_is_no_duty() -> None:
    # "Báo cáo định kỳ hoạt động …": the name of a form a regulation prescribes, not a body's report
    line = "Báo cáo định kỳ hoạt động sản xuất được lập theo Mẫu số 05 kèm theo Thông tư."
    assert _reports(PLAN + f"2. {line}\n") == []
    assert not bare_periodic_report(fold(line))


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(["Định kỳ báo cáo", "định kỳ tổng hợp, báo cáo", "Định kỳ, báo cáo", "định kỳ đánh giá, báo cáo"]),
    st.sampled_from(["kết quả thực hiện Kế hoạch", "tiến độ triển khai", "tình hình thực hiện theo quy định"]),
)
def test_a_schedule_without_a_period_reads_as_bare_before_any_report(opening: str, what: str) -> None:
    assert bare_periodic_report(fold(f"{opening} {what}"))


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(["định kỳ 6 tháng", "định kỳ hằng năm", "định kỳ hằng quý", "định kỳ hằng tuần", "định kỳ hoặc đột xuất"]),
    st.sampled_from(["báo cáo kết quả thực hiện", "tổng hợp, báo cáo tiến độ"]),
)
def test_a_named_period_is_not_bare(opening: str, what: str) -> None:
    assert not bare_periodic_report(fold(f"{opening} {what}"))


# --- matters beyond a body's authority are reported up when they arise (an escalation) ------------------------------


def test_matters_beyond_a_bodys_authority_are_reported_ad_hoc_in_the_organising_part() -> None:
    line = "Tổng hợp, báo cáo Ủy ban nhân dân tỉnh những nội dung phát sinh vượt thẩm quyền."
    assert _organising(line) == [("adhoc", None, None, None)]


def test_matters_beyond_a_bodys_authority_are_reported_ad_hoc_in_a_task_item() -> None:
    item = "2. Sở Công Thương khẩn trương hoàn thiện hồ sơ; báo cáo, đề xuất cấp có thẩm quyền đối với các nội dung vượt thẩm quyền.\n"
    assert _reports(PLAN + item) == [("adhoc", None, None, None)]
    # … not the same task with no report in it
    assert _reports(PLAN + "2. Sở Công Thương xử lý các nội dung vượt thẩm quyền theo quy định.\n") == []


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(["báo cáo Ủy ban nhân dân tỉnh", "báo cáo, đề xuất cấp có thẩm quyền", "báo cáo Sở Tài chính"]),
    st.sampled_from(["các nội dung vượt thẩm quyền", "những vấn đề vượt quá thẩm quyền", "các vướng mắc vượt thẩm quyền"]),
)
def test_an_escalation_beyond_authority_is_one_ad_hoc_duty(report: str, matters: str) -> None:
    item = f"2. Sở Công Thương theo dõi việc thực hiện; {report} đối với {matters}.\n"
    assert _reports(PLAN + item) == [("adhoc", None, None, None)]
