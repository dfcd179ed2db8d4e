"""A plan's dashboard for one administrative unit, as plain data the template lays out.

``build_dashboard`` takes a unit the caller has already checked against the user's scope and
the units the user may read; child units, the ranking and the unit filter never go beyond them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from django.db.models import QuerySet
from django.utils import timezone

from ansinh.geo.models import AdministrativeUnit
from ansinh.plans.models import Plan, Target
from ansinh.reporting import progress
from ansinh.reporting.entry import due_date
from ansinh.reporting.lateness import Lateness, lateness
from ansinh.reporting.models import ReportingCycle
from ansinh.reporting.progress_data import completeness_many
from ansinh.reports import dashboard_data as data
from ansinh.reports.charts import IndicatorCard
from ansinh.reports.dashboard_status import (
    STATUS_STYLES,
    TASK_STATUS_STYLES,
    StatusStyle,
    status_style,
    task_status_style,
)

LEVEL_LABELS = dict(AdministrativeUnit.Level.choices)
GOOD = ("achieved", "on_track")
CHILDREN_PAGE = 100  # rows of the drill-down table per page
MAX_RANKED = 400  # the emulation ranking is built for at most this many units (one province's communes)


@dataclass
class ChildRow:
    """One child unit in the drill-down table."""

    unit: AdministrativeUnit
    value: float | None
    status: StatusStyle
    good: int
    total: int
    reported: bool
    on_time: bool
    coverage: str = ""
    partial: bool = False
    late: Lateness | None = None  # "Nộp muộn N ngày" / "Quá hạn N ngày", as on every page


@dataclass
class RankRow:
    rank: int
    unit: AdministrativeUnit
    good: int
    total: int
    good_share: float
    on_time: int
    expected: int
    on_time_share: float


@dataclass
class CycleRow:
    cycle: ReportingCycle
    due: dt.date | None
    counts: progress.Completeness

    @property
    def completeness(self) -> str:
        return _percent(self.counts.completeness)

    @property
    def timeliness(self) -> str:
        return _percent(self.counts.timeliness)


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}%"


@dataclass
class TaskItem:
    number: str
    title: str
    leads: list[str]
    status: StatusStyle
    deadline: dt.date | None


@dataclass
class Dashboard:
    plan: Plan
    unit: AdministrativeUnit
    year: int | None
    years: list[int]
    level: str
    levels: list[tuple[str, str]]
    breadcrumbs: list[AdministrativeUnit]
    cards: list[IndicatorCard]
    unlinked: list[Target]
    status_counts: list[tuple[StatusStyle, int]]
    indicator_key: str
    children: list[ChildRow]
    ranking: list[RankRow]
    cycles: list[CycleRow]
    task_columns: list[tuple[StatusStyle, list[TaskItem]]]
    lead_matrix: list[tuple[str, list[int]]]
    task_styles: list[StatusStyle] = field(default_factory=list)
    children_total: int = 0
    page: int = 1
    pages: int = 1
    ranking_skipped: bool = False

    @property
    def selected_card(self) -> IndicatorCard | None:
        return next((c for c in self.cards if c.key == self.indicator_key), None)


def _card(series: data.TargetSeries, year: int | None) -> IndicatorCard:
    t = series.target
    upto = replace(series, actuals={y: v for y, v in series.actuals.items() if year is None or y <= year})
    status = data.target_status(upto, year) if year is not None else "no_data"
    coverage = series.coverage.get(year) if year is not None else None
    return IndicatorCard(
        key=str(t.pk),
        name=t.indicator_name or series.indicator_name,
        unit=series.unit_label,
        direction={"higher": "up", "lower": "down"}.get(series.direction, ""),
        actuals=upto.actuals,
        milestones=series.milestones,
        target_value=t.value,
        target_year=t.year,
        forecast=data.forecast(upto, series.final_year),
        status=status,
        status_label=status_style(status).label,
        note=series.indicator_name,
        coverage=coverage.label if coverage is not None and not coverage.own else "",
        partial=coverage is not None and coverage.partial,
        reach=series.reach.get(max(upto.actuals), "") if upto.actuals else "",
    )


def _below(unit: AdministrativeUnit, readable: QuerySet[AdministrativeUnit]) -> QuerySet[AdministrativeUnit]:
    """Units under ``unit``; other versions of the unit itself (same code path, other dates) are not below it."""
    return readable.filter(path__startswith=unit.path).exclude(path=unit.path)


def _descendants(unit: AdministrativeUnit, readable: QuerySet[AdministrativeUnit], level: str) -> QuerySet[AdministrativeUnit]:
    qs = _below(unit, readable).filter(level=level)
    current = qs.filter(valid_to__isnull=True)
    return (current if current.exists() else qs).order_by("name", "path")


def _levels_below(unit: AdministrativeUnit, readable: QuerySet[AdministrativeUnit]) -> list[str]:
    """Levels present under ``unit``: those with units in force today first (so communes before old districts)."""
    pairs = set(_below(unit, readable).order_by().values_list("level", "valid_to").distinct())
    current = {lv for lv, valid_to in pairs if valid_to is None}
    found = {lv for lv, _ in pairs}
    order = AdministrativeUnit.Level.values
    return [lv for lv in order if lv in current] + [lv for lv in order if lv in found - current]


def _breadcrumbs(unit: AdministrativeUnit, readable: QuerySet[AdministrativeUnit]) -> list[AdministrativeUnit]:
    codes = [c for c in unit.path.strip("/").split("/") if c]
    by_path = {u.path: u for u in readable.filter(code__in=codes, valid_to__isnull=True)}
    out, prefix = [], "/"
    for code in codes:
        prefix += code + "/"
        if prefix in by_path:
            out.append(by_path[prefix])
    return out


def _ranking(rows: list[ChildRow], on_time: dict[int, tuple[int, int]]) -> list[RankRow]:
    """Emulation ranking: share of targets meeting the year's milestone, then share of reports on time."""
    ranked: list[RankRow] = []
    for r in rows:
        ok, expected = on_time.get(r.unit.pk, (0, 0))
        ranked.append(
            RankRow(0, r.unit, r.good, r.total, r.good / r.total if r.total else 0.0, ok, expected,
                    ok / expected if expected else 0.0)
        )
    ranked.sort(key=lambda r: (-r.good_share, -r.on_time_share, r.unit.name))
    previous: tuple[float, float] | None = None
    for i, row in enumerate(ranked, start=1):
        key = (row.good_share, row.on_time_share)
        row.rank = ranked[i - 2].rank if previous == key else i
        previous = key
    return ranked


