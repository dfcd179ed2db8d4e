"""The review queue: a pair side by side, "same person" merges (undoable), "different people" is remembered."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from ansinh.core.models import AuditEvent
from ansinh.registry.dedup.actions import PairRefused, do_mark_different, do_merge, do_undo_merge
from ansinh.registry.dedup.models import DuplicatePair, PairStatus, PersonMerge
from ansinh.registry.models import Household, Membership, Person
from tests.registry.conftest import FAMILY

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(ward_a: Any, write_csv: Any) -> DuplicatePair:
    from django.core.management import call_command

    rows = [*FAMILY, ["R9", "H9", "26740", "thanh_thi", "1 Pasteur", "Nguyen Van An", "1970-04-03", "Nam", "", "Chủ hộ", "Kinh", ""]]
    call_command("registry", "import", str(write_csv(rows)))
    a = Person.objects.get(ma_ban_ghi="R1")
    b = Person.objects.get(ma_ban_ghi="R9")
    return DuplicatePair.objects.create(
        person_a=a, person_b=b, commune=ward_a, province_code=a.province_code, match_probability=0.993, match_weight=7.2,
        weights={"ho_ten": 5.1, "ngay_sinh": 3.0, "gioi_tinh": 0.9, "so_dinh_danh": 0.0, "noi_o": 0.6, "dien_thoai": 0.0},
        found_at=timezone.now(),
    )


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_ward_officer_sees_the_pair_side_by_side_with_each_comparisons_weight(officer_a: Any, pair: DuplicatePair) -> None:
    page = client_for(officer_a).get(f"/so-ho/trung-lap/{pair.pk}/").content.decode()
    assert "Nguyen Van An" in page and "Nguyễn Văn An" in page and "Họ tên" in page and "5,1" in page and "99,3 %" in page


def test_another_wards_officer_cannot_see_the_pair(officer_b: Any, pair: DuplicatePair) -> None:
    assert client_for(officer_b).get(f"/so-ho/trung-lap/{pair.pk}/").status_code == 404
    assert "Nguyen Van An" not in client_for(officer_b).get("/so-ho/trung-lap/").content.decode()


def test_same_person_merges_keeps_both_records_and_undo_restores_them(officer_a: Any, pair: DuplicatePair) -> None:
    client = client_for(officer_a)
    response = client.post(f"/so-ho/trung-lap/{pair.pk}/quyet-dinh/", {"quyet_dinh": "cung_nguoi", "giu_lai": pair.person_a_id, "version": 1})
    assert response.status_code == 302
    absorbed = Person.objects.get(pk=pair.person_b_id)
    assert absorbed.deleted_at is not None and "Gộp vào" in absorbed.deleted_reason
    assert not Membership.objects.filter(person=absorbed, valid_to__isnull=True).exists()
    assert Household.objects.get(code="H9").head_id is None
    assert AuditEvent.objects.filter(action="registry.person_merge").count() == 1
    pair.refresh_from_db()
    response = client.post(f"/so-ho/trung-lap/{pair.pk}/quyet-dinh/", {"quyet_dinh": "hoan_tac", "version": pair.version})
    assert response.status_code == 302
    absorbed.refresh_from_db()
    assert absorbed.deleted_at is None and Membership.objects.filter(person=absorbed, valid_to__isnull=True).exists()
    assert Household.objects.get(code="H9").head_id == absorbed.pk
    assert DuplicatePair.objects.get(pk=pair.pk).status == PairStatus.OPEN
    assert AuditEvent.objects.filter(action="registry.person_merge_undo").count() == 1


def test_different_people_is_remembered_and_a_second_decision_is_refused(officer_a: Any, pair: DuplicatePair) -> None:
    do_mark_different(officer_a, pair, "Hai anh em sinh đôi", version=1)
    assert DuplicatePair.objects.get(pk=pair.pk).status == PairStatus.DIFFERENT
    with pytest.raises(PairRefused, match="đã được quyết định"):
        do_merge(officer_a, pair, pair.person_a_id)


def test_a_merge_of_a_person_already_merged_elsewhere_is_refused(officer_a: Any, pair: DuplicatePair, ward_a: Any) -> None:
    other = Person.objects.get(ma_ban_ghi="R4")
    second = DuplicatePair.objects.create(
        person_a=other, person_b=pair.person_b, commune=ward_a, province_code="79", match_probability=0.97, match_weight=5,
        found_at=timezone.now(),
    ) if other.pk < pair.person_b_id else None
    assert second is not None
    do_merge(officer_a, pair, pair.person_a_id)
    with pytest.raises(PairRefused, match="đã được gộp"):
        do_merge(officer_a, second, other.pk)
    assert PersonMerge.objects.count() == 1


def test_a_stale_version_and_a_bad_choice_are_refused_in_vietnamese(officer_a: Any, pair: DuplicatePair) -> None:
    client = client_for(officer_a)
    page = client.post(f"/so-ho/trung-lap/{pair.pk}/quyet-dinh/", {"quyet_dinh": "cung_nguoi", "giu_lai": pair.person_a_id, "version": 7})
    assert page.status_code == 400 and "vừa được người khác xử lý" in page.content.decode()
    page = client.post(f"/so-ho/trung-lap/{pair.pk}/quyet-dinh/", {"quyet_dinh": "cung_nguoi", "giu_lai": "999999", "version": 1})
    assert page.status_code == 400 and "một trong hai người" in page.content.decode()
    page = client.post(f"/so-ho/trung-lap/{pair.pk}/quyet-dinh/", {"quyet_dinh": "x", "version": "abc"})
    assert page.status_code == 400
    assert not PersonMerge.objects.exists() and DuplicatePair.objects.get(pk=pair.pk).status == PairStatus.OPEN


def test_an_officer_of_another_ward_cannot_undo(officer_a: Any, officer_b: Any, pair: DuplicatePair) -> None:
    merge = do_merge(officer_a, pair, pair.person_a_id)
    with pytest.raises(PairRefused):
        do_undo_merge(officer_b, merge)


def test_the_queue_lists_open_pairs_with_few_queries(officer_a: Any, pair: DuplicatePair, django_assert_max_num_queries: Any) -> None:
    client = client_for(officer_a)
    client.get("/so-ho/trung-lap/")
    with django_assert_max_num_queries(14):
        page = client.get("/so-ho/trung-lap/").content.decode()
    assert "Nguyen Van An" in page


def test_a_registered_merge_guard_refuses_a_merge_and_nothing_changes(officer_a: Any, pair: DuplicatePair) -> None:
    from ansinh.registry.dedup.guards import register_merge_guard, unregister_merge_guard

    seen: list[list[int]] = []

    def open_payment_run(person_ids: Any) -> str | None:  # what the payments app registers
        seen.append(sorted(person_ids))
        return "Nhân khẩu đang có trong danh sách chi trả chưa đóng; không gộp được." if pair.person_b_id in person_ids else None

    register_merge_guard(open_payment_run)
    register_merge_guard(open_payment_run)  # once only
    try:
        page = client_for(officer_a).post(f"/so-ho/trung-lap/{pair.pk}/quyet-dinh/", {"quyet_dinh": "cung_nguoi", "giu_lai": pair.person_a_id, "version": 1})
        assert page.status_code == 400 and "danh sách chi trả chưa đóng" in page.content.decode()
        assert seen == [sorted([pair.person_a_id, pair.person_b_id])]
        assert Person.objects.get(pk=pair.person_b_id).deleted_at is None and not PersonMerge.objects.exists()
        assert DuplicatePair.objects.get(pk=pair.pk).status == PairStatus.OPEN
        assert not AuditEvent.objects.filter(action="registry.person_merge").exists()
    finally:
        unregister_merge_guard(open_payment_run)
    do_merge(officer_a, pair, pair.person_a_id, version=1)
    assert PersonMerge.objects.count() == 1


def test_a_merge_whose_survivor_was_merged_into_someone_else_is_refused(officer_a: Any, pair: DuplicatePair, ward_a: Any) -> None:
    other = Person.objects.get(ma_ban_ghi="R4")
    Person.objects.filter(pk=pair.person_a_id).update(deleted_at=timezone.now(), deleted_reason=f"Gộp vào {other.registry_code}")
    with pytest.raises(PairRefused, match="đã được gộp hoặc đã bị xóa ở nơi khác"):
        do_merge(officer_a, pair, pair.person_a_id, version=1)
    assert not PersonMerge.objects.exists()
