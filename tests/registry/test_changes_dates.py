"""Membership dates of imported persons: the start is unknown, removals from the import day, deaths before it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from ansinh.registry.changes import do_decide_change, do_file_change
from ansinh.registry.importer import import_file
from ansinh.registry.models import ChangeRequest, Household, Membership, Person
from tests.conftest import PASSWORD
from tests.registry.conftest import FAMILY

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_day")]
IMPORT_DAY = dt.date(2026, 12, 2)


@pytest.fixture
def family(ward_a: Any, write_csv: Any) -> dict[str, Person]:
    import_file(write_csv(FAMILY))  # imported today, 02/12/2026
    return {p.ma_ban_ghi: p for p in Person.objects.all()}


def client_for(user: Any) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def _approve(officer_a: Any, officer_a2: Any, kind: str, person: Person, payload: dict[str, Any], day: dt.date) -> ChangeRequest:
    change = do_file_change(officer_a, kind, person=person, payload=payload, effective_date=day, reason="Theo đơn", submit=True)
    return do_decide_change(officer_a2, change, approve=True)


def test_an_imported_membership_has_an_unknown_start_shown_as_khong_ro(family: Any, officer_a: Any) -> None:
    member = Membership.objects.get(person=family["R1"])
    assert member.start_known is False
    assert member.valid_from <= family["R1"].birth_date  # a lower bound, not the import day
    page = client_for(officer_a).get(f"/so-ho/nhan-khau/{family['R1'].registry_code}/").content.decode()
    assert "không rõ" in page


def test_a_member_imported_today_can_be_removed_with_effect_today(family: Any, officer_a: Any, officer_a2: Any) -> None:
    change = _approve(officer_a, officer_a2, "remove_member", family["R3"], {}, IMPORT_DAY)
    assert change.status == "applied"
    assert Membership.objects.get(person=family["R3"]).valid_to == IMPORT_DAY


def test_a_removal_dated_before_the_import_is_refused_in_vietnamese_and_nothing_is_filed(family: Any, officer_a: Any) -> None:
    with pytest.raises(Exception, match="không được trước ngày 02/12/2026"):
        do_file_change(officer_a, "remove_member", person=family["R3"], effective_date=dt.date(2026, 11, 1), reason="x", submit=True)
    assert ChangeRequest.objects.count() == 0
    assert Membership.objects.get(person=family["R3"]).valid_to is None


def test_a_death_before_the_import_ends_the_heads_membership_on_the_death_day(family: Any, officer_a: Any, officer_a2: Any) -> None:
    _approve(officer_a, officer_a2, "record_death", family["R1"], {"death_date": "15/10/2026"}, IMPORT_DAY)
    member = Membership.objects.get(person=family["R1"])
    assert member.valid_to == dt.date(2026, 10, 15)
    household = Household.objects.get(code="H1")
    assert household.head is None
    page = client_for(officer_a).get(f"/so-ho/ho/{household.pk}/").content.decode()
    assert "Chủ hộ đã mất (Nguyễn Văn An, ngày 15/10/2026), cần chọn chủ hộ mới." in page
    current = page.split("Thành viên hiện nay")[1].split("Thành viên trước đây")[0]
    assert "Nguyễn Văn An" not in current and "Trần Thị Bích" in current


def test_a_death_before_a_known_move_into_the_household_is_refused(family: Any, officer_a: Any, officer_a2: Any) -> None:
    h2 = Household.objects.get(code="H2")
    change = do_file_change(officer_a, "move_person", person=family["R3"], target=h2, payload={"relation": "Cháu"}, reason="x", submit=True)
    do_decide_change(officer_a2, change, approve=True)
    with pytest.raises(Exception, match="Ngày mất phải sau ngày người này vào hộ hiện tại"):
        do_file_change(officer_a, "record_death", person=Person.objects.get(pk=family["R3"].pk), payload={"death_date": "01/12/2026"}, reason="x")
    assert ChangeRequest.objects.filter(kind="record_death").count() == 0
