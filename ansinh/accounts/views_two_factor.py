"""Enrolment (QR code and the key as text) and verification of the one-time code after the password."""

from __future__ import annotations

import base64

import segno
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme

from ansinh.accounts import two_factor
from ansinh.accounts.two_factor import TwoFactorError


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return "/"
    return target


def _login_required(request: HttpRequest) -> HttpResponse | None:
    if not request.user.is_authenticated:
        return HttpResponseRedirect(f"/dang-nhap/?next={request.path}")
    return None


def setup(request: HttpRequest) -> HttpResponse:
    if (refused := _login_required(request)) is not None:
        return refused
    if two_factor.has_device(request.user):
        return render(request, "accounts/two_factor_setup.html", {"enrolled": True, "next": _next(request)})
    device = two_factor.pending_device(request.user)
    error, status = "", 200
    if request.method == "POST":
        try:
            two_factor.do_confirm_device(request, request.POST.get("code", ""))
            return HttpResponseRedirect(_next(request))
        except TwoFactorError as err:
            error, status = err.message, 400
    secret = base64.b32encode(device.bin_key).decode("ascii")
    qr = segno.make(device.config_url, error="m").svg_inline(scale=4, title="Mã QR đăng ký xác thực hai bước")
    context = {
        "enrolled": False,
        "qr_svg": qr,
        "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        "error": error,
        "next": _next(request),
        "required": two_factor.must_verify(request.user),
    }
    return render(request, "accounts/two_factor_setup.html", context, status=status)


def verify(request: HttpRequest) -> HttpResponse:
    if (refused := _login_required(request)) is not None:
        return refused
    if not two_factor.has_device(request.user):
        return HttpResponseRedirect("/tai-khoan/xac-thuc-hai-buoc/")
    error, status = "", 200
    if request.method == "POST":
        try:
            two_factor.do_verify(request, request.POST.get("code", ""))
            return HttpResponseRedirect(_next(request))
        except TwoFactorError as err:
            error, status = err.message, 400
    return render(request, "accounts/two_factor_verify.html", {"error": error, "next": _next(request)}, status=status)
