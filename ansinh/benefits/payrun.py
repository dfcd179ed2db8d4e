"""A month's payment lists, built set-based from the computed entitlements.

One line per person with something to pay: the month's entitlements plus open arrears
(``Adjustment`` of kind arrears; overpayments are listed for recovery, never deducted silently).
The channel is the person's approved ``BankAccount`` (bank account, e-wallet, post office); a
person without one is paid in cash at the commune. A person recorded as deceased gets a line marked
"không chi trả" with the reason, outside the totals and the bank file. Lists are built per commune
and channel (``sequence`` 1); draft lists of the month are replaced, approved ones refuse a rebuild.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import Max
from django.utils import timezone

from ansinh.benefits.entitlements import Computed, _in, committed_communes, compute_month, store_month

LINE_COLUMNS = (
    "id", "payment_list_id", "person_id", "month", "commune_id", "channel", "reference", "regular", "arrears", "amount",
    "bank_account_id", "account_number", "account_name", "provider", "status", "reason", "paid_on", "retry_of_id",
)


def reference_for(month: dt.date, line_id: int) -> str:
    return f"TC{month:%Y%m}{line_id:010d}"


@dataclass
class RunResult:
    month: dt.date
    entitlements: int = 0
    lines: int = 0
    skipped_deceased: int = 0
    lists: int = 0
    total: int = 0
    signatures: int = 0
    refused_communes: list[int] = field(default_factory=list)


def approved_accounts(commune_ids: Sequence[int] | None) -> dict[int, tuple[int, str, str, str, str]]:
    """person id → (account id, channel, provider, number, holder) of the approved account."""
    where, params = _in("commune_id", commune_ids)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT person_id, id, channel, provider, account_number, holder_name FROM benefits_bankaccount WHERE status = %s" + where,
            ["da_duyet", *params],
        )
        return {row[0]: row[1:] for row in cursor.fetchall()}


def open_arrears(commune_ids: Sequence[int] | None) -> dict[int, list[tuple[int, int]]]:
    """person id → [(adjustment id, amount)] of arrears not yet on a list."""
    where, params = _in("commune_id", commune_ids)
    out: dict[int, list[tuple[int, int]]] = {}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, person_id, new_amount - previous_amount FROM benefits_adjustment WHERE status = %s AND kind = %s" + where,
            ["mo", "truy_linh", *params],
        )
        for aid, pid, diff in cursor.fetchall():
            out.setdefault(pid, []).append((aid, diff))
    return out


def build_lists(computed: Computed, commune_ids: Sequence[int] | None, user: Any = None) -> RunResult:
    from ansinh.benefits.models import Adjustment, Channel, PaymentLine, PaymentList
    from ansinh.registry.bulk import insert

    first = computed.month
    result = RunResult(first, entitlements=len(computed.rows), signatures=computed.signatures)
    refused = committed_communes(first, commune_ids)
    result.refused_communes = sorted(refused)
    drafts = PaymentList.objects.filter(month=first, status=PaymentList.Status.DRAFT).exclude(commune_id__in=refused)
    if commune_ids is not None:
        drafts = drafts.filter(commune_id__in=commune_ids)
    draft_ids = list(drafts.values_list("pk", flat=True))
    if draft_ids:
        Adjustment.objects.filter(payment_line__payment_list_id__in=draft_ids).update(status=Adjustment.Status.OPEN, payment_line=None)
        where, params = _in("payment_list_id", draft_ids)
        with connection.cursor() as cursor:  # set-based: draft lines are never referenced (retries start from failed lines)
            cursor.execute("DELETE FROM benefits_paymentline WHERE 1 = 1" + where, params)
        PaymentList.objects.filter(pk__in=draft_ids).delete()
    accounts = approved_accounts(commune_ids)
    arrears = open_arrears(commune_ids)
    user_id = user.pk if getattr(user, "is_authenticated", False) else None
    now = timezone.now()
    plan: list[tuple[int, str, Any]] = []  # (commune, channel, person row)
    pids = set(computed.totals) | set(arrears)
    persons = computed.persons
    missing = [pid for pid in arrears if pid not in persons]
    if missing:
        from ansinh.benefits.entitlements import Row
        from ansinh.registry.models import Person

        for p in Person.objects.filter(pk__in=missing):
            persons[p.pk] = Row(0, p.pk, 0, "", "", frozenset(), p.birth_date, p.death_date, p.alive, p.commune_id,
                                p.province_code, p.full_name)
    for pid in sorted(pids):
        row = persons[pid]
        if row.commune_id in refused:
            continue
        account = accounts.get(pid)
        plan.append((row.commune_id, account[1] if account else Channel.CASH, row))
    keys = sorted({(c, ch) for c, ch, _ in plan})
    provinces = {c: row.province_code for c, _, row in plan}
    totals: dict[tuple[int, str], list[int]] = {key: [0, 0] for key in keys}
    amounts = []
    for commune, channel, row in plan:
        pid = row.person_id
        amount = computed.totals.get(pid, 0) + sum(diff for _, diff in arrears.get(pid, ()))
        dead = not row.alive or row.death is not None
        amounts.append((amount, dead))
        if not dead:
            total = totals[(commune, channel)]
            total[0] += amount
            total[1] += 1
    lists = PaymentList.objects.bulk_create([
        PaymentList(commune_id=c, province_code=provinces[c], month=first, channel=ch, sequence=1, prepared_by_id=user_id,
                    prepared_at=now, total=totals[(c, ch)][0], lines_count=totals[(c, ch)][1])
        for c, ch in keys
    ])
    list_ids = {(pl.commune_id, pl.channel): pl.pk for pl in lists}
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # explicit ids below: no concurrent insert until commit
            cursor.execute("LOCK TABLE benefits_paymentline IN EXCLUSIVE MODE")
    start = (PaymentLine.objects.aggregate(m=Max("id"))["m"] or 0) + 1
    line_rows = []
    listed: list[tuple[int, int]] = []
    month_value = connection.ops.adapt_datefield_value(first)
    prefix = f"TC{first:%Y%m}"
    for offset, ((commune, channel, row), (amount, dead)) in enumerate(zip(plan, amounts, strict=True)):
        line_id = start + offset
        pid = row.person_id
        regular = computed.totals.get(pid, 0)
        listed.extend((aid, line_id) for aid, _ in arrears.get(pid, ()))
        account = accounts.get(pid)
        status, reason = "cho_chi", ""
        if dead:
            status = "khong_chi"
            reason = "Đã ghi nhận đã mất" + (f" ngày {row.death:%d/%m/%Y}" if row.death else "") + ": không chi trả."
            result.skipped_deceased += 1
        line_rows.append((
            line_id, list_ids[(commune, channel)], pid, month_value, commune, channel, f"{prefix}{line_id:010d}", regular,
            amount - regular, amount, account[0] if account else None, account[3] if account else "",
            (account[4] if account and account[4] else row.full_name), account[2] if account else "", status, reason, None, None,
        ))
    insert("benefits_paymentline", LINE_COLUMNS, line_rows)
    if connection.vendor == "postgresql" and line_rows:
        with connection.cursor() as cursor:
            cursor.execute("SELECT setval(pg_get_serial_sequence('benefits_paymentline', 'id'), %s)", [line_rows[-1][0]])
    if listed:
        by_line: dict[int, list[int]] = {}
        for aid, line_id in listed:
            by_line.setdefault(line_id, []).append(aid)
        for line_id, aids in by_line.items():
            Adjustment.objects.filter(pk__in=aids).update(status=Adjustment.Status.LISTED, payment_line_id=line_id)
    result.lines = len(line_rows)
    result.lists = len(lists)
    result.total = sum(t[0] for t in totals.values())
    return result


def run_month(first: dt.date, commune_ids: Sequence[int] | None = None, user: Any = None) -> RunResult:
    """Compute and store the month's entitlements, then build its payment lists (communes whose lists
    are already approved keep theirs and are reported in ``refused_communes``)."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:  # a month's rows and their indexes stay in memory while written
            cursor.execute("PRAGMA cache_size = -262144")
    computed = compute_month(first, commune_ids)
    committed = committed_communes(first, commune_ids)
    if committed:
        computed.rows = [r for r in computed.rows if r[8] not in committed]
        open_ids = sorted({r[8] for r in computed.rows})
        store_month(computed, open_ids if commune_ids is None else [c for c in commune_ids if c not in committed])
    else:
        store_month(computed, commune_ids)
    return build_lists(computed, commune_ids, user)
