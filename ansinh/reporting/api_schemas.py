"""Schemas of the JSON API (django-ninja): what goes out and what may come in."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from ninja import Field, Schema

Number = Annotated[float, Field(allow_inf_nan=False, ge=-1e15, le=1e15)]
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


class DeadlineOut(Schema):
    level: str
    level_label: str
    due: dt.date


class CycleOut(Schema):
    id: int
    plan_id: int
    kind: str
    year: int
    label: str
    period_start: dt.date
    period_end: dt.date
    deadlines: list[DeadlineOut]


class ValueOut(Schema):
    indicator: str
    value: float | None
    numerator: float | None
    denominator: float | None
    status: str
    comment: str
    flags: list[str | dict[str, object]]


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
    simulated: bool
    submitted_at: dt.datetime | None
    approved_at: dt.datetime | None
    return_reason: str


class SubmissionDetailOut(SubmissionOut):
    values: list[ValueOut]
    tasks: list[TaskProgressOut]


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
