"""Writes to users and roles. Each ``do_*`` runs in one transaction and leaves an audit row."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from ansinh.accounts.models import RoleAssignment, User
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
) -> User:
    """Create a user with one role; a bad password or role stores nothing."""
    username = username.strip()
    if not username:
        raise AccountError("Tên đăng nhập không được để trống.")
    if User.objects.filter(username=username).exists():
        raise AccountError(f"Tên đăng nhập “{username}” đã có.")
    check_role(role, unit, agency, plan)
    user = User(username=username, full_name=full_name, is_superuser=role == Role.ADMIN, is_staff=role == Role.ADMIN)
    try:
        validate_password(password, user)
    except ValidationError as err:
        raise AccountError("Mật khẩu không đạt yêu cầu: " + " ".join(err.messages)) from None
    user.set_password(password)
    user.save()
    audit(actor, "accounts.create_user", user, summary=f"Tạo tài khoản {username}", after={"username": username})
    do_assign_role(actor, user, role, unit=unit, agency=agency, plan=plan)
    return user
