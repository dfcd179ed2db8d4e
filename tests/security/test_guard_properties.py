"""Property tests for the rules that refuse input: the 64-bit integer guard and the secret-strength estimate."""

from __future__ import annotations

import secrets

from hypothesis import given
from hypothesis import strategies as st

from ansinh.conf import MIN_SECRET_BITS, is_weak_secret, secret_strength_bits
from ansinh.core.middleware import MAX_INT, _bad_value

IN_RANGE = st.integers(min_value=-MAX_INT, max_value=MAX_INT)
OUT_OF_RANGE = st.one_of(st.integers(min_value=MAX_INT + 1), st.integers(max_value=-MAX_INT - 1))


@given(IN_RANGE)
def test_every_64_bit_integer_passes_the_guard(number: int) -> None:
    assert _bad_value("limit", str(number), nul=True) == ""


@given(OUT_OF_RANGE)
def test_every_larger_integer_is_refused_in_vietnamese(number: int) -> None:
    assert "quá lớn" in _bad_value("limit", str(number), nul=True)


@given(st.text(max_size=40).filter(lambda s: "\x00" not in s and not s.strip().lstrip("+-").isdigit()))
def test_text_that_is_not_a_whole_number_is_left_to_the_view(value: str) -> None:
    assert _bad_value("q", value, nul=True) == ""


@given(st.text(min_size=1, max_size=20), st.text(max_size=20))
def test_a_nul_anywhere_is_refused_on_the_api_only(before: str, after: str) -> None:
    value = before + "\x00" + after
    assert "NUL" in _bad_value("q", value, nul=True)
    assert "NUL" not in _bad_value("q", value, nul=False)


# Drawn from an alphabet of at most 9 characters rather than filtered: the filter threw most texts away.
@given(st.sets(st.characters(codec="utf-8"), min_size=1, max_size=9).flatmap(
    lambda chars: st.text(alphabet=sorted(chars), min_size=40, max_size=200)
))
def test_a_secret_of_few_distinct_characters_is_weak_whatever_its_length(secret: str) -> None:
    assert is_weak_secret(secret)


@given(st.integers(min_value=30, max_value=80))
def test_a_random_url_safe_token_of_30_bytes_or_more_is_strong(size: int) -> None:
    assert secret_strength_bits(secrets.token_urlsafe(size)) >= MIN_SECRET_BITS


@given(st.text(alphabet=st.characters(min_codepoint=33, max_codepoint=126), min_size=1, max_size=12),
       st.integers(min_value=4, max_value=40))
def test_a_short_pattern_repeated_is_weak(pattern: str, times: int) -> None:
    assert is_weak_secret(pattern * times)


@given(st.integers(min_value=30, max_value=80))
def test_a_random_token_is_never_weak(size: int) -> None:
    assert not is_weak_secret(secrets.token_urlsafe(size))
