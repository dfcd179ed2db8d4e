"""Separation of duties: nobody approves figures they entered or sent, and approvers sit above the unit.

The cast: ``officer_a`` fills Phường Sài Gòn's report; ``hcm_standing`` (the city's standing officer)
approves it — unless they edited or sent it themselves; ``hcm_admin`` is held to the same rule;
``ward_standing`` holds a standing role on the ward itself and so is not above it.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from ansinh.accounts.models import RoleAssignment
from ansinh.core.models import AuditEvent
from ansinh.reporting.actions import do_approve, do_return, do_save_task_progress, do_save_values, do_submit
from ansinh.reporting.models import AggregateValue, Submission
from tests.api.fixtures import World, make_world
from tests.reporting.test_web_cast import ROOT

pytestmark = pytest.mark.django_db
HOUSING = [{"indicator": "SOCIAL_HOUSING", "value": 50}]


@pytest.fixture
def world(hcm: Any, ward_a: Any, ward_b: Any, hanoi: Any) -> World:
    return make_world()


@pytest.fixture
def ward_standing(django_user_model: Any, ward_a: Any) -> Any:
    user = django_user_model.objects.create(username="ward_standing", full_name="Hồ Thị Phường")
    RoleAssignment.objects.create(user=user, role="standing", unit=ward_a)
    return user


def status(world: World) -> str:
    world.sub_a.refresh_from_db()
    return world.sub_a.status


def test_the_standing_officer_approves_a_report_filled_and_sent_by_the_ward(world: World, officer_a: Any, hcm_standing: Any) -> None:
    do_save_values(officer_a, world.sub_a, HOUSING)
    do_submit(officer_a, world.sub_a)
    approved = do_approve(hcm_standing, world.sub_a)
    assert approved.approved_by == hcm_standing and approved.submitted_by == officer_a


def test_a_standing_officer_who_corrected_a_figure_cannot_approve_the_report(world: World, officer_a: Any, hcm_standing: Any) -> None:
    do_save_values(officer_a, world.sub_a, HOUSING)
    do_save_values(hcm_standing, world.sub_a, [{"indicator": "SOCIAL_HOUSING", "value": 55}])
    do_submit(officer_a, world.sub_a)
    with pytest.raises(PermissionDenied, match="bạn đã nhập hoặc sửa số liệu của báo cáo này"):
        do_approve(hcm_standing, world.sub_a)
    assert status(world) == Submission.Status.SUBMITTED and not AggregateValue.objects.exists()


def test_a_standing_officer_who_sent_a_paper_report_cannot_approve_it(world: World, officer_a: Any, hcm_standing: Any) -> None:
    do_save_values(officer_a, world.sub_a, HOUSING)
    do_submit(hcm_standing, world.sub_a)
    with pytest.raises(PermissionDenied, match="bạn đã gửi báo cáo này"):
        do_approve(hcm_standing, world.sub_a)
    assert status(world) == Submission.Status.SUBMITTED


def test_editing_task_progress_counts_as_editing(world: World, officer_a: Any, hcm_standing: Any) -> None:
    do_save_values(officer_a, world.sub_a, HOUSING)
    do_save_task_progress(hcm_standing, world.sub_a, [{"task": world.task.pk, "status": "in_progress"}])
    do_submit(officer_a, world.sub_a)
    with pytest.raises(PermissionDenied, match="tiến độ nhiệm vụ"):
        do_approve(hcm_standing, world.sub_a)


def test_an_administrator_cannot_approve_their_own_figures_either(world: World, hcm_admin: Any) -> None:
    do_save_values(hcm_admin, world.sub_a, HOUSING)
    do_submit(hcm_admin, world.sub_a)
    with pytest.raises(PermissionDenied, match="Người phê duyệt phải là người khác"):
        do_approve(hcm_admin, world.sub_a)
    assert status(world) == Submission.Status.SUBMITTED


def test_the_setting_allows_self_approval_and_the_audit_row_says_so(world: World, hcm_admin: Any, settings: Any) -> None:
    settings.ALLOW_SELF_APPROVAL = True
    do_save_values(hcm_admin, world.sub_a, HOUSING)
    do_submit(hcm_admin, world.sub_a)
    do_approve(hcm_admin, world.sub_a)
    event = AuditEvent.objects.get(action="reporting.approve")
    assert event.summary.startswith("Tự phê duyệt (được phép theo ANSINH_ALLOW_SELF_APPROVAL")
    assert event.after["self_approval"] == "bạn đã gửi báo cáo này"


def test_an_ordinary_approval_records_no_self_approval(world: World, officer_a: Any, hcm_standing: Any, settings: Any) -> None:
    settings.ALLOW_SELF_APPROVAL = True
    do_save_values(officer_a, world.sub_a, HOUSING)
    do_approve(hcm_standing, do_submit(officer_a, world.sub_a))
    assert "self_approval" not in AuditEvent.objects.get(action="reporting.approve").after


def test_a_standing_officer_of_the_ward_itself_is_not_above_it(world: World, officer_a: Any, ward_standing: Any) -> None:
    do_save_values(officer_a, world.sub_a, HOUSING)
    do_submit(officer_a, world.sub_a)
    with pytest.raises(PermissionDenied, match="phải thuộc cấp trên của đơn vị báo cáo"):
        do_approve(ward_standing, world.sub_a)
    with pytest.raises(PermissionDenied):
        do_return(ward_standing, world.sub_a, "Thiếu số liệu nhà ở")
    assert status(world) == Submission.Status.SUBMITTED


def test_the_page_hides_the_approve_button_and_says_why(world: World, officer_a: Any, hcm_standing: Any) -> None:
    do_save_values(hcm_standing, world.sub_a, HOUSING)
    do_submit(officer_a, world.sub_a)
    client = Client()
    client.force_login(hcm_standing)
    html = client.get(f"{ROOT}/{world.sub_a.pk}/").content.decode()
    assert "Phê duyệt báo cáo</button>" not in html and "bạn đã nhập hoặc sửa số liệu" in html
    assert "Trả lại báo cáo</button>" in html
    response = client.post(f"{ROOT}/{world.sub_a.pk}/phe-duyet/")
    assert response.status_code == 403 and status(world) == Submission.Status.SUBMITTED


def test_the_api_refuses_a_self_approval_in_vietnamese(world: World, hcm_standing: Any) -> None:
    do_save_values(hcm_standing, world.sub_a, HOUSING)
    do_submit(hcm_standing, world.sub_a)
    client = Client()
    client.force_login(hcm_standing)
    response = client.post(f"/api/submissions/{world.sub_a.pk}/approve", json.dumps({}), content_type="application/json")
    assert response.status_code == 403 and "Người phê duyệt phải là người khác" in response.json()["detail"]
    assert status(world) == Submission.Status.SUBMITTED


def test_a_city_departments_report_is_approved_by_the_citys_standing_officer_not_by_the_department(
    world: World, hcm: Any, hcm_standing: Any, django_user_model: Any
) -> None:
    from ansinh.geo.models import Agency
    from ansinh.reporting.actions import do_open_submission
    from tests.reporting.factories import REFORM

    labour = Agency.objects.create(code="SLDTBXH-79", name="Sở Lao động – Thương binh và Xã hội", unit=hcm, valid_from=REFORM)
    clerk = django_user_model.objects.create(username="clerk", full_name="Trương Văn Sở")
    RoleAssignment.objects.create(user=clerk, role="agency", agency=labour)
    report = do_open_submission(clerk, world.cycle, hcm, labour)
    do_save_values(clerk, report, HOUSING)
    do_submit(clerk, report)
    with pytest.raises(PermissionDenied):
        do_approve(clerk, report)
    assert do_approve(hcm_standing, report).status == Submission.Status.APPROVED


def test_a_wards_own_plan_is_approved_by_the_wards_standing_officer(world: World, officer_a: Any, ward_standing: Any) -> None:
    """A commune's plan (3,321 of them) names a standing body of the commune itself to consolidate its reports."""
    world.plan.area = world.sub_a.unit
    world.plan.save(update_fields=["area"])
    do_save_values(officer_a, world.sub_a, HOUSING)
    do_submit(officer_a, world.sub_a)
    assert do_approve(ward_standing, world.sub_a).approved_by == ward_standing


def test_in_a_wards_own_plan_its_reporting_clerk_still_cannot_approve_nor_can_a_neighbours_standing_officer(
    world: World, officer_a: Any, django_user_model: Any, ward_b: Any
) -> None:
    world.plan.area = world.sub_a.unit
    world.plan.save(update_fields=["area"])
    neighbour = django_user_model.objects.create(username="neighbour_standing", full_name="Lý Thị Bên")
    RoleAssignment.objects.create(user=neighbour, role="standing", unit=ward_b)
    clerk = django_user_model.objects.create(username="ward_clerk", full_name="Đỗ Văn Nhập")
    RoleAssignment.objects.create(user=clerk, role="commune", unit=world.sub_a.unit)
    do_save_values(officer_a, world.sub_a, HOUSING)
    do_submit(officer_a, world.sub_a)
    for actor in (clerk, neighbour):
        with pytest.raises(PermissionDenied, match="phải thuộc cấp trên của đơn vị báo cáo"):
            do_approve(actor, world.sub_a)
    assert status(world) == Submission.Status.SUBMITTED
