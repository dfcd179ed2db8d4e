"""The daily reminder job: due in 7/3/1 days and overdue, once each, only to the units that owe.

The 2025 annual cycle of the test plan is due from communes on 29/10/2025; the plan applies to
Hồ Chí Minh City, so ``hanoi_officer`` (Phường Hoàn Kiếm) must never be reminded of it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ansinh.accounts.models import RoleAssignment
from ansinh.cli import main
from ansinh.notifications.jobs import send_due_reminders
from ansinh.notifications.models import Notification
from ansinh.plans.models import Plan
from ansinh.reporting.actions import do_save_values, do_submit
from tests.api.fixtures import World, make_world
from tests.commands import run_command
from tests.reporting.factories import unit

pytestmark = pytest.mark.django_db
Kind = Notification.Kind


@pytest.fixture
def world(hcm: Any, ward_a: Any, ward_b: Any, hanoi: Any) -> World:
    made = make_world()
    Plan.objects.filter(pk=made.plan.pk).update(area=hcm)
    return made


@pytest.fixture
def hanoi_officer(django_user_model: Any, hanoi_ward: Any) -> Any:
    user = django_user_model.objects.create(username="hanoi_officer", full_name="Hà Văn Nội", email="hn@example.gov.vn")
    RoleAssignment.objects.create(user=user, role="commune", unit=hanoi_ward)
    return user


def reminders(user: Any) -> list[tuple[str, str]]:
    return list(Notification.objects.filter(recipient=user).order_by("id").values_list("kind", "key"))


def test_a_ward_is_reminded_seven_days_before_and_not_again_the_same_day(
    world: World, officer_a: Any, officer_b: Any, supervisor: Any, hanoi_officer: Any
) -> None:
    first = send_due_reminders(dt.date(2025, 10, 22))
    again = send_due_reminders(dt.date(2025, 10, 22))
    assert first.created == 2 and again.created == 0 and again.already_sent == 2
    [(kind, key)] = reminders(officer_a)
    assert kind == Kind.DUE and key.endswith(":7")
    notice = Notification.objects.get(recipient=officer_a)
    assert "đến hạn gửi ngày 29/10/2025, còn 7 ngày" in notice.text and "Kế hoạch thử nghiệm" in notice.text
    assert reminders(supervisor) == [] and reminders(hanoi_officer) == []


def test_the_next_reminders_come_at_three_days_one_day_and_once_overdue(world: World, officer_a: Any) -> None:
    for day in (22, 23, 26, 27, 28, 28, 30, 31):
        send_due_reminders(dt.date(2025, 10, day))
    send_due_reminders(dt.date(2025, 11, 5))
    keys = [key.split(":")[0] + ":" + key.split(":")[-1] for _, key in reminders(officer_a)]
    unit_id = world.sub_a.unit_id
    assert keys == ["due:7", "due:3", "due:1", f"overdue:{unit_id}"]
    overdue = Notification.objects.get(recipient=officer_a, kind=Kind.OVERDUE)
    assert "đã quá hạn 1 ngày (hạn gửi 29/10/2025)" in overdue.text


def test_a_ward_that_has_sent_its_report_is_not_reminded(world: World, officer_a: Any, officer_b: Any) -> None:
    do_save_values(officer_a, world.sub_a, [{"indicator": "SOCIAL_HOUSING", "value": 50}])
    do_submit(officer_a, world.sub_a)
    send_due_reminders(dt.date(2025, 10, 27))
    assert reminders(officer_a) == []
    assert [kind for kind, _ in reminders(officer_b)] == [Kind.DUE]


def test_reminders_are_emailed_after_the_commit(
    world: World, officer_a: Any, django_capture_on_commit_callbacks: Any
) -> None:
    officer_a.email = "a@example.gov.vn"
    officer_a.save(update_fields=["email"])
    with django_capture_on_commit_callbacks(execute=True):
        send_due_reminders(dt.date(2025, 10, 28))
    assert [m.to for m in mail.outbox] == [["a@example.gov.vn"]]
    assert mail.outbox[0].subject == "[ansinh] Báo cáo sắp đến hạn"


def _wards_with_officers(hcm: Any, django_user_model: Any, n: int, start: int) -> None:
    for i in range(start, start + n):
        ward = unit(f"8{i:04d}", f"Phường Nhắc {i}", "commune", hcm)
        user = django_user_model.objects.create(username=f"can_bo_{i}")
        RoleAssignment.objects.create(user=user, role="commune", unit=ward)


def test_the_job_runs_the_same_queries_for_3_or_40_wards(
    world: World, hcm: Any, django_user_model: Any, django_assert_max_num_queries: Any
) -> None:
    _wards_with_officers(hcm, django_user_model, 3, 0)
    with CaptureQueriesContext(connection) as few:
        send_due_reminders(dt.date(2025, 10, 22))
    _wards_with_officers(hcm, django_user_model, 37, 3)
    with django_assert_max_num_queries(len(few.captured_queries)):
        run = send_due_reminders(dt.date(2025, 10, 27))
    assert run.created == 40


def test_the_command_reminds_for_a_given_day(world: World, officer_a: Any) -> None:
    code, out, _ = run_command("notify", "due", "--date", "2025-10-22")
    assert code == 0 and "Ngày 22/10/2025: đã tạo 1 thông báo nhắc hạn" in out
    code, out, _ = run_command("notify", "due", "--date", "2025-10-22")
    assert "đã tạo 0 thông báo nhắc hạn; 1 nhắc hạn đã gửi trước đó" in out


def test_the_command_refuses_a_bad_date_in_vietnamese(capsys: pytest.CaptureFixture[str], world: World) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["notify", "due", "--date", "hôm qua"])
    assert caught.value.code == 2
    assert "ngày phải có dạng NĂM-THÁNG-NGÀY" in capsys.readouterr().err
    assert not Notification.objects.exists()
