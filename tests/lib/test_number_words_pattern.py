"""The run of number words is found by one branch per first letter: the same matches as the plain list of words."""

import re

from ansinh.lib.vn_number_words import _WORDS, NUMBER_WORDS

_WORDS_LONGEST_FIRST = "|".join(sorted(_WORDS, key=len, reverse=True))
_PLAIN = re.compile(r"(?<![\w])(?:" + _WORDS_LONGEST_FIRST + r")(?:[ \t]+(?:" + _WORDS_LONGEST_FIRST + r"))*(?![\w])")


def test_grouped_number_words_find_what_the_plain_word_list_finds() -> None:
    text = ("Xây mới ba trăm căn nhà, hai mươi lăm trạm y tế và mười nghìn suất quà; Năm 2026 có bốn xã, "
            "tám xãba, không còn hộ nghèo, một trăm linh năm km, chín\tmươi mốt người, lẻ loi, Mười hai.")
    assert [m.span() for m in NUMBER_WORDS.finditer(text)] == [m.span() for m in _PLAIN.finditer(text)]
    assert [m.span() for m in NUMBER_WORDS.finditer(text, 10, 60)] == [m.span() for m in _PLAIN.finditer(text, 10, 60)]


def test_a_number_word_inside_a_longer_word_is_not_read() -> None:
    assert NUMBER_WORDS.search("támba") is None
    assert NUMBER_WORDS.search("xã ba") is not None
