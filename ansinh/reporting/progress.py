"""Progress: target statuses, linear forecasts, task statuses, completeness and what is due.

The rules are pure functions over plain values (tested with hypothesis); the few functions at
the bottom read the database and feed them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from django.db.models import F

from ansinh.lib.text import fold_key
from ansinh.reporting.coverage import Coverage

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
    PARTIAL = "partial"  # a roll-up below the coverage threshold: not assessed (reporting.coverage)
    NOT_ASSESSED = "not_assessed"  # a commune's part of a count set for the whole area (Plan.judges_unit_by_goals)


TARGET_STATUS_LABELS = {
    TargetStatus.ACHIEVED: "Đã đạt",
    TargetStatus.ON_TRACK: "Đúng tiến độ",
    TargetStatus.AT_RISK: "Có nguy cơ không đạt",
    TargetStatus.OFF_TRACK: "Chậm tiến độ",
    TargetStatus.NO_DATA: "Chưa có số liệu",
    TargetStatus.PARTIAL: "Số liệu chưa đầy đủ",
    TargetStatus.NOT_ASSESSED: "Không đánh giá riêng",
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
    def late(self) -> int:
        """Reports received after their due date (see ``reporting.lateness``)."""
        return self.received - self.on_time

    @property
    def completeness(self) -> float | None:
        return self.received / self.expected * 100 if self.expected else None

    @property
    def timeliness(self) -> float | None:
        return self.on_time / self.expected * 100 if self.expected else None


# --- reading the database ---------------------------------------------------------------------

_YEAR = re.compile(r"(?<!\d)(20\d{2})(?!\d)")
_QUARTER = re.compile(r"qu[yý]\s*(i{1,3}|iv|[1-4])\s*/\s*(20\d{2})", re.IGNORECASE)
_QUARTER_END = {
    "1": (3, 31),
    "i": (3, 31),
    "2": (6, 30),
    "ii": (6, 30),
    "3": (9, 30),
    "iii": (9, 30),
    "4": (12, 31),
    "iv": (12, 31),
}
_RECURRING = ("hang nam", "thuong xuyen", "hang quy", "hang thang", "dinh ky")


def task_deadline(timeline: str) -> dt.date | None:
    """A deadline read from a task's timeline text; recurring or undated tasks have none."""
    folded = fold_key(timeline)
    if not folded or any(word in folded for word in _RECURRING):
        return None
    quarter = _QUARTER.search(timeline)
    if quarter:
        month, day = _QUARTER_END[quarter.group(1).lower()]
        return dt.date(int(quarter.group(2)), month, day)
    years = [int(y) for y in _YEAR.findall(timeline)]
    return dt.date(max(years), 12, 31) if years else None


@dataclass
class TargetProgress:
    target: Any
    indicator: Any
    unit: Any
    cycle: Any
    actual: float | None
    source: str
    milestone: Goal | None
    final: Goal | None
    forecast: float | None
    status: TargetStatus
    series: list[tuple[int, float]]
    coverage: Coverage | None = None  # of a rolled-up actual (reporting.coverage)

    @property
    def status_label(self) -> str:
        return TARGET_STATUS_LABELS[self.status]

    @property
    def coverage_label(self) -> str:
        return self.coverage.label if self.coverage is not None else ""


# The unit's own report (no agency) before any agency's, on SQLite and PostgreSQL alike
# (the two sort NULLs at opposite ends by default).
OWN_FIGURE_FIRST = F("submission__agency_id").asc(nulls_first=True)


def actual_value(cycle_id: int, indicator_id: int, unit_id: int) -> tuple[float | None, str]:
    """The unit's own approved figure if it reported one, else the roll-up of its communes."""
    from ansinh.reporting.models import AggregateValue, IndicatorValue, Submission

    own = (
        IndicatorValue.objects.filter(
            submission__cycle_id=cycle_id,
            submission__unit_id=unit_id,
            submission__status=Submission.Status.APPROVED,
            indicator_id=indicator_id,
            value__isnull=False,
        )
        .order_by(OWN_FIGURE_FIRST)
        .values_list("value", flat=True)
        .first()
    )
    if own is not None:
        return own, "own"
    agg = AggregateValue.objects.filter(cycle_id=cycle_id, indicator_id=indicator_id, unit_id=unit_id).first()
    if agg is not None and agg.value is not None:
        return agg.value, "rollup"
    return None, ""


