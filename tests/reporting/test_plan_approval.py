"""Approving a plan with its checklist, the cycles it creates, and editing them by hand (web, CLI, API)."""

from __future__ import annotations

import datetime as dt
import io
import json
from typing import Any

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client

from ansinh.core.models import AuditEvent
from ansinh.plans.models import Plan
from ansinh.reporting.actions import do_open_submission
from ansinh.reporting.approval import ApprovalError, checklist, do_approve_with_checklist
from ansinh.reporting.cycle_edit import CycleEditError, do_add_cycle, do_move_deadline, do_remove_cycle
from ansinh.reporting.linking import do_accept_suggestions
from ansinh.reporting.models import CycleDeadline, ReportingCycle
from tests.reporting.link_fixtures import draft_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(db: Any) -> Plan:
    return draft_plan()


@pytest.fixture
def linked(plan: Plan) -> Plan:
    do_accept_suggestions(None, plan)
    return plan


def _labels(checks: list[Any]) -> dict[str, bool]:
    return {c.label: c.done for c in checks}


def test_the_checklist_shows_each_item_done_or_missing(plan: Plan, ward_a: Any) -> None:
    checks = _labels(checklist(plan, None))
    assert checks == {"Số, ký hiệu": True, "Ngày ban hành": True, "Cơ quan ban hành": True, "Địa bàn áp dụng": False,
                      "Chế độ báo cáo": True, "Chỉ tiêu đã liên kết danh mục": False}
    assert _labels(checklist(plan, ward_a))["Địa bàn áp dụng"] is True


def test_approving_without_area_or_linked_indicator_names_both_and_stores_nothing(plan: Plan, alice: Any) -> None:
    with pytest.raises(ApprovalError) as err:
        do_approve_with_checklist(plan, alice, None)
    assert "chưa chọn địa bàn áp dụng" in err.value.message and "chưa có chỉ tiêu nào được liên kết" in err.value.message
    plan.refresh_from_db()
    assert plan.is_draft and not ReportingCycle.objects.exists() and not AuditEvent.objects.exists()


def test_approving_without_a_linked_indicator_is_refused_even_with_an_area(plan: Plan, alice: Any, ward_a: Any) -> None:
    with pytest.raises(ApprovalError, match="chưa có chỉ tiêu nào được liên kết"):
        do_approve_with_checklist(plan, alice, ward_a)
    plan.refresh_from_db()
    assert plan.is_draft and plan.area is None


def test_approving_without_the_confirmation_is_refused(linked: Plan, alice: Any, ward_a: Any) -> None:
    with pytest.raises(ApprovalError, match="đánh dấu ô xác nhận"):
        do_approve_with_checklist(linked, alice, ward_a, confirmed=False)
    linked.refresh_from_db()
    assert linked.is_draft


@time_machine.travel(dt.datetime(2025, 9, 1, 9, tzinfo=dt.UTC), tick=False)
def test_approval_sets_the_area_and_creates_the_cycles_of_the_plans_years(linked: Plan, alice: Any, ward_a: Any) -> None:
    plan, cycles = do_approve_with_checklist(linked, alice, ward_a)
    assert plan.status == Plan.Status.ACTIVE and plan.area == ward_a
    assert [c.label for c in cycles] == ["Báo cáo năm 2025", "Báo cáo năm 2026"]
    dues = {d.level: d.due for d in cycles[0].deadlines.all()}
    assert dues[CycleDeadline.Level.COMMUNE] == dt.date(2025, 11, 10)
    assert {"plan.set_area", "plan.approve", "reporting.generate_cycles"} <= set(AuditEvent.objects.values_list("action", flat=True))
    with pytest.raises(ApprovalError, match="đã được phê duyệt"):
        do_approve_with_checklist(plan, alice, ward_a)


