"""Checks and states shared by the reporting writes (``actions`` and ``transitions``): who may edit or approve a
submission, whether it can still change, its row lock, and the audit states before and after a write."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from ansinh.accounts.access import can_write_unit
from ansinh.reporting import duties
from ansinh.reporting.models import IndicatorValue, ReportingCycle, Submission
from ansinh.reporting.validation import ReportingError

VALUE_FIELDS = ("value", "numerator", "denominator", "status", "comment")


# --- permissions ------------------------------------------------------------------------------


def is_system(actor: Any) -> bool:
    return actor is None


def require_edit(actor: Any, submission: Submission) -> None:
    if is_system(actor):
        return
    if not can_write_unit(actor, submission.unit):
        raise PermissionDenied(f"Bạn không có quyền nhập hoặc sửa báo cáo của {submission.unit.name}.")


def require_approve(actor: Any, submission: Submission) -> None:
    """Approvers sit above the unit (``reporting.duties``): its parent's officers, the plan's standing
    officers for an agency's report, or an admin."""
    duties.require_above(actor, submission)


def value_state(value: IndicatorValue | None) -> dict[str, Any] | None:
    if value is None:
        return None
    return {name: getattr(value, name) for name in VALUE_FIELDS}


def submission_state(submission: Submission) -> dict[str, Any]:
    return {"status": submission.status, "return_reason": submission.return_reason}


def lock(submission: Submission) -> Submission:
    return (
        Submission.objects.select_for_update(of=("self",))
        .select_related("unit", "unit__parent", "cycle", "cycle__plan")
        .get(pk=submission.pk)
    )


def require_in_force(unit: Any, cycle: ReportingCycle) -> None:
    """A unit reports only for cycles whose window overlaps its validity (no report before it existed)."""
    if not cycle.has_in_force(unit):
        until = f" đến {unit.valid_to:%d/%m/%Y}" if unit.valid_to else ""
        raise ReportingError(
            f"{unit.name} có hiệu lực từ {unit.valid_from:%d/%m/%Y}{until}, không trùng với kỳ «{cycle.label}» "
            f"({cycle.period_start:%d/%m/%Y}–{cycle.period_end:%d/%m/%Y}): không mở được báo cáo. "
            "Số liệu của kỳ này do đơn vị có hiệu lực khi đó báo cáo và được quy đổi qua bảng chuyển đổi."
        )


def require_editable(submission: Submission) -> None:
    if not submission.is_editable:
        raise ReportingError(
            f"Báo cáo đang ở trạng thái «{submission.get_status_display()}», không sửa được. "
            "Báo cáo đã phê duyệt bị khóa; cần trả lại để sửa."
        )


def moment(at: dt.datetime | None, what: str) -> dt.datetime:
    """``at`` for a report received on paper and entered later, else now; never in the future."""
    now = timezone.now()
    if at is None:
        return now
    if at > now:
        raise ReportingError(f"Thời điểm {what} không được ở tương lai.")
    return at
