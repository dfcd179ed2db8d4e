"""Creating notices for reporting and plan events; e-mail follows after the commit.

The ``notify_*`` functions are called from the actions that cause the event
(``reporting.actions.do_submit``/``do_approve``/``do_return``, ``plans.actions.do_approve_plan``)
inside their transaction: the notices are stored with the event or not at all, the e-mails are
sent only after the commit. Simulated (demo) reports notify nobody.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from ansinh.core.models import audit
from ansinh.notifications import recipients
from ansinh.notifications.mail import send_after_commit
from ansinh.notifications.models import Notification, NotificationPreference

Kind = Notification.Kind
MAX_TITLE = 120


def plan_name(plan: Any) -> str:
    title = plan.display_title
    if len(title) > MAX_TITLE:
        title = title[: MAX_TITLE - 1].rstrip() + "…"
    return f"«{title}»" + (f" (số {plan.number})" if plan.number else "")


def notify(users: Iterable[Any], kind: str, text: str, link: str = "", key: str = "") -> list[Notification]:
    """Store one notice per user (once per ``key`` when given) and e-mail them after the commit."""
    people = {u.pk: u for u in users if u is not None and getattr(u, "is_active", True)}
    if key and people:
        done = set(
            Notification.objects.filter(key=key, recipient_id__in=list(people)).values_list("recipient_id", flat=True)
        )
        people = {pk: u for pk, u in people.items() if pk not in done}
    notices = Notification.objects.bulk_create(
        [Notification(recipient=u, kind=kind, text=text, link=link[:300], key=key[:200]) for u in people.values()],
        batch_size=500,
    )
    send_after_commit([n.pk for n in notices if n.pk is not None])
    return notices


def _about(submission: Any) -> str:
    cycle = submission.cycle
    return f"báo cáo «{cycle.label}» của {submission.unit.name}, kế hoạch {plan_name(cycle.plan)}"


def _link(submission: Any) -> str:
    return reverse("reporting:submission", args=[submission.pk])


def notify_submitted(submission: Any, actor: Any = None) -> list[Notification]:
    """To the approvers of the unit: a report waits for them."""
    if submission.simulated:
        return []
    users = recipients.approvers_of(submission.unit, submission.cycle.plan_id, exclude=actor)
    text = f"{submission.unit.name} đã gửi {_about(submission)}; báo cáo chờ phê duyệt."
    return notify(users, Kind.SUBMITTED, text, _link(submission))


def notify_returned(submission: Any, actor: Any = None) -> list[Notification]:
    """To the unit's officers (and whoever sent it): what came back, and why."""
    if submission.simulated:
        return []
    users = [*recipients.officers_of(submission.unit, exclude=actor), submission.submitted_by]
    text = f"Cấp trên đã trả lại {_about(submission)}. Lý do: {submission.return_reason}"
    return notify([u for u in users if u is not None and u != actor], Kind.RETURNED, text, _link(submission))


def notify_approved(submission: Any, actor: Any = None) -> list[Notification]:
    """To the unit's officers (and whoever sent it): the report is approved and counts."""
    if submission.simulated:
        return []
    users = [*recipients.officers_of(submission.unit, exclude=actor), submission.submitted_by]
    text = f"Đã phê duyệt {_about(submission)}; số liệu được tổng hợp lên các cấp."
    return notify([u for u in users if u is not None and u != actor], Kind.APPROVED, text, _link(submission))


def _area_name(plan: Any) -> str:
    return f"địa bàn {plan.area.name}" if plan.area is not None else "toàn quốc"


def notify_plan_approved(plan: Any, actor: Any = None) -> list[Notification]:
    """To every officer of the units in the plan's area; once per plan (safe to call again)."""
    users = recipients.officers_in_area(plan.area)
    text = f"Kế hoạch {plan_name(plan)} đã được phê duyệt, áp dụng trên {_area_name(plan)}."
    notices = notify(users, Kind.PLAN_APPROVED, text, reverse("plans:detail", args=[plan.pk]), key=f"plan_approved:{plan.pk}")
    cycles = list(plan.cycles.prefetch_related("deadlines"))
    if cycles:
        notices += notify_cycles_opened(plan, cycles, users=users)
    return notices


def notify_cycles_opened(plan: Any, cycles: Sequence[Any], users: Sequence[Any] | None = None) -> list[Notification]:
    """To the units in the plan's area: new reporting cycles with their due dates; once per cycle."""
    if users is None:
        users = recipients.officers_in_area(plan.area)
    notices: list[Notification] = []
    for cycle in cycles:
        dues = "; ".join(f"{d.get_level_display()}: {d.due:%d/%m/%Y}" for d in cycle.deadlines.all())
        text = (
            f"Kế hoạch {plan_name(plan)} mở kỳ báo cáo «{cycle.label}» (số liệu từ {cycle.period_start:%d/%m/%Y} "
            f"đến {cycle.period_end:%d/%m/%Y}). Hạn gửi — {dues or 'chưa định'}."
        )
        link = reverse("reporting:cycle", args=[cycle.pk])
        notices += notify(users, Kind.CYCLE_OPENED, text, link, key=f"cycle_opened:{cycle.pk}")
    return notices


def mark_read(user: Any, notification_id: int | None = None) -> int:
    """Mark one of the user's notices (or all of them) read; another user's notice is never touched.

    Not audited: reading a notice changes no data of the plan or its reports.
    """
    notices = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if notification_id is not None:
        notices = notices.filter(pk=notification_id)
    return notices.update(read_at=timezone.now())


@transaction.atomic
def do_set_email(user: Any, enabled: bool) -> NotificationPreference:
    """Turn the user's e-mail copies on or off (audited)."""
    preference, _ = NotificationPreference.objects.select_for_update().get_or_create(user=user)
    before = {"email_enabled": preference.email_enabled}
    preference.email_enabled = enabled
    preference.save()
    audit(user, "notifications.set_email", preference, summary="Bật thư thông báo" if enabled else "Tắt thư thông báo",
          before=before, after={"email_enabled": enabled})
    return preference
