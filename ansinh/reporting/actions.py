"""Writes to reporting data. Each ``do_*`` runs in one transaction and leaves an audit row.

Web form, Excel upload and API call these same functions. Validation problems are raised as
:class:`ValidationFailed` carrying one :class:`FieldError` per bad cell (Vietnamese messages);
nothing is stored when any cell is invalid. ``actor=None`` is the system (demo, imports).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.files.base import File
from django.db import transaction
from django.utils import timezone

from ansinh.accounts.access import can_write_unit, is_admin, is_standing_officer
from ansinh.core.models import audit
from ansinh.core.versioning import stamp
from ansinh.notifications.actions import notify_approved, notify_returned, notify_submitted
from ansinh.plans.models import Plan, Target, Task
from ansinh.reporting import duties, rollup, sources, versions
from ansinh.reporting.models import (
    Indicator,
    IndicatorValue,
    IndicatorValueRevision,
    ReportingCycle,
    Submission,
    SubmissionAttachment,
    TargetIndicatorLink,
    TaskProgress,
)
from ansinh.reporting.validation import FieldError, ReportingError, ValidationFailed, validate_values

__all__ = ["FieldError", "ReportingError", "ValidationFailed", "validate_values"]

VALUE_FIELDS = ("value", "numerator", "denominator", "status", "comment")
MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024


# --- permissions ------------------------------------------------------------------------------


def _is_system(actor: Any) -> bool:
    return actor is None


def require_edit(actor: Any, submission: Submission) -> None:
    if _is_system(actor):
        return
    if not can_write_unit(actor, submission.unit):
        raise PermissionDenied(f"Bạn không có quyền nhập hoặc sửa báo cáo của {submission.unit.name}.")


def require_approve(actor: Any, submission: Submission) -> None:
    """Approvers sit above the unit (``reporting.duties``): its parent's officers, the plan's standing
    officers for an agency's report, or an admin."""
    duties.require_above(actor, submission)


def _value_state(value: IndicatorValue | None) -> dict[str, Any] | None:
    if value is None:
        return None
    return {name: getattr(value, name) for name in VALUE_FIELDS}


def _submission_state(submission: Submission) -> dict[str, Any]:
    return {"status": submission.status, "return_reason": submission.return_reason}


def _lock(submission: Submission) -> Submission:
    return (
        Submission.objects.select_for_update(of=("self",))
        .select_related("unit", "unit__parent", "cycle", "cycle__plan")
        .get(pk=submission.pk)
    )


def _require_in_force(unit: Any, cycle: ReportingCycle) -> None:
    """A unit reports only for cycles whose window overlaps its validity (no report before it existed)."""
    if not cycle.has_in_force(unit):
        until = f" đến {unit.valid_to:%d/%m/%Y}" if unit.valid_to else ""
        raise ReportingError(
            f"{unit.name} có hiệu lực từ {unit.valid_from:%d/%m/%Y}{until}, không trùng với kỳ «{cycle.label}» "
            f"({cycle.period_start:%d/%m/%Y}–{cycle.period_end:%d/%m/%Y}): không mở được báo cáo. "
            "Số liệu của kỳ này do đơn vị có hiệu lực khi đó báo cáo và được quy đổi qua bảng chuyển đổi."
        )


def _require_editable(submission: Submission) -> None:
    if not submission.is_editable:
        raise ReportingError(
            f"Báo cáo đang ở trạng thái «{submission.get_status_display()}», không sửa được. "
            "Báo cáo đã phê duyệt bị khóa; cần trả lại để sửa."
        )


# --- actions ----------------------------------------------------------------------------------


@transaction.atomic
def do_link_target(
    actor: Any, target: Target, indicator: Indicator, *, confirmed: bool = True, score: float | None = None
) -> TargetIndicatorLink:
    """Link (or re-link) a plan target to a catalogue indicator; ``confirmed`` records who confirmed it."""
    if actor is not None and not (
        is_admin(actor) or is_standing_officer(actor, target.plan) or actor.has_perm("plans.change_plan")
    ):
        raise PermissionDenied("Bạn không có quyền gắn chỉ tiêu của kế hoạch với danh mục.")
    link = TargetIndicatorLink.objects.select_for_update().filter(target=target).first()
    before = None if link is None else {"indicator": link.indicator.code, "confirmed": link.confirmed}
    if link is None:
        link = TargetIndicatorLink(target=target, indicator=indicator)
    link.indicator = indicator
    link.confirmed = confirmed
    if score is not None:
        link.suggested_score = score
    link.confirmed_by = actor if confirmed and actor is not None else None
    link.confirmed_at = timezone.now() if confirmed else None
    link.save()
    audit(
        actor,
        "reporting.link_target",
        link,
        summary=f"{target.indicator_name} → {indicator.code}",
        before=before,
        after={"indicator": indicator.code, "confirmed": confirmed},
    )
    return link


