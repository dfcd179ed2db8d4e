"""Writes to reporting data. Each ``do_*`` runs in one transaction and leaves an audit row.

Web form, Excel upload and API call these same functions. Validation problems are raised as
:class:`ValidationFailed` carrying one :class:`FieldError` per bad cell (Vietnamese messages);
nothing is stored when any cell is invalid. ``actor=None`` is the system (demo, imports).
Who may edit or approve lives in :mod:`ansinh.reporting.action_guards`; sending, approving and returning a
submission in :mod:`ansinh.reporting.transitions` (both re-exported here: import every write from this module).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.files.base import File
from django.db import transaction
from django.utils import timezone

from ansinh.core.models import audit
from ansinh.core.versioning import stamp
from ansinh.plans.models import Plan, Target, Task
from ansinh.plans.scope import can_link_plan
from ansinh.reporting import sources, versions
from ansinh.reporting.action_guards import (
    VALUE_FIELDS,
    lock,
    require_approve,
    require_edit,
    require_editable,
    require_in_force,
    submission_state,
    value_state,
)
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
from ansinh.reporting.transitions import do_approve, do_return, do_submit
from ansinh.reporting.validation import FieldError, ReportingError, ValidationFailed, validate_values

__all__ = [
    "MAX_ATTACHMENT_BYTES", "TASK_FIELDS", "VALUE_FIELDS", "FieldError", "ReportingError", "ValidationFailed",
    "do_add_attachment", "do_approve", "do_link_target", "do_open_submission", "do_return", "do_save_task_progress",
    "do_save_values", "do_submit", "require_approve", "require_edit", "validate_values",
]

MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
NO_LINK = "Bạn không có quyền gắn chỉ tiêu của kế hoạch này với danh mục."


# --- actions ----------------------------------------------------------------------------------


@transaction.atomic
def do_link_target(
    actor: Any, target: Target, indicator: Indicator, *, confirmed: bool = True, score: float | None = None
) -> TargetIndicatorLink:
    """Link (or re-link) a plan target to a catalogue indicator; ``confirmed`` records who confirmed it."""
    if actor is not None and not can_link_plan(actor, target.plan):
        raise PermissionDenied(NO_LINK)
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
    require_in_force(unit, cycle)
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
            after=submission_state(submission),
        )
    return submission


@transaction.atomic
def do_save_values(
    actor: Any, submission: Submission, values: Sequence[Mapping[str, Any]], *, expected_version: int | None = None,
    draft: bool = False,
) -> list[IndicatorValue]:
    """Store values; each dict: indicator (code or Indicator), value, numerator, denominator, status, comment.

    All or nothing: any invalid cell raises :class:`ValidationFailed` and stores nothing; a save
    from an older ``expected_version`` raises ``versions.SubmissionChanged`` and stores nothing. A ``draft``
    save keeps a missed milestone without its explanation; sending asks for it.
    """
    require_edit(actor, submission)
    submission = lock(submission)
    require_editable(submission)
    versions.check(submission, expected_version)
    cleaned, errors = validate_values(submission, values, draft=draft)
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
        before = value_state(current)
        value = current or IndicatorValue(submission=submission, indicator=indicator)
        for name in VALUE_FIELDS:
            setattr(value, name, clean[name])
        value.flags = clean["flags"]
        after = value_state(value)
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
    submission = lock(submission)
    require_editable(submission)
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
    submission = lock(submission)
    require_editable(submission)
    if file.size is not None and file.size > MAX_ATTACHMENT_BYTES:
        raise ReportingError("Tệp đính kèm quá lớn (tối đa 20 MB).")
    name = (name or getattr(file, "name", "") or "tep-dinh-kem").rsplit("/", 1)[-1][:255]
    user = actor if getattr(actor, "is_authenticated", False) else None
    attachment = SubmissionAttachment(submission=submission, name=name, uploaded_by=user)
    attachment.file.save(name, file, save=False)
    attachment.save()
    audit(actor, "reporting.add_attachment", attachment, summary=name, after={"file": attachment.file.name})
    return attachment
