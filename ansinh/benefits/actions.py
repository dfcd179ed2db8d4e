"""Dossier actions: each ``do_*`` is atomic, scope-checked, version-checked where editable, and audited.

- ``do_file_dossier``: a person's application for a programme, due after the programme's processing
  time in working days (``reporting.cycles.add_working_days``) when the data gives one;
- ``do_decide``: the competent authority's decision. When the authority in force on the signing
  day names a role in the system (``Authority.decider_role``, e.g. the commune chairman under
  NĐ 147/2025 from 01/07/2025), only a user holding that role on the dossier's commune signs; an
  authority outside the system (the district chairman before 01/07/2025) is recorded by the commune
  officer. Refused: a decision signed before the dossier was received or in the future, a second
  active grant for the same person, programme and category, an unknown category, a dossier already
  decided, a stale version.

Preparing a dossier (``actions_dossier``): attachments, the assigned officer, submission.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from ansinh.benefits.models import Authority, Category, Decision, Dossier, ProcessingTime, Programme
from ansinh.core.errors import UserError
from ansinh.core.models import LegalDatum, audit
from ansinh.registry.access import can_write_commune
from ansinh.registry.models import Person


def _in_force(day: dt.date) -> Q:
    return LegalDatum.in_force(day)


def _may_write(user: Any, commune_id: int) -> None:
    if user is not None and not can_write_commune(user, commune_id):
        raise UserError("Bạn không có quyền lập hoặc giải quyết hồ sơ trợ cấp của xã, phường này.")


def _may_sign(user: Any, commune_id: int, authority: Authority | None) -> None:
    """The signer: the role the authority data names, or (an authority outside the system) the commune officer."""
    from ansinh.benefits.access import holds_role

    if user is None:
        return
    if authority is not None and authority.decider_role:
        if not holds_role(user, authority.decider_role, commune_id):
            raise UserError(
                f"Quyết định này thuộc thẩm quyền {authority.role} ({authority.source}); "
                "tài khoản của bạn không giữ vai trò đó tại xã, phường của hồ sơ."
            )
        return
    _may_write(user, commune_id)


@transaction.atomic
def do_file_dossier(user: Any, person: Person, programme_code: str, received_on: dt.date, officer: Any = None) -> Dossier:
    from ansinh.reporting.cycles import add_working_days

    _may_write(user, person.commune_id)
    programme = Programme.objects.filter(code=programme_code).first()
    if programme is None:
        raise UserError(f"Không có chương trình trợ cấp mã «{programme_code}».")
    if not person.alive or person.death_date is not None:
        raise UserError(f"{person.full_name} đã được ghi nhận là đã mất; không lập hồ sơ hưởng trợ cấp.")
    if person.deleted_at is not None:
        raise UserError("Nhân khẩu này đã bị xóa khỏi sổ.")
    if received_on > timezone.localdate():
        raise UserError(f"Ngày tiếp nhận ({received_on:%d/%m/%Y}) không được ở tương lai.")
    if Dossier.objects.filter(
        person=person, programme=programme, status__in=(Dossier.Status.RECEIVED, Dossier.Status.SUBMITTED)
    ).exists():
        raise UserError(f"{person.full_name} đã có một hồ sơ «{programme.name}» đang giải quyết.")
    if officer is not None:
        from ansinh.benefits.actions_dossier import require_officer

        require_officer(officer, person.commune_id)
    processing = ProcessingTime.objects.filter(_in_force(received_on), programme=programme).first()
    dossier = Dossier.objects.create(
        person=person, programme=programme, commune_id=person.commune_id, province_code=person.province_code,
        received_on=received_on, processing_time=processing, officer=officer,
        due_on=add_working_days(received_on, processing.working_days) if processing else None,
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    audit(user, "benefits.dossier.file", dossier, summary=f"Tiếp nhận hồ sơ {programme.name} của {person.registry_code}")
    return dossier


@transaction.atomic
def do_decide(
    user: Any, dossier: Dossier, version: int, *, signed_on: dt.date, number: str, granted: bool,
    category_code: str = "", conditions: Iterable[str] = (), reason: str = "",
) -> Decision:
    locked = Dossier.objects.select_for_update().select_related("programme", "person").get(pk=dossier.pk)
    authority = Authority.objects.filter(_in_force(signed_on), programme=locked.programme).first()
    _may_sign(user, locked.commune_id, authority)
    if locked.version != version:
        raise UserError("Hồ sơ vừa được người khác thay đổi; hãy tải lại trang.")
    if locked.status not in (Dossier.Status.RECEIVED, Dossier.Status.SUBMITTED):
        raise UserError("Hồ sơ này đã có quyết định.")
    if not number.strip():
        raise UserError("Hãy ghi số quyết định.")
    if signed_on > timezone.localdate():
        raise UserError(f"Ngày ký quyết định ({signed_on:%d/%m/%Y}) không được ở tương lai.")
    if signed_on < locked.received_on:
        raise UserError(
            f"Ngày ký quyết định ({signed_on:%d/%m/%Y}) trước ngày tiếp nhận hồ sơ ({locked.received_on:%d/%m/%Y})."
        )
    confirmed = set(conditions)
    if granted:
        category = Category.objects.filter(_in_force(signed_on), programme=locked.programme, code=category_code).first()
        if category is None:
            raise UserError(f"Chương trình «{locked.programme.name}» không có đối tượng mã «{category_code}» vào ngày ký.")
        confirmed.update(category.conditions)  # granting a category confirms the conditions it requires
        if Decision.objects.filter(
            person=locked.person, programme=locked.programme, category_code=category_code, granted=True, ends_on__isnull=True
        ).exists():
            raise UserError(f"{locked.person.full_name} đang có một quyết định hưởng «{category_code}» còn hiệu lực.")
    elif not reason.strip():
        raise UserError("Hãy ghi lý do không cho hưởng.")
    try:
        with transaction.atomic():
            decision = Decision.objects.create(
                dossier=locked, person=locked.person, programme=locked.programme, granted=granted,
                category_code=category_code if granted else "", conditions=sorted(confirmed) if granted else [], number=number.strip(),
                signed_on=signed_on, effective_from=signed_on.replace(day=1) if granted else None, authority=authority,
                reason=reason.strip(), province_code=locked.province_code,
                created_by=user if getattr(user, "is_authenticated", False) else None,
            )
    except IntegrityError:
        raise UserError(f"{locked.person.full_name} đang có một quyết định hưởng «{category_code}» còn hiệu lực.") from None
    locked.status = Dossier.Status.DECIDED if granted else Dossier.Status.REFUSED
    locked.version += 1
    locked.save(update_fields=["status", "version"])
    audit(user, "benefits.dossier.decide", decision, summary=f"Quyết định {decision.number}: {'cho hưởng' if granted else 'không cho hưởng'}")
    return decision
