"""Part numerals (I, II, … XXXIX) read and written by one helper, ansinh.lib.roman."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.lib.roman import roman_value, to_roman


def test_the_usual_part_numerals_read_as_their_values() -> None:
    assert [roman_value(t) for t in ("I", "II", "III", "IV", "V", "IX", "XIV", "XXXIX")] == [1, 2, 3, 4, 5, 9, 14, 39]


def test_anything_else_is_no_part_numeral() -> None:
    assert [roman_value(t) for t in ("", "A", "IL", "XL", "XXXX", "i")] == [None, None, None, None, None, None]


def test_an_ocr_numeral_with_a_letter_out_of_order_still_reads_from_the_right() -> None:
    assert roman_value("IIX") == 8


def test_numbers_are_written_the_usual_way_up_to_the_thousands() -> None:
    assert [to_roman(n) for n in (0, 4, 14, 40, 1994)] == ["", "IV", "XIV", "XL", "MCMXCIV"]


@settings(max_examples=39, deadline=None)
@given(st.integers(1, 39))
def test_writing_then_reading_a_part_number_gives_it_back(n: int) -> None:
    assert roman_value(to_roman(n)) == n
