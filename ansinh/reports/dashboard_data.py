"""Read-side queries for dashboards: figures per unit, task statuses, submissions per cycle.

Callers pass units already checked against the user's scope (``ansinh.reporting.access``);
nothing here widens it. Statuses, forecasts and task statuses are the rules of
``ansinh.reporting.progress``; this module only fetches the figures for many units at once
(a drill-down over 168 wards would otherwise cost one query per ward and target).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import QuerySet
from django.utils import timezone

from ansinh.geo.models import AdministrativeUnit
from ansinh.plans.models import Plan, Target, Task, TaskAssignment
from ansinh.reporting import pace, progress
from ansinh.reporting.coverage import Coverage, ExpectedUnits, honest_status
from ansinh.reporting.models import (
    AggregateValue,
    IndicatorValue,
    ReportingCycle,
    Submission,
    TaskProgress,
)
from ansinh.reporting.progress_data import YEAR_KINDS, Figure, year_figure

DONE_STATUSES = (Submission.Status.SUBMITTED, Submission.Status.APPROVED)


@dataclass
class TargetSeries:
    """One plan target linked to a catalogue indicator, with the unit's yearly actuals."""

    target: Target
    indicator_id: int
    indicator_name: str
    unit_label: str
    direction: str  # "higher" or "lower", as in the indicator catalogue
    value_type: str = "number"
    milestones: dict[int, float] = field(default_factory=dict)
    milestone_goals: dict[int, progress.Goal] = field(default_factory=dict)
    actuals: dict[int, float] = field(default_factory=dict)
    coverage: dict[int, Coverage] = field(default_factory=dict)  # per year, of the actual shown
    shares: dict[int, float] = field(default_factory=dict)  # per year, below 1 for a count summed over part of it
    reach: dict[int, str] = field(default_factory=dict)  # per year, the latest report a part-year figure runs to
    aggregation: str = "sum"  # over units, as in the indicator catalogue
    judged: bool = True  # False for a commune's part of a count the plan sets for its whole area
    unit: AdministrativeUnit | None = None  # the unit the actuals are of (a trend starts from the target's baseline only in the plan's area)

    @cached_property
    def final_goal(self) -> progress.Goal | None:
        t = self.target
        return progress.Goal(t.comparator or "=", t.value, t.value_max) if t.value is not None else None

    @cached_property
    def final_year(self) -> int | None:
        return self.target.year or self.target.plan.period_end


def linked_targets(plan: Plan) -> list[Target]:
    return list(
        plan.targets.filter(indicator_link__isnull=False)
        .select_related("indicator_link__indicator")
        .prefetch_related("milestones")
        .order_by("position", "id")
    )


def unlinked_targets(plan: Plan) -> list[Target]:
    return list(plan.targets.filter(indicator_link__isnull=True).order_by("position", "id"))


def annual_cycles(plan: Plan, today: dt.date | None = None) -> list[ReportingCycle]:
    """One cycle per year: the annual one when several cover the same year (then the final review, the mid-term).

    A year with only shorter reports (a plan that asks for monthly or quarterly reports) is shown at its latest
    report whose period has closed by ``today``, or its first report while none has.
    """
    today = today or timezone.localdate()
    by_year: dict[int, ReportingCycle] = {}
    rank: dict[str, int] = {ReportingCycle.Kind.ANNUAL: 0, ReportingCycle.Kind.FINAL: 1, ReportingCycle.Kind.MIDTERM: 2}
    for c in plan.cycles.prefetch_related("deadlines").order_by("year", "period_end"):
        best = by_year.get(c.year)
        if best is None:
            by_year[c.year] = c
            continue
        c_rank, best_rank = rank.get(c.kind, 9), rank.get(best.kind, 9)
        if c_rank < best_rank or (c_rank == best_rank == 9 and c.period_end <= today):  # a later closed short report
            by_year[c.year] = c
    return [by_year[y] for y in sorted(by_year)]


def default_year(plan: Plan, cycles: list[ReportingCycle], today: dt.date) -> int | None:
    """The year a dashboard opens on: the latest year up to today's with an approved or rolled-up figure, else
    the year under way (the plan's first or last when today is outside it). Not the plan's last year: in July
    2026 a 2025–2030 plan opens on 2025's figures or 2026, never on an empty 2030."""
    years = sorted({c.year for c in cycles})
    if not years:
        return None
    ids = [c.pk for c in cycles if c.year <= today.year]
    with_figures = set(
        AggregateValue.objects.filter(cycle_id__in=ids, value__isnull=False).values_list("cycle__year", flat=True)
    ) | set(
        IndicatorValue.objects.filter(
            submission__cycle_id__in=ids, submission__status=Submission.Status.APPROVED, value__isnull=False
        ).values_list("submission__cycle__year", flat=True)
    )
    if with_figures:
        return max(with_figures)
    return max((y for y in years if y <= today.year), default=years[0])


