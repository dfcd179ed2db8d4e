"""A scan read by an OCR engine without Vietnamese (issue 10): readings shorter than the token, "B" for "Đ", short
unmarked lines, and the folded search (``lib/ocr_folded``) that reads the runs."""

from __future__ import annotations

from ansinh.documents.parsing.clean import prepare
from ansinh.documents.parsing.ocr_latin import repair_latin_ocr
from ansinh.lib.diacritics import fold_model, folded_model, train
from ansinh.lib.ocr_folded import folded_readings

# An invented directive as such an engine reads it: "của" as "ciia", "chủ trì" as "chii tri", "Vụ" as "VY".
MISREAD = """Bo truong yeu cau cac ca quan, don vi thyc hien tot cac nhiem vu sau day:
1.Ve quan ly nha nuac doi vai moi truong:
a) Cue Kiem soat o nhiem chii tri, phoi hop vai Vy Phap che huong dan cac dia phuang.
b) Vy Ke hoach bo tri kinh phi thyc hien cac nhiem vu nam 2027 ciia Bp.
c) Cue Quan ly chat thai chu tri kiem tra cac ca sa san xuat tren dia ban.
II. NHIEM VY
Thanh tra Bq to chuc kiem tra viec thyc hien quy dinh ciia phap luat.
Cac Cue, Vy thyc hien dung tien dp va bao cao ket qua ve Bo truoc ngay 15.
"""


def test_a_reading_shorter_than_the_misread_token_moves_the_rest_of_its_line_left_and_pads_its_end() -> None:
    doc = prepare(MISREAD)
    assert len(doc.clean) == len(MISREAD) and doc.text == MISREAD
    assert [len(line) for line in doc.clean.split("\n")] == [len(line) for line in MISREAD.split("\n")]
    assert "o nhiem chu tri, phoi hop" in doc.clean  # "chii" read as "chu", the words one space apart
    assert "cua Bo" in doc.clean and "quy dinh cua phap luat." in doc.clean


def test_a_short_unmarked_heading_is_read_with_the_run_around_it() -> None:
    clean = repair_latin_ocr(MISREAD)
    assert "\nII. NHIEM VU\n" in clean  # a heading of two tokens: no prose line, read all the same


def test_a_text_with_its_marks_is_left_as_it_is() -> None:
    text = "Bộ trưởng yêu cầu các cơ quan thực hiện:\n" * 8 + "II. NHIEM VY\n"
    assert repair_latin_ocr(text) == text


def test_the_folded_model_counts_every_marked_form_of_a_key_as_one() -> None:
    model = fold_model(train(["Bộ Tài chính chủ trì", "bố trí kinh phí của Bộ"]))
    assert model.unigrams["bo"] == 3 and model.candidates["bo"] == ["bo"]
    assert model.bigrams[("bo", "tai")] == 1


def test_a_misread_token_that_is_a_rare_key_is_read_by_its_context() -> None:
    text = "Cac ca quan, don vi phoi hop vai Bo Tai chinh thyc hien dung tien dp."
    words = {word for _s, _e, word in folded_readings(text, folded_model())}
    assert {"co", "voi", "thuc"} <= words  # "ca quan", "phoi hop vai": known keys, read as "co quan", "voi"


def test_a_capitalised_heading_is_read_with_the_lower_case_look_alikes_and_b_for_d() -> None:
    text = "II. CHI TIEU CHII YEU THYC HIEN BEN NAM 2030"
    assert [w for _s, _e, w in folded_readings(text, folded_model())] == ["CHU", "THUC", "DEN"]


def test_an_article_heading_misread_by_the_engine_is_read_back_before_its_number() -> None:
    text = MISREAD + "Biku 3. Trach nhiem thi hanh\nBIEU 4.\nCac Cue, Vy chii tri thyc hien Bilu 5 cua Quyet dinh nay.\n"
    clean = repair_latin_ocr(text)
    assert "\nDieu 3. Trach nhiem" in clean and "\nDIEU 4.\n" in clean
    assert "Dieu 5" not in clean  # not at a line's start: no article heading


def test_u_horn_read_as_d_and_e_circumflex_read_as_k_or_g_are_read_back_in_context() -> None:
    text = "Lanh dao So Cong Thdong chu tri giai quykt cac kign nghi cua nguoi dan ve Chdong trinh"
    words = [w for _s, _e, w in folded_readings(text, folded_model())]
    assert {"Thuong", "quyet", "kien", "Chuong"} <= set(words)


def test_a_sign_inside_a_word_and_an_f_are_read_as_the_vowels_they_stand_for() -> None:
    text = MISREAD + "Cac don vi thuc hi$n va bao cao Bo theo quy dinh phap lu^t ve thuc hifn ke hoach.\n"
    clean = repair_latin_ocr(text)
    assert len(clean) == len(text)
    assert "thuc hien va bao cao" in clean and "phap luat ve thuc hien" in clean
    assert repair_latin_ocr("US$ 5 va 2^3") == "US$ 5 va 2^3"  # no run of misread prose: left as it is
