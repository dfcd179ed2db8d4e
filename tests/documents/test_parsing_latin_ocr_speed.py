"""The faster look-ups of parsing/ocr_latin (issue 10's throughput on text an OCR engine without Vietnamese read) find
what the plain ones found."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing.ocr_latin import _ALNUM, _INNER_Q, _RUN_TOKEN, _SIGN_IN_WORD, repair_latin_ocr
from tests.sizes import size


def _inner_q_tokens(text: str) -> list[tuple[int, int]]:
    """The tokens the inner-"q" look-up starts from, as repair_latin_ocr walks them (a run opens the text)."""
    out: list[tuple[int, int]] = []
    token_end = 0
    for m in _INNER_Q.finditer(text):
        if m.start() < token_end:
            continue
        token_start = m.start() - 1
        while token_start > 0 and text[token_start - 1] in _ALNUM:
            token_start -= 1
        match = _RUN_TOKEN.match(text, m.start())
        assert match is not None
        token_end = match.end()
        out.append((token_start, token_end))
    return out


@settings(max_examples=size(80, 300), deadline=None)
@given(st.lists(st.sampled_from(["q", "Q", "qu", "a", "B", "du", "c", "1", " ", "\n", ".", "-", "ơ", "$", "^"]),
                max_size=40))
def test_the_tokens_with_an_inner_q_are_those_of_the_plain_token_walk(parts: list[str]) -> None:
    text = "".join(parts)
    plain = [m.span() for m in _RUN_TOKEN.finditer(text) if "q" in m.group(0).lower()[1:]]
    assert _inner_q_tokens(text) == plain


@settings(max_examples=size(80, 300), deadline=None)
@given(st.text(alphabet="abAB$^ 1\n", max_size=40))
def test_a_sign_inside_a_word_is_found_where_the_lookbehind_first_pattern_finds_it(text: str) -> None:
    plain = re.compile(r"(?<=[A-Za-z])[$^](?=[a-z])")
    assert [m.span() for m in _SIGN_IN_WORD.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_a_misread_q_inside_a_word_is_still_read_back() -> None:
    # an invented letter of a department, as an engine without Vietnamese reads it: "Bộ" as "Bq", "được" as "duqc"
    line = "Cac don vi thuoc Bq duqc giao chu tri thuc hien cac nhiem vu nam 2027 theo ke hoach cua Bq.\n"
    clean = repair_latin_ocr(line * 6 + "Thyc hien quy dinh ciia Bp ve bao cao dinh ky hang quy.\n" * 3)
    assert "thuoc Bo duoc giao" in clean and "quy dinh" in clean
