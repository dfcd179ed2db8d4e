"""The demo administrator: created once with a generated password, audited, and put back if changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings

from ansinh.core.demo import DEMO_USERNAME, ensure_admin
from ansinh.core.models import AuditEvent

pytestmark = pytest.mark.django_db
FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # the real hasher is slow on purpose


def test_the_demo_admin_is_created_once_and_keeps_its_password(tmp_path: Path) -> None:
    with override_settings(DATA_DIR=str(tmp_path), PASSWORD_HASHERS=FAST_HASHER):
        username, password = ensure_admin()
        assert ensure_admin() == (username, password)
        user = get_user_model().objects.get(username=DEMO_USERNAME)
        assert username == DEMO_USERNAME and user.is_superuser and user.check_password(password)
    assert (tmp_path / "demo-admin-password").read_text(encoding="utf-8").strip() == password
    assert AuditEvent.objects.filter(action="user.create_demo_admin").count() == 1
    assert not AuditEvent.objects.filter(action="user.reset_demo_admin_password").exists()


def test_a_changed_demo_password_is_put_back_and_audited(tmp_path: Path) -> None:
    with override_settings(DATA_DIR=str(tmp_path), PASSWORD_HASHERS=FAST_HASHER):
        _, password = ensure_admin()
        user = get_user_model().objects.get(username=DEMO_USERNAME)
        user.set_password("mot-mat-khau-khac-123")
        user.save()
        ensure_admin()
        user.refresh_from_db()
        assert user.check_password(password)
    assert AuditEvent.objects.filter(action="user.reset_demo_admin_password", object_id=str(user.pk)).count() == 1
