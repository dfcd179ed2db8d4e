"""Payment actions: each ``do_*`` is atomic, scope-checked, version-checked and audited.

- accounts: ``do_request_account`` (one officer), ``do_approve_account`` / ``do_reject_account`` (another
  officer; the requester is refused); payments use only the approved account;
- the monthly run: ``do_prepare_run`` (entitlements and draft lists of a commune), ``do_approve_list``
  (a second person; the preparer is refused), ``do_export_list`` (bank file), ``do_reconcile`` (the
  provider's result file: all lines valid or nothing changes), ``do_retry_failed`` (failed lines into
  a new draft list of the same channel or of cash), ``do_record_cash`` (cash paid against signature);
- ``do_recompute`` (a base level changed: months recomputed, arrears and overpayments listed).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Max, Sum
from django.utils import timezone

from ansinh.benefits import bankfile
from ansinh.benefits.models import Adjustment, BankAccount, Channel, PaymentLine, PaymentList
from ansinh.core.errors import UserError
from ansinh.core.models import audit
from ansinh.geo.models import AdministrativeUnit
from ansinh.registry.access import can_write_commune
from ansinh.registry.models import Person


def _may_write(user: Any, commune_id: int) -> None:
    if user is not None and not can_write_commune(user, commune_id):
        raise UserError("Bạn không có quyền lập hoặc duyệt chi trả trợ cấp của xã, phường này.")


def _user_or_none(user: Any) -> Any:
    return user if getattr(user, "is_authenticated", False) else None


def _locked_list(plist: PaymentList, version: int) -> PaymentList:
    locked = PaymentList.objects.select_for_update().get(pk=plist.pk)
    if locked.version != version:
        raise UserError("Danh sách chi trả vừa được người khác thay đổi; hãy tải lại trang.")
    return locked


def _bump(plist: PaymentList, *fields: str) -> None:
    plist.version += 1
    plist.save(update_fields=["version", *fields])


# --- accounts: a four-eyes change -------------------------------------------------------------------

@transaction.atomic
def do_request_account(
    user: Any, person: Person, *, channel: str, provider: str = "", account_number: str = "", holder_name: str = "", reason: str = ""
) -> BankAccount:
    _may_write(user, person.commune_id)
    if channel not in (Channel.BANK, Channel.WALLET, Channel.POST):
        raise UserError("Hình thức nhận phải là tài khoản ngân hàng, ví điện tử hoặc bưu điện.")
    number = "".join(account_number.split())
    if channel in (Channel.BANK, Channel.WALLET):
        if not number or not number.isdigit() or not 6 <= len(number) <= 20:
            raise UserError("Số tài khoản phải gồm từ 6 đến 20 chữ số.")
        if not provider.strip():
            raise UserError("Hãy ghi tên ngân hàng hoặc ví điện tử.")
    if not person.alive or person.death_date is not None:
        raise UserError(f"{person.full_name} đã được ghi nhận là đã mất; không đổi tài khoản nhận trợ cấp.")
    if not reason.strip():
        raise UserError("Hãy ghi lý do thay đổi tài khoản (ví dụ: người hưởng đề nghị, có giấy tờ kèm theo).")
    try:
        with transaction.atomic():
            account = BankAccount.objects.create(
                person=person, channel=channel, provider=provider.strip(), account_number=number,
                holder_name=(holder_name.strip() or person.full_name), reason=reason.strip(), requested_by=_user_or_none(user),
                commune_id=person.commune_id, province_code=person.province_code,
            )
    except IntegrityError:
        raise UserError(f"{person.full_name} đang có một đề nghị đổi tài khoản chờ duyệt.") from None
    audit(user, "benefits.account.request", account, summary=f"Đề nghị đổi tài khoản nhận trợ cấp của {person.registry_code}",
          after={"channel": channel, "provider": account.provider, "account": account.masked()})
    return account


def _approver(user: Any) -> None:
    if not getattr(user, "is_authenticated", False):
        raise UserError("Việc duyệt phải do một cán bộ có tên đăng nhập thực hiện (người thứ hai, khác người lập).")


def _locked_account(user: Any, account: BankAccount, version: int) -> BankAccount:
    _approver(user)
    locked = BankAccount.objects.select_for_update().select_related("person").get(pk=account.pk)
    _may_write(user, locked.commune_id)
    if locked.version != version:
        raise UserError("Đề nghị này vừa được người khác thay đổi; hãy tải lại trang.")
    if locked.status != BankAccount.Status.PENDING:
        raise UserError("Đề nghị này đã được xử lý.")
    if locked.requested_by_id == user.pk:
        raise UserError("Người đề nghị đổi tài khoản không được tự duyệt; cần một cán bộ khác duyệt.")
    return locked


@transaction.atomic
def do_approve_account(user: Any, account: BankAccount, version: int, note: str = "") -> BankAccount:
    locked = _locked_account(user, account, version)
    previous = BankAccount.objects.select_for_update().filter(person_id=locked.person_id, status=BankAccount.Status.APPROVED).first()
    if previous is not None:
        previous.status = BankAccount.Status.REPLACED
        previous.version += 1
        previous.save(update_fields=["status", "version"])
    locked.status = BankAccount.Status.APPROVED
    locked.decided_by = _user_or_none(user)
    locked.decided_at = timezone.now()
    locked.decision_note = note.strip()[:300]
    locked.version += 1
    locked.save(update_fields=["status", "decided_by", "decided_at", "decision_note", "version"])
    audit(user, "benefits.account.approve", locked, summary=f"Duyệt tài khoản nhận trợ cấp của {locked.person.registry_code}",
          before={"account": previous.masked() if previous else "", "channel": previous.channel if previous else Channel.CASH},
          after={"account": locked.masked(), "channel": locked.channel})
    return locked


@transaction.atomic
def do_reject_account(user: Any, account: BankAccount, version: int, note: str) -> BankAccount:
    if not note.strip():
        raise UserError("Hãy ghi lý do không duyệt.")
    locked = _locked_account(user, account, version)
    locked.status = BankAccount.Status.REJECTED
    locked.decided_by = _user_or_none(user)
    locked.decided_at = timezone.now()
    locked.decision_note = note.strip()[:300]
    locked.version += 1
    locked.save(update_fields=["status", "decided_by", "decided_at", "decision_note", "version"])
    audit(user, "benefits.account.reject", locked, summary=f"Không duyệt tài khoản của {locked.person.registry_code}: {note.strip()}")
    return locked


# --- the monthly run --------------------------------------------------------------------------------

@transaction.atomic
def do_prepare_run(user: Any, commune: AdministrativeUnit, month: dt.date) -> Any:
    from ansinh.benefits.payrun import run_month

    _may_write(user, commune.pk)
    if commune.level != "commune":
        raise UserError("Chỉ lập danh sách chi trả cho một xã, phường, đặc khu.")
    first = month.replace(day=1)
    result = run_month(first, [commune.pk], user)
    if result.refused_communes:
        raise UserError(f"Danh sách chi trả tháng {first:%m/%Y} của {commune.name} đã được duyệt; không lập lại được.")
    audit(user, "benefits.run.prepare", commune, summary=(
        f"Lập danh sách chi trả tháng {first:%m/%Y}: {result.lines} người, {result.lists} danh sách, tổng {result.total} đồng"
    ))
    return result


def _refresh_totals(plist: PaymentList) -> None:
    figures = plist.lines.filter(status__in=_COUNTED).aggregate(total=Sum("amount"))
    plist.total = figures["total"] or 0
    plist.lines_count = plist.lines.filter(status__in=_COUNTED).count()


_COUNTED = (PaymentLine.Status.PENDING, PaymentLine.Status.EXPORTED, PaymentLine.Status.PAID, PaymentLine.Status.FAILED,
            PaymentLine.Status.RETRIED, PaymentLine.Status.TO_CASH)


@transaction.atomic
def do_approve_list(user: Any, plist: PaymentList, version: int) -> PaymentList:
    _approver(user)
    locked = _locked_list(plist, version)
    _may_write(user, locked.commune_id)
    if locked.status != PaymentList.Status.DRAFT:
        raise UserError("Danh sách này đã được duyệt.")
    if locked.prepared_by_id == user.pk:
        raise UserError("Người lập danh sách chi trả không được tự duyệt; cần một người khác duyệt.")
    dead = locked.lines.filter(status=PaymentLine.Status.PENDING).filter(person__alive=False) | locked.lines.filter(
        status=PaymentLine.Status.PENDING, person__death_date__isnull=False)
    skipped = PaymentLine.objects.filter(pk__in=list(dead.values_list("pk", flat=True))).update(
        status=PaymentLine.Status.SKIPPED, reason="Đã ghi nhận đã mất (phát hiện khi duyệt): không chi trả.")
    _refresh_totals(locked)
    locked.status = PaymentList.Status.APPROVED
    locked.approved_by = _user_or_none(user)
    locked.approved_at = timezone.now()
    _bump(locked, "status", "approved_by", "approved_at", "total", "lines_count")
    audit(user, "benefits.list.approve", locked, summary=(
        f"Duyệt danh sách chi trả {locked}: {locked.lines_count} người, {locked.total} đồng" + (f"; {skipped} người đã mất không chi" if skipped else "")
    ))
    return locked


@transaction.atomic
def do_export_list(user: Any, plist: PaymentList, version: int, fmt: str) -> tuple[str, bytes, str]:
    """The bank file (``csv`` or ``xlsx``) of an approved list; its lines become "sent"."""
    locked = _locked_list(plist, version)
    _may_write(user, locked.commune_id)
    if fmt not in ("csv", "xlsx"):
        raise UserError("Định dạng tệp phải là csv hoặc xlsx.")
    if locked.channel == Channel.CASH:
        raise UserError("Danh sách chi tiền mặt tại xã không xuất tệp ngân hàng; hãy in danh sách ký nhận.")
    if locked.status == PaymentList.Status.DRAFT:
        raise UserError("Danh sách chưa được duyệt; không xuất tệp chi trả.")
    lines = list(locked.lines.filter(status__in=(PaymentLine.Status.PENDING, PaymentLine.Status.EXPORTED)).order_by("id"))
    if not lines:
        raise UserError("Danh sách không còn dòng nào chờ chi trả.")
    content = bankfile.write_xlsx(lines) if fmt == "xlsx" else bankfile.write_csv(lines)
    locked.lines.filter(status=PaymentLine.Status.PENDING).update(status=PaymentLine.Status.EXPORTED)
    if locked.status == PaymentList.Status.APPROVED:
        locked.status = PaymentList.Status.EXPORTED
    locked.exported_at = timezone.now()
    _bump(locked, "status", "exported_at")
    audit(user, "benefits.list.export", locked, summary=f"Xuất tệp chi trả {fmt.upper()} của {locked}: {len(lines)} dòng")
    name = f"chi-tra-{locked.commune_id}-{locked.month:%Y-%m}-{locked.channel}-{locked.sequence}.{fmt}"
    ctype = "text/csv; charset=utf-8" if fmt == "csv" else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return name, content, ctype


def preview_reconciliation(plist: PaymentList, content: bytes, filename: str) -> bankfile.Check:
    """Parse and check a provider's result file against the list, without writing anything."""
    return bankfile.check(plist, bankfile.parse_result(content, filename))


