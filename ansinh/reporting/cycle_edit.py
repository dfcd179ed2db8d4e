"""Editing a plan's reporting cycles by hand: add a cycle, remove one, move a level's due date.

Every change is audited and refused in Vietnamese when it would break a rule: a due date before
the cycle's window opens, a cycle that already exists, a cycle that already has reports.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from ansinh.core.errors import UserError
from ansinh.core.models import audit
from ansinh.plans.models import Plan
from ansinh.plans.scope import require_plan_change
from ansinh.reporting.cycles import (
    DEFAULT_PLAN_LEVEL,
    Window,
    annual_window,
    level_due_dates,
    monthly_window,
    quarterly_window,
    review_window,
    semiannual_window,
)
from ansinh.reporting.models import CycleDeadline, ReportingCycle

Kind = ReportingCycle.Kind
ADDABLE = (Kind.ANNUAL, Kind.SEMIANNUAL, Kind.QUARTERLY, Kind.MONTHLY, Kind.MIDTERM, Kind.FINAL)


class CycleEditError(UserError):
    """A cycle change was refused; ``message`` is Vietnamese."""


def window_for(plan: Plan, kind: str, year: int, part: int | None) -> Window:
    """The window of a cycle to add; ``part`` is the quarter (1–4) or the month (1–12)."""
    if kind not in ADDABLE:
        raise CycleEditError("Loại kỳ báo cáo không hợp lệ.")
    if not 2000 <= year <= 2100:
        raise CycleEditError("Năm phải từ 2000 đến 2100.")
    if kind == Kind.QUARTERLY:
        if part is None or not 1 <= part <= 4:
            raise CycleEditError("Kỳ báo cáo quý cần chọn quý từ I đến IV.")
        return quarterly_window(year, part)
    if kind == Kind.MONTHLY:
        if part is None or not 1 <= part <= 12:
            raise CycleEditError("Kỳ báo cáo tháng cần chọn tháng từ 1 đến 12.")
        return monthly_window(year, part)
    if kind == Kind.ANNUAL:
        return annual_window(year)
    if kind == Kind.SEMIANNUAL:
        return semiannual_window(year)
    return review_window(kind, plan.period_start or year, year)


@transaction.atomic
def do_add_cycle(actor: Any, plan: Plan, kind: str, year: int, part: int | None = None) -> ReportingCycle:
    require_plan_change(actor, plan)
    window = window_for(plan, kind, year, part)
    if ReportingCycle.objects.filter(plan=plan, kind=kind, period_start=window.start, period_end=window.end).exists():
        raise CycleEditError(f"Kế hoạch đã có «{window.label}».")
    cycle = ReportingCycle.objects.create(
        plan=plan, kind=kind, year=window.year, period_start=window.start, period_end=window.end, label=window.label
    )
    dues = level_due_dates(plan.level or DEFAULT_PLAN_LEVEL, window, None)
    CycleDeadline.objects.bulk_create(CycleDeadline(cycle=cycle, level=level, due=due) for level, due in dues.items())
    audit(actor, "reporting.add_cycle", cycle, summary=f"Thêm {window.label} (kế hoạch #{plan.pk})",
          after={"kind": kind, "start": window.start.isoformat(), "end": window.end.isoformat(),
                 "due": {level: due.isoformat() for level, due in dues.items()}})
    return cycle


@transaction.atomic
def do_remove_cycle(actor: Any, cycle: ReportingCycle) -> None:
    require_plan_change(actor, cycle.plan)
    cycle = ReportingCycle.objects.select_for_update().get(pk=cycle.pk)
    count = cycle.submissions.count()
    if count:
        raise CycleEditError(f"«{cycle.label}» đã có {count} báo cáo của đơn vị; không xóa được kỳ này.")
    audit(actor, "reporting.remove_cycle", cycle, summary=f"Xóa {cycle.label} (kế hoạch #{cycle.plan_id})",
          before={"kind": cycle.kind, "start": cycle.period_start.isoformat(), "end": cycle.period_end.isoformat()})
    cycle.delete()


@transaction.atomic
def do_move_deadline(actor: Any, deadline: CycleDeadline, due: dt.date, was: dt.date | None = None) -> CycleDeadline:
    """Move one level's due date; ``was`` is the date the person saw (refused if it changed meanwhile)."""
    cycle = deadline.cycle
    require_plan_change(actor, cycle.plan)
    deadline = CycleDeadline.objects.select_for_update().get(pk=deadline.pk)
    if was is not None and deadline.due != was:
        raise CycleEditError(
            f"Hạn của {deadline.get_level_display().lower()} vừa được sửa thành {deadline.due:%d/%m/%Y}; "
            "hãy tải lại trang và sửa lại."
        )
    if due < cycle.period_start:
        raise CycleEditError(
            f"Hạn {due:%d/%m/%Y} trước ngày mở kỳ «{cycle.label}» ({cycle.period_start:%d/%m/%Y}); "
            "hạn báo cáo phải từ ngày mở kỳ trở đi."
        )
    if due.year > cycle.period_end.year + 1:
        raise CycleEditError(f"Hạn {due:%d/%m/%Y} quá xa sau kỳ «{cycle.label}».")
    before = deadline.due
    deadline.due = due
    deadline.save(update_fields=["due"])
    audit(actor, "reporting.move_deadline", deadline,
          summary=f"{cycle.label}: hạn {deadline.get_level_display().lower()} {before:%d/%m/%Y} → {due:%d/%m/%Y}",
          before={"due": before.isoformat()}, after={"due": due.isoformat()})
    return deadline
