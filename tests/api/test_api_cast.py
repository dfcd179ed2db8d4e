"""The named cast through the JSON API: scope of reads, writes, approval; CSRF on session writes."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from ansinh.reporting.actions import do_save_values, do_submit
from ansinh.reporting.models import IndicatorValue, Submission
from tests.api.fixtures import World, make_world

pytestmark = pytest.mark.django_db
VALUES = [{"indicator": "SOCIAL_HOUSING", "value": 45}]


@pytest.fixture
def world(hcm: Any, ward_a: Any, ward_b: Any, hanoi: Any) -> World:
    return make_world()


def as_user(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def put(client: Client, url: str, body: Any) -> Any:
    return client.put(url, json.dumps(body), content_type="application/json")


def post(client: Client, url: str, body: Any = None) -> Any:
    return client.post(url, json.dumps(body or {}), content_type="application/json")


def submitted(world: World, who: Any) -> Submission:
    do_save_values(who, world.sub_b, [{"indicator": "SOCIAL_HOUSING", "value": 50}])
    return do_submit(who, world.sub_b)


def test_an_anonymous_caller_gets_a_vietnamese_401(client: Client, world: World) -> None:
    for url in ("/api/submissions/", f"/api/submissions/{world.sub_a.pk}", "/api/units/", "/api/plans/"):
        response = client.get(url)
        assert response.status_code == 401, url
        assert response.json()["detail"].startswith("Bạn cần đăng nhập (và gửi kèm mã CSRF khi ghi dữ liệu)")


def test_an_officer_lists_only_their_own_communes_submissions(world: World, officer_a: Any) -> None:
    items = as_user(officer_a).get("/api/submissions/").json()["items"]
    assert [(s["id"], s["unit_code"]) for s in items] == [(world.sub_a.pk, "26740")]


def test_an_officer_can_neither_read_nor_write_another_communes_submission(world: World, officer_a: Any) -> None:
    client = as_user(officer_a)
    b = world.sub_b.pk
    response = client.get(f"/api/submissions/{b}")
    assert response.status_code == 404
    assert response.json()["detail"] == "Không tìm thấy báo cáo hoặc bạn không có quyền xem báo cáo này."
    assert put(client, f"/api/submissions/{b}/values", VALUES).status_code == 404
    assert put(client, f"/api/submissions/{b}/tasks", [{"task_id": world.task.pk}]).status_code == 404
    assert post(client, f"/api/submissions/{b}/submit").status_code == 404
    assert not IndicatorValue.objects.filter(submission_id=b).exists()
    assert client.get("/api/submissions/?unit_code=26743").json() == {"items": [], "count": 0}


def test_an_officer_cannot_open_a_submission_for_another_commune(world: World, officer_a: Any) -> None:
    world.sub_b.delete()
    response = post(as_user(officer_a), "/api/submissions/", {"cycle_id": world.cycle.pk, "unit_code": "26743"})
    assert response.status_code == 404
    assert not Submission.objects.filter(unit__code="26743").exists()


def test_an_officer_cannot_see_another_communes_progress_or_units(world: World, officer_a: Any) -> None:
    client = as_user(officer_a)
    assert client.get(f"/api/progress/plans/{world.plan.pk}?unit_code=26743").status_code == 404
    assert client.get(f"/api/progress/plans/{world.plan.pk}?unit_code=79").status_code == 404
    assert client.get(f"/api/progress/plans/{world.plan.pk}?unit_code=26740").status_code == 200
    assert [u["code"] for u in client.get("/api/units/").json()["items"]] == ["26740"]
    assert client.get("/api/units/26743").status_code == 404


def test_a_supervisor_reads_every_commune_but_cannot_write(world: World, supervisor: Any) -> None:
    client = as_user(supervisor)
    codes = sorted(s["unit_code"] for s in client.get("/api/submissions/").json()["items"])
    assert codes == ["26740", "26743"]
    assert client.get(f"/api/submissions/{world.sub_b.pk}").status_code == 200
    response = put(client, f"/api/submissions/{world.sub_b.pk}/values", VALUES)
    assert response.status_code == 403
    assert response.json() == {"detail": "Bạn chỉ được xem báo cáo này, không được nhập hoặc sửa số liệu."}
    assert not IndicatorValue.objects.exists()


def test_a_supervisor_and_a_commune_officer_cannot_approve(world: World, supervisor: Any, officer_b: Any) -> None:
    submitted(world, officer_b)
    for who in (supervisor, officer_b):
        response = post(as_user(who), f"/api/submissions/{world.sub_b.pk}/approve")
        assert response.status_code == 403
        assert response.json()["detail"] == "Bạn không có quyền phê duyệt hoặc trả lại báo cáo này."
    world.sub_b.refresh_from_db()
    assert world.sub_b.status == Submission.Status.SUBMITTED


def test_the_standing_officer_approves(world: World, hcm_standing: Any, officer_b: Any) -> None:
    submitted(world, officer_b)
    response = post(as_user(hcm_standing), f"/api/submissions/{world.sub_b.pk}/approve")
    assert response.status_code == 200 and response.json()["status"] == "approved"
    response = put(as_user(officer_b), f"/api/submissions/{world.sub_b.pk}/values", VALUES)
    assert response.status_code == 409 and "không sửa được" in response.json()["detail"]


def test_the_standing_officer_returns_with_a_reason(world: World, hcm_standing: Any, officer_b: Any) -> None:
    submitted(world, officer_b)
    client = as_user(hcm_standing)
    response = post(client, f"/api/submissions/{world.sub_b.pk}/return", {"reason": "Sai"})
    assert response.status_code == 422
    response = post(client, f"/api/submissions/{world.sub_b.pk}/return", {"reason": "Thiếu mẫu số hộ nghèo"})
    assert response.status_code == 200
    assert (response.json()["status"], response.json()["return_reason"]) == ("returned", "Thiếu mẫu số hộ nghèo")


def test_session_writes_need_the_csrf_token(world: World, officer_a: Any) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(officer_a)
    response = put(client, f"/api/submissions/{world.sub_a.pk}/values", VALUES)
    assert response.status_code in (401, 403)
    assert not IndicatorValue.objects.exists()
    client.get("/bao-cao-dinh-ky/")  # sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    response = client.put(
        f"/api/submissions/{world.sub_a.pk}/values", json.dumps(VALUES), content_type="application/json",
        headers={"X-CSRFToken": token},
    )
    assert response.status_code == 200
    assert IndicatorValue.objects.get().value == 45


def test_a_supervisor_cannot_open_a_submission(world: World, supervisor: Any) -> None:
    world.sub_a.delete()
    response = post(as_user(supervisor), "/api/submissions/", {"cycle_id": world.cycle.pk, "unit_code": "26740"})
    assert response.status_code == 403
    assert response.json()["detail"] == "Bạn chỉ được xem báo cáo này, không được nhập hoặc sửa số liệu."
    assert not Submission.objects.filter(unit__code="26740").exists()


def test_the_unit_list_is_filtered_within_scope(world: World, supervisor: Any, hanoi_ward: Any) -> None:
    client = as_user(supervisor)
    assert [u["code"] for u in client.get("/api/units/?level=commune").json()["items"]] == ["26740", "26743"]
    assert [u["code"] for u in client.get("/api/units/?q=ben thanh").json()["items"]] == ["26743"]
    assert [u["parent_code"] for u in client.get("/api/units/?parent=79").json()["items"]] == ["79", "79"]
    assert client.get("/api/units/?q=hoan kiem").json() == {"items": [], "count": 0}


def test_a_wrong_method_gets_a_vietnamese_json_405(world: World, officer_a: Any) -> None:
    response = as_user(officer_a).delete("/api/units/")
    assert response.status_code == 405
    assert response.json()["detail"].startswith("Điểm truy cập này không nhận phương thức DELETE; dùng: GET")
    assert "GET" in response["Allow"]
