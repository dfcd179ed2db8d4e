"""Authentication for the JSON API: an API key (``Authorization: Bearer ansinh_…``) or the session.

A key acts as its user: ``request.user`` is set, so every ``access_*`` check applies the user's
roles and scope exactly as on the web. Key requests need no CSRF token (they carry no cookie).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer, django_auth

from ansinh.accounts.tokens import user_for_key


class ApiKeyAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = user_for_key(token)
        if user is None:
            return None
        request.user = user
        return user


API_AUTH: list[Any] = [ApiKeyAuth(), django_auth]
