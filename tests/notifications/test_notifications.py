"""Notifications: who is told of what, in the application and by e-mail, and who is not.

The cast: ``officer_a`` (Phường Sài Gòn) is told about its own report and must never see a
notice about ``officer_b``'s (Phường Bến Thành); ``hcm_standing`` approves and is told of what
was sent; ``supervisor`` only reads and is told nothing. The commune deadline of the 2025
annual cycle is 29/10/2025.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from ansinh.accounts.models import RoleAssignment
from ansinh.notifications.actions import notify_plan_approved
from ansinh.notifications.models import Notification, NotificationPreference
from ansinh.plans.actions import do_approve_plan
from ansinh.plans.models import Plan
from ansinh.reporting.actions import do_approve, do_return, do_save_values, do_submit
from ansinh.reporting.models import Submission
from tests.api.fixtures import World, make_world

pytestmark = pytest.mark.django_db
Kind = Notification.Kind


@pytest.fixture
def world(hcm: Any, ward_a: Any, ward_b: Any, hanoi: Any) -> World:
    return make_world()


@pytest.fixture
def cast(officer_a: Any, officer_b: Any, hcm_standing: Any, supervisor: Any) -> dict[str, Any]:
    people = {"a": officer_a, "b": officer_b, "standing": hcm_standing, "supervisor": supervisor}
    for key, user in people.items():
        user.email = f"{key}@example.gov.vn"
        user.save(update_fields=["email"])
    return people


def send(submission: Submission, who: Any) -> Submission:
    do_save_values(who, submission, [{"indicator": "SOCIAL_HOUSING", "value": 50}])
    return do_submit(who, submission)


def kinds(user: Any) -> list[str]:
    return list(Notification.objects.filter(recipient=user).values_list("kind", flat=True))


def test_a_sent_report_tells_the_approver_and_neither_the_other_ward_nor_the_supervisor(
    world: World, cast: dict[str, Any], django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        send(world.sub_a, cast["a"])
    assert kinds(cast["standing"]) == [Kind.SUBMITTED]
    assert kinds(cast["b"]) == [] and kinds(cast["supervisor"]) == [] and kinds(cast["a"]) == []
    [message] = mail.outbox
    assert message.to == ["standing@example.gov.vn"]
    assert message.subject == "[ansinh] Báo cáo chờ phê duyệt"
    assert "Phường Sài Gòn đã gửi báo cáo «" in message.body and "Kế hoạch thử nghiệm" in message.body
    assert f"/bao-cao-dinh-ky/{world.sub_a.pk}/" in message.body


def test_no_mail_leaves_before_the_transaction_commits(
    world: World, cast: dict[str, Any], django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        send(world.sub_a, cast["a"])
        assert mail.outbox == []
    assert mail.outbox == [] and callbacks
    for callback in callbacks:
        callback()
    assert [m.to for m in mail.outbox] == [["standing@example.gov.vn"]]


def test_a_returned_report_tells_its_ward_with_the_reason_and_not_the_other_ward(
    world: World, cast: dict[str, Any], django_capture_on_commit_callbacks: Any
) -> None:
    send(world.sub_a, cast["a"])
    with django_capture_on_commit_callbacks(execute=True):
        do_return(cast["standing"], world.sub_a, "Thiếu số liệu nhà ở xã hội quý IV")
    [notice] = Notification.objects.filter(recipient=cast["a"])
    assert notice.kind == Kind.RETURNED and "Lý do: Thiếu số liệu nhà ở xã hội quý IV" in notice.text
    assert kinds(cast["b"]) == [] and kinds(cast["supervisor"]) == []
    assert [m.to for m in mail.outbox] == [["a@example.gov.vn"]]


def test_an_approved_report_tells_its_ward(world: World, cast: dict[str, Any]) -> None:
    send(world.sub_a, cast["a"])
    do_approve(cast["standing"], world.sub_a)
    assert kinds(cast["a"]) == [Kind.APPROVED]
    assert kinds(cast["b"]) == []


def test_a_user_who_turned_email_off_still_sees_the_notice_but_gets_no_mail(
    world: World, cast: dict[str, Any], django_capture_on_commit_callbacks: Any
) -> None:
    NotificationPreference.objects.create(user=cast["standing"], email_enabled=False)
    with django_capture_on_commit_callbacks(execute=True):
        send(world.sub_a, cast["a"])
    assert kinds(cast["standing"]) == [Kind.SUBMITTED]
    assert mail.outbox == []


def test_simulated_reports_notify_nobody(world: World, cast: dict[str, Any]) -> None:
    Submission.objects.filter(pk=world.sub_a.pk).update(simulated=True)
    world.sub_a.refresh_from_db()
    send(world.sub_a, None)
    assert not Notification.objects.exists()


# --- the pages ------------------------------------------------------------------------------


def test_the_header_counts_unread_notices_and_the_list_shows_only_ones_own(
    client: Client, world: World, cast: dict[str, Any]
) -> None:
    send(world.sub_a, cast["a"])
    do_return(cast["standing"], world.sub_a, "Thiếu số liệu nhà ở xã hội quý IV")
    client.force_login(cast["a"])
    html = client.get("/thong-bao/").content.decode()
    assert 'aria-label="1 thông báo chưa đọc">1</span>' in html
    assert "Thiếu số liệu nhà ở xã hội quý IV" in html
    client.force_login(cast["b"])
    html = client.get("/thong-bao/").content.decode()
    assert "Thiếu số liệu nhà ở xã hội quý IV" not in html and "thông báo chưa đọc\">" not in html
    assert "Bạn chưa có thông báo nào" in html


def test_a_notice_is_marked_read_by_its_recipient_only(client: Client, world: World, cast: dict[str, Any]) -> None:
    send(world.sub_a, cast["a"])
    do_return(cast["standing"], world.sub_a, "Thiếu số liệu nhà ở xã hội quý IV")
    notice = Notification.objects.get(recipient=cast["a"])
    client.force_login(cast["b"])
    assert client.post(f"/thong-bao/{notice.pk}/da-doc/").status_code == 404
    assert client.post("/thong-bao/999999/da-doc/").status_code == 404
    assert client.get(f"/thong-bao/{notice.pk}/da-doc/").status_code == 405
    notice.refresh_from_db()
    assert notice.read_at is None
    client.force_login(cast["a"])
    response = client.post(f"/thong-bao/{notice.pk}/da-doc/", {"open": "1"})
    assert response.status_code == 302 and response["Location"] == f"/bao-cao-dinh-ky/{world.sub_a.pk}/"
    notice.refresh_from_db()
    assert notice.read_at is not None
    assert "thông báo chưa đọc\">" not in client.get("/thong-bao/").content.decode()


def test_marking_all_read_touches_only_ones_own_notices(client: Client, world: World, cast: dict[str, Any]) -> None:
    send(world.sub_a, cast["a"])
    send(world.sub_b, cast["b"])
    do_return(cast["standing"], world.sub_a, "Thiếu số liệu nhà ở xã hội quý IV")
    do_return(cast["standing"], world.sub_b, "Thiếu số liệu hộ nghèo cuối năm")
    client.force_login(cast["a"])
    client.post("/thong-bao/da-doc-het/")
    assert Notification.objects.get(recipient=cast["a"]).read_at is not None
    assert Notification.objects.get(recipient=cast["b"]).read_at is None


def test_the_list_is_paged(client: Client, cast: dict[str, Any]) -> None:
    Notification.objects.bulk_create(
        Notification(recipient=cast["a"], kind=Kind.DUE, text=f"Nhắc hạn số {i}") for i in range(45)
    )
    client.force_login(cast["a"])
    html = client.get("/thong-bao/").content.decode()
    assert "Trang 1/3" in html and html.count('class="notice unread"') == 20
    assert "Trang 3/3" in client.get("/thong-bao/?trang=3").content.decode()
    assert "Trang 1/3" in client.get("/thong-bao/?trang=abc").content.decode()


def test_a_user_turns_email_off_and_on(client: Client, cast: dict[str, Any]) -> None:
    client.force_login(cast["a"])
    response = client.post("/thong-bao/cai-dat/", {"email": "off"}, follow=True)
    assert "Đã tắt thư thông báo." in response.content.decode()
    assert NotificationPreference.objects.get(user=cast["a"]).email_enabled is False
    client.post("/thong-bao/cai-dat/", {"email": "on"})
    assert NotificationPreference.objects.get(user=cast["a"]).email_enabled is True


@pytest.mark.parametrize(
    ("data", "message"),
    [({"email": "co-le"}, "Lựa chọn «co-le» không hợp lệ"), ({}, "Hãy chọn có nhận thư điện tử hay không.")],
)
def test_a_bad_email_choice_is_refused_in_vietnamese_and_stores_nothing(
    client: Client, cast: dict[str, Any], data: dict[str, str], message: str
) -> None:
    client.force_login(cast["a"])
    response = client.post("/thong-bao/cai-dat/", data)
    assert response.status_code == 400 and message in response.content.decode()
    assert not NotificationPreference.objects.exists()


def test_an_anonymous_visitor_is_sent_to_the_login_page(client: Client, db: Any) -> None:
    response = client.get("/thong-bao/")
    assert response.status_code == 302 and "/dang-nhap/" in response["Location"]


# --- plan approved, cycles opened -------------------------------------------------------------


def test_an_approved_plan_tells_the_units_in_its_area_once(
    world: World, cast: dict[str, Any], hanoi_ward: Any, django_user_model: Any
) -> None:
    hanoi_officer = django_user_model.objects.create(username="hanoi_officer", full_name="Hà Văn Nội")
    RoleAssignment.objects.create(user=hanoi_officer, role="commune", unit=hanoi_ward)
    plan = Plan.objects.create(number="12/KH-UBND", title="Kế hoạch an sinh của Thành phố", level="province",
                               period_start=2025, period_end=2030, area=world.plan.area or cast["standing"].roles.first().unit)
    do_approve_plan(plan, cast["standing"])
    for who in ("a", "b", "standing"):
        assert kinds(cast[who]) == [Kind.PLAN_APPROVED], who
    assert kinds(hanoi_officer) == [] and kinds(cast["supervisor"]) == []
    notice = Notification.objects.get(recipient=cast["a"])
    assert "«Kế hoạch an sinh của Thành phố» (số 12/KH-UBND)" in notice.text
    assert "địa bàn Thành phố Hồ Chí Minh" in notice.text
    notify_plan_approved(plan)
    assert kinds(cast["a"]) == [Kind.PLAN_APPROVED]


def test_an_approved_plan_with_cycles_announces_each_cycle_with_its_due_dates(world: World, cast: dict[str, Any]) -> None:
    notify_plan_approved(world.plan)
    texts = list(Notification.objects.filter(recipient=cast["a"], kind=Kind.CYCLE_OPENED).values_list("text", flat=True))
    assert len(texts) == 1 and "Cấp xã: 29/10/2025" in texts[0]
    notify_plan_approved(world.plan)
    assert Notification.objects.filter(recipient=cast["a"]).count() == 2


def test_reading_the_list_does_not_grow_with_notices(
    client: Client, cast: dict[str, Any], django_assert_max_num_queries: Any
) -> None:
    Notification.objects.bulk_create(Notification(recipient=cast["a"], kind=Kind.DUE, text="Nhắc") for _ in range(3))
    client.force_login(cast["a"])
    with CaptureQueriesContext(connection) as few:
        client.get("/thong-bao/")
    Notification.objects.bulk_create(Notification(recipient=cast["a"], kind=Kind.DUE, text="Nhắc") for _ in range(60))
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/thong-bao/")


def test_new_cycles_of_an_active_plan_are_announced_and_a_drafts_are_not(
    world: World, cast: dict[str, Any], hanoi_ward: Any, django_user_model: Any
) -> None:
    from tests.reporting.factories import annual_cycle

    Plan.objects.filter(pk=world.plan.pk).update(area=cast["standing"].roles.first().unit)
    world.plan.refresh_from_db()
    hanoi_officer = django_user_model.objects.create(username="hanoi_officer", full_name="Hà Văn Nội")
    RoleAssignment.objects.create(user=hanoi_officer, role="commune", unit=hanoi_ward)
    annual_cycle(world.plan, 2026)
    [notice] = Notification.objects.filter(recipient=cast["a"], kind=Kind.CYCLE_OPENED)
    assert "mở kỳ báo cáo «" in notice.text and "2026" in notice.text
    assert kinds(hanoi_officer) == [] and kinds(cast["supervisor"]) == []
    annual_cycle(world.plan, 2026)  # nothing new: nothing announced again
    assert Notification.objects.filter(recipient=cast["a"], kind=Kind.CYCLE_OPENED).count() == 1
    Plan.objects.filter(pk=world.plan.pk).update(status=Plan.Status.DRAFT)
    world.plan.refresh_from_db()
    annual_cycle(world.plan, 2027)
    assert Notification.objects.filter(recipient=cast["a"], kind=Kind.CYCLE_OPENED).count() == 1
