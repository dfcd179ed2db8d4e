"""Set-based readers behind ``reporting.progress``: many targets, cycles and units per query.

``targets_progress`` reads a unit's figures for every target and cycle in two queries (own
approved values, then roll-ups), the milestones and links in one each, and the expected
communes (coverage) in one; ``completeness_many`` counts expected, received and on-time reports
of every cycle in the database, one counting query for the units and one for the submissions. The number of queries
does not grow with the number of targets, cycles or units.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone

from ansinh.reporting.coverage import ExpectedUnits, honest_status
from ansinh.reporting.pace import part_year_status, with_baseline, year_share
from ansinh.reporting.progress import (
    OWN_FIGURE_FIRST,
    Completeness,
    Goal,
    TargetProgress,
    TargetStatus,
    expected_on,
    linear_forecast,
)

Figure = tuple[float, str, int]  # value, source ("own" or "rollup"), units reporting
# Cycles whose figures make a year's: the annual report, else the reports within the year (Decree 09/2019 windows).
YEAR_KINDS = ("annual", "semiannual", "quarterly", "monthly")
_COARSE_FIRST = {"annual": 0, "semiannual": 1, "quarterly": 2, "monthly": 3}


def _by_year(cycles: Sequence[Any]) -> list[list[Any]]:
    years: dict[int, list[Any]] = defaultdict(list)
    for c in cycles:
        years[c.year].append(c)
    return [years[y] for y in sorted(years)]


def year_figure(cycles: Sequence[Any], indicator: Any, figures: dict[tuple[int, int], Figure]) -> tuple[Any, float, str, int] | None:
    """A year's figure of ``indicator``: (the cycle it stands at, value, source, units reporting), or None.

    The annual report's figure when there is one. A plan that asks only for monthly, quarterly or six-month
    reports still has yearly targets, so without an annual figure the year's reports stand in for it, as far as
    they go: an indicator read at the end of a period (``time_aggregation`` "last": a rate, a stock) takes the
    latest report's figure; one counted over time ("sum") adds up the monthly or quarterly figures of the year,
    whichever kind reaches furthest (the six-month report already counts from the start of the year). The cycle
    returned is the latest report used, so the page says how far the year's figure goes.
    """
    have = [(c, figures[(c.pk, indicator.pk)]) for c in cycles if (c.pk, indicator.pk) in figures]
    annual = [(c, f) for c, f in have if c.kind == "annual"]
    if annual:
        return (annual[-1][0], *annual[-1][1])
    if not have:
        return None
    have.sort(key=lambda cf: (cf[0].period_end, -_COARSE_FIRST.get(cf[0].kind, 9)))
    last_cycle, last = have[-1]
    if indicator.time_aggregation != "sum" or last_cycle.kind == "semiannual":
        return (last_cycle, *last)
    same = [f for c, f in have if c.kind == last_cycle.kind]
    return (last_cycle, sum(f[0] for f in same), last[1], min(f[2] for f in same))


def unit_figures(unit_id: int, cycle_ids: Iterable[int], indicator_ids: Iterable[int]) -> dict[tuple[int, int], Figure]:
    """(cycle, indicator) → the unit's own approved figure if it reported one, else its roll-up."""
    from ansinh.reporting.models import AggregateValue, IndicatorValue, Submission

    cycles, indicators = list(cycle_ids), list(indicator_ids)
    out: dict[tuple[int, int], Figure] = {}
    if not cycles or not indicators:
        return out
    own = (
        IndicatorValue.objects.filter(
            submission__cycle_id__in=cycles,
            submission__unit_id=unit_id,
            submission__status=Submission.Status.APPROVED,
            indicator_id__in=indicators,
            value__isnull=False,
        )
        .order_by(OWN_FIGURE_FIRST)
        .values_list("submission__cycle_id", "indicator_id", "value")
    )
    for cycle_id, indicator_id, value in own:
        if value is not None:
            out.setdefault((cycle_id, indicator_id), (float(value), "own", 1))
    rolled = AggregateValue.objects.filter(
        cycle_id__in=cycles, indicator_id__in=indicators, unit_id=unit_id, value__isnull=False
    ).values_list("cycle_id", "indicator_id", "value", "n_units_reporting")
    for cycle_id, indicator_id, value, n in rolled:
        if value is not None:
            out.setdefault((cycle_id, indicator_id), (float(value), "rollup", int(n)))
    return out


