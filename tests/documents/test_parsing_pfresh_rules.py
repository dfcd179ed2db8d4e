"""Text a scan's OCR read without Vietnamese: the noise kind that imitates it, and the parser reading it (issue 10)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.noise import perturb
from ansinh.lib.diacritics import is_marked

DIRECTIVE = """CHỈ THỊ
Về công tác bảo vệ môi trường năm 2027

Bộ trưởng Bộ Tài nguyên yêu cầu các cơ quan, đơn vị thực hiện tốt các nhiệm vụ sau đây:
1. Về quản lý chất thải rắn:
a) Cục Kiểm soát ô nhiễm: Hướng dẫn các địa phương phân loại chất thải tại nguồn.
b) Vụ Pháp chế: Rà soát quy định về thu gom, vận chuyển chất thải.
2. Về công tác thanh tra:
- Thanh tra Bộ kiểm tra việc chấp hành pháp luật của các cơ sở sản xuất.
"""

_WORDS = st.sampled_from(["Bộ", "Cục", "Vụ", "cơ", "quan", "của", "nước", "người", "số", "tâm", "Đẩy", "mạnh", "thực", "hiện"])


def test_a_scan_read_without_vietnamese_has_no_mark_left() -> None:
    noisy = perturb(DIRECTIVE, "latinocr", 0)
    assert not any(is_marked(word) for word in noisy.split())


def test_a_scan_read_without_vietnamese_misreads_some_marked_letters_and_glues_some_item_marks() -> None:
    noisy = [perturb(DIRECTIVE, "latinocr", seed) for seed in range(4)]
    assert any("Bp" in t or "Bq" in t or "Bg" in t or "By" in t for t in noisy)  # "Bộ" read as a look-alike
    assert any("\na)Cuc" in t or "\n1.Ve" in t or "\n-Thanh" in t for t in noisy)  # a mark glued to its text


@settings(max_examples=30, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=12), st.integers(0, 50))
def test_any_phrase_read_without_vietnamese_keeps_its_unmarked_letters_and_loses_every_mark(words: list[str], seed: int) -> None:
    text = " ".join(words)
    noisy = perturb(text, "latinocr", seed)
    assert not any(is_marked(w) for w in noisy.split())
    assert perturb(text, "latinocr", seed) == noisy