def test_a_central_plan_says_nationwide_explicitly(linked: Plan, alice: Any, vn: Any, client: Client) -> None:
    client.force_login(alice)
    response = client.post(f"/ke-hoach/{linked.pk}/phe-duyet/", {"area": "toan-quoc", "xac_nhan": "1"}, follow=True)
    assert "Đã phê duyệt kế hoạch" in response.content.decode()
    linked.refresh_from_db()
    assert linked.area == vn
    assert "Toàn quốc" in client.get(f"/ke-hoach/{linked.pk}/").content.decode()


def test_the_approval_page_shows_the_checklist_and_a_unit_picker_not_a_code_field(plan: Plan, alice: Any, client: Client) -> None:
    client.force_login(alice)
    html = client.get(f"/ke-hoach/{plan.pk}/phe-duyet/").content.decode()
    assert "Danh mục kiểm tra trước khi phê duyệt" in html and "Còn thiếu" in html and "0/3 chỉ tiêu" in html
    assert "data-unit-picker" in html and "/don-vi/tim/" in html and "Toàn quốc (kế hoạch trung ương)" in html


def test_without_javascript_the_picker_searches_by_reloading_and_offers_radio_buttons(
    linked: Plan, alice: Any, client: Client, ward_a: Any, ward_b: Any
) -> None:
    client.force_login(alice)
    html = client.get(f"/ke-hoach/{linked.pk}/phe-duyet/", {"dia-ban-q": "ben thanh"}).content.decode()
    assert "Kết quả tìm «ben thanh»" in html and f'name="area" value="{ward_b.pk}"' in html
    assert "csrfmiddlewaretoken" not in html.split('id="duyet"')[0].split("unit-picker")[-1]
    response = client.post(f"/ke-hoach/{linked.pk}/phe-duyet/", {"area": ["", str(ward_b.pk)], "xac_nhan": "1"})
    assert response.status_code == 302
    linked.refresh_from_db()
    assert linked.area == ward_b


def test_the_nationwide_choice_wins_over_a_unit_left_in_the_picker(linked: Plan, alice: Any, client: Client, vn: Any, ward_a: Any) -> None:
    client.force_login(alice)
    client.post(f"/ke-hoach/{linked.pk}/phe-duyet/", {"area_mode": "toan-quoc", "area": str(ward_a.pk), "xac_nhan": "1"})
    linked.refresh_from_db()
    assert linked.area == vn


def test_the_web_refusal_names_what_is_missing_and_stores_nothing(plan: Plan, alice: Any, client: Client, ward_a: Any) -> None:
    client.force_login(alice)
    response = client.post(f"/ke-hoach/{plan.pk}/phe-duyet/", {"area": str(ward_a.pk), "xac_nhan": "1"})
    assert response.status_code == 400 and "chưa có chỉ tiêu nào được liên kết" in response.content.decode()
    plan.refresh_from_db()
    assert plan.is_draft and plan.area is None and not ReportingCycle.objects.exists()


def test_an_officer_without_the_right_cannot_approve_from_the_web(plan: Plan, bob: Any, client: Client, ward_a: Any) -> None:
    client.force_login(bob)
    assert client.post(f"/ke-hoach/{plan.pk}/phe-duyet/", {"area": str(ward_a.pk), "xac_nhan": "1"}).status_code == 403


# --- cycles by hand -------------------------------------------------------------------------------


@pytest.fixture
def active(linked: Plan, ward_a: Any) -> Plan:
    plan, _ = do_approve_with_checklist(linked, None, ward_a)
    return plan


def test_adding_a_quarterly_cycle_and_refusing_a_duplicate(active: Plan, alice: Any) -> None:
    cycle = do_add_cycle(alice, active, "quarterly", 2026, 2)
    assert cycle.label == "Báo cáo quý II năm 2026" and cycle.deadlines.count() == 2
    with pytest.raises(CycleEditError, match="đã có"):
        do_add_cycle(alice, active, "quarterly", 2026, 2)
    with pytest.raises(CycleEditError, match="chọn quý"):
        do_add_cycle(alice, active, "quarterly", 2026, 5)
    with pytest.raises(CycleEditError, match="Loại kỳ"):
        do_add_cycle(alice, active, "weekly", 2026)