def build_dashboard(
    plan: Plan,
    unit: AdministrativeUnit,
    readable: QuerySet[AdministrativeUnit],
    *,
    year: int | None = None,
    level: str = "",
    indicator_key: str = "",
    today: dt.date | None = None,
    page: int = 1,
) -> Dashboard:
    today = today or timezone.localdate()
    cycles = data.annual_cycles(plan, today)
    years = [c.year for c in cycles]
    if year not in years:
        year = data.default_year(plan, cycles, today)
    cycle = next((c for c in cycles if c.year == year), None)
    cycles_to_date = [c for c in cycles if year is None or c.year <= year]
    targets = data.linked_targets(plan)

    levels = _levels_below(unit, readable)
    level = level if level in levels else (levels[0] if levels else "")
    below = _descendants(unit, readable, level) if level else readable.none()
    total = below.count() if level else 0
    # The ranking needs every child; beyond MAX_RANKED (the whole country's communes) only a page is read.
    ranked = 0 < total <= MAX_RANKED
    pages = max(1, -(-total // CHILDREN_PAGE))
    page = min(max(1, page), pages)
    children = list(below) if ranked else list(below[(page - 1) * CHILDREN_PAGE : page * CHILDREN_PAGE])

    series = data.series_for_units(plan, targets, cycles, [unit, *children])
    cards = [_card(s, year) for s in series[unit.pk]]
    counts = Counter(c.style.key for c in cards)
    indicator_key = indicator_key if any(c.key == indicator_key for c in cards) else next(
        (c.key for c in cards if c.actuals), cards[0].key if cards else ""
    )

    subs = data.submissions_by_unit(cycles_to_date, [u.pk for u in children])
    child_rows: list[ChildRow] = []
    on_time: dict[int, tuple[int, int]] = {}
    for child in children:
        statuses = {str(s.target.pk): (data.target_status(s, year) if year else "no_data", s) for s in series[child.pk]}
        sel = statuses.get(indicator_key)
        sub = subs.get((cycle.pk, child.pk)) if cycle else None
        due = due_date(cycle, child) if cycle else None
        owed = [c for c in cycles_to_date if progress.expected_on(child.valid_from, child.valid_to, c.period_end)]
        ok = sum(data.is_on_time(subs.get((c.pk, child.pk)), due_date(c, child)) for c in owed)
        on_time[child.pk] = (ok, len(owed))
        child_rows.append(
            ChildRow(
                unit=child,
                coverage=_coverage_text(sel[1], year) if sel else "",
                partial=sel is not None and sel[0] == "partial",
                value=sel[1].actuals.get(year) if sel and year else None,
                status=status_style(sel[0] if sel else "no_data"),
                good=sum(1 for st, _ in statuses.values() if st in GOOD),
                total=sum(1 for st, _ in statuses.values() if st != "not_assessed"),  # an area's count is not the unit's
                reported=sub is not None and sub.status in data.DONE_STATUSES,
                on_time=data.is_on_time(sub, due),
                late=lateness(due, sub.status, sub.submitted_at, today) if sub is not None
                else lateness(due, "", None, today),
            )
        )

    reporter = children[0] if children else unit
    sent = completeness_many(cycles, unit, level or unit.level)
    cycle_rows = [CycleRow(c, due_date(c, reporter), sent[c.pk]) for c in cycles]
    shown = child_rows
    if ranked:
        shown = child_rows[(page - 1) * CHILDREN_PAGE : page * CHILDREN_PAGE]

    columns, matrix = _task_board(plan, cycle, unit, today)
    return Dashboard(
        plan=plan,
        unit=unit,
        year=year,
        years=years,
        level=level,
        levels=[(lv, LEVEL_LABELS[lv]) for lv in levels],
        breadcrumbs=_breadcrumbs(unit, readable),
        cards=cards,
        unlinked=data.unlinked_targets(plan),
        status_counts=[(s, counts.get(s.key, 0)) for s in STATUS_STYLES.values()],
        indicator_key=indicator_key,
        children=shown,
        ranking=_ranking(child_rows, on_time)[(page - 1) * CHILDREN_PAGE : page * CHILDREN_PAGE] if ranked else [],
        cycles=cycle_rows,
        task_columns=columns,
        lead_matrix=matrix,
        task_styles=list(TASK_STATUS_STYLES.values()),
        children_total=total,
        page=page,
        pages=pages,
        ranking_skipped=total > MAX_RANKED,
    )


def _coverage_text(series: data.TargetSeries, year: int | None) -> str:
    coverage = series.coverage.get(year) if year is not None else None
    return coverage.label if coverage is not None and not coverage.own else ""


def _task_board(
    plan: Plan, cycle: ReportingCycle | None, unit: AdministrativeUnit, today: dt.date
) -> tuple[list[tuple[StatusStyle, list[TaskItem]]], list[tuple[str, list[int]]]]:
    """Tasks grouped by status, and a lead agency × status count matrix."""
    progress = data.task_progress_for(plan, cycle, unit)
    by_status: dict[str, list[TaskItem]] = defaultdict(list)
    per_lead: dict[str, Counter[str]] = defaultdict(Counter)
    for task in data.top_tasks(plan):
        p = progress.get(task.pk)
        key = data.task_status(task, p, cycle, today)
        leads = task.lead_names
        by_status[key].append(TaskItem(task.number, task.title, leads, task_status_style(key), p.deadline if p else None))
        for lead in leads or ["(chưa xác định cơ quan chủ trì)"]:
            per_lead[lead][key] += 1
    styles = list(TASK_STATUS_STYLES.values())
    columns = [(s, by_status.get(s.key, [])) for s in styles]
    matrix = [(lead, [per_lead[lead].get(s.key, 0) for s in styles]) for lead in sorted(per_lead)]
    return columns, matrix