@transaction.atomic
def do_reconcile(user: Any, plist: PaymentList, version: int, content: bytes, filename: str) -> bankfile.Check:
    locked = _locked_list(plist, version)
    _may_write(user, locked.commune_id)
    if locked.status not in (PaymentList.Status.EXPORTED, PaymentList.Status.RECONCILED):
        raise UserError("Danh sách chưa xuất tệp chi trả; chưa đối soát được.")
    result = preview_reconciliation(locked, content, filename)
    if result.errors:
        raise UserError("Tệp kết quả có lỗi; chưa đối soát dòng nào:\n" + "\n".join(result.errors[:50]))
    today = timezone.localdate()
    paid = [r.line_id for r in result.rows if r.paid]
    PaymentLine.objects.filter(pk__in=paid).update(status=PaymentLine.Status.PAID, paid_on=today, reason="")
    for r in result.rows:
        if not r.paid:
            PaymentLine.objects.filter(pk=r.line_id).update(status=PaymentLine.Status.FAILED, reason=r.reason[:300])
    if not locked.lines.filter(status=PaymentLine.Status.EXPORTED).exists():
        locked.status = PaymentList.Status.RECONCILED
        locked.reconciled_at = timezone.now()
    _bump(locked, "status", "reconciled_at")
    audit(user, "benefits.list.reconcile", locked, summary=(
        f"Đối soát {locked} từ tệp «{filename}»: {len(paid)} đã chi, {len(result.rows) - len(paid)} không thành công"
    ))
    return result


