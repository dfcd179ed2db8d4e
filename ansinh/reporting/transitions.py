"""The workflow of a submission: send it for approval, approve it (its values roll up), return it for correction.

Each ``do_*`` runs in one transaction and leaves an audit row; ``reporting.actions`` re-exports them, so callers
import every reporting write from there.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from ansinh.core.models import audit
from ansinh.core.versioning import stamp
from ansinh.notifications.actions import notify_approved, notify_returned, notify_submitted
from ansinh.reporting import duties, rollup, versions
from ansinh.reporting.action_guards import (
    lock,
    moment,
    require_approve,
    require_edit,
    require_editable,
    submission_state,
)
from ansinh.reporting.models import Submission
from ansinh.reporting.validation import FieldError, ReportingError, ValidationFailed, unexplained_misses


@transaction.atomic
def do_submit(
    actor: Any,
    submission: Submission,
    *,
    received_at: dt.datetime | None = None,
    expected_version: int | None = None,
) -> Submission:
    """Send a report for approval; ``received_at`` records when a paper report actually arrived."""
    require_edit(actor, submission)
    submitted_at = moment(received_at, "nhận báo cáo")
    submission = lock(submission)
    require_editable(submission)
    versions.check(submission, expected_version)
    if not submission.values.exists() and not submission.task_progress.exists():
        raise ReportingError("Báo cáo chưa có số liệu hoặc tiến độ nhiệm vụ nào, chưa gửi được.")
    if missing := unexplained_misses(submission):
        raise ReportingError(
            f"Chưa gửi được: {len(missing)} chỉ tiêu chưa đạt mốc mà chưa có giải trình ({'; '.join(missing)}). "
            "Hãy ghi giải trình rồi gửi lại."
        )
    before = submission_state(submission)
    submission.status = Submission.Status.SUBMITTED
    submission.submitted_by = actor if getattr(actor, "is_authenticated", False) else None
    submission.submitted_at = submitted_at
    submission.return_reason = ""
    versions.bump(submission)
    submission.save()
    audit(
        actor,
        "reporting.submit",
        submission,
        summary=str(submission),
        before=before,
        after=stamp(submission_state(submission), submission.version),
    )
    notify_submitted(submission, actor)
    return submission


@transaction.atomic
def do_approve(
    actor: Any, submission: Submission, *, at: dt.datetime | None = None, expected_version: int | None = None
) -> Submission:
    """Approve a submitted report: it is locked and its values roll up in this transaction.

    The approver sits above the unit and did not submit or edit the report (``reporting.duties``).
    """
    approved_at = moment(at, "phê duyệt")
    submission = lock(submission)
    require_approve(actor, submission)
    if submission.status != Submission.Status.SUBMITTED:
        raise ReportingError(
            f"Chỉ phê duyệt được báo cáo đã gửi (hiện: «{submission.get_status_display()}»)."
        )
    versions.check(submission, expected_version)
    self_approval = duties.require_independent(actor, submission)
    before = submission_state(submission)
    submission.status = Submission.Status.APPROVED
    submission.approved_by = actor if getattr(actor, "is_authenticated", False) else None
    if submission.submitted_at and approved_at < submission.submitted_at:
        raise ReportingError("Thời điểm phê duyệt không được trước thời điểm gửi báo cáo.")
    submission.approved_at = approved_at
    versions.bump(submission)
    submission.save()
    # the roll-up is computed now and written last: the shared province and country rows stay
    # locked only from that write to the commit, so concurrent approvers barely wait on each other
    pending = rollup.plan_submission(submission, +1)
    after = submission_state(submission)
    summary = f"{submission} ({pending.touched} số liệu tổng hợp cập nhật)"
    if self_approval:
        after["self_approval"] = self_approval
        summary = f"Tự phê duyệt (được phép theo ANSINH_ALLOW_SELF_APPROVAL: {self_approval}) — {summary}"
    audit(
        actor,
        "reporting.approve",
        submission,
        summary=summary,
        before=before,
        after=stamp(after, submission.version),
    )
    notify_approved(submission, actor)
    pending.write()
    return submission


@transaction.atomic
def do_return(
    actor: Any, submission: Submission, reason: str, *, expected_version: int | None = None
) -> Submission:
    """Return a submitted (or approved) report for correction; an approved one leaves the roll-up."""
    submission = lock(submission)
    require_approve(actor, submission)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationFailed([FieldError(0, "", "return_reason", "Cần ghi lý do trả lại báo cáo.")])
    if submission.status not in (Submission.Status.SUBMITTED, Submission.Status.APPROVED):
        raise ReportingError(
            f"Chỉ trả lại được báo cáo đã gửi hoặc đã phê duyệt (hiện: «{submission.get_status_display()}»)."
        )
    versions.check(submission, expected_version)
    was_approved = submission.status == Submission.Status.APPROVED
    before = submission_state(submission)
    submission.status = Submission.Status.RETURNED
    submission.return_reason = reason
    submission.approved_by = None
    submission.approved_at = None
    versions.bump(submission)
    submission.save()
    if was_approved:
        rollup.apply_submission(submission, -1)
    audit(
        actor,
        "reporting.return",
        submission,
        summary=reason,
        before=before,
        after=stamp(submission_state(submission), submission.version),
    )
    notify_returned(submission, actor)
    return submission
