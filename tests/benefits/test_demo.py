"""The demo step: simulated beneficiaries decided by the chairman's authority, monthly payments with
failures retried or moved to cash; running it twice adds nothing."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from ansinh.benefits import demo
from ansinh.benefits.models import Decision, Dossier, PaymentLine, PaymentList
from ansinh.registry.models import Person


def test_the_demo_pays_simulated_beneficiaries_month_by_month(ward_a: Any, ward_b: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(demo, "PER_WARD", 6)
    monkeypatch.setattr(demo, "MONTHS", [dt.date(2025, 12, 1), dt.date(2026, 1, 1)])
    monkeypatch.setattr(demo, "FAIL_RATE", 0.5)
    Person.objects.bulk_create(
        Person(registry_code=f"DM{ward.code}{i}", full_name=f"Cụ {i}", name_folded=f"cu {i}", sex="nu", commune=ward, province_code="79",
               birth_date=dt.date(1940, 1, 1 + i), simulated=True)
        for ward in (ward_a, ward_b) for i in range(8)
    )
    lines: list[str] = []
    demo.load(lines.append)
    assert Decision.objects.filter(granted=True).count() == 12
    assert Decision.objects.filter(authority__decider_role="chairman").count() == 12
    assert Dossier.objects.filter(status=Dossier.Status.RECEIVED).count() == 4  # pending for the queue
    assert PaymentLine.objects.filter(status=PaymentLine.Status.PAID).values("person_id", "month").distinct().count() == 24
    assert PaymentLine.objects.filter(retry_of__isnull=False).exists()
    assert not PaymentList.objects.filter(status=PaymentList.Status.DRAFT).exists()
    assert "12 người hưởng" in lines[-1]
    from ansinh.benefits.models import BankAccount
    from ansinh.core.models import AuditEvent

    accounts = BankAccount.objects.select_related("requested_by", "decided_by", "commune")
    assert accounts.exists() and all(a.status == BankAccount.Status.APPROVED for a in accounts)
    for account in accounts:  # every account went through the four-eyes actions: two different demo officers
        assert account.requested_by is not None and account.decided_by is not None
        assert (account.requested_by.username, account.decided_by.username) == (
            f"lap_chi_tra_{account.commune.code}", f"duyet_chi_tra_{account.commune.code}")
    assert AuditEvent.objects.filter(action="benefits.account.request").count() == accounts.count()
    assert AuditEvent.objects.filter(action="benefits.account.approve").count() == accounts.count()
    demo.load(lines.append)
    assert Decision.objects.count() == 12 and "không tạo thêm" in lines[-1]