@transaction.atomic
def do_retry_failed(user: Any, plist: PaymentList, version: int, *, to_cash: bool) -> PaymentList:
    """Failed lines of the list into a new draft list (same channel with the current approved account, or cash)."""
    from ansinh.benefits.payrun import reference_for

    locked = _locked_list(plist, version)
    _may_write(user, locked.commune_id)
    failed = list(locked.lines.filter(status=PaymentLine.Status.FAILED).select_related("person").order_by("id"))
    if not failed:
        raise UserError("Danh sách không có dòng chi trả không thành công.")
    channel = Channel.CASH if to_cash else locked.channel
    sequence = (PaymentList.objects.filter(commune_id=locked.commune_id, month=locked.month, channel=channel)
                .aggregate(m=Max("sequence"))["m"] or 0) + 1
    new = PaymentList.objects.create(
        commune_id=locked.commune_id, province_code=locked.province_code, month=locked.month, channel=channel,
        sequence=sequence, prepared_by=_user_or_none(user), prepared_at=timezone.now(),
        note=f"{'Chuyển sang tiền mặt' if to_cash else 'Chi lại'} các dòng không thành công của {locked}",
    )
    accounts = {a.person_id: a for a in BankAccount.objects.filter(person_id__in=[ln.person_id for ln in failed], status=BankAccount.Status.APPROVED)}
    for old in failed:
        account = None if to_cash else accounts.get(old.person_id)
        if not to_cash and (account is None or account.channel != channel):
            raise UserError(f"{old.person.full_name} không còn tài khoản {locked.get_channel_display().lower()} đã duyệt; hãy chuyển sang tiền mặt.")
        dead = not old.person.alive or old.person.death_date is not None
        line = PaymentLine.objects.create(
            payment_list=new, person_id=old.person_id, month=old.month, commune_id=old.commune_id, channel=channel,
            reference=f"R{old.pk}-{sequence}", regular=old.regular, arrears=old.arrears, amount=old.amount,
            bank_account=account, account_number=account.account_number if account else "",
            account_name=(account.holder_name if account else old.person.full_name), provider=account.provider if account else "",
            status=PaymentLine.Status.SKIPPED if dead else PaymentLine.Status.PENDING, retry_of=old,
            reason="Đã ghi nhận đã mất: không chi trả." if dead else "",
        )
        line.reference = reference_for(line.month, line.pk)
        line.save(update_fields=["reference"])
    locked.lines.filter(pk__in=[ln.pk for ln in failed]).update(
        status=PaymentLine.Status.TO_CASH if to_cash else PaymentLine.Status.RETRIED)
    _refresh_totals(new)
    new.save(update_fields=["total", "lines_count"])
    _bump(locked)
    audit(user, "benefits.list.retry", new, summary=f"{new.note}: {len(failed)} người")
    return new


