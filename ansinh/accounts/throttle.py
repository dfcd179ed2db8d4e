"""Login throttling with django-axes: the backend that refuses locked-out names, and the Vietnamese answer."""

from __future__ import annotations

from typing import Any

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from ansinh.accounts.forms import LoginForm


def lockout_message() -> str:
    minutes = round(float(settings.AXES_COOLOFF_TIME) * 60)
    return (
        f"Tài khoản tạm bị khóa vì nhập sai mật khẩu {settings.AXES_FAILURE_LIMIT} lần liên tiếp. "
        f"Hãy thử lại sau {minutes} phút, hoặc liên hệ quản trị viên để mở khóa."
    )


class ThrottledLogins(AxesStandaloneBackend):
    """django-axes' check before the password; calls without a request (scripts, the test client) pass through."""

    def authenticate(self, request: HttpRequest | None, username: str | None = None,
                     password: str | None = None, **kwargs: Any) -> None:
        if request is None:
            return None
        super().authenticate(request, username=username, password=password, **kwargs)
        return None


def locked_out(request: HttpRequest, original_response: HttpResponse | None = None,
               credentials: dict[str, Any] | None = None) -> HttpResponse:
    """The answer to a locked-out login: the login page with the message (429), or JSON for the API."""
    message = lockout_message()
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message}, status=429)
    form = LoginForm(request, initial={"username": request.POST.get("username", "")})
    return render(request, "core/login.html", {"form": form, "lockout": message, "next": request.POST.get("next", "")},
                  status=429)