def targets_progress(targets: Sequence[Any], unit: Any, cycle: Any = None) -> list[TargetProgress]:
    """Actual vs milestone vs final goal of each target for ``unit`` (``progress.target_progress`` rules).

    A rolled-up actual carries its coverage; below the configured share its status is "partial". A year without
    an annual report takes its figure from the year's shorter reports (``year_figure``).
    """
    from ansinh.plans.models import Milestone, Plan
    from ansinh.reporting.models import ReportingCycle, TargetIndicatorLink

    if not targets:
        return []
    target_ids = [t.pk for t in targets]
    links = {
        link.target_id: link.indicator
        for link in TargetIndicatorLink.objects.filter(target_id__in=target_ids).select_related("indicator")
    }
    plans = {p.pk: p for p in Plan.objects.filter(pk__in={t.plan_id for t in targets}).select_related("area")}
    plan_cycles: dict[int, list[Any]] = defaultdict(list)
    for c in ReportingCycle.objects.filter(
        plan_id__in={t.plan_id for t in targets}, kind__in=YEAR_KINDS
    ).order_by("year", "period_end"):
        if cycle is None or (c.period_end <= cycle.period_end if cycle.kind in YEAR_KINDS else c.year <= cycle.year):
            plan_cycles[c.plan_id].append(c)
    all_cycles = [c for cs in plan_cycles.values() for c in cs]
    stones = {
        (m.target_id, m.year): m
        for m in Milestone.objects.filter(target_id__in=target_ids, value__isnull=False)
    }
    figures = unit_figures(unit.pk, [c.pk for c in all_cycles], {i.pk for i in links.values()})
    expected = ExpectedUnits([unit], [*all_cycles, *([cycle] if cycle is not None else [])])
    out: list[TargetProgress] = []
    for target in targets:
        indicator = links.get(target.pk)
        final = Goal(target.comparator or "=", target.value, target.value_max) if target.value is not None else None
        series: list[tuple[int, float]] = []
        latest: tuple[Any, float, str, int] | None = None
        if indicator is not None:
            for year_cycles in _by_year(plan_cycles.get(target.plan_id, [])):
                found = year_figure(year_cycles, indicator, figures)
                if found is not None:
                    latest = found
                    if found[0].kind == ReportingCycle.Kind.ANNUAL or indicator.time_aggregation != "sum":
                        series.append((found[0].year, found[1]))  # a part-year sum would bend the forecast
        if indicator is None or latest is None:
            out.append(
                TargetProgress(target, indicator, unit, cycle, None, "", None, final, None, TargetStatus.NO_DATA, series)
            )
            continue
        if cycle is None or latest[0].pk == cycle.pk or (cycle.kind in YEAR_KINDS and latest[0].year == cycle.year):
            at_cycle, actual, source, reporting = latest
        else:
            at_cycle, actual, source, reporting = cycle, None, "", 0
        stone = stones.get((target.pk, at_cycle.year))
        milestone = (
            Goal(stone.comparator or "=", stone.value, stone.value_max)
            if stone is not None and stone.value is not None
            else None
        )
        final_year = target.year or target.plan.period_end or at_cycle.year
        forecast = linear_forecast(with_baseline(series, target, plans[target.plan_id], unit), final_year)
        if forecast is not None and indicator.value_type in ("percent", "count"):
            forecast = max(0.0, min(forecast, 100.0) if indicator.value_type == "percent" else forecast)
        share = year_share(at_cycle) if indicator.time_aggregation == "sum" else 1.0
        status = part_year_status(indicator.direction, indicator.value_type, actual, share, milestone, final, forecast)
        if actual is not None and not plans[target.plan_id].judges_unit_by_goals(unit, indicator.aggregation):
            status = TargetStatus.NOT_ASSESSED
        coverage = expected.coverage(unit, at_cycle, reporting, source) if actual is not None else None
        out.append(
            TargetProgress(
                target, indicator, unit, at_cycle, actual, source, milestone, final, forecast,
                TargetStatus(honest_status(status, coverage)), series, coverage,
            )
        )
    return out


