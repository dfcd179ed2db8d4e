"""Shared fixtures: a data directory per session and a named cast of users.

- ``alice``: a staff member who may review and approve plans;
- ``bob``: a signed-in officer who may read but must not change plans.
"""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("ANSINH_DATA_DIR", tempfile.mkdtemp(prefix="ansinh-test-"))
os.environ.setdefault("ANSINH_ENV", "test")

from typing import Any

import pytest
from django.contrib.auth.models import Permission
from hypothesis import HealthCheck, settings

settings.register_profile("ansinh", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ansinh")

PASSWORD = "mat-khau-thu-nghiem-42"


@pytest.fixture
def alice(django_user_model: Any) -> Any:
    user = django_user_model.objects.create_user("alice", password=PASSWORD, full_name="Nguyễn Thị An")
    user.user_permissions.add(*Permission.objects.filter(codename__in=["change_plan", "view_plan"]))
    return django_user_model.objects.get(pk=user.pk)


@pytest.fixture
def bob(django_user_model: Any) -> Any:
    return django_user_model.objects.create_user("bob", password=PASSWORD, full_name="Trần Văn Bình")
