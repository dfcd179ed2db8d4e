"""A province's top-up of the social pension: added on top of the national amount from its effective date
to its end date, explained with its source ("chưa xác minh" when unverified), stored with the entitlement.

The figures come from ``tests/benefits/data/topups_example.json``, a labelled test example, not a real
province's resolution; the shipped ``data/topups.json`` is empty.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ansinh.benefits import rules
from ansinh.benefits.programmes import DATA
from ansinh.benefits.topups import DATA as TOPUPS_DATA
from ansinh.benefits.topups import load_topups, topups_from_data
from ansinh.core.errors import UserError

PROGRAMMES = rules.programmes_from_data(json.loads(DATA.read_text(encoding="utf-8")))
EXAMPLE = Path(__file__).resolve().parent / "data" / "topups_example.json"
TOPUPS = load_topups(EXAMPLE, PROGRAMMES)
ELDER_75 = rules.Facts(dt.date(1945, 3, 1), "", frozenset({"khong_luong_huu"}), province="79")
NEAR_POOR_72 = rules.Facts(dt.date(1953, 3, 1), "can_ngheo", frozenset({"khong_luong_huu"}), province="79")


def total(f: rules.Facts, year: int, month: int, topups: tuple[rules.TopUp, ...] = TOPUPS) -> int:
    return rules.monthly(PROGRAMMES, f, year, month, topups).total


def test_the_shipped_top_up_file_is_valid_and_invents_no_provincial_figure() -> None:
    assert load_topups(TOPUPS_DATA, PROGRAMMES) == ()


def test_the_province_top_up_is_added_from_its_first_month_and_stops_after_its_last_day() -> None:
    assert total(ELDER_75, 2025, 12) == 500_000
    assert total(ELDER_75, 2026, 1) == 623_000
    assert total(ELDER_75, 2026, 6) == 623_000
    assert total(ELDER_75, 2026, 7) == 500_000


def test_a_categorys_own_top_up_replaces_the_programme_wide_one_and_other_provinces_get_none() -> None:
    assert total(NEAR_POOR_72, 2026, 3) == 577_000
    assert total(NEAR_POOR_72, 2026, 9) == 577_000
    elsewhere = rules.Facts(ELDER_75.birth_date, "", ELDER_75.conditions, province="01")
    assert total(elsewhere, 2026, 3) == 500_000


def test_the_explanation_names_the_national_amount_the_top_up_and_its_unverified_source() -> None:
    (line,) = rules.monthly(PROGRAMMES, ELDER_75, 2026, 3, TOPUPS).lines
    text = line.explain()
    assert line.topup == 123_000 and line.amount == 623_000 and not line.verified
    assert "500.000 đồng mức quốc gia" in text and "123.000 đồng tỉnh (mã 79) hỗ trợ thêm" in text
    assert "VÍ DỤ KIỂM THỬ" in text and "chưa xác minh" in text


def test_only_the_highest_compares_national_amounts_and_the_top_up_goes_to_the_line_paid() -> None:
    both = rules.Facts(dt.date(1945, 3, 1), "ngheo", frozenset({"khong_luong_huu", "khong_nguoi_phung_duong"}), province="79")
    result = rules.monthly(PROGRAMMES, both, 2026, 3, TOPUPS)
    assert {ln.programme for ln in result.lines} == {"tro-cap-xa-hoi"} and all(ln.topup == 0 for ln in result.lines)
    assert "huu-tri-xa-hoi" in {ln.programme for ln in result.set_aside}
    assert result.total == rules.monthly(PROGRAMMES, both, 2026, 3).total > 500_000


@pytest.mark.parametrize(("row", "words"), [
    ({"province": "HCM"}, "mã tỉnh"),
    ({"programme": "qua-tet-chu-tich-nuoc"}, "không phải chương trình trợ cấp hằng tháng"),
    ({"category": "K9"}, "không có đối tượng «K9»"),
    ({"amount": -5}, "số nguyên đồng dương"),
    ({"valid_from": "1/1/2026"}, "không hợp lệ"),
    ({"source": ""}, "căn cứ"),
    ({"verified": "yes"}, "true hoặc false"),
])
def test_a_bad_top_up_row_is_refused_in_vietnamese(row: dict[str, Any], words: str) -> None:
    good = {"province": "79", "programme": "huu-tri-xa-hoi", "category": "", "amount": 1000, "valid_from": "2026-01-01",
            "valid_to": None, "source": "x", "verified": False}
    with pytest.raises(rules.RuleDataError, match=words):
        topups_from_data({"topups": [good | row]}, PROGRAMMES)


def test_overlapping_top_ups_of_the_same_province_and_category_are_refused(tmp_path: Path) -> None:
    row = {"province": "79", "programme": "huu-tri-xa-hoi", "amount": 1000, "valid_from": "2026-01-01", "source": "x"}
    path = tmp_path / "t.json"
    path.write_text(json.dumps({"topups": [row, row | {"valid_from": "2026-05-01"}]}), encoding="utf-8")
    with pytest.raises(UserError, match="chồng lên nhau"):
        load_topups(path, PROGRAMMES)


births = st.dates(dt.date(1920, 1, 1), dt.date(1960, 12, 31))
months = st.tuples(st.integers(2025, 2027), st.integers(1, 12))
amounts = st.integers(1, 5_000_000)


@given(births, months, st.sampled_from((*rules.HOUSEHOLD_CLASSES, "")), amounts, st.sampled_from(("", "HTXH-75", "HTXH-70")),
       st.sampled_from(("79", "01")))
def test_a_top_up_never_reduces_the_amount_and_without_one_the_national_amount_is_paid(
    born: dt.date, ym: tuple[int, int], klass: str, amount: int, category: str, province: str
) -> None:
    f = rules.Facts(born, klass, frozenset({"khong_luong_huu"}), province=province)
    national = rules.monthly(PROGRAMMES, f, *ym)
    assert total(f, *ym, topups=()) == national.total
    top = rules.TopUp("79", "huu-tri-xa-hoi", category, amount, dt.date(2025, 7, 1), None, "x", False)
    topped = rules.monthly(PROGRAMMES, f, *ym, (top,))
    assert topped.total >= national.total
    assert [(ln.programme, ln.category) for ln in topped.lines] == [(ln.programme, ln.category) for ln in national.lines]
    for before, after in zip(national.lines, topped.lines, strict=True):
        assert after.amount - before.amount == after.topup in (0, amount)


@pytest.mark.django_db
def test_the_stored_entitlement_includes_the_top_up_and_its_explanation(ward_a: Any, officer_a: Any) -> None:
    from ansinh.benefits.entitlements import compute_month, store_month
    from ansinh.benefits.models import EntitlementMonth
    from ansinh.benefits.programmes import load_programmes
    from tests.benefits.conftest import grant, make_person

    load_programmes()
    person = make_person(ward_a, "BA7501", "Đỗ Văn Thêm", dt.date(1945, 3, 1))
    grant(officer_a, person, "huu-tri-xa-hoi", "HTXH-75", dt.date(2025, 9, 3), ["khong_luong_huu"], "75/QĐ")
    for month, amount in ((dt.date(2025, 12, 1), 500_000), (dt.date(2026, 1, 1), 623_000), (dt.date(2026, 7, 1), 500_000)):
        store_month(compute_month(month, topups=TOPUPS))
        row = EntitlementMonth.objects.select_related("basis").get(person=person, month=month)
        assert row.amount == amount and row.basis is not None and row.basis.amount == amount
    january = EntitlementMonth.objects.select_related("basis").get(person=person, month=dt.date(2026, 1, 1)).basis
    assert january is not None and "hỗ trợ thêm" in january.text and not january.verified
    assert [r[4] for r in compute_month(dt.date(2026, 1, 1)).rows] == [500_000]  # the shipped file: no top-up
