"""Stored monthly entitlements against the legal tables at their effective dates, the stop after a
death, the "only the highest" rule across decisions, and arrears when a base level is recomputed."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from ansinh.benefits.entitlements import compute_month, store_month
from ansinh.benefits.models import Adjustment, EntitlementMonth
from ansinh.benefits.payrun import run_month
from tests.benefits.conftest import grant, make_person

pytestmark = pytest.mark.django_db


def _stored(person: Any, month: dt.date) -> list[EntitlementMonth]:
    return list(EntitlementMonth.objects.filter(person=person, month=month).select_related("basis"))


def test_social_assistance_k5c_is_360_000_in_june_2024_and_500_000_from_july_2024(elder: Any) -> None:
    for month, amount in ((dt.date(2024, 6, 1), 360_000), (dt.date(2024, 7, 1), 500_000)):
        store_month(compute_month(month))
        (row,) = _stored(elder, month)
        assert row.amount == amount and row.status == EntitlementMonth.Status.PAID
        assert row.basis is not None and row.basis.base_level == amount and row.basis.coefficient == 1
    july = _stored(elder, dt.date(2024, 7, 1))[0].basis
    assert july is not None and "chưa xác minh" in july.text and "NĐ 76/2024" in july.base_source
    june = _stored(elder, dt.date(2024, 6, 1))[0].basis
    assert june is not None and june.verified


def test_an_entitlement_starts_in_the_month_of_the_decision_not_before(elder: Any) -> None:
    assert compute_month(dt.date(2023, 12, 1)).rows == []
    assert [r[4] for r in compute_month(dt.date(2024, 1, 1)).rows] == [360_000]


def test_a_person_who_died_in_march_is_entitled_for_march_and_not_from_april(elder: Any) -> None:
    elder.alive, elder.death_date = False, dt.date(2025, 3, 14)
    elder.save()
    assert [r[4] for r in compute_month(dt.date(2025, 3, 1)).rows] == [500_000]
    (april,) = compute_month(dt.date(2025, 4, 1)).rows
    assert april[4] == 0 and "thôi hưởng từ tháng sau tháng mất" in april[7]


def test_social_pension_and_k5c_pay_only_the_highest_and_say_why(elder: Any, officer_a: Any) -> None:
    grant(officer_a, elder, "huu-tri-xa-hoi", "HTXH-75", dt.date(2025, 7, 3), ["khong_luong_huu"], "12/QĐ")
    store_month(compute_month(dt.date(2025, 8, 1)))
    rows = _stored(elder, dt.date(2025, 8, 1))
    assert sorted(r.amount for r in rows) == [0, 500_000]
    aside = next(r for r in rows if r.amount == 0)
    assert aside.status == EntitlementMonth.Status.ASIDE and "Chỉ được hưởng một mức cao nhất" in aside.note


def test_a_category_whose_age_band_has_passed_is_not_paid_and_the_reason_is_kept(ward_a: Any, officer_a: Any, elder: Any) -> None:
    child = make_person(ward_a, "BA1002", "Lê Thị Nhỏ", dt.date(2020, 3, 15))
    grant(officer_a, child, "tro-cap-xa-hoi", "K1-duoi4", dt.date(2023, 1, 5), ["k1_khong_nguon_nuoi_duong"], "13/QĐ")
    store_month(compute_month(dt.date(2024, 3, 1)))
    store_month(compute_month(dt.date(2024, 4, 1)))
    assert _stored(child, dt.date(2024, 3, 1))[0].amount == 900_000
    april = _stored(child, dt.date(2024, 4, 1))[0]
    assert april.amount == 0 and "đã đủ 4 tuổi" in april.note


def test_recomputing_months_on_an_approved_list_lists_arrears_when_the_base_level_rises(
    elder: Any, officer_a: Any, officer_a2: Any, ward_a: Any, tmp_path: Path
) -> None:
    from ansinh.benefits.actions_payments import do_approve_list, do_recompute
    from ansinh.benefits.models import PaymentList
    from ansinh.benefits.programmes import DATA, load_programmes

    data = json.loads(DATA.read_text(encoding="utf-8"))
    social = next(p for p in data["programmes"] if p["code"] == "tro-cap-xa-hoi")
    social["base_levels"] = [dict(social["base_levels"][0], valid_to=None)]  # the decree not yet loaded
    old = tmp_path / "old.json"
    old.write_text(json.dumps(data), encoding="utf-8")
    load_programmes(old)
    month = dt.date(2024, 7, 1)
    run_month(month, [ward_a.pk], officer_a)
    plist = PaymentList.objects.get(month=month)
    assert plist.total == 360_000
    do_approve_list(officer_a2, plist, plist.version)
    load_programmes()
    (adjustment,) = do_recompute(officer_a, ward_a, [month], "NĐ 76/2024: mức chuẩn 500.000 từ 01/07/2024")
    assert adjustment.kind == Adjustment.Kind.ARREARS and adjustment.difference == 140_000
    assert _stored(elder, month)[0].amount == 500_000
    august = run_month(dt.date(2024, 8, 1), [ward_a.pk], officer_a)
    assert august.total == 640_000
    adjustment.refresh_from_db()
    assert adjustment.status == Adjustment.Status.LISTED and adjustment.payment_line is not None
    assert adjustment.payment_line.arrears == 140_000


def test_a_lower_recomputed_amount_is_listed_as_an_overpayment_and_never_deducted(
    elder: Any, officer_a: Any, officer_a2: Any, ward_a: Any, tmp_path: Path
) -> None:
    from ansinh.benefits.actions_payments import do_approve_list, do_recompute
    from ansinh.benefits.models import PaymentList

    month = dt.date(2024, 9, 1)
    run_month(month, [ward_a.pk], officer_a)
    plist = PaymentList.objects.get(month=month)
    do_approve_list(officer_a2, plist, plist.version)
    EntitlementMonth.objects.filter(month=month).update(amount=600_000)  # as if paid at a wrong level
    (adjustment,) = do_recompute(officer_a, ward_a, [month])
    assert adjustment.kind == Adjustment.Kind.OVERPAYMENT and adjustment.difference == -100_000
    assert run_month(dt.date(2024, 10, 1), [ward_a.pk], officer_a).total == 500_000


def test_computing_a_month_takes_the_same_queries_for_one_or_many_persons(
    elder: Any, ward_a: Any, officer_a: Any, django_assert_max_num_queries: Any
) -> None:
    for i in range(12):
        person = make_person(ward_a, f"BA2{i:03d}", f"Người {i}", dt.date(1930 + i, 1, 1))
        grant(officer_a, person, "tro-cap-xa-hoi", "K5c", dt.date(2024, 1, 10), ["khong_luong_huu"], f"2{i}/QĐ")
    with django_assert_max_num_queries(8):
        computed = compute_month(dt.date(2024, 7, 1))
    assert len(computed.rows) == 13 and computed.signatures <= 13


def test_a_social_pension_granted_before_the_75th_birthday_starts_in_the_birthday_month(ward_a: Any, officer_a: Any) -> None:
    from ansinh.benefits.programmes import load_programmes

    load_programmes()
    person = make_person(ward_a, "BA7502", "Hồ Văn Sắp", dt.date(1951, 5, 10))
    grant(officer_a, person, "huu-tri-xa-hoi", "HTXH-75", dt.date(2026, 1, 15), ["khong_luong_huu"], "76/QĐ")
    (april,) = compute_month(dt.date(2026, 4, 1)).rows
    assert april[4] == 0 and "chưa đủ 75 tuổi" in april[7]
    assert [r[4] for r in compute_month(dt.date(2026, 5, 1)).rows] == [500_000]
