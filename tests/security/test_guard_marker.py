"""The bad-input guard leaves to a view only the form fields the view declared it validates itself
(``core.middleware.validates_own_fields``): core knows no app's field names."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.test import Client, RequestFactory

from ansinh.core.middleware import BadInputGuard, validates_own_fields
from ansinh.core.models import AuditEvent
from ansinh.reporting.models import IndicatorValue
from tests.api.fixtures import World, make_world
from tests.reporting.test_web_cast import ROOT, form_data
from tests.reporting.test_web_form import field_error

pytestmark = pytest.mark.django_db
HUGE = "9" * 23


@pytest.fixture
def world(hcm: Any, ward_a: Any, ward_b: Any, hanoi: Any) -> World:
    return make_world()


def _guard_answer(view: Any, data: dict[str, str]) -> HttpResponse | None:
    request = RequestFactory().post("/bieu-mau/", data)
    guard = BadInputGuard(lambda r: HttpResponse("xem"))
    return guard.process_view(request, view, (), {})


def _plain(request: HttpRequest) -> HttpResponse:
    return HttpResponse("xem")


def test_a_view_without_the_declaration_gets_oversized_cells_refused_whatever_their_name() -> None:
    answer = _guard_answer(_plain, {"ind-0-value": HUGE})
    assert answer is not None and answer.status_code == 400
    assert "Số «999999999999…» của tham số «ind-0-value» quá lớn" in answer.content.decode()


def test_a_declared_view_gets_only_its_own_fields_left_to_it_even_under_login_required() -> None:
    view = login_required(validates_own_fields(r"o-\d+")(_plain))
    assert _guard_answer(view, {"o-1": HUGE}) is None
    refused = _guard_answer(view, {"o-1": HUGE, "dem": HUGE})
    assert refused is not None and "«dem» quá lớn" in refused.content.decode() and "«o-1»" not in refused.content.decode()
    outer = validates_own_fields(r"o-\d+")(login_required(_plain))
    assert _guard_answer(outer, {"o-1": HUGE}) is None


def test_another_form_with_an_oversized_number_still_gets_the_vietnamese_page(client: Client, world: World, officer_a: Any) -> None:
    client.force_login(officer_a)
    before = AuditEvent.objects.count()
    response = client.post(f"{ROOT}/{world.sub_a.pk}/tra-lai/", {"version": HUGE, "reason": "x"})
    html = response.content.decode()
    assert response.status_code == 400 and "Yêu cầu không hợp lệ" in html and "«version» quá lớn" in html
    assert AuditEvent.objects.count() == before


def test_the_submission_form_answers_an_oversized_cell_on_the_cell_itself(client: Client, world: World, officer_a: Any) -> None:
    client.force_login(officer_a)
    response = client.post(f"{ROOT}/{world.sub_a.pk}/", form_data(**{"ind-1-value": HUGE}))
    html = response.content.decode()
    assert response.status_code == 400 and field_error(html, "ind-1-value")
    assert "Yêu cầu không hợp lệ" not in html
    assert not IndicatorValue.objects.filter(submission=world.sub_a).exists()


def test_the_submission_form_still_refuses_an_oversized_version_before_the_view(client: Client, world: World, officer_a: Any) -> None:
    client.force_login(officer_a)
    response = client.post(f"{ROOT}/{world.sub_a.pk}/", form_data(version=HUGE))
    assert response.status_code == 400 and "«version» quá lớn" in response.content.decode()
