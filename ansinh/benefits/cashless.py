"""The cashless share, per commune and month, both ways (vn-rules §2.6, registry-2026 §1.6):

- **beneficiaries** (the samples' target, Chỉ thị 21/CT-TTg): persons paid through an account (bank
  account or e-wallet) in the month ÷ all persons with something to pay that month (persons recorded
  as deceased and skipped are not counted);
- **payments**: payments made through an account ÷ all payments made (paid lines, any channel).

A person whose bank payment failed and who was then paid in cash counts once, as paid in cash.
``without_account`` lists the month's beneficiaries with no approved account, for outreach.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet

from ansinh.benefits.models import BankAccount, PaymentLine
from ansinh.benefits.models_payments import CASHLESS
from ansinh.registry.models import Person

BENEFICIARIES_LABEL = "Tỷ lệ người hưởng nhận qua tài khoản (người nhận qua tài khoản ÷ tổng số người hưởng)"
PAYMENTS_LABEL = "Tỷ lệ lượt chi trả qua tài khoản (lượt chi qua tài khoản ÷ tổng số lượt đã chi)"


@dataclass(frozen=True)
class Share:
    commune_id: int | None
    month: dt.date
    beneficiaries: int
    beneficiaries_cashless: int
    payments: int
    payments_cashless: int

    @property
    def beneficiaries_rate(self) -> float | None:
        return self.beneficiaries_cashless / self.beneficiaries * 100 if self.beneficiaries else None

    @property
    def payments_rate(self) -> float | None:
        return self.payments_cashless / self.payments * 100 if self.payments else None


_COUNTED = ~Q(status=PaymentLine.Status.SKIPPED)
_PAID = Q(status=PaymentLine.Status.PAID)
_CASHLESS = Q(channel__in=CASHLESS)


def _figures(qs: Any) -> Any:
    return qs.annotate(
        b=Count("person_id", distinct=True, filter=_COUNTED),
        bc=Count("person_id", distinct=True, filter=_PAID & _CASHLESS),
        p=Count("pk", filter=_PAID),
        pc=Count("pk", filter=_PAID & _CASHLESS),
    )


def by_commune(commune_ids: Sequence[int], month: dt.date) -> list[Share]:
    """One row per commune that has lines in the month (one grouped query)."""
    rows = PaymentLine.objects.filter(commune_id__in=commune_ids, month=month).values("commune_id").order_by("commune_id")
    return [Share(r["commune_id"], month, r["b"], r["bc"], r["p"], r["pc"]) for r in _figures(rows)]


def total(commune_ids: Sequence[int], month: dt.date) -> Share:
    r = PaymentLine.objects.filter(commune_id__in=commune_ids, month=month).aggregate(
        b=Count("person_id", distinct=True, filter=_COUNTED),
        bc=Count("person_id", distinct=True, filter=_PAID & _CASHLESS),
        p=Count("pk", filter=_PAID),
        pc=Count("pk", filter=_PAID & _CASHLESS),
    )
    return Share(None, month, r["b"], r["bc"], r["p"], r["pc"])


def latest_month(commune_ids: Sequence[int], cutoff: dt.date) -> dt.date | None:
    return (
        PaymentLine.objects.filter(commune_id__in=commune_ids, month__lte=cutoff)
        .order_by("-month").values_list("month", flat=True).first()
    )


def without_account(commune_ids: Sequence[int], month: dt.date) -> QuerySet[Person]:
    """The month's beneficiaries (not skipped) with no approved bank or e-wallet account."""
    listed = PaymentLine.objects.filter(commune_id__in=commune_ids, month=month).filter(_COUNTED).values("person_id")
    with_account = BankAccount.objects.filter(status=BankAccount.Status.APPROVED, channel__in=CASHLESS).values("person_id")
    return (
        Person.objects.filter(pk__in=listed, deleted_at__isnull=True).exclude(pk__in=with_account)
        .order_by("full_name", "pk")
    )
