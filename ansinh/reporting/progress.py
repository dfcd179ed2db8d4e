"""Progress: target statuses, linear forecasts, task statuses, completeness and what is due.

The rules are pure functions over plain values (tested with hypothesis); the few functions at
the bottom read the database and feed them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

# Tolerance for "at risk" instead of "off track", by indicator value type: ("abs", points) or
# ("rel", share of the goal).
TOLERANCE: dict[str, tuple[str, float]] = {
    "percent": ("abs", 2.0),
    "ratio": ("rel", 0.05),
    "count": ("rel", 0.10),
    "number": ("rel", 0.05),
}
REMINDER_DAYS = (1, 3, 7)


class TargetStatus(StrEnum):
    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"
    NO_DATA = "no_data"


TARGET_STATUS_LABELS = {
    TargetStatus.ACHIEVED: "Đã đạt",
    TargetStatus.ON_TRACK: "Đúng tiến độ",
    TargetStatus.AT_RISK: "Có nguy cơ không đạt",
    TargetStatus.OFF_TRACK: "Chậm tiến độ",
    TargetStatus.NO_DATA: "Chưa có số liệu",
}


class TaskStatus(StrEnum):
    DONE_ON_TIME = "done_on_time"
    DONE_LATE = "done_late"
    IN_PROGRESS = "in_progress"
    OVERDUE = "overdue"


TASK_STATUS_LABELS = {
    TaskStatus.DONE_ON_TIME: "Hoàn thành đúng hạn",
    TaskStatus.DONE_LATE: "Hoàn thành quá hạn",
    TaskStatus.IN_PROGRESS: "Đang thực hiện trong hạn",
    TaskStatus.OVERDUE: "Quá hạn",
}


def tolerance_for(value_type: str, goal: float) -> float:
    kind, amount = TOLERANCE.get(value_type, TOLERANCE["number"])
    return amount if kind == "abs" else abs(goal) * amount


def meets(comparator: str, direction: str, actual: float, goal: float, goal_max: float | None = None) -> bool:
    """Does ``actual`` satisfy ``comparator goal``? "=", "approx", "maintain" are direction-aware."""
    if comparator == "<":
        return actual < goal
    if comparator == "<=":
        return actual <= goal
    if comparator == ">":
        return actual > goal
    if comparator == ">=":
        return actual >= goal
    if comparator == "range" and goal_max is not None:
        return goal <= actual <= goal_max if direction != "lower" else actual <= goal_max
    return actual >= goal if direction != "lower" else actual <= goal


def shortfall(direction: str, actual: float, goal: float) -> float:
    """How far ``actual`` is on the bad side of ``goal`` (0 when on the good side)."""
    return max(0.0, goal - actual) if direction != "lower" else max(0.0, actual - goal)


def linear_forecast(points: Sequence[tuple[int, float]], year: int) -> float | None:
    """Least-squares line through (year, value) points, read at ``year``; one point is carried flat."""
    if not points:
        return None
    if len(points) == 1:
        return float(points[0][1])
    n = len(points)
    mean_x = sum(p[0] for p in points) / n
    mean_y = sum(p[1] for p in points) / n
    sxx = sum((p[0] - mean_x) ** 2 for p in points)
    if sxx == 0:
        return mean_y
    slope = sum((p[0] - mean_x) * (p[1] - mean_y) for p in points) / sxx
    return mean_y + slope * (year - mean_x)


@dataclass(frozen=True)
class Goal:
    comparator: str
    value: float
    value_max: float | None = None


def target_status(
    direction: str,
    value_type: str,
    actual: float | None,
    milestone: Goal | None,
    final: Goal | None,
    forecast: float | None = None,
) -> TargetStatus:
    """Status of a target from the latest actual, this year's milestone, the final goal and a forecast.

    Achieved when the actual already meets the final goal; otherwise measured against the
    milestone (or, without one, the forecast against the final goal): met → on track, short by
    no more than the tolerance → at risk, further → off track.
    """
    if actual is None:
        return TargetStatus.NO_DATA
    if final is not None and meets(final.comparator, direction, actual, final.value, final.value_max):
        return TargetStatus.ACHIEVED
    if milestone is not None:
        probe, goal = actual, milestone
    elif final is not None and forecast is not None:
        probe, goal = forecast, final
    elif final is not None:
        probe, goal = actual, final
    else:
        return TargetStatus.ON_TRACK
    if meets(goal.comparator, direction, probe, goal.value, goal.value_max):
        return TargetStatus.ON_TRACK
    if shortfall(direction, probe, goal.value) <= tolerance_for(value_type, goal.value):
        return TargetStatus.AT_RISK
    return TargetStatus.OFF_TRACK


def task_status(deadline: dt.date | None, completed_on: dt.date | None, today: dt.date) -> TaskStatus:
    """The Government Office's four task statuses, derived from dates only."""
    if completed_on is not None:
        if deadline is None or completed_on <= deadline:
            return TaskStatus.DONE_ON_TIME
        return TaskStatus.DONE_LATE
    if deadline is None or today <= deadline:
        return TaskStatus.IN_PROGRESS
    return TaskStatus.OVERDUE


def reminder_bucket(due: dt.date, today: dt.date) -> int | None:
    """1, 3 or 7 when ``due`` is within that many days; 0 when overdue; None when further away."""
    days = (due - today).days
    if days < 0:
        return 0
    for bucket in REMINDER_DAYS:
        if days <= bucket:
            return bucket
    return None


def expected_on(valid_from: dt.date, valid_to: dt.date | None, period_end: dt.date) -> bool:
    """A unit owes a report for a window when it is in force on the window's last day."""
    return valid_from <= period_end and (valid_to is None or period_end < valid_to)


@dataclass
class Completeness:
    expected: int = 0
    received: int = 0
    on_time: int = 0
    missing: list[Any] = field(default_factory=list)

    @property
    def completeness(self) -> float | None:
        return self.received / self.expected * 100 if self.expected else None

    @property
    def timeliness(self) -> float | None:
        return self.on_time / self.expected * 100 if self.expected else None
