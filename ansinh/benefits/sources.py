"""Registry sources this app offers to reporting (registered in ``BenefitsConfig.ready``).

``benefits.dossiers_on_time_rate``: of the dossiers in the unit's communes that fell due from 1 January
of the cut-off's year up to the cut-off, those decided (granted or refused) on or before their due date
÷ all of them — a dossier still pending after its due date counts as late, so that "100% hồ sơ đúng
hạn, không còn hồ sơ tồn đọng" is what the figure measures. Dossiers without a statutory time in the
data are left out and counted in the note.

``benefits.merit_dossiers_on_time_rate``: the same, counting only the dossiers of the meritorious-service
programme (``MERIT_PROGRAMME``) — the samples' "100% hồ sơ người có công đúng hạn" (catalogue indicator
``MERIT_FILES_ON_TIME``). Its processing time in the data is "chưa xác minh" until checked.

``benefits.cashless_beneficiaries_rate`` / ``benefits.cashless_payments_rate`` (``cashless.py``): in the
latest month up to the cut-off with payment lines in the unit's communes, persons paid through an
account ÷ all beneficiaries, and payments through an account ÷ all payments made ("> 70% không dùng
tiền mặt"); two queries each.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, F, Q

from ansinh.reporting.sources import Source, SourceResult
from ansinh.reporting.sources import register as add

VERSION = "2026.1"
MERIT_PROGRAMME = "uu-dai-nguoi-co-cong"


def _communes(unit: Any) -> list[int]:
    from ansinh.geo.models import AdministrativeUnit

    if unit.level == "commune":
        return [unit.pk]
    return list(AdministrativeUnit.objects.subtree(unit).filter(level="commune").values_list("pk", flat=True))


def on_time(unit: Any, cutoff: dt.date, programme: str = "") -> SourceResult | None:
    """Dossiers due this year up to ``cutoff`` decided by their due date ÷ all of them (``programme``: only its own)."""
    from ansinh.benefits.models import Dossier

    qs = Dossier.objects.filter(commune_id__in=_communes(unit), received_on__lte=cutoff)
    if programme:
        qs = qs.filter(programme__code=programme)
    start = dt.date(cutoff.year, 1, 1)
    figures = qs.aggregate(
        due=Count("pk", filter=Q(due_on__gte=start, due_on__lte=cutoff)),
        in_time=Count("pk", filter=Q(due_on__gte=start, due_on__lte=cutoff, decision__signed_on__lte=F("due_on"))),
        undated=Count("pk", filter=Q(due_on__isnull=True)),
    )
    if not figures["due"]:
        return None
    n, d = figures["in_time"], figures["due"]
    note = ("hồ sơ người có công; " if programme == MERIT_PROGRAMME else "") + f"hồ sơ đến hạn từ 01/01/{cutoff.year} đến {cutoff:%d/%m/%Y}; hồ sơ quá hạn chưa giải quyết tính là trễ"
    if figures["undated"]:
        note += f"; {figures['undated']} hồ sơ chưa có thời hạn trong dữ liệu không tính"
    return SourceResult(value=n / d * 100, numerator=n, denominator=d, note=note)


def merit_on_time(unit: Any, cutoff: dt.date) -> SourceResult | None:
    return on_time(unit, cutoff, MERIT_PROGRAMME)


def _cashless(unit: Any, cutoff: dt.date, which: str) -> SourceResult | None:
    from ansinh.benefits import cashless

    communes = _communes(unit)
    month = cashless.latest_month(communes, cutoff)
    if month is None:
        return None
    share = cashless.total(communes, month)
    if which == "beneficiaries":
        n, d, label = share.beneficiaries_cashless, share.beneficiaries, cashless.BENEFICIARIES_LABEL
    else:
        n, d, label = share.payments_cashless, share.payments, cashless.PAYMENTS_LABEL
    if not d:
        return None
    return SourceResult(value=n / d * 100, numerator=n, denominator=d, note=f"{label}; tháng {month:%m/%Y}")


def cashless_beneficiaries(unit: Any, cutoff: dt.date) -> SourceResult | None:
    return _cashless(unit, cutoff, "beneficiaries")


def cashless_payments(unit: Any, cutoff: dt.date) -> SourceResult | None:
    return _cashless(unit, cutoff, "payments")


def register() -> None:
    add(Source("benefits.dossiers_on_time_rate", VERSION, "Tỷ lệ hồ sơ trợ cấp giải quyết đúng hạn", on_time))
    add(Source("benefits.merit_dossiers_on_time_rate", VERSION, "Tỷ lệ hồ sơ người có công giải quyết đúng hạn", merit_on_time))
    add(Source("benefits.cashless_beneficiaries_rate", VERSION, "Tỷ lệ người hưởng trợ cấp nhận không dùng tiền mặt", cashless_beneficiaries))
    add(Source("benefits.cashless_payments_rate", VERSION, "Tỷ lệ lượt chi trả trợ cấp không dùng tiền mặt", cashless_payments))
