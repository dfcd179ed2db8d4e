"""Benefits in a real browser: a ward officer takes an elderly woman's application for the social
pension from her registry page, attaches the form and submits it; the commune chairman decides it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from ansinh.benefits.models import Decision, Dossier
from tests.browser.conftest import log_in
from tests.conftest import PASSWORD, _officer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def applicant(ward_a: Any) -> Any:
    from ansinh.benefits.programmes import load_programmes
    from ansinh.registry.models import Person

    load_programmes()
    return Person.objects.create(
        registry_code="BA0777", full_name="Lê Thị Bảy", name_folded="le thi bay", sex="nu", commune=ward_a,
        province_code="79", birth_date=dt.date(1945, 4, 2),
    )


def application_to_decision(page: Any, live_server: Any, tmp_path: Path, applicant: Any) -> Dossier:
    """The first half, shared: application (officer_a) → decision (chairman_a)."""
    form = tmp_path / "to-khai-mau-01.pdf"
    form.write_bytes(PDF)
    log_in(page, live_server, "officer_a", PASSWORD)
    page.goto(f"{live_server.url}/so-ho/nhan-khau/{applicant.registry_code}/")
    page.get_by_role("link", name="Lập hồ sơ đề nghị hưởng trợ cấp").click()
    assert page.locator("#id_person").input_value() == applicant.registry_code
    page.select_option("#id_programme", "huu-tri-xa-hoi")
    page.get_by_role("button", name="Tiếp nhận hồ sơ").click()
    assert "Đã tiếp nhận hồ sơ của Lê Thị Bảy" in page.content()
    assert "còn thiếu" in page.content() and "10 ngày làm việc" in page.content()
    page.get_by_role("button", name="Trình hồ sơ").click()  # too early: the form is missing
    assert "còn thiếu giấy tờ bắt buộc" in page.get_by_role("alert").first.inner_text()
    page.set_input_files("#id_dinh_kem-file", str(form))
    page.get_by_role("button", name="Đính kèm").click()
    assert "Đã đính kèm tệp." in page.content()
    page.select_option("#id_giao-officer", label="Phạm Văn Sài")
    page.get_by_role("button", name="Giao hồ sơ").click()
    page.get_by_role("button", name="Trình hồ sơ").click()
    assert page.locator("#trang-thai").inner_text() == "Đã trình người có thẩm quyền"
    assert page.get_by_role("button", name="Ghi quyết định").count() == 0  # the officer does not sign
    url = page.url
    page.context.clear_cookies()

    log_in(page, live_server, "chairman_a", PASSWORD)
    page.goto(url)
    page.get_by_role("radio", name="Cho hưởng", exact=True).check()
    page.select_option("#id_quyet_dinh-category", "HTXH-75")
    page.fill("#id_quyet_dinh-number", "25/QĐ-UBND")
    page.get_by_role("button", name="Ghi quyết định").click()
    assert "Đã ghi quyết định 25/QĐ-UBND" in page.content()
    assert "Đúng hạn." in page.locator("#quyet-dinh").inner_text()
    decision = Decision.objects.get()
    assert decision.granted and decision.authority is not None and decision.authority.decider_role == "chairman"
    return Dossier.objects.get()


def test_a_person_is_taken_from_application_to_the_chairmans_decision(
    page: Any, live_server: Any, tmp_path: Path, settings: Any, ward_a: Any, officer_a: Any, applicant: Any,
    django_user_model: Any,
) -> None:
    settings.MEDIA_ROOT = tmp_path
    _officer(django_user_model, "chairman_a", "Trần Văn Chủ Tịch", "chairman", ward_a)
    dossier = application_to_decision(page, live_server, tmp_path, applicant)
    assert dossier.status == Dossier.Status.DECIDED and dossier.officer == officer_a
    page.get_by_role("link", name="Trợ cấp của người này").click()
    assert "500.000" in page.locator("#giai-thich").inner_text()
