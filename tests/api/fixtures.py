"""A small reporting world shared by the web, Excel and API tests of the reporting interfaces.

Plan 53/KH-UBND (active, provincial) with two targets linked to catalogue indicators —
``POOR_RATE`` (a ratio: numerator and denominator, milestone 2025 "dưới 1,5") and
``SOCIAL_HOUSING`` (a count, milestone 2025 "≥ 40") — one task, the 2025 annual cycle, and an
open draft submission for each of ``ward_a`` and ``ward_b``. Each test module declares its own
``world`` fixture calling :func:`make_world` (after the unit fixtures of ``tests/conftest.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

from ansinh.geo.models import AdministrativeUnit
from ansinh.plans.models import Plan, Target, Task
from ansinh.reporting.actions import do_link_target, do_open_submission
from ansinh.reporting.models import ReportingCycle, Submission
from tests.reporting.factories import annual_cycle, catalogue, make_plan, make_target


@dataclass
class World:
    plan: Plan
    poor: Target
    housing: Target
    task: Task
    cycle: ReportingCycle
    sub_a: Submission
    sub_b: Submission


def make_world() -> World:
    """Build the world; the unit fixtures (``hcm``, ``ward_a``, ``ward_b``) must exist already."""
    ward_a = AdministrativeUnit.objects.get(code="26740")
    ward_b = AdministrativeUnit.objects.get(code="26743")
    indicators = catalogue()
    plan = make_plan()
    poor = make_target(plan, "Tỷ lệ hộ nghèo", 1.0, comparator="<", milestones={2025: 1.5})
    housing = make_target(plan, "Số căn nhà ở xã hội hoàn thành", 1000, unit="căn", comparator=">=", milestones={2025: 40})
    do_link_target(None, poor, indicators["POOR_RATE"])
    do_link_target(None, housing, indicators["SOCIAL_HOUSING"])
    task = Task.objects.create(plan=plan, number="1", title="Rà soát hộ nghèo, hộ cận nghèo", timeline="Năm 2025")
    cycle = annual_cycle(plan, 2025)
    return World(
        plan, poor, housing, task, cycle, do_open_submission(None, cycle, ward_a), do_open_submission(None, cycle, ward_b)
    )
