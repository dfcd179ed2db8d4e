"""Benefits fixtures for the payment tests.

- ``officer_a`` prepares ward_a's lists and requests account changes; ``officer_a2``, a second
  officer of ward_a, approves them (the preparer must not); ``officer_b`` (ward_b) must not touch ward_a.
- ``elder``: Nguyễn Văn Thọ, born 1940 in ward_a, granted K5c (≥ 80, no pension) by a decision
  signed 10/01/2024 — 360.000 until June 2024, 500.000 from July 2024.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest


@pytest.fixture
def officer_a2(django_user_model: Any, ward_a: Any) -> Any:
    from tests.conftest import _officer

    return _officer(django_user_model, "officer_a2", "Võ Thị Duyệt", "commune", ward_a)


def make_person(commune: Any, code: str, name: str, birth: dt.date, **extra: Any) -> Any:
    from ansinh.registry.models import Person

    return Person.objects.create(
        registry_code=code, full_name=name, name_folded=name.lower(), sex="nam", commune=commune,
        province_code="79", birth_date=birth, **extra,
    )


def grant(officer: Any, person: Any, programme: str, category: str, signed_on: dt.date, conditions: list[str], number: str) -> Any:
    from ansinh.benefits.actions import do_decide, do_file_dossier

    dossier = do_file_dossier(officer, person, programme, signed_on - dt.timedelta(days=3))
    return do_decide(officer, dossier, dossier.version, signed_on=signed_on, number=number, granted=True,
                     category_code=category, conditions=conditions)


@pytest.fixture
def elder(ward_a: Any, officer_a: Any) -> Any:
    from ansinh.benefits.programmes import load_programmes

    load_programmes()
    person = make_person(ward_a, "BA1001", "Nguyễn Văn Thọ", dt.date(1940, 5, 1))
    grant(officer_a, person, "tro-cap-xa-hoi", "K5c", dt.date(2024, 1, 10), ["khong_luong_huu"], "11/QĐ")
    return person
