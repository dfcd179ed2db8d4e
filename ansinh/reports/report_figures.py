"""Every approved figure a plan's report needs, loaded at once, read the dashboards' way.

A year's figure is the annual report's, else the year's shorter reports stand in for it
(``reporting.progress_data.year_figure``): a plan whose reporting regime asks only for monthly or
quarterly reports still reports on its yearly targets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q

from ansinh.geo.models import AdministrativeUnit
from ansinh.plans.models import Plan, Target
from ansinh.reporting.coverage import Coverage, ExpectedUnits, honest_status
from ansinh.reporting.models import (
    AggregateValue,
    IndicatorValue,
    ReportingCycle,
    Submission,
    TargetIndicatorLink,
)
from ansinh.reporting.pace import part_year_status, with_baseline, year_share
from ansinh.reporting.progress import (
    OWN_FIGURE_FIRST,
    TARGET_STATUS_LABELS,
    Goal,
    TargetStatus,
    linear_forecast,
)
from ansinh.reporting.progress_data import YEAR_KINDS, Figure, year_figure

NO_DATA_LABEL = TARGET_STATUS_LABELS[TargetStatus.NO_DATA]
YearFigure = tuple[ReportingCycle, float, str, int]  # the latest cycle used, value, source, units reporting


def _link(target: Target) -> TargetIndicatorLink | None:
    try:
        return target.indicator_link
    except TargetIndicatorLink.DoesNotExist:
        return None


@dataclass
class Figures:
    """(cycle, indicator, unit) → value for every cycle of the plan's years up to the report's.

    A unit's own approved figure wins over the roll-up of its communes, as in
    ``reporting.progress.actual_value``.
    """

    plan: Plan
    cycles: list[ReportingCycle]
    values: dict[tuple[int, int, int], float]
    rolled: dict[tuple[int, int, int], int] = field(default_factory=dict)  # roll-ups: units reporting
    expected: ExpectedUnits | None = None
    _of_year: dict[int, list[ReportingCycle]] = field(default_factory=dict, init=False, repr=False)
    _found: dict[tuple[int, int, int], YearFigure | None] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        for c in self.cycles:
            self._of_year.setdefault(c.year, []).append(c)

    @classmethod
    def load(cls, plan: Plan, year: int, root: AdministrativeUnit | None) -> Figures:
        cycles = sorted(
            ReportingCycle.objects.filter(plan=plan, kind__in=YEAR_KINDS, year__lte=year),
            key=lambda c: (c.year, c.period_end, c.pk),
        )
        values: dict[tuple[int, int, int], float] = {}
        if root is None or not cycles:
            return cls(plan, cycles, values)
        # the report speaks for the root and (annex) the units directly under it: only their figures
        # are read, never every commune's value of the country
        shown = AdministrativeUnit.objects.filter(Q(pk=root.pk) | Q(parent_id=root.pk)).values("pk")
        own = IndicatorValue.objects.filter(
            submission__cycle__in=cycles,
            submission__status=Submission.Status.APPROVED,
            submission__unit__in=shown,
            value__isnull=False,
        ).order_by(OWN_FIGURE_FIRST)
        for c, i, u, v in own.values_list("submission__cycle_id", "indicator_id", "submission__unit_id", "value"):
            if v is not None:
                values.setdefault((c, i, u), v)
        rows = AggregateValue.objects.filter(cycle__in=cycles, unit__in=shown, value__isnull=False)
        rolled: dict[tuple[int, int, int], int] = {}
        for c, i, u, v, n in rows.values_list("cycle_id", "indicator_id", "unit_id", "value", "n_units_reporting"):
            if v is not None and (c, i, u) not in values:
                values[(c, i, u)] = v
                rolled[(c, i, u)] = n
        units = AdministrativeUnit.objects.filter(pk__in={u for (_, _, u) in rolled} | {root.pk}).only("id", "path")
        expected = ExpectedUnits(units, cycles)
        return cls(plan, cycles, values, rolled, expected)

    def year_value(self, indicator: Any, unit_id: int, year: int) -> YearFigure | None:
        """The unit's figure of ``indicator`` for ``year`` (``year_figure``'s rules), or None; worked out once."""
        memo = (indicator.pk, unit_id, year)
        if memo not in self._found:
            figures: dict[tuple[int, int], Figure] = {}
            of_year = self._of_year.get(year, [])
            for c in of_year:
                key = (c.pk, indicator.pk, unit_id)
                if key in self.values:
                    source, n = ("rollup", self.rolled[key]) if key in self.rolled else ("own", 1)
                    figures[(c.pk, indicator.pk)] = (float(self.values[key]), source, n)
            self._found[memo] = year_figure(of_year, indicator, figures)
        return self._found[memo]

    def _coverage_of(self, unit: AdministrativeUnit, found: YearFigure | None) -> Coverage | None:
        if found is None or self.expected is None:
            return None
        cycle, _, source, n = found
        return self.expected.coverage(unit, cycle, n, source)

    def coverage(self, target: Target, unit: AdministrativeUnit, year: int) -> Coverage | None:
        """The coverage of the unit's figure for the target in ``year`` (``reporting.coverage``)."""
        link = _link(target)
        return None if link is None else self._coverage_of(unit, self.year_value(link.indicator, unit.pk, year))

    def reach(self, target: Target, unit: AdministrativeUnit, year: int) -> ReportingCycle | None:
        """The latest report a part-year figure comes from (None for an annual figure or none)."""
        link = _link(target)
        found = None if link is None else self.year_value(link.indicator, unit.pk, year)
        return found[0] if found is not None and found[0].kind != ReportingCycle.Kind.ANNUAL else None

    def progress(
        self, target: Target, unit: AdministrativeUnit, year: int
    ) -> tuple[float | None, str, list[tuple[int, float]]]:
        """(actual, status label, yearly series) with ``reporting.pace.part_year_status``; a partial
        roll-up reads "Số liệu chưa đầy đủ" (``reporting.coverage``)."""
        link = _link(target)
        if link is None:
            return None, NO_DATA_LABEL, []
        indicator = link.indicator
        series: list[tuple[int, float]] = []
        for y in sorted(y for y in self._of_year if y <= year):
            found = self.year_value(indicator, unit.pk, y)
            if found is not None and (found[0].kind == ReportingCycle.Kind.ANNUAL or indicator.time_aggregation != "sum"):
                series.append((y, found[1]))
        this_year = self.year_value(indicator, unit.pk, year)
        actual = this_year[1] if this_year is not None else None
        final = Goal(target.comparator or "=", target.value, target.value_max) if target.value is not None else None
        stone = next((m for m in target.milestones.all() if m.year == year and m.value is not None), None)
        milestone = Goal(stone.comparator or "=", stone.value, stone.value_max) if stone and stone.value is not None else None
        forecast = linear_forecast(with_baseline(series, target, self.plan, unit), target.year or self.plan.period_end or year)
        share = year_share(this_year[0]) if this_year is not None and indicator.time_aggregation == "sum" else 1.0
        status = part_year_status(indicator.direction, indicator.value_type, actual, share, milestone, final, forecast)
        if actual is not None and not self.plan.judges_unit_by_goals(unit, indicator.aggregation):
            status = TargetStatus.NOT_ASSESSED  # a commune's part of the area's count
        honest = TargetStatus(honest_status(status, self._coverage_of(unit, this_year)))
        return actual, TARGET_STATUS_LABELS[honest], series

    def unit_ids(self, year: int) -> set[int]:
        """Units with a figure in some report of ``year``."""
        ids = {c.pk for c in self._of_year.get(year, [])}
        return {u for (c, _, u) in self.values if c in ids}
