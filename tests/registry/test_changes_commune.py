"""Moving a household to another commune: the household and its current members move together, audited."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from ansinh.core.models import AuditEvent
from ansinh.registry.changes import ChangeRefused, do_decide_change, do_file_change
from ansinh.registry.models import ChangeRequest, Household, Membership, Person
from tests.conftest import PASSWORD, _officer

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_day")]


def _both_wards(django_user_model: Any, username: str, ward_a: Any, ward_b: Any) -> Any:
    """An officer who may write ward_a and ward_b (the case the model supports: one person writes both)."""
    from ansinh.accounts.models import RoleAssignment

    user = _officer(django_user_model, username, "Cán Bộ Hai Phường", "commune", ward_a)
    RoleAssignment.objects.create(user=user, role="commune", unit=ward_b)
    return user


@pytest.fixture
def filer(django_user_model: Any, ward_a: Any, ward_b: Any) -> Any:
    return _both_wards(django_user_model, "filer_ab", ward_a, ward_b)


@pytest.fixture
def approver(django_user_model: Any, ward_a: Any, ward_b: Any) -> Any:
    return _both_wards(django_user_model, "approver_ab", ward_a, ward_b)


def client_for(user: Any) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def test_an_approved_move_to_another_ward_moves_the_household_and_its_members(family: Any, filer: Any, approver: Any, ward_b: Any) -> None:
    h1 = Household.objects.get(code="H1")
    change = do_file_change(filer, "move_household", household=h1, payload={"new_commune": "26743", "address": "3 Lê Thánh Tôn"}, reason="Chuyển nơi ở", submit=True)
    assert change.before["commune_code"] == "26740"
    do_decide_change(approver, change, approve=True)
    h1.refresh_from_db()
    assert (h1.commune_id, h1.address, h1.version) == (ward_b.pk, "3 Lê Thánh Tôn", 2)
    members = Person.objects.filter(memberships__household=h1)
    assert {p.commune_id for p in members} == {ward_b.pk} and {p.version for p in members} == {2}
    assert Person.objects.get(pk=family["R4"].pk).commune_id != ward_b.pk  # H2 stays
    assert Membership.objects.filter(household=h1, valid_to__isnull=True).count() == 3
    event = AuditEvent.objects.filter(action="registry.change_apply").get()
    assert event.after["commune_code"] == "26743"


def test_an_officer_of_one_ward_cannot_move_a_household_into_another(family: Any, officer_a: Any) -> None:
    with pytest.raises(ChangeRefused, match="không có quyền ghi dữ liệu hộ, nhân khẩu của Phường Bến Thành"):
        do_file_change(officer_a, "move_household", household=Household.objects.get(code="H1"), payload={"new_commune": "26743"}, reason="x")
    assert ChangeRequest.objects.count() == 0


def test_an_approver_who_cannot_write_the_new_ward_cannot_approve_the_move(family: Any, filer: Any, officer_a2: Any) -> None:
    h1 = Household.objects.get(code="H1")
    change = do_file_change(filer, "move_household", household=h1, payload={"new_commune": "26743"}, reason="x", submit=True)
    with pytest.raises(ChangeRefused, match="không có quyền"):
        do_decide_change(officer_a2, change, approve=True)
    h1.refresh_from_db()
    assert h1.commune.code == "26740"


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("99999", "Không có đơn vị hành chính nào mã «99999»"),
        ("79", "không phải xã, phường"),
        ("26740", "phải khác xã, phường hiện tại"),
    ],
)
def test_a_bad_new_commune_in_the_web_form_is_refused_in_vietnamese_and_nothing_is_filed(
    family: Any, filer: Any, code: str, message: str
) -> None:
    h1 = Household.objects.get(code="H1")
    response = client_for(filer).post(f"/so-ho/ho/{h1.pk}/thay-doi/", {
        "kind": "move_household", "new_commune": code, "effective_date": "2026-12-02", "reason": "Chuyển nơi ở",
    })
    assert response.status_code == 400
    assert message in response.content.decode()
    assert ChangeRequest.objects.count() == 0


def test_a_household_code_already_used_in_the_new_ward_is_refused(family: Any, filer: Any, ward_b: Any) -> None:
    Household.objects.create(code="H1", commune=ward_b, province_code="79")
    with pytest.raises(Exception, match="đã có hộ mã «H1»"):
        do_file_change(filer, "move_household", household=Household.objects.get(code="H1", commune__code="26740"), payload={"new_commune": "26743"}, reason="x")


def test_the_move_form_offers_a_commune_picker_listing_only_writable_wards(family: Any, officer_a: Any) -> None:
    h1 = Household.objects.get(code="H1")
    page = client_for(officer_a).get(f"/so-ho/ho/{h1.pk}/thay-doi/", {"xa-moi-q": "phuong"}).content.decode()
    assert 'name="new_commune"' in page and "data-unit-picker" in page
    found = page.split("Kết quả tìm")[1]
    assert "Phường Sài Gòn" in found and "Phường Bến Thành" not in found


@pytest.mark.parametrize(("who", "form", "message"), [
    ("R3", {"kind": "remove_member", "effective_date": "2026-11-01", "reason": "Theo đơn"},
     "Ngày có hiệu lực không được trước ngày 02/12/2026"),  # a removal dated before the import
    ("R1", {"kind": "record_death", "death_date": "01/01/2027", "reason": "Giấy báo tử"},
     "Ngày mất không hợp lệ"),  # a death date in the future
])
def test_an_impossible_date_in_the_web_form_is_refused_and_nothing_is_filed(
    family: Any, officer_a: Any, who: str, form: dict[str, str], message: str
) -> None:
    response = client_for(officer_a).post(f"/so-ho/nhan-khau/{family[who].registry_code}/thay-doi/", form)
    assert response.status_code == 400 and message in response.content.decode()
    assert ChangeRequest.objects.count() == 0


def test_the_person_change_form_has_no_commune_picker(family: Any, officer_a: Any) -> None:
    page = client_for(officer_a).get(f"/so-ho/nhan-khau/{family['R3'].registry_code}/thay-doi/").content.decode()
    assert 'name="new_commune"' not in page
