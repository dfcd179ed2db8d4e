"""The audit log: one row for every write made through an action function."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models


class AuditEvent(models.Model):
    """Who did what to which object, when, with the values before and after."""

    at = models.DateTimeField("thời điểm", auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người thực hiện", null=True, blank=True, on_delete=models.SET_NULL
    )
    action = models.CharField("hành động", max_length=80, db_index=True)
    object_type = models.CharField("loại đối tượng", max_length=80)
    object_id = models.CharField("mã đối tượng", max_length=64, blank=True)
    summary = models.CharField("tóm tắt", max_length=500, blank=True)
    before = models.JSONField("trước", null=True, blank=True)
    after = models.JSONField("sau", null=True, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = "nhật ký thao tác"
        verbose_name_plural = "nhật ký thao tác"
        indexes = [models.Index(fields=["object_type", "object_id"], name="audit_object_idx")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.object_type}#{self.object_id}"


def audit(
    actor: Any,
    action: str,
    obj: models.Model | None = None,
    *,
    summary: str = "",
    before: Any = None,
    after: Any = None,
    object_type: str = "",
    object_id: str = "",
) -> AuditEvent:
    """Write one audit row; call it inside the action's transaction."""
    if obj is not None:
        object_type = object_type or obj._meta.label
        object_id = object_id or str(obj.pk)
    user = actor if getattr(actor, "is_authenticated", False) else None
    return AuditEvent.objects.create(
        actor=user,
        action=action,
        object_type=object_type,
        object_id=object_id,
        summary=summary[:500],
        before=before,
        after=after,
    )


class LegalDatum(models.Model):
    """A legal value kept as data: its effective period (``valid_to`` inclusive, open when empty), its
    legal source, and whether that source was verified (unverified values are shown "chưa xác minh")."""

    valid_from = models.DateField("từ ngày")
    valid_to = models.DateField("đến ngày (kể cả)", null=True, blank=True)
    source = models.CharField("căn cứ", max_length=300)
    verified = models.BooleanField("đã xác minh", default=False)

    class Meta:
        abstract = True

    @staticmethod
    def in_force(day: Any) -> models.Q:
        """The rows in force on ``day``."""
        return models.Q(valid_from__lte=day) & (models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=day))


class PageGeneration(models.Model):
    """One row counting edits that the page caches' state keys cannot see (``core.generation``)."""

    value = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "thế hệ bộ nhớ trang"
        verbose_name_plural = "thế hệ bộ nhớ trang"

    def __str__(self) -> str:
        return f"thế hệ {self.value}"
