"""Vietnamese numbers: reading the shapes documents print, and writing them back."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ansinh.lib.vnnumbers import format_vn, parse_quantity, parse_vn


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3,5", 3.5),
        ("160.000", 160000),
        ("1.234,5", 1234.5),
        ("1.036.609", 1036609),
        ("8,342,216", 8342216),
        ("38.4", 38.4),
        ("37.59", 37.59),
        ("99,10", 99.1),
        ("2", 2),
    ],
)
def test_it_reads_the_number_shapes_plans_use(text: str, expected: float) -> None:
    assert parse_vn(text) == pytest.approx(expected)


def test_it_reads_a_lone_comma_as_a_decimal_unless_the_column_holds_whole_amounts() -> None:
    assert parse_vn("307,666") == pytest.approx(307.666)
    assert parse_vn("307,666", grouping=True) == 307666


def test_it_refuses_what_is_not_a_number() -> None:
    assert parse_vn("") is None
    assert parse_vn("abc") is None
    assert parse_vn("1..2") is None


def test_it_reads_a_range_with_a_percent_sign() -> None:
    q = parse_quantity("73-75%")
    assert q is not None
    assert (q.comparator, q.value, q.value_max, q.unit) == ("range", 73, 75, "%")


def test_it_reads_a_spaced_range_without_unit() -> None:
    q = parse_quantity("30 - 35")
    assert q is not None and (q.comparator, q.value, q.value_max) == ("range", 30, 35)


@pytest.mark.parametrize(
    ("text", "comparator", "value", "unit"),
    [
        ("Dưới 3%", "<", 3, "%"),
        ("Trên 99%", ">", 99, "%"),
        ("Từ 90% trở lên", ">=", 90, "%"),
        ("khoảng 65%", "approx", 65, "%"),
        ("tối thiểu 68 năm", ">=", 68, None),
        ("dưới 8‰", "<", 8, "‰"),
        ("gấp 2 lần", "=", 2, "lần"),
        ("0,1%/năm", "=", 0.1, "%"),
        ("≥ 95", ">=", 95, None),
        ("≤5%", "<=", 5, "%"),
        ("< 14", "<", 14, None),
        ("> 2.000", ">", 2000, None),
    ],
)
def test_it_reads_comparator_words_before_a_value(text: str, comparator: str, value: float, unit: str | None) -> None:
    q = parse_quantity(text)
    assert q is not None
    assert (q.comparator, q.value, q.unit) == (comparator, pytest.approx(value), unit)


def test_it_writes_numbers_the_vietnamese_way() -> None:
    assert format_vn(160000) == "160.000"
    assert format_vn(3.5) == "3,5"
    assert format_vn(1234.5) == "1.234,5"
    assert format_vn(-2) == "-2"
    assert format_vn(2.5, decimals=2) == "2,50"


@given(st.integers(min_value=-10**12, max_value=10**12))
def test_whole_numbers_round_trip(x: int) -> None:
    assert parse_vn(format_vn(x)) == x


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False))
def test_decimal_numbers_round_trip(x: float) -> None:
    assert parse_vn(format_vn(x)) == x


def test_a_short_figure_rounds_to_two_places_and_never_ends_in_a_comma() -> None:
    from ansinh.lib.vnnumbers import format_short

    assert [format_short(x) for x in (0.999, 2.004, 1234.5, 160000, 95.3125)] == ["1", "2", "1.234,5", "160.000", "95,31"]


def test_an_entered_number_may_carry_a_percent_sign_and_grouping() -> None:
    from ansinh.lib.vnnumbers import parse_entered

    assert [parse_entered(t) for t in ("12,5", "1.000", "1.234,5", "8%", "8\u00a0%", "abc")] == [12.5, 1000.0, 1234.5, 8.0, 8.0, None]
