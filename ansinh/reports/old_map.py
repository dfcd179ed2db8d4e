"""A plan's figures on the map in force before a reform (units closed by the 2025 reorganisation).

For each unit no longer in force and each indicator linked to the plan, one cell per year:

- **reported**: the unit's own approved value, when it reported for that cycle (as it was sent);
- **rolled up**: otherwise, for a unit above the communes, its old communes' reported values
  aggregated with the indicator's own rule (exact, on the old tree);
- **estimated**: for a cycle after the unit closed, today's figures shared back to it with
  ``geo.crosswalk.predecessors_on`` (the crosswalk's weights, an approximation: the page says so).
  A sum is shared; a ratio shares its numerator and denominator; a mean its weighted sum and
  weight; a minimum or maximum cannot be shared and stays empty.

The caller passes the units the user may read; nothing outside them is shown or used: a unit is
estimated only when the user may read every unit it passed into, and rolled up only when the
user may read every old commune under it (otherwise its cell stays empty).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from ansinh.geo.crosswalk import predecessors_on, successors_on
from ansinh.geo.models import AdministrativeUnit
from ansinh.plans.models import Plan
from ansinh.reporting.models import AggregateValue, Indicator, IndicatorValue, ReportingCycle, Submission
from ansinh.reports import dashboard_data as data

Agg = Indicator.Aggregation
LEVEL_LABELS = dict(AdministrativeUnit.Level.choices)
LEVEL_ORDER = ("commune", "district", "province")
MAX_ROWS = 500
REPORTED, ROLLED, ESTIMATED = "reported", "rolled", "estimated"


@dataclass(frozen=True)
class Cell:
    value: float | None
    source: str = ""  # REPORTED, ROLLED, ESTIMATED or "" (no figure)


@dataclass
class Row:
    unit: AdministrativeUnit
    cells: list[Cell]


@dataclass
class OldMap:
    plan: Plan
    cycle: ReportingCycle | None
    level: str
    levels: list[tuple[str, str]]
    years: list[int]
    indicators: list[Indicator]
    rows: list[Row] = field(default_factory=list)
    truncated: bool = False

    @property
    def year(self) -> int | None:
        return self.cycle.year if self.cycle else None

    @property
    def has_estimates(self) -> bool:
        return any(c.source == ESTIMATED for r in self.rows for c in r.cells)

    @property
    def has_rolled(self) -> bool:
        return any(c.source == ROLLED for r in self.rows for c in r.cells)


# Parts of a figure that can be shared back: (value, numerator, denominator) by aggregation.
Parts = tuple[float, float, float]


def _parts(indicator: Indicator, value: float | None, numerator: float | None, denominator: float | None, *, leaf: bool) -> Parts | None:
    if indicator.aggregation == Agg.RATIO:
        return None if numerator is None or not denominator else (0.0, numerator, denominator)
    if indicator.aggregation == Agg.MEAN:
        if leaf:
            return None if value is None else (0.0, value, 1.0)
        return None if numerator is None or not denominator else (0.0, numerator, denominator)
    if indicator.aggregation == Agg.SUM:
        return None if value is None else (value, 0.0, 0.0)
    return None  # min/max cannot be shared among predecessors


def _value(indicator: Indicator, parts: Parts) -> float | None:
    value, numerator, denominator = parts
    if indicator.aggregation == Agg.SUM:
        return value
    if not denominator:
        return None
    return numerator / denominator * (indicator.scale if indicator.aggregation == Agg.RATIO else 1.0)


def _rolled(indicator: Indicator, rows: list[tuple[float | None, float | None, float | None]]) -> float | None:
    """The old communes' reported values of one indicator, aggregated by the indicator's rule."""
    if indicator.aggregation in (Agg.MIN, Agg.MAX):
        values = [v for v, _, _ in rows if v is not None]
        return (min if indicator.aggregation == Agg.MIN else max)(values) if values else None
    total = [0.0, 0.0, 0.0]
    found = False
    for value, num, den in rows:
        parts = _parts(indicator, value, num, den, leaf=True)
        if parts is not None:
            found = True
            total = [a + b for a, b in zip(total, parts, strict=True)]
    return _value(indicator, (total[0], total[1], total[2])) if found else None


def _hidden_commune_paths(rows: list[AdministrativeUnit], readable: set[int]) -> list[str]:
    """Paths of the old communes under ``rows`` the user may not read (a roll-up would reveal them); one query."""
    above = [u for u in rows if u.level != AdministrativeUnit.Level.COMMUNE]
    if not above:
        return []
    under = Q()
    for unit in above:
        under |= Q(path__startswith=unit.path)
    communes = AdministrativeUnit.objects.filter(under, level=AdministrativeUnit.Level.COMMUNE, valid_to__isnull=False)
    return [path for pk, path in communes.values_list("pk", "path") if pk not in readable]


def current_figures(cycle: ReportingCycle, unit: AdministrativeUnit, indicators: list[Indicator]) -> dict[int, Parts]:
    """A current unit's shareable figures: its roll-up where one is stored, else its own approved values."""
    result: dict[int, Parts] = {}
    by_id = {i.pk: i for i in indicators}
    for ind_id, value, num, den in AggregateValue.objects.filter(cycle=cycle, unit=unit, indicator_id__in=by_id).values_list(
        "indicator_id", "value", "numerator", "denominator"
    ):
        parts = _parts(by_id[ind_id], value, num, den, leaf=False)
        if parts is not None:
            result[ind_id] = parts
    own = IndicatorValue.objects.filter(
        submission__cycle=cycle, submission__unit=unit, submission__agency__isnull=True,
        submission__status=Submission.Status.APPROVED, indicator_id__in=by_id,
    ).values_list("indicator_id", "value", "numerator", "denominator")
    for ind_id, value, num, den in own:
        if ind_id not in result:
            parts = _parts(by_id[ind_id], value, num, den, leaf=True)
            if parts is not None:
                result[ind_id] = parts
    return result


