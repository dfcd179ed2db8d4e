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
    completeness,
    target_progress,
    task_deadline,
    task_status,
)


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


def _latest_task_progress(plan: Plan, unit: AdministrativeUnit) -> dict[int, TaskProgress]:
    """The most recent progress the unit reported (submitted or approved) for each task."""
    rows = (
        TaskProgress.objects.filter(
            submission__cycle__plan=plan,
            submission__unit=unit,
            submission__status__in=(Submission.Status.SUBMITTED, Submission.Status.APPROVED),
        )
        .select_related("submission__cycle")
        .order_by("submission__cycle__period_end", "id")
    )
    return {p.task_id: p for p in rows}


def plan_progress(plan: Plan, unit: AdministrativeUnit, cycle: ReportingCycle | None, today: dt.date) -> PlanProgress:
    result = PlanProgress(plan, unit, cycle)
    for target in plan.targets.select_related("plan").order_by("position", "id"):
        result.targets.append(target_progress(target, unit, cycle))
    reported = _latest_task_progress(plan, unit)
    for task in plan.tasks.order_by("position", "id"):
        progress = reported.get(task.pk)
        deadline = (progress.deadline if progress else None) or task_deadline(task.timeline)
        completed = progress.completed_on if progress else None
        label = progress.get_status_display() if progress else ""
        result.tasks.append(TaskLine(task, deadline, completed, label, task_status(deadline, completed, today)))
    for each in ReportingCycle.objects.filter(plan=plan).prefetch_related("deadlines").order_by("period_end", "kind"):
        result.cycles.append(CycleLine(each, completeness(each, unit, "commune")))
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
                "completeness": line.counts.completeness,
                "timeliness": line.counts.timeliness,
            }
            for line in progress.cycles
        ],
    }
