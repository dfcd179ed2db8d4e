"""Poverty fixtures: standards loaded, three households of ward_a (the cast is tests/conftest.py's).

``officer_a`` (ward_a) runs the review; ``officer_b`` (ward_b) must not touch it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest


@pytest.fixture
def standards(db: Any) -> None:
    from ansinh.poverty.standards import load_standards

    load_standards()


@pytest.fixture
def households(ward_a: Any, standards: None) -> list[Any]:
    from ansinh.registry.models import Household, Membership, Person

    out = []
    for i, area in enumerate(["thanh_thi", "thanh_thi", "nong_thon"]):
        hh = Household.objects.create(code=f"H{i + 1}", commune=ward_a, province_code="79", area=area)
        head = Person.objects.create(
            registry_code=f"T{i}", full_name=f"Người {i}", name_folded=f"nguoi {i}", sex="nam", commune=ward_a,
            province_code="79", ethnicity="Kinh" if i else "Khmer",
        )
        Membership.objects.create(person=head, household=hh, relation="chu_ho", valid_from=dt.date(2020, 1, 1), province_code="79")
        hh.head = head
        hh.save()
        out.append(hh)
    return out


@pytest.fixture
def chairman_a(django_user_model: Any, ward_a: Any) -> Any:
    """The chairman of ward_a's People's Committee: the competent authority for its recognition since 1/7/2025."""
    from tests.conftest import _officer

    return _officer(django_user_model, "chairman_a", "Trần Văn Chủ Tịch", "chairman", ward_a)


@pytest.fixture
def chairman_b(django_user_model: Any, ward_b: Any) -> Any:
    """The chairman of ward_b: must not recognise ward_a's lists."""
    from tests.conftest import _officer

    return _officer(django_user_model, "chairman_b", "Lý Thị Bến Thành", "chairman", ward_b)
