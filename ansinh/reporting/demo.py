"""Demo step: SIMULATED ("Số liệu mô phỏng") reports for Hồ Chí Minh City and its communes, 2024–2025.

Every number here is invented by a seeded random generator; submissions carry ``simulated=True``
and every value the comment "Số liệu mô phỏng". Everything goes through the same actions as real
reports (open, save, submit, approve), so the roll-up and the audit log are populated as in use.
Running it again changes nothing.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.utils import timezone

from ansinh.core.demo import SAMPLES_DIR
from ansinh.geo.models import AdministrativeUnit
from ansinh.plans.models import Plan, Target
from ansinh.reporting.actions import (
    do_approve,
    do_link_target,
    do_open_submission,
    do_save_task_progress,
    do_save_values,
    do_submit,
)
from ansinh.reporting.catalogue import load_catalogue, suggest_indicator
from ansinh.reporting.cycles import due_for, generate_cycles
from ansinh.reporting.models import SIMULATED_LABEL, CycleDeadline, Indicator, ReportingCycle, Submission
from ansinh.reporting.progress import expected_on

Write = Callable[[str], None]
SAMPLE = SAMPLES_DIR / "hcmc-plan-53.txt"
HCMC_CODE = "79"
YEARS = (2024, 2025)
LINK_THRESHOLD = 0.6
# Simulated level of each kind of indicator: (low, high) of the rate in %, or of the value.
RATE_RANGE = (55.0, 99.0)
LOW_RATE_RANGE = (0.2, 4.0)
COUNT_RANGE = (0, 400)
MEAN_RANGE = (70.0, 78.0)
# Counts are drawn per commune of today's city (168) and rescaled when fewer units report
# (the pre-reform 2024 units), so that the city's totals keep the same size from year to year.
REFERENCE_UNITS = 168


def hcmc_plan() -> Plan:
    from ansinh.documents.actions import do_import_document
    from ansinh.plans.actions import do_approve_plan

    plan = do_import_document(SAMPLE, skip_existing=True)
    if plan.status == Plan.Status.DRAFT:
        do_approve_plan(plan, None)
        plan.refresh_from_db()
    return plan


def link_targets(plan: Plan) -> dict[int, Indicator]:
    """Link each target to its best catalogue suggestion (above the threshold); target id → indicator."""
    linked: dict[int, Indicator] = {}
    for target in Target.objects.filter(plan=plan).select_related("indicator_link__indicator"):
        existing = getattr(target, "indicator_link", None)
        if existing is not None:
            linked[target.pk] = existing.indicator
            continue
        suggestions = suggest_indicator(target, limit=1)
        if suggestions and suggestions[0][1] >= LINK_THRESHOLD:
            indicator, score = suggestions[0]
            do_link_target(None, target, indicator, confirmed=True, score=score)
            linked[target.pk] = indicator
    return linked


def simulated_row(
    indicator: Indicator, rng: random.Random, year: int, goal: float | None, n_units: int
) -> dict[str, Any]:
    """One invented value near the plan's goal (when known), drifting towards it from 2024 to 2025."""
    better = 1 if indicator.direction == Indicator.Direction.HIGHER else -1
    drift = (year - YEARS[0]) * better
    row: dict[str, Any] = {"indicator": indicator, "status": "final", "comment": SIMULATED_LABEL}
    if indicator.aggregation == Indicator.Aggregation.RATIO:
        denominator = rng.randint(2_000, 60_000)
        if goal is None and indicator.scale == 100:
            low, high = LOW_RATE_RANGE if better < 0 else RATE_RANGE
            goal = (low + high) / 2
        level = (goal if goal is not None else 1.0) / indicator.scale
        spread = 0.12 if indicator.scale == 100 and level > 0.2 else 0.5
        rate = level * (1 + rng.uniform(-spread, spread / 3) * better + 0.02 * drift)
        if indicator.value_type == Indicator.ValueType.PERCENT:
            rate = min(1.0, max(0.0, rate))
        row.update(numerator=round(denominator * max(rate, 0.0)), denominator=denominator)
    elif indicator.aggregation == Indicator.Aggregation.SUM:
        share = goal / max(n_units, 1) if goal else rng.randint(*COUNT_RANGE) * REFERENCE_UNITS / max(n_units, 1)
        row["value"] = max(0, round(share * rng.uniform(0.5, 1.3) * (1 + 0.05 * drift)))
    else:
        centre = goal if goal else rng.uniform(*MEAN_RANGE)
        row["value"] = round(centre * rng.uniform(0.95, 1.02) * (1 + 0.005 * drift), 1)
    return row


def sent_and_approved(cycle: ReportingCycle, level: str, rng: random.Random) -> tuple[dt.datetime, dt.datetime]:
    """Simulated moments: most units send a few days before their due date, some a few days late."""
    due = due_for(cycle, level) or cycle.period_end
    sent = due + dt.timedelta(days=rng.choice([-9, -7, -5, -4, -3, -2, -1, 0, 0, 2, 4]))
    sent_at = timezone.make_aware(dt.datetime.combine(sent, dt.time(9, rng.randrange(0, 60))))
    return sent_at, sent_at + dt.timedelta(days=rng.randrange(1, 4))


