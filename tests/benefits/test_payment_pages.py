"""The monthly-run pages: ``officer_a`` prepares, exports and reconciles; ``officer_a2`` approves;
``officer_b`` (another ward) sees nothing. Reads of persons are logged; the list page's queries do
not grow with its lines."""

from __future__ import annotations

import base64
import datetime as dt
from typing import Any

import pytest
from django.test import Client

from ansinh.benefits.models import BankAccount, PaymentLine, PaymentList
from ansinh.registry.models_privacy import PersonAccess
from tests.benefits.conftest import grant, make_person

pytestmark = pytest.mark.django_db
RUN = "/chi-tra/xa/26740/2025-07/"


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_month_goes_from_preparation_to_a_paid_line_through_the_pages(elder: Any, officer_a: Any, officer_a2: Any) -> None:
    a, a2 = _client(officer_a), _client(officer_a2)
    response = a.post(f"/chi-tra/tai-khoan/de-nghi/{elder.registry_code}/", {
        "channel": "tai_khoan", "provider": "Agribank", "account_number": "0123 4567 89", "reason": "người hưởng đề nghị"})
    assert response.status_code == 302
    account = BankAccount.objects.get()
    page = a.get("/chi-tra/tai-khoan/").content.decode()
    assert "cần người khác duyệt" in page
    a2.post(f"/chi-tra/tai-khoan/{account.pk}/duyet/", {"version": account.version})
    assert BankAccount.objects.get().status == BankAccount.Status.APPROVED
    a.post(RUN + "lap/")
    plist = PaymentList.objects.get()
    page = a.get(f"/chi-tra/danh-sach/{plist.pk}/").content.decode()
    assert "không được tự duyệt" in page and "Nguyễn Văn Thọ" in page
    a2.post(f"/chi-tra/danh-sach/{plist.pk}/duyet/", {"version": plist.version})
    plist.refresh_from_db()
    assert plist.status == PaymentList.Status.APPROVED
    response = a.post(f"/chi-tra/danh-sach/{plist.pk}/xuat/", {"version": plist.version, "format": "csv"})
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    assert "0123456789" in response.content.decode("utf-8-sig")
    line = PaymentLine.objects.get()
    plist.refresh_from_db()
    body = f"Mã tham chiếu,Số tài khoản,Số tiền,Kết quả,Lý do\n{line.reference},0123456789,500000,Thành công,\n".encode()
    from django.core.files.uploadedfile import SimpleUploadedFile

    preview = a.post(f"/chi-tra/danh-sach/{plist.pk}/doi-soat/", {"version": plist.version, "file": SimpleUploadedFile("kq.csv", body)})
    assert "Xác nhận đối soát" in preview.content.decode()
    assert PaymentLine.objects.get().status == PaymentLine.Status.EXPORTED
    a.post(f"/chi-tra/danh-sach/{plist.pk}/doi-soat/", {
        "version": plist.version, "content": base64.b64encode(body).decode(), "filename": "kq.csv", "confirm": "1"})
    assert PaymentLine.objects.get().status == PaymentLine.Status.PAID
    page = a.get(RUN).content.decode()
    assert "1 / 1 = 100%" in page


def test_a_bad_provider_file_shows_every_bad_line_and_reconciles_nothing(elder: Any, officer_a: Any, officer_a2: Any) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from ansinh.benefits.actions_payments import (
        do_approve_account,
        do_approve_list,
        do_export_list,
        do_prepare_run,
        do_request_account,
    )

    account = do_request_account(officer_a, elder, channel="vi_dien_tu", provider="MoMo", account_number="0901234567", reason="mở ví")
    do_approve_account(officer_a2, account, account.version)
    do_prepare_run(officer_a, elder.commune, dt.date(2025, 7, 1))
    plist = do_approve_list(officer_a2, PaymentList.objects.get(), 1)
    do_export_list(officer_a, plist, plist.version, "csv")
    plist.refresh_from_db()
    body = "Mã tham chiếu,Số tài khoản,Số tiền,Kết quả,Lý do\nXYZ,1,500000,Thành công,\n".encode()
    page = _client(officer_a).post(f"/chi-tra/danh-sach/{plist.pk}/doi-soat/", {"version": plist.version, "file": SimpleUploadedFile("kq.csv", body)})
    text = page.content.decode()
    assert "chưa đối soát dòng nào" in text and "Dòng 2: mã tham chiếu «XYZ» không có trong hệ thống" in text
    assert "Xác nhận đối soát" not in text


