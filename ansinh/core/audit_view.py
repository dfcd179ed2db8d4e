"""The audit viewer: read-only, filtered, paged pages and a CSV export of ``core.AuditEvent``.

Administrators see every event; a supervisor sees the events of the users who hold a role in the units
they may read (their subtree) and every event on those units' submissions (whoever made it, the system
included); anyone else is refused. Every cell of the CSV goes through
``lib.spreadsheet.safe_text`` so no user text is read as a formula.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast
from django.utils import timezone

from ansinh.accounts import access
from ansinh.accounts.models import RoleAssignment
from ansinh.core.models import AuditEvent
from ansinh.lib.spreadsheet import safe_text

PAGE_SIZE = 50
SUBMISSION = "reporting.Submission"
#: The CSV export stops here; narrow the filters for more.
MAX_EXPORT_ROWS = 100_000
CSV_HEADER = ["Thời điểm", "Người thực hiện", "Hành động", "Loại đối tượng", "Mã đối tượng", "Tóm tắt", "Trước", "Sau"]


def can_view_audit(user: Any) -> bool:
    if access.is_admin(user):
        return True
    return access.signed_in(user) and access.roles_of(user).filter(role=RoleAssignment.Role.SUPERVISOR).exists()


def access_audit_events(user: Any) -> QuerySet[AuditEvent]:
    """The events this user may read; refuses (403) anyone who is neither administrator nor supervisor."""
    if access.is_admin(user):
        return AuditEvent.objects.select_related("actor")
    if not can_view_audit(user):
        raise PermissionDenied("Chỉ quản trị viên và cán bộ giám sát được xem nhật ký thao tác.")
    from ansinh.reporting.models import Submission

    units = access.readable_units(user)
    actors = RoleAssignment.objects.filter(Q(unit__in=units) | Q(agency__unit__in=units)).values("user_id")
    submissions = (Submission.objects.filter(unit__in=units)
                   .annotate(key=Cast("pk", output_field=CharField())).values("key"))
    return AuditEvent.objects.select_related("actor").filter(
        Q(actor_id__in=actors) | Q(object_type=SUBMISSION, object_id__in=submissions)
    )


_MSG = {"invalid": "Ngày phải có dạng ngày/tháng/năm, ví dụ 02/03/2026.", "max_length": "Quá dài (tối đa %(limit_value)d ký tự)."}


class AuditFilter(forms.Form):
    user = forms.CharField(label="Người thực hiện (tên đăng nhập)", required=False, max_length=150, error_messages=_MSG)
    action = forms.CharField(label="Hành động", required=False, max_length=80, error_messages=_MSG)
    object_type = forms.CharField(label="Loại đối tượng", required=False, max_length=80, error_messages=_MSG)
    object_id = forms.CharField(label="Mã đối tượng", required=False, max_length=64, error_messages=_MSG)
    date_from = forms.DateField(label="Từ ngày", required=False, input_formats=["%d/%m/%Y", "%Y-%m-%d"],
                                error_messages=_MSG)
    date_to = forms.DateField(label="Đến ngày", required=False, input_formats=["%d/%m/%Y", "%Y-%m-%d"],
                              error_messages=_MSG)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "«Đến ngày» phải sau hoặc bằng «Từ ngày».")
        return data


def filtered(events: QuerySet[AuditEvent], data: dict[str, Any]) -> QuerySet[AuditEvent]:
    if data.get("user"):
        events = events.filter(actor__username__iexact=data["user"].strip())
    if data.get("action"):
        events = events.filter(action__icontains=data["action"].strip())
    if data.get("object_type"):
        events = events.filter(object_type__iexact=data["object_type"].strip())
    if data.get("object_id"):
        events = events.filter(object_id=data["object_id"].strip())
    zone = timezone.get_current_timezone()
    if data.get("date_from"):
        events = events.filter(at__gte=dt.datetime.combine(data["date_from"], dt.time.min, tzinfo=zone))
    if data.get("date_to"):
        events = events.filter(at__lt=dt.datetime.combine(data["date_to"] + dt.timedelta(days=1), dt.time.min, tzinfo=zone))
    return events.order_by("-at", "-id")


def as_json(value: Any) -> str:
    return "" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True, indent=1)


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_rows(events: QuerySet[AuditEvent]) -> Iterator[str]:
    """The CSV lines (UTF-8 with a byte-order mark for spreadsheet programs), every cell formula-safe."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(CSV_HEADER)
    zone = timezone.get_current_timezone()
    for event in events[:MAX_EXPORT_ROWS].iterator(chunk_size=2000):
        actor = event.actor.username if event.actor else "hệ thống"
        cells = [event.at.astimezone(zone).strftime("%d/%m/%Y %H:%M:%S"), actor, event.action, event.object_type,
                 event.object_id, event.summary, as_json(event.before), as_json(event.after)]
        yield writer.writerow([safe_text(c) for c in cells])
