"""The JSON API: reading the catalogue, writing through the actions, and every kind of bad input."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.test import Client

from ansinh.core.models import AuditEvent
from ansinh.reporting.actions import do_approve, do_save_values, do_submit
from ansinh.reporting.models import IndicatorValue, Submission, TaskProgress
from tests.api.fixtures import World, make_world
from tests.api.test_api_cast import as_user, post, put

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(hcm: Any, ward_a: Any, ward_b: Any, hanoi: Any) -> World:
    return make_world()


@pytest.fixture
def api(officer_a: Any) -> Client:
    return as_user(officer_a)


def values_url(world: World) -> str:
    return f"/api/submissions/{world.sub_a.pk}/values"


def test_the_openapi_documentation_is_served(api: Client) -> None:
    assert api.get("/api/docs").status_code == 200
    paths = api.get("/api/openapi.json").json()["paths"]
    for path in ("/api/units/", "/api/indicators/", "/api/plans/{plan_id}", "/api/cycles/",
                 "/api/submissions/{submission_id}/values", "/api/progress/plans/{plan_id}"):
        assert path in paths, path


def test_catalogue_plans_and_cycles_are_readable(api: Client, world: World) -> None:
    poor = api.get("/api/indicators/POOR_RATE").json()
    assert (poor["name"], poor["is_ratio"], poor["unit"]) == ("Tỷ lệ hộ nghèo", True, "%")
    assert api.get("/api/indicators/KHONG_CO").json() == {"detail": "Không có chỉ tiêu mã “KHONG_CO” trong danh mục."}
    plan = api.get(f"/api/plans/{world.plan.pk}").json()
    assert [t["indicator_code"] for t in plan["targets"]] == ["POOR_RATE", "SOCIAL_HOUSING"]
    assert plan["targets"][0]["milestones"] == [{"year": 2025, "comparator": "<", "value": 1.5, "value_max": None}]
    assert plan["tasks"][0]["title"] == "Rà soát hộ nghèo, hộ cận nghèo"
    cycles = api.get(f"/api/cycles/?plan_id={world.plan.pk}").json()["items"]
    annual = next(c for c in cycles if c["id"] == world.cycle.pk)
    assert annual["year"] == 2025 and {d["level"] for d in annual["deadlines"]} >= {"commune", "province"}
    assert api.get("/api/plans/999999").status_code == 404
    assert api.get("/api/cycles/999999").json() == {"detail": "Không tìm thấy kỳ báo cáo."}


def test_values_are_saved_through_the_action_and_audited(api: Client, world: World) -> None:
    body = [
        {"indicator": "POOR_RATE", "numerator": 12, "denominator": 1000, "status": "estimate"},
        {"indicator": "SOCIAL_HOUSING", "value": 45, "comment": "=HYPERLINK(\"x\")"},
    ]
    response = put(api, values_url(world), body)
    assert response.status_code == 200
    values = {v["indicator"]: v for v in response.json()["values"]}
    assert values["POOR_RATE"]["value"] == pytest.approx(1.2) and values["POOR_RATE"]["status"] == "estimate"
    assert values["SOCIAL_HOUSING"]["status"] == "final"
    assert AuditEvent.objects.filter(action="reporting.save_values").count() == 1


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ([{"indicator": "SOCIAL_HOUSING", "value": "bốn mươi"}], "0.value", "0.value: phải là số"),
        ([{"value": 4}], "0.indicator", "0.indicator: thiếu trường bắt buộc"),
        ([{"indicator": "SOCIAL_HOUSING", "value": 1e300}], "0.value", "0.value: quá lớn"),
        ([{"indicator": "SOCIAL_HOUSING", "value": 4, "status": "doan"}], "0.status", "0.status: không thuộc các giá trị cho phép"),
        ([{"indicator": "SOCIAL_HOUSING", "value": 4, "comment": "x" * 2001}], "0.comment", "0.comment: quá dài"),
        ({"indicator": "SOCIAL_HOUSING"}, "", "dữ liệu: phải là danh sách"),
    ],
    ids=["text", "missing-code", "huge", "status", "long-comment", "not-a-list"],
)
def test_a_malformed_body_gets_a_vietnamese_422_and_stores_nothing(
    api: Client, world: World, body: Any, field: str, message: str
) -> None:
    response = put(api, values_url(world), body)
    assert response.status_code == 422
    data = response.json()
    assert data["detail"] == "Dữ liệu gửi lên không hợp lệ; không có gì được lưu."
    assert {"field": field, "message": message} in [{"field": e["field"], "message": e["message"]} for e in data["errors"]]
    assert not IndicatorValue.objects.exists()


def test_not_a_number_and_broken_json_are_refused(api: Client, world: World) -> None:
    response = api.put(values_url(world), '[{"indicator": "SOCIAL_HOUSING", "value": NaN}]', content_type="application/json")
    assert response.status_code in (400, 422) and "detail" in response.json()
    response = api.put(values_url(world), '[{"indicator": ', content_type="application/json")
    assert response.status_code in (400, 422) and "detail" in response.json()
    assert not IndicatorValue.objects.exists()


def test_domain_validation_errors_name_the_row_and_field(api: Client, world: World) -> None:
    do_save_values(None, world.sub_a, [{"indicator": "SOCIAL_HOUSING", "value": 41}])
    body = [
        {"indicator": "SOCIAL_HOUSING", "value": 50},
        {"indicator": "POOR_RATE", "numerator": 2000, "denominator": 1000},
        {"indicator": "KHONG_CO", "value": 1},
    ]
    response = put(api, values_url(world), body)
    assert response.status_code == 422
    data = response.json()
    assert data["detail"] == "Số liệu chưa hợp lệ; không có gì được lưu."
    assert [(e["row"], e["indicator"], e["field"]) for e in data["errors"]] == [
        (1, "POOR_RATE", "numerator"),
        (2, "KHONG_CO", "indicator"),
    ]
    assert "tử số không được lớn hơn mẫu số" in data["errors"][0]["message"]
    assert [v.value for v in IndicatorValue.objects.all()] == [41]


def test_task_progress_is_saved_and_validated(api: Client, world: World) -> None:
    url = f"/api/submissions/{world.sub_a.pk}/tasks"
    response = put(api, url, [{"task_id": world.task.pk, "status": "completed"}])
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "completed_on"
    response = put(api, url, [{"task_id": 999999, "status": "in_progress"}])
    assert response.status_code == 422 and "không thuộc kế hoạch" in response.json()["errors"][0]["message"]
    response = put(api, url, [{"task_id": world.task.pk, "status": "completed", "completed_on": "20/11/2025"}])
    assert response.status_code == 422
    assert response.json()["errors"][0]["message"] == "0.completed_on: phải là ngày dạng YYYY-MM-DD"
    assert not TaskProgress.objects.exists()
    body = [{"task_id": world.task.pk, "status": "completed", "completed_on": "2025-11-20", "result": "Xong"}]
    response = put(api, url, body)
    assert response.status_code == 200
    assert response.json()["tasks"][0] | {"task_id": 0} == {
        "task_id": 0, "status": "completed", "deadline": None, "completed_on": "2025-11-20",
        "result": "Xong", "difficulties": "", "proposals": "",
    }


def test_submitting_an_empty_report_or_approving_a_draft_is_a_409(
    api: Client, world: World, hcm_standing: Any
) -> None:
    response = post(api, f"/api/submissions/{world.sub_a.pk}/submit")
    assert response.status_code == 409 and "chưa gửi được" in response.json()["detail"]
    response = post(as_user(hcm_standing), f"/api/submissions/{world.sub_a.pk}/approve")
    assert response.status_code == 409 and "Chỉ phê duyệt được báo cáo đã gửi" in response.json()["detail"]


def test_an_officer_submits_through_the_api(api: Client, world: World) -> None:
    assert put(api, values_url(world), [{"indicator": "SOCIAL_HOUSING", "value": 45}]).status_code == 200
    response = post(api, f"/api/submissions/{world.sub_a.pk}/submit")
    assert response.status_code == 200 and response.json()["status_label"] == "Đã gửi"


def test_opening_a_submission_is_idempotent_and_checks_its_input(api: Client, world: World) -> None:
    world.sub_a.delete()
    response = post(api, "/api/submissions/", {"cycle_id": world.cycle.pk, "unit_code": "26740"})
    assert response.status_code == 201
    again = post(api, "/api/submissions/", {"cycle_id": world.cycle.pk, "unit_code": "26740"})
    assert again.json()["id"] == response.json()["id"]
    assert Submission.objects.filter(unit__code="26740").count() == 1
    assert post(api, "/api/submissions/", {"cycle_id": world.cycle.pk}).status_code == 422
    assert post(api, "/api/submissions/", {"cycle_id": 999999, "unit_code": "26740"}).status_code == 404


def test_an_approved_value_shows_at_once_in_the_citys_progress(world: World, hcm_standing: Any, officer_a: Any) -> None:
    do_save_values(officer_a, world.sub_a, [{"indicator": "SOCIAL_HOUSING", "value": 45}])
    do_approve(hcm_standing, do_submit(officer_a, world.sub_a))
    data = as_user(hcm_standing).get(f"/api/progress/plans/{world.plan.pk}?unit_code=79").json()
    housing = next(t for t in data["targets"] if t["indicator_code"] == "SOCIAL_HOUSING")
    # One ward of two: the figure shows at once, with its coverage, and is not assessed yet.
    assert (housing["actual"], housing["source"], housing["status"]) == (45, "rollup", "partial")
    assert housing["status_label"] == "Số liệu chưa đầy đủ" and housing["coverage"]["label"] == "1/2 đơn vị đã báo cáo"
    assert data["tasks"][0]["status_label"]
    annual = next(c for c in data["cycles"] if c["cycle_id"] == world.cycle.pk)
    assert (annual["expected"], annual["received"]) == (2, 1)


def test_the_progress_of_a_cycle_from_another_plan_is_not_found(api: Client, world: World) -> None:
    response = api.get(f"/api/progress/plans/{world.plan.pk}?unit_code=26740&cycle_id=999999")
    assert response.status_code == 404
    assert api.get(f"/api/progress/plans/{world.plan.pk}").status_code == 422


def test_due_reports_are_listed_with_their_bucket(api: Client, world: World) -> None:
    due = next(d.due for d in world.cycle.deadlines.all() if d.level == "commune")
    with time_machine.travel(dt.datetime.combine(due - dt.timedelta(days=2), dt.time(9)), tick=False):
        items = api.get("/api/progress/due").json()
    assert [(i["cycle_id"], i["unit_code"], i["bucket"], i["overdue"]) for i in items] == [
        (world.cycle.pk, "26740", 3, False)
    ]
    with time_machine.travel(dt.datetime.combine(due + dt.timedelta(days=1), dt.time(9)), tick=False):
        items = api.get("/api/progress/due").json()
    assert [(i["bucket"], i["days_left"]) for i in items] == [(0, -1)]


def test_bad_query_parameters_get_a_vietnamese_422(api: Client, world: World) -> None:
    response = api.get("/api/cycles/?plan_id=abc")
    assert response.status_code == 422
    assert response.json()["errors"][0]["message"] == "plan_id: phải là số nguyên"
    response = api.get("/api/submissions/?limit=-5")
    assert response.status_code == 422 and response.json()["detail"].startswith("Dữ liệu gửi lên không hợp lệ")
    assert api.get("/api/submissions/abc").status_code == 422


def test_an_unknown_endpoint_answers_json_in_vietnamese(api: Client) -> None:
    response = api.get("/api/khong-co/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Không có điểm truy cập API này; xem danh sách tại /api/docs."}
