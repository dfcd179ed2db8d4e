"""Benefit programmes as versioned data (``data/programmes.json``, loaded by ``ansinh benefits load``).

A programme has base levels (``BaseLevel``: the amount that coefficients multiply, by period) and
categories (``Category``: who qualifies — age band, household class, conditions — with a coefficient
or a fixed amount, by period). Every row carries its legal ``source`` and ``verified``; a row marked
false is shown as "chưa xác minh" wherever it is used. Money is an integer number of đồng.
``rules.py`` turns these rows into plain values and computes amounts without touching the database.
"""

from __future__ import annotations

from django.db import models

from ansinh.core.models import LegalDatum


class Programme(models.Model):
    class Kind(models.TextChoices):
        MONTHLY = "hang_thang", "Hằng tháng"
        ONE_OFF = "mot_lan", "Một lần"

    code = models.CharField("mã chương trình", max_length=30, unique=True)
    name = models.CharField("tên chương trình", max_length=300)
    kind = models.CharField("loại", max_length=12, choices=Kind.choices)
    exclusive_group = models.CharField(
        "nhóm chỉ hưởng mức cao nhất", max_length=40, blank=True,
        help_text="các chương trình cùng nhóm: người đủ nhiều điều kiện chỉ hưởng một mức cao nhất",
    )
    exclusive_source = models.CharField("căn cứ của quy tắc mức cao nhất", max_length=300, blank=True)
    rounding = models.PositiveIntegerField("làm tròn đến (đồng)", default=1)
    position = models.PositiveSmallIntegerField("thứ tự ưu tiên khi bằng nhau", default=0)
    authority = models.CharField("thẩm quyền quyết định", max_length=300, blank=True)
    source = models.CharField("căn cứ", max_length=300)
    verified = models.BooleanField("đã xác minh", default=False)
    note = models.TextField("ghi chú", blank=True)

    class Meta:
        ordering = ("position", "code")
        verbose_name = "chương trình trợ cấp"
        verbose_name_plural = "chương trình trợ cấp"

    def __str__(self) -> str:
        return self.name


class BaseLevel(LegalDatum):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="base_levels")
    amount = models.BigIntegerField("mức chuẩn (đồng/tháng)")

    class Meta:
        ordering = ("programme_id", "valid_from")
        verbose_name = "mức chuẩn"
        verbose_name_plural = "mức chuẩn"
        constraints = [
            models.UniqueConstraint(fields=["programme", "valid_from"], name="benefits_base_level_uniq"),
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="benefits_base_level_positive_ck"),
        ]

    def __str__(self) -> str:
        return f"{self.programme_id} {self.amount} từ {self.valid_from}"


class Category(LegalDatum):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="categories")
    code = models.CharField("mã đối tượng", max_length=40)
    name = models.CharField("đối tượng", max_length=400)
    coefficient = models.DecimalField("hệ số", max_digits=6, decimal_places=2, null=True, blank=True)
    amount = models.BigIntegerField("mức cố định (đồng)", null=True, blank=True)
    age_min = models.PositiveSmallIntegerField("từ đủ … tuổi", null=True, blank=True)
    age_below = models.PositiveSmallIntegerField("dưới … tuổi", null=True, blank=True)
    household_classes = models.JSONField("phân loại hộ (nghèo, cận nghèo…)", default=list, blank=True)
    conditions = models.JSONField("điều kiện phải có", default=list, blank=True)
    per_child = models.BooleanField("tính theo mỗi con", default=False)
    stacks = models.BooleanField("được hưởng thêm (không tính vào mức cao nhất)", default=False)
    note = models.CharField("ghi chú", max_length=400, blank=True)

    class Meta:
        ordering = ("programme_id", "code", "valid_from")
        verbose_name = "đối tượng hưởng"
        verbose_name_plural = "đối tượng hưởng"
        constraints = [
            models.UniqueConstraint(fields=["programme", "code", "valid_from"], name="benefits_category_uniq"),
            models.CheckConstraint(
                condition=models.Q(coefficient__isnull=False) | models.Q(amount__isnull=False),
                name="benefits_category_amount_ck",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.programme_id} {self.code}"


from ansinh.benefits.models_dossier import (  # noqa: E402
    Authority,
    Decision,
    DocumentRequirement,
    Dossier,
    DossierAttachment,
    ProcessingTime,
)
from ansinh.benefits.models_payments import (  # noqa: E402
    Adjustment,
    BankAccount,
    Basis,
    Channel,
    EntitlementMonth,
    PaymentLine,
    PaymentList,
)

__all__ = [
    "Adjustment", "Authority", "BankAccount", "BaseLevel", "Basis", "Category", "Channel", "Decision",
    "DocumentRequirement", "Dossier", "DossierAttachment", "EntitlementMonth", "PaymentLine", "PaymentList",
    "ProcessingTime", "Programme",
]
