"""Session idle expiry and the two-factor gate for administrators and approvers."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import reverse

from ansinh.accounts import two_factor

#: A session is re-saved (its idle deadline pushed back) at most once a minute, not on every request.
REFRESH_AFTER_SECONDS = 60
SEEN_KEY = "ansinh_seen"
#: Whether this session's user must give a one-time code, decided once at login (no query per request).
NEEDS_CODE_KEY = "ansinh_needs_code"


@receiver(user_logged_in)
def _remember_at_login(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if request is not None and hasattr(request, "session"):
        request.session[SEEN_KEY] = int(time.time())
        request.session[NEEDS_CODE_KEY] = two_factor.must_verify(user)


class IdleSessionRefresh:
    """Sessions last ``SESSION_COOKIE_AGE`` seconds after the last request, without a write per request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = request.session
        if session.session_key:
            now = int(time.time())
            if now - int(session.get(SEEN_KEY, 0)) >= REFRESH_AFTER_SECONDS:
                session[SEEN_KEY] = now  # modified: saved with a new expiry, cookie re-sent
        return self.get_response(request)


class TwoFactorRequired:
    """A signed-in user who must give a one-time code (or enrol first) can open nothing else until they do."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if not user.is_authenticated or _exempt(request.path):
            return self.get_response(request)
        needs_code = request.session.get(NEEDS_CODE_KEY)
        if needs_code is None:  # a session from before this check existed
            needs_code = request.session[NEEDS_CODE_KEY] = two_factor.must_verify(user)
        if not needs_code:
            return self.get_response(request)
        if two_factor.is_verified(request):
            return self.get_response(request)
        target = "accounts:two_factor_verify" if two_factor.has_device(user) else "accounts:two_factor_setup"
        if request.path.startswith("/api/"):
            return JsonResponse(
                {"detail": "Tài khoản này cần xác thực hai bước: đăng nhập trên web và nhập mã một lần trước, "
                           "hoặc dùng khóa API."},
                status=403,
            )
        return HttpResponseRedirect(reverse(target) + "?" + urlencode({"next": request.get_full_path()}))


def _exempt(path: str) -> bool:
    exempt = (
        reverse("accounts:two_factor_setup"),
        reverse("accounts:two_factor_verify"),
        reverse("logout"),
        reverse("login"),
        reverse("health"),
        settings.STATIC_URL,
    )
    return path.startswith(exempt)
