"""A value proposed to a submission by a registry source (``reporting.sources``).

The proposal is kept beside the typed value, never in its place: the form pre-fills it where the
officer has typed nothing, and saving records whether the officer confirmed it or explained a
different figure (``decision``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class SourceProposal(models.Model):
    class Decision(models.TextChoices):
        PENDING = "", "Chờ cán bộ xác nhận"
        CONFIRMED = "confirmed", "Cán bộ xác nhận đúng số đề xuất"
        EXPLAINED = "explained", "Cán bộ nhập số khác và giải trình"

    submission = models.ForeignKey("reporting.Submission", on_delete=models.CASCADE, related_name="proposals")
    indicator = models.ForeignKey("reporting.Indicator", on_delete=models.CASCADE, related_name="+")
    source_key = models.CharField("nguồn số liệu", max_length=60)
    source_version = models.CharField("phiên bản cách tính", max_length=20)
    cutoff = models.DateField("chốt số liệu đến ngày")
    value = models.FloatField("giá trị đề xuất", null=True, blank=True)
    numerator = models.FloatField("tử số đề xuất", null=True, blank=True)
    denominator = models.FloatField("mẫu số đề xuất", null=True, blank=True)
    note = models.CharField("ghi chú (độ bao phủ)", max_length=300, blank=True)
    computed_at = models.DateTimeField("thời điểm tính", auto_now=True)
    decision = models.CharField("xác nhận", max_length=10, choices=Decision.choices, blank=True, default="")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField("ngày xác nhận", null=True, blank=True)

    class Meta:
        verbose_name = "số liệu đề xuất từ cơ sở dữ liệu"
        verbose_name_plural = "số liệu đề xuất từ cơ sở dữ liệu"
        constraints = [models.UniqueConstraint(fields=["submission", "indicator"], name="reporting_proposal_uniq")]

    def __str__(self) -> str:
        return f"{self.source_key}: {self.value}"
