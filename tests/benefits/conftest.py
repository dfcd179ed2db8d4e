"""Benefits fixtures: programmes loaded, a grandmother of ward_a, and the commune chairmen.

``officer_a`` (ward_a) prepares dossiers; ``chairman_a`` (ward_a) decides; ``officer_b`` and
``chairman_b`` (ward_b) must not touch ward_a's dossiers.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.conftest import _officer


@pytest.fixture
def chairman_a(django_user_model: Any, ward_a: Any) -> Any:
    return _officer(django_user_model, "chairman_a", "Trần Văn Chủ Tịch", "chairman", ward_a)


@pytest.fixture
def chairman_b(django_user_model: Any, ward_b: Any) -> Any:
    return _officer(django_user_model, "chairman_b", "Lý Thị Chủ Tịch", "chairman", ward_b)


@pytest.fixture
def grandmother(ward_a: Any) -> Any:
    from ansinh.benefits.programmes import load_programmes
    from ansinh.registry.models import Person

    load_programmes()
    return Person.objects.create(
        registry_code="BA0002", full_name="Phạm Thị Hoa", name_folded="pham thi hoa", sex="nu", commune=ward_a,
        province_code="79", birth_date=dt.date(1948, 3, 10),
    )
