"""Read-only API: administrative units (in the user's scope), the indicator catalogue and plans."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch
from django.http import Http404, HttpRequest
from ninja import Router
from ninja.pagination import LimitOffsetPagination, paginate

from ansinh.geo.models import AdministrativeUnit
from ansinh.plans.models import Milestone, Plan, Target
from ansinh.reporting import access
from ansinh.reporting.api_schemas import ErrorOut, IndicatorOut, PlanDetailOut, PlanOut, UnitOut
from ansinh.reporting.models import Indicator

units_router = Router(tags=["Đơn vị hành chính"])
indicators_router = Router(tags=["Danh mục chỉ tiêu"])
plans_router = Router(tags=["Kế hoạch"])
ERRORS: dict[int, Any] = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut}


def unit_out(unit: AdministrativeUnit) -> dict[str, Any]:
    parent = unit.parent
    return {
        "id": unit.pk,
        "code": unit.code,
        "name": unit.name,
        "level": unit.level,
        "parent_code": parent.code if parent else None,
        "path": unit.path,
        "valid_from": unit.valid_from,
        "valid_to": unit.valid_to,
    }


def indicator_out(indicator: Indicator) -> dict[str, Any]:
    fields = ("code", "name", "unit", "direction", "value_type", "aggregation", "time_aggregation", "decimals")
    out: dict[str, Any] = {f: getattr(indicator, f) for f in fields}
    out.update(
        is_ratio=indicator.is_ratio,
        numerator_label=indicator.numerator_label,
        denominator_label=indicator.denominator_label,
    )
    return out


def plan_out(plan: Plan) -> dict[str, Any]:
    fields = ("id", "number", "title", "issuer", "level", "status", "date", "period_start", "period_end")
    return {f: getattr(plan, f) for f in fields}


def target_out(target: Target) -> dict[str, Any]:
    link = getattr(target, "indicator_link", None)
    return {
        "id": target.pk,
        "indicator_name": target.indicator_name,
        "indicator_code": link.indicator.code if link is not None and link.confirmed else None,
        "comparator": target.comparator,
        "value": target.value,
        "value_max": target.value_max,
        "unit": target.unit,
        "year": target.year,
        "milestones": [
            {"year": m.year, "comparator": m.comparator, "value": m.value, "value_max": m.value_max}
            for m in target.milestones.all()
        ],
    }


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
    return [unit_out(u) for u in units]


@units_router.get("/{code}", response={200: UnitOut, **ERRORS}, summary="Một đơn vị theo mã")
def get_unit(request: HttpRequest, code: str) -> Any:
    return unit_out(access.access_unit(request.user, code))


@indicators_router.get("/", response=list[IndicatorOut], summary="Danh mục chỉ tiêu")
@paginate(LimitOffsetPagination)
def list_indicators(request: HttpRequest) -> Any:
    return [indicator_out(i) for i in access.access_indicators(request.user)]


@indicators_router.get("/{code}", response={200: IndicatorOut, **ERRORS}, summary="Một chỉ tiêu theo mã")
def get_indicator(request: HttpRequest, code: str) -> Any:
    indicator = access.access_indicators(request.user).filter(code=code).first()
    if indicator is None:
        raise Http404(f"Không có chỉ tiêu mã “{code}” trong danh mục.")
    return indicator_out(indicator)


@plans_router.get("/", response=list[PlanOut], summary="Kế hoạch")
@paginate(LimitOffsetPagination)
def list_plans(request: HttpRequest, status: str | None = None) -> Any:
    plans = access.access_plans(request.user).order_by("id")
    if status:
        plans = plans.filter(status=status)
    return [plan_out(p) for p in plans]


@plans_router.get("/{plan_id}", response={200: PlanDetailOut, **ERRORS}, summary="Kế hoạch với chỉ tiêu và nhiệm vụ")
def get_plan(request: HttpRequest, plan_id: int) -> Any:
    plan = access.access_plan(request.user, plan_id)
    targets = plan.targets.select_related("indicator_link__indicator").prefetch_related(
        Prefetch("milestones", queryset=Milestone.objects.order_by("year"))
    )
    out = plan_out(plan)
    out["targets"] = [target_out(t) for t in targets]
    out["tasks"] = [
        {"id": t.pk, "parent_id": t.parent_id, "number": t.number, "title": t.title, "timeline": t.timeline, "depth": t.depth}
        for t in plan.tasks.all()
    ]
    return out
