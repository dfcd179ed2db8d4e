"""Change request pages: the queue, one request (submit, approve, reject), filing a new one."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from ansinh.core.errors import UserError
from ansinh.registry.access import (
    access_changes,
    access_households,
    can_write_commune,
    household_or_404,
    person_or_404,
)
from ansinh.registry.changes import current_household, do_decide_change, do_file_change, do_submit_change
from ansinh.registry.models_changes import ChangeKind, ChangeStatus

PERSON_KINDS = (ChangeKind.CORRECT_PERSON, ChangeKind.RECORD_DEATH, ChangeKind.REMOVE_MEMBER, ChangeKind.MOVE_PERSON)
HOUSEHOLD_KINDS = (ChangeKind.ADD_MEMBER, ChangeKind.MOVE_HOUSEHOLD, ChangeKind.SPLIT_HOUSEHOLD, ChangeKind.MERGE_HOUSEHOLDS)
FIELDS = ("full_name", "birth_date", "sex", "personal_id", "ethnicity", "phone", "relation", "death_date",
          "address", "area", "new_code", "head", "new_commune")


@login_required
def change_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("trang_thai", ChangeStatus.SUBMITTED)
    rows = access_changes(request.user).select_related("person", "household", "created_by", "commune")
    if status in ChangeStatus.values:
        rows = rows.filter(status=status)
    return render(request, "registry/changes.html", {"changes": list(rows[:100]), "status": status, "statuses": ChangeStatus.choices})


def _change_or_404(request: HttpRequest, pk: int) -> Any:
    change = access_changes(request.user).select_related("person", "household", "target_household", "created_by", "decided_by").filter(pk=pk).first()
    if change is None:
        raise Http404("Không tìm thấy yêu cầu thay đổi, hoặc bạn không có quyền xem.")
    return change


@login_required
def change_detail(request: HttpRequest, pk: int) -> HttpResponse:
    change = _change_or_404(request, pk)
    return render(request, "registry/change.html", {
        "change": change, "can_write": can_write_commune(request.user, change.commune_id),
        "own": change.created_by_id == request.user.pk,
    })


def _version(request: HttpRequest) -> int | None:
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return None


@login_required
@require_POST
def change_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    change = _change_or_404(request, pk)
    try:
        if action == "gui":
            do_submit_change(request.user, change, _version(request))
            messages.success(request, "Đã gửi yêu cầu để một cán bộ khác duyệt.")
        elif action in ("duyet", "tu-choi"):
            do_decide_change(request.user, change, approve=action == "duyet", note=request.POST.get("note", ""), version=_version(request))
            messages.success(request, "Đã duyệt và áp dụng thay đổi." if action == "duyet" else "Đã từ chối yêu cầu.")
        else:
            raise Http404("Không có thao tác này.")
    except UserError as err:
        messages.error(request, err.message)
    return redirect("registry:change", pk=change.pk)


def _payload(request: HttpRequest) -> dict[str, Any]:
    # a field may come twice (the typed commune code and the picker's): the first filled one counts
    payload: dict[str, Any] = {}
    for f in FIELDS:
        filled = [v for v in request.POST.getlist(f) if v.strip()]
        if filled:
            payload[f] = filled[0]
    members = [c for c in request.POST.getlist("members") if c.strip()]
    if members:
        payload["members"] = members
    return payload


def _effective(request: HttpRequest) -> dt.date | None:
    raw = request.POST.get("effective_date", "").strip()
    try:
        return dt.date.fromisoformat(raw) if raw else None
    except ValueError:
        raise UserError(f"Ngày có hiệu lực «{raw}» không hợp lệ (năm-tháng-ngày).") from None


def _file_from_post(request: HttpRequest, kinds: tuple[ChangeKind, ...], joins: ChangeKind, commune_id: int,
                    missing: str, **subject: Any) -> tuple[HttpResponse | None, str]:
    """File and submit the change the form posts about one person or household: the page to go to, or the refusal.

    ``joins`` is the kind that names a second household (by its code, in the same commune); ``missing`` says it was
    not found."""
    kind = request.POST.get("kind", "")
    try:
        if kind not in kinds:
            raise UserError("Hãy chọn loại thay đổi.")
        target = None
        if kind == joins:
            code = request.POST.get("target_code", "").strip()
            target = access_households(request.user).filter(commune_id=commune_id, code=code).first()
            if target is None:
                raise UserError(missing)
        change = do_file_change(request.user, kind, target=target, payload=_payload(request),
                                effective_date=_effective(request), reason=request.POST.get("reason", ""), submit=True,
                                **subject)
    except UserError as err:
        return None, err.message
    messages.success(request, f"Đã lập và gửi duyệt yêu cầu #{change.pk}.")
    return redirect("registry:change", pk=change.pk), ""


@login_required
@require_http_methods(["GET", "POST"])
def change_new_person(request: HttpRequest, code: str) -> HttpResponse:
    person = person_or_404(request.user, code)
    error = ""
    if request.method == "POST":
        done, error = _file_from_post(request, PERSON_KINDS, ChangeKind.MOVE_PERSON, person.commune_id,
                                      "Không tìm thấy hộ chuyển đến trong xã, phường này.", person=person)
        if done is not None:
            return done
    return render(request, "registry/change_new.html", {
        "person": person, "household": current_household(person), "kinds": [(k.value, k.label) for k in PERSON_KINDS],
        "error": error, "post": request.POST,
    }, status=400 if error else 200)


@login_required
@require_http_methods(["GET", "POST"])
def change_new_household(request: HttpRequest, pk: int) -> HttpResponse:
    household = household_or_404(request.user, pk)
    error = ""
    if request.method == "POST":
        done, error = _file_from_post(request, HOUSEHOLD_KINDS, ChangeKind.MERGE_HOUSEHOLDS, household.commune_id,
                                      "Không tìm thấy hộ nhận trong xã, phường này.", household=household,
                                      override_reason=request.POST.get("override_reason", ""))
        if done is not None:
            return done
    return render(request, "registry/change_new.html", {
        "household": household, "kinds": [(k.value, k.label) for k in HOUSEHOLD_KINDS], "error": error, "post": request.POST,
        **_commune_picker(request),
    }, status=400 if error else 200)


def _commune_picker(request: HttpRequest) -> dict[str, Any]:
    """The new-commune picker without JavaScript: «Tìm» reloads with ``xa-moi-q``; only communes the user may write."""
    from ansinh.geo.search import picker_results

    query = request.GET.get("xa-moi-q", "").strip()
    found = picker_results(request.user, query, level="commune")
    if found is None:
        return {"picker_query": "", "picker_results": None}
    return {"picker_query": query, "picker_results": [u for u in found if can_write_commune(request.user, int(str(u["id"])))]}
