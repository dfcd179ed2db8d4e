"""Read-side queries for dashboards: figures per unit, task statuses, submissions per cycle.

Callers pass units already checked against the user's scope (``ansinh.reporting.access``);
nothing here widens it. Statuses come from ``ansinh.reporting.progress`` when that module
provides them; the small rules below are the fallback and follow the same definitions
(status against the year's milestone, in the indicator's good direction).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import QuerySet

from ansinh.geo.models import AdministrativeUnit
from ansinh.plans.models import Plan, Target, Task, TaskAssignment
from ansinh.reporting.models import AggregateValue, CycleDeadline, ReportingCycle, Submission, TaskProgress

# Within this share of the milestone a shortfall counts as "at risk" rather than "off track".
AT_RISK_TOLERANCE = 0.05
DONE_STATUSES = (Submission.Status.SUBMITTED, Submission.Status.APPROVED)


@dataclass
class TargetSeries:
    """One plan target linked to a catalogue indicator, with the unit's yearly actuals."""

    target: Target
    indicator_id: int
    indicator_name: str
    unit_label: str
    direction: str  # "up" or "down"
    milestones: dict[int, float] = field(default_factory=dict)
    actuals: dict[int, float] = field(default_factory=dict)


def linked_targets(plan: Plan) -> list[Target]:
    return list(
        plan.targets.filter(indicator_link__isnull=False)
        .select_related("indicator_link__indicator")
        .prefetch_related("milestones")
        .order_by("position", "id")
    )


def unlinked_targets(plan: Plan) -> list[Target]:
    return list(plan.targets.filter(indicator_link__isnull=True).order_by("position", "id"))


def annual_cycles(plan: Plan) -> list[ReportingCycle]:
    """One cycle per year (the annual one when several cover the same year)."""
    by_year: dict[int, ReportingCycle] = {}
    rank = {ReportingCycle.Kind.ANNUAL: 0, ReportingCycle.Kind.FINAL: 1, ReportingCycle.Kind.MIDTERM: 2}
    for c in plan.cycles.prefetch_related("deadlines").order_by("year", "period_end"):
        best = by_year.get(c.year)
        if best is None or rank.get(c.kind, 9) < rank.get(best.kind, 9):  # type: ignore[call-overload]
            by_year[c.year] = c
    return [by_year[y] for y in sorted(by_year)]


def series_for_units(
    plan: Plan, targets: list[Target], cycles: list[ReportingCycle], units: Iterable[AdministrativeUnit]
) -> dict[int, list[TargetSeries]]:
    """For each unit id, one series per linked target: milestones and yearly actuals (one query)."""
    unit_ids = [u.pk for u in units]
    year_of = {c.pk: c.year for c in cycles}
    indicator_ids = {t.indicator_link.indicator_id for t in targets}
    values: dict[tuple[int, int], dict[int, float]] = defaultdict(dict)
    rows = AggregateValue.objects.filter(
        cycle_id__in=list(year_of), unit_id__in=unit_ids, indicator_id__in=indicator_ids, value__isnull=False
    ).values_list("unit_id", "indicator_id", "cycle_id", "value")
    for unit_id, indicator_id, cycle_id, value in rows:
        if value is not None:
            values[(unit_id, indicator_id)][year_of[cycle_id]] = float(value)
    out: dict[int, list[TargetSeries]] = {}
    for uid in unit_ids:
        out[uid] = []
        for t in targets:
            ind = t.indicator_link.indicator
            out[uid].append(
                TargetSeries(
                    target=t,
                    indicator_id=ind.pk,
                    indicator_name=ind.name,
                    unit_label=ind.unit or t.unit,
                    direction="down" if ind.direction == ind.Direction.LOWER else "up",
                    milestones={m.year: m.value for m in t.milestones.all() if m.value is not None},
                    actuals=dict(values.get((uid, ind.pk), {})),
                )
            )
    return out


def expected_value(series: TargetSeries, year: int) -> float | None:
    """The milestone for ``year``: stated, or interpolated between baseline, milestones and final target."""
    t = series.target
    known = dict(series.milestones)
    if t.value is not None and t.year is not None:
        known.setdefault(t.year, t.value)
    if t.baseline_value is not None and t.baseline_year is not None:
        known.setdefault(t.baseline_year, t.baseline_value)
    if year in known:
        return known[year]
    before = [y for y in known if y < year]
    after = [y for y in known if y > year]
    if before and after:
        y0, y1 = max(before), min(after)
        return known[y0] + (known[y1] - known[y0]) * (year - y0) / (y1 - y0)
    if after and not before:
        return known[min(after)] if t.comparator == "maintain" else None
    if before:
        return known[max(before)]
    return None


