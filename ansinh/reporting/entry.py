"""What a submission asks for: its indicator rows and task rows, with current values.

Shared by the web form, the Excel template and the API so that all three show the same rows.
The indicators of a cycle are those linked (and confirmed) to a target of the cycle's plan;
the milestone of a row is the target's milestone for the cycle year, or the final target when
the cycle falls in the target year.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from ansinh.geo.models import AdministrativeUnit
from ansinh.lib.text import nfc
from ansinh.lib.vnnumbers import goal_text
from ansinh.plans.models import Target, Task
from ansinh.reporting.models import (
    CycleDeadline,
    Indicator,
    IndicatorValue,
    ReportingCycle,
    Submission,
    TaskProgress,
)


@dataclass
class IndicatorRow:
    indicator: Indicator
    target: Target | None
    milestone: float | None
    milestone_label: str
    current: IndicatorValue | None = None
    previous: float | None = None  # last year's approved value of the same unit (same kind of cycle)
    proposal: Any = None  # reporting.sources.SourceProposal, when the indicator names a source

    @property
    def code(self) -> str:
        return self.indicator.code

    @property
    def warnings(self) -> list[str]:
        """The stored value's warnings in words ("Chưa đạt mốc năm 2026 (từ 90% trở lên).", an outlier)."""
        flags = self.current.flags if self.current is not None else []
        return [f for f in flags or [] if isinstance(f, str)]


@dataclass
class TaskRow:
    task: Task
    current: TaskProgress | None = None


def milestone_label(comparator: str, value: float | None, value_max: float | None) -> str:
    """The year's goal in words ("từ 90 trở lên", "dưới 1,5"); "" without a value."""
    return goal_text(comparator, value, value_max) if value is not None else ""


def _milestone_for(target: Target, year: int) -> tuple[float | None, str]:
    for m in target.milestones.all():
        if m.year == year:
            return m.value, milestone_label(m.comparator, m.value, m.value_max)
    if target.year == year:
        return target.value, milestone_label(target.comparator, target.value, target.value_max)
    return None, ""


def cycle_indicator_rows(cycle: ReportingCycle) -> list[IndicatorRow]:
    """One row per catalogue indicator linked to a target of the cycle's plan (confirmed links only)."""
    targets = (
        Target.objects.filter(plan_id=cycle.plan_id, indicator_link__confirmed=True)
        .select_related("indicator_link__indicator")
        .prefetch_related("milestones")
        .order_by("position", "id")
    )
    rows: dict[str, IndicatorRow] = {}
    for target in targets:
        indicator = target.indicator_link.indicator
        if indicator.code in rows:
            continue
        value, label = _milestone_for(target, cycle.year)
        rows[indicator.code] = IndicatorRow(indicator, target, value, label)
    return list(rows.values())


def submission_indicator_rows(submission: Submission, cycle_rows: list[IndicatorRow] | None = None) -> list[IndicatorRow]:
    """``cycle_rows``: fresh rows of ``cycle_indicator_rows(submission.cycle)`` when the caller has them."""
    from ansinh.reporting.validation import previous_values

    rows = cycle_indicator_rows(submission.cycle) if cycle_rows is None else cycle_rows
    current = {v.indicator.code: v for v in submission.values.select_related("indicator")}
    for row in rows:
        row.current = current.pop(row.code, None)
    # Values stored for indicators no longer linked to the plan are still shown.
    for value in current.values():
        rows.append(IndicatorRow(value.indicator, None, None, "", value))
    previous = previous_values(submission)
    for row in rows:
        row.previous = previous.get(row.indicator.pk)
    return rows


def estimate_note(cycle: ReportingCycle, due: dt.date | None) -> str:
    """When the report is due before the data cut-off, say the figures are estimates (Vietnamese)."""
    if due is None or due >= cycle.period_end:
        return ""
    return (
        f"Hạn gửi báo cáo ({due:%d/%m/%Y}) trước ngày chốt số liệu của kỳ ({cycle.period_end:%d/%m/%Y}): "
        f"số liệu gửi lần này là số ước thực hiện đến ngày {cycle.period_end:%d/%m/%Y} "
        "(chọn «Ước thực hiện»); số liệu chính thức sẽ được yêu cầu bổ sung sau ngày chốt số liệu."
    )


def plan_tasks(plan_id: int) -> list[Task]:
    return list(Task.objects.filter(plan_id=plan_id).prefetch_related("assignments").order_by("position", "id"))


