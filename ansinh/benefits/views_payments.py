"""A commune's monthly run: its lists, one list (paged) with approval, export, the provider's result
(preview, then reconcile), failed lines retried or moved to cash, the printable signed cash list, the
beneficiaries without an account; and the four-eyes account changes. Logic lives in ``actions_payments``;
every page that shows persons writes the privacy log."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from ansinh.benefits import actions_payments as act
from ansinh.benefits import bankfile, cashless
from ansinh.benefits.models import Adjustment, BankAccount, Channel, PaymentLine, PaymentList
from ansinh.core.errors import UserError
from ansinh.core.views import page_number
from ansinh.geo.models import AdministrativeUnit
from ansinh.registry.access import can_write_commune, person_or_404, person_scope_ids
from ansinh.registry.models_privacy import AccessKind
from ansinh.registry.privacy import log_access

PAGE = 50


def _version(request: HttpRequest) -> int:
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return -1


def _readable(user: Any, commune_id: int) -> bool:
    ids = person_scope_ids(user)
    return ids is None or commune_id in ids


def _commune_or_404(user: Any, code: str) -> AdministrativeUnit:
    unit = AdministrativeUnit.objects.filter(code=code, level="commune").first()
    if unit is None or not _readable(user, unit.pk):
        raise Http404("Không tìm thấy xã, phường, hoặc bạn không có quyền xem.")
    return unit


def _month_or_404(text: str) -> dt.date:
    try:
        year, month = (int(x) for x in text.split("-"))
        return dt.date(year, month, 1)
    except ValueError:
        raise Http404("Tháng không hợp lệ (YYYY-MM).") from None


def _list_or_404(user: Any, pk: int) -> PaymentList:
    plist = PaymentList.objects.select_related("commune", "prepared_by", "approved_by").filter(pk=pk).first()
    if plist is None or not _readable(user, plist.commune_id):
        raise Http404("Không tìm thấy danh sách chi trả, hoặc bạn không có quyền xem.")
    return plist


@login_required
@require_GET
def run(request: HttpRequest, commune: str, month: str) -> HttpResponse:
    unit = _commune_or_404(request.user, commune)
    first = _month_or_404(month)
    lists = list(PaymentList.objects.filter(commune=unit, month=first).select_related("prepared_by", "approved_by").order_by("channel", "sequence"))
    shares = cashless.by_commune([unit.pk], first)
    adjustments = list(Adjustment.objects.filter(commune=unit).exclude(status=Adjustment.Status.SETTLED).order_by("-month")[:20])
    return render(request, "benefits/payments/run.html", {
        "commune": unit, "month": first, "month_text": f"{first:%Y-%m}", "lists": lists, "share": shares[0] if shares else None,
        "can_write": can_write_commune(request.user, unit.pk), "adjustments": adjustments,
        "beneficiaries_label": cashless.BENEFICIARIES_LABEL, "payments_label": cashless.PAYMENTS_LABEL,
    })


@login_required
@require_POST
def run_prepare(request: HttpRequest, commune: str, month: str) -> HttpResponse:
    unit = _commune_or_404(request.user, commune)
    first = _month_or_404(month)
    try:
        result = act.do_prepare_run(request.user, unit, first)
        messages.success(request, f"Đã lập {result.lists} danh sách chi trả nháp cho {result.lines} người; cần một người khác duyệt.")
    except UserError as err:
        messages.error(request, err.message)
    return redirect("payments:run", commune=unit.code, month=f"{first:%Y-%m}")


@login_required
@require_GET
def list_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plist = _list_or_404(request.user, pk)
    page = page_number(request)
    lines = list(plist.lines.select_related("person").order_by("id")[(page - 1) * PAGE: page * PAGE + 1])
    more = len(lines) > PAGE
    lines = lines[:PAGE]
    can_write = can_write_commune(request.user, plist.commune_id)
    for ln in lines:  # readers outside the commune (province, standing office) see masked account numbers
        number = ln.account_number
        ln.shown_number = number if can_write or not number else "•" * max(len(number) - 4, 0) + number[-4:]  # type: ignore[attr-defined]
    if lines:
        log_access(request.user, AccessKind.SEARCH, [ln.person_id for ln in lines], purpose=f"Danh sách chi trả {plist}")
    return render(request, "benefits/payments/list.html", {
        "plist": plist, "lines": lines, "page": page, "more": more, "can_write": can_write,
        "own": plist.prepared_by_id == request.user.pk, "failed": plist.lines.filter(status=PaymentLine.Status.FAILED).exists(),
        "result_header": ", ".join(bankfile.RESULT_HEADER), "month_text": f"{plist.month:%Y-%m}",
    })


@login_required
@require_POST
def list_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    plist = _list_or_404(request.user, pk)
    try:
        if action == "duyet":
            act.do_approve_list(request.user, plist, _version(request))
            messages.success(request, "Đã duyệt danh sách chi trả.")
        elif action in ("chi-lai", "chuyen-tien-mat"):
            new = act.do_retry_failed(request.user, plist, _version(request), to_cash=action == "chuyen-tien-mat")
            messages.success(request, "Đã lập danh sách mới (nháp) cho các dòng không thành công; cần một người khác duyệt.")
            return redirect("payments:list", pk=new.pk)
        elif action == "da-chi-tien-mat":
            ids = [int(x) for x in request.POST.getlist("line") if x.isdigit()]
            count = act.do_record_cash(request.user, plist, _version(request), ids, dt.date.fromisoformat(request.POST.get("paid_on", "")))
            messages.success(request, f"Đã ghi nhận {count} người nhận tiền mặt có ký nhận.")
        else:
            raise Http404("Không có thao tác này.")
    except ValueError:
        messages.error(request, "Ngày chi không hợp lệ.")
    except UserError as err:
        messages.error(request, err.message)
    return redirect("payments:list", pk=plist.pk)


@login_required
@require_POST
def list_export(request: HttpRequest, pk: int) -> HttpResponse:
    plist = _list_or_404(request.user, pk)
    try:
        name, content, ctype = act.do_export_list(request.user, plist, _version(request), request.POST.get("format", "csv"))
    except UserError as err:
        messages.error(request, err.message)
        return redirect("payments:list", pk=plist.pk)
    log_access(request.user, AccessKind.EXPORT, plist.lines.values_list("person_id", flat=True), purpose=f"Tệp chi trả {plist}")
    response = HttpResponse(content, content_type=ctype)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_POST
def list_reconcile(request: HttpRequest, pk: int) -> HttpResponse:
    """Upload → preview (nothing written); confirm → reconcile the same bytes (carried in the form)."""
    plist = _list_or_404(request.user, pk)
    if not can_write_commune(request.user, plist.commune_id):
        raise Http404("Bạn không có quyền đối soát danh sách này.")
    upload = request.FILES.get("file")
    try:
        if upload is not None:
            content, name = upload.read(bankfile.MAX_BYTES + 1), upload.name or ""
        else:
            content = base64.b64decode(request.POST.get("content", ""), validate=True)
            name = request.POST.get("filename", "")
        if request.POST.get("confirm"):
            result = act.do_reconcile(request.user, plist, _version(request), content, name)
            messages.success(request, f"Đã đối soát: {result.paid_count} đã chi, {result.failed_count} không thành công.")
            return redirect("payments:list", pk=plist.pk)
        preview = act.preview_reconciliation(plist, content, name)
    except binascii.Error:
        messages.error(request, "Hãy chọn tệp kết quả.")
        return redirect("payments:list", pk=plist.pk)
    except UserError as err:
        messages.error(request, err.message)
        return redirect("payments:list", pk=plist.pk)
    return render(request, "benefits/payments/reconcile.html", {
        "plist": plist, "preview": preview, "content": base64.b64encode(content).decode(), "filename": name,
    })


@login_required
@require_GET
def cash_sheet(request: HttpRequest, pk: int) -> HttpResponse:
    plist = _list_or_404(request.user, pk)
    if plist.channel != Channel.CASH:
        raise Http404("Chỉ danh sách chi tiền mặt tại xã có danh sách ký nhận.")
    lines = list(plist.lines.exclude(status=PaymentLine.Status.SKIPPED).select_related("person").order_by("person__full_name", "id"))
    log_access(request.user, AccessKind.EXPORT, [ln.person_id for ln in lines], purpose=f"In danh sách ký nhận {plist}")
    return render(request, "benefits/payments/cash_sheet.html", {"plist": plist, "lines": lines})


@login_required
@require_GET
def outreach(request: HttpRequest, commune: str, month: str) -> HttpResponse:
    unit = _commune_or_404(request.user, commune)
    first = _month_or_404(month)
    page = page_number(request)
    persons = list(cashless.without_account([unit.pk], first)[(page - 1) * PAGE: page * PAGE + 1])
    more = len(persons) > PAGE
    persons = persons[:PAGE]
    if persons:
        log_access(request.user, AccessKind.SEARCH, [p.pk for p in persons], purpose="Vận động mở tài khoản nhận trợ cấp")
    return render(request, "benefits/payments/outreach.html", {"commune": unit, "month": first, "persons": persons, "page": page, "more": more})


def _accounts(user: Any) -> QuerySet[BankAccount]:
    ids = person_scope_ids(user)
    qs = BankAccount.objects.select_related("person", "requested_by", "decided_by")
    return qs if ids is None else qs.filter(commune_id__in=ids)


@login_required
def account_request(request: HttpRequest, code: str) -> HttpResponse:
    person = person_or_404(request.user, code)
    if request.method == "POST":
        try:
            act.do_request_account(
                request.user, person, channel=request.POST.get("channel", ""), provider=request.POST.get("provider", ""),
                account_number=request.POST.get("account_number", ""), holder_name=request.POST.get("holder_name", ""),
                reason=request.POST.get("reason", ""),
            )
            messages.success(request, "Đã gửi đề nghị đổi tài khoản; cần một cán bộ khác duyệt.")
            return redirect("payments:accounts")
        except UserError as err:
            messages.error(request, err.message)
    log_access(request.user, AccessKind.VIEW, [person.pk], purpose="Đề nghị đổi tài khoản nhận trợ cấp")
    history = list(_accounts(request.user).filter(person=person)[:20])
    return render(request, "benefits/payments/account_request.html", {
        "person": person, "history": history, "channels": [c for c in Channel.choices if c[0] != Channel.CASH], "form": request.POST,
    })


@login_required
@require_GET
def accounts(request: HttpRequest) -> HttpResponse:
    rows = list(_accounts(request.user).filter(status=BankAccount.Status.PENDING)[:100])
    for a in rows:  # full numbers only for the commune's own officers, who check them against the papers
        a.shown_number = a.account_number if can_write_commune(request.user, a.commune_id) else a.masked()  # type: ignore[attr-defined]
    if rows:
        log_access(request.user, AccessKind.SEARCH, [a.person_id for a in rows], purpose="Đề nghị đổi tài khoản chờ duyệt")
    return render(request, "benefits/payments/accounts.html", {"rows": rows})


@login_required
@require_POST
def account_decide(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    account = _accounts(request.user).filter(pk=pk).first()
    if account is None:
        raise Http404("Không tìm thấy đề nghị.")
    try:
        if action == "duyet":
            act.do_approve_account(request.user, account, _version(request), request.POST.get("note", ""))
            messages.success(request, "Đã duyệt tài khoản; từ kỳ chi sau tiền chuyển vào tài khoản này.")
        elif action == "tu-choi":
            act.do_reject_account(request.user, account, _version(request), request.POST.get("note", ""))
            messages.success(request, "Đã không duyệt đề nghị.")
        else:
            raise Http404("Không có thao tác này.")
    except UserError as err:
        messages.error(request, err.message)
    return redirect("payments:accounts")
