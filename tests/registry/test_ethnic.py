"""Ethnic group names typed without diacritics, in another case or spacing land on the list's spelling."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ansinh.lib.text import fold
from ansinh.registry.ethnic import _table, canonical

GROUPS = sorted(set(_table().values()))


def test_the_list_holds_the_54_groups_and_each_spelling_maps_to_itself() -> None:
    assert len(GROUPS) == 54
    assert all(canonical(name) == name for name in GROUPS)


def test_names_typed_without_marks_or_by_another_name_find_their_group() -> None:
    assert [canonical(t) for t in ("Tay", "TÀY", " tày ", "Ede", "e-de", "Mong", "hmong", "Bru-Van Kieu")] == [
        "Tày", "Tày", "Tày", "Ê Đê", "Ê Đê", "H'Mông", "H'Mông", "Bru - Vân Kiều"]


def test_a_name_not_in_the_list_is_kept_as_typed_never_refused() -> None:
    assert canonical("người nước ngoài") == "Người nước ngoài"
    assert canonical("") == ""


@given(st.sampled_from(GROUPS), st.sampled_from([str.lower, str.upper, fold, lambda s: s.replace(" ", "")]))
def test_any_case_or_lost_marks_of_a_listed_name_give_its_spelling(name: str, mangle: object) -> None:
    assert callable(mangle)
    assert canonical(mangle(name)) == name

