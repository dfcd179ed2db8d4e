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
