"""``geo:unit_search``: the one JSON search behind every unit and agency picker, by folded name, in three scopes
(every unit, the units one may read, agencies), paged, in a constant number of queries."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.geo.models import AdministrativeUnit, Agency
from ansinh.geo.search import Scope, SearchError, search_agencies, search_units

pytestmark = pytest.mark.django_db
URL = "/don-vi/tim/"
REFORM = dt.date(2025, 7, 1)


def _results(client: Client, **params: str) -> Any:
    response = client.get(URL, params)
    return response.status_code, json.loads(response.content)


@pytest.fixture
def agencies(hcm: Any, ward_a: Any) -> list[Agency]:
    return [
        Agency.objects.create(code="79-SYT", name="Sở Y tế", short_name="SYT", kind="department", unit=hcm, valid_from=REFORM),
        Agency.objects.create(code="79-SLDTBXH", name="Sở Lao động – Thương binh và Xã hội", kind="department", unit=hcm,
                              valid_from=REFORM),
        Agency.objects.create(code="26740-CA", name="Công an phường Sài Gòn", kind="other", unit=ward_a, valid_from=REFORM),
    ]


def test_a_name_typed_without_diacritics_finds_the_ward_with_its_province(client: Client, bob: Any, ward_a: Any, ward_b: Any) -> None:
    client.force_login(bob)
    status, data = _results(client, q="phuong sai gon")
    assert status == 200 and [r["label"] for r in data["results"]] == ["Phường Sài Gòn, Thành phố Hồ Chí Minh (26740)"]
    assert data["results"][0]["id"] == ward_a.pk and data["more"] is False and data["page"] == 1


def test_provinces_come_before_communes_and_the_level_filters(client: Client, bob: Any, ward_a: Any, hanoi_ward: Any) -> None:
    client.force_login(bob)
    _, data = _results(client, q="thanh pho")
    assert [r["level"] for r in data["results"]] == ["province", "province"]
    _, data = _results(client, q="phuong", level="commune", trong="79")
    assert [r["code"] for r in data["results"]] == ["26740"]


def test_the_country_is_offered_as_nationwide(client: Client, bob: Any, vn: Any) -> None:
    client.force_login(bob)
    _, data = _results(client, q="viet nam")
    assert data["results"][0]["label"] == "Toàn quốc – Việt Nam (VN)"


def test_a_department_typed_without_diacritics_is_found_among_the_agencies(client: Client, bob: Any, agencies: Any) -> None:
    client.force_login(bob)
    _, data = _results(client, q="so y te", **{"pham-vi": "co-quan"})
    assert [r["label"] for r in data["results"]] == ["Sở Y tế"] and data["results"][0]["hint"] == "Thành phố Hồ Chí Minh"
    _, data = _results(client, q="thuong binh xa hoi", **{"pham-vi": "co-quan"})
    assert [r["code"] for r in data["results"]] == ["79-SLDTBXH"]
    _, data = _results(client, q="syt", **{"pham-vi": "co-quan"})  # the short name too
    assert [r["code"] for r in data["results"]] == ["79-SYT"]
    _, data = _results(client, q="sai gon", trong="26740", **{"pham-vi": "co-quan"})
    assert [r["code"] for r in data["results"]] == ["26740-CA"]


def test_a_ward_officer_lists_only_the_units_it_may_read_in_the_readable_scope(
    client: Client, officer_a: Any, ward_a: Any, ward_b: Any, hanoi_ward: Any
) -> None:
    client.force_login(officer_a)
    _, data = _results(client, q="phuong", **{"pham-vi": "duoc-xem"})
    assert [r["code"] for r in data["results"]] == ["26740"]
    _, data = _results(client, q="phuong")  # the map itself is public reference data
    assert {r["code"] for r in data["results"]} >= {"26740", "26743"}


def test_a_ward_officer_cannot_search_inside_a_unit_outside_its_scope(client: Client, officer_a: Any, ward_a: Any, hanoi_ward: Any) -> None:
    client.force_login(officer_a)
    status, data = _results(client, q="phuong", trong=hanoi_ward.code, **{"pham-vi": "duoc-xem"})
    assert status == 403 and "ngoài phạm vi bạn được xem" in data["detail"]


def test_a_user_without_a_role_reads_no_units_in_the_readable_scope(client: Client, bob: Any, ward_a: Any) -> None:
    client.force_login(bob)
    assert _results(client, q="sai gon", **{"pham-vi": "duoc-xem"})[1]["results"] == []


@pytest.mark.parametrize(("params", "message"), [({"q": "sai", "level": "sao"}, "Cấp «sao»"),
                                                 ({"q": "sai", "ngay": "31/12"}, "Ngày «31/12»"),
                                                 ({"q": "sai", "trong": "000"}, "mã «000»"),
                                                 ({"q": "sai", "pham-vi": "moi-thu"}, "Phạm vi tìm «moi-thu»"),
                                                 ({"q": "sai", "trang": "0"}, "Trang «0»"),
                                                 ({"q": "sai", "trang": "hai"}, "Trang «hai»"),
                                                 ({"q": "s" * 101}, "dài quá 100 ký tự"),
                                                 ({"q": "sai\x00gon"}, "ký tự rỗng (NUL)"),
                                                 ({"q": "sai", "trong": "79\x00"}, "ký tự rỗng (NUL)")])
def test_bad_parameters_are_refused_in_vietnamese(client: Client, bob: Any, ward_a: Any, params: dict[str, str], message: str) -> None:
    client.force_login(bob)
    status, data = _results(client, **params)
    assert status == 400 and message in data["detail"]


def test_a_query_shorter_than_two_letters_returns_nothing(client: Client, bob: Any, ward_a: Any) -> None:
    client.force_login(bob)
    assert _results(client, q="p")[1] == {"results": [], "more": False, "page": 1}


def test_an_anonymous_visitor_is_sent_to_log_in(client: Client, ward_a: Any) -> None:
    assert client.get(URL, {"q": "sai gon"}).status_code == 302


@pytest.mark.parametrize("scope", ["tat-ca", "duoc-xem", "co-quan"])
def test_the_query_count_does_not_grow_with_the_number_of_units(client: Client, hcm_standing: Any, hcm: Any, scope: str,
                                                                django_assert_max_num_queries: Any) -> None:
    units = AdministrativeUnit.objects.bulk_create([
        AdministrativeUnit(code=f"9{n:04d}", name=f"Phường Thử {n}", name_key=f"phuong thu {n}", level="commune",
                           parent=hcm, path=f"{hcm.path}9{n:04d}/", valid_from=hcm.valid_from)
        for n in range(60)
    ])
    Agency.objects.bulk_create([
        Agency(code=f"9{n:04d}-UBND", name=f"Ủy ban nhân dân Phường Thử {n}", name_key=f"uy ban nhan dan phuong thu {n}",
               unit=u, valid_from=REFORM)
        for n, u in enumerate(units)
    ])
    client.force_login(hcm_standing)
    with django_assert_max_num_queries(6):
        _, data = _results(client, q="phuong thu", **{"pham-vi": scope})
    assert len(data["results"]) == 20 and data["more"] is True
    with django_assert_max_num_queries(6):
        _, last = _results(client, q="phuong thu", trang="3", **{"pham-vi": scope})
    assert len(last["results"]) == 20 and last["more"] is False and last["page"] == 3
    assert not {r["code"] for r in data["results"]} & {r["code"] for r in last["results"]}


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=120), st.sampled_from(list(Scope)))
def test_any_typed_text_gives_a_page_or_a_vietnamese_refusal(text: str, scope: Scope) -> None:
    from django.contrib.auth.models import AnonymousUser

    try:
        user = AnonymousUser()
        page = search_agencies(user, text) if scope == Scope.AGENCIES else search_units(user, text, scope=scope)
    except SearchError as err:
        assert "NUL" in err.message or "dài quá" in err.message
    else:
        assert page.results == [] and page.more is False
