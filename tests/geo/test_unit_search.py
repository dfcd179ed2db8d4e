"""``geo:unit_search``: the JSON search behind the unit pickers, by folded name, over every unit."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db
URL = "/don-vi/tim/"


def _results(client: Client, **params: str) -> Any:
    response = client.get(URL, params)
    return response.status_code, json.loads(response.content)


def test_a_name_typed_without_diacritics_finds_the_ward_with_its_province(client: Client, bob: Any, ward_a: Any, ward_b: Any) -> None:
    client.force_login(bob)
    status, data = _results(client, q="phuong sai gon")
    assert status == 200 and [r["label"] for r in data["results"]] == ["Phường Sài Gòn, Thành phố Hồ Chí Minh"]
    assert data["results"][0]["id"] == ward_a.pk and data["more"] is False


def test_provinces_come_before_communes_and_the_level_filters(client: Client, bob: Any, ward_a: Any, hanoi_ward: Any) -> None:
    client.force_login(bob)
    _, data = _results(client, q="thanh pho")
    assert [r["level"] for r in data["results"]] == ["province", "province"]
    _, data = _results(client, q="phuong", level="commune", trong="79")
    assert [r["code"] for r in data["results"]] == ["26740"]


def test_the_country_is_offered_as_nationwide(client: Client, bob: Any, vn: Any) -> None:
    client.force_login(bob)
    _, data = _results(client, q="viet nam")
    assert data["results"][0]["label"] == "Toàn quốc (Việt Nam)"


@pytest.mark.parametrize(("params", "message"), [({"q": "sai", "level": "sao"}, "Cấp «sao»"),
                                                 ({"q": "sai", "ngay": "31/12"}, "Ngày «31/12»"),
                                                 ({"q": "sai", "trong": "000"}, "mã «000»")])
def test_bad_parameters_are_refused_in_vietnamese(client: Client, bob: Any, ward_a: Any, params: dict[str, str], message: str) -> None:
    client.force_login(bob)
    status, data = _results(client, **params)
    assert status == 400 and message in data["detail"]


def test_a_query_shorter_than_two_letters_returns_nothing(client: Client, bob: Any, ward_a: Any) -> None:
    client.force_login(bob)
    assert _results(client, q="p")[1] == {"results": [], "more": False}


def test_an_anonymous_visitor_is_sent_to_log_in(client: Client, ward_a: Any) -> None:
    assert client.get(URL, {"q": "sai gon"}).status_code == 302


def test_the_query_count_does_not_grow_with_the_number_of_units(client: Client, bob: Any, hcm: Any,
                                                                django_assert_max_num_queries: Any) -> None:
    from ansinh.geo.models import AdministrativeUnit

    for n in range(60):
        AdministrativeUnit.objects.create(code=f"9{n:04d}", name=f"Phường Thử {n}", level="commune", parent=hcm,
                                          valid_from=hcm.valid_from)
    client.force_login(bob)
    with django_assert_max_num_queries(4):
        _, data = _results(client, q="phuong thu")
    assert len(data["results"]) == 20 and data["more"] is True
