"""Late reports: how many days after its due date a report was sent, or has been owed.

The due date is :func:`ansinh.reporting.entry.due_date` (the unit's level's deadline, else the
earliest one of the cycle); :func:`annotate_due` computes the same date in SQL so that lists
and filters need no query per row. A report *sent* after its due date is "nộp muộn N ngày"; a
report not sent (draft or returned) after its due date is "quá hạn N ngày". A report that was
returned and sent again counts from its last sending.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Case, DateField, F, Min, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from ansinh.reporting.entry import UNIT_LEVEL_DEADLINE
from ansinh.reporting.models import CycleDeadline, Submission

SENT = (Submission.Status.SUBMITTED, Submission.Status.APPROVED)


@dataclass(frozen=True)
class Lateness:
    days: int
    sent: bool

    @property
    def label(self) -> str:
        return f"Nộp muộn {self.days} ngày" if self.sent else f"Quá hạn {self.days} ngày"


def lateness(due: dt.date | None, status: str, submitted_at: dt.datetime | None, today: dt.date) -> Lateness | None:
    """None when on time (or without a due date); else the days late and whether it was sent."""
    if due is None:
        return None
    if status in SENT and submitted_at is not None:
        days = (timezone.localdate(submitted_at) - due).days
        return Lateness(days, True) if days > 0 else None
    if status in SENT:
        return None
    days = (today - due).days
    return Lateness(days, False) if days > 0 else None


def submission_lateness(submission: Submission, due: dt.date | None, today: dt.date | None = None) -> Lateness | None:
    return lateness(due, submission.status, submission.submitted_at, today or timezone.localdate())


def mark_late(submissions: list[Any], today: dt.date | None = None) -> None:
    """Set ``late`` on submissions that already carry ``due`` (from the view or :func:`annotate_due`)."""
    today = today or timezone.localdate()
    for submission in submissions:
        submission.late = submission_lateness(submission, getattr(submission, "due", None), today)


def _deadline_level() -> Case:
    whens = [When(unit__level=level, then=Value(str(deadline))) for level, deadline in UNIT_LEVEL_DEADLINE.items()]
    return Case(*whens, default=Value(""))


def annotate_due(queryset: QuerySet[Submission]) -> QuerySet[Submission]:
    """Add ``due`` (the unit level's deadline, else the cycle's earliest) in the same query."""
    own = CycleDeadline.objects.filter(cycle_id=OuterRef("cycle_id"), level=OuterRef("_due_level")).values("due")[:1]
    earliest = (
        CycleDeadline.objects.filter(cycle_id=OuterRef("cycle_id"))
        .values("cycle_id")
        .annotate(first=Min("due"))
        .values("first")[:1]
    )
    return queryset.annotate(_due_level=_deadline_level()).annotate(
        due=Coalesce(Subquery(own, output_field=DateField()), Subquery(earliest, output_field=DateField()))
    )


def late_q(today: dt.date) -> Q:
    """Submissions (annotated with ``due``) sent after their due date, or still owed after it."""
    sent_late = Q(status__in=SENT, sent_on__gt=F("due"))
    owed_late = Q(status__in=(Submission.Status.DRAFT, Submission.Status.RETURNED), due__lt=today)
    return sent_late | owed_late


def annotate_sent_on(queryset: QuerySet[Submission]) -> QuerySet[Submission]:
    return queryset.annotate(sent_on=TruncDate("submitted_at"))
