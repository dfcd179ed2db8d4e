"""The demo's registry step: simulated wards and a registry cast, created once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.test import override_settings

from ansinh.accounts.models import User
from ansinh.registry import demo
from ansinh.registry.models import Person

pytestmark = pytest.mark.django_db


def test_the_demo_step_simulates_the_wards_once(tmp_path: Path, ward_a: Any, ward_b: Any, monkeypatch: Any) -> None:
    monkeypatch.setattr(demo, "DEMO_HOUSEHOLDS", 30)
    lines: list[str] = []
    with override_settings(DATA_DIR=str(tmp_path), PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        demo.load(lines.append)
        count = Person.objects.count()
        demo.load(lines.append)
    assert count > 30 and Person.objects.count() == count
    assert Person.objects.filter(simulated=False).count() == 0
    assert {"duyet_sai_gon", "can_bo_ben_thanh"} <= set(User.objects.values_list("username", flat=True))
    assert "không tạo thêm" in lines[-1]
