"""Work queues: what waits for a user's approval, and what a unit still owes, per plan.

``reviewable_submissions`` is the set of submissions :func:`ansinh.reporting.actions.require_approve`
would let the user approve or return, as one query: the units below a unit the user writes,
plus, in the units the user writes, an agency's report or the plan area's own report for the plans they are a
standing officer of; an admin sees all.
``owed`` lists the reports a user's units have not sent (drafts, returned, not opened) for the
cycles already open, each with its plan, due date and reminder bucket; its query count does not
depend on the number of units, cycles or submissions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import F, Q, QuerySet

from ansinh.accounts import access as scope
from ansinh.accounts.models import RoleAssignment
from ansinh.lib.text import fold_key
from ansinh.plans.models import Plan
from ansinh.reporting.models import CycleDeadline, Submission
from ansinh.reporting.progress import expected_on, officer_units, reminder_bucket

WRITE_ROLES = (RoleAssignment.Role.STANDING, RoleAssignment.Role.AGENCY, RoleAssignment.Role.COMMUNE)
BUCKET_LABELS = {0: "Quá hạn", 1: "Đến hạn trong 1 ngày", 3: "Đến hạn trong 3 ngày", 7: "Đến hạn trong 7 ngày"}


def reviewable_submissions(user: Any) -> QuerySet[Submission]:
    """Submissions the user may approve or return (the rule of ``require_approve``, as a filter)."""
    if not scope.signed_in(user):
        return Submission.objects.none()
    base = Submission.objects.select_related("cycle", "cycle__plan", "unit", "agency")
    if scope.is_admin(user):
        return base
    writable = scope.writable_units(user)
    rule = Q(unit__parent__in=writable)
    standing_plans = {a.plan_id for a in scope.roles_of(user).filter(role=RoleAssignment.Role.STANDING)}
    # A standing officer approves, in the units they write, an agency's report or the plan area's own report.
    consolidated = Q(unit__in=writable) & (Q(agency__isnull=False) | Q(unit_id=F("cycle__plan__area_id")))
    if None in standing_plans:
        rule |= consolidated
    elif standing_plans:
        rule |= consolidated & Q(cycle__plan_id__in=standing_plans)
    return base.filter(rule)


def plans_matching(text: str) -> list[int]:
    """Ids of plans whose number or title contains ``text``, compared without diacritics or case."""
    key = fold_key(text)
    if not key:
        return []
    return [pk for pk, number, title in Plan.objects.values_list("pk", "number", "title") if key in fold_key(f"{number} {title}")]


@dataclass
class OwedItem:
    plan: Plan
    cycle: Any
    unit: Any
    due: dt.date
    days_left: int
    bucket: int | None
    submission: Submission | None = None

    @property
    def overdue(self) -> bool:
        return self.days_left < 0

    @property
    def days_late(self) -> int:
        return max(0, -self.days_left)

    @property
    def returned(self) -> bool:
        return self.submission is not None and self.submission.status == Submission.Status.RETURNED

    @property
    def bucket_label(self) -> str:
        return "" if self.bucket is None else BUCKET_LABELS[self.bucket]


@dataclass
class PlanOwed:
    plan: Plan
    items: list[OwedItem] = field(default_factory=list)

    def count(self, bucket: int) -> int:
        return sum(1 for i in self.items if i.bucket == bucket)

    @property
    def overdue(self) -> int:
        return self.count(0)


def owed(user: Any, today: dt.date) -> list[PlanOwed]:
    """Reports the user's own units have not sent for open cycles of active plans, grouped by plan.

    A cycle is open once its window has started; a unit owes it when the plan's area covers the
    unit and the unit is in force on the window's last day (as in ``progress.due_soon``).
    """
    units, wanted, standing_plans = officer_units(user, today)
    if not units:
        return []
    deadlines = (
        CycleDeadline.objects.filter(
            cycle__plan__status=Plan.Status.ACTIVE,
            cycle__period_start__lte=today,
            level__in={level for _, level in wanted},
        )
        .select_related("cycle__plan__area")
        .order_by("due", "cycle_id")
    )
    submissions = {
        (s.cycle_id, s.unit_id): s
        for s in Submission.objects.filter(unit_id__in=list(units), agency__isnull=True, cycle__period_start__lte=today)
    }
    by_plan: dict[int, PlanOwed] = {}
    for deadline in deadlines:
        cycle = deadline.cycle
        plan = cycle.plan
        for unit_id, level in sorted(wanted):
            if level != deadline.level:
                continue
            unit = units[unit_id]
            if not plan.covers(unit) or not expected_on(unit.valid_from, unit.valid_to, cycle.period_end):
                continue
            if level == CycleDeadline.Level.STANDING and None not in standing_plans and plan.pk not in standing_plans:
                continue
            submission = submissions.get((cycle.pk, unit_id))
            if submission is not None and submission.status in (Submission.Status.SUBMITTED, Submission.Status.APPROVED):
                continue
            days = (deadline.due - today).days
            item = OwedItem(plan, cycle, unit, deadline.due, days, reminder_bucket(deadline.due, today), submission)
            by_plan.setdefault(plan.pk, PlanOwed(plan)).items.append(item)
    groups = list(by_plan.values())
    groups.sort(key=lambda g: (min(i.due for i in g.items), g.plan.pk))
    return groups
