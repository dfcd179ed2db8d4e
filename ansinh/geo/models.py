"""Administrative units and agencies, effective-dated, and the crosswalks between their versions.

A unit or agency is valid on ``d`` when ``valid_from <= d`` and (``valid_to`` is null or
``d < valid_to``): ``valid_to`` is an exclusive end. A unit keeps a materialised ``path`` of
codes from the country root (``/VN/79/26734/``) so that a subtree is one indexed prefix query.
A code may be reused over time (the pre-2025 ward 26740 and the current Phường Sài Gòn), so
``(code, valid_from)`` is unique, not ``code``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Self, TypeVar

from django.db import models
from django.db.models import Q

from ansinh.lib.text import fold_key

_M = TypeVar("_M", bound=models.Model)

# The day the 2025 reform (two-level local government, 34 provinces) took effect.
REFORM_DATE = dt.date(2025, 7, 1)
COUNTRY_CODE = "VN"
# The country root is in force from reunification, so that pre-2025 units can hang under it.
COUNTRY_FROM = dt.date(1976, 7, 2)
_KINDS = ("thành phố", "thị xã", "thị trấn", "tỉnh", "quận", "huyện", "phường", "xã", "đặc khu")


def kind_from_name(name: str) -> str:
    """The administrative kind a Vietnamese unit name starts with (``"Quận 1"`` -> ``"quận"``)."""
    lower = name.strip().lower()
    return next((k for k in _KINDS if lower.startswith(k + " ")), "")


def valid_on_q(day: dt.date) -> Q:
    """The filter "in force on ``day``" for any model with ``valid_from``/``valid_to``."""
    return Q(valid_from__lte=day) & (Q(valid_to__isnull=True) | Q(valid_to__gt=day))


class EffectiveQuerySet(models.QuerySet[_M]):
    def valid_on(self, day: dt.date) -> Self:
        return self.filter(valid_on_q(day))


class UnitQuerySet(EffectiveQuerySet["AdministrativeUnit"]):
    def in_force(self, code: str, day: dt.date | None = None) -> AdministrativeUnit | None:
        """The unit with ``code`` in force on ``day`` (default today), or None."""
        from django.utils import timezone

        return self.valid_on(day or timezone.localdate()).filter(code=code.strip()).first()

    def subtree(self, unit: AdministrativeUnit, include_self: bool = True) -> UnitQuerySet:
        """``unit`` and every unit below it whose validity overlaps ``unit``'s validity."""
        qs = self.filter(path__startswith=unit.path, valid_to__isnull=True) | self.filter(
            path__startswith=unit.path, valid_to__gt=unit.valid_from
        )
        if unit.valid_to is not None:
            qs = qs.filter(valid_from__lt=unit.valid_to)
        if not include_self:
            qs = qs.exclude(pk=unit.pk)
        return qs

    def search(self, text: str) -> UnitQuerySet:
        """Diacritic- and case-insensitive search on the name (or an exact code)."""
        key = fold_key(text)
        if not key:
            return self.none()
        return self.filter(Q(name_key__contains=key) | Q(code=text.strip()))


UnitManager = models.Manager.from_queryset(UnitQuerySet)
AgencyManager = models.Manager.from_queryset(EffectiveQuerySet)


class AdministrativeUnit(models.Model):
    """A country, province, (pre-2025) district or commune in force over a date range."""

    class Level(models.TextChoices):
        COUNTRY = "country", "Quốc gia"
        PROVINCE = "province", "Tỉnh, thành phố"
        DISTRICT = "district", "Huyện, quận, thị xã (trước 1/7/2025)"
        COMMUNE = "commune", "Xã, phường, đặc khu"

    code = models.CharField("mã", max_length=16, db_index=True)
    name = models.CharField("tên", max_length=200)
    name_key = models.CharField("khóa tìm kiếm", max_length=200, blank=True, db_index=True, editable=False)
    level = models.CharField("cấp", max_length=20, choices=Level.choices)
    kind = models.CharField("loại", max_length=40, blank=True, help_text="tỉnh, thành phố, xã, phường, đặc khu…")
    parent = models.ForeignKey(
        "self", verbose_name="đơn vị cấp trên", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    path = models.CharField("đường dẫn", max_length=255, db_index=True)
    valid_from = models.DateField("hiệu lực từ")
    valid_to = models.DateField("hết hiệu lực từ", null=True, blank=True, help_text="ngày đầu tiên không còn hiệu lực")

    objects = UnitManager()

    class Meta:
        ordering = ("path", "valid_from",)
        verbose_name = "đơn vị hành chính"
        verbose_name_plural = "đơn vị hành chính"
        constraints = (
            models.UniqueConstraint(fields=["code", "valid_from"], name="geo_unit_code_from_uniq"),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gt=models.F("valid_from")), name="geo_unit_valid_range"
            ),
        )

    if TYPE_CHECKING:
        children: models.Manager[AdministrativeUnit]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.name_key = fold_key(self.name)
        if not self.path:
            self.path = build_path(self.parent, self.code)
        super().save(*args, **kwargs)

    def is_valid_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day < self.valid_to)

    @property
    def depth(self) -> int:
        return self.path.count("/") - 1