# Names of the bodies a commune's or ward's report answers for: the communes themselves and the localities —
# read with their marks ("xã" is not "xã hội", "phường" not "phương án"), or folded when written without them.
_COMMUNE_WORDS = re.compile(r"(?<!\w)(?:xã(?! hội)|phường|thị trấn|đặc khu|địa phương|cơ sở)(?!\w)")
_COMMUNE_WORDS_FOLDED = re.compile(r"(?<!\w)(?:xa(?! hoi)|phuong|thi tran|dac khu|dia phuong|co so)(?!\w)")


def _names_communes(name: str) -> bool:
    low = " ".join(name.lower().split())
    if low.isascii():
        return bool(_COMMUNE_WORDS_FOLDED.search(low))
    return bool(_COMMUNE_WORDS.search(nfc(low)))


def concerns_communes(task: Task) -> bool:
    """Whether a task's lead or coordinating units include communes or wards ("UBND các xã, phường", "cấp xã",
    "các địa phương"), so that a commune reports on it."""
    return any(_names_communes(a.name) for a in task.assignments.all())


# A commune body named as the one that acts, in a task's own words: "UBND các xã, phường", "Ủy ban nhân dân cấp
# xã", "Chủ tịch UBND các xã", "các xã, phường, đặc khu".
_COMMUNE_BODY = re.compile(
    r"(?:ubnd|ủy ban nhân dân|uỷ ban nhân dân|chủ tịch ubnd)\s+(?:các\s+)?(?:cấp\s+)?(?:xã|phường|đặc khu)(?!\s+hội)"
    r"|(?<!\w)các\s+xã,\s*phường",
)


def _acts_for_communes(task: Any, by_id: dict[int, Any]) -> bool:
    """A task concerns communes when its units name them; a task without units (a lettered point under a
    numbered task, a duty whose units the parser missed) takes its nearest parent's units, and failing those
    its own words ("UBND các xã, phường chủ động …")."""
    node, hops = task, 0
    while node is not None and hops < 8:
        if list(node.assignments.all()):
            return concerns_communes(node)
        words = nfc(f"{getattr(node, 'title', '')} {getattr(node, 'body', '')}".lower())
        if _COMMUNE_BODY.search(words):
            return True
        parent = getattr(node, "parent_id", None)
        node, hops = (by_id.get(parent) if parent is not None else None), hops + 1
    return False


def split_for_unit(
    unit: AdministrativeUnit, rows: list[TaskRow], plan_area_id: int | None = None
) -> tuple[list[TaskRow], list[TaskRow]]:
    """(the tasks a commune answers for, the plan's other tasks) in a commune's report; a commune of a plan that
    assigns no task to communes, the commune whose own plan it is (every task is its bodies'), and any other
    level, answer for every task."""
    if unit.level != AdministrativeUnit.Level.COMMUNE or (plan_area_id is not None and unit.pk == plan_area_id):
        return rows, []
    by_id = {row.task.pk: row.task for row in rows if getattr(row.task, "pk", None) is not None}
    mine = [_acts_for_communes(row.task, by_id) for row in rows]
    own = [row for row, m in zip(rows, mine, strict=True) if m]
    if not own:
        return rows, []
    return own, [row for row, m in zip(rows, mine, strict=True) if not m]


def submission_task_rows(submission: Submission, tasks: list[Task] | None = None) -> list[TaskRow]:
    """Every task of the plan, in document order, with the unit's reported progress."""
    progress = {p.task_id: p for p in submission.task_progress.all()}
    tasks = plan_tasks(submission.cycle.plan_id) if tasks is None else tasks
    return [TaskRow(task, progress.get(task.pk)) for task in tasks]


UNIT_LEVEL_DEADLINE = {
    "commune": CycleDeadline.Level.COMMUNE,
    "district": CycleDeadline.Level.DISTRICT,
    "province": CycleDeadline.Level.PROVINCE,
    "country": CycleDeadline.Level.STANDING,
}


def due_date(cycle: ReportingCycle, unit: AdministrativeUnit) -> dt.date | None:
    """The due date of ``unit``'s report in ``cycle`` (its level's deadline, else the earliest one)."""
    deadlines = list(cycle.deadlines.all())
    wanted = UNIT_LEVEL_DEADLINE.get(unit.level)
    for deadline in deadlines:
        if deadline.level == wanted:
            return deadline.due
    return min((d.due for d in deadlines), default=None)
