"""Benefits fixtures: programmes loaded, persons of ward_a, the commune chairmen.

- ``officer_a`` (ward_a) prepares dossiers and ward_a's payment lists and requests account changes;
  ``officer_a2``, a second officer of ward_a, approves them (the preparer must not); ``chairman_a``
  (ward_a) signs the decisions the authority data gives to the commune chairman; ``officer_b`` and
  ``chairman_b`` (ward_b) must not touch ward_a.
- ``grandmother``: Phạm Thị Hoa, born 1948 in ward_a, no decision.
- ``elder``: Nguyễn Văn Thọ, born 1940 in ward_a, granted K5c (≥ 80, no pension) by a decision
  signed 10/01/2024 — 360.000 until June 2024, 500.000 from July 2024.
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
    return do_decide(signer(officer, dossier, signed_on), dossier, dossier.version, signed_on=signed_on, number=number,
                     granted=True, category_code=category, conditions=conditions)


def signer(officer: Any, dossier: Any, signed_on: dt.date) -> Any:
    """Who signs: the commune's chairman when the authority data names that role on the day, else the officer."""
    from django.contrib.auth import get_user_model

    from ansinh.accounts.models import RoleAssignment
    from ansinh.benefits.actions import _in_force
    from ansinh.benefits.models import Authority

    authority = Authority.objects.filter(_in_force(signed_on), programme=dossier.programme).first()
    if authority is None or not authority.decider_role:
        return officer
    user, created = get_user_model().objects.get_or_create(username=f"chu_tich_{dossier.commune_id}", defaults={"full_name": "Chủ tịch"})
    if created:
        RoleAssignment.objects.create(user=user, role=authority.decider_role, unit_id=dossier.commune_id)
    return user


@pytest.fixture
def elder(ward_a: Any, officer_a: Any) -> Any:
    from ansinh.benefits.programmes import load_programmes

    load_programmes()
    person = make_person(ward_a, "BA1001", "Nguyễn Văn Thọ", dt.date(1940, 5, 1))
    grant(officer_a, person, "tro-cap-xa-hoi", "K5c", dt.date(2024, 1, 10), ["khong_luong_huu"], "11/QĐ")
    return person
