"""The daily reminder job: reports due in 7, 3 or 1 days, and overdue ones, to the units that owe them.

``send_due_reminders(today)`` is a plain function (``ansinh notify due`` runs it; a task runner
may wrap it). It is idempotent: each (officer, cycle, unit, bucket) is notified once, so running
it twice a day, or every day, sends nothing twice; a report moving from "7 days" to "3 days"
gets its next reminder. An overdue report is reminded once, if its due date is at most
``OVERDUE_LOOKBACK_DAYS`` days past (older debts stay on the to-do page, not in the mailbox).
The number of queries does not depend on the number of units, cycles or officers.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.urls import reverse

from ansinh.accounts.models import RoleAssignment
from ansinh.notifications.actions import plan_name
from ansinh.notifications.mail import send_after_commit
from ansinh.notifications.models import Notification
from ansinh.notifications.recipients import in_force, scope_unit
from ansinh.plans.models import Plan
from ansinh.reporting.models import CycleDeadline, Submission
from ansinh.reporting.progress import LEVEL_OF_UNIT, REMINDER_DAYS, expected_on, reminder_bucket

OVERDUE_LOOKBACK_DAYS = 30
Kind = Notification.Kind


@dataclass(frozen=True)
class ReminderRun:
    day: dt.date
    created: int
    already_sent: int


def _reminder_text(deadline: CycleDeadline, unit: Any, days: int) -> str:
    cycle = deadline.cycle
    what = f"Báo cáo «{cycle.label}» của {unit.name}, kế hoạch {plan_name(cycle.plan)}"
    if days < 0:
        return f"{what} đã quá hạn {-days} ngày (hạn gửi {deadline.due:%d/%m/%Y}) mà chưa gửi."
    if days == 0:
        return f"{what} đến hạn gửi hôm nay ({deadline.due:%d/%m/%Y})."
    return f"{what} đến hạn gửi ngày {deadline.due:%d/%m/%Y}, còn {days} ngày."


def send_due_reminders(today: dt.date) -> ReminderRun:
    """Store (and e-mail after the commit) the reminders due on ``today``; see the module docstring."""
    with transaction.atomic():
        return _remind(today)


def _remind(today: dt.date) -> ReminderRun:
    # Officers by unit, with the deadline levels each of them answers for.
    officers: dict[int, list[tuple[Any, str, int | None]]] = defaultdict(list)
    units: dict[int, Any] = {}
    for assignment in in_force(today):
        unit = scope_unit(assignment)
        if unit is None:
            continue
        units[unit.pk] = unit
        level = LEVEL_OF_UNIT.get(unit.level)
        if level:
            officers[unit.pk].append((assignment.user, level, None))
        if assignment.role == RoleAssignment.Role.STANDING:
            officers[unit.pk].append((assignment.user, CycleDeadline.Level.STANDING, assignment.plan_id or 0))
    if not units:
        return ReminderRun(today, 0, 0)
    deadlines = list(
        CycleDeadline.objects.filter(
            cycle__plan__status=Plan.Status.ACTIVE,
            due__lte=today + dt.timedelta(days=max(REMINDER_DAYS)),
            due__gte=today - dt.timedelta(days=OVERDUE_LOOKBACK_DAYS),
        ).select_related("cycle__plan__area")
    )
    done = set(
        Submission.objects.filter(
            cycle_id__in={d.cycle_id for d in deadlines},
            status__in=(Submission.Status.SUBMITTED, Submission.Status.APPROVED),
        ).values_list("cycle_id", "unit_id")
    )
    earlier = Q(pk__in=[])
    for cycle_id in {d.cycle_id for d in deadlines}:
        earlier |= Q(key__startswith=f"due:{cycle_id}:") | Q(key__startswith=f"overdue:{cycle_id}:")
    sent = set(
        Notification.objects.filter(earlier, kind__in=(Kind.DUE, Kind.OVERDUE)).values_list("recipient_id", "key")
    )
    fresh: list[Notification] = []
    skipped = 0
    for deadline in deadlines:
        cycle, plan = deadline.cycle, deadline.cycle.plan
        bucket = reminder_bucket(deadline.due, today)
        if bucket is None:
            continue
        days = (deadline.due - today).days
        for unit_id, people in officers.items():
            unit = units[unit_id]
            if (cycle.pk, unit_id) in done or not plan.covers(unit):
                continue
            if not expected_on(unit.valid_from, unit.valid_to, cycle.period_end):
                continue
            key = f"overdue:{cycle.pk}:{unit_id}" if bucket == 0 else f"due:{cycle.pk}:{unit_id}:{bucket}"
            link = reverse("reporting:todo")
            for user, level, plan_id in people:
                if level != deadline.level or (plan_id not in (None, 0, plan.pk)):
                    continue
                if (user.pk, key) in sent:
                    skipped += 1
                    continue
                sent.add((user.pk, key))
                kind = Kind.OVERDUE if bucket == 0 else Kind.DUE
                fresh.append(
                    Notification(recipient=user, kind=kind, text=_reminder_text(deadline, unit, days), link=link, key=key)
                )
    created = Notification.objects.bulk_create(fresh, batch_size=500)
    send_after_commit([n.pk for n in created if n.pk is not None])
    return ReminderRun(today, len(created), skipped)
