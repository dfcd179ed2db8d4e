"""Builders shared by the reporting-domain tests: a plan with targets, cycles, units, values."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ansinh.geo.models import AdministrativeUnit
from ansinh.plans.models import Milestone, Plan, ReportingDuty, Target
from ansinh.reporting.catalogue import load_catalogue
from ansinh.reporting.cycles import generate_cycles
from ansinh.reporting.models import Indicator, ReportingCycle, Submission

REFORM = dt.date(2025, 7, 1)


def make_plan(level: str = "province", deadline: tuple[int, int] | None = (5, 11)) -> Plan:
    plan = Plan.objects.create(
        number="53/KH-UBND",
        title="Kế hoạch thử nghiệm",
        level=level,
        period_start=2021,
        period_end=2030,
        status=Plan.Status.ACTIVE,
    )
    ReportingDuty.objects.create(
        plan=plan,
        text="Báo cáo hằng năm",
        frequency="annual",
        deadline_day=deadline[0] if deadline else None,
        deadline_month=deadline[1] if deadline else None,
    )
    return plan


def make_target(
    plan: Plan,
    name: str,
    value: float,
    year: int = 2030,
    unit: str = "%",
    comparator: str = "=",
    milestones: dict[int, float] | None = None,
) -> Target:
    target = Target.objects.create(
        plan=plan, text=name, indicator_name=name, comparator=comparator, value=value, unit=unit, year=year
    )
    for stone_year, stone_value in (milestones or {}).items():
        Milestone.objects.create(target=target, year=stone_year, comparator=comparator, value=stone_value)
    return target


def catalogue() -> dict[str, Indicator]:
    load_catalogue()
    return {i.code: i for i in Indicator.objects.all()}


def annual_cycle(plan: Plan, year: int) -> ReportingCycle:
    return next(c for c in generate_cycles(plan, [year]) if c.kind == ReportingCycle.Kind.ANNUAL)


def unit(
    code: str,
    name: str,
    level: str,
    parent: Any,
    valid_from: dt.date = REFORM,
    valid_to: dt.date | None = None,
) -> AdministrativeUnit:
    return AdministrativeUnit.objects.create(
        code=code, name=name, level=level, parent=parent, kind="", valid_from=valid_from, valid_to=valid_to
    )


def approved(cycle: ReportingCycle, where: AdministrativeUnit, rows: list[dict[str, Any]]) -> Submission:
    """Open, fill, submit and approve a submission as the system."""
    from ansinh.reporting.actions import do_approve, do_open_submission, do_save_values, do_submit

    submission = do_open_submission(None, cycle, where)
    do_save_values(None, submission, rows)
    do_submit(None, submission)
    return do_approve(None, submission)


def first_year_after_baseline(city: AdministrativeUnit, ward: AdministrativeUnit) -> tuple[Plan, Target, ReportingCycle]:
    """A city plan whose health-insurance target starts from 80% in 2024, aims at 95% by 2030, and whose one ward
    reported 83% for 2025: one year's figure after the baseline (``pace.with_baseline``)."""
    from ansinh.reporting.actions import do_link_target

    indicators = catalogue()
    plan = make_plan()
    plan.area = city
    plan.save()
    target = make_target(plan, "Tỷ lệ dân số tham gia bảo hiểm y tế", 95, 2030)
    target.baseline_year, target.baseline_value = 2024, 80.0
    target.save()
    do_link_target(None, target, indicators["HI_COVERAGE"])
    ward.valid_from = dt.date(2020, 1, 1)  # in force before the reform, so it reports for 2025
    ward.save()
    cycle = annual_cycle(plan, 2025)
    approved(cycle, ward, [{"indicator": "HI_COVERAGE", "numerator": 83, "denominator": 100}])
    return plan, target, cycle
