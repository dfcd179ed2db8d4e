"""Work queues: the approver's queue and a ward's to-do list, with late reports marked everywhere.

``hcm_standing`` (standing officer of HCMC) may approve the wards' reports; ``officer_a``
(Phường Sài Gòn) must not see ``officer_b``'s (Phường Bến Thành) report in any queue;
``supervisor`` reads but approves nothing, so its queue is empty. The commune deadline of the
2025 annual cycle is 29/10/2025.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from ansinh.plans.models import Plan
from ansinh.reporting.actions import do_open_submission, do_return, do_save_values, do_submit
from ansinh.reporting.models import Submission
from ansinh.reporting.progress import completeness
from tests.api.fixtures import World, make_world
from tests.reporting.factories import annual_cycle, unit

pytestmark = pytest.mark.django_db

ROOT = "/bao-cao-dinh-ky"
QUEUE = f"{ROOT}/cho-duyet/"
TODO = f"{ROOT}/viec-can-lam/"
BEFORE_DUE = dt.datetime(2025, 10, 20, 9, tzinfo=dt.UTC)
AFTER_DUE = dt.datetime(2025, 11, 3, 9, tzinfo=dt.UTC)  # five days after 29/10


@pytest.fixture
def world(hcm: Any, ward_a: Any, ward_b: Any, hanoi: Any) -> World:
    return make_world()


def send(submission: Submission, who: Any = None) -> Submission:
    do_save_values(who, submission, [{"indicator": "SOCIAL_HOUSING", "value": 50}])
    return do_submit(who, submission)


def page(client: Client, who: Any, url: str, **params: str) -> tuple[int, str]:
    client.force_login(who)
    response = client.get(url, params)
    return response.status_code, response.content.decode()


def test_the_standing_officer_sees_both_wards_reports_waiting_for_approval(
    client: Client, world: World, hcm_standing: Any
) -> None:
    with time_machine.travel(BEFORE_DUE, tick=False):
        send(world.sub_a)
        send(world.sub_b)
        status, html = page(client, hcm_standing, QUEUE)
    assert status == 200
    assert "Phường Sài Gòn" in html and "Phường Bến Thành" in html
    assert "Kế hoạch thử nghiệm" in html
    assert "Đã gửi: 2" in html and "Đang soạn: 0" in html
    assert f'action="{ROOT}/cho-duyet/{world.sub_a.pk}/phe-duyet/"' in html


def test_a_ward_officer_and_a_supervisor_have_nothing_to_approve(
    client: Client, world: World, officer_a: Any, supervisor: Any
) -> None:
    send(world.sub_a)
    send(world.sub_b)
    for who in (officer_a, supervisor):
        status, html = page(client, who, QUEUE)
        assert status == 200
        assert "Phường Bến Thành" not in html and "Phường Sài Gòn" not in html.split("<table")[-1]
        assert "Không có báo cáo nào khớp với bộ lọc." in html


def test_the_queue_is_searched_without_diacritics_and_filtered_by_unit_plan_cycle_and_status(
    client: Client, world: World, hcm_standing: Any
) -> None:
    send(world.sub_a)
    send(world.sub_b)
    _, html = page(client, hcm_standing, QUEUE, q="ben thanh")
    assert "Phường Bến Thành" in html and "Phường Sài Gòn</a>" not in html
    _, html = page(client, hcm_standing, QUEUE, q="ke hoach thu nghiem")
    assert "Phường Bến Thành" in html and "Phường Sài Gòn" in html
    _, html = page(client, hcm_standing, QUEUE, don_vi="26740")
    assert "Phường Sài Gòn" in html and "Phường Bến Thành</a>" not in html
    _, html = page(client, hcm_standing, QUEUE, ke_hoach=str(world.plan.pk), ky=str(world.cycle.pk))
    assert "Phường Sài Gòn" in html and "Phường Bến Thành" in html
    _, html = page(client, hcm_standing, QUEUE, trang_thai="approved")
    assert "Không có báo cáo nào khớp với bộ lọc." in html and "Đã gửi: 2" in html


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"ky": "abc"}, "Kỳ báo cáo đã chọn không có trong danh sách."),
        ({"ky": "999999"}, "Kỳ báo cáo đã chọn không có trong danh sách."),
        ({"trang_thai": "xoa-het"}, "Trạng thái «xoa-het» không có"),
        ({"don_vi": "'; drop table"}, "Mã đơn vị chỉ gồm chữ số hoặc chữ cái"),
        ({"ke_hoach": "999999"}, "Kế hoạch đã chọn không có trong danh sách."),
        ({"q": "x" * 101}, "Từ khóa tìm kiếm dài quá 100 ký tự."),
    ],
)
def test_a_bad_filter_is_refused_in_vietnamese_and_lists_nothing(
    client: Client, world: World, hcm_standing: Any, params: dict[str, str], message: str
) -> None:
    send(world.sub_a)
    status, html = page(client, hcm_standing, QUEUE, **params)
    assert status == 400
    assert message in html
    assert "Phường Sài Gòn</a>" not in html


def test_the_standing_officer_approves_from_the_queue_and_returns_to_the_same_filters(
    client: Client, world: World, hcm_standing: Any
) -> None:
    send(world.sub_a)
    client.force_login(hcm_standing)
    back = f"{QUEUE}?q=sai+gon"
    response = client.post(f"{QUEUE}{world.sub_a.pk}/phe-duyet/", {"next": back})
    assert response.status_code == 302 and response["Location"] == back
    world.sub_a.refresh_from_db()
    assert world.sub_a.status == Submission.Status.APPROVED


def test_a_return_from_the_queue_without_a_reason_is_refused_and_stores_nothing(
    client: Client, world: World, hcm_standing: Any
) -> None:
    send(world.sub_a)
    client.force_login(hcm_standing)
    response = client.post(f"{QUEUE}{world.sub_a.pk}/tra-lai/", {"reason": " "}, follow=True)
    assert "Chưa trả lại báo cáo của Phường Sài Gòn" in response.content.decode()
    world.sub_a.refresh_from_db()
    assert world.sub_a.status == Submission.Status.SUBMITTED and world.sub_a.return_reason == ""
    client.post(f"{QUEUE}{world.sub_a.pk}/tra-lai/", {"reason": "Thiếu số liệu nhà ở xã hội quý IV"})
    world.sub_a.refresh_from_db()
    assert world.sub_a.status == Submission.Status.RETURNED


def test_a_ward_officer_cannot_approve_the_other_wards_report_from_the_queue(
    client: Client, world: World, officer_a: Any
) -> None:
    send(world.sub_b)
    client.force_login(officer_a)
    assert client.post(f"{QUEUE}{world.sub_b.pk}/phe-duyet/").status_code == 404
    assert client.post(f"{QUEUE}{world.sub_a.pk}/phe-duyet/").status_code == 403
    world.sub_b.refresh_from_db()
    assert world.sub_b.status == Submission.Status.SUBMITTED


def test_an_open_redirect_after_approval_is_sent_back_to_the_queue(
    client: Client, world: World, hcm_standing: Any
) -> None:
    send(world.sub_a)
    client.force_login(hcm_standing)
    response = client.post(f"{QUEUE}{world.sub_a.pk}/phe-duyet/", {"next": "https://evil.example/"})
    assert response["Location"] == QUEUE


def test_a_late_report_is_marked_late_with_its_days_on_every_page_and_counted_in_completeness(
    client: Client, world: World, hcm_standing: Any, officer_a: Any, hcm: Any
) -> None:
    with time_machine.travel(AFTER_DUE, tick=False):
        send(world.sub_a)
        for url in (QUEUE, f"{ROOT}/", f"{ROOT}/ky/{world.cycle.pk}/", f"{ROOT}/{world.sub_a.pk}/"):
            _, html = page(client, hcm_standing, url)
            assert "Nộp muộn 5 ngày" in html, url
        _, html = page(client, hcm_standing, QUEUE, tre_han="on")
        assert "Phường Sài Gòn" in html and "Phường Bến Thành</a>" not in html
        _, html = page(client, officer_a, f"{ROOT}/")
        assert "Nộp muộn 5 ngày" in html
        counts = completeness(world.cycle, hcm)
    assert (counts.received, counts.on_time, counts.late) == (1, 0, 1)


def test_a_report_still_owed_after_its_due_date_is_overdue_on_the_list(
    client: Client, world: World, hcm_standing: Any
) -> None:
    with time_machine.travel(AFTER_DUE, tick=False):
        _, html = page(client, hcm_standing, QUEUE, trang_thai="draft", tre_han="on")
    assert "Quá hạn 5 ngày" in html and "Phường Bến Thành" in html


def _many_wards(world: World, hcm: Any, n: int, start: int = 0) -> None:
    for i in range(start, start + n):
        ward = unit(f"9{i:04d}", f"Phường Thử {i}", "commune", hcm)
        send(do_open_submission(None, world.cycle, ward))


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_the_queue_runs_the_same_queries_for_3_or_40_waiting_reports(
    client: Client, world: World, hcm_standing: Any, hcm: Any, django_assert_max_num_queries: Any
) -> None:
    _many_wards(world, hcm, 3)
    client.force_login(hcm_standing)
    few = _queries(client, QUEUE)
    _many_wards(world, hcm, 37, start=3)
    with django_assert_max_num_queries(few):
        client.get(QUEUE)
    with django_assert_max_num_queries(few):
        client.get(f"{QUEUE}?trang=2&q=phuong")


def test_a_ward_sees_what_it_owes_per_plan_named_with_the_reminder_buckets(
    client: Client, world: World, officer_a: Any
) -> None:
    with time_machine.travel(dt.datetime(2025, 10, 27, 9, tzinfo=dt.UTC), tick=False):
        status, html = page(client, officer_a, TODO)
    assert status == 200
    assert "Kế hoạch thử nghiệm" in html and "Số 53/KH-UBND" in html
    assert "Đến hạn trong 3 ngày" in html and "29/10/2025" in html
    assert "Phường Bến Thành" not in html


def test_a_ward_sees_a_returned_report_with_the_reason(
    client: Client, world: World, officer_a: Any, officer_b: Any, hcm_standing: Any
) -> None:
    with time_machine.travel(AFTER_DUE, tick=False):
        send(world.sub_a)
        do_return(hcm_standing, world.sub_a, "Thiếu số liệu nhà ở xã hội quý IV")
        _, html = page(client, officer_a, TODO)
        assert "Báo cáo bị trả lại (1)" in html and "Thiếu số liệu nhà ở xã hội quý IV" in html
        assert "Quá hạn 5 ngày" in html
        _, html = page(client, officer_b, TODO)
    assert "Thiếu số liệu nhà ở xã hội quý IV" not in html and "Phường Sài Gòn" not in html


def test_a_plan_without_an_area_is_named_on_the_to_do_and_due_pages(
    client: Client, world: World, officer_a: Any
) -> None:
    other = Plan.objects.create(number="99/KH-BLĐTBXH", title="Kế hoạch không ghi địa bàn", level="central",
                                period_start=2025, period_end=2030, status=Plan.Status.ACTIVE)
    duty = world.plan.reporting_duties.first()
    assert duty is not None
    duty.pk, duty.plan = None, other
    duty.save()
    annual_cycle(other, 2025)
    with time_machine.travel(AFTER_DUE, tick=False):
        _, html = page(client, officer_a, TODO)
        assert "Kế hoạch không ghi địa bàn" in html and "chưa ghi địa bàn nên áp dụng toàn quốc" in html
        _, html = page(client, officer_a, f"{ROOT}/den-han/")
    assert "Kế hoạch không ghi địa bàn" in html and "99/KH-BLĐTBXH" in html


def test_the_to_do_list_runs_the_same_queries_for_one_or_three_open_cycles(
    client: Client, world: World, officer_a: Any, django_assert_max_num_queries: Any
) -> None:
    with time_machine.travel(dt.datetime(2027, 12, 20, 9, tzinfo=dt.UTC), tick=False):
        client.force_login(officer_a)
        few = _queries(client, TODO)
        for year in (2026, 2027):
            annual_cycle(world.plan, year)
        with django_assert_max_num_queries(few):
            html = client.get(TODO).content.decode()
    assert html.count("Quá hạn") >= 3 and "29/10/2026" in html


def test_the_api_marks_a_late_report_with_its_days_late(client: Client, world: World, hcm_standing: Any) -> None:
    with time_machine.travel(AFTER_DUE, tick=False):
        send(world.sub_a)
        client.force_login(hcm_standing)
        items = {i["unit_name"]: i for i in client.get(f"/api/submissions/?cycle_id={world.cycle.pk}").json()["items"]}
    assert (items["Phường Sài Gòn"]["days_late"], items["Phường Sài Gòn"]["late_label"]) == (5, "Nộp muộn 5 ngày")
    assert items["Phường Bến Thành"]["late_label"] == "Quá hạn 5 ngày"


def test_the_status_counts_keep_the_other_filters(client: Client, world: World, hcm_standing: Any) -> None:
    send(world.sub_a)
    _, html = page(client, hcm_standing, QUEUE, q="sai gon", trang_thai="tat-ca")
    assert 'href="?q=sai+gon&amp;trang_thai=submitted">Đã gửi: 1</a>' in html
    assert "Tất cả: 1</strong>" in html


def test_a_wards_standing_officer_finds_in_the_queue_exactly_the_reports_they_may_approve(
    world: World, django_user_model: Any, hcm: Any
) -> None:
    """In the ward's own plan its report waits for the ward's standing officer; in the city's plan it does not."""
    from ansinh.accounts.models import RoleAssignment
    from ansinh.reporting.access import can_review_submission
    from ansinh.reporting.actions import do_link_target
    from ansinh.reporting.queue import reviewable_submissions
    from tests.reporting.factories import catalogue, make_plan, make_target

    ward_standing = django_user_model.objects.create(username="ward_standing", full_name="Hồ Thị Phường")
    RoleAssignment.objects.create(user=ward_standing, role="standing", unit=world.sub_a.unit)
    own_plan = make_plan(level="commune")
    own_plan.area = world.sub_a.unit
    own_plan.save(update_fields=["area"])
    do_link_target(None, make_target(own_plan, "Số căn nhà ở xã hội", 10, unit="căn"), catalogue()["SOCIAL_HOUSING"])
    own = do_open_submission(None, annual_cycle(own_plan, 2025), world.sub_a.unit)
    world.plan.area = hcm
    world.plan.save(update_fields=["area"])
    for report in (own, world.sub_a):
        send(report)
    queued = set(reviewable_submissions(ward_standing))
    assert queued == {own}
    assert can_review_submission(ward_standing, own) and not can_review_submission(ward_standing, world.sub_a)
