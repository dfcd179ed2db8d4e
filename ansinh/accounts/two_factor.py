"""Two-factor authentication with TOTP (django-otp): who must use it, enrolment and verification actions.

Administrators, staff, plan reviewers (``plans.change_plan``) and approvers (roles ``admin``, ``standing``,
``agency``) must verify a one-time code
after their password when ``settings.TWO_FACTOR_REQUIRED`` (the default in production); anyone who has
enrolled a device is asked for a code in every environment.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from ansinh.accounts.models import RoleAssignment
from ansinh.core.errors import UserError
from ansinh.core.models import audit

Role = RoleAssignment.Role
#: Roles whose holders approve or administer and so need a second factor.
SENSITIVE_ROLES = (Role.ADMIN, Role.STANDING, Role.AGENCY)
DEVICE_NAME = "Ứng dụng xác thực"


class TwoFactorError(UserError):
    """A one-time code was refused; ``message`` is Vietnamese."""


def is_sensitive(user: Any) -> bool:
    """Does this user administer or approve (and so need a second factor when it is required)?"""
    if user.is_superuser or user.is_staff or user.has_perm("plans.change_plan"):  # plan reviewers approve plans
        return True
    return RoleAssignment.objects.filter(user=user, role__in=SENSITIVE_ROLES).exists()


def has_device(user: Any) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def must_verify(user: Any) -> bool:
    """A code is asked of anyone with a device, and of every sensitive user when two-factor is required."""
    if has_device(user):
        return True
    return bool(settings.TWO_FACTOR_REQUIRED) and is_sensitive(user)


def is_verified(request: HttpRequest) -> bool:
    verified = getattr(request.user, "is_verified", None)
    return bool(verified()) if callable(verified) else False


def pending_device(user: Any) -> TOTPDevice:
    """The unconfirmed device being enrolled (created once, so reloading the page keeps the same key)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("id").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def clean_code(code: str) -> str:
    digits = "".join(code.split())
    if not digits.isdigit() or len(digits) != 6:
        raise TwoFactorError("Mã xác thực gồm đúng 6 chữ số, lấy từ ứng dụng xác thực trên điện thoại.")
    return digits


@transaction.atomic
def do_confirm_device(request: HttpRequest, code: str) -> TOTPDevice:
    """Confirm the pending device with a first code; the session counts as verified."""
    user = request.user
    digits = clean_code(code)
    device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=False).order_by("id").first()
    if device is None:
        raise TwoFactorError("Không có thiết bị nào đang chờ đăng ký; hãy mở lại trang đăng ký.")
    if not device.verify_token(digits):
        raise TwoFactorError("Mã xác thực không đúng hoặc đã hết hạn; hãy nhập mã đang hiện trên ứng dụng.")
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    audit(user, "accounts.two_factor_enrol", device, summary=f"{user} đăng ký xác thực hai bước")
    otp_login(request, device)
    return device


def do_verify(request: HttpRequest, code: str) -> None:
    """Check a code against the user's confirmed devices (django-otp throttles repeated failures)."""
    digits = clean_code(code)
    for device in TOTPDevice.objects.filter(user=request.user, confirmed=True):
        allowed, _ = device.verify_is_allowed()
        if not allowed:
            raise TwoFactorError("Nhập sai mã quá nhiều lần; hãy đợi một lát rồi thử lại.")
        if device.verify_token(digits):
            otp_login(request, device)
            return
    raise TwoFactorError("Mã xác thực không đúng hoặc đã hết hạn; hãy nhập mã đang hiện trên ứng dụng.")


@transaction.atomic
def do_reset_two_factor(actor: Any, user: Any) -> int:
    """Remove every TOTP device of ``user`` (a lost phone); audited. Returns how many were removed."""
    devices = list(TOTPDevice.objects.filter(user=user).values_list("id", "name", "confirmed"))
    TOTPDevice.objects.filter(user=user).delete()
    audit(actor, "accounts.two_factor_reset", user, summary=f"Xóa {len(devices)} thiết bị xác thực hai bước",
          before={"devices": [{"id": d[0], "name": d[1], "confirmed": d[2]} for d in devices]}, after={"devices": []})
    return len(devices)


@transaction.atomic
def do_unlock(actor: Any, user: Any) -> int:
    """Clear the failed-login record of ``user`` (django-axes) before the cool-off ends; audited."""
    from axes.utils import reset

    count = int(reset(username=user.get_username()) or 0)
    audit(actor, "accounts.unlock", user, summary=f"Mở khóa đăng nhập ({count} lần sai được xóa)")
    return count
