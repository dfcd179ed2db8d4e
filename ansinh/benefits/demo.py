"""Demo step: simulated beneficiaries of the three demo wards with a year of monthly payments.

Runs once (nothing happens when a simulated person already has a decision). In each ward about a
hundred simulated persons aged 75 or more apply for the social pension; the commune chairman's
decisions (through ``do_decide``) come mostly within the statutory time, some late; a few 2026
dossiers are left pending (some overdue) for the queue. Then December 2025 to November 2026 are run
month by month through the payment actions: approved lists, bank files, a simulated provider result
in which about one payment in twenty-five fails (wrong account, account locked) — half of those are
retried on the same channel and paid, half moved to cash — and cash paid at the commune. Accounts
are opened month by month, so the cashless share grows over the year, each through the real four-eyes
path: the ward's demo officer ``lap_chi_tra_<mã>`` requests it (``do_request_account``) and a second
officer, ``duyet_chi_tra_<mã>``, approves it (``do_approve_account``); everything goes through the
audited actions.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from ansinh.accounts.models import RoleAssignment, User
from ansinh.benefits import actions
from ansinh.benefits.actions_payments import (
    do_approve_list,
    do_export_list,
    do_prepare_run,
    do_reconcile,
    do_record_cash,
    do_retry_failed,
)
from ansinh.benefits.models import BankAccount, Channel, Decision, PaymentLine, PaymentList
from ansinh.benefits.programmes import load_programmes
from ansinh.geo.models import AdministrativeUnit
from ansinh.registry.models import Person
from ansinh.registry.simulate import DEMO_COMMUNES

SEED = 2026
PER_WARD = 100
FAIL_RATE = 0.04
MONTHS = [dt.date(2025, 12, 1)] + [dt.date(2026, m, 1) for m in range(1, 12)]
FAIL_REASONS = ("Sai số tài khoản", "Tài khoản bị khóa", "Tên người nhận không khớp")
CAST = (
    ("chu_tich_sai_gon", "Chủ tịch UBND Phường Sài Gòn (demo)", RoleAssignment.Role.CHAIRMAN, "26740"),
    *((f"duyet_chi_tra_{code}", f"Cán bộ duyệt danh sách chi trả {code} (demo)", RoleAssignment.Role.COMMUNE, code) for code in DEMO_COMMUNES),
    *((f"lap_chi_tra_{code}", f"Cán bộ lập đề nghị tài khoản nhận trợ cấp {code} (demo)", RoleAssignment.Role.COMMUNE, code)
      for code in DEMO_COMMUNES),
)
Write = Callable[[str], None]


def ensure_cast(write: Write) -> None:
    from ansinh.accounts import demo

    demo.ensure_cast(write, CAST, only_new=True)


def _elders(ward: AdministrativeUnit, rng: random.Random, count: int) -> list[Person]:
    born_before = dt.date(1950, 11, 1)  # 75 by November 2025
    pool = list(Person.objects.filter(commune=ward, simulated=True, alive=True, deleted_at__isnull=True, birth_date__lt=born_before).select_related("commune").order_by("pk")[:2000])
    rng.shuffle(pool)
    return pool[:count]


def _grant(person: Person, received: dt.date, days_late: int, rng: random.Random) -> None:
    from ansinh.reporting.cycles import add_working_days

    dossier = actions.do_file_dossier(None, person, "huu-tri-xa-hoi", received)
    due = dossier.due_on or received
    signed = add_working_days(due, days_late) if days_late else add_working_days(received, rng.randint(3, 9))
    actions.do_decide(None, dossier, dossier.version, signed_on=signed, number=f"{rng.randint(100, 999)}/QĐ-UBND (mô phỏng)",
                      granted=True, category_code="HTXH-75")


def _accounts(persons: list[Person], share: float, rng: random.Random) -> None:
    """Accounts for persons without one until ``share`` of them have one, each requested by the ward's
    first demo officer and approved by its second (the four-eyes actions, audited)."""
    from ansinh.benefits.actions_payments import do_approve_account, do_request_account

    have = set(BankAccount.objects.filter(person__in=persons, status=BankAccount.Status.APPROVED).values_list("person_id", flat=True))
    wanted = int(len(persons) * share) - len(have)
    new = [p for p in persons if p.pk not in have][: max(0, wanted)]
    officers = {u.username: u for u in User.objects.filter(username__regex=r"^(lap|duyet)_chi_tra_")}
    for person in new:
        code = person.commune.code
        account = do_request_account(
            officers[f"lap_chi_tra_{code}"], person, channel=Channel.WALLET if rng.random() < 0.2 else Channel.BANK,
            provider=rng.choice(["Agribank", "Vietcombank", "BIDV", "VietinBank"]), account_number=str(rng.randint(10**9, 10**10 - 1)),
            reason="Người hưởng đề nghị nhận trợ cấp qua tài khoản (dữ liệu mô phỏng)",
        )
        do_approve_account(officers[f"duyet_chi_tra_{code}"], account, account.version, "Đã đối chiếu giấy tờ (mô phỏng)")


def _settle(plist: PaymentList, day: dt.date, rng: random.Random, retry_round: bool = False) -> None:
    """Approve (the ward's second officer), then export and reconcile (accounts) or pay in cash; failures
    retried or moved to cash."""
    approver = User.objects.get(username=f"duyet_chi_tra_{plist.commune.code}")
    plist = do_approve_list(approver, plist, plist.version)
    if plist.channel == Channel.CASH:
        ids = list(plist.lines.filter(status=PaymentLine.Status.PENDING).values_list("pk", flat=True))
        if ids:
            do_record_cash(None, plist, plist.version, ids, day)
        return
    do_export_list(None, plist, plist.version, "csv")
    plist.refresh_from_db()
    rows = ["Mã tham chiếu,Số tài khoản,Số tiền,Kết quả,Lý do"]
    for line in plist.lines.filter(status=PaymentLine.Status.EXPORTED).order_by("id"):
        failed = not retry_round and rng.random() < FAIL_RATE
        rows.append(f"{line.reference},{line.account_number},{line.amount},{'không thành công' if failed else 'thành công'},"
                    f"{rng.choice(FAIL_REASONS) if failed else ''}")
    do_reconcile(None, plist, plist.version, ("\n".join(rows) + "\n").encode(), "ket-qua-mo-phong.csv")
    plist.refresh_from_db()
    if plist.lines.filter(status=PaymentLine.Status.FAILED).exists():
        retry = do_retry_failed(None, plist, plist.version, to_cash=rng.random() < 0.5)
        _settle(retry, day, rng, retry_round=True)


def load(write: Write) -> None:
    import time

    started = time.monotonic()
    ensure_cast(write)
    if Decision.objects.filter(person__simulated=True).exists():
        write("  đã có người hưởng trợ cấp mô phỏng, không tạo thêm")
        return
    load_programmes()
    rng = random.Random(SEED)
    wards = [w for code in DEMO_COMMUNES if (w := AdministrativeUnit.objects.in_force(code)) is not None]
    beneficiaries: list[Person] = []
    for ward in wards:
        elders = _elders(ward, rng, PER_WARD + 8)
        for i, person in enumerate(elders[:PER_WARD]):
            received = dt.date(2025, 10, 1) + dt.timedelta(days=rng.randint(0, 40)) if i < PER_WARD * 0.7 else \
                dt.date(2025, 11, 3) + dt.timedelta(days=rng.randint(0, 20))
            _grant(person, received, rng.choice([0] * 9 + [rng.randint(1, 6)]), rng)
        for j, person in enumerate(elders[PER_WARD:]):  # pending: some overdue, some not yet due
            actions.do_file_dossier(None, person, "huu-tri-xa-hoi", dt.date(2026, 11, 2 + 3 * j))
        beneficiaries += elders[:PER_WARD]
    for n, month in enumerate(MONTHS):
        _accounts(beneficiaries, 0.45 + 0.3 * n / (len(MONTHS) - 1), rng)
        for ward in wards:
            do_prepare_run(None, ward, month)
            lists = PaymentList.objects.filter(commune=ward, month=month, status=PaymentList.Status.DRAFT).select_related("commune")
            for plist in lists.order_by("channel"):
                _settle(plist, month.replace(day=15), rng)
    paid = PaymentLine.objects.filter(person__simulated=True, status=PaymentLine.Status.PAID).count()
    failed = PaymentLine.objects.filter(person__simulated=True, retry_of__isnull=False).count()
    write(f"  {len(beneficiaries)} người hưởng trợ cấp hưu trí xã hội mô phỏng, {len(MONTHS)} tháng chi trả "
          f"(12/2025–11/2026): {paid} lượt đã chi, {failed} lượt chi lại sau khi không thành công "
          f"({time.monotonic() - started:.1f} giây)")
