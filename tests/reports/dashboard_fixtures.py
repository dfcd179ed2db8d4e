"""A small HCMC plan with two linked targets, two annual cycles and figures for the city and two wards.

``ward_a`` (Phường Sài Gòn) meets its milestones and reports on time; ``ward_b`` (Phường Bến
Thành) misses the poverty milestone and reports late.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from ansinh.plans.models import Milestone, Plan, Target, Task, TaskAssignment
from ansinh.reporting.models import (
    AggregateValue,
    CycleDeadline,
    Indicator,
    ReportingCycle,
    Submission,
    TargetIndicatorLink,
    TaskProgress,
)


@dataclass
class DashboardWorld:
    plan: Plan
    poverty: Target
    insurance: Target
    cycles: dict[int, ReportingCycle]
    task_done: Task
    task_late: Task


def _at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime(day.year, day.month, day.day, 10, 0))


def build_world(hcm: Any, ward_a: Any, ward_b: Any, *, ward_reports: bool = True) -> DashboardWorld:
    plan = Plan.objects.create(
        number="53/KH-UBND", title="Thực hiện chính sách xã hội", issuer="UBND Thành phố Hồ Chí Minh",
        level=Plan.Level.PROVINCE, status=Plan.Status.ACTIVE, period_start=2024, period_end=2025,
    )
    poverty = Target.objects.create(
        plan=plan, text="Tỷ lệ hộ nghèo dưới 0,5% vào năm 2025", indicator_name="Tỷ lệ hộ nghèo", comparator="<",
        value=0.5, unit="%", year=2025, position=1,
    )
    Milestone.objects.create(target=poverty, year=2024, value=1.0)
    Milestone.objects.create(target=poverty, year=2025, value=0.5)
    insurance = Target.objects.create(
        plan=plan, text="95% dân số tham gia bảo hiểm y tế", indicator_name="Tỷ lệ tham gia bảo hiểm y tế",
        comparator=">=", value=95, unit="%", year=2025, position=2,
    )
    Milestone.objects.create(target=insurance, year=2024, value=93)
    Target.objects.create(plan=plan, text="Không để ai bị bỏ lại phía sau", indicator_name="Chỉ tiêu chưa gắn", position=3)
    ind_pov = Indicator.objects.create(code="HN", name="Tỷ lệ hộ nghèo", unit="%", direction="lower")
    ind_ins = Indicator.objects.create(code="BHYT", name="Tỷ lệ bao phủ BHYT", unit="%", direction="higher")
    TargetIndicatorLink.objects.create(target=poverty, indicator=ind_pov, confirmed=True)
    TargetIndicatorLink.objects.create(target=insurance, indicator=ind_ins, confirmed=True)

    cycles: dict[int, ReportingCycle] = {}
    for year in (2024, 2025):
        c = ReportingCycle.objects.create(
            plan=plan, kind="annual", year=year, period_start=dt.date(year - 1, 12, 15),
            period_end=dt.date(year, 12, 14), label=f"Báo cáo năm {year}",
        )
        CycleDeadline.objects.create(cycle=c, level="commune", due=dt.date(year, 12, 20))
        CycleDeadline.objects.create(cycle=c, level="province", due=dt.date(year, 12, 25))
        cycles[year] = c

    figures = {
        # unit: {year: (poverty, insurance)}
        hcm: {2024: (0.9, 93.5), 2025: (0.6, 95.2)},
        ward_a: {2024: (0.8, 94.0), 2025: (0.4, 96.0)},
        ward_b: {2024: (1.6, 92.9), 2025: (1.2, 93.0)},
    }
    for unit, years in figures.items():
        n = 2 if unit == hcm else 1  # both wards are in the city's figures: full coverage
        for year, (pov, ins) in years.items():
            AggregateValue.objects.create(cycle=cycles[year], indicator=ind_pov, unit=unit, value=pov, n_units_reporting=n)
            AggregateValue.objects.create(cycle=cycles[year], indicator=ind_ins, unit=unit, value=ins, n_units_reporting=n)

    for year in (2024, 2025) if ward_reports else ():
        Submission.objects.create(cycle=cycles[year], unit=ward_a, status="approved", submitted_at=_at(dt.date(year, 12, 18)))
        Submission.objects.create(cycle=cycles[year], unit=ward_b, status="submitted", submitted_at=_at(dt.date(year, 12, 23)))

    task_done = Task.objects.create(plan=plan, number="1", title="Rà soát hộ nghèo, hộ cận nghèo", position=1)
    TaskAssignment.objects.create(task=task_done, role="lead", name="Sở Y tế")
    task_late = Task.objects.create(plan=plan, number="2", title="Mở rộng diện trợ giúp xã hội", position=2)
    TaskAssignment.objects.create(task=task_late, role="lead", name="Sở Nội vụ")
    own = Submission.objects.create(cycle=cycles[2025], unit=hcm, status="submitted", submitted_at=_at(dt.date(2025, 12, 24)))
    TaskProgress.objects.create(
        submission=own, task=task_done, status="completed", deadline=dt.date(2025, 6, 30), completed_on=dt.date(2025, 6, 1)
    )
    TaskProgress.objects.create(submission=own, task=task_late, status="in_progress", deadline=dt.date(2025, 9, 30))
    return DashboardWorld(plan, poverty, insurance, cycles, task_done, task_late)