def test_a_due_date_before_the_window_opens_is_refused(active: Plan, alice: Any) -> None:
    deadline = CycleDeadline.objects.filter(cycle__plan=active, cycle__year=2025).first()
    assert deadline is not None
    before = deadline.due
    with pytest.raises(CycleEditError, match="trước ngày mở kỳ"):
        do_move_deadline(alice, deadline, dt.date(2024, 12, 1))
    deadline.refresh_from_db()
    assert deadline.due == before
    moved = do_move_deadline(alice, deadline, dt.date(2025, 11, 20), was=before)
    assert moved.due == dt.date(2025, 11, 20)
    with pytest.raises(CycleEditError, match="vừa được sửa"):
        do_move_deadline(alice, deadline, dt.date(2025, 11, 21), was=before)


def test_a_cycle_with_reports_cannot_be_removed(active: Plan, alice: Any, ward_a: Any) -> None:
    cycle = ReportingCycle.objects.get(plan=active, year=2025)
    do_open_submission(None, cycle, ward_a)
    with pytest.raises(CycleEditError, match="đã có 1 báo cáo"):
        do_remove_cycle(alice, cycle)
    empty = ReportingCycle.objects.get(plan=active, year=2026)
    do_remove_cycle(alice, empty)
    assert not ReportingCycle.objects.filter(pk=empty.pk).exists()


def test_the_cycles_page_moves_adds_and_removes_with_buttons(active: Plan, alice: Any, client: Client,
                                                            django_assert_max_num_queries: Any) -> None:
    client.force_login(alice)
    with django_assert_max_num_queries(10):
        html = client.get(f"/ke-hoach/{active.pk}/ky-bao-cao/").content.decode()
    assert "Báo cáo năm 2025" in html and "Dời hạn" in html and "Xóa kỳ" in html
    deadline = CycleDeadline.objects.filter(cycle__plan=active, cycle__year=2025).first()
    assert deadline is not None
    html = client.post(f"/ke-hoach/{active.pk}/ky-bao-cao/han/{deadline.pk}/", {"due": "2024-01-01"}, follow=True).content.decode()
    assert "trước ngày mở kỳ" in html
    html = client.post(f"/ke-hoach/{active.pk}/ky-bao-cao/han/{deadline.pk}/", {"due": "hôm qua"}, follow=True).content.decode()
    assert "Hạn báo cáo không hợp lệ" in html
    html = client.post(f"/ke-hoach/{active.pk}/ky-bao-cao/han/{deadline.pk}/", {"due": "25/11/2025"}, follow=True).content.decode()
    assert "Đã dời hạn" in html and "sang 25/11/2025" in html
    html = client.post(f"/ke-hoach/{active.pk}/ky-bao-cao/them/", {"kind": "semiannual", "year": "2026"}, follow=True).content.decode()
    assert "Đã thêm «Báo cáo 6 tháng đầu năm 2026»" in html
    html = client.post(f"/ke-hoach/{active.pk}/ky-bao-cao/them/", {"kind": "annual", "year": "năm sau"}, follow=True).content.decode()
    assert "Năm phải là số nguyên" in html
    cycle = ReportingCycle.objects.get(plan=active, kind="semiannual")
    html = client.post(f"/ke-hoach/{active.pk}/ky-bao-cao/{cycle.pk}/xoa/", follow=True).content.decode()
    assert "Đã xóa" in html and not ReportingCycle.objects.filter(pk=cycle.pk).exists()


def test_a_reader_cannot_edit_cycles(active: Plan, bob: Any, client: Client) -> None:
    client.force_login(bob)
    html = client.get(f"/ke-hoach/{active.pk}/ky-bao-cao/").content.decode()
    assert "Dời hạn" not in html
    cycle = ReportingCycle.objects.filter(plan=active).first()
    assert cycle is not None
    assert client.post(f"/ke-hoach/{active.pk}/ky-bao-cao/{cycle.pk}/xoa/").status_code == 403
    assert client.post(f"/ke-hoach/{active.pk}/ky-bao-cao/them/", {"kind": "annual", "year": "2027"}).status_code == 403