def series_for_units(
    plan: Plan, targets: list[Target], cycles: list[ReportingCycle], units: Iterable[AdministrativeUnit]
) -> dict[int, list[TargetSeries]]:
    """For each unit id, one series per linked target: milestones, yearly actuals and their coverage.

    A year's actual is the figure of its cycle in ``cycles`` (``annual_cycles``); where that cycle has none and the
    year has shorter reports, those stand in for it (``progress_data.year_figure``). A fixed number of queries
    whatever the number of units, targets and cycles.
    """
    units = list(units)
    unit_ids = [u.pk for u in units]
    shown = {c.year: c for c in cycles}
    shorter = ReportingCycle.objects.filter(plan=plan, year__in=list(shown), kind__in=YEAR_KINDS).exclude(
        pk__in=[c.pk for c in cycles]
    )
    read = [*cycles, *shorter]
    cycle_of = {c.pk: c for c in read}
    unit_of = {u.pk: u for u in units}
    indicators = {t.indicator_link.indicator_id: t.indicator_link.indicator for t in targets}
    expected = ExpectedUnits(units, read)
    figures: dict[tuple[int, int], dict[tuple[int, int], Figure]] = defaultdict(dict)  # (unit, indicator) → …
    rows = AggregateValue.objects.filter(
        cycle_id__in=list(cycle_of), unit_id__in=unit_ids, indicator_id__in=list(indicators), value__isnull=False
    ).order_by().values_list("unit_id", "indicator_id", "cycle_id", "value", "n_units_reporting")
    for unit_id, indicator_id, cycle_id, value, n in rows:
        if value is not None:
            figures[(unit_id, indicator_id)][(cycle_id, indicator_id)] = (float(value), "rollup", int(n))
    # A unit's own approved figure wins over the roll-up of its communes (as progress.actual_value).
    own = IndicatorValue.objects.filter(
        submission__cycle_id__in=list(cycle_of),
        submission__unit_id__in=unit_ids,
        submission__status=Submission.Status.APPROVED,
        submission__agency__isnull=True,
        indicator_id__in=list(indicators),
        value__isnull=False,
    ).order_by().values_list("submission__unit_id", "indicator_id", "submission__cycle_id", "value")
    for unit_id, indicator_id, cycle_id, value in own:
        if value is not None:
            figures[(unit_id, indicator_id)][(cycle_id, indicator_id)] = (float(value), "own", 1)
    values: dict[tuple[int, int], dict[int, float]] = defaultdict(dict)
    covered: dict[tuple[int, int], dict[int, Coverage]] = defaultdict(dict)
    shares: dict[tuple[int, int], dict[int, float]] = defaultdict(dict)
    reach: dict[tuple[int, int], dict[int, str]] = defaultdict(dict)
    by_year: dict[int, list[ReportingCycle]] = defaultdict(list)
    for c in shorter:
        by_year[c.year].append(c)
    for (unit_id, indicator_id), figs in figures.items():
        for year, cycle in shown.items():
            found: tuple[ReportingCycle, float, str, int] | None = None
            if (cycle.pk, indicator_id) in figs:
                found = (cycle, *figs[(cycle.pk, indicator_id)])
            elif by_year.get(year):
                found = year_figure([*by_year[year], cycle], indicators[indicator_id], figs)
            if found is not None:
                values[(unit_id, indicator_id)][year] = found[1]
                covered[(unit_id, indicator_id)][year] = expected.coverage(unit_of[unit_id], found[0], found[3], found[2])
                if found[0].kind in YEAR_KINDS and found[0].kind != ReportingCycle.Kind.ANNUAL:
                    reach[(unit_id, indicator_id)][year] = found[0].label
                if indicators[indicator_id].time_aggregation == "sum" and pace.year_share(found[0]) < 1:
                    shares[(unit_id, indicator_id)][year] = pace.year_share(found[0])
    # The per-target part is the same for every unit: build it once, copy it per unit.
    templates = []
    for t in targets:
        ind = t.indicator_link.indicator
        stones = [m for m in t.milestones.all() if m.value is not None]
        templates.append(
            TargetSeries(
                target=t,
                indicator_id=ind.pk,
                indicator_name=ind.name,
                unit_label=ind.unit or t.unit,
                direction=ind.direction,
                value_type=ind.value_type,
                aggregation=ind.aggregation,
                milestones={m.year: m.value for m in stones if m.value is not None},
                milestone_goals={m.year: progress.Goal(m.comparator or "=", m.value, m.value_max) for m in stones if m.value is not None},
            )
        )
        _ = (templates[-1].final_goal, templates[-1].final_year)  # computed once, copied with the rest
    out: dict[int, list[TargetSeries]] = {}
    for uid in unit_ids:
        out[uid] = [_copy(tpl, values.get((uid, tpl.indicator_id)), covered.get((uid, tpl.indicator_id)), shares.get((uid, tpl.indicator_id))) for tpl in templates]
        for series in out[uid]:
            series.judged = plan.judges_unit_by_goals(unit_of[uid], series.aggregation)
            series.reach = dict(reach.get((uid, series.indicator_id), {}))
            series.unit = unit_of[uid]
    return out


