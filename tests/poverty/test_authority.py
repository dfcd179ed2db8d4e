"""Step 4 is signed only by the competent authority the data names for the unit and the day; never by the surveyor."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine

from ansinh.core.errors import UserError
from ansinh.core.models import AuditEvent
from ansinh.poverty import actions
from ansinh.poverty.authority import is_competent
from ansinh.poverty.models import HouseholdStatus, ReviewRound
from tests.poverty.test_review import run_to_posting

D = dt.date


@time_machine.travel("2025-11-05 09:00 +0700")
def test_the_wards_chairman_recognises_and_the_audit_names_the_authority(chairman_a: Any, officer_a: Any, ward_a: Any, households: list[Any]) -> None:
    round_ = run_to_posting(officer_a, ward_a, households)
    assert actions.do_recognise(chairman_a, round_, D(2025, 10, 30), "QĐ 12/QĐ-UBND") == 3
    round_.refresh_from_db()
    assert round_.recognised_by == chairman_a and round_.authority is not None and round_.authority.unit_level == "commune"
    event = AuditEvent.objects.get(action="poverty.recognise")
    assert event.after is not None and event.after["authority"] == "Chủ tịch Ủy ban nhân dân cấp xã"
    assert event.after["authority_verified"] is False


@time_machine.travel("2025-11-05 09:00 +0700")
def test_an_officer_or_another_wards_chairman_cannot_recognise(chairman_b: Any, officer_a: Any, ward_a: Any, households: list[Any]) -> None:
    round_ = run_to_posting(officer_a, ward_a, households)
    for user in (officer_a, chairman_b):
        with pytest.raises(UserError, match=r"Chỉ Chủ tịch Ủy ban nhân dân cấp xã .* của Phường Sài Gòn mới công nhận được"):
            actions.do_recognise(user, round_, D(2025, 10, 30), "QĐ 12")
    assert not HouseholdStatus.objects.exists() and ReviewRound.objects.get().step == ReviewRound.Step.POSTING


@time_machine.travel("2025-11-05 09:00 +0700")
def test_a_chairman_who_entered_a_survey_cannot_recognise_the_round(django_user_model: Any, officer_a: Any, ward_a: Any, households: list[Any]) -> None:
    from ansinh.accounts.models import RoleAssignment

    RoleAssignment.objects.create(user=officer_a, role="chairman", unit=ward_a)  # one person holding both hats
    round_ = run_to_posting(officer_a, ward_a, households)
    with pytest.raises(UserError, match="tách bạch nhiệm vụ"):
        actions.do_recognise(officer_a, round_, D(2025, 10, 30), "QĐ 12")
    assert not HouseholdStatus.objects.exists()


@time_machine.travel("2025-10-25 09:00 +0700")
def test_recognition_while_the_posting_still_runs_today_is_refused_even_with_a_later_date(chairman_a: Any, officer_a: Any, ward_a: Any, households: list[Any]) -> None:
    round_ = run_to_posting(officer_a, ward_a, households)
    with pytest.raises(UserError, match="niêm yết công khai chưa kết thúc"):
        actions.do_recognise(chairman_a, round_, D(2025, 10, 30), "QĐ 12")
    assert not HouseholdStatus.objects.exists()


@time_machine.travel("2025-11-05 09:00 +0700")
def test_a_decision_dated_in_the_future_is_refused(chairman_a: Any, officer_a: Any, ward_a: Any, households: list[Any]) -> None:
    round_ = run_to_posting(officer_a, ward_a, households)
    with pytest.raises(UserError, match="chưa đến"):
        actions.do_recognise(chairman_a, round_, D(2025, 11, 20), "QĐ 12")


def test_the_district_chairman_was_competent_before_july_2025_and_the_commune_chairman_after(django_user_model: Any, hcm: Any, standards: None) -> None:
    from ansinh.accounts.models import RoleAssignment
    from ansinh.geo.models import AdministrativeUnit
    from ansinh.poverty.standards import by_code

    district = AdministrativeUnit.objects.create(code="760", name="Quận 1", level="district", parent=hcm, valid_from=D(1976, 7, 2), valid_to=D(2025, 7, 1))
    old_ward = AdministrativeUnit.objects.create(code="26734", name="Phường Bến Nghé", level="commune", parent=district, valid_from=D(1976, 7, 2))
    district_chair = django_user_model.objects.create(username="chu_tich_quan_1")
    RoleAssignment.objects.create(user=district_chair, role="chairman", unit=district, valid_to=D(2025, 7, 1))
    ward_chair = django_user_model.objects.create(username="chu_tich_ben_nghe")
    RoleAssignment.objects.create(user=ward_chair, role="chairman", unit=old_ward)
    round_ = ReviewRound.objects.create(commune=old_ward, year=2024, standard=by_code("nd07-2021"))
    assert is_competent(district_chair, round_, D(2025, 1, 10)) and not is_competent(ward_chair, round_, D(2025, 1, 10))
    assert is_competent(ward_chair, round_, D(2025, 7, 1)) and not is_competent(district_chair, round_, D(2025, 7, 1))
    assert not is_competent(None, round_, D(2025, 7, 1))


def _refusals() -> list[dict[str, Any]]:
    return [
        {"actor": e.actor_id, "object": (e.object_type, e.object_id), **(e.after or {})}
        for e in AuditEvent.objects.filter(action="poverty.recognise_refused").order_by("pk")
    ]


def _nothing_recognised(round_: ReviewRound) -> None:
    locked = ReviewRound.objects.get(pk=round_.pk)
    assert not HouseholdStatus.objects.exists() and not AuditEvent.objects.filter(action="poverty.recognise").exists()
    assert locked.step == ReviewRound.Step.POSTING and locked.recognised_on is None and locked.decision_number == ""
    assert locked.version == round_.version


@time_machine.travel("2025-11-05 09:00 +0700")
def test_each_refused_recognition_leaves_an_audit_event_naming_who_which_round_and_why_and_nothing_else(
    chairman_a: Any, chairman_b: Any, officer_a: Any, ward_a: Any, households: list[Any]
) -> None:
    round_ = run_to_posting(officer_a, ward_a, households)
    complaint = actions.do_record_complaint(officer_a, round_, None, D(2025, 10, 22), "Bà Tư", "Thiếu hộ bà Năm")
    round_.refresh_from_db()
    attempts = [
        (chairman_b, D(2025, 10, 30), "khong_tham_quyen"),  # not the authority of this ward
        (chairman_a, D(2025, 11, 20), "ngay_tuong_lai"),  # a decision dated after today
        (chairman_a, D(2025, 10, 30), "khieu_nai_chua_giai_quyet"),  # an open complaint
    ]
    for user, day, _ in attempts:
        with pytest.raises(UserError):
            actions.do_recognise(user, round_, day, "QĐ 12/QĐ-UBND")
        _nothing_recognised(round_)
    refusals = _refusals()
    assert [(r["actor"], r["reason"]) for r in refusals] == [(u.pk, why) for u, _, why in attempts]
    assert all(r["object"] == ("poverty.ReviewRound", str(round_.pk)) and r["round"] == round_.pk and r["year"] == 2025 and r["decision_number"] == "QĐ 12/QĐ-UBND" for r in refusals)
    assert "Còn khiếu nại chưa giải quyết" in refusals[-1]["message"]
    actions.do_resolve_complaint(officer_a, complaint, "Đã bổ sung hộ bà Năm vào đợt sau", D(2025, 10, 25))
    assert actions.do_recognise(chairman_a, round_, D(2025, 10, 30), "QĐ 12/QĐ-UBND") == 3
    assert len(_refusals()) == 3


@time_machine.travel("2025-11-05 09:00 +0700")
def test_a_refusal_because_the_chairman_entered_a_survey_is_audited(officer_a: Any, ward_a: Any, households: list[Any]) -> None:
    from ansinh.accounts.models import RoleAssignment

    RoleAssignment.objects.create(user=officer_a, role="chairman", unit=ward_a)
    round_ = run_to_posting(officer_a, ward_a, households)
    with pytest.raises(UserError, match="tách bạch nhiệm vụ"):
        actions.do_recognise(officer_a, round_, D(2025, 10, 30), "QĐ 12")
    _nothing_recognised(round_)
    assert [(r["actor"], r["reason"]) for r in _refusals()] == [(officer_a.pk, "da_nhap_phieu")]


@time_machine.travel("2025-10-25 09:00 +0700")
def test_a_refusal_while_the_posting_runs_is_audited(chairman_a: Any, officer_a: Any, ward_a: Any, households: list[Any]) -> None:
    round_ = run_to_posting(officer_a, ward_a, households)
    with pytest.raises(UserError, match="niêm yết công khai chưa kết thúc"):
        actions.do_recognise(chairman_a, round_, D(2025, 10, 30), "QĐ 12")
    _nothing_recognised(round_)
    [refusal] = _refusals()
    assert (refusal["actor"], refusal["reason"], refusal["decided_on"]) == (chairman_a.pk, "chua_het_niem_yet", "2025-10-30")


@time_machine.travel("2025-10-25 09:00 +0700")
def test_a_refused_recognition_from_the_page_is_audited_and_shown_in_vietnamese(
    client: Any, chairman_a: Any, officer_a: Any, ward_a: Any, households: list[Any]
) -> None:
    round_ = run_to_posting(officer_a, ward_a, households)
    client.force_login(chairman_a)
    step4 = {"buoc": "cong_nhan", "cong_nhan-decided_on": "2025-10-24", "cong_nhan-decision_number": "QĐ 1", "version": round_.version}
    page = client.post(f"/ho-ngheo/dot/{round_.pk}/", step4).content.decode()
    assert "thời gian niêm yết công khai chưa kết thúc (đến hết ngày 27/10/2025)" in page
    _nothing_recognised(round_)
    assert [(r["actor"], r["reason"]) for r in _refusals()] == [(chairman_a.pk, "chua_het_niem_yet")]