def report(
    cycle: ReportingCycle,
    unit: AdministrativeUnit,
    rows: list[dict[str, Any]],
    tasks: list[dict[str, Any]],
    moments: tuple[dt.datetime, dt.datetime],
) -> bool:
    """Fill, submit and approve one simulated submission; False if it already existed."""
    existing = Submission.objects.filter(cycle=cycle, unit=unit, agency__isnull=True).first()
    if existing is not None and existing.status == Submission.Status.APPROVED:
        return False
    submission = existing or do_open_submission(None, cycle, unit, simulated=True)
    if rows:
        do_save_values(None, submission, rows)
    if tasks:
        do_save_task_progress(None, submission, tasks)
    sent_at, approved_at = moments
    do_submit(None, submission, received_at=sent_at)
    do_approve(None, submission, at=approved_at)
    return True


def simulate(write: Write) -> None:
    started = time.monotonic()
    load_catalogue()
    plan = hcmc_plan()
    linked = link_targets(plan)
    indicators = sorted({ind.pk: ind for ind in linked.values()}.values(), key=lambda i: i.code)
    goals: dict[int, float] = {}
    for target in Target.objects.filter(pk__in=linked, value__isnull=False).order_by("position", "pk"):
        goals.setdefault(linked[target.pk].pk, float(target.value or 0.0))
    cycles = [c for c in generate_cycles(plan, YEARS) if c.kind == ReportingCycle.Kind.ANNUAL]
    city = AdministrativeUnit.objects.filter(code=HCMC_CODE, level="province", valid_to__isnull=True).first()
    if city is None:
        write("  Chưa có đơn vị hành chính TP. Hồ Chí Minh: bỏ qua bước tạo số liệu mô phỏng.")
        return
    tasks = list(plan.tasks.filter(depth=0).order_by("position")[:10])
    made = 0
    for cycle in cycles:
        city_then, communes = units_in_force(city, cycle)
        with transaction.atomic():  # one commit per cycle: the actions nest as savepoints
            made += report_cycle(cycle, city_then, communes, indicators, tasks, goals)
        before = " (đơn vị trước sắp xếp, quy đổi lên địa giới hiện nay qua bảng chuyển đổi)"
        old = before if communes and any(c.valid_to is not None for c in communes) else ""
        write(f"  {cycle.label}: {len(communes)} xã/phường có hiệu lực trong kỳ báo cáo{old}")
    write(
        f"  {SIMULATED_LABEL}: {len(linked)} chỉ tiêu gắn danh mục, {len(cycles)} kỳ báo cáo, "
        f"{made} báo cáo mới được phê duyệt ({time.monotonic() - started:.1f} giây)"
    )


def units_in_force(
    city: AdministrativeUnit, cycle: ReportingCycle
) -> tuple[AdministrativeUnit | None, list[AdministrativeUnit]]:
    """The city and its communes as they stood at the end of the cycle: only they report for it.

    A 2024 report comes from the units in force in 2024 (before the 2025 reform); their data reaches
    today's communes through the crosswalk. Units created later never report for earlier cycles.
    """
    under = AdministrativeUnit.objects.filter(path__startswith=city.path)
    in_force = [u for u in under if expected_on(u.valid_from, u.valid_to, cycle.period_end)]
    city_then = next((u for u in in_force if u.level == "province" and u.code == city.code), None)
    communes = sorted((u for u in in_force if u.level == "commune"), key=lambda u: u.code)
    return city_then, communes


def report_cycle(
    cycle: ReportingCycle,
    city: AdministrativeUnit | None,
    communes: list[AdministrativeUnit],
    indicators: list[Indicator],
    tasks: list[Any],
    goals: dict[int, float],
) -> int:
    made = 0
    for commune in communes:
        rng = random.Random(f"{commune.code}-{cycle.year}")
        rows = [simulated_row(ind, rng, cycle.year, goals.get(ind.pk), len(communes)) for ind in indicators]
        made += report(cycle, commune, rows, [], sent_and_approved(cycle, CycleDeadline.Level.COMMUNE, rng))
    if city is None:
        return made
    rng = random.Random(f"{city.code}-{cycle.year}-tasks")
    task_rows = [
        {
            "task": task,
            "status": "completed" if rng.random() < 0.4 else "in_progress",
            "completed_on": cycle.period_end if rng.random() < 0.4 else None,
            "result": f"{SIMULATED_LABEL}: đã triển khai theo kế hoạch.",
        }
        for task in tasks
    ]
    for row in task_rows:
        if row["completed_on"] is None:
            row["status"] = "in_progress"
    made += report(cycle, city, [], task_rows, sent_and_approved(cycle, CycleDeadline.Level.PROVINCE, rng))
    return made
