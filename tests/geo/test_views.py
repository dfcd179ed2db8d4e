"""The unit browser: search without diacritics, a unit with its children and crosswalks."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from ansinh.geo.models import AdministrativeUnit, UnitCrosswalk

pytestmark = pytest.mark.django_db
REFORM = dt.date(2025, 7, 1)


@pytest.fixture
def client_a(client: Client, officer_a: Any) -> Client:
    client.force_login(officer_a)
    return client


def test_an_anonymous_visitor_is_sent_to_sign_in(client: Client, ward_a: Any) -> None:
    response = client.get(reverse("geo:list"))
    assert response.status_code == 302 and "/dang-nhap/" in response["Location"]


def test_the_list_shows_provinces_in_force_today(client_a: Client, hcm: Any, hanoi: Any) -> None:
    response = client_a.get(reverse("geo:list"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Thành phố Hồ Chí Minh" in html and "Thành phố Hà Nội" in html


def test_search_finds_a_ward_without_diacritics(client_a: Client, ward_a: Any, ward_b: Any) -> None:
    html = client_a.get(reverse("geo:list"), {"q": "ben thanh"}).content.decode()
    assert "Phường Bến Thành" in html and "Phường Sài Gòn" not in html


def test_search_on_a_date_before_the_reform_does_not_list_current_wards(client_a: Client, ward_b: Any) -> None:
    html = client_a.get(reverse("geo:list"), {"q": "ben thanh", "ngay": "2024-01-01"}).content.decode()
    assert "Không có đơn vị nào khớp" in html


def test_an_unreadable_date_is_reported_in_vietnamese(client_a: Client, ward_b: Any) -> None:
    html = client_a.get(reverse("geo:list"), {"ngay": "31/12/2024"}).content.decode()
    assert "không hợp lệ; dùng dạng năm-tháng-ngày" in html


def test_a_unit_page_shows_children_validity_and_predecessors(client_a: Client, vn: Any, hcm: Any, ward_a: Any) -> None:
    old = AdministrativeUnit.objects.create(
        code="26740", name="Phường Bến Nghé", level="commune", parent=vn, valid_from=dt.date(1976, 7, 2), valid_to=REFORM
    )
    UnitCrosswalk.objects.create(predecessor=old, successor=ward_a, weight=1, effective=REFORM, note="Sáp nhập")
    html = client_a.get(reverse("geo:detail", args=[hcm.pk])).content.decode()
    assert "Phường Sài Gòn" in html and "từ 01/07/2025" in html
    html = client_a.get(reverse("geo:detail", args=[ward_a.pk])).content.decode()
    assert "Phường Bến Nghé" in html and "100%" in html and "Sáp nhập" in html
    html = client_a.get(reverse("geo:detail", args=[old.pk])).content.decode()
    assert "đến trước 01/07/2025" in html and "Phường Sài Gòn" in html


def test_an_unknown_unit_is_not_found(client_a: Client, ward_a: Any) -> None:
    assert client_a.get(reverse("geo:detail", args=[999999])).status_code == 404


def test_a_unit_page_shows_where_a_dissolved_agencys_duties_went(client_a: Client, hcm: Any) -> None:
    from ansinh.geo.models import Agency, AgencyCrosswalk

    old = Agency.objects.create(
        code="79-SLDTBXH", name="Sở Lao động - Thương binh và Xã hội", kind="department", unit=hcm,
        valid_from=dt.date(1976, 7, 2), valid_to=dt.date(2025, 3, 1),
    )
    new = Agency.objects.create(code="79-SYT", name="Sở Y tế", kind="department", unit=hcm, valid_from=REFORM)
    AgencyCrosswalk.objects.create(
        predecessor=old, successor=new, weight=0.3, effective=dt.date(2025, 3, 1), note="Bảo trợ xã hội, trẻ em"
    )
    html = client_a.get(reverse("geo:detail", args=[hcm.pk])).content.decode()
    assert "từ 01/03/2025 chuyển sang Sở Y tế (30%): Bảo trợ xã hội, trẻ em" in html
    assert "nhận từ Sở Lao động - Thương binh và Xã hội (30%" in html


def test_the_unit_pages_do_not_query_once_per_unit_or_agency(client_a: Client, hcm: Any, ward_a: Any) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from ansinh.geo.models import Agency, AgencyCrosswalk

    def queries() -> list[int]:
        counts = []
        for url in (reverse("geo:list"), reverse("geo:list") + "?q=phuong", reverse("geo:detail", args=[hcm.pk])):
            with CaptureQueriesContext(connection) as ctx:
                assert client_a.get(url).status_code == 200
            counts.append(len(ctx.captured_queries))
        return counts

    def agency(code: str, valid_to: Any = None) -> Agency:
        return Agency.objects.create(code=code, name=f"Sở {code}", kind="department", unit=hcm, valid_from=REFORM,
                                     valid_to=valid_to)

    old = agency("79-CX", dt.date(2025, 8, 1))
    AgencyCrosswalk.objects.create(predecessor=old, successor=agency("79-MX"), weight=1, effective=dt.date(2025, 8, 1))
    small = queries()
    for n in range(5):
        AdministrativeUnit.objects.create(code=f"9{n}", name=f"Tỉnh {n}", level="province", parent=hcm.parent, valid_from=REFORM)
        AdministrativeUnit.objects.create(code=f"2699{n}", name=f"Phường {n}", level="commune", parent=hcm, valid_from=REFORM)
        old = agency(f"79-C{n}", dt.date(2025, 8, 1))
        AgencyCrosswalk.objects.create(predecessor=old, successor=agency(f"79-M{n}"), weight=1, effective=dt.date(2025, 8, 1))
    assert queries() == small
