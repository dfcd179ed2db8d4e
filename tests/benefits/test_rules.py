"""The entitlement calculator against the legal tables at their effective dates, and its boundaries.

Pure: the programmes come straight from ``benefits/data/programmes.json`` (no database).
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ansinh.benefits import rules
from ansinh.benefits.programmes import DATA
from ansinh.benefits.rules import Facts, monthly, one_off

PROGRAMMES = rules.programmes_from_data(json.loads(DATA.read_text(encoding="utf-8")))


def facts(born: dt.date | None, klass: str = "", *conds: str, **kw: object) -> Facts:
    return Facts(born, klass, frozenset(conds), **kw)  # type: ignore[arg-type]


def total(f: Facts, year: int, month: int) -> int:
    return monthly(PROGRAMMES, f, year, month).total


def codes(f: Facts, year: int, month: int) -> list[str]:
    return [line.category for line in monthly(PROGRAMMES, f, year, month).lines]


POOR_ELDER_80 = facts(dt.date(1940, 1, 1), "ngheo", "khong_nguoi_phung_duong")


def test_a_poor_elder_over_80_gets_720_000_in_june_2024_and_1_000_000_in_july_2024() -> None:
    assert total(POOR_ELDER_80, 2024, 6) == 720_000
    assert total(POOR_ELDER_80, 2024, 7) == 1_000_000


def test_the_july_2024_amount_is_explained_with_coefficient_base_level_and_decree_76() -> None:
    line = monthly(PROGRAMMES, POOR_ELDER_80, 2024, 7).lines[0]
    assert (line.category, line.coefficient, line.base_level) == ("K5a-80", 2, 500_000)
    text = line.explain()
    assert "hệ số 2" in text and "500.000" in text and "76/2024" in text


def test_coefficients_after_decree_76_show_as_unverified_but_the_2021_ones_do_not() -> None:
    assert monthly(PROGRAMMES, POOR_ELDER_80, 2024, 6).verified
    july = monthly(PROGRAMMES, POOR_ELDER_80, 2024, 7)
    assert not july.verified and "chưa xác minh" in july.lines[0].explain()


@pytest.mark.parametrize(
    ("category_facts", "june_2024", "july_2024"),
    [
        (facts(dt.date(2022, 1, 1), "", "k1_khong_nguon_nuoi_duong"), 900_000, 1_250_000),
        (facts(dt.date(2015, 1, 1), "", "k1_khong_nguon_nuoi_duong"), 540_000, 750_000),
        (facts(dt.date(2015, 1, 1), "ngheo", "hiv"), 720_000, 1_000_000),
        (facts(dt.date(1990, 1, 1), "", "khuyet_tat_dac_biet_nang"), 720_000, 1_000_000),
        (facts(dt.date(1950, 1, 1), "", "khuyet_tat_dac_biet_nang"), 900_000, 1_250_000),
        (facts(dt.date(1990, 1, 1), "", "khuyet_tat_nang"), 540_000, 750_000),
        (facts(dt.date(1950, 1, 1), "ngheo", "k5d_cham_soc_cong_dong"), 1_080_000, 1_500_000),
        (facts(dt.date(1990, 1, 1), "ngheo", "hiv", "khong_thu_nhap_on_dinh"), 540_000, 750_000),
    ],
)
def test_social_assistance_amounts_match_the_table_of_decree_20_at_360_000_and_500_000(
    category_facts: Facts, june_2024: int, july_2024: int
) -> None:
    assert (total(category_facts, 2024, 6), total(category_facts, 2024, 7)) == (june_2024, july_2024)


def test_social_pension_starts_in_july_2025_at_500_000() -> None:
    elder = facts(dt.date(1948, 5, 5), "", "khong_luong_huu")
    assert total(elder, 2025, 6) == 0
    assert codes(elder, 2025, 7) == ["HTXH-75"] and total(elder, 2025, 7) == 500_000


def test_a_72_year_old_gets_social_pension_only_in_a_poor_or_near_poor_household() -> None:
    born = dt.date(1953, 3, 1)
    assert total(facts(born, "can_ngheo", "khong_luong_huu"), 2025, 9) == 500_000
    assert total(facts(born, "ngheo", "khong_luong_huu"), 2025, 9) == 500_000
    assert total(facts(born, "trung_binh", "khong_luong_huu"), 2025, 9) == 0
    assert total(facts(born, "", "khong_luong_huu"), 2025, 9) == 0


def test_someone_with_a_pension_gets_no_social_pension() -> None:
    assert total(facts(dt.date(1940, 1, 1), "can_ngheo"), 2025, 9) == 0


def test_only_the_highest_of_social_pension_and_social_assistance_is_paid_with_the_reason_in_vietnamese() -> None:
    elder = facts(dt.date(1940, 1, 1), "ngheo", "khong_nguoi_phung_duong", "khong_luong_huu")
    result = monthly(PROGRAMMES, elder, 2025, 8)
    assert [ln.category for ln in result.lines] == ["K5a-80"] and result.total == 1_000_000
    assert sorted(ln.category for ln in result.set_aside) == ["HTXH-75", "K5c"]
    assert all(r.startswith("Chỉ được hưởng một mức cao nhất") for r in result.reasons)
    assert any("cao hơn mức 500.000 đồng" in r for r in result.reasons)


def test_equal_social_pension_and_k5c_pay_one_500_000_and_say_they_are_equal() -> None:
    result = monthly(PROGRAMMES, facts(dt.date(1940, 1, 1), "", "khong_luong_huu"), 2025, 8)
    assert result.total == 500_000 and len(result.lines) == 1
    assert "bằng mức 500.000 đồng" in result.reasons[0]


def test_a_single_poor_parent_with_a_severe_disability_gets_both_k4_per_child_and_k6() -> None:
    parent = facts(dt.date(1990, 1, 1), "ngheo", "don_than_nuoi_con", "khuyet_tat_nang", children=2)
    result = monthly(PROGRAMMES, parent, 2024, 7)
    assert sorted(ln.category for ln in result.lines) == ["K4", "K6-nang"]
    assert result.total == 2 * 500_000 + 750_000 and not result.reasons


def test_merit_allowances_follow_each_base_level_of_decrees_75_55_and_77() -> None:
    relative = facts(dt.date(1950, 1, 1), "", "than_nhan_1_liet_si")
    assert [total(relative, *m) for m in [(2023, 6), (2023, 7), (2024, 6), (2024, 7)]] == [1_624_000, 2_055_000, 2_055_000, 2_789_000]
    assert total(facts(dt.date(1950, 1, 1), "", "than_nhan_3_liet_si"), 2024, 7) == 8_367_000


def test_a_heroic_mother_gets_allowance_plus_supplement_from_july_2024_and_no_invented_earlier_amount() -> None:
    mother = facts(dt.date(1930, 1, 1), "", "ba_me_vnah")
    assert total(mother, 2024, 7) == 8_367_000 + 2_337_000
    assert total(mother, 2024, 6) == 0


def test_merit_allowances_add_to_social_assistance_rather_than_compete() -> None:
    both = facts(dt.date(1940, 1, 1), "", "ba_me_vnah", "khong_luong_huu")
    assert total(both, 2025, 8) == 8_367_000 + 2_337_000 + 500_000


def test_a_person_who_died_in_march_is_paid_for_march_and_not_for_april() -> None:
    elder = facts(dt.date(1940, 1, 1), "ngheo", "khong_nguoi_phung_duong", death_date=dt.date(2025, 3, 15))
    assert total(elder, 2025, 3) == 1_000_000
    after = monthly(PROGRAMMES, elder, 2025, 4)
    assert after.total == 0 and "thôi hưởng" in after.notes[0]


def test_tet_gifts_pay_600_000_or_300_000_during_tet_2026_only_and_are_unverified() -> None:
    top = one_off(PROGRAMMES, facts(None, "", "qua_tet_muc_600"), dt.date(2026, 2, 10))
    low = one_off(PROGRAMMES, facts(None, "", "qua_tet_muc_300"), dt.date(2026, 2, 10))
    assert [ln.amount for ln in top] == [600_000] and [ln.amount for ln in low] == [300_000]
    assert not top[0].verified
    assert one_off(PROGRAMMES, facts(None, "", "qua_tet_muc_600"), dt.date(2026, 6, 1)) == []


def test_one_off_gifts_never_count_in_the_monthly_amount() -> None:
    assert total(facts(None, "", "qua_tet_muc_600", "ho_tro_tet_2026"), 2026, 2) == 0


def test_an_unknown_birth_date_qualifies_for_no_age_bound_category() -> None:
    assert total(facts(None, "ngheo", "khong_nguoi_phung_duong", "khong_luong_huu"), 2025, 8) == 0


@pytest.mark.parametrize(("year", "month"), [(2024, 13), (2024, 0), (1800, 1)])
def test_a_month_that_does_not_exist_is_refused_in_vietnamese(year: int, month: int) -> None:
    with pytest.raises(ValueError, match="không hợp lệ"):
        monthly(PROGRAMMES, POOR_ELDER_80, year, month)


# --- properties at every age and date boundary ----------------------------------------------------

births = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2030, 12, 31))
months = st.tuples(st.integers(2021, 2035), st.integers(1, 12))


def birthday(born: dt.date, years: int) -> dt.date:
    """The day of the ``years``-th birthday (born on 29 February: 1 March in a common year)."""
    try:
        return born.replace(year=born.year + years)
    except ValueError:
        return dt.date(born.year + years, 3, 1)


def birthday_month(born: dt.date, years: int) -> tuple[int, int]:
    day = birthday(born, years)
    return day.year, day.month


def _next(year: int, month: int) -> tuple[int, int]:
    return (year + 1, 1) if month == 12 else (year, month + 1)


def _prev(year: int, month: int) -> tuple[int, int]:
    return (year - 1, 12) if month == 1 else (year, month - 1)


@given(births)
def test_social_pension_starts_in_the_month_of_the_75th_birthday_and_not_before(born: dt.date) -> None:
    elder = facts(born, "trung_binh", "khong_luong_huu")
    ym = birthday_month(born, 75)
    if ym < (2025, 8):
        return
    assert total(elder, *ym) == 500_000
    assert total(elder, *_prev(*ym)) == 0


@given(births)
def test_near_poor_social_pension_runs_from_the_70th_birthday_month_to_the_75th(born: dt.date) -> None:
    elder = facts(born, "can_ngheo", "khong_luong_huu")
    start = birthday_month(born, 70)
    if start < (2025, 8):
        return
    assert total(elder, *_prev(*start)) == 0
    assert total(elder, *start) == 500_000
    assert total(elder, *birthday_month(born, 75)) == 500_000
    assert codes(elder, *_next(*birthday_month(born, 75))) == ["HTXH-75"]


@given(births)
def test_an_orphan_is_paid_through_the_month_of_the_16th_birthday_and_not_after(born: dt.date) -> None:
    child = facts(born, "", "k1_khong_nguon_nuoi_duong")
    ym = birthday_month(born, 16)
    if not (2021, 8) <= ym <= (2035, 12):
        return
    assert total(child, *_next(*ym)) == 0
    rate = 750_000 if ym >= (2024, 7) else 540_000
    assert total(child, *ym) == (0 if birthday(born, 16).day == 1 else rate)  # 16 on the month's first day: not paid


@given(births)
def test_the_higher_elderly_coefficient_starts_in_the_month_of_the_80th_birthday(born: dt.date) -> None:
    elder = facts(born, "ngheo", "khong_nguoi_phung_duong")
    ym = birthday_month(born, 80)
    if not (2024, 8) <= ym <= (2035, 12):
        return
    assert total(elder, *_prev(*ym)) == 750_000
    assert total(elder, *ym) == 1_000_000


@given(months)
def test_the_social_assistance_amount_is_the_coefficient_times_the_base_level_in_force_on_the_first_day(ym: tuple[int, int]) -> None:
    base = 0 if ym < (2021, 7) else 360_000 if ym < (2024, 7) else 500_000  # before 7/2021 (NĐ 136/2013): not in the data
    assert total(facts(dt.date(1990, 1, 1), "", "khuyet_tat_nang"), *ym) == base * 3 // 2


@given(months)
def test_merit_amounts_are_whole_thousands_of_dong(ym: tuple[int, int]) -> None:
    for line in monthly(PROGRAMMES, facts(dt.date(1950, 1, 1), "", "than_nhan_2_liet_si", "ba_me_vnah"), *ym).lines:
        assert line.amount % 1000 == 0


@given(births, months, st.sampled_from((*rules.HOUSEHOLD_CLASSES, "")),
       st.frozensets(st.sampled_from(["khong_luong_huu", "khong_nguoi_phung_duong", "khuyet_tat_nang", "don_than_nuoi_con",
                                      "hiv", "ba_me_vnah", "k1_khong_nguon_nuoi_duong", "vung_dac_biet_kho_khan"])))
def test_every_paid_line_is_positive_explained_and_at_most_one_per_exclusive_group(
    born: dt.date, ym: tuple[int, int], klass: str, conds: frozenset[str]
) -> None:
    result = monthly(PROGRAMMES, Facts(born, klass, conds), *ym)
    assert result.total == sum(ln.amount for ln in result.lines)
    assert all(ln.amount > 0 and ln.source and ln.explain() for ln in result.lines)
    exclusive = [ln for ln in result.lines if ln.programme in ("tro-cap-xa-hoi", "huu-tri-xa-hoi") and not ln.stacks]
    assert len(exclusive) <= 1
    assert len(result.reasons) == len(result.set_aside)
    assert all(a.amount <= exclusive[0].amount for a in result.set_aside)


def test_someone_born_on_29_february_turns_75_on_1_march_in_a_common_year() -> None:
    elder = facts(dt.date(1952, 2, 29), "", "khong_luong_huu")
    assert total(elder, 2027, 2) == 0
    assert total(elder, 2027, 3) == 500_000


def test_with_decisions_only_the_granted_category_is_paid_from_its_month_until_it_ends() -> None:
    grant = rules.Grant("tro-cap-xa-hoi", "K5c", dt.date(2024, 9, 1), dt.date(2025, 3, 1))
    elder = facts(dt.date(1940, 1, 1), "ngheo", "khong_luong_huu", "khong_nguoi_phung_duong", grants=(grant,))
    assert total(elder, 2024, 8) == 0
    assert codes(elder, 2024, 9) == ["K5c"] and total(elder, 2024, 9) == 500_000
    assert total(elder, 2025, 2) == 500_000 and total(elder, 2025, 3) == 0
