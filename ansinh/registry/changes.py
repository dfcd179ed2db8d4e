"""Change requests: file (draft), submit, approve or reject by a second person; approval applies.

Every ``do_*`` runs in one transaction, checks the request's ``version`` (optimistic concurrency),
checks scope (``registry.access``) and writes an audit row. Applying is in ``registry.apply``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from ansinh.core.errors import UserError
from ansinh.core.models import audit
from ansinh.registry.access import can_write_commune
from ansinh.registry.apply import apply_change, clean_payload
from ansinh.registry.models import ChangeRequest, Household, Person
from ansinh.registry.models_changes import ChangeKind, ChangeStatus


class ChangeRefused(UserError):
    pass


def _check_version(obj: Any, version: int | None, what: str) -> None:
    if version is not None and obj.version != version:
        raise ChangeRefused(f"{what} vừa được người khác thay đổi (phiên bản {obj.version}, bạn gửi phiên bản {version}); hãy tải lại trang.")


def _require_write(user: Any, commune_id: int) -> None:
    if not can_write_commune(user, commune_id):
        raise ChangeRefused("Bạn không có quyền thay đổi dữ liệu hộ, nhân khẩu của xã, phường này.")


@transaction.atomic
def do_file_change(
    user: Any, kind: str, *, person: Person | None = None, household: Household | None = None,
    target: Household | None = None, payload: dict[str, Any] | None = None, effective_date: dt.date | None = None,
    reason: str = "", submit: bool = False, override_reason: str = "",
) -> ChangeRequest:
    """A new change request (a draft, or submitted at once); the payload is checked now, not at approval."""
    if kind not in ChangeKind.values:
        raise ChangeRefused(f"Loại thay đổi «{kind}» không có.")
    subject_household = household
    if person is not None and subject_household is None:
        subject_household = current_household(person)
    commune_id = person.commune_id if person is not None else (household.commune_id if household else None)
    if commune_id is None:
        raise ChangeRefused("Yêu cầu thay đổi phải nói rõ nhân khẩu hoặc hộ gia đình.")
    _require_write(user, commune_id)
    effective = effective_date or timezone.localdate()
    if effective > timezone.localdate() + dt.timedelta(days=366):
        raise ChangeRefused("Ngày có hiệu lực không được quá một năm sau hôm nay.")
    cleaned, before = clean_payload(kind, person, subject_household, target, payload or {}, effective)
    _require_destination(user, cleaned)
    if not reason.strip():
        raise ChangeRefused("Hãy ghi lý do thay đổi (ví dụ: theo giấy khai sinh, theo đơn của hộ).")
    province = person.province_code if person is not None else (household.province_code if household else "")
    if kind == ChangeKind.ADD_MEMBER or (kind == ChangeKind.CORRECT_PERSON and "personal_id" in cleaned):
        from ansinh.registry.dedup.gate import check_exact_id, check_likely

        if cleaned.get("personal_id"):
            check_exact_id(cleaned["personal_id"], exclude=person.pk if person is not None else None)
        if kind == ChangeKind.ADD_MEMBER:
            check_likely(cleaned, commune_id, province, user=user, override_reason=override_reason)
    change = ChangeRequest.objects.create(
        kind=kind, commune_id=commune_id, province_code=province, person=person,
        household=household if person is None else subject_household, target_household=target, payload=cleaned,
        before=before, effective_date=effective, reason=reason.strip()[:500], created_by=user,
        status=ChangeStatus.SUBMITTED if submit else ChangeStatus.DRAFT, submitted_at=timezone.now() if submit else None,
    )
    audit(user, "registry.change_file", change, summary=f"Lập yêu cầu: {change.get_kind_display()}", after=cleaned)
    return change


def _require_destination(user: Any, payload: dict[str, Any]) -> None:
    """A household moves only into a commune whose registry the user (filer, then approver) may write."""
    if payload.get("commune_id") and not can_write_commune(user, int(payload["commune_id"])):
        raise ChangeRefused(
            f"Bạn không có quyền ghi dữ liệu hộ, nhân khẩu của {payload.get('commune_name', 'xã, phường chuyển đến')}; "
            "cần cán bộ có quyền ở cả hai xã, phường."
        )


def current_household(person: Person) -> Household | None:
    member = person.memberships.filter(valid_to__isnull=True).select_related("household").first()
    return member.household if member else None


@transaction.atomic
def do_submit_change(user: Any, change: ChangeRequest, version: int | None = None) -> ChangeRequest:
    change = ChangeRequest.objects.select_for_update().get(pk=change.pk)
    _check_version(change, version, "Yêu cầu thay đổi")
    _require_write(user, change.commune_id)
    if change.status != ChangeStatus.DRAFT:
        raise ChangeRefused(f"Chỉ gửi duyệt được bản nháp; yêu cầu này đang «{change.get_status_display()}».")
    change.status, change.submitted_at, change.version = ChangeStatus.SUBMITTED, timezone.now(), change.version + 1
    change.save(update_fields=["status", "submitted_at", "version"])
    audit(user, "registry.change_submit", change, summary=f"Gửi duyệt: {change.get_kind_display()}")
    return change


@transaction.atomic
def do_decide_change(user: Any, change: ChangeRequest, *, approve: bool, note: str = "", version: int | None = None) -> ChangeRequest:
    """Approve (and apply, in this transaction) or reject; never by the person who filed it."""
    change = ChangeRequest.objects.select_for_update().get(pk=change.pk)
    _check_version(change, version, "Yêu cầu thay đổi")
    _require_write(user, change.commune_id)
    if change.status != ChangeStatus.SUBMITTED:
        raise ChangeRefused(f"Chỉ duyệt được yêu cầu đang chờ duyệt; yêu cầu này đang «{change.get_status_display()}».")
    if change.created_by_id is not None and change.created_by_id == getattr(user, "pk", None):
        raise ChangeRefused("Người lập yêu cầu không được tự duyệt; cần một cán bộ khác duyệt.")
    if not approve and not note.strip():
        raise ChangeRefused("Khi từ chối, hãy ghi lý do để người lập biết cần sửa gì.")
    change.decided_by, change.decided_at, change.decision_note = user, timezone.now(), note.strip()[:500]
    change.version += 1
    if approve:
        _require_destination(user, change.payload)
        change.after = apply_change(change)
        change.status = ChangeStatus.APPLIED
    else:
        change.status = ChangeStatus.REJECTED
    change.save()
    action = "registry.change_apply" if approve else "registry.change_reject"
    audit(user, action, change, summary=f"{change.get_status_display()}: {change.get_kind_display()}", before=change.before, after=change.after)
    return change
