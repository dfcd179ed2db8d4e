"""The progress of one plan seen from one unit, as plain data for the web page and the API.

It only assembles what ``reporting.progress`` computes: target progress (actual vs milestone vs
final goal, status, forecast), task statuses derived from dates, completeness and timeliness
per cycle. The caller has already checked that the user may read ``unit``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ansinh.geo.models import AdministrativeUnit
from ansinh.plans.models import Plan, Task
from ansinh.reporting.entry import milestone_label
from ansinh.reporting.models import ReportingCycle, Submission, TaskProgress
from ansinh.reporting.progress import (
    TASK_STATUS_LABELS,
    Completeness,
    Goal,
    TargetProgress,
    task_deadline,
    task_status,
)
from ansinh.reporting.progress_data import completeness_many, targets_progress


@dataclass
class TaskLine:
    task: Task
    deadline: dt.date | None
    completed_on: dt.date | None
    reported: str
    status: str

    @property
    def status_label(self) -> str:
        return TASK_STATUS_LABELS[self.status]  # type: ignore[index]


@dataclass
class CycleLine:
    cycle: ReportingCycle
    counts: Completeness


@dataclass
class PlanProgress:
    plan: Plan
    unit: AdministrativeUnit
    cycle: ReportingCycle | None
    targets: list[TargetProgress] = field(default_factory=list)
    tasks: list[TaskLine] = field(default_factory=list)
    cycles: list[CycleLine] = field(default_factory=list)


def goal_label(goal: Goal | None) -> str:
    return milestone_label(goal.comparator, goal.value, goal.value_max) if goal else ""


def _task_reports(plan: Plan, unit: AdministrativeUnit) -> dict[int, tuple[dt.date | None, dt.date | None, str]]:
    """Per task: (deadline, completion date, label) from what ``unit`` or the units under it reported.

    The unit's own latest report wins. Otherwise the task counts as completed when every unit
    below that reported on it has completed it (on the latest of their dates), each unit by its
    latest report. Two queries: the unit's own rows, and the units below counted per task by the
    database (the country's communes send some 130,000 task rows over two cycles).
    """
    sent = (Submission.Status.SUBMITTED, Submission.Status.APPROVED)
    own: dict[int, TaskProgress] = {}
    for p in TaskProgress.objects.filter(
        submission__cycle__plan=plan, submission__unit_id=unit.pk, submission__status__in=sent
    ).order_by("submission__cycle__period_end", "id"):
        own[p.task_id] = p
    out: dict[int, tuple[dt.date | None, dt.date | None, str]] = {
        task_id: (p.deadline, p.completed_on, p.get_status_display()) for task_id, p in own.items()
    }
    for task_id, reports, done, completed_on, deadline in _latest_below(plan, unit, sent):
        if task_id in own:
            continue
        label = f"{done}/{reports} đơn vị báo cáo đã hoàn thành"
        out[task_id] = (_day(deadline), _day(completed_on) if done == reports else None, label)
    return out


def _latest_below(plan: Plan, unit: AdministrativeUnit, sent: tuple[str, ...]) -> list[tuple[Any, ...]]:
    """(task id, units reporting, units completed, latest completion, earliest deadline) per task,
    over each unit's latest report (latest cycle end, then latest row) below ``unit``."""
    from django.db import connection
    from django.db.models import F, Window
    from django.db.models.functions import RowNumber

    latest = (
        TaskProgress.objects.filter(submission__cycle__plan=plan, submission__unit__path__startswith=unit.path, submission__status__in=sent)
        .exclude(submission__unit_id=unit.pk)
        .annotate(
            rn=Window(
                RowNumber(),
                partition_by=[F("task_id"), F("submission__unit_id")],
                order_by=[F("submission__cycle__period_end").desc(), F("id").desc()],
            )
        )
        .order_by()
        .values("task_id", "status", "completed_on", "deadline", "rn")
    )
    inner, params = latest.query.sql_with_params()
    completed = TaskProgress.Status.COMPLETED.value
    sql = (
        "SELECT latest.task_id, COUNT(*), SUM(CASE WHEN latest.status = %s THEN 1 ELSE 0 END), "
        "MAX(CASE WHEN latest.status = %s THEN latest.completed_on END), MIN(latest.deadline) "
        f"FROM ({inner}) latest WHERE latest.rn = 1 GROUP BY latest.task_id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [completed, completed, *params])
        return [tuple(row) for row in cursor.fetchall()]


def _day(value: Any) -> dt.date | None:
    """A date as the database returns it (SQLite: text)."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def plan_progress(plan: Plan, unit: AdministrativeUnit, cycle: ReportingCycle | None, today: dt.date) -> PlanProgress:
    result = PlanProgress(plan, unit, cycle)
    result.targets = targets_progress(list(plan.targets.select_related("plan").order_by("position", "id")), unit, cycle)
    reported = _task_reports(plan, unit)
    for task in plan.tasks.order_by("position", "id"):
        stated, completed, label = reported.get(task.pk, (None, None, ""))
        deadline = stated or task_deadline(task.timeline)
        result.tasks.append(TaskLine(task, deadline, completed, label, task_status(deadline, completed, today)))
    cycles = list(ReportingCycle.objects.filter(plan=plan).prefetch_related("deadlines").order_by("period_end", "kind"))
    counts = completeness_many(cycles, unit, "commune")
    result.cycles = [CycleLine(each, counts[each.pk]) for each in cycles]
    return result


def as_data(progress: PlanProgress) -> dict[str, Any]:
    """The JSON form of :class:`PlanProgress` (API)."""

    def goal(g: Goal | None) -> dict[str, Any] | None:
        return None if g is None else {"comparator": g.comparator, "value": g.value, "value_max": g.value_max}

    return {
        "plan_id": progress.plan.pk,
        "unit_code": progress.unit.code,
        "cycle_id": progress.cycle.pk if progress.cycle else None,
        "targets": [
            {
                "target_id": t.target.pk,
                "target": t.target.indicator_name,
                "indicator_code": t.indicator.code if t.indicator else None,
                "year": t.cycle.year if t.cycle else None,
                "actual": t.actual,
                "source": t.source,
                "milestone": goal(t.milestone),
                "final": goal(t.final),
                "forecast": t.forecast,
                "status": str(t.status),
                "status_label": t.status_label,
                "coverage": t.coverage.as_data() if t.coverage is not None else None,
            }
            for t in progress.targets
        ],
        "tasks": [
            {
                "task_id": line.task.pk,
                "number": line.task.number,
                "title": line.task.title,
                "deadline": line.deadline,
                "completed_on": line.completed_on,
                "reported_status": line.reported,
                "status": str(line.status),
                "status_label": line.status_label,
            }
            for line in progress.tasks
        ],
        "cycles": [
            {
                "cycle_id": line.cycle.pk,
                "label": line.cycle.label,
                "expected": line.counts.expected,
                "received": line.counts.received,
                "on_time": line.counts.on_time,
                "late": line.counts.late,
                "completeness": line.counts.completeness,
                "timeliness": line.counts.timeliness,
            }
            for line in progress.cycles
        ],
    }
