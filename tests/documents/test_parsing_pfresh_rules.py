"""Text a scan's OCR read without Vietnamese: the noise kind that imitates it, and the parser reading it (issue 10)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.noise import perturb
from ansinh.documents.parsing import ocr_latin
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


# A directive (invented) as an engine without Vietnamese reads it: "Cục" as "Cue", "Vụ" as "Vy", "nước" as "nuac".
MISREAD = """Bo truong yeu cau cac ca quan, don vi thyc hien tot cac nhiem vu sau day:
1.Ve quan ly nha nuac doi vai moi truong:
a) Cue Kiem soat o nhiem chii tri, phoi hop vai Vy Phap che huong dan cac dia phuang.
b) Vy Ke hoach bo tri kinh phi thyc hien cac nhiem vu nam 2027 cua Bp.
c) Cue Quan ly chat thai chu tri kiem tra cac ca sa san xuat tren dia ban.
2.Ve thanh tra: Thanh tra Bq to chuc kiem tra viec thyc hien quy dinh cua phap luat.
3.Thyc hien Bieu 2 cua Quyet dinh nay; cac Cue, Vy thyc hien dung tien dp.
"""
# The same directive typed without marks: every token a known syllable.
TYPED = """Bo truong yeu cau cac co quan, don vi thuc hien tot cac nhiem vu sau day:
1. Ve quan ly nha nuoc doi voi moi truong:
a) Cuc Kiem soat o nhiem chu tri, phoi hop voi Vu Phap che huong dan cac dia phuong.
b) Vu Ke hoach bo tri kinh phi thuc hien cac nhiem vu nam 2027 cua Bo.
c) Cuc Quan ly chat thai chu tri kiem tra cac co so san xuat tren dia ban.
2. Ve thanh tra: Thanh tra Bo to chuc kiem tra viec thuc hien quy dinh cua phap luat.
"""


def test_the_look_alike_letters_of_a_misread_scan_are_read_back_in_the_clean_view_at_the_same_length() -> None:
    from ansinh.documents.parsing.clean import prepare

    doc = prepare(MISREAD)
    assert len(doc.clean) == len(MISREAD)
    assert "Cuc Kiem soat" in doc.clean and "nha nuoc" in doc.clean and "thuc hien" in doc.clean
    assert doc.text == MISREAD  # spans still point into the caller's text


def test_an_o_read_as_q_is_read_back_when_only_that_reading_is_a_syllable() -> None:
    from ansinh.documents.parsing.clean import prepare

    clean = prepare(MISREAD).clean
    assert "Thanh tra Bo to chuc" in clean and "tien do." in clean


def test_a_text_typed_without_marks_is_left_as_it_is() -> None:
    from ansinh.documents.parsing.ocr_latin import repair_latin_ocr

    assert repair_latin_ocr(TYPED) == TYPED


@settings(max_examples=20, deadline=None)
@given(st.lists(st.lists(_WORDS, min_size=4, max_size=10), min_size=1, max_size=8))
def test_a_text_with_marks_is_never_changed(lines: list[list[str]]) -> None:
    from ansinh.documents.parsing.ocr_latin import repair_latin_ocr

    text = "\n".join(" ".join(words) + " của Bộ" for words in lines)
    assert repair_latin_ocr(text) == text


def test_a_lettered_point_glued_to_its_capital_is_still_a_point() -> None:
    from ansinh.documents.parsing.clean import prepare
    from ansinh.documents.parsing.structure import parse_outline

    text = "1. Về quản lý chất thải:\na)Cục Kiểm soát ô nhiễm: Hướng dẫn phân loại rác.\nb)Vụ Pháp chế: Rà soát quy định.\n"
    labels = [(n.style, n.label) for n in parse_outline(prepare(text)).walk()[1:]]
    assert labels == [("num1", "1"), ("lower", "a"), ("lower", "b")]


def test_a_bracket_glued_to_a_small_letter_is_no_point() -> None:
    from ansinh.documents.parsing.clean import prepare
    from ansinh.documents.parsing.structure import parse_outline

    text = "1. Về quản lý chất thải:\nb)ảo đảm vệ sinh môi trường tại các khu dân cư.\n"
    assert [n.style for n in parse_outline(prepare(text)).walk()[1:]] == ["num1"]


def _unmarked_stretch_read_mark_by_mark(clean: str) -> bool:
    last = -1
    for m in ocr_latin._MARKED_LETTER.finditer(clean):
        if m.start() - last > 1500:
            return True
        last = m.start()
    return len(clean) - last > 1500


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a", "ệ", " ", "\n"]), st.integers(1, 1600)), max_size=12))
def test_a_long_unmarked_stretch_is_found_by_windows_as_mark_by_mark(parts: list[tuple[str, int]]) -> None:
    clean = "".join(c * n for c, n in parts)
    assert ocr_latin._has_long_unmarked_stretch(clean) == _unmarked_stretch_read_mark_by_mark(clean)
