"""``ansinh benefits entitlement CODE --month YYYY-MM``: a registry person's explained amount, in scope.

The cast is tests/conftest.py's: ``officer_a`` (ward_a) may read the grandmother; ``officer_b`` (ward_b) must not.
"""

from __future__ import annotations

import datetime as dt
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command

from ansinh.core.commands import Failure
from ansinh.registry.models import PersonAccess

pytestmark = pytest.mark.django_db


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("benefits", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def refused(*args: str) -> str:
    err = StringIO()
    with pytest.raises(Failure):
        call_command("benefits", *args, stdout=StringIO(), stderr=err)
    return err.getvalue()


@pytest.fixture
def grandmother(ward_a: Any) -> Any:
    """Aged 72 in September 2025, in a household recognised near-poor for 2025 from 15/08/2025."""
    from ansinh.poverty.models import HouseholdStatus, Standard
    from ansinh.poverty.standards import load_standards
    from ansinh.registry.models import Household, Membership, Person

    load_standards()
    hh = Household.objects.create(code="HB1", commune=ward_a, province_code="79", area="thanh_thi")
    person = Person.objects.create(
        registry_code="BA0001", full_name="Lê Thị Bà", name_folded="le thi ba", sex="nu", commune=ward_a,
        province_code="79", birth_date=dt.date(1953, 3, 10),
    )
    Membership.objects.create(person=person, household=hh, relation="chu_ho", valid_from=dt.date(2000, 1, 1), province_code="79")
    HouseholdStatus.objects.create(
        household=hh, commune=ward_a, province_code="79", year=2025, standard=Standard.objects.get(code="nd07-2021"),
        klass="can_ngheo", valid_from=dt.date(2025, 8, 15),
    )
    return person


def test_a_72_year_old_in_a_near_poor_household_is_shown_500_000_social_pension_with_its_source(grandmother: Any) -> None:
    out, _ = run("entitlement", "BA0001", "--month", "2025-09", "--dieu-kien", "khong_luong_huu")
    assert "hộ cận nghèo" in out
    assert "Trợ cấp hưu trí xã hội" in out and "176/2025" in out
    assert "Tổng: 500.000 đồng/tháng" in out


def test_before_the_household_was_recognised_near_poor_she_gets_nothing(grandmother: Any) -> None:
    out, _ = run("entitlement", "BA0001", "--month", "2025-08", "--dieu-kien", "khong_luong_huu")
    assert "chưa có kết quả rà soát" in out and "Tổng: 0 đồng/tháng" in out


def test_without_the_no_pension_condition_she_gets_nothing(grandmother: Any) -> None:
    out, _ = run("entitlement", "BA0001", "--month", "2025-09")
    assert "Không đủ điều kiện" in out


def test_an_amount_resting_on_an_unverified_coefficient_says_so(grandmother: Any) -> None:
    out, _ = run("entitlement", "BA0001", "--month", "2025-09", "--dieu-kien", "khuyet_tat_nang")
    assert "Tổng: 1.000.000 đồng/tháng (có mức chưa xác minh)" in out


def test_the_officer_of_her_ward_may_see_her_entitlement_and_the_read_is_logged(grandmother: Any, officer_a: Any) -> None:
    out, _ = run("entitlement", "BA0001", "--month", "2025-09", "--dieu-kien", "khong_luong_huu", "--user", officer_a.username)
    assert "500.000" in out
    access = PersonAccess.objects.get()
    assert access.user == officer_a and "09/2025" in access.purpose


def test_an_officer_of_another_ward_cannot_see_her_entitlement(grandmother: Any, officer_b: Any) -> None:
    err = refused("entitlement", "BA0001", "--month", "2025-09", "--user", officer_b.username)
    assert "không có quyền xem" in err
    assert not PersonAccess.objects.exists()


def test_an_unknown_code_is_refused_in_vietnamese(grandmother: Any) -> None:
    assert "Không có nhân khẩu mã số an sinh «ZZ9999»" in refused("entitlement", "ZZ9999", "--month", "2025-09")


@pytest.mark.parametrize("month", ["2025-13", "2025-00", "09/2025", "2025-9", "tháng chín", "1800-01"])
def test_a_bad_month_is_refused_in_vietnamese_and_nothing_is_logged(grandmother: Any, month: str) -> None:
    assert "Tháng «" in refused("entitlement", "BA0001", "--month", month)
    assert not PersonAccess.objects.exists()


def test_an_unknown_user_is_refused_in_vietnamese(grandmother: Any) -> None:
    assert "Không có người dùng «ai_do»" in refused("entitlement", "BA0001", "--month", "2025-09", "--user", "ai_do")


def test_zero_children_is_refused(grandmother: Any) -> None:
    assert "Số con phải từ 1" in refused("entitlement", "BA0001", "--month", "2025-09", "--so-con", "0")


def test_a_person_recorded_as_deceased_is_paid_through_the_month_of_death_only(grandmother: Any) -> None:
    grandmother.alive, grandmother.death_date = False, dt.date(2025, 10, 20)
    grandmother.save()
    out, _ = run("entitlement", "BA0001", "--month", "2025-10", "--dieu-kien", "khong_luong_huu")
    assert "Tổng: 500.000" in out
    out, _ = run("entitlement", "BA0001", "--month", "2025-11", "--dieu-kien", "khong_luong_huu")
    assert "thôi hưởng" in out and "Tổng: 0 đồng/tháng" in out