# --- CLI --------------------------------------------------------------------------------------------


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = 0
    try:
        call_command("plan", *args, stdout=out, stderr=err)
    except SystemExit as exc:
        code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


def test_the_cli_refuses_to_approve_without_an_area(linked: Plan) -> None:
    code, _, err = run("approve", str(linked.pk))
    assert code == 1 and "chưa chọn địa bàn áp dụng" in err and "--area toan-quoc" in err
    linked.refresh_from_db()
    assert linked.is_draft


def test_the_cli_refuses_an_unknown_area_code(linked: Plan) -> None:
    code, _, err = run("approve", str(linked.pk), "--area", "99999")
    assert code == 1 and "mã «99999»" in err


def test_the_cli_approves_with_an_area_and_creates_the_cycles(linked: Plan, ward_a: Any) -> None:
    code, out, _ = run("approve", str(linked.pk), "--area", "26740")
    assert code == 0 and "tạo 2 kỳ báo cáo" in out and "Báo cáo năm 2026" in out
    assert ReportingCycle.objects.filter(plan=linked).count() == 2


def test_the_cli_links_strong_suggestions_and_lists_the_rest(plan: Plan) -> None:
    code, out, _ = run("link", str(plan.pk))
    assert code == 0 and "chưa liên kết; gợi ý: POOR_RATE 1,15" in out
    code, out, _ = run("link", str(plan.pk), "--accept-suggestions", "--min-score", "0.6")
    assert code == 0 and "Đã xác nhận 2 gợi ý" in out and "đã liên kết → POOR_RATE" in out


@pytest.mark.parametrize("score", ["cao", "-1", "3"])
def test_the_cli_refuses_a_bad_minimum_score(plan: Plan, score: str) -> None:
    code, _, err = run("link", str(plan.pk), "--accept-suggestions", "--min-score", score)
    assert code == 1 and "Điểm tối thiểu phải là số" in err


def test_the_cli_link_of_an_unknown_plan_fails_in_vietnamese(db: Any) -> None:
    code, _, err = run("link", "999")
    assert code == 1 and "Không có kế hoạch #999" in err


# --- API --------------------------------------------------------------------------------------------


def _json(response: Any) -> Any:
    return json.loads(response.content)


def test_the_api_lists_links_links_one_and_refuses_another_value_type(plan: Plan, alice: Any, client: Client) -> None:
    client.force_login(alice)
    rows = _json(client.get(f"/api/plans/{plan.pk}/links"))
    assert rows[0]["suggestions"][0] == {"indicator": "POOR_RATE", "name": "Tỷ lệ hộ nghèo", "score": 1.15}
    target = rows[0]["target_id"]
    url = f"/api/plans/{plan.pk}/targets/{target}/link"
    response = client.put(url, json.dumps({"indicator": "POOR_HH"}), content_type="application/json")
    assert response.status_code == 422 and "không thể theo dõi" in _json(response)["detail"]
    response = client.put(url, json.dumps({"indicator": "POOR_RATE"}), content_type="application/json")
    assert response.status_code == 200 and _json(response)["confirmed"] is True
    response = client.put(url, json.dumps({"indicator": "KHONG_CO"}), content_type="application/json")
    assert response.status_code == 404


