"""Change requests: filed, submitted, approved by a second officer and applied with history kept."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine

from ansinh.registry.changes import ChangeRefused, do_decide_change, do_file_change, do_submit_change
from ansinh.registry.importer import import_file
from ansinh.registry.models import Household, Membership, Person, PersonToken
from ansinh.registry.search import search_persons
from tests.registry.conftest import FAMILY

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_day")]


@pytest.fixture
def family(ward_a: Any, write_csv: Any) -> Any:
    with time_machine.travel(dt.datetime(2026, 11, 1, 2, 0, tzinfo=dt.UTC), tick=False):
        import_file(write_csv(FAMILY))
    return {p.ma_ban_ghi: p for p in Person.objects.all()}


def test_a_name_correction_approved_by_a_second_officer_is_applied_and_searchable(family: Any, officer_a: Any, officer_a2: Any) -> None:
    an = family["R1"]
    change = do_file_change(officer_a, "correct_person", person=an, payload={"full_name": "Nguyễn Văn Ân"}, reason="Theo giấy khai sinh", submit=True)
    assert change.before == {"full_name": "Nguyễn Văn An"}
    with pytest.raises(ChangeRefused, match="không được tự duyệt"):
        do_decide_change(officer_a, change, approve=True)
    do_decide_change(officer_a2, change, approve=True, version=change.version)
    an.refresh_from_db()
    assert (an.full_name, an.version) == ("Nguyễn Văn Ân", 2)
    assert search_persons(officer_a, "an nguyen").total == 1
    assert PersonToken.objects.filter(person=an).count() == 3


def test_a_stale_version_is_refused(family: Any, officer_a: Any, officer_a2: Any) -> None:
    change = do_file_change(officer_a, "record_death", person=family["R4"], payload={"death_date": "2026-11-20"}, reason="Giấy báo tử")
    with pytest.raises(ChangeRefused, match="phiên bản"):
        do_submit_change(officer_a, change, version=change.version + 1)


def test_a_recorded_death_marks_the_person_and_ends_the_membership_on_the_death_day(family: Any, officer_a: Any, officer_a2: Any) -> None:
    change = do_file_change(officer_a, "record_death", person=family["R4"], payload={"death_date": "20/11/2026"}, reason="Giấy báo tử")
    do_submit_change(officer_a, change)
    do_decide_change(officer_a2, change, approve=True)
    dung = Person.objects.get(pk=family["R4"].pk)
    assert (dung.alive, dung.death_date) == (False, dt.date(2026, 11, 20))
    assert Household.objects.get(code="H2").head is None
    assert list(Membership.objects.filter(person=dung).values_list("valid_to", flat=True)) == [dt.date(2026, 11, 20)]


def test_moving_a_person_keeps_the_old_membership_as_history(family: Any, officer_a: Any, officer_a2: Any) -> None:
    h2 = Household.objects.get(code="H2")
    change = do_file_change(officer_a, "move_person", person=family["R3"], target=h2, payload={"relation": "Cháu"}, reason="Chuyển về ở với ông", submit=True)
    do_decide_change(officer_a2, change, approve=True)
    rows = list(Membership.objects.filter(person=family["R3"]).order_by("valid_from"))
    assert [(m.household.code, m.valid_to) for m in rows] == [("H1", dt.date(2026, 12, 2)), ("H2", None)]
    assert rows[1].relation == "chau"


def test_split_and_merge_households(family: Any, officer_a: Any, officer_a2: Any) -> None:
    h1 = Household.objects.get(code="H1")
    cuc = family["R3"].registry_code
    split = do_file_change(officer_a, "split_household", household=h1, payload={"new_code": "H9", "members": [cuc]}, reason="Con ra ở riêng", submit=True)
    do_decide_change(officer_a2, split, approve=True)
    h9 = Household.objects.get(code="H9")
    assert h9.head == family["R3"]
    merge = do_file_change(officer_a, "merge_households", household=h9, target=h1, reason="Về lại hộ cũ", submit=True)
    do_decide_change(officer_a2, merge, approve=True)
    h9.refresh_from_db()
    assert h9.deleted_at is not None
    assert Membership.objects.filter(household=h1, valid_to__isnull=True).count() == 3


def test_adding_a_member_gives_a_new_registry_code(family: Any, officer_a: Any, officer_a2: Any) -> None:
    h1 = Household.objects.get(code="H1")
    change = do_file_change(officer_a, "add_member", household=h1, payload={"full_name": "Nguyễn Minh Đức", "birth_date": "2026-10-01", "sex": "Nam", "relation": "Cháu"}, reason="Mới sinh", submit=True)
    do_decide_change(officer_a2, change, approve=True)
    change.refresh_from_db()
    assert change.person is not None and change.person.registry_code.startswith("AS")
    assert change.status == "applied"


@pytest.mark.parametrize(
    ("kind", "payload", "message"),
    [
        ("correct_person", {"personal_id": "07907001234"}, "12 chữ số"),
        ("correct_person", {"birth_date": "2099-01-01"}, "tương lai"),
        ("correct_person", {"full_name": "Nguyễn Văn An"}, "Không có thông tin nào khác"),
        ("record_death", {"death_date": "1900-01-01"}, "trước ngày sinh"),
    ],
)
def test_a_bad_payload_is_refused_in_vietnamese_and_nothing_is_filed(family: Any, officer_a: Any, kind: str, payload: dict, message: str) -> None:
    from ansinh.registry.models import ChangeRequest

    with pytest.raises(Exception, match=message):
        do_file_change(officer_a, kind, person=family["R1"], payload=payload, reason="Thử")
    assert ChangeRequest.objects.count() == 0


def test_an_officer_of_another_ward_cannot_file_a_change(family: Any, officer_b: Any) -> None:
    with pytest.raises(ChangeRefused, match="không có quyền"):
        do_file_change(officer_b, "record_death", person=family["R1"], payload={"death_date": "2026-11-20"}, reason="x")


def test_rejecting_needs_a_reason(family: Any, officer_a: Any, officer_a2: Any) -> None:
    change = do_file_change(officer_a, "record_death", person=family["R4"], payload={"death_date": "2026-11-20"}, reason="x", submit=True)
    with pytest.raises(ChangeRefused, match="lý do"):
        do_decide_change(officer_a2, change, approve=False)
    do_decide_change(officer_a2, change, approve=False, note="Chưa có giấy báo tử")
    assert Person.objects.get(pk=family["R4"].pk).alive
