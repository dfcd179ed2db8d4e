"""Unit pickers of readable units (dashboard, progress, report build) search every unit in scope through
``geo:unit_search`` (``pham-vi=duoc-xem``) by name without diacritics; nothing is cut at N units."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from ansinh.geo.models import AdministrativeUnit
from ansinh.reports.unit_picker import resolve_unit
from tests.reporting.factories import unit

pytestmark = pytest.mark.django_db
SEARCH = "/don-vi/tim/"
SCOPE = {"pham-vi": "duoc-xem"}


def test_a_name_typed_without_diacritics_finds_the_ward(client: Client, hcm_standing: Any, ward_a: Any) -> None:
    client.force_login(hcm_standing)
    data = client.get(SEARCH, {"q": "sai gon", **SCOPE}).json()
    assert [r["label"] for r in data["results"]] == ["Phường Sài Gòn, Thành phố Hồ Chí Minh (26740)"]
    assert client.get(SEARCH, {"q": "26740", **SCOPE}).json()["results"][0]["code"] == "26740"


def test_the_search_reaches_the_last_of_many_units_and_stays_in_scope(
    client: Client, hcm_standing: Any, hcm: Any, hanoi_ward: Any
) -> None:
    AdministrativeUnit.objects.bulk_create(
        [
            AdministrativeUnit(code=f"3{n:04d}", name=f"Xã Thử {n}", name_key=f"xa thu {n}", level="commune",
                               parent=hcm, path=f"{hcm.path}3{n:04d}/", valid_from=hcm.valid_from)
            for n in range(450)
        ]
    )
    client.force_login(hcm_standing)
    assert [r["name"] for r in client.get(SEARCH, {"q": "xa thu 449", **SCOPE}).json()["results"]] == ["Xã Thử 449"]
    assert client.get(SEARCH, {"q": "hoan kiem", **SCOPE}).json()["results"] == []  # Hà Nội is not HCMC's to read


def test_a_picker_field_resolves_a_label_a_code_or_a_unique_folded_name(hcm_standing: Any, ward_a: Any, ward_b: Any) -> None:
    assert resolve_unit(hcm_standing, "Phường Sài Gòn, Thành phố Hồ Chí Minh (26740)") == ward_a
    assert resolve_unit(hcm_standing, "Phường Sài Gòn (26740)") == ward_a
    assert resolve_unit(hcm_standing, "26743") == ward_b
    assert resolve_unit(hcm_standing, "phuong ben thanh") == ward_b


def test_an_unknown_or_ambiguous_name_is_refused_in_vietnamese(hcm_standing: Any, hcm: Any, ward_a: Any) -> None:
    from django.http import Http404

    unit("26999", "Phường Sài Gòn", "commune", hcm)  # a namesake
    with pytest.raises(Http404, match="Có nhiều đơn vị tên"):
        resolve_unit(hcm_standing, "Phường Sài Gòn")
    with pytest.raises(Http404, match="Không tìm thấy đơn vị «Phường Không Có»"):
        resolve_unit(hcm_standing, "Phường Không Có")


@given(st.text(max_size=40))
def test_any_typed_text_is_resolved_or_refused_never_an_error(text: str) -> None:
    """(The search side, for any text and every scope, is tested in tests/geo/test_unit_search.py.)"""
    from django.contrib.auth.models import AnonymousUser
    from django.http import Http404

    with pytest.raises(Http404):
        resolve_unit(AnonymousUser(), text)


def test_the_report_page_builds_for_a_ward_picked_by_name(client: Client, hcm_standing: Any, report_plan: Any) -> None:
    client.force_login(hcm_standing)
    url = f"/bao-cao/ke-hoach/{report_plan.plan.pk}/bao-cao/2025/"
    response = client.post(url, {"kind": "annual", "format": "docx", "unit": "phuong sai gon"})
    assert response.status_code == 200 and "26740" in response["Content-Disposition"]
    response = client.post(url, {"kind": "annual", "format": "docx", "unit": "phuong khong co"})
    assert response.status_code == 400 and "Không tìm thấy đơn vị «phuong khong co»" in response.content.decode()


def test_the_search_needs_a_signed_in_user(client: Client) -> None:
    assert client.get(SEARCH, {"q": "sai gon", **SCOPE}).status_code == 302


def test_the_old_reports_search_address_is_gone(client: Client, hcm_standing: Any) -> None:
    client.force_login(hcm_standing)
    assert client.get("/bao-cao/don-vi/tim/", {"q": "sai gon"}).status_code == 404


def test_the_dashboard_picker_asks_the_geo_search_for_readable_units(client: Client, hcm_standing: Any, report_plan: Any) -> None:
    client.force_login(hcm_standing)
    html = client.get(f"/bao-cao/ke-hoach/{report_plan.plan.pk}/bao-cao/2025/").content.decode()
    assert 'data-unit-search="/don-vi/tim/?pham-vi=duoc-xem"' in html


def test_a_cycle_with_many_writable_units_opens_a_report_for_a_ward_picked_by_name(
    client: Client, hcm_standing: Any, ward_a: Any, ward_b: Any, monkeypatch: Any
) -> None:
    from ansinh.reporting import views
    from ansinh.reporting.models import Submission
    from tests.reporting.factories import annual_cycle, make_plan

    cycle = annual_cycle(make_plan(), 2025)
    monkeypatch.setattr(views, "MAX_LISTED", 2)  # as if the officer could write for hundreds of units
    client.force_login(hcm_standing)
    html = client.get(f"/bao-cao-dinh-ky/ky/{cycle.pk}/").content.decode()
    assert 'name="don_vi"' in html and "data-unit-search" in html
    response = client.post(f"/bao-cao-dinh-ky/ky/{cycle.pk}/lap-bao-cao/", {"don_vi": "phuong ben thanh"})
    assert response.status_code == 302 and Submission.objects.get(cycle=cycle).unit == ward_b
    response = client.post(f"/bao-cao-dinh-ky/ky/{cycle.pk}/lap-bao-cao/", {"don_vi": "phuong khong co"}, follow=True)
    assert "Không tìm thấy đơn vị «phuong khong co»" in response.content.decode()
    assert Submission.objects.filter(cycle=cycle).count() == 1