def target_progress(target: Any, unit: Any, cycle: Any = None) -> TargetProgress:
    """Actual vs milestone vs final goal of one plan target for one unit, with a status and a forecast.

    Many targets at once: ``progress_data.targets_progress`` (the same rules, a fixed number of queries).
    """
    from ansinh.reporting.progress_data import targets_progress

    return targets_progress([target], unit, cycle)[0]


def completeness(cycle: Any, scope: Any, level: str = "commune") -> Completeness:
    """Expected, received and on-time reports of ``level`` units under ``scope`` for one cycle.

    Many cycles at once: ``progress_data.completeness_many``.
    """
    from ansinh.reporting.progress_data import completeness_many

    return completeness_many([cycle], scope, level, with_missing=True)[cycle.pk]


@dataclass(frozen=True)
class DueItem:
    cycle: Any
    unit: Any
    level: str
    due: dt.date
    days_left: int
    bucket: int

    @property
    def overdue(self) -> bool:
        return self.days_left < 0


LEVEL_OF_UNIT = {"commune": "commune", "district": "district", "province": "province"}


def officer_units(user: Any, today: dt.date) -> tuple[dict[int, Any], set[tuple[int, str]], set[int | None]]:
    """The units the user reports for (standing, agency or commune roles in force on ``today``) by id, the (unit,
    deadline level) pairs they owe, and the plans of the standing roles (None: every plan)."""
    from ansinh.accounts.access import roles_of

    units: dict[int, Any] = {}
    wanted: set[tuple[int, str]] = set()
    standing_plans: set[int | None] = set()
    for role in roles_of(user, today).filter(role__in=("standing", "agency", "commune")):
        unit = role.unit or (role.agency.unit if role.agency else None)
        if unit is None:
            continue
        units[unit.pk] = unit
        level = LEVEL_OF_UNIT.get(unit.level)
        if level:
            wanted.add((unit.pk, level))
        if role.role == "standing":
            wanted.add((unit.pk, "standing"))
            standing_plans.add(role.plan_id)
    return units, wanted, standing_plans


def due_soon(user: Any, today: dt.date) -> list[DueItem]:
    """Reports the user's units still owe: due within 7, 3 or 1 days (``bucket``) or overdue (``bucket`` 0)."""
    from ansinh.plans.models import Plan
    from ansinh.reporting.models import CycleDeadline, Submission

    units, wanted, standing_plans = officer_units(user, today)
    items: list[DueItem] = []
    deadlines = CycleDeadline.objects.filter(
        cycle__plan__status=Plan.Status.ACTIVE, due__lte=today + dt.timedelta(days=max(REMINDER_DAYS))
    ).select_related("cycle__plan__area")
    done = {
        (s.cycle_id, s.unit_id)
        for s in Submission.objects.filter(
            unit_id__in=list(units), status__in=(Submission.Status.SUBMITTED, Submission.Status.APPROVED)
        )
    }
    for deadline in deadlines:
        for unit_id, level in sorted(wanted):
            if level != deadline.level or (deadline.cycle_id, unit_id) in done:
                continue
            unit = units[unit_id]
            if not deadline.cycle.plan.covers(unit) or not expected_on(unit.valid_from, unit.valid_to, deadline.cycle.period_end):
                continue  # another area's plan, or a cycle from before the unit existed (or after it closed)
            if (
                level == "standing"
                and None not in standing_plans
                and deadline.cycle.plan_id not in standing_plans
            ):
                continue
            bucket = reminder_bucket(deadline.due, today)
            if bucket is not None:
                days = (deadline.due - today).days
                items.append(DueItem(deadline.cycle, units[unit_id], level, deadline.due, days, bucket))
    items.sort(key=lambda i: (i.due, i.unit.name))
    return items