def _copy(
    template: TargetSeries,
    actuals: dict[int, float] | None,
    coverage: dict[int, Coverage] | None,
    shares: dict[int, float] | None = None,
) -> TargetSeries:
    """A unit's series from the shared template: its fields copied as they are (shallow, like
    ``copy.copy``, about a third of its cost), then its own figures."""
    series = object.__new__(TargetSeries)
    series.__dict__.update(template.__dict__)
    series.actuals = dict(actuals or {})
    series.coverage = dict(coverage or {})
    series.shares = dict(shares or {})
    return series


def target_status(series: TargetSeries, year: int) -> str:
    """achieved / on_track / at_risk / off_track / no_data for ``year``, by ``progress.target_status``;
    "partial" when the year's figure is a roll-up below the coverage threshold (``reporting.coverage``)."""
    actual = series.actuals.get(year)
    if actual is None:
        return "no_data"
    if not series.judged:
        return progress.TargetStatus.NOT_ASSESSED.value
    milestone = series.milestone_goals.get(year)
    fc = None
    if milestone is None:  # the forecast only counts when there is no milestone for the year
        points = _trend_points(series, year)
        fc = progress.linear_forecast(points, series.final_year or year) if points else None
    share = series.shares.get(year, 1.0)
    status = pace.part_year_status(series.direction, series.value_type, actual, share, milestone, series.final_goal, fc)
    return honest_status(status.value, series.coverage.get(year))


def _trend_points(series: TargetSeries, upto: int | None) -> list[tuple[int, float]]:
    """The whole years' figures up to ``upto`` (a part-year sum would bend the trend), after the target's baseline
    where ``pace.with_baseline`` takes it."""
    points = [(y, v) for y, v in series.actuals.items() if (upto is None or y <= upto) and y not in series.shares]
    return pace.with_baseline(points, series.target, series.target.plan, series.unit)


def forecast(series: TargetSeries, until: int | None) -> dict[int, float]:
    """The least-squares trend of the actuals (``progress.linear_forecast``) for each year up to the target year."""
    points = _trend_points(series, None)
    if len(points) < 2 or until is None or until <= points[-1][0]:
        return {}
    # A trend never takes a figure below zero, nor a percentage above 100, when the actuals stay inside.
    floor = 0.0 if all(v >= 0 for _, v in points) else None
    ceiling = 100.0 if series.unit_label.strip() == "%" and all(v <= 100 for _, v in points) else None
    out: dict[int, float] = {}
    for y in range(points[-1][0] + 1, until + 1):
        value = progress.linear_forecast(points, y)
        if value is not None:
            value = max(value, floor) if floor is not None else value
            out[y] = min(value, ceiling) if ceiling is not None else value
    return out


def submissions_by_unit(cycles: list[ReportingCycle], unit_ids: list[int]) -> dict[tuple[int, int], Submission]:
    """The unit's own submission (not an agency's) per (cycle id, unit id)."""
    subs = Submission.objects.filter(cycle__in=cycles, unit_id__in=unit_ids, agency__isnull=True).order_by()
    return {(s.cycle_id, s.unit_id): s for s in subs}


def is_on_time(sub: Submission | None, due: dt.date | None) -> bool:
    """Sent (submitted or approved) no later than the due date, as ``progress.completeness`` counts it."""
    if sub is None or sub.status not in DONE_STATUSES:
        return False
    sent_on = timezone.localdate(sub.submitted_at) if sub.submitted_at else None
    return due is None or (sent_on is not None and sent_on <= due)


def task_status(task: Task, row: TaskProgress | None, cycle: ReportingCycle | None, today: dt.date) -> str:
    """The Government Office's four statuses by ``progress.task_status``, or "not reported"."""
    if row is None:
        return "not_reported"
    deadline = row.deadline or progress.task_deadline(task.timeline)
    completed_on = row.completed_on
    if completed_on is None and row.status == TaskProgress.Status.COMPLETED and cycle is not None:
        completed_on = cycle.period_end
    return progress.task_status(deadline, completed_on, today).value


def task_progress_for(plan: Plan, cycle: ReportingCycle | None, unit: AdministrativeUnit) -> dict[int, TaskProgress]:
    """The furthest-along progress row per task reported by the unit (itself or its agencies).

    Reports of the units it succeeded (crosswalk predecessors, e.g. the city before the 2025
    merger) count too: for an early cycle they are the ones that reported.
    """
    if cycle is None:
        return {}
    reporters = [unit.pk, *unit.predecessor_links.values_list("predecessor_id", flat=True)]
    rank = {TaskProgress.Status.COMPLETED: 2, TaskProgress.Status.IN_PROGRESS: 1, TaskProgress.Status.NOT_STARTED: 0}
    best: dict[int, TaskProgress] = {}
    rows = TaskProgress.objects.filter(submission__cycle=cycle, submission__unit__in=reporters).order_by("id")
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
