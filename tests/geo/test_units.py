"""Units are effective-dated; subtrees are path prefixes; names search without diacritics."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import IntegrityError

from ansinh.geo.models import AdministrativeUnit, kind_from_name

pytestmark = pytest.mark.django_db
OLD = dt.date(1976, 7, 2)
REFORM = dt.date(2025, 7, 1)


def test_a_unit_path_is_built_from_its_parents_codes(ward_a: Any) -> None:
    assert ward_a.path == "/VN/79/26740/"
    assert ward_a.depth == 3


def test_valid_on_treats_valid_to_as_an_exclusive_end(vn: Any, ward_a: Any) -> None:
    old = AdministrativeUnit.objects.create(
        code="26740", name="Phường Bến Nghé", level="commune", parent=vn, valid_from=OLD, valid_to=REFORM
    )
    assert list(AdministrativeUnit.objects.valid_on(REFORM - dt.timedelta(days=1)).filter(code="26740")) == [old]
    assert list(AdministrativeUnit.objects.valid_on(REFORM).filter(code="26740")) == [ward_a]
    assert old.is_valid_on(dt.date(2000, 1, 1)) and not old.is_valid_on(REFORM)


def test_the_same_code_cannot_start_twice_on_the_same_day(ward_a: Any, hcm: Any) -> None:
    with pytest.raises(IntegrityError):
        AdministrativeUnit.objects.create(code="26740", name="Trùng", level="commune", parent=hcm, valid_from=REFORM)


def test_a_unit_cannot_end_before_it_starts(hcm: Any) -> None:
    with pytest.raises(IntegrityError):
        AdministrativeUnit.objects.create(
            code="1", name="Sai", level="commune", parent=hcm, valid_from=REFORM, valid_to=REFORM
        )


def test_a_subtree_holds_the_unit_and_its_descendants_only(hcm: Any, ward_a: Any, ward_b: Any, hanoi_ward: Any) -> None:
    assert set(AdministrativeUnit.objects.subtree(hcm)) == {hcm, ward_a, ward_b}
    assert set(AdministrativeUnit.objects.subtree(hcm, include_self=False)) == {ward_a, ward_b}


def test_a_subtree_of_a_pre_2025_unit_leaves_out_units_created_after_it_ended(vn: Any, ward_a: Any) -> None:
    old_city = AdministrativeUnit.objects.create(
        code="79", name="Thành phố Hồ Chí Minh", level="province", parent=vn, valid_from=OLD, valid_to=REFORM
    )
    district = AdministrativeUnit.objects.create(
        code="760", name="Quận 1", level="district", parent=old_city, valid_from=OLD, valid_to=REFORM
    )
    assert set(AdministrativeUnit.objects.subtree(old_city)) == {old_city, district}


def test_search_ignores_case_and_diacritics(ward_a: Any, ward_b: Any, hanoi_ward: Any) -> None:
    assert list(AdministrativeUnit.objects.search("sai gon")) == [ward_a]
    assert list(AdministrativeUnit.objects.search("BẾN THÀNH")) == [ward_b]
    assert list(AdministrativeUnit.objects.search("00070")) == [hanoi_ward]
    assert not AdministrativeUnit.objects.search("  ").exists()


def test_the_kind_is_read_from_the_start_of_a_name() -> None:
    assert kind_from_name("Quận 1") == "quận"
    assert kind_from_name("Thành phố Thủ Đức") == "thành phố"
    assert kind_from_name("Phường Bến Nghé") == "phường"
    assert kind_from_name("Côn Đảo") == ""
