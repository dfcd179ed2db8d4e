"""Payment lists: accounts changed only with four eyes, lists approved by a second person, bank files
with escaped cells, the provider's result reconciled only when every line is right, failed payments
retried or moved to cash, and no payment to a person recorded as deceased."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest

from ansinh.benefits.actions_payments import (
    do_approve_account,
    do_approve_list,
    do_export_list,
    do_prepare_run,
    do_reconcile,
    do_record_cash,
    do_reject_account,
    do_request_account,
    do_retry_failed,
    preview_reconciliation,
)
from ansinh.benefits.models import BankAccount, Channel, PaymentLine, PaymentList
from ansinh.core.errors import UserError
from ansinh.core.models import AuditEvent
from tests.benefits.conftest import grant, make_person

pytestmark = pytest.mark.django_db
JULY = dt.date(2025, 7, 1)


def _account(officer: Any, approver: Any, person: Any, number: str = "0123456789", channel: str = Channel.BANK) -> BankAccount:
    account = do_request_account(officer, person, channel=channel, provider="Agribank", account_number=number, reason="người hưởng đề nghị")
    return do_approve_account(approver, account, account.version)


@pytest.fixture
def bank_list(elder: Any, officer_a: Any, officer_a2: Any, ward_a: Any) -> PaymentList:
    _account(officer_a, officer_a2, elder)
    do_prepare_run(officer_a, ward_a, JULY)
    plist = PaymentList.objects.get(channel=Channel.BANK)
    return do_approve_list(officer_a2, plist, plist.version)


def _exported(plist: PaymentList, officer: Any) -> tuple[PaymentList, PaymentLine]:
    do_export_list(officer, plist, plist.version, "csv")
    plist.refresh_from_db()
    return plist, plist.lines.get()


def _result(*rows: tuple[str, ...]) -> bytes:
    text = "Mã tham chiếu,Số tài khoản,Số tiền,Kết quả,Lý do\n" + "\n".join(",".join(r) for r in rows) + "\n"
    return text.encode("utf-8")


def test_an_account_change_requested_by_one_officer_cannot_be_approved_by_the_same_officer(elder: Any, officer_a: Any, officer_a2: Any) -> None:
    account = do_request_account(officer_a, elder, channel=Channel.BANK, provider="Vietcombank", account_number="9988776655", reason="mở tài khoản mới")
    with pytest.raises(UserError, match="không được tự duyệt"):
        do_approve_account(officer_a, account, account.version)
    assert BankAccount.objects.get().status == BankAccount.Status.PENDING
    approved = do_approve_account(officer_a2, account, account.version)
    assert approved.status == BankAccount.Status.APPROVED
    assert AuditEvent.objects.filter(action="benefits.account.approve").count() == 1


def test_a_new_approved_account_replaces_the_old_one_and_only_the_approved_one_is_paid(
    elder: Any, officer_a: Any, officer_a2: Any, ward_a: Any
) -> None:
    old = _account(officer_a, officer_a2, elder, "1111111111")
    pending = do_request_account(officer_a, elder, channel=Channel.BANK, provider="ACB", account_number="2222222222", reason="đổi ngân hàng")
    do_prepare_run(officer_a, ward_a, JULY)
    assert PaymentLine.objects.get().account_number == "1111111111"
    do_approve_account(officer_a2, pending, pending.version)
    old.refresh_from_db()
    assert old.status == BankAccount.Status.REPLACED
    do_prepare_run(officer_a, ward_a, JULY)
    assert PaymentLine.objects.get().account_number == "2222222222"


def test_bad_account_requests_are_refused_in_vietnamese_and_nothing_is_stored(elder: Any, officer_a: Any, officer_b: Any) -> None:
    cases = [
        (officer_a, {"channel": Channel.BANK, "provider": "ACB", "account_number": "12ab", "reason": "x"}, "6 đến 20 chữ số"),
        (officer_a, {"channel": Channel.BANK, "provider": "", "account_number": "12345678", "reason": "x"}, "tên ngân hàng"),
        (officer_a, {"channel": "tien_mat", "reason": "x"}, "Hình thức nhận"),
        (officer_a, {"channel": Channel.BANK, "provider": "ACB", "account_number": "12345678", "reason": " "}, "lý do"),
        (officer_b, {"channel": Channel.BANK, "provider": "ACB", "account_number": "12345678", "reason": "x"}, "không có quyền"),
    ]
    for user, kwargs, message in cases:
        with pytest.raises(UserError, match=message):
            do_request_account(user, elder, **kwargs)
    account = do_request_account(officer_a, elder, channel=Channel.POST, reason="nhận tại bưu điện")
    with pytest.raises(UserError, match="lý do"):
        do_reject_account(officer_a, account, account.version, "")
    assert BankAccount.objects.count() == 1


def test_a_person_without_an_approved_account_is_paid_in_cash_at_the_commune(elder: Any, officer_a: Any, ward_a: Any) -> None:
    do_request_account(officer_a, elder, channel=Channel.BANK, provider="ACB", account_number="12345678", reason="mở tài khoản")
    result = do_prepare_run(officer_a, ward_a, JULY)
    assert result.total == 500_000
    plist = PaymentList.objects.get()
    assert plist.channel == Channel.CASH and plist.total == 500_000 and plist.lines_count == 1


def test_a_payment_list_approved_by_its_preparer_is_refused(elder: Any, officer_a: Any, officer_a2: Any, ward_a: Any) -> None:
    do_prepare_run(officer_a, ward_a, JULY)
    plist = PaymentList.objects.get()
    with pytest.raises(UserError, match="không được tự duyệt"):
        do_approve_list(officer_a, plist, plist.version)
    assert PaymentList.objects.get().status == PaymentList.Status.DRAFT
    do_approve_list(officer_a2, plist, plist.version)
    with pytest.raises(UserError, match="đã được duyệt"):
        do_prepare_run(officer_a, ward_a, JULY)


def test_an_officer_of_another_ward_can_neither_prepare_nor_approve(elder: Any, officer_a: Any, officer_b: Any, ward_a: Any) -> None:
    with pytest.raises(UserError, match="không có quyền"):
        do_prepare_run(officer_b, ward_a, JULY)
    do_prepare_run(officer_a, ward_a, JULY)
    plist = PaymentList.objects.get()
    with pytest.raises(UserError, match="không có quyền"):
        do_approve_list(officer_b, plist, plist.version)


def test_no_payment_to_a_person_recorded_as_deceased(elder: Any, officer_a: Any, officer_a2: Any, ward_a: Any) -> None:
    elder.alive, elder.death_date = False, dt.date(2025, 7, 5)
    elder.save()
    result = do_prepare_run(officer_a, ward_a, JULY)
    assert result.skipped_deceased == 1 and result.total == 0
    line = PaymentLine.objects.get()
    assert line.status == PaymentLine.Status.SKIPPED and "đã mất ngày 05/07/2025" in line.reason


def test_a_death_recorded_after_preparation_is_skipped_when_the_list_is_approved(elder: Any, officer_a: Any, officer_a2: Any, ward_a: Any) -> None:
    do_prepare_run(officer_a, ward_a, JULY)
    elder.alive = False
    elder.save()
    plist = PaymentList.objects.get()
    approved = do_approve_list(officer_a2, plist, plist.version)
    assert approved.total == 0 and PaymentLine.objects.get().status == PaymentLine.Status.SKIPPED


def test_the_bank_file_escapes_cells_that_start_like_a_formula(bank_list: PaymentList, officer_a: Any) -> None:
    from openpyxl import load_workbook

    PaymentLine.objects.update(account_name="=HYPERLINK(\"http://x\")")
    name, content, _ = do_export_list(officer_a, bank_list, bank_list.version, "csv")
    text = content.decode("utf-8-sig")
    assert name.endswith(".csv") and text.splitlines()[0] == "Số tài khoản,Tên người nhận,Số tiền,Mã tham chiếu,Ngân hàng/ví"
    assert "'=HYPERLINK" in text and ",500000," in text
    bank_list.refresh_from_db()
    _, xlsx, _ = do_export_list(officer_a, bank_list, bank_list.version, "xlsx")
    sheet = load_workbook(io.BytesIO(xlsx)).active
    assert sheet is not None and str(sheet["B2"].value).startswith("'=") and sheet["C2"].value == 500000


def test_a_draft_list_and_a_cash_list_are_not_exported(elder: Any, officer_a: Any, ward_a: Any) -> None:
    do_prepare_run(officer_a, ward_a, JULY)
    plist = PaymentList.objects.get()
    with pytest.raises(UserError, match="tiền mặt"):
        do_export_list(officer_a, plist, plist.version, "csv")


def test_a_provider_file_marks_the_line_paid(bank_list: PaymentList, officer_a: Any) -> None:
    plist, line = _exported(bank_list, officer_a)
    result = do_reconcile(officer_a, plist, plist.version, _result((line.reference, "0123456789", "500.000", "Thành công", "")), "kq.csv")
    assert result.paid_count == 1
    line.refresh_from_db()
    plist.refresh_from_db()
    assert line.status == PaymentLine.Status.PAID and plist.status == PaymentList.Status.RECONCILED


def test_every_bad_line_of_a_provider_file_is_listed_and_nothing_is_reconciled(
    bank_list: PaymentList, officer_a: Any, officer_a2: Any, ward_a: Any, ward_b: Any
) -> None:
    plist, line = _exported(bank_list, officer_a)
    other = make_person(ward_a, "BA1009", "Trần Văn Khác", dt.date(1941, 1, 1))
    grant(officer_a, other, "tro-cap-xa-hoi", "K5c", dt.date(2024, 1, 10), ["khong_luong_huu"], "19/QĐ")
    do_prepare_run(officer_a, ward_a, dt.date(2025, 8, 1))
    foreign = PaymentLine.objects.filter(month=dt.date(2025, 8, 1)).first()
    assert foreign is not None
    content = _result(
        ("TC-KHONG-CO", "0123456789", "500000", "Thành công", ""),
        (line.reference, "0123456789", "600000", "Thành công", ""),
        (line.reference, "0123456789", "500000", "Thành công", ""),
        (foreign.reference, "", "500000", "Thành công", ""),
        (line.reference + "X", "9999", "500000", "Thất bại", ""),
    )
    result = preview_reconciliation(plist, content, "kq.csv")
    text = "\n".join(result.errors)
    assert "Dòng 2: mã tham chiếu «TC-KHONG-CO» không có trong hệ thống" in text
    assert "Dòng 3: số tiền 600.000 đồng khác số tiền trong danh sách 500.000 đồng" in text
    assert "Dòng 4: trùng mã tham chiếu" in text and "với dòng 3" in text
    assert "Dòng 5: mã tham chiếu" in text and "không có trong danh sách đang đối soát" in text
    assert "Dòng 6: mã tham chiếu" in text and len(result.errors) == 5
    with pytest.raises(UserError, match="chưa đối soát dòng nào"):
        do_reconcile(officer_a, plist, plist.version, content, "kq.csv")
    line.refresh_from_db()
    assert line.status == PaymentLine.Status.EXPORTED
    duplicate = _result((line.reference, "", "500000", "Thành công", ""), (line.reference, "", "500000", "Thất bại", "sai tên"))
    assert "Dòng 3: trùng mã tham chiếu" in preview_reconciliation(plist, duplicate, "kq.csv").errors[0]
    wrong_account = _result((line.reference, "5555555555", "500000", "Thành công", ""))
    assert "người nhận này không có trong danh sách" in preview_reconciliation(plist, wrong_account, "kq.csv").errors[0]
    no_reason = _result((line.reference, "", "500000", "Thất bại", ""))
    assert "không ghi lý do" in preview_reconciliation(plist, no_reason, "kq.csv").errors[0]


@pytest.mark.parametrize(("content", "name", "message"), [
    (b"", "kq.csv", "trống"),
    (b"a,b\n1,2\n", "kq.csv", "thiếu cột"),
    (b"\xff\xfe\x00", "kq.csv", "UTF-8"),
    (b"PK\x03\x04hong", "kq.xlsx", "XLSX"),
    (b"x", "kq.pdf", ".csv hoặc .xlsx"),
])
def test_an_unreadable_provider_file_is_refused_in_vietnamese(bank_list: PaymentList, officer_a: Any, content: bytes, name: str, message: str) -> None:
    plist, line = _exported(bank_list, officer_a)
    with pytest.raises(UserError, match=message):
        do_reconcile(officer_a, plist, plist.version, content, name)
    line.refresh_from_db()
    assert line.status == PaymentLine.Status.EXPORTED


def test_a_failed_payment_is_moved_to_a_cash_list_that_a_second_person_approves_and_signs(
    bank_list: PaymentList, officer_a: Any, officer_a2: Any
) -> None:
    plist, line = _exported(bank_list, officer_a)
    do_reconcile(officer_a, plist, plist.version, _result((line.reference, "", "500000", "Thất bại", "Tài khoản bị khóa")), "kq.csv")
    line.refresh_from_db()
    assert line.status == PaymentLine.Status.FAILED and line.reason == "Tài khoản bị khóa"
    plist.refresh_from_db()
    cash = do_retry_failed(officer_a, plist, plist.version, to_cash=True)
    assert cash.channel == Channel.CASH and cash.total == 500_000 and cash.status == PaymentList.Status.DRAFT
    line.refresh_from_db()
    assert line.status == PaymentLine.Status.TO_CASH
    with pytest.raises(UserError, match="không được tự duyệt"):
        do_approve_list(officer_a, cash, cash.version)
    cash = do_approve_list(officer_a2, cash, cash.version)
    new_line = cash.lines.get()
    assert new_line.retry_of_id == line.pk
    assert do_record_cash(officer_a, cash, cash.version, [new_line.pk], dt.date(2025, 7, 20)) == 1


def test_a_failed_payment_can_be_retried_on_the_same_channel(bank_list: PaymentList, officer_a: Any) -> None:
    plist, line = _exported(bank_list, officer_a)
    do_reconcile(officer_a, plist, plist.version, _result((line.reference, "", "500000", "thất bại", "Sai tên")), "kq.xlsx.csv")
    plist.refresh_from_db()
    retry = do_retry_failed(officer_a, plist, plist.version, to_cash=False)
    assert retry.channel == Channel.BANK and retry.sequence == 2 and retry.lines.get().reference != line.reference


def test_a_stale_version_is_refused(bank_list: PaymentList, officer_a: Any) -> None:
    with pytest.raises(UserError, match="người khác thay đổi"):
        do_export_list(officer_a, bank_list, bank_list.version - 1, "csv")


def test_the_cashless_share_counts_both_ways_and_feeds_the_registry_sources(
    bank_list: PaymentList, officer_a: Any, officer_a2: Any, ward_a: Any, hcm: Any, django_assert_max_num_queries: Any
) -> None:
    from ansinh.benefits import cashless
    from ansinh.reporting.sources import compute

    second = make_person(ward_a, "BA1010", "Đỗ Thị Mặt", dt.date(1939, 2, 2))
    grant(officer_a, second, "tro-cap-xa-hoi", "K5c", dt.date(2024, 1, 10), ["khong_luong_huu"], "20/QĐ")
    PaymentList.objects.filter(month=JULY).delete()
    do_prepare_run(officer_a, ward_a, JULY)
    for plist in PaymentList.objects.filter(month=JULY):
        do_approve_list(officer_a2, plist, plist.version)
    bank = PaymentList.objects.get(month=JULY, channel=Channel.BANK)
    bank, line = _exported(bank, officer_a)
    do_reconcile(officer_a, bank, bank.version, _result((line.reference, "", "500000", "Thành công", "")), "kq.csv")
    cash = PaymentList.objects.get(month=JULY, channel=Channel.CASH)
    do_record_cash(officer_a, cash, cash.version, list(cash.lines.values_list("pk", flat=True)), dt.date(2025, 7, 15))
    (share,) = cashless.by_commune([ward_a.pk], JULY)
    assert (share.beneficiaries_cashless, share.beneficiaries, share.payments_cashless, share.payments) == (1, 2, 1, 2)
    with django_assert_max_num_queries(3):
        result = compute("benefits.cashless_beneficiaries_rate", hcm, dt.date(2025, 7, 31))
    assert result is not None and result.value == 50 and "người nhận qua tài khoản" in result.note
    assert "07/2025" in result.note
    assert [p.full_name for p in cashless.without_account([ward_a.pk], JULY)] == ["Đỗ Thị Mặt"]
    assert compute("benefits.cashless_payments_rate", ward_a, dt.date(2025, 6, 30)) is None


def test_a_run_over_every_commune_leaves_an_approved_month_and_its_retry_list_alone(bank_list: PaymentList, officer_a: Any) -> None:
    from ansinh.benefits.payrun import run_month

    plist, line = _exported(bank_list, officer_a)
    do_reconcile(officer_a, plist, plist.version, _result((line.reference, "", "500000", "Thất bại", "Sai số tài khoản")), "kq.csv")
    plist.refresh_from_db()
    retry = do_retry_failed(officer_a, plist, plist.version, to_cash=True)
    result = run_month(JULY)
    assert result.refused_communes == [plist.commune_id] and result.lines == 0
    assert PaymentList.objects.filter(pk=retry.pk).exists() and retry.lines.count() == 1


def test_two_persons_are_not_merged_while_a_payment_of_one_is_in_flight(elder: Any, officer_a: Any, officer_a2: Any, ward_a: Any) -> None:
    from ansinh.benefits.guards import open_payment_guard

    twin = make_person(ward_a, "BA1011", "Nguyễn Văn Thọ", dt.date(1940, 5, 1))
    assert open_payment_guard([elder.pk, twin.pk]) is None
    pending = do_request_account(officer_a, twin, channel=Channel.POST, reason="nhận ở bưu điện")
    assert "đề nghị đổi tài khoản" in (open_payment_guard([elder.pk, twin.pk]) or "")
    do_reject_account(officer_a2, pending, pending.version, "thiếu giấy tờ")
    do_prepare_run(officer_a, ward_a, JULY)
    message = open_payment_guard([elder.pk, twin.pk]) or ""
    assert "Không gộp được: Nguyễn Văn Thọ" in message and "tháng 07/2025" in message
    plist = do_approve_list(officer_a2, PaymentList.objects.get(), 1)
    do_record_cash(officer_a, plist, plist.version, list(plist.lines.values_list("pk", flat=True)), dt.date(2025, 7, 10))
    assert open_payment_guard([elder.pk, twin.pk]) is None


def test_the_guard_is_registered_where_the_registry_offers_merge_guards() -> None:
    guards = pytest.importorskip("ansinh.registry.dedup.guards", reason="sổ hộ chưa có cơ chế chặn gộp nhân khẩu")
    from ansinh.benefits.guards import open_payment_guard

    assert open_payment_guard in guards.merge_guards()
