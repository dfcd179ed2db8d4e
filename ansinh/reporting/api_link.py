"""API for linking a plan's targets to catalogue indicators and approving the plan with its checklist.

The endpoints hang on the plans router (``/api/plans/{id}/…``); every write goes through
``reporting.linking`` / ``reporting.approval``. A refusal answers 422 with a Vietnamese ``detail``.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Schema, Status
from ninja.errors import HttpError

from ansinh.core.errors import UserError
from ansinh.core.lookup import first_or_404
from ansinh.lib.vnnumbers import format_vn
from ansinh.plans.access import access_plan, access_plan_item, require_plan_change
from ansinh.plans.models import Plan, Target
from ansinh.reporting.access import access_indicators
from ansinh.reporting.api_catalog import ERRORS, plans_router
from ansinh.reporting.api_schemas import ErrorOut
from ansinh.reporting.approval import (
    area_label,
    checklist,
    do_approve_with_checklist,
    resolve_area,
)
from ansinh.reporting.linking import (
    STRONG_SCORE,
    TargetRow,
    do_accept_suggestions,
    do_confirm_link,
    do_create_indicator_from_target,
    do_unlink_target,
    require_link_permission,
    target_rows,
)

LINK_ERRORS: dict[int, Any] = {**ERRORS, 422: ErrorOut}


class SuggestionOut(Schema):
    indicator: str
    name: str
    score: float


class TargetLinkOut(Schema):
    target_id: int
    target: str
    unit: str
    indicator: str | None
    indicator_name: str | None
    confirmed: bool
    warnings: list[str]
    suggestions: list[SuggestionOut]


class LinkIn(Schema):
    indicator: str
    was: str | None = None  # the indicator code the caller saw linked ("" for none); refused if it changed


class AcceptIn(Schema):
    min_score: float = STRONG_SCORE


class NewIndicatorIn(Schema):
    name: str
    unit: str = ""
    direction: str
    value_type: str
    aggregation: str
    time_aggregation: str = "last"


class ApproveIn(Schema):
    area: str
    confirm: bool


class CheckOut(Schema):
    label: str
    done: bool
    detail: str
    blocking: bool


class ApprovedOut(Schema):
    plan_id: int
    status: str
    area: str
    cycles: list[str]


def _out(row: TargetRow) -> dict[str, Any]:
    link = row.link
    return {
        "target_id": row.target.pk,
        "target": row.target.indicator_name,
        "unit": row.target.unit,
        "indicator": link.indicator.code if link else None,
        "indicator_name": link.indicator.name if link else None,
        "confirmed": bool(link and link.confirmed),
        "warnings": row.warnings,
        "suggestions": [{"indicator": i.code, "name": i.name, "score": s} for i, s in row.suggestions],
    }


def _row(plan: Plan, target_id: int) -> dict[str, Any]:
    return next(_out(r) for r in target_rows(plan) if r.target.pk == target_id)


def _plan_target(request: HttpRequest, plan_id: int, target_id: int) -> tuple[Plan, Target]:
    plan = access_plan(request.user, plan_id)
    require_link_permission(request.user, plan)
    target = access_plan_item(plan, "target", target_id)
    assert isinstance(target, Target)
    return plan, target


@plans_router.get("/{plan_id}/links", response={200: list[TargetLinkOut], **ERRORS}, summary="Chỉ tiêu theo dõi: liên kết và gợi ý")
def list_links(request: HttpRequest, plan_id: int) -> Any:
    return [_out(r) for r in target_rows(access_plan(request.user, plan_id))]


@plans_router.put("/{plan_id}/targets/{target_id}/link", response={200: TargetLinkOut, **LINK_ERRORS}, summary="Liên kết một chỉ tiêu với danh mục")
def put_link(request: HttpRequest, plan_id: int, target_id: int, payload: LinkIn) -> Any:
    plan, target = _plan_target(request, plan_id, target_id)
    code = payload.indicator.strip()
    indicator = first_or_404(access_indicators(request.user).filter(code=code), f"Không có chỉ tiêu mã «{code}» trong danh mục.")
    try:
        do_confirm_link(request.user, target, indicator, was=payload.was)
    except UserError as err:
        raise HttpError(422, err.message) from None
    return _row(plan, target.pk)


@plans_router.delete("/{plan_id}/targets/{target_id}/link", response={200: TargetLinkOut, **LINK_ERRORS}, summary="Bỏ liên kết")
def delete_link(request: HttpRequest, plan_id: int, target_id: int) -> Any:
    plan, target = _plan_target(request, plan_id, target_id)
    try:
        do_unlink_target(request.user, target)
    except UserError as err:
        raise HttpError(422, err.message) from None
    return _row(plan, target.pk)


@plans_router.post("/{plan_id}/targets/{target_id}/indicator", response={201: TargetLinkOut, **LINK_ERRORS}, summary="Tạo chỉ tiêu danh mục từ chỉ tiêu kế hoạch")
def create_indicator(request: HttpRequest, plan_id: int, target_id: int, payload: NewIndicatorIn) -> Any:
    plan, target = _plan_target(request, plan_id, target_id)
    try:
        do_create_indicator_from_target(request.user, target, payload.model_dump())
    except UserError as err:
        raise HttpError(422, err.message) from None
    return Status(201, _row(plan, target.pk))


@plans_router.post("/{plan_id}/links/accept", response={200: list[TargetLinkOut], **LINK_ERRORS}, summary="Xác nhận các gợi ý mạnh")
def accept(request: HttpRequest, plan_id: int, payload: AcceptIn) -> Any:
    plan = access_plan(request.user, plan_id)
    try:
        do_accept_suggestions(request.user, plan, payload.min_score)
    except UserError as err:
        raise HttpError(422, f"{err.message} (đã nhận {format_vn(payload.min_score)})") from None
    return [_out(r) for r in target_rows(plan)]


@plans_router.get("/{plan_id}/checklist", response={200: list[CheckOut], **ERRORS}, summary="Danh mục kiểm tra trước khi phê duyệt")
def get_checklist(request: HttpRequest, plan_id: int) -> Any:
    plan = access_plan(request.user, plan_id)
    return [c.__dict__ for c in checklist(plan, plan.area)]


@plans_router.post("/{plan_id}/approve", response={200: ApprovedOut, **LINK_ERRORS}, summary="Phê duyệt kế hoạch và tạo kỳ báo cáo")
def approve(request: HttpRequest, plan_id: int, payload: ApproveIn) -> Any:
    plan = access_plan(request.user, plan_id)
    require_plan_change(request.user, plan)
    try:
        area = resolve_area(payload.area) if payload.area.strip() else None
        plan, cycles = do_approve_with_checklist(plan, request.user, area, confirmed=payload.confirm)
    except UserError as err:
        raise HttpError(422, err.message) from None
    return {"plan_id": plan.pk, "status": plan.status, "area": area_label(area), "cycles": [c.label for c in cycles]}
