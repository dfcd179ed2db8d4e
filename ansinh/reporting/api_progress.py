"""Progress API: a plan's progress for one unit, and what the user's units still owe."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Router, Schema

from ansinh.plans import access as plans_access
from ansinh.reporting import access
from ansinh.reporting.api_catalog import ERRORS
from ansinh.reporting.progress import due_soon
from ansinh.reporting.progress_report import as_data, plan_progress

progress_router = Router(tags=["Tiến độ"])


class DueOut(Schema):
    cycle_id: int
    cycle_label: str
    unit_code: str
    unit_name: str
    level: str
    due: str
    days_left: int
    bucket: int
    overdue: bool


@progress_router.get("/plans/{plan_id}", response={200: dict[str, Any], **ERRORS}, summary="Tiến độ kế hoạch")
def get_plan_progress(request: HttpRequest, plan_id: int, unit_code: str, cycle_id: int | None = None) -> Any:
    """Targets (actual, milestone, final, status, forecast), task statuses, completeness per cycle."""
    plan = plans_access.access_plan(request.user, plan_id)
    unit = access.access_unit(request.user, unit_code)
    cycle = access.access_cycle(request.user, cycle_id) if cycle_id is not None else None
    if cycle is not None and cycle.plan_id != plan.pk:
        raise Http404("Kỳ báo cáo này không thuộc kế hoạch.")
    return as_data(plan_progress(plan, unit, cycle, timezone.localdate()))


@progress_router.get("/due", response=list[DueOut], summary="Báo cáo đến hạn trong 7/3/1 ngày và quá hạn")
def get_due(request: HttpRequest) -> Any:
    return [
        {
            "cycle_id": i.cycle.pk,
            "cycle_label": i.cycle.label,
            "unit_code": i.unit.code,
            "unit_name": i.unit.name,
            "level": i.level,
            "due": i.due.isoformat(),
            "days_left": i.days_left,
            "bucket": i.bucket,
            "overdue": i.overdue,
        }
        for i in due_soon(request.user, timezone.localdate())
    ]