def completeness_many(
    cycles: Sequence[Any], scope: Any, level: str = "commune", with_missing: bool = False
) -> dict[int, Completeness]:
    """Expected, received and on-time reports of ``level`` units under ``scope``, per cycle id.

    Two counting queries whatever the number of cycles and units (plus the cycles' deadlines when
    they were not prefetched): the database counts, no unit or submission row is read. A unit
    counts as received when it is expected (in force on the cycle's last day) and sent (submitted
    or approved) a report; on time when one of its sent reports went out no later than the due
    day (local date). ``with_missing`` also lists the missing units (``Completeness.missing``),
    reading the units and submissions themselves.
    """
    if with_missing:
        return _completeness_listed(cycles, scope, level)
    from ansinh.geo.models import AdministrativeUnit
    from ansinh.reporting.cycles import due_for
    from ansinh.reporting.models import Submission

    result = {c.pk: Completeness() for c in cycles}
    if not cycles:
        return result
    expected = (
        AdministrativeUnit.objects.filter(path__startswith=scope.path, level=level)
        .order_by()
        .aggregate(**{f"e{c.pk}": Count("id", filter=_in_force(c.period_end)) for c in cycles})
    )
    counts: dict[str, Any] = {}
    for c in cycles:
        sent = Q(cycle_id=c.pk) & _in_force(c.period_end, "unit__")
        due = due_for(c, level)
        counts[f"r{c.pk}"] = Count("unit_id", distinct=True, filter=sent)
        counts[f"o{c.pk}"] = Count("unit_id", distinct=True, filter=sent & _sent_by(due))
    received = (
        Submission.objects.filter(
            cycle_id__in=list(result),
            unit__path__startswith=scope.path,
            unit__level=level,
            status__in=(Submission.Status.SUBMITTED, Submission.Status.APPROVED),
        )
        .order_by()
        .aggregate(**counts)
    )
    for c in cycles:
        line = result[c.pk]
        line.expected = int(expected[f"e{c.pk}"] or 0)
        line.received = int(received[f"r{c.pk}"] or 0)
        line.on_time = int(received[f"o{c.pk}"] or 0)
    return result


def _in_force(day: dt.date, prefix: str = "") -> Q:
    """``progress.expected_on`` as a filter: in force on ``day`` (of the unit, or of ``prefix``'s unit)."""
    return Q(**{f"{prefix}valid_from__lte": day}) & (
        Q(**{f"{prefix}valid_to__isnull": True}) | Q(**{f"{prefix}valid_to__gt": day})
    )


def _sent_by(due: dt.date | None) -> Q:
    """Sent no later than the local day ``due`` (any time when there is no deadline)."""
    if due is None:
        return Q()
    return Q(submitted_at__lt=timezone.make_aware(dt.datetime.combine(due + dt.timedelta(days=1), dt.time.min)))


def _completeness_listed(cycles: Sequence[Any], scope: Any, level: str) -> dict[int, Completeness]:
    """``completeness_many`` with the missing units listed: the units and submissions are read."""
    from ansinh.geo.models import AdministrativeUnit
    from ansinh.reporting.cycles import due_for
    from ansinh.reporting.models import Submission

    result = {c.pk: Completeness() for c in cycles}
    if not cycles:
        return result
    units = list(AdministrativeUnit.objects.filter(path__startswith=scope.path, level=level).order_by("path"))
    sent: dict[tuple[int, int], list[Any]] = defaultdict(list)
    rows = Submission.objects.filter(
        cycle_id__in=list(result),
        unit__path__startswith=scope.path,
        unit__level=level,
        status__in=(Submission.Status.SUBMITTED, Submission.Status.APPROVED),
    ).order_by().values_list("cycle_id", "unit_id", "submitted_at")
    for cycle_id, unit_id, submitted_at in rows:
        sent[(cycle_id, unit_id)].append(submitted_at)
    for cycle in cycles:
        due = due_for(cycle, level)
        counts = result[cycle.pk]
        for unit in units:
            if not expected_on(unit.valid_from, unit.valid_to, cycle.period_end):
                continue
            counts.expected += 1
            if (cycle.pk, unit.pk) not in sent:
                counts.missing.append(unit)
                continue
            counts.received += 1
            sent_on = [timezone.localdate(at) for at in sent[(cycle.pk, unit.pk)] if at is not None]
            if due is None or any(day <= due for day in sent_on):
                counts.on_time += 1
    return result
