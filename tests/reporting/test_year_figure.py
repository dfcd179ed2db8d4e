"""A year's figure when a plan asks only for monthly, quarterly or six-month reports (``progress_data.year_figure``)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from ansinh.reporting.pace import part_year_status, year_share
from ansinh.reporting.progress import Goal, TargetStatus, target_status
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


# --- how a part-year count is judged (``pace.part_year_status``) -----------------------------------------------

YEAR_GOAL = Goal(">=", 1000)


def test_a_count_of_three_months_is_a_quarter_of_its_year() -> None:
    assert year_share(MONTHS[2]) == 0.25 and year_share(cycle(50, "semiannual", 6)) == 0.5
    assert year_share(cycle(100, "annual", 12)) == 1.0


def test_three_months_of_250_against_a_years_1000_is_on_course_not_behind() -> None:
    on_pace = part_year_status("higher", "count", 250, 0.25, YEAR_GOAL, None)
    assert on_pace == TargetStatus.ON_TRACK
    assert target_status("higher", "count", 250, YEAR_GOAL, None) == TargetStatus.OFF_TRACK  # what it read before


def test_three_months_of_100_against_a_years_1000_is_behind() -> None:
    assert part_year_status("higher", "count", 100, 0.25, YEAR_GOAL, None) == TargetStatus.OFF_TRACK


def test_three_months_of_30_against_at_most_100_a_year_is_not_achieved_but_over_its_pace() -> None:
    at_most = Goal("<=", 100)
    assert target_status("lower", "count", 30, None, at_most) == TargetStatus.ACHIEVED  # what it read before
    assert part_year_status("lower", "count", 30, 0.25, None, at_most) == TargetStatus.OFF_TRACK
    assert part_year_status("lower", "count", 20, 0.25, None, at_most) == TargetStatus.ON_TRACK


def test_a_count_going_up_that_already_meets_its_final_goal_is_achieved_early() -> None:
    assert part_year_status("higher", "count", 1200, 0.5, None, YEAR_GOAL) == TargetStatus.ACHIEVED


def test_a_count_on_pace_for_its_final_goal_is_on_course_not_achieved() -> None:
    assert part_year_status("higher", "count", 600, 0.5, None, YEAR_GOAL) == TargetStatus.ON_TRACK


@given(st.floats(0, 1e6, allow_nan=False), st.sampled_from(["higher", "lower"]))
def test_a_whole_years_figure_is_judged_as_before(actual: float, direction: str) -> None:
    stone, final = Goal(">=" if direction == "higher" else "<=", 500), Goal("=", 800)
    assert part_year_status(direction, "count", actual, 1.0, stone, final) == target_status(
        direction, "count", actual, stone, final
    )


# --- a trend from the target's baseline (``pace.with_baseline``) -------------------------------------------

def test_one_years_figure_after_a_baseline_gives_a_trend_not_a_flat_line() -> None:
    from ansinh.reporting.pace import with_baseline
    from ansinh.reporting.progress import linear_forecast

    target, plan, city = SimpleNamespace(baseline_year=2025, baseline_value=3.0), SimpleNamespace(area_id=79), SimpleNamespace(pk=79)
    points = with_baseline([(2026, 2.6)], target, plan, city)
    assert points == [(2025, 3.0), (2026, 2.6)]
    assert abs((linear_forecast(points, 2030) or 0) - 1.0) < 1e-9  # on course for "xuống 1% năm 2030"
    assert linear_forecast([(2026, 2.6)], 2030) == 2.6  # without it: flat, and "Chậm tiến độ"


def test_a_baseline_is_the_areas_own_and_never_after_the_first_figure() -> None:
    from ansinh.reporting.pace import with_baseline

    target, plan = SimpleNamespace(baseline_year=2025, baseline_value=3.0), SimpleNamespace(area_id=79)
    assert with_baseline([(2026, 5.0)], target, plan, SimpleNamespace(pk=26740)) == [(2026, 5.0)]  # a ward's trend
    assert with_baseline([(2025, 2.9)], target, plan, SimpleNamespace(pk=79)) == [(2025, 2.9)]
    assert with_baseline([], target, plan, SimpleNamespace(pk=79)) == []
    assert with_baseline([(2026, 2.6)], SimpleNamespace(baseline_year=None, baseline_value=None), plan, None) == [(2026, 2.6)]
