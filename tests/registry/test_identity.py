"""The personal ID number's structure checks and the registry code's check character."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from ansinh.registry import codes
from ansinh.registry.identity import ERROR, WARNING, check_personal_id, id_birth_year, place_codes

TODAY = dt.date(2026, 12, 2)


def make_id(place: str, year: int, sex: str, tail: str = "123456") -> str:
    digit = 2 * ((year - 1900) // 100) + (0 if sex == "nam" else 1)
    return f"{place}{digit}{year % 100:02d}{tail}"


def errors(issues: list) -> list[str]:
    return [i.code for i in issues if i.level == ERROR]


def test_the_place_code_table_has_the_63_codes_of_circular_07_2016() -> None:
    table = place_codes()
    assert len(table) == 63
    assert table["079"] == "Hồ Chí Minh"
    assert table["001"] == "Hà Nội"


def test_a_consistent_number_has_no_issue() -> None:
    number, issues = check_personal_id("079 0 85 012345", birth_year=1985, sex="nam", today=TODAY)
    assert number == "079085012345"
    assert issues == []


def test_a_number_of_the_wrong_length_is_an_error_in_vietnamese() -> None:
    _, issues = check_personal_id("07928501234", today=TODAY)
    assert errors(issues) == ["length"]
    assert "12 chữ số" in issues[0].message


def test_a_number_with_letters_is_an_error() -> None:
    _, issues = check_personal_id("07928501234A", today=TODAY)
    assert errors(issues) == ["not_digits"]


def test_a_number_contradicting_sex_or_birth_year_is_an_error() -> None:
    _, issues = check_personal_id("079085012345", birth_year=1986, sex="nu", today=TODAY)
    assert sorted(errors(issues)) == ["sex", "year"]
    assert any("nữ" in i.message for i in issues)


def test_a_number_from_the_future_is_an_error() -> None:
    _, issues = check_personal_id("079499012345", today=TODAY)
    assert "future" in errors(issues)


def test_an_unknown_place_code_is_flagged_not_refused() -> None:
    _, issues = check_personal_id("999085012345", birth_year=1985, sex="nam", today=TODAY)
    assert [(i.level, i.code) for i in issues] == [(WARNING, "place")]


@given(
    place=st.sampled_from(sorted(place_codes())),
    year=st.integers(1900, 2026),
    sex=st.sampled_from(["nam", "nu"]),
    tail=st.from_regex(r"\A[0-9]{6}\Z"),
)
def test_every_number_built_from_the_rules_passes_and_gives_back_its_year(place: str, year: int, sex: str, tail: str) -> None:
    number = make_id(place, year, sex, tail)
    assert id_birth_year(number) == year
    assert check_personal_id(number, birth_year=year, sex=sex, today=TODAY)[1] == []


@given(
    year=st.integers(1900, 2026),
    other=st.integers(1900, 2026),
    sex=st.sampled_from(["nam", "nu"]),
)
def test_a_birth_year_other_than_the_numbers_is_always_an_error(year: int, other: int, sex: str) -> None:
    number = make_id("079", year, sex)
    found = errors(check_personal_id(number, birth_year=other, sex=sex, today=TODAY)[1])
    assert ("year" in found) == (year != other)


@given(st.text(max_size=20))
def test_any_text_gives_issues_or_a_clean_12_digit_number_and_never_raises(text: str) -> None:
    number, issues = check_personal_id(text, today=TODAY)
    if number and not errors(issues):
        assert len(number) == 12 and number.isdigit()


def test_a_new_registry_code_is_valid_and_a_changed_character_is_caught() -> None:
    code = codes.new_code()
    assert len(code) == codes.LENGTH and codes.is_valid(code)
    assert codes.is_valid(code.lower())


@given(st.text(alphabet=codes.ALPHABET, min_size=codes.BODY_LENGTH, max_size=codes.BODY_LENGTH), st.integers(0, 9), st.sampled_from(codes.ALPHABET))
def test_any_single_character_change_breaks_the_check(body: str, pos: int, ch: str) -> None:
    code = codes.PREFIX + body + codes.check_char(body)
    assert codes.is_valid(code)
    changed = body[:pos] + ch + body[pos + 1 :]
    if changed != body:
        assert not codes.is_valid(codes.PREFIX + changed + codes.check_char(body))


@given(st.text(alphabet=codes.ALPHABET, min_size=codes.BODY_LENGTH, max_size=codes.BODY_LENGTH), st.integers(0, 8))
def test_swapping_two_neighbours_breaks_the_check(body: str, pos: int) -> None:
    swapped = body[:pos] + body[pos + 1] + body[pos] + body[pos + 2 :]
    if swapped != body:
        assert not codes.is_valid(codes.PREFIX + swapped + codes.check_char(body))


def test_codes_made_in_bulk_are_valid_and_distinct() -> None:
    batch = codes.new_codes(5000)
    assert len(batch) == 5000 and len(set(batch)) == 5000
    assert all(codes.is_valid(c) for c in batch)
