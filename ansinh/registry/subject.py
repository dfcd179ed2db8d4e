"""The data-subject report (Law 91/2025/QH15): everything held about one person, and who read it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import Http404
from django.utils import timezone

from ansinh.registry import codes
from ansinh.registry.models import Membership, Person
from ansinh.registry.models_privacy import AccessKind
from ansinh.registry.privacy import accesses_of, log_access


def _value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date | dt.datetime) else value


def subject_report(person: Person, identity: dict[str, Any] | None = None) -> dict[str, Any]:
    """A JSON-ready dict; ``identity`` (from ``access.identity_for``) masks the ID and phone if given."""
    fields = ("registry_code", "full_name", "birth_date", "birth_precision", "sex", "personal_id", "ethnicity", "phone",
              "alive", "death_date", "ma_ban_ghi", "province_code", "simulated", "created_at", "updated_at", "deleted_at", "deleted_reason")
    data = {f: _value(getattr(person, f)) for f in fields}
    if identity is not None:
        data["personal_id"], data["phone"] = identity["personal_id"], identity["phone"]
    data["commune"] = {"code": person.commune.code, "name": person.commune.name}
    memberships = Membership.objects.filter(person=person).select_related("household").order_by("valid_from", "id")
    return {
        "generated_at": timezone.now().isoformat(),
        "legal_basis": "Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 (hiệu lực 01/01/2026): quyền được biết, xem dữ liệu của mình.",
        "person": data,
        "households": [
            {"household": m.household.code, "address": m.household.address, "relation": m.get_relation_display(),
             "valid_from": _value(m.valid_from) if m.start_known else None, "valid_to": _value(m.valid_to)} for m in memberships
        ],
        "changes": [
            {"id": c.pk, "kind": c.get_kind_display(), "status": c.get_status_display(), "effective_date": _value(c.effective_date),
             "before": c.before, "after": c.after, "reason": c.reason} for c in person.changes.order_by("created_at")
        ],
        "reads": [
            {"at": _value(a.at), "by": str(a.user) if a.user else "hệ thống", "kind": a.get_kind_display(), "purpose": a.purpose}
            for a in accesses_of(person.pk, 10000)
        ],
    }


def subject_report_by_code(code: str, user: Any, purpose: str) -> dict[str, Any]:
    """For the CLI (operator): the report, logged as a read with its purpose."""
    from ansinh.core.errors import UserError

    if not purpose.strip():
        raise UserError("Hãy ghi mục đích của báo cáo (ví dụ: theo đơn yêu cầu của người dân ngày …).")
    person = Person.objects.select_related("commune").filter(registry_code=codes.normalise(code)).first()
    if person is None:
        raise UserError(f"Không có nhân khẩu mã số an sinh «{code}».")
    report = subject_report(person)
    log_access(user, AccessKind.REPORT, [person.pk], purpose=purpose)
    return report


__all__ = ["Http404", "subject_report", "subject_report_by_code"]
