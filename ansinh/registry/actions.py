"""Registry actions outside change requests: soft delete with a reason, purge past retention."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ansinh.core.errors import UserError
from ansinh.core.models import audit
from ansinh.registry.access import can_write_commune
from ansinh.registry.models import Household, Membership, Person, PersonToken, RetiredCode
from ansinh.registry.rows import name_tokens


@transaction.atomic
def do_soft_delete(user: Any, obj: Person | Household, reason: str, version: int | None = None) -> None:
    """Mark a person or household deleted (kept until purged); a reason is required."""
    if not reason.strip():
        raise UserError("Hãy ghi lý do xóa (ví dụ: bản ghi trùng, nhập nhầm).")
    if not can_write_commune(user, obj.commune_id):
        raise UserError("Bạn không có quyền xóa dữ liệu của xã, phường này.")
    locked = type(obj).objects.select_for_update().get(pk=obj.pk)
    if version is not None and locked.version != version:
        raise UserError("Bản ghi vừa được người khác thay đổi; hãy tải lại trang.")
    if locked.deleted_at is not None:
        raise UserError("Bản ghi này đã bị xóa.")
    locked.deleted_at, locked.deleted_reason, locked.version = timezone.now(), reason.strip()[:300], locked.version + 1
    locked.save(update_fields=["deleted_at", "deleted_reason", "version"])
    if isinstance(locked, Person):
        today = timezone.localdate()
        current = Membership.objects.filter(person=locked, valid_to__isnull=True)
        current.filter(valid_from__lt=today).update(valid_to=today)
        current.filter(valid_from__gte=today).delete()  # began today: it lasted no day
        Household.objects.filter(head=locked).update(head=None)
    audit(user, "registry.soft_delete", locked, summary=f"Xóa mềm: {reason.strip()[:200]}")


@transaction.atomic
def do_purge(days: int | None = None, dry_run: bool = False, now: dt.datetime | None = None) -> dict[str, int]:
    """Delete for good what was soft-deleted more than ``days`` ago; the registry codes are retired."""
    days = settings.REGISTRY_RETENTION_DAYS if days is None else days
    cutoff = (now or timezone.now()) - dt.timedelta(days=days)
    persons = Person.objects.filter(deleted_at__lt=cutoff)
    households = Household.objects.filter(deleted_at__lt=cutoff).exclude(memberships__valid_to__isnull=True, memberships__person__deleted_at__isnull=True)
    counts = {"persons": persons.count(), "households": households.count()}
    if dry_run:
        return counts
    for person in persons.only("pk", "registry_code", "name_folded"):
        RetiredCode.objects.get_or_create(code=person.registry_code)
        PersonToken.objects.filter(person=person, token__in=name_tokens(person.name_folded)).delete()
    Household.objects.filter(head__in=persons).update(head=None)
    persons.delete()
    households.delete()
    audit(None, "registry.purge", None, object_type="registry.Person", summary=f"Xóa hẳn {counts['persons']} nhân khẩu, {counts['households']} hộ quá {days} ngày", after=counts)
    return counts
