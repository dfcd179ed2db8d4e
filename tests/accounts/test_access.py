"""Scope rules, as sentences: who may read and who may write which unit's data."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.core.exceptions import PermissionDenied

from ansinh.accounts import access
from ansinh.accounts.models import RoleAssignment

pytestmark = pytest.mark.django_db


def test_a_commune_officer_reads_and_writes_their_own_commune(officer_a: Any, ward_a: Any) -> None:
    assert access.can_read_unit(officer_a, ward_a)
    assert access.can_write_unit(officer_a, ward_a)
    assert list(access.readable_units(officer_a)) == [ward_a]


def test_a_commune_officer_cannot_read_another_commune(officer_a: Any, ward_b: Any, hanoi_ward: Any) -> None:
    assert not access.can_read_unit(officer_a, ward_b)
    assert not access.can_read_unit(officer_a, hanoi_ward)
    with pytest.raises(PermissionDenied, match="không có quyền xem dữ liệu của Phường Bến Thành"):
        access.require_read_unit(officer_a, ward_b)


def test_a_commune_officer_cannot_read_their_province(officer_a: Any, hcm: Any) -> None:
    assert not access.can_read_unit(officer_a, hcm)


def test_a_standing_officer_reads_and_writes_the_whole_city_but_not_another_province(
    hcm_standing: Any, hcm: Any, ward_a: Any, ward_b: Any, hanoi_ward: Any
) -> None:
    assert set(access.readable_units(hcm_standing)) == {hcm, ward_a, ward_b}
    assert set(access.writable_units(hcm_standing)) == {hcm, ward_a, ward_b}
    assert not access.can_read_unit(hcm_standing, hanoi_ward)


def test_a_supervisor_may_read_but_not_write(supervisor: Any, hcm: Any, ward_a: Any) -> None:
    assert access.can_read_unit(supervisor, ward_a)
    assert access.can_read_unit(supervisor, hcm)
    assert not access.can_write_unit(supervisor, ward_a)
    assert not access.writable_units(supervisor).exists()
    with pytest.raises(PermissionDenied, match="chỉ được xem"):
        access.require_write_unit(supervisor, ward_a)


def test_an_admin_reads_and_writes_every_unit(hcm_admin: Any, ward_a: Any, hanoi_ward: Any) -> None:
    assert access.can_write_unit(hcm_admin, hanoi_ward)
    assert access.readable_units(hcm_admin).count() == access.writable_units(hcm_admin).count() >= 5


def test_a_superuser_counts_as_admin(django_user_model: Any, hanoi_ward: Any) -> None:
    root = django_user_model.objects.create_superuser("root", password="x-very-long-pass")
    assert access.can_write_unit(root, hanoi_ward)
    assert access.is_admin(root)


def test_a_user_without_roles_and_an_anonymous_user_see_nothing(bob: Any, ward_a: Any) -> None:
    from django.contrib.auth.models import AnonymousUser

    assert not access.readable_units(bob).exists()
    assert not access.readable_units(AnonymousUser()).exists()
    assert not access.can_read_unit(AnonymousUser(), ward_a)
    with pytest.raises(PermissionDenied, match="không có quyền nhập hoặc sửa"):
        access.require_write_unit(bob, ward_a)


def test_an_inactive_user_loses_their_scope(officer_a: Any, ward_a: Any) -> None:
    officer_a.is_active = False
    officer_a.save()
    assert not access.can_read_unit(officer_a, ward_a)


def test_an_agency_officer_reads_the_subtree_of_the_agencys_unit(django_user_model: Any, hcm: Any, ward_b: Any) -> None:
    from ansinh.geo.models import Agency

    agency = Agency.objects.create(code="79-SYT", name="Sở Y tế", kind="department", unit=hcm, valid_from=hcm.valid_from)
    user = django_user_model.objects.create_user("syt", password="x-very-long-pass")
    RoleAssignment.objects.create(user=user, role="agency", agency=agency)
    assert access.can_write_unit(user, ward_b)


def test_a_role_counts_only_while_it_is_in_force(officer_a: Any, ward_a: Any) -> None:
    RoleAssignment.objects.filter(user=officer_a).update(valid_from=dt.date(2026, 1, 1), valid_to=dt.date(2027, 1, 1))
    with time_machine.travel(dt.datetime(2025, 12, 31, 12, tzinfo=dt.UTC), tick=False):
        assert not access.can_read_unit(officer_a, ward_a)
    with time_machine.travel(dt.datetime(2026, 6, 1, 12, tzinfo=dt.UTC), tick=False):
        assert access.can_read_unit(officer_a, ward_a)
    with time_machine.travel(dt.datetime(2027, 1, 1, 12, tzinfo=dt.UTC), tick=False):
        assert not access.can_read_unit(officer_a, ward_a)
        assert not access.roles_of(officer_a).exists()


def test_a_standing_officer_is_standing_for_their_plan_only(django_user_model: Any, hcm: Any) -> None:
    from ansinh.plans.models import Plan

    mine = Plan.objects.create(title="Kế hoạch A")
    other = Plan.objects.create(title="Kế hoạch B")
    user = django_user_model.objects.create_user("tt", password="x-very-long-pass")
    RoleAssignment.objects.create(user=user, role="standing", unit=hcm, plan=mine)
    assert access.is_standing_officer(user, mine)
    assert not access.is_standing_officer(user, other)


def test_a_standing_officer_without_a_plan_stands_for_every_plan(hcm_standing: Any, officer_a: Any) -> None:
    from ansinh.plans.models import Plan

    plan = Plan.objects.create(title="Kế hoạch A")
    assert access.is_standing_officer(hcm_standing, plan)
    assert not access.is_standing_officer(officer_a, plan)


def test_the_cast_can_sign_in_with_the_shared_password(client: Any, officer_a: Any) -> None:
    from tests.conftest import PASSWORD

    assert client.login(username="officer_a", password=PASSWORD)


def test_city_officers_also_read_the_pre_2025_units_filed_under_their_city(
    hcm_standing: Any, officer_a: Any, vn: Any
) -> None:
    from ansinh.geo.models import AdministrativeUnit

    old_city = AdministrativeUnit.objects.create(
        code="79", name="Thành phố Hồ Chí Minh", level="province", parent=vn,
        valid_from=dt.date(1976, 7, 2), valid_to=dt.date(2025, 7, 1),
    )
    district = AdministrativeUnit.objects.create(
        code="760", name="Quận 1", level="district", parent=old_city,
        valid_from=dt.date(1976, 7, 2), valid_to=dt.date(2025, 7, 1),
    )
    old_ward = AdministrativeUnit.objects.create(
        code="26740", name="Phường Bến Nghé", level="commune", parent=district,
        valid_from=dt.date(1976, 7, 2), valid_to=dt.date(2025, 7, 1),
    )
    assert old_ward.path == "/VN/79/760/26740/"
    assert access.can_read_unit(hcm_standing, old_ward)
    assert not access.can_read_unit(officer_a, old_ward)
    assert not access.can_write_unit(officer_a, old_city)


REFORM = dt.date(2025, 7, 1)


def _old_ward(code: str, name: str, vn: Any) -> Any:
    from ansinh.geo.models import AdministrativeUnit

    old_city = AdministrativeUnit.objects.filter(code="79-old").first() or AdministrativeUnit.objects.create(
        code="79-old", name="TP. Hồ Chí Minh (cũ)", level="province", parent=vn, valid_from=dt.date(1976, 7, 2), valid_to=REFORM
    )
    return AdministrativeUnit.objects.create(
        code=code, name=name, level="commune", parent=old_city, valid_from=dt.date(1976, 7, 2), valid_to=REFORM
    )


def test_a_ward_officer_reads_but_never_writes_the_old_wards_their_ward_took_over(
    officer_a: Any, ward_a: Any, ward_b: Any, vn: Any
) -> None:
    from ansinh.geo.models import UnitCrosswalk

    taken_over = _old_ward("26734", "Phường Tân Định", vn)
    split = _old_ward("26746", "Phường Nguyễn Thái Bình", vn)
    elsewhere = _old_ward("26749", "Phường Phạm Ngũ Lão", vn)
    for old, new, weight in ((taken_over, ward_a, 1.0), (split, ward_a, 0.5), (split, ward_b, 0.5), (elsewhere, ward_b, 1.0)):
        UnitCrosswalk.objects.create(predecessor=old, successor=new, weight=weight, effective=REFORM)
    assert set(access.readable_units(officer_a)) == {ward_a, taken_over, split}
    assert not access.can_read_unit(officer_a, elsewhere)
    assert not access.can_write_unit(officer_a, taken_over)
    with pytest.raises(PermissionDenied, match="chỉ được xem"):
        access.require_write_unit(officer_a, split)


def test_reading_follows_a_chain_of_crosswalks(officer_a: Any, ward_a: Any, vn: Any) -> None:
    from ansinh.geo.models import UnitCrosswalk

    middle = _old_ward("26737", "Phường Đa Kao", vn)
    oldest = _old_ward("26700", "Phường Đa Kao cũ (trước 2019)", vn)
    UnitCrosswalk.objects.create(predecessor=oldest, successor=middle, weight=1.0, effective=dt.date(2019, 12, 1))
    UnitCrosswalk.objects.create(predecessor=middle, successor=ward_a, weight=1.0, effective=REFORM)
    assert {middle, oldest} <= set(access.readable_units(officer_a))
