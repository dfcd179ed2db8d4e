"""ID numbers, phones and commune codes typed into Excel number cells lose their leading zeros; import restores them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ansinh.registry.rows import restore_leading_zero

IDS = st.from_regex(r"\A0[0-9]{11}\Z")


@given(IDS)
def test_an_id_number_read_as_a_number_gets_its_zeros_back(personal_id: str) -> None:
    as_number = str(int(personal_id))
    if len(as_number) >= 10:  # one zero lost (province 0xx), or two (Hà Nội and the like: 00x)
        assert restore_leading_zero(as_number, 12, missing=2) == personal_id


@given(IDS)
def test_a_well_written_id_number_is_left_alone(personal_id: str) -> None:
    assert restore_leading_zero(personal_id, 12, missing=2) == personal_id


def test_phones_get_their_zero_back_and_other_values_go_to_the_checks_untouched() -> None:
    assert restore_leading_zero("912000222", 10) == "0912000222"
    assert restore_leading_zero("2033123456", 11) == "02033123456"
    for value in ("12345", "91200022", "9120002229", "A12000222", "０912000222", ""):
        assert restore_leading_zero(value, 10) == value
