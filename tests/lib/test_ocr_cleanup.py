"""OCR clean-up of unmarked Vietnamese text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.lib.diacritics import restore_diacritics
from ansinh.lib.ocr_cleanup import clean_ocr
from tests.sizes import size


def test_known_confusions_fixed() -> None:
    text = "Thyc hien Chuang trinh hanh dyng s6 50 cua nguai dan, nha nuac quan tarn"
    assert clean_ocr(text) == "Thuc hien Chuong trinh hanh dong so 50 cua nguoi dan, nha nuoc quan tam"


def test_context_decides() -> None:
    assert clean_ocr("doi mai va nang cao") == "doi moi va nang cao"
    assert clean_ocr("giao due duyc quan tarn") == "giao duc duoc quan tam"


def test_control_debris_and_hyphenation() -> None:
    assert clean_ocr("xa hoi\n\\rfrngay cang day du") == "xa hoi\nngay cang day du"
    assert clean_ocr("To\nrf\\fquoc") == "To\nquoc"
    assert clean_ocr("chinh sach xa hoi va chin-\nh quyen") == "chinh sach xa hoi va chinh quyen"


def test_clean_text_kept() -> None:
    text = "Ke hoach so 50-CTr/TU, nam 2024: ty le ho ngheo giam con 0,55%."
    assert clean_ocr(text) == text
    marked = "Người có công được chăm lo."
    assert clean_ocr(marked) == marked


def test_pipeline_with_restoration() -> None:
    assert restore_diacritics(clean_ocr("Ddi song cua nguai co cong")) == "Đời sống của người có công"


@settings(max_examples=size(40, 150), deadline=None)
@given(st.text(max_size=200))
def test_never_raises(text: str) -> None:
    assert isinstance(clean_ocr(text), str)
