"""The "what is due" page and the progress page of a plan, with time frozen where dates matter."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.test import Client

from ansinh.reporting.actions import do_approve, do_save_task_progress, do_save_values, do_submit
from tests.api.fixtures import World, make_world

pytestmark = pytest.mark.django_db
ROOT = "/bao-cao-dinh-ky"


@pytest.fixture
def world(hcm: Any, ward_a: Any, ward_b: Any, hanoi: Any) -> World:
    return make_world()


def commune_due(world: World) -> dt.date:
    return next(d.due for d in world.cycle.deadlines.all() if d.level == "commune")


def at(day: dt.date) -> Any:
    return time_machine.travel(dt.datetime.combine(day, dt.time(9)), tick=False)


def test_the_due_page_groups_reports_by_days_left(client: Client, world: World, officer_a: Any) -> None:
    client.force_login(officer_a)
    due = commune_due(world)
    with at(due - dt.timedelta(days=6)):
        html = client.get(f"{ROOT}/den-han/").content.decode()
    assert "Đến hạn trong 7 ngày (1)" in html and "Phường Sài Gòn" in html and "6 ngày" in html
    assert "<td>Cấp xã</td>" in html
    assert f'href="{ROOT}/{world.sub_a.pk}/"' in html
    with at(due + dt.timedelta(days=3)):
        html = client.get(f"{ROOT}/den-han/").content.decode()
    assert "Quá hạn (1)" in html and "quá hạn 3 ngày" in html
    with at(due - dt.timedelta(days=30)):
        html = client.get(f"{ROOT}/den-han/").content.decode()
    assert "Không có báo cáo nào đến hạn" in html


def test_a_sent_report_is_no_longer_due(client: Client, world: World, officer_a: Any) -> None:
    do_save_values(officer_a, world.sub_a, [{"indicator": "SOCIAL_HOUSING", "value": 45}])
    do_submit(officer_a, world.sub_a)
    client.force_login(officer_a)
    with at(commune_due(world)):
        html = client.get(f"{ROOT}/den-han/").content.decode()
    assert "Không có báo cáo nào đến hạn" in html


def test_the_progress_page_shows_actual_milestone_final_and_a_text_status(
    client: Client, world: World, officer_a: Any, hcm_standing: Any
) -> None:
    do_save_values(officer_a, world.sub_a, [{"indicator": "SOCIAL_HOUSING", "value": 45}])
    do_save_task_progress(
        officer_a, world.sub_a, [{"task": world.task, "status": "completed", "completed_on": dt.date(2025, 11, 20)}]
    )
    do_approve(hcm_standing, do_submit(officer_a, world.sub_a))
    client.force_login(hcm_standing)
    with at(dt.date(2025, 12, 20)):
        html = client.get(f"{ROOT}/tien-do/{world.plan.pk}/").content.decode()
    assert "Thành phố Hồ Chí Minh" in html
    assert "Số căn nhà ở xã hội hoàn thành" in html and "(tổng hợp)" in html
    assert "từ 40 trở lên" in html and "từ 1.000 trở lên" in html
    # One ward of two reported: the city's figure carries its coverage and is not assessed.
    assert "1/2 đơn vị đã báo cáo" in html and "Số liệu chưa đầy đủ" in html and "Chưa có số liệu" in html
    assert "Đúng tiến độ" not in html and "Đã đạt" not in html
    assert "Hoàn thành đúng hạn" in html and "31/12/2025" in html and "1/1 đơn vị báo cáo đã hoàn thành" in html
    assert "50%" in html and "50,0%" not in html  # one of two communes reported, written as lib.vnnumbers writes it


def test_the_progress_page_of_an_out_of_scope_unit_is_not_found(client: Client, world: World, officer_a: Any) -> None:
    client.force_login(officer_a)
    assert client.get(f"{ROOT}/tien-do/{world.plan.pk}/?don_vi=26743").status_code == 404
    assert client.get(f"{ROOT}/tien-do/{world.plan.pk}/?don_vi=26740").status_code == 200
    assert client.get(f"{ROOT}/tien-do/999999/").status_code == 404


def test_a_bad_cycle_parameter_falls_back_to_the_latest_cycle(client: Client, world: World, officer_a: Any) -> None:
    client.force_login(officer_a)
    assert client.get(f"{ROOT}/tien-do/{world.plan.pk}/?ky=abc").status_code == 200
    assert client.get(f"{ROOT}/tien-do/{world.plan.pk}/?ky=999999").status_code == 200
