"""Marks are stripped through a list table for text up to U+2FFF and through the lazily grown table past it: the same
letters either way."""

from ansinh.lib.text import _MARKS, nfc, strip_marks


def test_the_list_table_strips_marks_as_the_grown_table_does() -> None:
    for text in ("Ủy ban nhân dân tỉnh chủ trì, phối hợp", "Đường “Hòa Bình” – ½ ² ٣ ǅ", "Sở Y tế 𝑥 ﬁ (past the list)"):
        assert strip_marks(text) == nfc(text).translate(_MARKS)
        assert len(strip_marks(text)) == len(nfc(text))
    assert strip_marks("Đà Nẵng") == "Da Nang"
