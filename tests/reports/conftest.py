"""Fixtures of the report tests: ``report_plan``, the province plan with two annual cycles of figures."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from ansinh.reporting.models import (
    AggregateValue,
    Indicator,
    ReportingCycle,
    Submission,
    TargetIndicatorLink,
    TaskProgress,
)
from tests.reports.report_fixtures import Fixture, make_plan


@pytest.fixture
def report_plan(hcm: Any, ward_a: Any, ward_b: Any) -> Fixture:
    plan = make_plan()
    poor = Indicator.objects.create(code="HN", name="Tỷ lệ hộ nghèo", unit="%", direction="lower")
    bhyt = Indicator.objects.create(code="BHYT", name="Tỷ lệ tham gia BHYT", unit="%", direction="higher")
    t_poor, t_bhyt, _ = plan.targets.order_by("position")
    TargetIndicatorLink.objects.create(target=t_poor, indicator=poor, confirmed=True)
    TargetIndicatorLink.objects.create(target=t_bhyt, indicator=bhyt, confirmed=True)
    cycles = {}
    for year in (2024, 2025):
        cycles[year] = ReportingCycle.objects.create(
            plan=plan, kind="annual", year=year, period_start=dt.date(year - 1, 12, 15),
            period_end=dt.date(year, 12, 14), label=f"Báo cáo năm {year}",
        )
    figures = {2024: {hcm: (1.2, 94.0), ward_a: (1.0, 96.0)}, 2025: {hcm: (0.8, 93.0), ward_a: (0.5, 97.5)}}
    for year, per_unit in figures.items():
        for unit, (p, b) in per_unit.items():
            n = 2 if unit == hcm else 1  # the city's figures cover both its wards
            AggregateValue.objects.create(cycle=cycles[year], indicator=poor, unit=unit, value=p, n_units_reporting=n)
            AggregateValue.objects.create(cycle=cycles[year], indicator=bhyt, unit=unit, value=b, n_units_reporting=n)
    # The roll-up goes up to the country; a province plan's report speaks for the province.
    AggregateValue.objects.create(cycle=cycles[2025], indicator=poor, unit=hcm.parent, value=3.5)
    sub = Submission.objects.create(cycle=cycles[2025], unit=ward_a, status="approved")
    task = plan.tasks.get(number="1.1")
    TaskProgress.objects.create(
        submission=sub, task=task, status="completed", result="Đã tổ chức 3 hội nghị quán triệt.",
        difficulties="=Thiếu kinh phí", proposals="Đề nghị bổ sung biên chế.",
    )
    return Fixture(plan, cycles[2025])
