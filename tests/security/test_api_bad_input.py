"""Bad query parameters and bodies get a Vietnamese 422/400, never a 500 or an English message; the API
never answers with a traceback."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from ansinh.core.models import AuditEvent
from ansinh.reporting.models import IndicatorValue
from tests.api.fixtures import World, make_world
from tests.api.test_api_cast import as_user

pytestmark = pytest.mark.django_db
HUGE = "9" * 23


@pytest.fixture
def world(hcm: Any, ward_a: Any, ward_b: Any, hanoi: Any) -> World:
    return make_world()


@pytest.fixture
def api(officer_a: Any) -> Client:
    client = as_user(officer_a)
    client.raise_request_exception = False
    return client


@pytest.mark.parametrize(
    "url",
    [
        f"/api/cycles/?limit={HUGE}",
        f"/api/cycles/?offset={HUGE}",
        f"/api/cycles/?plan_id={HUGE}",
        f"/api/cycles/?year=-{HUGE}",
        f"/api/submissions/?cycle_id={HUGE}",
        f"/api/units/?limit={HUGE}",
        f"/api/indicators/?offset={HUGE}",
        "/api/cycles/?limit=1000000",
        "/api/cycles/?limit=abc",
        "/api/cycles/?limit=-1",
        "/api/submissions/?unit_code=26740%00",
    ],
)
def test_an_impossible_query_parameter_gets_a_vietnamese_422(api: Client, world: World, url: str) -> None:
    response = api.get(url)
    body = response.json()
    assert response.status_code == 422, (url, body)
    assert body["detail"] == "Dữ liệu gửi lên không hợp lệ; không có gì được lưu."
    assert body["errors"] and all(_vietnamese(e["message"]) for e in body["errors"])


def test_a_web_page_refuses_an_impossible_number_with_the_vietnamese_400_page(api: Client, world: World) -> None:
    response = api.get(f"/ke-hoach/?page={HUGE}")
    html = response.content.decode()
    assert response.status_code == 400 and "Yêu cầu không hợp lệ" in html and "quá lớn" in html


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        ('{"a":', 400, "không phải JSON hợp lệ"),
        ("[", 400, "không phải JSON hợp lệ"),
        (b"\xff\xfe", 400, "UTF-8"),
        (json.dumps([{"indicator": "SOCIAL_HOUSING", "value": 10**30}]), 422, "số quá lớn"),
        ('[{"indicator": "SOCIAL_HOUSING", "value": NaN}]', 422, "số hữu hạn"),
        (json.dumps([{"indicator": "SOCIAL\x00", "value": 1}]), 422, "NUL"),
        ("[" * 100_000 + "]" * 100_000, 400, "lồng nhau quá sâu"),
        ("[" * 200 + "]" * 200, 422, "không hợp lệ"),
    ],
)
def test_a_malformed_body_gets_a_vietnamese_answer_and_stores_nothing(
    api: Client, world: World, body: Any, status: int, words: str
) -> None:
    before = AuditEvent.objects.count()
    response = api.put(f"/api/submissions/{world.sub_a.pk}/values", data=body, content_type="application/json")
    assert response.status_code == status and words in json.dumps(response.json(), ensure_ascii=False)
    assert not IndicatorValue.objects.filter(submission=world.sub_a).exists()
    assert AuditEvent.objects.count() == before


def test_a_body_sent_without_the_json_content_type_is_refused_in_vietnamese(api: Client, world: World) -> None:
    response = api.put(f"/api/submissions/{world.sub_a.pk}/values", data='{"a":', content_type="text/plain")
    assert response.status_code == 400 and "Không đọc được nội dung gửi lên" in response.json()["detail"]


def test_an_unexpected_api_error_is_a_vietnamese_json_500_without_a_traceback(
    api: Client, world: World, monkeypatch: pytest.MonkeyPatch, settings: Any
) -> None:
    from ansinh.reporting import api as reporting_api

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("/srv/secret/path.py exploded")

    monkeypatch.setattr(reporting_api.access, "access_cycles", broken)
    for debug in (False, True):
        settings.DEBUG = debug
        response = api.get("/api/cycles/")
        text = response.content.decode()
        assert response.status_code == 500 and response["Content-Type"].startswith("application/json")
        assert "Máy chủ gặp lỗi" in response.json()["detail"]
        assert "Traceback" not in text and "/srv/secret" not in text and "RuntimeError" not in text


def _vietnamese(message: str) -> bool:
    return any(ch in message for ch in "ăâđêôơưàáạảãèéẹẻẽìíịỉĩòóọỏõùúụủũỳýỵỷỹ")


def test_a_web_form_with_an_impossible_number_is_refused_with_the_vietnamese_page_and_stores_nothing(
    api: Client, world: World
) -> None:
    from ansinh.reporting.models import Submission

    before = (Submission.objects.count(), AuditEvent.objects.count())
    response = api.post(f"/bao-cao-dinh-ky/ky/{world.cycle.pk}/lap-bao-cao/", {"unit": HUGE})
    assert response.status_code == 400 and "quá lớn" in response.content.decode()
    assert (Submission.objects.count(), AuditEvent.objects.count()) == before