def _better_or_equal(a: float, b: float, direction: str) -> bool:
    return a <= b if direction == "down" else a >= b


def target_status(series: TargetSeries, year: int) -> str:
    """achieved / on_track / at_risk / off_track / no_data for ``year`` (fallback rule)."""
    actual = series.actuals.get(year)
    if actual is None:
        return "no_data"
    final = series.target.value
    if final is not None and _better_or_equal(actual, final, series.direction):
        return "achieved"
    expected = expected_value(series, year)
    if expected is None:
        return "on_track" if final is None else "at_risk"
    if _better_or_equal(actual, expected, series.direction):
        return "on_track"
    gap = abs(actual - expected) / (abs(expected) or 1.0)
    return "at_risk" if gap <= AT_RISK_TOLERANCE else "off_track"


def forecast(series: TargetSeries, until: int | None) -> dict[int, float]:
    """A straight-line trend through the actuals, carried to the target year (fallback rule)."""
    pts = sorted(series.actuals.items())
    if len(pts) < 2 or until is None or until <= pts[-1][0]:
        return {}
    n = len(pts)
    mx = sum(y for y, _ in pts) / n
    my = sum(v for _, v in pts) / n
    var = sum((y - mx) ** 2 for y, _ in pts)
    slope = sum((y - mx) * (v - my) for y, v in pts) / var if var else 0.0
    return {y: my + slope * (y - mx) for y in range(pts[-1][0] + 1, until + 1)}


def deadline_for(cycle: ReportingCycle, unit: AdministrativeUnit) -> dt.date | None:
    level = CycleDeadline.Level.COMMUNE if unit.level == AdministrativeUnit.Level.COMMUNE else CycleDeadline.Level.PROVINCE
    if unit.level == AdministrativeUnit.Level.DISTRICT:
        level = CycleDeadline.Level.DISTRICT
    dates = {d.level: d.due for d in cycle.deadlines.all()}
    return dates.get(level) or (max(dates.values()) if dates else None)


def submissions_by_unit(cycles: list[ReportingCycle], unit_ids: list[int]) -> dict[tuple[int, int], Submission]:
    """The unit's own submission (not an agency's) per (cycle id, unit id)."""
    subs = Submission.objects.filter(cycle__in=cycles, unit_id__in=unit_ids, agency__isnull=True)
    return {(s.cycle_id, s.unit_id): s for s in subs}


def is_on_time(sub: Submission | None, due: dt.date | None) -> bool:
    if sub is None or sub.status not in DONE_STATUSES or sub.submitted_at is None:
        return False
    return due is None or sub.submitted_at.date() <= due


def task_status(progress: TaskProgress | None, today: dt.date) -> str:
    """The four official task statuses, derived from dates (never typed by hand), or not reported."""
    if progress is None:
        return "not_reported"
    if progress.status == TaskProgress.Status.COMPLETED:
        if progress.deadline and progress.completed_on and progress.completed_on > progress.deadline:
            return "done_late"
        return "done_on_time"
    if progress.deadline and progress.deadline < today:
        return "overdue"
    return "in_progress"


def task_progress_for(plan: Plan, cycle: ReportingCycle | None, unit: AdministrativeUnit) -> dict[int, TaskProgress]:
    """The furthest-along progress row per task reported by the unit (itself or its agencies)."""
    if cycle is None:
        return {}
    rank = {TaskProgress.Status.COMPLETED: 2, TaskProgress.Status.IN_PROGRESS: 1, TaskProgress.Status.NOT_STARTED: 0}
    best: dict[int, TaskProgress] = {}
    rows = TaskProgress.objects.filter(submission__cycle=cycle, submission__unit=unit).order_by("id")
    for p in rows:
        cur = best.get(p.task_id)
        if cur is None or rank.get(p.status, 0) > rank.get(cur.status, 0):  # type: ignore[call-overload]
            best[p.task_id] = p
    return best


def top_tasks(plan: Plan) -> QuerySet[Task]:
    """Tasks that carry a lead agency (or every top-level task when none does)."""
    tasks = plan.tasks.filter(assignments__role=TaskAssignment.Role.LEAD).distinct()
    if not tasks.exists():
        tasks = plan.tasks.filter(parent__isnull=True)
    return tasks.prefetch_related("assignments").order_by("position", "id")
