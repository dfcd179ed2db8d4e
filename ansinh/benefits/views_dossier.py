"""Dossier pages: the queue (due and overdue, paged, scoped) with the filing form, and one dossier
(checklist and attachments, assigned officer, submission, the decision). Logic is in the actions."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from ansinh.accounts.access import units_with_roles
from ansinh.accounts.models import RoleAssignment
from ansinh.benefits import actions, actions_dossier
from ansinh.benefits.access import access_dossiers, can_prepare, dossier_or_404, holds_role
from ansinh.benefits.forms import AssignForm, AttachmentForm, DecisionForm, FileDossierForm, VersionForm
from ansinh.benefits.models import Authority, Category, Dossier, Programme
from ansinh.benefits.programmes import ensure_loaded
from ansinh.core.errors import UserError
from ansinh.core.views import page_number
from ansinh.registry.access import access_persons, writable_person_units

PAGE = 50
PENDING = actions_dossier.PENDING
QUEUES = {"qua_han": "Quá hạn", "den_han": "Sắp đến hạn (3 ngày làm việc)", "cho_quyet_dinh": "Chờ quyết định", "tat_ca": "Tất cả"}


def _programmes() -> list[tuple[str, str]]:
    ensure_loaded()
    return list(Programme.objects.filter(kind=Programme.Kind.MONTHLY).values_list("code", "name"))


def _queue(user: Any, which: str) -> Any:
    from ansinh.reporting.cycles import add_working_days

    today = timezone.localdate()
    qs = access_dossiers(user).select_related("person", "programme", "commune", "officer")
    pending = qs.filter(status__in=PENDING)
    if which == "qua_han":
        return pending.filter(due_on__lt=today).order_by("due_on", "id")
    if which == "den_han":
        return pending.filter(due_on__gte=today, due_on__lte=add_working_days(today, 3)).order_by("due_on", "id")
    if which == "cho_quyet_dinh":
        return qs.filter(status=Dossier.Status.SUBMITTED).order_by("due_on", "id")
    return qs.order_by("-received_on", "-id")


@login_required
def dossier_list(request: HttpRequest) -> HttpResponse:
    which = request.GET.get("loc", "qua_han")
    which = which if which in QUEUES else "qua_han"
    may_file = writable_person_units(request.user).exists()
    form = FileDossierForm(request.POST or None, programmes=_programmes(),
                           initial={"person": request.GET.get("nguoi", "")[:40], "received_on": timezone.localdate()})
    if request.method == "POST":
        if not may_file:
            raise PermissionDenied("Bạn không có quyền lập hồ sơ trợ cấp.")
        if form.is_valid():
            person = access_persons(request.user).filter(registry_code=form.cleaned_data["person"].strip().upper()).first()
            try:
                if person is None:
                    raise UserError(f"Không có nhân khẩu mã «{form.cleaned_data['person']}» trong phạm vi bạn được xem.")
                dossier = actions.do_file_dossier(request.user, person, form.cleaned_data["programme"], form.cleaned_data["received_on"])
            except UserError as err:
                form.add_error(None, err.message)
            else:
                messages.success(request, f"Đã tiếp nhận hồ sơ của {person.full_name}.")
                return redirect("benefits:dossier", pk=dossier.pk)
    page = Paginator(_queue(request.user, which), PAGE).get_page(page_number(request))
    return render(request, "benefits/dossier_list.html", {
        "page": page, "which": which, "queues": QUEUES, "form": form, "may_file": may_file, "today": timezone.localdate(),
    }, status=400 if form.errors else 200)


def _officers(commune_id: int) -> list[tuple[str, str]]:
    users = get_user_model().objects.filter(
        roles__role=RoleAssignment.Role.COMMUNE, roles__unit_id=commune_id).distinct().order_by("username")
    return [(str(u.pk), str(u)) for u in users[:100]]


def _categories(dossier: Dossier) -> list[tuple[str, str]]:
    from ansinh.benefits.actions import _in_force

    today = timezone.localdate()
    rows = Category.objects.filter(_in_force(today), programme_id=dossier.programme_id).order_by("code")
    return [(c.code, f"{c.code} — {c.name}") for c in rows]


def _act(request: HttpRequest, dossier: Dossier, step: str, bound: dict[str, forms.Form]) -> str | None:
    """Run one posted step; returns the success message, or None with the bound form holding the error."""
    user, post = request.user, request.POST
    checklist = [(line.requirement.code, line.requirement.name) for line in actions_dossier.checklist(dossier)]
    form: forms.Form
    if step == "dinh_kem":
        form = AttachmentForm(post, request.FILES, documents=checklist, prefix=step)
    elif step == "giao":
        form = AssignForm(post, officers=_officers(dossier.commune_id), prefix=step)
    elif step == "trinh":
        form = VersionForm(post, prefix=step)
    else:
        form = DecisionForm(post, categories=_categories(dossier), prefix=step)
    bound[step] = form
    if not form.is_valid():
        return None
    data = form.cleaned_data
    try:
        if step == "dinh_kem":
            upload = data["file"]
            actions_dossier.do_attach(user, dossier, data["version"], data["document"], upload, name=upload.name or "")
            return "Đã đính kèm tệp."
        if step == "giao":
            officer = get_user_model().objects.get(pk=int(data["officer"]))
            actions_dossier.do_assign(user, dossier, data["version"], officer)
            return f"Đã giao hồ sơ cho {officer}."
        if step == "trinh":
            actions_dossier.do_submit(user, dossier, data["version"])
            return "Đã trình hồ sơ lên người có thẩm quyền quyết định."
        decision = actions.do_decide(
            user, dossier, data["version"], signed_on=data["signed_on"], number=data["number"], granted=data["granted"],
            category_code=data.get("category") or "", reason=data.get("reason") or "",
        )
        return f"Đã ghi quyết định {decision.number}."
    except UserError as err:
        form.add_error(None, err.message)
        return None


@login_required
def dossier_detail(request: HttpRequest, pk: int) -> HttpResponse:
    dossier = dossier_or_404(request.user, pk)
    may_prepare = can_prepare(request.user, dossier.commune_id)
    today = timezone.localdate()
    authority = Authority.objects.filter(actions._in_force(today), programme_id=dossier.programme_id).first()
    may_decide = (authority is not None and bool(authority.decider_role) and holds_role(request.user, authority.decider_role, dossier.commune_id)) or (
        may_prepare and (authority is None or not authority.decider_role))
    bound: dict[str, forms.Form] = {}
    if request.method == "POST":
        step = request.POST.get("buoc", "")
        allowed = {"dinh_kem": may_prepare, "giao": may_prepare, "trinh": may_prepare, "quyet_dinh": may_decide}
        if step not in allowed:
            raise PermissionDenied("Thao tác không hợp lệ.")
        if not allowed[step]:
            raise PermissionDenied("Bạn không có quyền thực hiện thao tác này với hồ sơ.")
        done = _act(request, dossier, step, bound)
        if done:
            messages.success(request, done)
            return redirect("benefits:dossier", pk=dossier.pk)
        dossier.refresh_from_db()
    lines = actions_dossier.checklist(dossier)
    documents = [(line.requirement.code, line.requirement.name) for line in lines]
    pending = dossier.status in PENDING
    context = {
        "dossier": dossier, "lines": lines, "authority": authority, "pending": pending, "today": today,
        "may_prepare": may_prepare and pending, "may_decide": may_decide and pending,
        "decision": getattr(dossier, "decision", None) if not pending else None,
        "attach_form": bound.get("dinh_kem") or AttachmentForm(documents=documents, prefix="dinh_kem", initial={"version": dossier.version}),
        "assign_form": bound.get("giao") or AssignForm(officers=_officers(dossier.commune_id), prefix="giao",
                                                        initial={"version": dossier.version, "officer": dossier.officer_id}),
        "submit_form": bound.get("trinh") or VersionForm(prefix="trinh", initial={"version": dossier.version}),
        "decision_form": bound.get("quyet_dinh") or DecisionForm(categories=_categories(dossier), prefix="quyet_dinh",
                                                                  initial={"version": dossier.version, "signed_on": today}),
        "errors": [e for f in bound.values() for errs in f.errors.values() for e in errs],
    }
    return render(request, "benefits/dossier.html", context, status=400 if bound else 200)


@login_required
def attachment_download(request: HttpRequest, pk: int, attachment_id: int) -> FileResponse:
    dossier = dossier_or_404(request.user, pk)
    attachment = dossier.attachments.filter(pk=attachment_id).first()
    if attachment is None:
        raise Http404("Không tìm thấy tệp đính kèm.")
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.name)


def chairman_communes(user: Any) -> list[int]:
    return list(units_with_roles(user, (RoleAssignment.Role.CHAIRMAN,)).values_list("pk", flat=True))