def test_an_officer_of_another_ward_sees_neither_the_run_nor_its_lists(elder: Any, officer_a: Any, officer_b: Any) -> None:
    _client(officer_a).post(RUN + "lap/")
    plist = PaymentList.objects.get()
    b = _client(officer_b)
    assert b.get(RUN).status_code == 404
    assert b.get(f"/chi-tra/danh-sach/{plist.pk}/").status_code == 404
    assert b.post(f"/chi-tra/danh-sach/{plist.pk}/duyet/", {"version": plist.version}).status_code == 404
    assert PaymentList.objects.get().status == PaymentList.Status.DRAFT


def test_the_list_page_takes_the_same_queries_for_a_few_or_many_lines(
    elder: Any, officer_a: Any, ward_a: Any, django_assert_max_num_queries: Any
) -> None:
    client = _client(officer_a)
    client.post(RUN + "lap/")
    plist = PaymentList.objects.get()
    with django_assert_max_num_queries(14):
        client.get(f"/chi-tra/danh-sach/{plist.pk}/")
    for i in range(8):
        person = make_person(ward_a, f"BA3{i:03d}", f"Người hưởng {i}", dt.date(1935, 1, 1))
        grant(officer_a, person, "tro-cap-xa-hoi", "K5c", dt.date(2024, 1, 10), ["khong_luong_huu"], f"3{i}/QĐ")
    client.post(RUN + "lap/")
    plist = PaymentList.objects.get()
    with django_assert_max_num_queries(14):
        page = client.get(f"/chi-tra/danh-sach/{plist.pk}/")
    assert page.content.decode().count("Người hưởng ") == 8


def test_the_cash_list_prints_with_a_signature_column_and_the_outreach_list_is_logged(elder: Any, officer_a: Any, officer_a2: Any) -> None:
    from ansinh.benefits.actions_payments import do_approve_list

    a = _client(officer_a)
    a.post(RUN + "lap/")
    plist = do_approve_list(officer_a2, PaymentList.objects.get(), 1)
    sheet = a.get(f"/chi-tra/danh-sach/{plist.pk}/ky-nhan/").content.decode()
    assert "DANH SÁCH KÝ NHẬN" in sheet and "Ký nhận" in sheet and "Nguyễn Văn Thọ" in sheet
    before = PersonAccess.objects.count()
    outreach = a.get(RUN + "chua-co-tai-khoan/").content.decode()
    assert "Nguyễn Văn Thọ" in outreach
    assert PersonAccess.objects.count() == before + 1
    assert PersonAccess.objects.latest("id").purpose == "Vận động mở tài khoản nhận trợ cấp"


def test_the_province_standing_officer_reads_the_list_with_masked_account_numbers_and_cannot_approve(
    elder: Any, officer_a: Any, officer_a2: Any, hcm_standing: Any
) -> None:
    from ansinh.benefits.actions_payments import do_approve_account, do_request_account

    account = do_request_account(officer_a, elder, channel="tai_khoan", provider="BIDV", account_number="9876543210", reason="mở mới")
    do_approve_account(officer_a2, account, account.version)
    _client(officer_a).post(RUN + "lap/")
    plist = PaymentList.objects.get()
    standing = _client(hcm_standing)
    page = standing.get(f"/chi-tra/danh-sach/{plist.pk}/").content.decode()
    assert "••••••3210" in page and "9876543210" not in page
    standing.post(f"/chi-tra/danh-sach/{plist.pk}/duyet/", {"version": plist.version})
    assert PaymentList.objects.get().status == PaymentList.Status.DRAFT
    assert "9876543210" in _client(officer_a2).get(f"/chi-tra/danh-sach/{plist.pk}/").content.decode()
