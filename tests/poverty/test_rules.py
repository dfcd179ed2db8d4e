"""The rule engine at every threshold: ≤ the line is inside, one đồng above is outside."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from ansinh.poverty.rules import CLASSES, Band, Rule, classify_arrays, classify_one, reason, sql_case

ND07 = Rule("nd07-2021", {
    "nong_thon": (Band(1_500_000, 3, "ngheo", "can_ngheo"), Band(2_250_000, None, "trung_binh", "trung_binh")),
    "thanh_thi": (Band(2_000_000, 3, "ngheo", "can_ngheo"), Band(3_000_000, None, "trung_binh", "trung_binh")),
})
TWO_BAND = Rule("qd59-2015", {
    "nong_thon": (Band(700_000, None, "ngheo", "ngheo"), Band(1_000_000, 3, "ngheo", "can_ngheo")),
    "thanh_thi": (Band(900_000, None, "ngheo", "ngheo"), Band(1_300_000, 3, "ngheo", "can_ngheo")),
})
LINES = {"nong_thon": (1_500_000, 2_250_000), "thanh_thi": (2_000_000, 3_000_000)}
areas = st.sampled_from(["nong_thon", "thanh_thi"])
deprivations = st.integers(min_value=0, max_value=12)


@given(areas, deprivations, st.integers(min_value=-2, max_value=2))
def test_income_at_the_line_is_poor_or_near_poor_and_one_dong_above_is_not(area: str, d: int, delta: int) -> None:
    line = LINES[area][0]
    klass = classify_one(ND07, line + delta, d, area)
    if delta <= 0:
        assert klass == ("ngheo" if d >= 3 else "can_ngheo")
    else:
        assert klass == "trung_binh"


@given(areas, st.integers(min_value=0, max_value=2_000_000))
def test_three_deprivations_make_a_household_under_the_line_poor_and_two_near_poor(area: str, below: int) -> None:
    income = max(0, LINES[area][0] - below)
    assert classify_one(ND07, income, 3, area) == "ngheo"
    assert classify_one(ND07, income, 2, area) == "can_ngheo"


@given(areas, deprivations, st.integers(min_value=-1, max_value=1))
def test_the_middle_income_band_ends_at_one_and_a_half_lines_inclusive(area: str, d: int, delta: int) -> None:
    top = LINES[area][1]
    assert classify_one(ND07, top + delta, d, area) == ("trung_binh" if delta <= 0 else "khong")


@given(areas, deprivations, st.integers(min_value=-1, max_value=1))
def test_the_two_band_form_makes_everyone_under_the_lower_line_poor(area: str, d: int, delta: int) -> None:
    low = TWO_BAND.bands[area][0].income_max
    klass = classify_one(TWO_BAND, low + delta, d, area)
    assert klass == ("ngheo" if delta <= 0 or d >= 3 else "can_ngheo")
    assert TWO_BAND.form(area) == "hai_nguong" and ND07.form(area) == "mot_nguong"


@given(st.lists(st.tuples(st.integers(0, 4_000_000), deprivations, st.booleans()), min_size=1, max_size=60))
def test_the_array_engine_agrees_with_the_one_household_engine(rows: list[tuple[int, int, bool]]) -> None:
    for rule in (ND07, TWO_BAND):
        income = np.array([r[0] for r in rows], dtype=np.int64)
        dep = np.array([r[1] for r in rows], dtype=np.int8)
        urban = np.array([r[2] for r in rows], dtype=np.bool_)
        got = [CLASSES[i] for i in classify_arrays(rule, income, dep, urban)]
        assert got == [classify_one(rule, i, d, "thanh_thi" if u else "nong_thon") for i, d, u in rows]


def test_the_reason_names_the_line_and_the_count_in_vietnamese() -> None:
    text = reason(ND07, 1_500_000, 2, "nong_thon")
    assert "1.500.000 đồng" in text and "thiếu hụt 2 chỉ số (< 3)" in text and "nông thôn" in text
    unverified = Rule("x", {"nong_thon": (Band(2_200_000, 3, "ngheo", "can_ngheo", verified=False),), "thanh_thi": ()})
    assert "chưa xác minh" in reason(unverified, 100, 4, "nong_thon")


@given(st.lists(st.tuples(st.integers(0, 4_000_000), deprivations, st.booleans()), min_size=1, max_size=40))
def test_the_sql_form_of_a_rule_agrees_with_the_python_engine(rows: list[tuple[int, int, bool]]) -> None:
    import sqlite3

    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE e (income INTEGER, deprivations INTEGER, area TEXT)")
    db.executemany("INSERT INTO e VALUES (?, ?, ?)", [(i, d, "thanh_thi" if u else "nong_thon") for i, d, u in rows])
    for rule in (ND07, TWO_BAND):
        case, params = sql_case(rule)
        got = [r[0] for r in db.execute(f"SELECT {case.replace('%s', '?')} FROM e ORDER BY rowid", params)]
        assert got == [classify_one(rule, i, d, "thanh_thi" if u else "nong_thon") for i, d, u in rows]
