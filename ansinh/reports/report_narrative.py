"""The narrative parts of a report's data: what units said about the plan's tasks (counts per status and
their text) and the explanations they wrote for missed milestones. Split from report_data.py."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import Count

from ansinh.geo.models import AdministrativeUnit
from ansinh.plans.models import Plan
from ansinh.reporting.models import SIMULATED_LABEL, IndicatorValue, ReportingCycle, TaskProgress
from ansinh.reporting.validation import MISSED_MILESTONE
from ansinh.reports.report_content import TaskGroup

REPORTED = ("submitted", "approved")


@dataclass
class TaskReports:
    """What the units under the report's unit said about the plan's tasks: how many units reported,
    rows per (task, status), and the rows that carry text (by task position, then unit path)."""

    units: int
    counts: dict[int, Counter[str]]
    texts: list[tuple[int, str, str, str, str]]  # task id, unit name, result, difficulties, proposals


def task_reports(plan: Plan, cycles: list[ReportingCycle], root: AdministrativeUnit | None) -> TaskReports:
    """Counted by the database; only rows with text are read (a national report covers ~130,000 rows)."""
    qs = TaskProgress.objects.filter(submission__cycle__in=cycles, submission__status__in=REPORTED)
    if root is not None:
        qs = qs.filter(submission__unit__path__startswith=root.path)
    units = qs.order_by().aggregate(n=Count("submission__unit_id", distinct=True))["n"] or 0
    counts: dict[int, Counter[str]] = defaultdict(Counter)
    for task_id, status, n in qs.order_by().values_list("task_id", "status").annotate(n=Count("id")):
        counts[task_id][status] += n
    texts = list(
        qs.exclude(result="", difficulties="", proposals="")
        .order_by("task__position", "submission__unit__path")
        .values_list("task_id", "submission__unit__name", "result", "difficulties", "proposals")
    )
    return TaskReports(int(units), counts, texts)


def task_groups(plan: Plan, progress: TaskReports) -> list[TaskGroup]:
    tasks = list(plan.tasks.order_by("position", "id"))
    root_of: dict[int, int] = {}
    for task in tasks:
        root_of[task.pk] = root_of.get(task.parent_id, task.pk) if task.parent_id else task.pk
    groups = {t.pk: TaskGroup(t.title.rstrip(" .:;")) for t in tasks if not t.parent_id}
    counts: dict[int, Counter[str]] = {pk: Counter() for pk in groups}
    for task_id, by_status in progress.counts.items():
        key = root_of.get(task_id)
        if key is not None and key in groups:
            counts[key].update(by_status)
    for task_id, unit_name, result, _, _ in progress.texts:
        key = root_of.get(task_id)
        if key is not None and key in groups and result.strip():
            groups[key].paragraphs.append(f"{unit_name}: {result.strip()}")
    for pk, group in groups.items():
        c = counts[pk]
        if c:
            group.paragraphs.insert(
                0,
                f"Tình hình thực hiện: {c['completed']} lượt đã hoàn thành, {c['in_progress']} lượt đang thực hiện, "
                f"{c['not_started']} lượt chưa triển khai.",
            )
    return list(groups.values())


MAX_CAUSES = 30


def missed_milestone_causes(cycle: ReportingCycle | None, root: AdministrativeUnit | None) -> list[str]:
    """The explanations units wrote for values that missed the year's milestone (validation asks for one).

    The database drops empty and simulated comments and values without flags; only plain tuples of
    what is left are read (the whole country's values never become model instances).
    """
    if cycle is None:
        return []
    values = (
        IndicatorValue.objects.filter(submission__cycle=cycle, submission__status__in=REPORTED)
        .exclude(comment="")
        .exclude(comment=SIMULATED_LABEL)
        .exclude(flags=[])
    )
    if root is not None:
        values = values.filter(submission__unit__path__startswith=root.path)
    rows = values.order_by("submission__unit__path", "indicator__code").values_list(
        "submission__unit__name", "indicator__name", "comment", "flags"
    )
    texts = [
        f"{unit_name} – {indicator_name}: {comment.strip().rstrip('.')}."
        for unit_name, indicator_name, comment, flags in rows.iterator(chunk_size=2000)
        if comment.strip() != SIMULATED_LABEL
        and any(str(f).startswith(MISSED_MILESTONE) for f in (flags or []))
    ]
    texts = dedupe(texts)
    if len(texts) > MAX_CAUSES:
        texts = [
            *texts[:MAX_CAUSES],
            f"Và {len(texts) - MAX_CAUSES} giải trình khác (xem phụ lục số liệu của từng đơn vị).",
        ]
    return texts


def dedupe(texts: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for t in texts:
        if t.strip():
            seen.setdefault(t.strip(), None)
    return list(seen)
