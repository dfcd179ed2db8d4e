"""API keys: making them, and finding the user behind one (``Authorization: Bearer ansinh_…``).

A key is ``ansinh_`` followed by 43 URL-safe characters (256 random bits). Only its SHA-256 digest
is stored: with that much entropy a slow password hash adds nothing, and the lookup stays one
indexed query per request. ``last_used_at`` is written at most once a minute per key.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.utils import timezone

from ansinh.accounts.models import ApiToken, User

KEY_PREFIX = "ansinh_"
PREFIX_LENGTH = 12  # "ansinh_" and the first 5 random characters: enough to tell keys apart in a list
TOUCH_EVERY = dt.timedelta(minutes=1)


def new_key() -> str:
    return KEY_PREFIX + secrets.token_urlsafe(32)


def digest_of(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def user_for_key(key: str) -> User | None:
    """The active user an unrevoked key belongs to, or None."""
    key = key.strip()
    if not key.startswith(KEY_PREFIX) or len(key) > 200:
        return None
    digest = digest_of(key)
    token = ApiToken.objects.select_related("user").filter(digest=digest, revoked_at__isnull=True).first()
    if token is None or not token.user.is_active:  # found by its digest (unique): nothing left to compare
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > TOUCH_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
