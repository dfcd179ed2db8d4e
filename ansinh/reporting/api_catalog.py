"""Read-only API: administrative units (in the user's scope), the indicator catalogue and plans.

List endpoints return querysets that the paginator slices; schemas resolve the derived fields.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from ninja import Router
from ninja.pagination import LimitOffsetPagination, paginate

from ansinh.plans import access as plans_access
from ansinh.reporting import access
from ansinh.reporting.api_schemas import ErrorOut, IndicatorOut, PlanDetailOut, PlanOut, UnitOut

units_router = Router(tags=["Đơn vị hành chính"])
indicators_router = Router(tags=["Danh mục chỉ tiêu"])
plans_router = Router(tags=["Kế hoạch"])
ERRORS: dict[int, Any] = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut}


@units_router.get("/", response=list[UnitOut], summary="Đơn vị trong phạm vi được xem")
@paginate(LimitOffsetPagination)
def list_units(
    request: HttpRequest, parent: str | None = None, level: str | None = None, q: str | None = None
) -> Any:
    units = access.access_units(request.user).select_related("parent").order_by("path", "valid_from")
    if parent:
        units = units.filter(parent__code=parent)
    if level:
        units = units.filter(level=level)
    if q:
        units = units.search(q)  # type: ignore[attr-defined]
    return units


@units_router.get("/{code}", response={200: UnitOut, **ERRORS}, summary="Một đơn vị theo mã")
def get_unit(request: HttpRequest, code: str) -> Any:
    return access.access_unit(request.user, code)


@indicators_router.get("/", response=list[IndicatorOut], summary="Danh mục chỉ tiêu")
@paginate(LimitOffsetPagination)
def list_indicators(request: HttpRequest) -> Any:
    return access.access_indicators(request.user).order_by("code")


@indicators_router.get("/{code}", response={200: IndicatorOut, **ERRORS}, summary="Một chỉ tiêu theo mã")
def get_indicator(request: HttpRequest, code: str) -> Any:
    indicator = access.access_indicators(request.user).filter(code=code).first()
    if indicator is None:
        raise Http404(f"Không có chỉ tiêu mã “{code}” trong danh mục.")
    return indicator


@plans_router.get("/", response=list[PlanOut], summary="Kế hoạch")
@paginate(LimitOffsetPagination)
def list_plans(request: HttpRequest, status: str | None = None) -> Any:
    plans = plans_access.access_plans(request.user).order_by("id")
    return plans.filter(status=status) if status else plans


@plans_router.get("/{plan_id}", response={200: PlanDetailOut, **ERRORS}, summary="Kế hoạch với chỉ tiêu và nhiệm vụ")
def get_plan(request: HttpRequest, plan_id: int) -> Any:
    return plans_access.access_plan(request.user, plan_id)
