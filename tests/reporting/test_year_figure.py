"""A year's figure when a plan asks only for monthly, quarterly or six-month reports (``progress_data.year_figure``)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from ansinh.reporting.progress_data import Figure, year_figure

INDICATOR = 7


def cycle(pk: int, kind: str, month: int) -> Any:
    return SimpleNamespace(pk=pk, kind=kind, year=2026, period_end=dt.date(2026, month, 14))


def indicator(time_aggregation: str) -> Any:
    return SimpleNamespace(pk=INDICATOR, time_aggregation=time_aggregation)


MONTHS = [cycle(m, "monthly", m) for m in range(1, 13)]


def figures(values: dict[int, float]) -> dict[tuple[int, int], Figure]:
    return {(pk, INDICATOR): (value, "own", 1) for pk, value in values.items()}


def test_the_annual_reports_figure_stands_for_the_year_whatever_the_months_say() -> None:
    annual = cycle(100, "annual", 12)
    found = year_figure([*MONTHS, annual], indicator("sum"), figures({1: 5, 2: 6, 100: 80}))
    assert found is not None and found[0] is annual and found[1] == 80


def test_a_rate_takes_the_latest_months_figure_and_says_which_month() -> None:
    found = year_figure(MONTHS, indicator("last"), figures({1: 60, 3: 75, 2: 70}))
    assert found is not None and found[0].pk == 3 and found[1] == 75


def test_a_count_adds_up_the_months_reported_so_far() -> None:
    found = year_figure(MONTHS, indicator("sum"), figures({1: 10, 2: 20, 4: 5}))
    assert found is not None and found[0].pk == 4 and found[1] == 35


def test_a_six_month_report_already_counts_from_the_start_of_the_year() -> None:
    half = cycle(50, "semiannual", 6)
    quarters = [cycle(60 + q, "quarterly", 3 * q) for q in (1, 2)]
    found = year_figure([half, *quarters], indicator("sum"), figures({61: 100, 62: 150, 50: 250}))
    assert found is not None and found[0] is half and found[1] == 250  # not 500: the six months hold both quarters


def test_a_year_without_any_figure_has_none() -> None:
    assert year_figure(MONTHS, indicator("sum"), {}) is None


@given(st.dictionaries(st.integers(1, 12), st.floats(0, 1e6, allow_nan=False), min_size=1))
def test_months_sum_for_a_count_and_the_last_month_for_a_rate(values: dict[int, float]) -> None:
    summed = year_figure(MONTHS, indicator("sum"), figures(values))
    last = year_figure(MONTHS, indicator("last"), figures(values))
    assert summed is not None and last is not None
    assert summed[0].pk == last[0].pk == max(values)
    assert abs(summed[1] - sum(values.values())) <= 1e-6 * max(1.0, sum(values.values()))
    assert last[1] == values[max(values)]