def test_the_api_accepts_suggestions_creates_an_indicator_and_approves(plan: Plan, alice: Any, client: Client, ward_a: Any) -> None:
    client.force_login(alice)
    response = client.post(f"/api/plans/{plan.pk}/approve", json.dumps({"area": "26740", "confirm": True}), content_type="application/json")
    assert response.status_code == 422 and "chưa có chỉ tiêu nào" in _json(response)["detail"]
    rows = _json(client.post(f"/api/plans/{plan.pk}/links/accept", json.dumps({"min_score": 0.6}), content_type="application/json"))
    assert sum(r["confirmed"] for r in rows) == 2
    third = rows[2]["target_id"]
    body = {"name": "Chỉ số hài lòng", "unit": "điểm", "direction": "higher", "value_type": "number", "aggregation": "mean"}
    response = client.post(f"/api/plans/{plan.pk}/targets/{third}/indicator", json.dumps(body), content_type="application/json")
    assert response.status_code == 201 and _json(response)["indicator"].startswith("KH_")
    response = client.post(f"/api/plans/{plan.pk}/approve", json.dumps({"area": "", "confirm": True}), content_type="application/json")
    assert response.status_code == 422 and "địa bàn" in _json(response)["detail"]
    response = client.post(f"/api/plans/{plan.pk}/approve", json.dumps({"area": "26740", "confirm": True}), content_type="application/json")
    assert response.status_code == 200 and _json(response)["cycles"] == ["Báo cáo năm 2025", "Báo cáo năm 2026"]


def test_the_api_refuses_writes_to_a_reader(plan: Plan, bob: Any, client: Client) -> None:
    client.force_login(bob)
    target = plan.targets.first()
    assert target is not None
    response = client.put(f"/api/plans/{plan.pk}/targets/{target.pk}/link", json.dumps({"indicator": "POOR_RATE"}), content_type="application/json")
    assert response.status_code == 403


def test_a_standing_officer_without_the_plan_right_may_link_but_not_approve_or_edit_cycles(
    linked: Plan, hcm_standing: Any, client: Client, hcm: Any, ward_a: Any
) -> None:
    linked.area = ward_a  # a ward of the city the officer stands for
    linked.save(update_fields=["area"])
    client.force_login(hcm_standing)
    assert client.post(f"/ke-hoach/{linked.pk}/phe-duyet/", {"area": str(hcm.pk), "xac_nhan": "1"}).status_code == 403
    assert client.post(f"/ke-hoach/{linked.pk}/ky-bao-cao/them/", {"kind": "annual", "year": "2027"}).status_code == 403
    linked.refresh_from_db()
    assert linked.is_draft and not ReportingCycle.objects.exists()
    assert client.post(f"/ke-hoach/{linked.pk}/chi-tieu-theo-doi/xac-nhan-goi-y/").status_code == 302


def test_the_cycles_page_keeps_its_query_count_with_many_cycles(active: Plan, alice: Any, client: Client,
                                                                django_assert_max_num_queries: Any) -> None:
    for year in (2025, 2026):
        for quarter in (1, 2, 3, 4):
            do_add_cycle(alice, active, "quarterly", year, quarter)
    client.force_login(alice)
    with django_assert_max_num_queries(10):
        html = client.get(f"/ke-hoach/{active.pk}/ky-bao-cao/").content.decode()
    assert "10 kỳ báo cáo" in html


def test_a_plan_whose_regime_names_no_period_is_approved_with_a_warning_to_add_its_cycles(
    linked: Plan, alice: Any, ward_a: Any, client: Client
) -> None:
    linked.reporting_duties.update(frequency="adhoc")  # "báo cáo theo giai đoạn … trước ngày 10/12": no period read
    client.force_login(alice)
    response = client.post(f"/ke-hoach/{linked.pk}/phe-duyet/", {"area": str(ward_a.pk), "xac_nhan": "1"}, follow=True)
    html = response.content.decode()
    linked.refresh_from_db()
    assert linked.status == Plan.Status.ACTIVE and not ReportingCycle.objects.filter(plan=linked).exists()
    assert "chưa tạo kỳ báo cáo nào" in html and "tạo 0 kỳ" not in html


