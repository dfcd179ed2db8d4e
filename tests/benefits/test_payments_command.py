"""``ansinh benefits run | approve | export | reconcile | recompute`` on ward_a's month, and their refusals."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from ansinh.benefits.models import PaymentLine, PaymentList
from tests.commands import run_command

pytestmark = pytest.mark.django_db


def test_a_month_is_run_approved_by_another_officer_exported_and_reconciled_from_the_command_line(
    elder: Any, officer_a: Any, officer_a2: Any, tmp_path: Path
) -> None:
    from ansinh.benefits.actions_payments import do_approve_account, do_request_account

    account = do_request_account(officer_a, elder, channel="tai_khoan", provider="BIDV", account_number="123456789", reason="mở mới")
    do_approve_account(officer_a2, account, account.version)
    code, out, err = run_command("benefits", "run", "--commune", "26740", "--month", "2025-07", "--user", "officer_a")
    assert code == 0, err
    assert "1 người trong 1 danh sách, tổng 500.000 đồng" in out
    plist = PaymentList.objects.get()
    code, _, err = run_command("benefits", "approve", "--list", str(plist.pk), "--user", "officer_a")
    assert code == 1 and "không được tự duyệt" in err
    code, out, _ = run_command("benefits", "approve", "--list", str(plist.pk), "--user", "officer_a2")
    assert code == 0 and "Đã duyệt" in out
    target = tmp_path / "chi.xlsx"
    code, out, err = run_command("benefits", "export", "--list", str(plist.pk), "--format", "xlsx", "--output", str(target), "--user", "officer_a")
    assert code == 0, err
    assert target.read_bytes()[:2] == b"PK"
    line = PaymentLine.objects.get()
    result = tmp_path / "kq.csv"
    result.write_text(f"Mã tham chiếu,Số tài khoản,Số tiền,Kết quả,Lý do\n{line.reference},123456789,500000,Thành công,\n", encoding="utf-8")
    code, out, _ = run_command("benefits", "reconcile", str(result), "--list", str(plist.pk), "--xem-truoc")
    assert code == 0 and "chưa ghi" in out and PaymentLine.objects.get().status == PaymentLine.Status.EXPORTED
    code, out, _ = run_command("benefits", "reconcile", str(result), "--list", str(plist.pk), "--user", "officer_a")
    assert code == 0 and "1 đã chi" in out and PaymentLine.objects.get().status == PaymentLine.Status.PAID


@pytest.mark.parametrize(("args", "message"), [
    (["run", "--commune", "99999", "--month", "2025-07"], "Không có xã, phường mã «99999»"),
    (["run", "--commune", "26740", "--month", "2025-13"], "không hợp lệ"),
    (["run", "--commune", "26740", "--month", "2025-07", "--user", "khong-co"], "Không có người dùng"),
    (["approve", "--list", "999", "--user", "officer_a"], "Không có danh sách chi trả số 999"),
    (["recompute", "--commune", "26740", "--from", "2025-07", "--to", "2025-01"], "trước tháng bắt đầu"),
    (["reconcile", "/khong/co.csv", "--list", "1"], "Không có danh sách chi trả số 1"),
])
def test_bad_command_input_is_refused_in_vietnamese(elder: Any, officer_a: Any, args: list[str], message: str) -> None:
    code, _, err = run_command("benefits", *args)
    assert code == 1 and message in err
    assert not PaymentList.objects.exists()


def test_recompute_from_the_command_line_reports_nothing_when_nothing_changed(elder: Any, officer_a: Any) -> None:
    run_command("benefits", "run", "--commune", "26740", "--month", "2025-07", "--user", "officer_a")
    code, out, _ = run_command("benefits", "recompute", "--commune", "26740", "--from", "2025-07", "--user", "officer_a")
    assert code == 0 and "0 khoản chênh lệch" in out
    assert dt.date(2025, 7, 1) == PaymentList.objects.get().month
