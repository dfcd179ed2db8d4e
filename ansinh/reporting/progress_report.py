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
    below that reported on it has completed it (on the latest of their dates).
    """
    rows = (
        TaskProgress.objects.filter(
            submission__cycle__plan=plan,
            submission__unit__path__startswith=unit.path,
            submission__status__in=(Submission.Status.SUBMITTED, Submission.Status.APPROVED),
        )
        .select_related("submission")
        .order_by("submission__cycle__period_end", "id")
    )
    own: dict[int, TaskProgress] = {}
    below: dict[int, dict[int, TaskProgress]] = {}
    for p in rows:
        if p.submission.unit_id == unit.pk:
            own[p.task_id] = p
        else:
            below.setdefault(p.task_id, {})[p.submission.unit_id] = p
    out: dict[int, tuple[dt.date | None, dt.date | None, str]] = {}
    for task_id, p in own.items():
        out[task_id] = (p.deadline, p.completed_on, p.get_status_display())
    for task_id, by_unit in below.items():
        if task_id in own:
            continue
        reports = list(by_unit.values())
        done = [p for p in reports if p.status == TaskProgress.Status.COMPLETED]
        completed_on = max((p.completed_on for p in done if p.completed_on), default=None)
        deadline = min((p.deadline for p in reports if p.deadline), default=None)
        label = f"{len(done)}/{len(reports)} đơn vị báo cáo đã hoàn thành"
        out[task_id] = (deadline, completed_on if len(done) == len(reports) else None, label)
    return out


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
