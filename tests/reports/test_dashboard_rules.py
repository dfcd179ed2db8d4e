"""How the dashboard applies the progress rules to a unit's yearly series, and derives task statuses."""

from __future__ import annotations

import datetime as dt

from ansinh.plans.models import Plan, Target, Task
from ansinh.reporting.models import ReportingCycle, TaskProgress
from ansinh.reporting.progress import Goal
from ansinh.reports.dashboard_data import TargetSeries, forecast, target_status, task_status


def _series(actuals: dict[int, float], direction: str = "higher", value: float = 95.0, comparator: str = ">=") -> TargetSeries:
    t = Target(indicator_name="x", comparator=comparator, value=value, year=2030, plan=Plan(period_end=2030))
    return TargetSeries(
        t, 1, "x", "%", direction, "percent", milestones={2025: 90.0},
        milestone_goals={2025: Goal(">=" if direction == "higher" else "<=", 90.0 if direction == "higher" else 1.0)},
        actuals=actuals,
    )


def test_reaching_the_final_target_is_achieved() -> None:
    assert target_status(_series({2025: 96.0}), 2025) == "achieved"


def test_meeting_the_years_milestone_is_on_track() -> None:
    assert target_status(_series({2025: 90.0}), 2025) == "on_track"


def test_a_shortfall_within_two_points_is_at_risk_and_a_larger_one_off_track() -> None:
    assert target_status(_series({2025: 88.5}), 2025) == "at_risk"
    assert target_status(_series({2025: 70.0}), 2025) == "off_track"


def test_lower_is_better_indicators_are_judged_the_other_way() -> None:
    assert target_status(_series({2025: 4.0}, "lower", 0.5, "<"), 2025) == "off_track"
    assert target_status(_series({2025: 0.9}, "lower", 0.5, "<"), 2025) == "on_track"


def test_a_year_without_a_figure_has_no_data() -> None:
    assert target_status(_series({2024: 80.0}), 2025) == "no_data"


def test_the_forecast_extends_the_trend_to_the_target_year() -> None:
    assert forecast(_series({2024: 80.0, 2025: 82.0}), 2027) == {2026: 84.0, 2027: 86.0}
    assert forecast(_series({2025: 82.0}), 2027) == {}


def test_task_statuses_are_derived_from_dates() -> None:
    today = dt.date(2026, 1, 15)
    cycle = ReportingCycle(year=2025, period_start=dt.date(2024, 12, 15), period_end=dt.date(2025, 12, 14))
    task = Task(title="x", timeline="Năm 2025")
    done = TaskProgress(status="completed", deadline=dt.date(2025, 6, 30), completed_on=dt.date(2025, 6, 1))
    late = TaskProgress(status="completed", deadline=dt.date(2025, 6, 30), completed_on=dt.date(2025, 7, 2))
    overdue = TaskProgress(status="in_progress", deadline=dt.date(2025, 12, 31))
    running = TaskProgress(status="not_started", deadline=dt.date(2026, 6, 30))
    from_timeline = TaskProgress(status="in_progress")  # deadline read from "Năm 2025": 31/12/2025
    assert [task_status(task, p, cycle, today) for p in (done, late, overdue, running, from_timeline, None)] == [
        "done_on_time", "done_late", "overdue", "in_progress", "overdue", "not_reported"
    ]


def test_a_forecast_never_goes_below_zero_nor_a_percentage_above_100() -> None:
    falling = _series({2024: 2.0, 2025: 1.0}, "lower", 0.5, "<")
    assert min(forecast(falling, 2030).values()) == 0.0
    rising = _series({2024: 90.0, 2025: 98.0})
    assert max(forecast(rising, 2030).values()) == 100.0
