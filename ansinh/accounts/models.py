"""The user model. Roles and unit scope are added by the accounts/access work."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models


class User(AbstractUser):
    """A person who signs in; ``full_name`` is shown in Vietnamese interfaces."""

    full_name = models.CharField("họ và tên", max_length=200, blank=True)

    class Meta:
        verbose_name = "người dùng"
        verbose_name_plural = "người dùng"

    def __str__(self) -> str:
        return self.full_name or self.username


class RoleAssignment(models.Model):
    """One role a user holds, over a unit (and its subtree), an agency or a plan, for a date range.

    Scope is decided in ``ansinh.accounts.access`` only; this model just records the grant.
    """

    class Role(models.TextChoices):
        ADMIN = "admin", "Quản trị hệ thống"
        STANDING = "standing", "Cơ quan thường trực của kế hoạch"
        AGENCY = "agency", "Cán bộ cơ quan, sở ngành"
        COMMUNE = "commune", "Cán bộ xã, phường"
        SUPERVISOR = "supervisor", "Giám sát, chỉ xem"
        CHAIRMAN = "chairman", "Chủ tịch UBND xã, phường (người có thẩm quyền quyết định)"

    user = models.ForeignKey(User, verbose_name="người dùng", on_delete=models.CASCADE, related_name="roles")
    role = models.CharField("vai trò", max_length=20, choices=Role.choices)
    unit = models.ForeignKey(
        "geo.AdministrativeUnit",
        verbose_name="đơn vị hành chính",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="role_assignments",
    )
    agency = models.ForeignKey(
        "geo.Agency", verbose_name="cơ quan", null=True, blank=True, on_delete=models.PROTECT, related_name="role_assignments"
    )
    plan = models.ForeignKey(
        "plans.Plan", verbose_name="kế hoạch", null=True, blank=True, on_delete=models.CASCADE, related_name="role_assignments"
    )
    valid_from = models.DateField("hiệu lực từ", null=True, blank=True)
    valid_to = models.DateField("hết hiệu lực từ", null=True, blank=True)
    created_at = models.DateTimeField("ngày tạo", auto_now_add=True)

    class Meta:
        ordering = ("user_id", "role", "id",)
        verbose_name = "phân quyền"
        verbose_name_plural = "phân quyền"

    def __str__(self) -> str:
        where = self.agency or self.unit or self.plan or ""
        return f"{self.user}: {self.get_role_display()} {where}".strip()


class ApiToken(models.Model):
    """A key for the JSON API (``Authorization: Bearer …``) that acts as its user, with the user's scope.

    Only a SHA-256 digest of the key is stored; the key itself is shown once, when it is created.
    ``prefix`` (the key's first characters) identifies it in lists and speeds up the lookup.
    """

    user = models.ForeignKey(User, verbose_name="người dùng", on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField("tên gợi nhớ", max_length=100)
    prefix = models.CharField("phần đầu của khóa", max_length=16, db_index=True)
    digest = models.CharField("mã băm SHA-256 của khóa", max_length=64, unique=True)
    created_at = models.DateTimeField("ngày tạo", auto_now_add=True)
    last_used_at = models.DateTimeField("lần dùng gần nhất", null=True, blank=True)
    revoked_at = models.DateTimeField("ngày thu hồi", null=True, blank=True)

    class Meta:
        ordering = ("user_id", "-created_at", "-id")
        verbose_name = "khóa API"
        verbose_name_plural = "khóa API"

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.name})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
