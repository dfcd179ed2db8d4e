"""The fallback status, milestone interpolation, forecast and task status rules of the dashboard."""

from __future__ import annotations

import datetime as dt

from ansinh.plans.models import Target
from ansinh.reporting.models import TaskProgress
from ansinh.reports.dashboard_data import TargetSeries, expected_value, forecast, target_status, task_status


def _series(actuals: dict[int, float], direction: str = "up", **target: object) -> TargetSeries:
    t = Target(indicator_name="x", value=target.get("value", 95.0), year=target.get("year", 2030),  # type: ignore[misc]
               baseline_year=target.get("baseline_year"), baseline_value=target.get("baseline_value"))  # type: ignore[misc]
    return TargetSeries(t, 1, "x", "%", direction, milestones={2025: 90.0}, actuals=actuals)


def test_reaching_the_final_target_is_achieved() -> None:
    assert target_status(_series({2025: 96.0}), 2025) == "achieved"


def test_meeting_the_years_milestone_is_on_track() -> None:
    assert target_status(_series({2025: 90.0}), 2025) == "on_track"


def test_a_small_shortfall_is_at_risk_and_a_large_one_off_track() -> None:
    assert target_status(_series({2025: 88.0}), 2025) == "at_risk"
    assert target_status(_series({2025: 70.0}), 2025) == "off_track"


def test_lower_is_better_indicators_are_judged_the_other_way() -> None:
    s = _series({2025: 1.2}, "down", value=0.5)
    s.milestones = {2025: 1.0}
    assert target_status(s, 2025) == "off_track"
    s.actuals = {2025: 0.9}
    assert target_status(s, 2025) == "on_track"


def test_a_year_without_a_figure_has_no_data() -> None:
    assert target_status(_series({2024: 80.0}), 2025) == "no_data"


def test_a_missing_milestone_is_interpolated_towards_the_final_target() -> None:
    s = _series({}, value=100.0, year=2030)
    assert expected_value(s, 2027) == 94.0  # 90 in 2025 → 100 in 2030


def test_the_forecast_extends_the_trend_to_the_target_year() -> None:
    f = forecast(_series({2024: 80.0, 2025: 82.0}), 2027)
    assert f == {2026: 84.0, 2027: 86.0}
    assert forecast(_series({2025: 82.0}), 2027) == {}


def test_task_statuses_are_derived_from_dates() -> None:
    today = dt.date(2026, 1, 15)
    done = TaskProgress(status="completed", deadline=dt.date(2025, 6, 30), completed_on=dt.date(2025, 6, 1))
    late = TaskProgress(status="completed", deadline=dt.date(2025, 6, 30), completed_on=dt.date(2025, 7, 2))
    overdue = TaskProgress(status="in_progress", deadline=dt.date(2025, 12, 31))
    running = TaskProgress(status="not_started", deadline=dt.date(2026, 6, 30))
    assert [task_status(p, today) for p in (done, late, overdue, running, None)] == [
        "done_on_time", "done_late", "overdue", "in_progress", "not_reported"
    ]
