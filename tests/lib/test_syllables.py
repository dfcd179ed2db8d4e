"""Syllables a text layer ran together are parted again, only where the defect is systematic."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.lib.syllables import respace_joined_syllables
from ansinh.lib.text import normalize_text

# Syllables ending in a toned vowel, and syllables opening with a consonant no syllable may go on with.
_OPEN_END = ["chủ", "bộ", "sử", "hỗ", "vụ", "đủ", "kỳ", "thủ", "tổ", "trợ", "dụ", "sở"]
_HARD_START = ["trì", "xã", "dụng", "trợ", "báo", "sinh", "Đảng", "thực", "phát", "giáo", "quyết", "rà", "lập", "vận"]
_ANY = _OPEN_END + _HARD_START + ["của", "thủy", "bảo", "hỏi", "Đắk", "Lắk", "tộc", "mộng", "người", "năm", "2026", "%"]


def test_a_plan_whose_text_layer_lost_the_spaces_after_marked_syllables_reads_them_again() -> None:
    glued = "Ban Thường vụĐảng uỷ chủtrì, phối hợp; định kỳbáo cáo.\n" * 4 + "Đảng bộxã hỗtrợsinh hoạt; vụTỉnh uỷ.\n" * 3
    text = respace_joined_syllables(glued)
    assert "vụ Đảng" in text and "chủ trì" in text and "kỳ báo cáo" in text and "bộ xã" in text
    assert "hỗ trợ sinh" in text and "vụ Tỉnh" in text


def test_a_year_a_number_or_a_roman_numeral_run_into_a_marked_syllable_is_parted_again() -> None:
    glued = "Đại hội lần thứI, nhiệm kỳ2025-2030; Chỉ thị số50-CT/TW; khóa thứXIV; Đảng bộxã chủtrì.\n" * 4
    text = respace_joined_syllables(glued)
    assert "thứ I," in text and "kỳ 2025-2030" in text and "số 50-CT/TW" in text and "thứ XIV" in text


def test_a_stop_after_a_falling_asking_or_tumbling_tone_opens_the_next_syllable() -> None:
    # A syllable ending in p, t, c or ch carries the rising or heavy tone, so "kểt", "cảc", "đềc" are two syllables.
    text = respace_joined_syllables("Kểtừ ngày 01/8/2025, cảcác đơn vị gửi Đềcương; Ban Thường vụ chủtrì.\n" * 6)
    assert "Kể từ ngày" in text and "cả các" in text and "Đề cương" in text


def test_a_word_that_is_two_known_syllables_run_together_after_a_toned_vowel_is_parted() -> None:
    # "vụchính", "trịcủa", "từngày": the next syllable opens with a letter a syllable may end with, so only the
    # syllables the diacritics model knows tell the joint.
    text = respace_joined_syllables("Căn cứnhiệm vụchính trịcủa Đảng bộ kểtừngày ký; Ban chủtrì.\n" * 8)
    assert "cứ nhiệm vụ chính trị của" in text and "từ ngày" in text


def test_place_names_and_vowel_pairs_are_never_parted() -> None:
    text = "Tỉnh Đắk Lắk: của, bảo, hỏi, thủy lợi, tộc, mộng. " * 30
    assert respace_joined_syllables(text) == text


def test_a_stray_joint_in_a_long_clean_or_ocr_text_is_left_as_it_is() -> None:
    text = "Ủy ban nhân dân tỉnh giao Sở Nội vụ chủ trì rà soát danh sách hộ nghèo. " * 40 + "chủtrì"
    assert respace_joined_syllables(text) == text


def test_the_canonical_text_of_a_document_includes_the_repair() -> None:
    assert "chủ trì" in normalize_text("Sở Y tế chủtrì; hỗtrợ; bộxã; vụĐảng; kỳbáo; sửdụng; thủtrưởng; đủsức; sởhữu; tổchức\n" * 2)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(_ANY), min_size=1, max_size=400))
def test_text_with_its_spaces_is_never_changed(words: list[str]) -> None:
    text = " ".join(words)
    assert respace_joined_syllables(text) == text


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_OPEN_END), st.sampled_from(_HARD_START)), min_size=12, max_size=60))
def test_pairs_run_together_throughout_a_text_are_parted_again_and_the_repair_is_stable(pairs: list[tuple[str, str]]) -> None:
    glued = " ".join(a + b for a, b in pairs)
    text = respace_joined_syllables(glued)
    assert text == " ".join(f"{a} {b}" for a, b in pairs)
    assert respace_joined_syllables(text) == text
