"""The privacy log (Law 91/2025/QH15): who read which persons, when, and why.

One ``PersonAccess`` row per person page view, search result list, export and data-subject report;
``PersonAccessItem`` rows name the persons (indexed by person, for the data-subject report).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class AccessKind(models.TextChoices):
    VIEW = "view", "Xem trang nhân khẩu"
    HOUSEHOLD = "household", "Xem trang hộ gia đình"
    SEARCH = "search", "Danh sách kết quả tìm kiếm"
    EXPORT = "export", "Xuất dữ liệu"
    REPORT = "report", "Báo cáo cho chủ thể dữ liệu"


class PersonAccess(models.Model):
    at = models.DateTimeField("thời điểm", auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người truy cập", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    kind = models.CharField("loại truy cập", max_length=10, choices=AccessKind.choices)
    purpose = models.CharField("mục đích", max_length=300, blank=True)
    query = models.CharField("nội dung tìm kiếm", max_length=200, blank=True)
    count = models.PositiveIntegerField("số người", default=0)

    class Meta:
        ordering = ("-at", "-id")
        verbose_name = "lần truy cập dữ liệu cá nhân"
        verbose_name_plural = "nhật ký truy cập dữ liệu cá nhân"

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.kind} ({self.count})"


class PersonAccessItem(models.Model):
    access = models.ForeignKey(PersonAccess, on_delete=models.CASCADE, related_name="items")
    person = models.ForeignKey("registry.Person", on_delete=models.CASCADE, related_name="+", db_index=False)

    class Meta:
        verbose_name = "người được truy cập"
        verbose_name_plural = "người được truy cập"
        indexes = [models.Index(fields=["person", "access"], name="registry_access_person_idx")]

    def __str__(self) -> str:
        return f"{self.access_id}:{self.person_id}"