def test_approving_after_a_years_deadlines_have_passed_names_the_cycles_already_overdue(
    linked: Plan, alice: Any, ward_a: Any, client: Client
) -> None:
    client.force_login(alice)
    with time_machine.travel(dt.datetime(2026, 3, 2, 3, tzinfo=dt.UTC), tick=False):
        html = client.post(f"/ke-hoach/{linked.pk}/phe-duyet/", {"area": str(ward_a.pk), "xac_nhan": "1"}, follow=True).content.decode()
    assert "Đã phê duyệt kế hoạch và tạo 2 kỳ báo cáo" in html
    assert "1 kỳ báo cáo đã quá hạn gửi ngay khi tạo (Báo cáo năm 2025)" in html and "«Xóa kỳ»" in html


def test_approving_before_any_deadline_warns_of_nothing(linked: Plan, alice: Any, ward_a: Any, client: Client) -> None:
    client.force_login(alice)
    with time_machine.travel(dt.datetime(2025, 3, 2, 3, tzinfo=dt.UTC), tick=False):
        html = client.post(f"/ke-hoach/{linked.pk}/phe-duyet/", {"area": str(ward_a.pk), "xac_nhan": "1"}, follow=True).content.decode()
    assert "Đã phê duyệt kế hoạch" in html and "quá hạn gửi ngay khi tạo" not in html


def test_a_directive_issued_in_april_asks_for_no_report_on_the_months_before_it(linked: Plan, ward_a: Any) -> None:
    """A directive of 3 April 2025 reporting monthly and quarterly: the first cycles are April's and the second
    quarter's, not January's (windows closed before the document existed)."""
    linked.date, linked.period_start, linked.period_end = dt.date(2025, 4, 3), None, None
    linked.save(update_fields=["date", "period_start", "period_end"])
    duty = linked.reporting_duties.first()
    duty.frequency, duty.deadline_day, duty.deadline_month = "monthly", None, None
    duty.save(update_fields=["frequency", "deadline_day", "deadline_month"])
    linked.reporting_duties.create(text="Định kỳ hằng quý báo cáo", frequency="quarterly")
    _, cycles = do_approve_with_checklist(linked, None, ward_a)
    labels = [c.label for c in cycles]
    assert labels[:2] == ["Báo cáo tháng 4 năm 2025", "Báo cáo tháng 5 năm 2025"]
    assert "Báo cáo quý II năm 2025" in labels and "Báo cáo quý I năm 2025" not in labels
    assert len(labels) == 9 + 3  # April–December, and quarters II–IV


@pytest.mark.parametrize("number", ["275/KH-UBND", "45-KH/ĐU", "104-CTr/TU", "05/2025/NĐ-CP", "66.12/2026/NQ-CP",
                                    "53-CTrHĐ/TU", "3722/VPCP-KGVX", "264a-CV/ĐU", "12/QĐ-TTg"])
def test_a_documents_number_and_symbol_is_recognised_in_its_usual_forms(number: str) -> None:
    from ansinh.lib.text import looks_like_document_number

    assert looks_like_document_number(number)


def test_an_ocr_misread_number_is_flagged_on_the_checklist_but_does_not_block_approval(plan: Plan, ward_a: Any) -> None:
    from ansinh.lib.text import looks_like_document_number

    assert not any(looks_like_document_number(n) for n in ["4-4Ÿ/KH-UBND", "KH-UBND", "12 / KH", "", "Số: 12"])
    plan.number = "4-4Ÿ/KH-UBND"
    plan.save(update_fields=["number"])
    check = next(c for c in checklist(plan, ward_a) if c.label == "Số, ký hiệu")
    assert not check.done and not check.blocking and "hãy đối chiếu bản gốc" in check.detail


def test_a_directive_without_targets_is_approved_and_its_cycles_collect_task_progress(plan: Plan, ward_a: Any) -> None:
    """The issue's own case: a directive yields duties and reporting, no targets; it must still be approvable."""
    plan.targets.all().delete()
    check = next(c for c in checklist(plan, ward_a) if c.label == "Chỉ tiêu đã liên kết danh mục")
    assert check.done and "chỉ theo dõi tiến độ nhiệm vụ" in check.detail
    approved, cycles = do_approve_with_checklist(plan, None, ward_a)
    assert approved.status == Plan.Status.ACTIVE and cycles