def build_path(parent: AdministrativeUnit | None, code: str) -> str:
    return f"{parent.path if parent else '/'}{code}/"


class Agency(models.Model):
    """A body that plans, reports or supervises: UBND, a Sở, BHXH, Mặt trận, cấp ủy…"""

    class Kind(models.TextChoices):
        PEOPLE_COMMITTEE = "people_committee", "Ủy ban nhân dân"
        DEPARTMENT = "department", "Sở, ban, ngành"
        SOCIAL_INSURANCE = "social_insurance", "Bảo hiểm xã hội"
        FATHERLAND_FRONT = "fatherland_front", "Ủy ban Mặt trận Tổ quốc Việt Nam"
        PARTY = "party", "Cấp ủy Đảng"
        OTHER = "other", "Khác"

    code = models.CharField("mã", max_length=40, db_index=True)
    name = models.CharField("tên", max_length=300)
    short_name = models.CharField("tên viết tắt", max_length=80, blank=True)
    # Folded name and short name ("so y te syt"), for the pickers' search (geo.search); set by save().
    name_key = models.CharField("khóa tìm kiếm", max_length=400, blank=True, db_index=True, editable=False)
    kind = models.CharField("loại", max_length=30, choices=Kind.choices, default=Kind.OTHER)
    unit = models.ForeignKey(
        AdministrativeUnit, verbose_name="địa bàn", on_delete=models.PROTECT, related_name="agencies"
    )
    valid_from = models.DateField("hiệu lực từ")
    valid_to = models.DateField("hết hiệu lực từ", null=True, blank=True)

    objects = AgencyManager()

    class Meta:
        ordering = ("unit__path", "kind", "name",)
        verbose_name = "cơ quan"
        verbose_name_plural = "cơ quan"
        constraints = (
            models.UniqueConstraint(fields=["code", "valid_from"], name="geo_agency_code_from_uniq"),
        )

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.name_key = agency_key(self.name, self.short_name)
        super().save(*args, **kwargs)

    def is_valid_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day < self.valid_to)


def agency_key(name: str, short_name: str = "") -> str:
    """An agency's search key: its folded name and short name."""
    return " ".join(k for k in (fold_key(name), fold_key(short_name)) if k)[:400]


class UnitCrosswalk(models.Model):
    """From ``effective`` on, ``weight`` of the predecessor's data belongs to the successor."""

    predecessor = models.ForeignKey(
        AdministrativeUnit, verbose_name="đơn vị cũ", on_delete=models.CASCADE, related_name="successor_links"
    )
    successor = models.ForeignKey(
        AdministrativeUnit, verbose_name="đơn vị mới", on_delete=models.CASCADE, related_name="predecessor_links"
    )
    weight = models.FloatField("tỷ trọng", default=1.0, help_text="phần dữ liệu của đơn vị cũ chuyển sang, (0; 1]")
    effective = models.DateField("ngày hiệu lực")
    note = models.CharField("ghi chú", max_length=500, blank=True)

    class Meta:
        ordering = ("effective", "predecessor_id", "successor_id",)
        verbose_name = "chuyển đổi đơn vị hành chính"
        verbose_name_plural = "chuyển đổi đơn vị hành chính"
        constraints = (
            models.UniqueConstraint(fields=["predecessor", "successor", "effective"], name="geo_unitcw_uniq"),
            models.CheckConstraint(condition=Q(weight__gt=0) & Q(weight__lte=1), name="geo_unitcw_weight"),
        )

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor} ({self.weight:g})"


class AgencyCrosswalk(models.Model):
    """From ``effective`` on, ``weight`` of the predecessor agency's duties/data go to the successor."""

    predecessor = models.ForeignKey(
        Agency, verbose_name="cơ quan cũ", on_delete=models.CASCADE, related_name="successor_links"
    )
    successor = models.ForeignKey(
        Agency, verbose_name="cơ quan mới", on_delete=models.CASCADE, related_name="predecessor_links"
    )
    weight = models.FloatField("tỷ trọng", default=1.0)
    effective = models.DateField("ngày hiệu lực")
    note = models.CharField("ghi chú", max_length=500, blank=True, help_text="nhiệm vụ chuyển giao")

    class Meta:
        ordering = ("effective", "predecessor_id", "successor_id",)
        verbose_name = "chuyển đổi cơ quan"
        verbose_name_plural = "chuyển đổi cơ quan"
        constraints = (
            models.UniqueConstraint(fields=["predecessor", "successor", "effective"], name="geo_agencycw_uniq"),
            models.CheckConstraint(condition=Q(weight__gt=0) & Q(weight__lte=1), name="geo_agencycw_weight"),
        )

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor} ({self.weight:g})"
