"""Vietnamese text helpers: folding keeps offsets, unsegmenting keeps rule lines."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ansinh.lib.text import fold, fold_key, nfc, normalize_text, strip_marks, unsegment


@given(st.text())
def test_folding_never_changes_the_length_of_the_nfc_text(text: str) -> None:
    assert len(fold(text)) == len(nfc(text))


def test_it_folds_case_and_every_diacritic() -> None:
    assert fold("Đà Nẵng ỦY BAN Thực hiện") == "da nang uy ban thuc hien"
    assert strip_marks("Nghị quyết") == "Nghi quyet"


def test_a_comparison_key_ignores_punctuation_and_spacing() -> None:
    assert fold_key("Sở Lao động - Thương binh  và Xã hội;") == "so lao dong thuong binh va xa hoi"


def test_word_segmentation_marks_become_spaces() -> None:
    assert unsegment("Kế_hoạch thực_hiện") == "Kế hoạch thực hiện"


def test_a_rule_line_of_underscores_is_kept() -> None:
    assert unsegment("Hồ Chí Minh\n________________\n") == "Hồ Chí Minh\n________________\n"


def test_normalising_composes_marks_and_unifies_line_ends() -> None:
    decomposed = "Ke\u0302\u0301 hoa\u0323ch\r\nso\u0302\u0301"
    assert normalize_text(decomposed) == "Kế hoạch\nsố"
