"""Faster readings of the parser give exactly what the plain readings give (issue 10, speed on clean text)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import partner_clauses

_SUBJECT_WORDS = ["so y te", "chu dong", "tich cuc", "kip thoi", "thuong xuyen", "dong", ",", " ", "\n", "cuc", "xuyenx"]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(_SUBJECT_WORDS), max_size=8), st.integers(0, 3))
def test_the_look_at_the_end_never_hides_an_adverb_the_pattern_finds(words: list[str], cut: int) -> None:
    folded = " ".join(words)
    start = min(cut, len(folded))
    if not partner_clauses._may_end_with_adverb(folded, start, len(folded)):
        assert partner_clauses._ADVERB.search(folded, start, len(folded)) is None


def test_the_doer_ends_before_an_adverb_of_its_role() -> None:
    folded = "so tai chinh chu dong, "
    assert partner_clauses.subject_end(folded, 0, len(folded)) == len("so tai chinh")

