"""The report page builds and downloads the DOCX, annex or PDF within the user's scope."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.test import Client
from docx import Document

from ansinh.core.models import AuditEvent
from tests.reports.report_fixtures import Fixture

pytestmark = pytest.mark.django_db


def url(fx: Fixture, year: int = 2025) -> str:
    return f"/bao-cao/ke-hoach/{fx.plan.pk}/bao-cao/{year}/"


def test_an_anonymous_visitor_is_sent_to_the_login_page(client: Client, report_plan: Fixture) -> None:
    response = client.get(url(report_plan))
    assert response.status_code == 302 and "/dang-nhap/" in response["Location"]


def test_the_page_offers_kinds_units_and_formats(client: Client, hcm_standing: Any, report_plan: Fixture) -> None:
    client.force_login(hcm_standing)
    html = client.get(url(report_plan)).content.decode()
    assert "Lập báo cáo tổng hợp năm 2025" in html and "Báo cáo sơ kết" in html
    assert 'data-unit-search="/don-vi/tim/?pham-vi=duoc-xem"' in html  # a searchable picker, not a truncated list
    assert f"/bao-cao/ke-hoach/{report_plan.plan.pk}/bao-cao/2024/" in html and "Đối chiếu với kế hoạch cấp trên" in html


def test_the_standing_agency_downloads_the_docx(client: Client, hcm_standing: Any, report_plan: Fixture) -> None:
    client.force_login(hcm_standing)
    response = client.post(url(report_plan), {"kind": "annual", "format": "docx"})
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith(f'bao-cao-ke-hoach-{report_plan.plan.pk}-2025.docx"')
    doc = Document(io.BytesIO(response.content))
    assert "Nơi nhận:" in doc.tables[-1].cell(0, 0).text
    event = AuditEvent.objects.get(action="reports.build")
    assert event.actor == hcm_standing


def test_the_annex_downloads_as_xlsx(client: Client, hcm_standing: Any, report_plan: Fixture) -> None:
    client.force_login(hcm_standing)
    response = client.post(url(report_plan), {"kind": "annual", "format": "xlsx"})
    assert response.status_code == 200 and response.content[:2] == b"PK"
    assert response["Content-Type"].endswith("spreadsheetml.sheet")


def test_a_commune_officer_may_build_their_own_commune_report_only(
    client: Client, officer_a: Any, report_plan: Fixture
) -> None:
    client.force_login(officer_a)
    assert client.post(url(report_plan), {"kind": "annual", "format": "docx"}).status_code == 403
    assert client.post(url(report_plan), {"kind": "annual", "format": "docx", "unit": "26740"}).status_code == 200
    response = client.post(url(report_plan), {"kind": "annual", "format": "docx", "unit": "26743"})
    assert response.status_code == 400 and "trong phạm vi bạn được xem" in response.content.decode()


def test_bad_choices_are_refused_in_vietnamese(client: Client, hcm_standing: Any, report_plan: Fixture) -> None:
    client.force_login(hcm_standing)
    response = client.post(url(report_plan), {"kind": "hang-thang", "format": "exe"})
    html = response.content.decode()
    assert response.status_code == 400 and "Loại báo cáo không hợp lệ" in html and "Định dạng tệp không hợp lệ" in html
    response = client.post(url(report_plan, 2040), {"kind": "annual", "format": "docx"})
    assert response.status_code == 400 and "không có kỳ báo cáo năm 2040" in response.content.decode()
    assert not AuditEvent.objects.filter(action="reports.build").exists()


def test_an_unknown_plan_is_not_found(client: Client, hcm_standing: Any, report_plan: Fixture) -> None:
    client.force_login(hcm_standing)
    assert client.get("/bao-cao/ke-hoach/99999/bao-cao/2025/").status_code == 404



def test_a_year_out_of_range_or_a_unit_out_of_scope_is_refused_in_vietnamese(
    client: Client, officer_a: Any, report_plan: Fixture, hanoi_ward: Any
) -> None:
    client.force_login(officer_a)
    response = client.get(url(report_plan, 3000))
    assert response.status_code == 404 and "Năm kỳ báo cáo không hợp lệ" in response.content.decode()
    response = client.post(url(report_plan), {"kind": "annual", "format": "docx", "unit": hanoi_ward.code})
    html = response.content.decode()
    assert response.status_code == 400 and f"Không có đơn vị mã «{hanoi_ward.code}» trong phạm vi bạn được xem" in html
    assert not AuditEvent.objects.filter(action="reports.build").exists()
