"""In-app notices and their e-mail copies; each user may turn e-mail off.

``key`` makes a notice idempotent: the same (recipient, key) is never stored twice, so a daily
reminder job run twice on one day, or an approval announced twice, notifies once.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Notification(models.Model):
    class Kind(models.TextChoices):
        SUBMITTED = "submitted", "Báo cáo chờ phê duyệt"
        RETURNED = "returned", "Báo cáo bị trả lại"
        APPROVED = "approved", "Báo cáo đã được phê duyệt"
        DUE = "due", "Báo cáo sắp đến hạn"
        OVERDUE = "overdue", "Báo cáo quá hạn"
        PLAN_APPROVED = "plan_approved", "Kế hoạch được phê duyệt"
        CYCLE_OPENED = "cycle_opened", "Kỳ báo cáo mới"

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người nhận", on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField("loại", max_length=20, choices=Kind.choices)
    text = models.TextField("nội dung")
    link = models.CharField("liên kết", max_length=300, blank=True)
    key = models.CharField("khóa chống trùng", max_length=200, blank=True)
    created_at = models.DateTimeField("thời điểm", auto_now_add=True)
    read_at = models.DateTimeField("đã đọc lúc", null=True, blank=True)
    emailed_at = models.DateTimeField("đã gửi thư lúc", null=True, blank=True)

    class Meta:
        ordering = ("-created_at", "-id")
        constraints = (
            models.UniqueConstraint(
                fields=["recipient", "key"], condition=~models.Q(key=""), name="notification_unique_key"
            ),
        )
        indexes = (models.Index(fields=["recipient", "read_at"], name="notification_unread_idx"),)
        verbose_name = "thông báo"
        verbose_name_plural = "thông báo"

    def __str__(self) -> str:
        return f"{self.recipient_id}: {self.get_kind_display()}"

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class NotificationPreference(models.Model):
    """A user's choice about e-mail copies; without a row, e-mail is on."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name="người dùng", on_delete=models.CASCADE, related_name="notification_preference"
    )
    email_enabled = models.BooleanField("nhận thông báo qua thư điện tử", default=True)
    updated_at = models.DateTimeField("cập nhật", auto_now=True)

    class Meta:
        verbose_name = "cài đặt thông báo"
        verbose_name_plural = "cài đặt thông báo"

    def __str__(self) -> str:
        return f"{self.user_id}: {'có' if self.email_enabled else 'không'} nhận thư"
