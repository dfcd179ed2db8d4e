"""Writes to users and roles. Each ``do_*`` runs in one transaction and leaves an audit row."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ansinh.accounts.access import forget_scope
from ansinh.accounts.models import ApiToken, RoleAssignment, User
from ansinh.accounts.tokens import PREFIX_LENGTH, digest_of, new_key
from ansinh.core.errors import UserError
from ansinh.core.models import audit
from ansinh.geo.models import AdministrativeUnit, Agency

Role = RoleAssignment.Role


class AccountError(UserError):
    """An account action was refused; ``message`` is Vietnamese, for the user."""


def check_role(role: str, unit: AdministrativeUnit | None, agency: Agency | None, plan: Any) -> None:
    """Refuse combinations that would give a role no scope or the wrong one."""
    if role not in Role.values:
        raise AccountError(f"Vai trò “{role}” không hợp lệ; dùng một trong: {', '.join(Role.values)}.")
    if unit is not None and agency is not None and not agency.unit.path.startswith(unit.path):
        raise AccountError(f"Cơ quan {agency.name} không thuộc địa bàn {unit.name}.")
    if role == Role.COMMUNE and (unit is None or unit.level != AdministrativeUnit.Level.COMMUNE):
        raise AccountError("Cán bộ xã, phường phải gắn với một đơn vị cấp xã (xã, phường, đặc khu).")
    if role == Role.CHAIRMAN and (unit is None or unit.level != AdministrativeUnit.Level.COMMUNE):
        raise AccountError("Chủ tịch UBND xã, phường phải gắn với một đơn vị cấp xã (xã, phường, đặc khu).")
    if role == Role.AGENCY and agency is None and unit is None:
        raise AccountError("Cán bộ cơ quan, sở ngành phải gắn với một cơ quan hoặc một đơn vị hành chính.")
    if role in (Role.STANDING, Role.SUPERVISOR) and unit is None and agency is None:
        raise AccountError(f"Vai trò “{Role(role).label}” phải gắn với một đơn vị hành chính hoặc cơ quan.")
    if plan is not None and role != Role.STANDING:
        raise AccountError("Chỉ vai trò cơ quan thường trực mới gắn với một kế hoạch.")


def _describe(assignment: RoleAssignment) -> dict[str, Any]:
    return {
        "user": assignment.user.username,
        "role": assignment.role,
        "unit": assignment.unit.code if assignment.unit else None,
        "agency": assignment.agency.code if assignment.agency else None,
        "plan": assignment.plan_id,
        "valid_from": assignment.valid_from.isoformat() if assignment.valid_from else None,
        "valid_to": assignment.valid_to.isoformat() if assignment.valid_to else None,
    }


@transaction.atomic
def do_assign_role(
    actor: Any,
    user: User,
    role: str,
    *,
    unit: AdministrativeUnit | None = None,
    agency: Agency | None = None,
    plan: Any = None,
    valid_from: dt.date | None = None,
    valid_to: dt.date | None = None,
) -> RoleAssignment:
    check_role(role, unit, agency, plan)
    if valid_from and valid_to and valid_to <= valid_from:
        raise AccountError("Ngày hết hiệu lực phải sau ngày bắt đầu.")
    existing = RoleAssignment.objects.filter(
        user=user, role=role, unit=unit, agency=agency, plan=plan, valid_from=valid_from, valid_to=valid_to
    ).first()
    if existing is not None:
        return existing
    assignment = RoleAssignment.objects.create(
        user=user, role=role, unit=unit, agency=agency, plan=plan, valid_from=valid_from, valid_to=valid_to
    )
    forget_scope(user)
    audit(
        actor,
        "accounts.assign_role",
        assignment,
        summary=f"Gán vai trò {assignment.get_role_display()} cho {user.username}",
        after=_describe(assignment),
    )
    return assignment


@transaction.atomic
def do_revoke_role(actor: Any, assignment: RoleAssignment) -> None:
    before = _describe(assignment)
    forget_scope(assignment.user)
    pk = assignment.pk
    assignment.delete()
    audit(
        actor,
        "accounts.revoke_role",
        object_type="accounts.RoleAssignment",
        object_id=str(pk),
        summary=f"Thu hồi vai trò {before['role']} của {before['user']}",
        before=before,
    )


@transaction.atomic
def do_create_user(
    actor: Any,
    username: str,
    password: str,
    role: str,
    *,
    full_name: str = "",
    unit: AdministrativeUnit | None = None,
    agency: Agency | None = None,
    plan: Any = None,
    plan_reviewer: bool = False,
) -> User:
    """Create a user with one role; a bad password or role stores nothing.

    ``plan_reviewer`` gives the permission to upload, review and approve plans (``plans.change_plan``), which
    ``plans.scope`` then limits to the plans of the user's units; a read-only role cannot hold it.
    """
    username = username.strip()
    if not username:
        raise AccountError("Tên đăng nhập không được để trống.")
    if User.objects.filter(username=username).exists():
        raise AccountError(f"Tên đăng nhập “{username}” đã có.")
    check_role(role, unit, agency, plan)
    if plan_reviewer and role in (Role.SUPERVISOR, Role.CHAIRMAN):
        raise AccountError("Vai trò giám sát hoặc chủ tịch không nhận quyền rà soát, phê duyệt kế hoạch; "
                           "dùng vai trò standing, agency hoặc commune.")
    user = User(username=username, full_name=full_name, is_superuser=role == Role.ADMIN, is_staff=role == Role.ADMIN)
    try:
        validate_password(password, user)
    except ValidationError as err:
        raise AccountError("Mật khẩu không đạt yêu cầu: " + " ".join(err.messages)) from None
    user.set_password(password)
    user.save()
    if plan_reviewer:
        from django.contrib.auth.models import Permission

        user.user_permissions.add(Permission.objects.get(content_type__app_label="plans", codename="change_plan"))
    audit(actor, "accounts.create_user", user, summary=f"Tạo tài khoản {username}",
          after={"username": username, "plan_reviewer": plan_reviewer})
    do_assign_role(actor, user, role, unit=unit, agency=agency, plan=plan)
    return user


MAX_ACTIVE_TOKENS = 20


@transaction.atomic
def do_create_api_token(actor: Any, user: User, name: str) -> tuple[Any, str]:
    """Create an API key for ``user``; returns (token row, the key), the key being shown only now."""
    name = " ".join(name.split())
    if not name:
        raise AccountError("Cần đặt tên gợi nhớ cho khóa API (ví dụ: «Hệ thống báo cáo của Sở Y tế»).")
    if len(name) > 100:
        raise AccountError("Tên gợi nhớ của khóa API dài quá 100 ký tự.")
    if not user.is_active:
        raise AccountError(f"Tài khoản {user.username} đang bị khóa, không tạo khóa API được.")
    if ApiToken.objects.filter(user=user, revoked_at__isnull=True).count() >= MAX_ACTIVE_TOKENS:
        raise AccountError(f"Tài khoản {user.username} đã có {MAX_ACTIVE_TOKENS} khóa API đang dùng; hãy thu hồi bớt.")
    key = new_key()
    token = ApiToken.objects.create(user=user, name=name, prefix=key[:PREFIX_LENGTH], digest=digest_of(key))
    audit(actor, "accounts.create_api_token", token, summary=f"{user.username}: {name}", after={"prefix": token.prefix})
    return token, key


@transaction.atomic
def do_revoke_api_token(actor: Any, token: Any) -> None:
    """Revoke a key at once; a revoked key never works again."""
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is not None:
        raise AccountError(f"Khóa API {token.prefix}… đã bị thu hồi từ trước.")
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    audit(
        actor,
        "accounts.revoke_api_token",
        token,
        summary=f"{token.user.username}: {token.name}",
        before={"revoked": False},
        after={"revoked": True},
    )
