"""The simulated HCMC demo data: labelled, approved through the actions, idempotent."""

from __future__ import annotations

from typing import Any

import pytest

from ansinh.reporting.demo import simulate
from ansinh.reporting.models import (
    SIMULATED_LABEL,
    AggregateValue,
    IndicatorValue,
    Submission,
    TargetIndicatorLink,
)

pytestmark = pytest.mark.django_db


def test_the_demo_fills_hcmc_with_labelled_simulated_reports_once(hcm: Any, ward_a: Any, ward_b: Any) -> None:
    lines: list[str] = []
    simulate(lines.append)
    assert SIMULATED_LABEL in lines[-1]
    submissions = Submission.objects.all()
    assert submissions.count() == 2 * 3  # two years × (two wards + the city's task report)
    assert all(s.simulated and s.status == Submission.Status.APPROVED for s in submissions)
    assert not IndicatorValue.objects.exclude(comment=SIMULATED_LABEL).exists()
    assert TargetIndicatorLink.objects.filter(indicator__code="HI_COVERAGE").exists()
    assert AggregateValue.objects.filter(unit=hcm, indicator__code="HI_COVERAGE").count() == 2
    before = (Submission.objects.count(), IndicatorValue.objects.count(), AggregateValue.objects.count())
    simulate(lines.append)
    assert (
        Submission.objects.count(),
        IndicatorValue.objects.count(),
        AggregateValue.objects.count(),
    ) == before
    assert "0 báo cáo mới" in lines[-1]