@transaction.atomic
def do_open_submission(
    actor: Any, cycle: ReportingCycle, unit: Any, agency: Any = None, *, simulated: bool = False
) -> Submission:
    """Get or create the unit's submission for the cycle; the unit must be in force during the cycle."""
    probe = Submission(cycle=cycle, unit=unit, agency=agency)
    require_edit(actor, probe)
    _require_in_force(unit, cycle)
    plan = Plan.objects.select_related("area").get(pk=cycle.plan_id)  # the stored area, not a stale copy
    if plan.area is not None and not plan.covers(unit):
        raise ReportingError(
            f"Kế hoạch này áp dụng trên địa bàn {plan.area.name}; {unit.name} không thuộc địa bàn đó nên không mở báo cáo được."
        )
    submission, created = Submission.objects.get_or_create(
        cycle=cycle, unit=unit, agency=agency, defaults={"simulated": simulated}
    )
    sources.propose_values(submission)
    if created:
        audit(
            actor,
            "reporting.open_submission",
            submission,
            summary=f"{cycle.label} — {unit.name}",
            after=_submission_state(submission),
        )
    return submission


@transaction.atomic
def do_save_values(
    actor: Any, submission: Submission, values: Sequence[Mapping[str, Any]], *, expected_version: int | None = None
) -> list[IndicatorValue]:
    """Store values; each dict: indicator (code or Indicator), value, numerator, denominator, status, comment.

    All or nothing: any invalid cell raises :class:`ValidationFailed` and stores nothing; a save
    from an older ``expected_version`` raises ``versions.SubmissionChanged`` and stores nothing.
    """
    require_edit(actor, submission)
    submission = _lock(submission)
    _require_editable(submission)
    versions.check(submission, expected_version)
    cleaned, errors = validate_values(submission, values)
    errors = errors or sources.proposal_errors(submission, cleaned)
    if errors:
        raise ValidationFailed(errors)
    sources.record_decisions(actor, submission, cleaned)
    user = actor if getattr(actor, "is_authenticated", False) else None
    existing = {v.indicator_id: v for v in submission.values.select_for_update()}
    saved: list[IndicatorValue] = []
    new_values: list[IndicatorValue] = []
    changes: list[dict[str, Any]] = []
    revisions: list[IndicatorValueRevision] = []
    for clean in cleaned:
        indicator: Indicator = clean["indicator"]
        current = existing.get(indicator.pk)
        before = _value_state(current)
        value = current or IndicatorValue(submission=submission, indicator=indicator)
        for name in VALUE_FIELDS:
            setattr(value, name, clean[name])
        value.flags = clean["flags"]
        after = _value_state(value)
        saved.append(value)
        if current is not None and before == after:
            continue
        if current is None:
            new_values.append(value)
        else:
            value.save()
        revisions.append(IndicatorValueRevision(value=value, actor=user, before=before, after=after))
        changes.append({"indicator": indicator.code, "before": before, "after": after})
    if changes:
        versions.bump(submission)
    IndicatorValue.objects.bulk_create(new_values)
    for revision in revisions:
        revision.value_id = revision.value.pk
    IndicatorValueRevision.objects.bulk_create(revisions)
    if changes:
        audit(
            actor,
            "reporting.save_values",
            submission,
            summary=f"Cập nhật {len(changes)} chỉ tiêu",
            before={c["indicator"]: c["before"] for c in changes},
            after=stamp({c["indicator"]: c["after"] for c in changes}, submission.version),
        )
    return saved


TASK_FIELDS = ("status", "deadline", "completed_on", "result", "difficulties", "proposals")


