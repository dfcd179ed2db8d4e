"""The lateness rule, for any dates: late means strictly after the due date, counted in whole days."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from ansinh.reporting.lateness import lateness
from ansinh.reporting.models import Submission

days = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2035, 12, 31))
moments = st.datetimes(min_value=dt.datetime(2020, 1, 1), max_value=dt.datetime(2035, 12, 31), timezones=st.just(dt.UTC))
sent = st.sampled_from([Submission.Status.SUBMITTED, Submission.Status.APPROVED])
owed = st.sampled_from([Submission.Status.DRAFT, Submission.Status.RETURNED])


@given(due=days, status=sent, at=moments, today=days)
def test_a_sent_report_is_late_by_the_days_between_its_due_date_and_its_sending(
    due: dt.date, status: str, at: dt.datetime, today: dt.date
) -> None:
    late = lateness(due, status, at, today)
    gap = (timezone.localdate(at) - due).days
    if gap <= 0:
        assert late is None
    else:
        assert late is not None and late.sent and late.days == gap and late.label == f"Nộp muộn {gap} ngày"


@given(due=days, status=owed, today=days)
def test_a_report_still_owed_is_overdue_by_the_days_since_its_due_date(due: dt.date, status: str, today: dt.date) -> None:
    late = lateness(due, status, None, today)
    gap = (today - due).days
    if gap <= 0:
        assert late is None
    else:
        assert late is not None and not late.sent and late.label == f"Quá hạn {gap} ngày"


@given(status=st.sampled_from(Submission.Status.values), today=days)
def test_without_a_due_date_nothing_is_late(status: str, today: dt.date) -> None:
    assert lateness(None, status, None, today) is None
