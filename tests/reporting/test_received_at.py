"""A paper report entered later keeps the moment it really arrived, which timeliness uses."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.utils import timezone

from ansinh.reporting.actions import ReportingError, do_approve, do_open_submission, do_save_values, do_submit
from ansinh.reporting.models import Submission
from tests.reporting.factories import annual_cycle, catalogue, make_plan

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2025, 12, 20, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def filled(hcm: Any, ward_a: Any, officer_a: Any) -> Submission:
    catalogue()
    cycle = annual_cycle(make_plan(), 2025)
    submission = do_open_submission(officer_a, cycle, ward_a)
    do_save_values(officer_a, submission, [{"indicator": "SOCIAL_HOUSING", "value": "12"}])
    return submission


@time_machine.travel(NOW, tick=False)
def test_a_report_received_on_paper_keeps_its_real_arrival_time(filled: Submission, officer_a: Any, hcm_standing: Any) -> None:
    arrived = NOW - dt.timedelta(days=40)
    do_submit(officer_a, filled, received_at=arrived)
    do_approve(hcm_standing, filled, at=arrived + dt.timedelta(days=2))
    filled.refresh_from_db()
    assert filled.submitted_at == arrived and filled.approved_at == arrived + dt.timedelta(days=2)


@time_machine.travel(NOW, tick=False)
def test_it_refuses_an_arrival_time_in_the_future(filled: Submission, officer_a: Any) -> None:
    with pytest.raises(ReportingError, match="không được ở tương lai"):
        do_submit(officer_a, filled, received_at=NOW + dt.timedelta(hours=1))
    filled.refresh_from_db()
    assert filled.status == Submission.Status.DRAFT and filled.submitted_at is None


@time_machine.travel(NOW, tick=False)
def test_it_refuses_an_approval_before_the_report_was_sent(filled: Submission, officer_a: Any, hcm_standing: Any) -> None:
    do_submit(officer_a, filled)
    with pytest.raises(ReportingError, match="không được trước"):
        do_approve(hcm_standing, filled, at=timezone.now() - dt.timedelta(days=1))
    filled.refresh_from_db()
    assert filled.status == Submission.Status.SUBMITTED and filled.approved_at is None