@transaction.atomic
def do_save_task_progress(
    actor: Any, submission: Submission, items: Sequence[Mapping[str, Any]], *, expected_version: int | None = None
) -> list[TaskProgress]:
    """Each dict: task (Task or id), status, deadline, completed_on, result, difficulties, proposals."""
    require_edit(actor, submission)
    submission = _lock(submission)
    _require_editable(submission)
    versions.check(submission, expected_version)
    tasks = {t.pk: t for t in Task.objects.filter(plan_id=submission.cycle.plan_id)}
    errors: list[FieldError] = []
    rows: list[tuple[Task, dict[str, Any]]] = []
    for row, item in enumerate(items):
        ref = item.get("task")
        task = tasks.get(getattr(ref, "pk", ref))  # type: ignore[arg-type]
        if task is None:
            errors.append(FieldError(row, "", "task", "Nhiệm vụ không thuộc kế hoạch của kỳ báo cáo này."))
            continue
        data = {name: item.get(name) for name in TASK_FIELDS if name in item}
        status = data.get("status", TaskProgress.Status.IN_PROGRESS)
        if status not in TaskProgress.Status.values:
            errors.append(
                FieldError(row, task.number, "status", f"Nhiệm vụ {task.number}: tình trạng không hợp lệ.")
            )
        if status == TaskProgress.Status.COMPLETED and not data.get("completed_on"):
            errors.append(
                FieldError(
                    row,
                    task.number,
                    "completed_on",
                    f"Nhiệm vụ {task.number}: đã hoàn thành thì cần ghi ngày hoàn thành.",
                )
            )
        rows.append((task, data))
    if errors:
        raise ValidationFailed(errors)
    saved: list[TaskProgress] = []
    bumped = False
    for task, data in rows:
        progress, created = TaskProgress.objects.get_or_create(submission=submission, task=task)
        before = {n: str(getattr(progress, n)) for n in TASK_FIELDS}
        for name, value in data.items():
            setattr(
                progress,
                name,
                value
                if value is not None
                else ("" if name in ("result", "difficulties", "proposals") else None),
            )
        progress.full_clean(exclude=["submission", "task"])
        progress.save()
        after = {n: str(getattr(progress, n)) for n in TASK_FIELDS}
        if (created or after != before) and not bumped:
            versions.bump(submission)
            bumped = True
        audit(
            actor,
            "reporting.save_task_progress",
            progress,
            summary=f"Nhiệm vụ {task.number}",
            before=before,
            after=stamp(after, submission.version) if after != before else after,
        )
        saved.append(progress)
    return saved


@transaction.atomic
def do_add_attachment(
    actor: Any, submission: Submission, file: File[Any], name: str = ""
) -> SubmissionAttachment:
    require_edit(actor, submission)
    submission = _lock(submission)
    _require_editable(submission)
    if file.size is not None and file.size > MAX_ATTACHMENT_BYTES:
        raise ReportingError("Tệp đính kèm quá lớn (tối đa 20 MB).")
    name = (name or getattr(file, "name", "") or "tep-dinh-kem").rsplit("/", 1)[-1][:255]
    user = actor if getattr(actor, "is_authenticated", False) else None
    attachment = SubmissionAttachment(submission=submission, name=name, uploaded_by=user)
    attachment.file.save(name, file, save=False)
    attachment.save()
    audit(actor, "reporting.add_attachment", attachment, summary=name, after={"file": attachment.file.name})
    return attachment


def _moment(at: dt.datetime | None, what: str) -> dt.datetime:
    """``at`` for a report received on paper and entered later, else now; never in the future."""
    now = timezone.now()
    if at is None:
        return now
    if at > now:
        raise ReportingError(f"Thời điểm {what} không được ở tương lai.")
    return at


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
    submitted_at = _moment(received_at, "nhận báo cáo")
    submission = _lock(submission)
    _require_editable(submission)
    versions.check(submission, expected_version)
    if not submission.values.exists() and not submission.task_progress.exists():
        raise ReportingError("Báo cáo chưa có số liệu hoặc tiến độ nhiệm vụ nào, chưa gửi được.")
    before = _submission_state(submission)
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
        after=stamp(_submission_state(submission), submission.version),
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
    approved_at = _moment(at, "phê duyệt")
    submission = _lock(submission)
    require_approve(actor, submission)
    if submission.status != Submission.Status.SUBMITTED:
        raise ReportingError(
            f"Chỉ phê duyệt được báo cáo đã gửi (hiện: «{submission.get_status_display()}»)."
        )
    versions.check(submission, expected_version)
    self_approval = duties.require_independent(actor, submission)
    before = _submission_state(submission)
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
    after = _submission_state(submission)
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
    submission = _lock(submission)
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
    before = _submission_state(submission)
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
        after=stamp(_submission_state(submission), submission.version),
    )
    notify_returned(submission, actor)
    return submission
