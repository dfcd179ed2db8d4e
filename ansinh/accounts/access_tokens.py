"""The API keys a signed-in user may see and revoke: their own only (admins use ``ansinh user token``)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from ansinh.accounts.access import signed_in
from ansinh.accounts.models import ApiToken


def access_own_tokens(user: Any) -> QuerySet[ApiToken]:
    if not signed_in(user):
        return ApiToken.objects.none()
    return ApiToken.objects.filter(user=user)


def access_own_token(user: Any, token_id: int) -> ApiToken:
    token = access_own_tokens(user).filter(pk=token_id).first()
    if token is None:
        raise Http404("Không tìm thấy khóa API này trong tài khoản của bạn.")
    return token
