"""The demo's test accounts: one who may write a ward's reports, one who may only read the city."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.test import override_settings

from ansinh.accounts import access
from ansinh.accounts.demo import ensure_cast
from ansinh.accounts.models import User

pytestmark = pytest.mark.django_db
FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_the_demo_cast_is_created_once_with_its_scopes(tmp_path: Path, hcm: Any, ward_a: Any, ward_b: Any) -> None:
    lines: list[str] = []
    with override_settings(DATA_DIR=str(tmp_path), PASSWORD_HASHERS=FAST_HASHER):
        ensure_cast(lines.append)
        ensure_cast(lines.append)
        password = (tmp_path / "demo-admin-password").read_text(encoding="utf-8").strip()
        officer = User.objects.get(username="can_bo_sai_gon")
        supervisor = User.objects.get(username="giam_sat_hcm")
        assert officer.check_password(password) and supervisor.check_password(password)
    assert User.objects.count() == 2
    assert access.can_write_unit(officer, ward_a) and not access.can_read_unit(officer, ward_b)
    assert access.can_read_unit(supervisor, ward_b) and not access.writable_units(supervisor).exists()
    assert lines[0] == "  «can_bo_sai_gon»: Cán bộ xã, phường tại Phường Sài Gòn"


def test_without_units_the_cast_is_not_created(tmp_path: Path) -> None:
    with override_settings(DATA_DIR=str(tmp_path), PASSWORD_HASHERS=FAST_HASHER):
        ensure_cast(lambda line: None)
    assert not User.objects.exists()


def test_another_demo_steps_cast_names_only_the_accounts_it_creates_when_asked(tmp_path: Path, hcm: Any,
                                                                                  ward_a: Any) -> None:
    cast = (("thu_ky_sai_gon", "Thư ký Phường Sài Gòn (demo)", "commune", "26740"),)
    lines: list[str] = []
    with override_settings(DATA_DIR=str(tmp_path), PASSWORD_HASHERS=FAST_HASHER):
        ensure_cast(lines.append, cast, only_new=True)
        ensure_cast(lines.append, cast, only_new=True)
    assert lines == ["  «thu_ky_sai_gon»: Cán bộ xã, phường tại Phường Sài Gòn"]
    assert list(User.objects.values_list("username", flat=True)) == ["thu_ky_sai_gon"]
