"""The version of a submission: what a late save is told, and the compare-and-swap that bumps it.

``Submission.version`` starts at 1 and grows by one with every write that changes the report
(values, task progress, submit, approve, return). Each of those writes stamps the version it
produced into its audit row (``core.versioning.stamp``); :func:`changes_since` reads those rows
back to tell a late writer, field by field, what changed since the version they read.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ansinh.core import versioning
from ansinh.core.models import AuditEvent
from ansinh.core.versioning import Change, StaleVersion
from ansinh.lib.vnnumbers import format_short
from ansinh.reporting.models import Indicator, IndicatorValue, Submission, TaskProgress
from ansinh.reporting.validation import ReportingError

VALUE_LABELS = {
    "value": "Giá trị",
    "numerator": "Tử số",
    "denominator": "Mẫu số",
    "status": "Tình trạng số liệu",
    "comment": "Giải trình",
}
TASK_LABELS = {
    "status": "Tình trạng",
    "deadline": "Thời hạn",
    "completed_on": "Ngày hoàn thành",
    "result": "Kết quả",
    "difficulties": "Khó khăn, vướng mắc",
    "proposals": "Đề xuất, kiến nghị",
}
STATE_LABELS = {"status": "Trạng thái báo cáo", "return_reason": "Lý do trả lại"}
_CHOICES = {
    **dict(IndicatorValue.Status.choices),
    **dict(TaskProgress.Status.choices),
    **dict(Submission.Status.choices),
}


class SubmissionChanged(StaleVersion, ReportingError):
    """A save from an older version of a submission (the API answers 409)."""


def what(submission: Submission) -> str:
    return f"Báo cáo của {submission.unit.name}"


def _format(field: str, value: Any) -> str:
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, int | float):
        return format_short(value, 4)
    text = str(value)
    if text == "None":
        return versioning.EMPTY
    return str(_CHOICES.get(text, text))


def _events(submission: Submission, since: int) -> list[AuditEvent]:
    progress_ids = [str(pk) for pk in submission.task_progress.values_list("pk", flat=True)]
    rows = AuditEvent.objects.filter(object_type=Submission._meta.label, object_id=str(submission.pk))
    if progress_ids:
        rows = rows | AuditEvent.objects.filter(object_type=TaskProgress._meta.label, object_id__in=progress_ids)
    out = []
    for event in rows.select_related("actor").order_by("id"):
        after = event.after if isinstance(event.after, Mapping) else {}
        stamped = after.get(versioning.VERSION_KEY)
        if isinstance(stamped, int) and stamped > since:
            out.append(event)
    return out


def changes_since(submission: Submission, version: int) -> list[Change]:
    """Every field changed by the writes that produced versions after ``version``, oldest value → newest."""
    names = dict(Indicator.objects.filter(values__submission=submission).values_list("code", "name"))
    merged: dict[tuple[str, str], Change] = {}

    def add(found: list[Change], who: str) -> None:
        for change in found:
            where = f"{change.where} ({who})" if who else change.where
            key = (change.where, change.field)
            first = merged.get(key)
            merged[key] = Change(where, change.field, first.old if first else change.old, change.new)

    for event in _events(submission, version):
        who = str(event.actor) if event.actor else ""
        before = event.before if isinstance(event.before, Mapping) else {}
        after = event.after if isinstance(event.after, Mapping) else {}
        if event.action == "reporting.save_values":
            for code in (k for k in after if k != versioning.VERSION_KEY):
                add(
                    versioning.diff(
                        before.get(code), after.get(code), where=names.get(code, code), labels=VALUE_LABELS, formatter=_format
                    ),
                    who,
                )
        elif event.object_type == TaskProgress._meta.label:
            add(versioning.diff(before, after, where=event.summary, labels=TASK_LABELS, formatter=_format), who)
        else:
            add(versioning.diff(before, after, where="", labels=STATE_LABELS, formatter=_format), who)
    return [c for c in merged.values() if c.old != c.new]


def check(submission: Submission, expected: int | None) -> None:
    """Refuse a write made from an older version of ``submission`` (a locked, fresh row)."""
    versioning.check_version(
        submission.version, expected, what(submission), lambda v: changes_since(submission, v), SubmissionChanged
    )


def bump(submission: Submission) -> int:
    """The next version of a locked submission; sets it on the object and returns it."""
    read = submission.version
    submission.version = versioning.bump(
        Submission, submission.pk, read, what(submission), lambda: changes_since(submission, read), SubmissionChanged
    )
    return submission.version


__all__ = ["StaleVersion", "SubmissionChanged", "bump", "changes_since", "check"]
