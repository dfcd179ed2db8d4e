"""Dossiers and decisions (no pages yet): due dates in working days, the competent authority by date,
and the refusals the issue lists. ``officer_a`` (ward_a) may; ``officer_b`` (ward_b) must not."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from ansinh.benefits.actions import do_decide, do_file_dossier
from ansinh.benefits.models import Decision, Dossier
from ansinh.benefits.programmes import load_programmes
from ansinh.core.errors import UserError
from ansinh.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_a_social_pension_dossier_received_on_a_friday_is_due_ten_working_days_later(grandmother: Any, officer_a: Any) -> None:
    dossier = do_file_dossier(officer_a, grandmother, "huu-tri-xa-hoi", dt.date(2025, 9, 5))
    assert dossier.due_on == dt.date(2025, 9, 19)
    assert dossier.processing_time is not None and not dossier.processing_time.verified
    assert AuditEvent.objects.filter(action="benefits.dossier.file").count() == 1


def test_the_commune_chairman_decides_social_assistance_from_july_2025_and_the_district_chairman_before(
    grandmother: Any, officer_a: Any, chairman_a: Any
) -> None:
    before = do_file_dossier(officer_a, grandmother, "tro-cap-xa-hoi", dt.date(2025, 6, 2))
    old = do_decide(officer_a, before, before.version, signed_on=dt.date(2025, 6, 20), number="1/QĐ", granted=True, category_code="K5c")
    assert old.authority is not None and old.authority.role == "Chủ tịch UBND cấp huyện"
    assert old.effective_from == dt.date(2025, 6, 1)
    pension = do_file_dossier(officer_a, grandmother, "huu-tri-xa-hoi", dt.date(2025, 7, 2))
    new = do_decide(chairman_a, pension, pension.version, signed_on=dt.date(2025, 7, 10), number="2/QĐ", granted=True, category_code="HTXH-75")
    assert new.authority is not None and new.authority.role == "Chủ tịch UBND cấp xã"


def test_a_decision_dated_before_the_application_is_refused(grandmother: Any, officer_a: Any, chairman_a: Any) -> None:
    dossier = do_file_dossier(officer_a, grandmother, "huu-tri-xa-hoi", dt.date(2025, 9, 5))
    with pytest.raises(UserError, match="trước ngày tiếp nhận"):
        do_decide(chairman_a, dossier, dossier.version, signed_on=dt.date(2025, 9, 4), number="3/QĐ", granted=True, category_code="HTXH-75")
    assert not Decision.objects.exists()


def test_a_second_active_social_assistance_decision_for_the_same_category_is_refused(grandmother: Any, officer_a: Any, chairman_a: Any) -> None:
    first = do_file_dossier(officer_a, grandmother, "tro-cap-xa-hoi", dt.date(2025, 8, 1))
    do_decide(chairman_a, first, first.version, signed_on=dt.date(2025, 8, 5), number="4/QĐ", granted=True, category_code="K5c")
    second = do_file_dossier(officer_a, grandmother, "tro-cap-xa-hoi", dt.date(2025, 9, 1))
    with pytest.raises(UserError, match="còn hiệu lực"):
        do_decide(chairman_a, second, second.version, signed_on=dt.date(2025, 9, 5), number="5/QĐ", granted=True, category_code="K5c")
    assert Decision.objects.count() == 1


def test_a_stale_version_an_unknown_category_and_a_refusal_without_reason_are_refused(grandmother: Any, officer_a: Any, chairman_a: Any) -> None:
    dossier = do_file_dossier(officer_a, grandmother, "tro-cap-xa-hoi", dt.date(2025, 8, 1))
    with pytest.raises(UserError, match="người khác thay đổi"):
        do_decide(chairman_a, dossier, dossier.version + 1, signed_on=dt.date(2025, 8, 5), number="6/QĐ", granted=True, category_code="K5c")
    with pytest.raises(UserError, match="không có đối tượng mã «K99»"):
        do_decide(chairman_a, dossier, dossier.version, signed_on=dt.date(2025, 8, 5), number="6/QĐ", granted=True, category_code="K99")
    with pytest.raises(UserError, match="lý do"):
        do_decide(chairman_a, dossier, dossier.version, signed_on=dt.date(2025, 8, 5), number="6/QĐ", granted=False)
    assert not Decision.objects.exists() and Dossier.objects.get().status == Dossier.Status.RECEIVED


def test_an_officer_of_another_ward_cannot_file_a_dossier_for_her(grandmother: Any, officer_b: Any) -> None:
    with pytest.raises(UserError, match="không có quyền"):
        do_file_dossier(officer_b, grandmother, "huu-tri-xa-hoi", dt.date(2025, 9, 5))
    assert not Dossier.objects.exists()


def test_no_dossier_is_filed_for_a_person_recorded_as_deceased_or_for_an_unknown_programme(grandmother: Any, officer_a: Any) -> None:
    with pytest.raises(UserError, match="Không có chương trình"):
        do_file_dossier(officer_a, grandmother, "khong-co", dt.date(2025, 9, 5))
    grandmother.alive, grandmother.death_date = False, dt.date(2025, 9, 1)
    grandmother.save()
    with pytest.raises(UserError, match="đã mất"):
        do_file_dossier(officer_a, grandmother, "huu-tri-xa-hoi", dt.date(2025, 9, 5))
    assert not Dossier.objects.exists()


def test_reloading_the_programmes_keeps_authorities_that_decisions_point_to(grandmother: Any, officer_a: Any, chairman_a: Any) -> None:
    dossier = do_file_dossier(officer_a, grandmother, "huu-tri-xa-hoi", dt.date(2025, 9, 5))
    decision = do_decide(chairman_a, dossier, dossier.version, signed_on=dt.date(2025, 9, 8), number="7/QĐ", granted=True, category_code="HTXH-75")
    load_programmes()
    decision.refresh_from_db()
    assert decision.authority is not None and decision.authority.role == "Chủ tịch UBND cấp xã"


def test_the_entitlement_command_by_decision_pays_what_the_decision_grants_from_the_signing_month(
    grandmother: Any, officer_a: Any
, chairman_a: Any) -> None:
    from io import StringIO

    from django.core.management import call_command

    dossier = do_file_dossier(officer_a, grandmother, "huu-tri-xa-hoi", dt.date(2025, 9, 5))
    do_decide(chairman_a, dossier, dossier.version, signed_on=dt.date(2025, 10, 3), number="8/QĐ", granted=True,
              category_code="HTXH-75", conditions=["khong_luong_huu"])
    outputs = []
    for month in ("2025-09", "2025-10"):
        out = StringIO()
        call_command("benefits", "entitlement", "BA0002", "--month", month, "--theo-quyet-dinh", stdout=out)
        outputs.append(out.getvalue())
    assert "theo quyết định đã ký" in outputs[0] and "Tổng: 0 đồng/tháng" in outputs[0]
    assert "Tổng: 500.000 đồng/tháng" in outputs[1]


def test_the_on_time_share_counts_a_late_decision_and_an_overdue_pending_dossier_as_late(
    grandmother: Any, officer_a: Any, chairman_a: Any, ward_a: Any, django_assert_max_num_queries: Any
) -> None:
    from ansinh.registry.models import Person
    from ansinh.reporting.sources import compute

    grandfather = Person.objects.create(
        registry_code="BA0003", full_name="Phạm Văn Lộc", name_folded="pham van loc", sex="nam", commune=ward_a,
        province_code="79", birth_date=dt.date(1946, 1, 2),
    )

    on_time = do_file_dossier(officer_a, grandmother, "huu-tri-xa-hoi", dt.date(2025, 9, 5))  # due 19/9
    do_decide(chairman_a, on_time, on_time.version, signed_on=dt.date(2025, 9, 19), number="9/QĐ", granted=False, reason="có lương hưu")
    late = do_file_dossier(officer_a, grandmother, "huu-tri-xa-hoi", dt.date(2025, 9, 8))  # due 22/9
    do_decide(chairman_a, late, late.version, signed_on=dt.date(2025, 9, 23), number="10/QĐ", granted=False, reason="có lương hưu")
    do_file_dossier(officer_a, grandmother, "huu-tri-xa-hoi", dt.date(2025, 9, 9))  # due 23/9, still pending
    do_file_dossier(officer_a, grandfather, "huu-tri-xa-hoi", dt.date(2025, 9, 29))  # not yet due
    with django_assert_max_num_queries(2):
        result = compute("benefits.dossiers_on_time_rate", ward_a, dt.date(2025, 9, 30))
    assert result is not None and (result.numerator, result.denominator) == (1, 3)
    assert "quá hạn chưa giải quyết tính là trễ" in result.note


def test_with_no_dossier_due_the_source_proposes_nothing(ward_a: Any) -> None:
    from ansinh.reporting.sources import compute

    assert compute("benefits.dossiers_on_time_rate", ward_a, dt.date(2025, 9, 30)) is None