def _estimates(
    cycle: ReportingCycle, closed: list[AdministrativeUnit], level: str, indicators: list[Indicator], readable: set[int]
) -> dict[tuple[int, int], Parts]:
    """(old unit, indicator) → today's figures shared back by the crosswalk, for units closed before the cycle ended."""
    wanted = {u.pk: u for u in closed if u.valid_to is not None and u.valid_to <= cycle.period_end}
    successors: dict[int, AdministrativeUnit] = {}
    for unit in list(wanted.values()):
        found = [s for s, _ in successors_on(unit, cycle.period_end) if s.pk != unit.pk]
        if not found or any(s.pk not in readable for s in found):
            del wanted[unit.pk]  # some of its territory lies outside the user's scope: no estimate
            continue
        for successor in found:
            successors[successor.pk] = successor
    if not wanted:
        return {}
    totals: dict[tuple[int, int], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    closed_on = sorted({u.valid_to for u in wanted.values() if u.valid_to is not None})
    for successor in successors.values():
        figures = current_figures(cycle, successor, indicators)
        if not figures:
            continue
        for day in closed_on:
            for predecessor, share in predecessors_on(successor, day - dt.timedelta(days=1), level):
                if predecessor.pk not in wanted or predecessor.valid_to != day:
                    continue
                for ind_id, (value, num, den) in figures.items():
                    cell = totals[(predecessor.pk, ind_id)]
                    cell[0] += share * value
                    cell[1] += share * num
                    cell[2] += share * den
    return {key: (v[0], v[1], v[2]) for key, v in totals.items()}


def build_old_map(plan: Plan, readable: QuerySet[AdministrativeUnit], year: int | None = None, level: str = "") -> OldMap:
    cycles = data.annual_cycles(plan)
    cycle = next((c for c in cycles if c.year == year), None) or (cycles[-1] if cycles else None)
    closed_all = readable.filter(valid_to__isnull=False)
    present = set(closed_all.values_list("level", flat=True).distinct())
    levels = [(lv, LEVEL_LABELS.get(lv, lv)) for lv in LEVEL_ORDER if lv in present]
    if level not in present:
        level = levels[0][0] if levels else ""
    indicators: list[Indicator] = []
    for target in data.linked_targets(plan):
        indicator = target.indicator_link.indicator
        if indicator not in indicators:
            indicators.append(indicator)
    result = OldMap(plan, cycle, level, levels, [c.year for c in cycles], indicators)
    if cycle is None or not level:
        return result
    closed = list(closed_all.filter(level=level).order_by("path", "valid_from")[: MAX_ROWS + 1])
    result.truncated = len(closed) > MAX_ROWS
    closed = closed[:MAX_ROWS]
    raw: dict[tuple[int, int], tuple[float | None, float | None, float | None]] = {}
    paths: dict[int, str] = {}
    for unit_id, path, level_of, ind_id, value, num, den in IndicatorValue.objects.filter(
        submission__cycle=cycle, submission__unit__in=closed_all, submission__agency__isnull=True,
        submission__status=Submission.Status.APPROVED, indicator__in=indicators,
    ).values_list(
        "submission__unit_id", "submission__unit__path", "submission__unit__level", "indicator_id", "value", "numerator", "denominator"
    ):
        raw[(unit_id, ind_id)] = (value, num, den)
        if level_of == AdministrativeUnit.Level.COMMUNE:
            paths[unit_id] = path
    readable_ids = set(readable.values_list("pk", flat=True))
    estimates = _estimates(cycle, closed, level, indicators, readable_ids)
    hidden = _hidden_commune_paths(closed, readable_ids)
    for unit in closed:
        cells = []
        below = [uid for uid, path in paths.items() if uid != unit.pk and path.startswith(unit.path)]
        if any(path.startswith(unit.path) for path in hidden):
            below = []
        for indicator in indicators:
            key = (unit.pk, indicator.pk)
            rolled = [raw[(uid, indicator.pk)] for uid in below if (uid, indicator.pk) in raw]
            if key in raw:
                cells.append(Cell(raw[key][0], REPORTED))
            elif rolled:
                cells.append(Cell(_rolled(indicator, rolled), ROLLED))
            elif key in estimates:
                cells.append(Cell(_value(indicator, estimates[key]), ESTIMATED))
            else:
                cells.append(Cell(None))
        result.rows.append(Row(unit, cells))
    return result
