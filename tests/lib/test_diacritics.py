"""Diacritic restoration: sentences, layout preservation, robustness, idempotence."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.lib.diacritics import (
    default_model,
    is_vietnamese_syllable,
    needs_restoration,
    restore_diacritics,
    train,
)
from ansinh.lib.diacritics_bench import syllable_accuracy
from ansinh.lib.text import strip_marks
from tests.sizes import size


@pytest.mark.parametrize(
    "sentence",
    [
        "Kế hoạch thực hiện chính sách xã hội trên địa bàn Thành phố Hồ Chí Minh.",
        "Nâng cao chất lượng chăm sóc sức khỏe người dân; bảo đảm 100% người có công được chăm lo.",
        "Ủy ban nhân dân tỉnh Quảng Trị",
        "giảm nghèo bền vững",
    ],
)
def test_sentences_restored(sentence: str) -> None:
    assert restore_diacritics(strip_marks(sentence)) == sentence


def test_case_punctuation_numbers_and_spacing_kept() -> None:
    text = "  KE HOACH so 207/KH-UBND:\n\tThuc hien (nam 2021)  -- ty le 92,74%!\n"
    out = restore_diacritics(text)
    assert strip_marks(out) == text
    assert out.startswith("  KẾ HOẠCH số 207/KH-UBND:\n\tThực hiện (năm 2021)")


def test_marked_text_unchanged() -> None:
    text = "Kế hoạch cho năm 2025, thanh tra và kiểm tra."
    assert not needs_restoration(text)
    assert restore_diacritics(text) == text


def test_needs_restoration() -> None:
    assert needs_restoration("Ke hoach thuc hien chinh sach xa hoi nam 2025")
    assert not needs_restoration("The plan for the city council")
    assert not needs_restoration("12345 -- %%")
    assert not needs_restoration("")


def test_syllable_shape() -> None:
    assert is_vietnamese_syllable("nghiêng") and is_vietnamese_syllable("Quyết")
    assert not is_vietnamese_syllable("tarn") and not is_vietnamese_syllable("UBND")


def test_train_small_model() -> None:
    model = train(["Người dân được hỗ trợ. Người có công được chăm lo."] * 3)
    assert restore_diacritics("nguoi dan duoc ho tro", model) == "người dân được hỗ trợ"
    assert syllable_accuracy("người dân", "người dan") == (1, 2)


def test_model_round_trip(tmp_path) -> None:
    from ansinh.lib.diacritics import Model

    model = train(["Chính sách xã hội, giảm nghèo bền vững."])
    path = tmp_path / "m.json.gz"
    model.save(path)
    again = Model.load(path)
    assert again.unigrams == model.unigrams and again.trigrams == model.trigrams


def test_bundled_model_is_small() -> None:
    from ansinh.lib.diacritics import MODEL_PATH

    assert MODEL_PATH.stat().st_size < 5 * 1024 * 1024
    assert len(default_model().unigrams) > 1000


@settings(max_examples=size(40, 200), deadline=None)
@given(st.text(max_size=300))
def test_never_raises_and_keeps_layout(text: str) -> None:
    out = restore_diacritics(text)
    assert isinstance(out, str)
    if out != text:
        assert strip_marks(out) == strip_marks(text)


VI = "aàáảãạăắặâấậđeèéêếệiìíoòóôốộơớợuùúưứựyýAĐÊ"


@settings(max_examples=size(40, 100), deadline=None)
@given(st.text(alphabet=VI + " ,.\n", min_size=1, max_size=120))
def test_idempotent(text: str) -> None:
    once = restore_diacritics(text)
    assert restore_diacritics(once) == once
