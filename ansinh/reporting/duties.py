"""Separation of duties: who may approve a submission.

Two rules, both checked inside ``do_approve``'s transaction:

1. **Above the unit.** The approver writes the level above the unit (its parent), or, for a
   report made by one agency of a unit or by the plan's own area (a commune's plan reported by the
   commune itself), is a standing officer of the plan over that unit: the standing agency is the
   one the plan names to consolidate its reports. Otherwise an officer never approves a report of
   the unit they sit in. Administrators pass this rule.
2. **Not their own figures.** Nobody approves a submission they submitted or whose values or
   task progress they edited, administrators included. ``ANSINH_ALLOW_SELF_APPROVAL=true``
   (``settings.ALLOW_SELF_APPROVAL``) lifts rule 2 for places with a single officer; the audit row
   of such an approval then records ``self_approval`` with the reason.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied

from ansinh.accounts.access import can_write_unit, is_admin, is_standing_officer
from ansinh.core.models import AuditEvent
from ansinh.reporting.models import IndicatorValueRevision, Submission, TaskProgress


def _is_person(actor: Any) -> bool:
    return bool(actor is not None and getattr(actor, "is_authenticated", False))


def sits_above(actor: Any, submission: Submission) -> bool:
    """Rule 1: the actor's scope is above the submission's unit (admins and the system pass)."""
    if actor is None or is_admin(actor):
        return True
    unit = submission.unit
    parent = unit.parent
    if parent is not None and can_write_unit(actor, parent):
        return True
    plan = submission.cycle.plan
    if submission.agency_id is not None or (plan.area_id is not None and unit.pk == plan.area_id):
        return is_standing_officer(actor, plan) and can_write_unit(actor, unit)
    return False


def require_above(actor: Any, submission: Submission) -> None:
    if not sits_above(actor, submission):
        raise PermissionDenied(
            f"Bạn không có quyền phê duyệt hoặc trả lại báo cáo của {submission.unit.name}: "
            "người phê duyệt phải thuộc cấp trên của đơn vị báo cáo."
        )


def own_work(actor: Any, submission: Submission) -> str | None:
    """Why the actor's approval would approve their own figures ("đã gửi", "đã sửa số liệu"), or None."""
    if not _is_person(actor):
        return None
    if submission.submitted_by_id == actor.pk:
        return "bạn đã gửi báo cáo này"
    if IndicatorValueRevision.objects.filter(value__submission=submission, actor=actor).exists():
        return "bạn đã nhập hoặc sửa số liệu của báo cáo này"
    progress_ids = [str(pk) for pk in TaskProgress.objects.filter(submission=submission).values_list("pk", flat=True)]
    if progress_ids and AuditEvent.objects.filter(
        object_type=TaskProgress._meta.label, object_id__in=progress_ids, actor=actor
    ).exists():
        return "bạn đã nhập hoặc sửa tiến độ nhiệm vụ của báo cáo này"
    return None


def self_approval_allowed() -> bool:
    return bool(getattr(settings, "ALLOW_SELF_APPROVAL", False))


def require_independent(actor: Any, submission: Submission) -> str | None:
    """Rule 2. Returns the reason when the setting let a self-approval through (for the audit row)."""
    reason = own_work(actor, submission)
    if reason is None:
        return None
    if self_approval_allowed():
        return reason
    raise PermissionDenied(
        f"Bạn không được phê duyệt báo cáo của {submission.unit.name} vì {reason}. "
        "Người phê duyệt phải là người khác với người nhập và gửi số liệu."
    )