@transaction.atomic
def do_record_cash(user: Any, plist: PaymentList, version: int, line_ids: list[int], paid_on: dt.date) -> int:
    """Cash handed over against the recipient's signature on the printed list."""
    locked = _locked_list(plist, version)
    _may_write(user, locked.commune_id)
    if locked.channel != Channel.CASH:
        raise UserError("Chỉ ghi nhận chi tiền mặt trên danh sách chi tiền mặt tại xã.")
    if locked.status == PaymentList.Status.DRAFT:
        raise UserError("Danh sách chưa được duyệt; chưa chi tiền được.")
    lines = locked.lines.filter(pk__in=line_ids, status=PaymentLine.Status.PENDING)
    if len(set(line_ids)) != lines.count():
        raise UserError("Có dòng không thuộc danh sách này hoặc không ở trạng thái chờ chi trả.")
    count = lines.update(status=PaymentLine.Status.PAID, paid_on=paid_on)
    if not locked.lines.filter(status=PaymentLine.Status.PENDING).exists():
        locked.status = PaymentList.Status.RECONCILED
        locked.reconciled_at = timezone.now()
    _bump(locked, "status", "reconciled_at")
    audit(user, "benefits.list.cash", locked, summary=f"Ghi nhận chi tiền mặt có ký nhận: {count} người, ngày {paid_on:%d/%m/%Y}")
    return count


@transaction.atomic
def do_recompute(user: Any, commune: AdministrativeUnit, months: list[dt.date], reason: str = "") -> list[Adjustment]:
    """Recompute stored months of a commune; months already on an approved list yield arrears or overpayments."""
    from ansinh.benefits.entitlements import recompute

    _may_write(user, commune.pk)
    found: list[Adjustment] = []
    for month in months:
        _, adjustments = recompute(month.replace(day=1), [commune.pk], reason)
        found.extend(adjustments)
    audit(user, "benefits.entitlement.recompute", commune, summary=(
        f"Tính lại mức hưởng {len(months)} tháng: {sum(a.kind == Adjustment.Kind.ARREARS for a in found)} khoản truy lĩnh, "
        f"{sum(a.kind == Adjustment.Kind.OVERPAYMENT for a in found)} khoản chi thừa"
    ))
    return found
