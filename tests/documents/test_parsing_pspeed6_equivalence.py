"""Faster readings of the parser give exactly what the plain readings give (issue 10, speed on clean text, round 14)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import ocr_latin

_MARKED_PIECES = ["ệ", "Đ", "a", " ", "\n", "ư", "x" * 50, "ố" * 10, "Ā"]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(_MARKED_PIECES), max_size=400))
def test_the_marked_text_look_counts_marked_letters_as_the_list_of_them_did(pieces: list[str]) -> None:
    text = "".join(pieces)
    many = len(ocr_latin._MARKED_LETTER.findall(text[:20000])) > 200
    assert (ocr_latin._MANY_MARKED.match(text, 0, 20000) is not None) == many


def test_a_text_with_its_marks_is_passed_over_by_the_latin_ocr_repair() -> None:
    text = "Sở Y tế chủ trì, phối hợp với các đơn vị liên quan.\n" * 40
    assert ocr_latin.repair_latin_ocr(text) is text
