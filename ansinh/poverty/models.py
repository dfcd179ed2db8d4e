"""Poverty standards as versioned data (``data/standards.json``, loaded by ``ansinh poverty load``).

A standard has validity periods (each with its legal source), per-area income bands (the rule
engine's input, ``rules.Band``) and its deprivation indicators. Every row carries ``verified``: a
row marked false is shown as "chưa xác minh" wherever it is used. Review rounds are in
``models_review.py``.
"""

from __future__ import annotations

import datetime as dt

from django.db import models

from ansinh.core.models import LegalDatum
from ansinh.poverty.rules import AREAS, CLASSES, Band, Rule

AREA_CHOICES = [("thanh_thi", "Thành thị"), ("nong_thon", "Nông thôn")]
CLASS_CHOICES = [(c, c) for c in CLASSES]


class Standard(models.Model):
    class Level(models.TextChoices):
        NATIONAL = "quoc_gia", "Quốc gia"
        PROVINCE = "tinh", "Tỉnh, thành phố"

    code = models.CharField("mã chuẩn", max_length=30, unique=True)
    name = models.CharField("tên chuẩn", max_length=300)
    level = models.CharField("cấp ban hành", max_length=10, choices=Level.choices)
    province_code = models.CharField("mã tỉnh (chuẩn riêng của tỉnh)", max_length=4, blank=True)
    source = models.CharField("căn cứ", max_length=300)
    verified = models.BooleanField("đã xác minh", default=False)
    deprivation_total = models.PositiveSmallIntegerField("tổng số chỉ số thiếu hụt", default=12)
    note = models.TextField("ghi chú", blank=True)

    class Meta:
        ordering = ("code",)
        verbose_name = "chuẩn nghèo"
        verbose_name_plural = "chuẩn nghèo"

    def __str__(self) -> str:
        return self.name

    def in_force_on(self, day: dt.date) -> bool:
        return any(p.valid_from <= day <= p.valid_to for p in self.periods.all())

    def period_text(self) -> str:
        return "; ".join(f"{p.valid_from:%d/%m/%Y}–{p.valid_to:%d/%m/%Y}" for p in self.periods.all())

    def rule(self) -> Rule:
        bands: dict[str, list[Band]] = {a: [] for a in AREAS}
        for b in self.bands.all():
            bands[b.area].append(Band(b.income_max, b.min_deprivations, b.if_met, b.otherwise, b.verified))
        return Rule(self.code, {a: tuple(v) for a, v in bands.items()})

    def indicator_codes(self) -> list[str]:
        return [i.code for i in self.indicators.all()]


class StandardPeriod(models.Model):
    standard = models.ForeignKey(Standard, on_delete=models.CASCADE, related_name="periods")
    valid_from = models.DateField("từ ngày")
    valid_to = models.DateField("đến ngày (kể cả)")
    source = models.CharField("căn cứ", max_length=300)
    verified = models.BooleanField("đã xác minh", default=False)

    class Meta:
        ordering = ("standard_id", "valid_from")
        verbose_name = "thời gian áp dụng chuẩn nghèo"
        verbose_name_plural = "thời gian áp dụng chuẩn nghèo"

    def __str__(self) -> str:
        return f"{self.standard_id}: {self.valid_from}–{self.valid_to}"


class StandardBand(models.Model):
    standard = models.ForeignKey(Standard, on_delete=models.CASCADE, related_name="bands")
    area = models.CharField("khu vực", max_length=12, choices=AREA_CHOICES)
    position = models.PositiveSmallIntegerField("thứ tự")
    income_max = models.BigIntegerField("thu nhập bình quân tối đa (đồng/người/tháng, kể cả)")
    min_deprivations = models.PositiveSmallIntegerField("số chỉ số thiếu hụt tối thiểu", null=True, blank=True)
    if_met = models.CharField("phân loại khi đủ điều kiện thiếu hụt", max_length=12, choices=CLASS_CHOICES)
    otherwise = models.CharField("phân loại khi không đủ", max_length=12, choices=CLASS_CHOICES)
    source = models.CharField("căn cứ", max_length=300)
    verified = models.BooleanField("đã xác minh", default=False)
    note = models.CharField("ghi chú", max_length=300, blank=True)

    class Meta:
        ordering = ("standard_id", "area", "position")
        verbose_name = "ngưỡng của chuẩn nghèo"
        verbose_name_plural = "ngưỡng của chuẩn nghèo"

    def __str__(self) -> str:
        return f"{self.standard_id} {self.area} ≤ {self.income_max}"


class DeprivationIndicator(models.Model):
    standard = models.ForeignKey(Standard, on_delete=models.CASCADE, related_name="indicators")
    position = models.PositiveSmallIntegerField("thứ tự")
    code = models.CharField("mã (tên cột)", max_length=40)
    dimension = models.CharField("chiều thiếu hụt", max_length=120)
    name = models.CharField("chỉ số", max_length=200)
    deprived_if = models.CharField("thiếu hụt khi", max_length=400)
    name_verified = models.BooleanField("tên đã xác minh", default=False)
    verified = models.BooleanField("ngưỡng đã xác minh", default=False)
    source = models.CharField("căn cứ", max_length=300)

    class Meta:
        ordering = ("standard_id", "position")
        verbose_name = "chỉ số thiếu hụt"
        verbose_name_plural = "chỉ số thiếu hụt"
        constraints = [models.UniqueConstraint(fields=["standard", "code"], name="poverty_indicator_code_uniq")]

    def __str__(self) -> str:
        return self.name


class RecognisingAuthority(LegalDatum):
    """Who recognises the lists in step 4 (QĐ 24/2021), by level and period (districts ended 1/7/2025).

    ``account_role`` and ``unit_level`` say which account may sign: one holding that role
    (``RoleAssignment.Role``) on the round's commune or on its ancestor of that level.
    """

    role = models.CharField("người có thẩm quyền", max_length=200)
    level = models.CharField("cấp", max_length=10)
    account_role = models.CharField("vai trò tài khoản (accounts.RoleAssignment.Role)", max_length=20, default="chairman")
    unit_level = models.CharField("cấp đơn vị hành chính của người có thẩm quyền (geo)", max_length=20, default="commune")

    class Meta:
        ordering = ("valid_from",)
        verbose_name = "thẩm quyền công nhận"
        verbose_name_plural = "thẩm quyền công nhận"

    def __str__(self) -> str:
        return self.role

    @classmethod
    def on(cls, day: dt.date) -> RecognisingAuthority | None:
        return (
            cls.objects.filter(cls.in_force(day))
            .order_by("-valid_from")
            .first()
        )


from ansinh.poverty.models_review import (  # noqa: E402
    CommuneSummary,
    Complaint,
    HouseholdStatus,
    ReviewEntry,
    ReviewRound,
)

__all__ = [
    "CommuneSummary",
    "Complaint",
    "DeprivationIndicator",
    "HouseholdStatus",
    "RecognisingAuthority",
    "ReviewEntry",
    "ReviewRound",
    "Standard",
    "StandardBand",
    "StandardPeriod",
]
