"""Approving a plan with its checklist: area, linked indicators, then the reporting cycles.

The web page, the API and ``ansinh plan approve ID --area CODE|toan-quoc`` call
:func:`do_approve_with_checklist`: it refuses, in Vietnamese and naming what is missing, a plan
without an area or without any confirmed linked indicator; otherwise it sets the area, makes the
plan active and generates the cycles of its reporting duties for the plan's years, in one
transaction. A central plan's area is the country unit ("toàn quốc"), chosen explicitly. Who may
approve, and which areas they may choose, is ``plans.scope`` (the plan's unit, not a global right).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from ansinh.core.errors import UserError
from ansinh.geo.models import COUNTRY_CODE, AdministrativeUnit
from ansinh.lib.text import looks_like_document_number
from ansinh.plans.actions import do_approve_plan, do_set_plan_area
from ansinh.plans.models import Plan, ReportingDuty
from ansinh.plans.scope import require_area_choice, require_plan_change
from ansinh.reporting.cycles import generate_cycles
from ansinh.reporting.models import ReportingCycle, TargetIndicatorLink

NATIONWIDE = "toan-quoc"


class ApprovalError(UserError):
    """Approval was refused; ``message`` names what is missing, in Vietnamese."""


@dataclass(frozen=True)
class Check:
    label: str
    done: bool
    detail: str
    blocking: bool = False


def number_detail(number: str) -> str:
    """What the checklist says of the plan's number: missing, or not shaped like one (an OCR misreading)."""
    if not number:
        return "chưa có"
    if not looks_like_document_number(number):
        return f"{number} (không đúng dạng số, ký hiệu như «275/KH-UBND»; hãy đối chiếu bản gốc và sửa ở phần thông tin chung)"
    return number


def country_unit() -> AdministrativeUnit | None:
    return AdministrativeUnit.objects.in_force(COUNTRY_CODE)


def resolve_area(value: str) -> AdministrativeUnit:
    """``toan-quoc`` or a unit code in force (CLI and API); refused in Vietnamese otherwise."""
    value = (value or "").strip()
    if not value:
        raise ApprovalError("Chưa chọn địa bàn áp dụng: chọn một đơn vị hành chính, hoặc «toàn quốc» cho kế hoạch trung ương.")
    unit = country_unit() if value.lower() in (NATIONWIDE, "toàn quốc", COUNTRY_CODE.lower()) else AdministrativeUnit.objects.in_force(value)
    if unit is None:
        if value.lower() == NATIONWIDE:
            raise ApprovalError("Chưa nạp đơn vị «Việt Nam» (toàn quốc); chạy `ansinh geo load` trước.")
        raise ApprovalError(f"Không có đơn vị hành chính đang có hiệu lực mã «{value}».")
    return unit


def area_label(unit: AdministrativeUnit | None) -> str:
    if unit is None:
        return ""
    return "Toàn quốc" if unit.code == COUNTRY_CODE else f"{unit.name} ({unit.code})"


def plan_years(plan: Plan) -> list[int]:
    """The years the plan's cycles cover: its period, else the year of its date, else this year."""
    first = plan.period_start or (plan.date.year if plan.date else timezone.localdate().year)
    last = plan.period_end or first
    return list(range(first, max(first, last) + 1))


def checklist(plan: Plan, area: AdministrativeUnit | None) -> list[Check]:
    """What approval checks, each done or missing; ``blocking`` ones refuse approval when missing."""
    duties = list(plan.reporting_duties.all())
    targets = plan.targets.count()
    links = TargetIndicatorLink.objects.filter(target__plan=plan, confirmed=True).count()
    periodic = [d for d in duties if d.frequency != ReportingDuty.Frequency.ADHOC]
    years = plan_years(plan)
    return [
        Check("Số, ký hiệu", looks_like_document_number(plan.number), number_detail(plan.number)),
        Check("Ngày ban hành", plan.date is not None, f"{plan.date:%d/%m/%Y}" if plan.date else "chưa có"),
        Check("Cơ quan ban hành", bool(plan.issuer), plan.issuer or "chưa có"),
        Check("Địa bàn áp dụng", area is not None, area_label(area) or "chưa chọn", blocking=True),
        Check("Chế độ báo cáo", bool(periodic),
              f"{len(duties)} chế độ; kỳ báo cáo được tạo cho các năm {years[0]}–{years[-1]}" if periodic
              else "không có chế độ báo cáo định kỳ: không tạo được kỳ báo cáo tự động (có thể thêm kỳ bằng tay sau khi phê duyệt)"),
        # A plan that sets no figures (a directive, most resolutions) is followed through its tasks alone.
        Check("Chỉ tiêu đã liên kết danh mục", links > 0 or targets == 0,
              f"{links}/{targets} chỉ tiêu" if targets else "kế hoạch không có chỉ tiêu định lượng: chỉ theo dõi tiến độ nhiệm vụ",
              blocking=True),
    ]


def missing_message(checks: list[Check]) -> str:
    missing = [c for c in checks if c.blocking and not c.done]
    if not missing:
        return ""
    parts = []
    for c in missing:
        if c.label == "Địa bàn áp dụng":
            parts.append("chưa chọn địa bàn áp dụng (chọn đơn vị hành chính, hoặc «toàn quốc» cho kế hoạch trung ương)")
        else:
            parts.append("chưa có chỉ tiêu nào được liên kết với danh mục chỉ tiêu (bước «Chỉ tiêu theo dõi»)")
    return "Chưa phê duyệt được kế hoạch: " + "; ".join(parts) + "."


@transaction.atomic
def do_approve_with_checklist(
    plan: Plan, actor: Any, area: AdministrativeUnit | None, *, confirmed: bool = True
) -> tuple[Plan, list[ReportingCycle]]:
    """Check, set the area, approve and create the cycles, all or nothing.

    The actor must be able to change the plan (``plans.scope``), and to change it under the chosen area.
    """
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    require_plan_change(actor, plan)
    if not plan.is_draft:
        raise ApprovalError("Kế hoạch này đã được phê duyệt trước đó.")
    message = missing_message(checklist(plan, area))
    if message:
        raise ApprovalError(message)
    if not confirmed:
        raise ApprovalError("Cần đánh dấu ô xác nhận đã rà soát trước khi phê duyệt.")
    assert area is not None
    if plan.area_id != area.pk:
        require_area_choice(actor, plan, area)
        do_set_plan_area(plan, area, actor)
    plan = do_approve_plan(plan, actor)
    cycles = generate_cycles(plan, plan_years(plan), actor, issued=plan.date)
    return plan, cycles


def past_due(cycles: list[Any], today: dt.date) -> list[Any]:
    """The cycles whose every level's deadline is already behind ``today``."""
    out = []
    for cycle in cycles:
        dues = [d.due for d in cycle.deadlines.all()]
        if dues and max(dues) < today:
            out.append(cycle)
    return out
