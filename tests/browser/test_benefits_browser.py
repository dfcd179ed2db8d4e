"""Benefits in a real browser: a ward officer takes an elderly woman's application for the social
pension from her registry page, attaches the form and submits it; the commune chairman decides it;
her bank account is changed with four eyes, the month's list prepared, approved by a second officer,
exported, marked paid from the provider's file, and counted in the cashless share — on the benefits
dashboard and, through the registry source, on a plan's dashboard."""

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
    with page.expect_navigation():  # the answer page, not the one being left
        page.get_by_role("button", name="Tiếp nhận hồ sơ").click()
    assert "Đã tiếp nhận hồ sơ của Lê Thị Bảy" in page.content()
    assert "còn thiếu" in page.content() and "10 ngày làm việc" in page.content()
    page.get_by_role("button", name="Trình hồ sơ").click()  # too early: the form is missing
    assert "còn thiếu giấy tờ bắt buộc" in page.get_by_role("alert").first.inner_text()
    page.set_input_files("#id_dinh_kem-file", str(form))
    with page.expect_navigation():  # the answer page, not the one being left
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
    with page.expect_navigation():  # the answer page, not the one being left
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


def test_a_person_goes_from_application_to_a_payment_counted_in_the_cashless_share_of_a_plan(
    page: Any, live_server: Any, tmp_path: Path, settings: Any, ward_a: Any, ward_b: Any, officer_a: Any, applicant: Any,
    django_user_model: Any,
) -> None:
    from django.utils import timezone

    from ansinh.benefits.models import PaymentLine
    from ansinh.reporting.actions import (
        do_approve,
        do_link_target,
        do_open_submission,
        do_save_values,
        do_submit,
    )
    from ansinh.reporting.models import SourceProposal
    from tests.reporting.factories import annual_cycle, catalogue, make_plan, make_target

    settings.MEDIA_ROOT = tmp_path
    _officer(django_user_model, "chairman_a", "Trần Văn Chủ Tịch", "chairman", ward_a)
    _officer(django_user_model, "officer_a2", "Võ Thị Duyệt", "commune", ward_a)
    application_to_decision(page, live_server, tmp_path, applicant)
    month = timezone.localdate().replace(day=1)
    page.context.clear_cookies()

    log_in(page, live_server, "officer_a", PASSWORD)  # the account: requested by one officer…
    page.goto(f"{live_server.url}/chi-tra/tai-khoan/de-nghi/{applicant.registry_code}/")
    page.fill("#provider", "Agribank")
    page.fill("#account_number", "1903456789")
    page.fill("#reason", "Bà Bảy mở tài khoản để nhận trợ cấp")
    page.get_by_role("button", name="Gửi đề nghị (cần cán bộ khác duyệt)").click()
    page.context.clear_cookies()
    log_in(page, live_server, "officer_a2", PASSWORD)  # …approved by another
    page.goto(f"{live_server.url}/chi-tra/tai-khoan/")
    with page.expect_navigation():  # the answer page, not the one being left
        page.get_by_role("button", name="Duyệt", exact=True).click()
    assert "Đã duyệt tài khoản" in page.content()
    page.context.clear_cookies()

    log_in(page, live_server, "officer_a", PASSWORD)  # the month's list, prepared by officer_a
    page.goto(f"{live_server.url}/chi-tra/xa/{ward_a.code}/{month:%Y-%m}/")
    page.get_by_role("button", name="Tính mức hưởng và lập danh sách chi trả").click()
    list_url = page.locator("table a").first.get_attribute("href")
    page.context.clear_cookies()
    log_in(page, live_server, "officer_a2", PASSWORD)  # approved by officer_a2
    page.goto(f"{live_server.url}{list_url}")
    with page.expect_navigation():  # the answer page, not the one being left
        page.get_by_role("button", name="Duyệt danh sách").click()
    assert "Đã duyệt danh sách chi trả." in page.content()
    page.context.clear_cookies()

    log_in(page, live_server, "officer_a", PASSWORD)  # exported, then the provider's result file
    page.goto(f"{live_server.url}{list_url}")
    with page.expect_download() as download:
        page.get_by_role("button", name="Xuất tệp").click()
    exported = Path(download.value.path()).read_text(encoding="utf-8-sig").splitlines()
    assert exported[0] == "Số tài khoản,Tên người nhận,Số tiền,Mã tham chiếu,Ngân hàng/ví"
    account, _, amount, reference, _ = exported[1].split(",")
    assert (account, amount) == ("1903456789", "500000")
    result = tmp_path / "ket-qua-agribank.csv"
    result.write_text(f"Mã tham chiếu,Số tài khoản,Số tiền,Kết quả,Lý do\n{reference},{account},{amount},thành công,\n", encoding="utf-8")
    page.goto(f"{live_server.url}{list_url}")
    page.set_input_files("#file", str(result))
    with page.expect_navigation():  # the answer page, not the one being left
        page.get_by_role("button", name="Xem trước đối soát").click()
    assert "1 dòng đã chi, 0 dòng không thành công" in page.content()
    page.get_by_role("button", name="Xác nhận đối soát").click()
    assert PaymentLine.objects.get().status == PaymentLine.Status.PAID

    page.goto(f"{live_server.url}/tro-cap/nguoi/{applicant.registry_code}/")
    assert "Đã chi trả" in page.locator("#chi-tra").inner_text() and "500.000" in page.locator("#muc-huong").inner_text()
    page.goto(f"{live_server.url}/tro-cap/khong-tien-mat/?unit={ward_a.code}&nam={month.year}&thang={month.month}")
    assert "100% (1/1)" in page.locator("#theo-xa").inner_text()

    # The plan's target "over 70% paid without cash": the ward's report proposes the figure from the payments,
    # the officer keeps it, the report is approved, and the plan's dashboard shows it.
    plan = make_plan()
    target = make_target(plan, "Tỷ lệ đối tượng hưởng chính sách xã hội được chi trả không dùng tiền mặt", 70, year=2027,
                         comparator=">", milestones={month.year: 60})
    do_link_target(None, target, catalogue()["CASHLESS_BENEFITS"])
    submission = do_open_submission(None, annual_cycle(plan, month.year), ward_a)
    proposal = SourceProposal.objects.get(submission=submission, indicator__code="CASHLESS_BENEFITS")
    assert (proposal.numerator, proposal.denominator) == (1, 1)
    do_save_values(officer_a, submission, [{"indicator": "CASHLESS_BENEFITS", "numerator": 1, "denominator": 1, "status": "final"}])
    do_submit(officer_a, submission)
    do_approve(None, submission)
    page.goto(f"{live_server.url}/bao-cao/bang-dieu-khien/{plan.pk}/?unit={ward_a.code}")
    card = page.locator("article", has_text="không dùng tiền mặt").first
    assert "100" in card.inner_text()
