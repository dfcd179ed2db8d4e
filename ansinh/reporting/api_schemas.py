"""Schemas of the JSON API (django-ninja): what goes out and what may come in."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from ninja import Field, Schema

from ansinh.reporting.bounds import MAX_MAGNITUDE
from ansinh.reporting.entry import due_date
from ansinh.reporting.lateness import submission_lateness

# The outer limit of every figure; the per-type rule (counts, percentages, …) is in validation.
Number = Annotated[float, Field(allow_inf_nan=False, ge=-MAX_MAGNITUDE, le=MAX_MAGNITUDE)]
ShortText = Annotated[str, Field(max_length=2000)]
LongText = Annotated[str, Field(max_length=4000)]


class ErrorOut(Schema):
    detail: str


class FieldErrorOut(Schema):
    row: int | None = None
    indicator: str = ""
    field: str
    message: str


class ValidationErrorOut(Schema):
    detail: str
    errors: list[FieldErrorOut]


class UnitOut(Schema):
    id: int
    code: str
    name: str
    level: str
    parent_code: str | None
    path: str
    valid_from: dt.date
    valid_to: dt.date | None

    @staticmethod
    def resolve_parent_code(obj: Any) -> str | None:
        return obj.parent.code if obj.parent_id else None


class IndicatorOut(Schema):
    code: str
    name: str
    unit: str
    direction: str
    value_type: str
    aggregation: str
    time_aggregation: str
    decimals: int
    is_ratio: bool
    numerator_label: str
    denominator_label: str


class MilestoneOut(Schema):
    year: int
    comparator: str
    value: float | None
    value_max: float | None


class TargetOut(Schema):
    id: int
    indicator_name: str
    indicator_code: str | None
    comparator: str
    value: float | None
    value_max: float | None
    unit: str
    year: int | None
    milestones: list[MilestoneOut]

    @staticmethod
    def resolve_indicator_code(obj: Any) -> str | None:
        link = getattr(obj, "indicator_link", None)
        return link.indicator.code if link is not None and link.confirmed else None

    @staticmethod
    def resolve_milestones(obj: Any) -> Any:
        return sorted(obj.milestones.all(), key=lambda m: m.year)


class TaskOut(Schema):
    id: int
    parent_id: int | None
    number: str
    title: str
    timeline: str
    depth: int


class PlanOut(Schema):
    id: int
    number: str
    title: str
    issuer: str
    level: str
    status: str
    date: dt.date | None
    period_start: int | None
    period_end: int | None


class PlanDetailOut(PlanOut):
    targets: list[TargetOut]
    tasks: list[TaskOut]

    @staticmethod
    def resolve_targets(obj: Any) -> Any:
        return obj.targets.select_related("indicator_link__indicator").prefetch_related("milestones")

    @staticmethod
    def resolve_tasks(obj: Any) -> Any:
        return obj.tasks.all()


class DeadlineOut(Schema):
    level: str
    level_label: str
    due: dt.date

    @staticmethod
    def resolve_level_label(obj: Any) -> str:
        return str(obj.get_level_display())


class CycleOut(Schema):
    id: int
    plan_id: int
    kind: str
    year: int
    label: str
    period_start: dt.date
    period_end: dt.date
    deadlines: list[DeadlineOut]

    @staticmethod
    def resolve_deadlines(obj: Any) -> Any:
        return obj.deadlines.all()


class ValueOut(Schema):
    indicator: str
    value: float | None
    numerator: float | None
    denominator: float | None
    status: str
    comment: str
    flags: list[str | dict[str, object]]

    @staticmethod
    def resolve_indicator(obj: Any) -> str:
        return str(obj.indicator.code)


class TaskProgressOut(Schema):
    task_id: int
    status: str
    deadline: dt.date | None
    completed_on: dt.date | None
    result: str
    difficulties: str
    proposals: str


class SubmissionOut(Schema):
    id: int
    cycle_id: int
    unit_code: str
    unit_name: str
    agency: str | None
    status: str
    status_label: str
    due: dt.date | None
    days_late: int | None = Field(None, description="Số ngày nộp muộn (đã gửi) hoặc quá hạn (chưa gửi); trống nếu đúng hạn")
    late_label: str | None = None
    simulated: bool
    submitted_at: dt.datetime | None
    approved_at: dt.datetime | None
    return_reason: str
    version: int

    @staticmethod
    def resolve_unit_code(obj: Any) -> str:
        return str(obj.unit.code)

    @staticmethod
    def resolve_unit_name(obj: Any) -> str:
        return str(obj.unit.name)

    @staticmethod
    def resolve_agency(obj: Any) -> str | None:
        return obj.agency.name if obj.agency_id else None

    @staticmethod
    def resolve_status_label(obj: Any) -> str:
        return str(obj.get_status_display())

    @staticmethod
    def resolve_due(obj: Any) -> dt.date | None:
        return due_date(obj.cycle, obj.unit)

    @staticmethod
    def resolve_days_late(obj: Any) -> int | None:
        late = submission_lateness(obj, due_date(obj.cycle, obj.unit))
        return late.days if late else None

    @staticmethod
    def resolve_late_label(obj: Any) -> str | None:
        late = submission_lateness(obj, due_date(obj.cycle, obj.unit))
        return late.label if late else None


class SubmissionDetailOut(SubmissionOut):
    values: list[ValueOut]
    tasks: list[TaskProgressOut]

    @staticmethod
    def resolve_values(obj: Any) -> Any:
        return obj.values.select_related("indicator").order_by("indicator__code")

    @staticmethod
    def resolve_tasks(obj: Any) -> Any:
        return obj.task_progress.all()


class OpenSubmissionIn(Schema):
    cycle_id: int
    unit_code: Annotated[str, Field(min_length=1, max_length=16)]


class ValueIn(Schema):
    indicator: Annotated[str, Field(min_length=1, max_length=40)]
    value: Number | None = None
    numerator: Number | None = None
    denominator: Number | None = None
    status: Annotated[str, Field(pattern="^(estimate|final)$")] | None = None
    comment: ShortText = ""


class TaskProgressIn(Schema):
    task_id: int
    status: Annotated[str, Field(pattern="^(not_started|in_progress|completed)$")] = "not_started"
    deadline: dt.date | None = None
    completed_on: dt.date | None = None
    result: LongText = ""
    difficulties: LongText = ""
    proposals: LongText = ""


class ReturnIn(Schema):
    reason: Annotated[str, Field(min_length=5, max_length=2000)]
