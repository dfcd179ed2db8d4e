"""Writes to reporting data. Each ``do_*`` runs in one transaction and leaves an audit row.

Web form, Excel upload and API call these same functions. Validation problems are raised as
:class:`ValidationFailed` carrying one :class:`FieldError` per bad cell (Vietnamese messages).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.files.base import File

from ansinh.reporting.models import (
    Indicator,
    IndicatorValue,
    ReportingCycle,
    Submission,
    SubmissionAttachment,
    TargetIndicatorLink,
    TaskProgress,
)


class ReportingError(Exception):
    """A reporting action was refused; ``message`` is Vietnamese, for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class FieldError:
    """One invalid cell: ``row`` is the index in the submitted list, ``indicator`` its code."""

    row: int
    indicator: str
    field: str
    message: str


class ValidationFailed(ReportingError):
    def __init__(self, errors: Sequence[FieldError]) -> None:
        super().__init__("Số liệu chưa hợp lệ: " + "; ".join(e.message for e in errors[:5]))
        self.errors = list(errors)


def do_link_target(
    actor: Any, target: Any, indicator: Indicator, *, confirmed: bool = True, score: float | None = None
) -> TargetIndicatorLink:
    raise NotImplementedError


def do_open_submission(
    actor: Any, cycle: ReportingCycle, unit: Any, agency: Any = None, *, simulated: bool = False
) -> Submission:
    """Get or create the unit's submission for the cycle."""
    raise NotImplementedError


def do_save_values(actor: Any, submission: Submission, values: Sequence[Mapping[str, Any]]) -> list[IndicatorValue]:
    """Store values; each dict: indicator (code or Indicator), value, numerator, denominator, status, comment."""
    raise NotImplementedError


def do_save_task_progress(
    actor: Any, submission: Submission, items: Sequence[Mapping[str, Any]]
) -> list[TaskProgress]:
    """Each dict: task (Task or id), status, deadline, completed_on, result, difficulties, proposals."""
    raise NotImplementedError


def do_add_attachment(actor: Any, submission: Submission, file: File[Any], name: str = "") -> SubmissionAttachment:
    raise NotImplementedError


def do_submit(actor: Any, submission: Submission) -> Submission:
    raise NotImplementedError


def do_approve(actor: Any, submission: Submission) -> Submission:
    raise NotImplementedError


def do_return(actor: Any, submission: Submission, reason: str) -> Submission:
    raise NotImplementedError
