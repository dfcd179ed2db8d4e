"""Households, persons and their memberships; issued registry codes; the search token table.

Nothing about a person is overwritten in place by hand: identity fields (name, birth date, sex,
personal ID, death) and memberships change only through a ``ChangeRequest``
(``registry.changes``), which closes one membership row and opens the next in one transaction.
Every table of persons carries ``province_code`` (two digits of the 2025 province) so that
PostgreSQL can partition by province. Editable rows carry a ``version`` checked on every write.
Change requests and the privacy log live in ``models_changes.py`` and ``models_privacy.py``.
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q


class Area(models.TextChoices):
    URBAN = "thanh_thi", "Thành thị"
    RURAL = "nong_thon", "Nông thôn"


class Sex(models.TextChoices):
    MALE = "nam", "Nam"
    FEMALE = "nu", "Nữ"


class BirthPrecision(models.TextChoices):
    DAY = "day", "Đủ ngày, tháng, năm"
    MONTH = "month", "Chỉ tháng và năm"
    YEAR = "year", "Chỉ năm"


class Relation(models.TextChoices):
    HEAD = "chu_ho", "Chủ hộ"
    WIFE = "vo", "Vợ"
    HUSBAND = "chong", "Chồng"
    CHILD = "con", "Con"
    FATHER = "cha", "Cha"
    MOTHER = "me", "Mẹ"
    GRANDCHILD = "chau", "Cháu"
    GRANDPARENT = "ong_ba", "Ông, bà"
    SIBLING = "anh_chi_em", "Anh, chị, em"
    CHILD_IN_LAW = "con_dau_re", "Con dâu, con rể"
    OTHER = "khac", "Khác"


class SoftDeletable(models.Model):
    """Soft delete with a reason; ``ansinh registry purge`` removes rows past retention."""

    deleted_at = models.DateTimeField("thời điểm xóa", null=True, blank=True)
    deleted_reason = models.CharField("lý do xóa", max_length=300, blank=True)

    class Meta:
        abstract = True


class RetiredCode(models.Model):
    """The registry code of a purged person: kept for ever, so that no code is ever issued twice.

    A code in use is unique in ``Person.registry_code``; new codes are checked against both tables.
    """

    code = models.CharField("mã số an sinh", max_length=16, primary_key=True)
    retired_at = models.DateTimeField("ngày thu hồi", auto_now_add=True)

    class Meta:
        verbose_name = "mã số an sinh đã thu hồi"
        verbose_name_plural = "mã số an sinh đã thu hồi"

    def __str__(self) -> str:
        return self.code


class Household(SoftDeletable):
    """A household of a commune (a 2025 geo unit), with its address and urban/rural area."""

    code = models.CharField("mã hộ", max_length=40)
    commune = models.ForeignKey(
        "geo.AdministrativeUnit", verbose_name="xã, phường", on_delete=models.PROTECT, related_name="households",
        db_index=False,
    )
    province_code = models.CharField("mã tỉnh", max_length=4)
    address = models.CharField("địa chỉ", max_length=300, blank=True)
    area = models.CharField("khu vực", max_length=12, choices=Area.choices, default=Area.URBAN)
    head = models.ForeignKey(
        "registry.Person", verbose_name="chủ hộ", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        db_index=False,
    )
    simulated = models.BooleanField("dữ liệu mô phỏng", default=False)
    version = models.PositiveIntegerField("phiên bản", default=1)
    created_at = models.DateTimeField("ngày tạo", auto_now_add=True)
    updated_at = models.DateTimeField("ngày sửa", auto_now=True)

    class Meta:
        ordering = ("commune_id", "code")
        verbose_name = "hộ gia đình"
        verbose_name_plural = "hộ gia đình"
        constraints = [models.UniqueConstraint(fields=["commune", "code"], name="registry_household_code_uniq")]
        indexes = [models.Index(fields=["code"], name="registry_household_code_idx")]

    def __str__(self) -> str:
        return f"Hộ {self.code}"


class Person(SoftDeletable):
    """A person: identity fields, the registry code that other tables and exports use."""

    registry_code = models.CharField("mã số an sinh", max_length=16, unique=True)
    full_name = models.CharField("họ và tên", max_length=200)
    name_folded = models.CharField("họ tên không dấu", max_length=200)
    birth_date = models.DateField("ngày sinh", null=True, blank=True)
    birth_precision = models.CharField(
        "độ chính xác ngày sinh", max_length=5, choices=BirthPrecision.choices, default=BirthPrecision.DAY
    )
    sex = models.CharField("giới tính", max_length=3, choices=Sex.choices)
    personal_id = models.CharField("số định danh cá nhân", max_length=12, blank=True, db_index=True)
    ethnicity = models.CharField("dân tộc", max_length=60, blank=True)
    phone = models.CharField("số điện thoại", max_length=20, blank=True)
    alive = models.BooleanField("còn sống", default=True)
    death_date = models.DateField("ngày mất", null=True, blank=True)
    commune = models.ForeignKey(
        "geo.AdministrativeUnit", verbose_name="xã, phường cư trú", on_delete=models.PROTECT, related_name="persons",
        db_index=False,
    )
    province_code = models.CharField("mã tỉnh", max_length=4)
    ma_ban_ghi = models.CharField("mã bản ghi nguồn", max_length=64, blank=True)
    simulated = models.BooleanField("dữ liệu mô phỏng", default=False)
    version = models.PositiveIntegerField("phiên bản", default=1)
    created_at = models.DateTimeField("ngày tạo", auto_now_add=True)
    updated_at = models.DateTimeField("ngày sửa", auto_now=True)

    class Meta:
        ordering = ("id",)
        verbose_name = "nhân khẩu"
        verbose_name_plural = "nhân khẩu"
        permissions = [("view_identity", "Xem số định danh và số điện thoại không che (cán bộ cấp tỉnh cần đến)")]
        constraints = [
            models.UniqueConstraint(
                fields=["commune", "ma_ban_ghi"], condition=~Q(ma_ban_ghi=""), name="registry_person_source_uniq"
            ),
            models.CheckConstraint(condition=Q(alive=False) | Q(death_date__isnull=True), name="registry_person_death_ck"),
        ]
        indexes = [models.Index(fields=["commune", "id"], name="registry_person_commune_idx")]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.registry_code})"

    def birth_display(self) -> str:
        if self.birth_date is None:
            return "chưa rõ"
        if self.birth_precision == BirthPrecision.YEAR:
            return str(self.birth_date.year)
        if self.birth_precision == BirthPrecision.MONTH:
            return f"{self.birth_date.month:02d}/{self.birth_date.year}"
        return f"{self.birth_date:%d/%m/%Y}"

    def age_on(self, day: dt.date) -> int | None:
        if self.birth_date is None:
            return None
        b = self.birth_date
        return day.year - b.year - ((day.month, day.day) < (b.month, b.day))


class Membership(models.Model):
    """A person in a household from ``valid_from`` to ``valid_to`` (exclusive; null: still).

    A membership read from an import file has an unknown start (``start_known`` false): the file
    only says the person was in the household on the import day. Its ``valid_from`` is then a lower
    bound kept for date queries (the birth date, or 1/1/1900), shown as «không rõ», never as a fact.
    """

    person = models.ForeignKey(
        Person, verbose_name="nhân khẩu", on_delete=models.CASCADE, related_name="memberships", db_index=False
    )
    household = models.ForeignKey(
        Household, verbose_name="hộ gia đình", on_delete=models.CASCADE, related_name="memberships", db_index=False
    )
    relation = models.CharField("quan hệ với chủ hộ", max_length=12, choices=Relation.choices)
    valid_from = models.DateField("từ ngày")
    start_known = models.BooleanField("biết ngày vào hộ", default=True)
    valid_to = models.DateField("đến ngày (không kể)", null=True, blank=True)
    province_code = models.CharField("mã tỉnh", max_length=4)
    change_request = models.ForeignKey(
        "registry.ChangeRequest", verbose_name="yêu cầu thay đổi", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+", db_index=False,
    )

    class Meta:
        ordering = ("household_id", "valid_from", "id")
        verbose_name = "thành viên hộ"
        verbose_name_plural = "thành viên hộ"
        indexes = [
            models.Index(fields=["household", "valid_to"], name="registry_member_hh_idx"),
            models.Index(fields=["person", "valid_to"], name="registry_member_person_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gt=models.F("valid_from")), name="registry_member_range_ck"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person_id} ∈ {self.household_id} ({self.relation})"

    @property
    def current(self) -> bool:
        return self.valid_to is None

    def from_display(self) -> str:
        return f"{self.valid_from:%d/%m/%Y}" if self.start_known else "không rõ"


UNKNOWN_START = dt.date(1900, 1, 1)


def unknown_start(birth_date: dt.date | None) -> dt.date:
    """The stored lower bound of a membership whose start is unknown: the birth date, else 1/1/1900."""
    return birth_date if birth_date is not None and birth_date > UNKNOWN_START else UNKNOWN_START


class PersonToken(models.Model):
    """One folded word of a person's name (or an identifier): the search index, no table scan.

    Search intersects the persons of each query word through the ``(token, person)`` primary key;
    the same table works on SQLite (made ``WITHOUT ROWID`` by migration 0002: one B-tree, not two)
    and PostgreSQL. Tokens are deleted explicitly (by token and person) when a name changes or a
    person is purged, never through a cascade (which would scan the table by person).
    """

    pk = models.CompositePrimaryKey("token", "person")
    token = models.CharField(max_length=40)
    person = models.ForeignKey(Person, on_delete=models.DO_NOTHING, related_name="tokens", db_index=False)

    class Meta:
        verbose_name = "từ khóa tìm kiếm"
        verbose_name_plural = "từ khóa tìm kiếm"

    def __str__(self) -> str:
        return self.token


from ansinh.registry.dedup.models import DuplicatePair, GateOverride, PersonMerge  # noqa: E402
from ansinh.registry.models_changes import ChangeRequest  # noqa: E402
from ansinh.registry.models_privacy import PersonAccess, PersonAccessItem  # noqa: E402
from ansinh.registry.models_quality import QualitySnapshot  # noqa: E402

__all__ = [
    "Area",
    "BirthPrecision",
    "ChangeRequest",
    "DuplicatePair",
    "GateOverride",
    "Household",
    "Membership",
    "Person",
    "PersonAccess",
    "PersonAccessItem",
    "PersonMerge",
    "PersonToken",
    "QualitySnapshot",
    "Relation",
    "RetiredCode",
    "Sex",
]
