"""The cashless dashboard: both shares by month (charted, no script) and by commune; supervisors see it;
its queries do not grow with the communes."""

from __future__ import annotations

import datetime as dt
from typing import Any

import time_machine
from django.test import Client

from ansinh.benefits.actions_payments import (
    do_approve_account,
    do_approve_list,
    do_export_list,
    do_prepare_run,
    do_reconcile,
    do_record_cash,
    do_request_account,
)
from ansinh.benefits.models import Channel, PaymentList
from tests.benefits.conftest import grant, make_person

JULY = dt.date(2025, 7, 1)


@time_machine.travel("2025-07-20 09:00 +0700")
def test_the_dashboard_shows_half_the_beneficiaries_paid_through_an_account(
    client: Client, elder: Any, officer_a: Any, officer_a2: Any, supervisor: Any, ward_a: Any, ward_b: Any,
    django_assert_max_num_queries: Any,
) -> None:
    other = make_person(ward_a, "BA1002", "Trần Văn Tiền", dt.date(1938, 2, 2))
    grant(officer_a, other, "tro-cap-xa-hoi", "K5c", dt.date(2024, 1, 10), ["khong_luong_huu"], "12/QĐ")
    account = do_request_account(officer_a, elder, channel=Channel.BANK, provider="Agribank", account_number="0123456789", reason="mở tài khoản")
    do_approve_account(officer_a2, account, account.version)
    do_prepare_run(officer_a, ward_a, JULY)
    for plist in PaymentList.objects.all():
        do_approve_list(officer_a2, plist, plist.version)
    bank = PaymentList.objects.get(channel=Channel.BANK)
    do_export_list(officer_a, bank, bank.version, "csv")
    bank.refresh_from_db()
    ref = bank.lines.get().reference
    do_reconcile(officer_a, bank, bank.version, f"Mã tham chiếu,Số tài khoản,Số tiền,Kết quả,Lý do\n{ref},0123456789,500000,thành công,\n".encode(), "kq.csv")
    cash = PaymentList.objects.get(channel=Channel.CASH)
    do_record_cash(officer_a, cash, cash.version, list(cash.lines.values_list("pk", flat=True)), dt.date(2025, 7, 15))
    client.force_login(supervisor)
    with django_assert_max_num_queries(14):
        page = client.get("/tro-cap/khong-tien-mat/?nam=2025").content.decode()
    assert '<svg class="chart"' in page and "<script" not in page and "tháng 7: 50%" in page
    assert "50% (1/2)" in page and ward_a.name in page and ward_b.name in page
    assert "người nhận qua tài khoản ÷ tổng số người hưởng" in page
