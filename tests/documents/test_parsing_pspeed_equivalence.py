"""Round 10's parser speed-ups read exactly as the code they replaced: each cheap look or rewritten pattern against
its plain form (invented probes, then any text hypothesis finds)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import (
    clause_units,
    partner_clauses,
    pipeline,
    report_schedule,
    reporting,
    target_conditions,
    target_mentions,
    target_years,
)
from ansinh.documents.parsing import structure as S
from ansinh.documents.parsing.clean import (
    _FIRST_TOKEN,
    _NEEDED,
    _SEGMENT_MARK,
    Doc,
    _junk_prefix_length,
    fold_same_length,
    prepare,
)
from ansinh.documents.parsing.denoise import ESCAPE
from ansinh.documents.parsing.line_patterns import line_spans
from ansinh.documents.parsing.name_lists import level_list
from ansinh.documents.parsing.target_words import _NUM
from ansinh.documents.parsing.text_caches import clear_text_caches
from ansinh.documents.parsing.vocab import YEAR_CUE, ZERO_CUE
from ansinh.lib.text import fold
from tests.sizes import size

WORDS = ["không còn", "khong co", "xóa bỏ", "xoa bo", "hoàn thành xóa", "hộ", "nhà", "trường hợp", "nếu", "khi", "điều chỉnh",
         "xem xét lại", "cập nhật lại", "mục tiêu", "tỷ lệ", "1:50.000", "báo cáo", "bao cao", "sơ kết", "tổng hợp kết quả",
         "gửi kết quả", "chủ trì", "phối hợp", "đầu mối", "năm 2025", "ngày 30/6/2026", "đến", "trước", "3,5", "12.000", "x",
         "_", "Kế_hoạch", "a_b", " ", "  ", "\n", "\t", ",", ".", ";", ":", "(", ")", "/", "Sở Y tế", "(cơ quan thường trực)",
         "UBND các xã: Đức Trọng", "^", "•", "7sinh", "r7r95%", "\\.", "1.", "II.", "a)", "- ", "+ ", "Điều 3.", "“Điều 4."]
TEXTS = st.one_of(
    st.lists(st.sampled_from(WORDS), max_size=14).map(" ".join),
    st.lists(st.sampled_from(WORDS), max_size=14).map("".join),
    st.text(max_size=60),
)


def _folded(text: str) -> str:
    return fold_same_length(text).lower()


@settings(max_examples=size(40, 150), deadline=None)
@given(TEXTS, st.integers(min_value=0, max_value=8), st.integers(min_value=0, max_value=80))
def test_a_number_is_found_where_the_plain_pattern_finds_it(text: str, pos: int, end: int) -> None:
    plain = re.compile(r"(?<![\w.,/])\d+(?:[.,]\d+)*")
    folded = _folded(text)
    assert [m.span() for m in _NUM.finditer(folded, pos, end)] == [m.span() for m in plain.finditer(folded, pos, end)]


@settings(max_examples=size(40, 150), deadline=None)
@given(TEXTS)
def test_a_segmentation_mark_is_found_where_the_plain_pattern_finds_it(text: str) -> None:
    plain = re.compile(r"(?<=[^\W_])_(?=[^\W_])")
    assert [m.span() for m in _SEGMENT_MARK.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_a_long_text_is_folded_as_each_of_its_characters() -> None:
    text = "Kế hoạch số 12/KH-UBND — “Tỷ lệ hộ nghèo” ≤ 3,5%; ĐẢNG ỦY xã Ủ Ở Ư ơ ư đ\u00a0\u2003…\n" * 60
    assert len(text) > 2000
    assert fold_same_length(text) == "".join((fold(ch) or " ")[0] for ch in text)
    beyond = text + "𝐀"  # a character past the list's range: the table of every character is used
    assert fold_same_length(beyond) == "".join((fold(ch) or " ")[0] for ch in beyond)


@settings(max_examples=size(40, 150), deadline=None)
@given(TEXTS)
def test_a_line_skipped_for_junk_has_no_junk_prefix(text: str) -> None:
    cut = {m.start(1) for m in _FIRST_TOKEN.finditer(text)}
    for m in re.finditer(r"(?m)^[ \t]*(\S+)", text):
        if m.start(1) not in cut:
            assert ESCAPE.search(m.group(1)) or not _junk_prefix_length(m.group(1))


# Each item pattern of the outline with the first characters _marker tries it on.
_GUARDS = [
    (S._ROMAN, lambda c: c in "PMCIVXl1H"), (S._PART_INLINE, lambda c: c in "PC"), (S._ARTICLE, lambda c: c in "\u201c\"ĐD"),
    (S._UPPER, str.isupper), (S._NAMED_ITEM, lambda c: c in "NGCMH"), (S._NAMED_ORDINAL, lambda c: c in "NnGg"),
    (S._BARE_ORDINAL, lambda c: c == "T"), (S._NUMBER, str.isdigit), (S._PAREN, lambda c: c == "("),
    (S._LOWER, str.islower), (S._OCR_LOWER, lambda c: c in "©ø"), (S._DASH, lambda c: c in "-–—•+"),
]
LINES = st.one_of(
    st.sampled_from(["II. NHIỆM VỤ", "Phần I. MỤC TIÊU", "Chương 2. TỔ CHỨC", "“Điều 12. Báo cáo", "A. PHẦN CHUNG",
                     "Nhiệm vụ 1: Rà soát", "nhiệm vụ thứ hai: Tuyên truyền", "Thứ nhất, các sở", "1.2. Mục tiêu", "(3) Lập",
                     "a) Sở Y tế", "đ) Công an", "©) Bộ Giao thông", "– Rà soát", "+ Kiểm tra", "  \t1. Tăng", "Ủy ban"]),
    st.text(max_size=30),
)


@settings(max_examples=size(40, 200), deadline=None)
@given(LINES)
def test_an_item_pattern_opens_only_on_the_characters_it_is_tried_on(line: str) -> None:
    first = line.lstrip(" \t")[:1]
    for pattern, tried in _GUARDS:
        if pattern.match(line) is not None:
            assert first == "" or tried(first), pattern.pattern


@settings(max_examples=size(40, 150), deadline=None)
@given(TEXTS)
def test_a_cheap_look_never_hides_what_the_pattern_finds(text: str) -> None:
    folded = _folded(text)
    if not target_conditions._may_adjust_words(folded):
        assert target_conditions._ADJUSTMENT_CONDITION.search(folded) is None
    if "y le" not in folded and "i le" not in folded:
        assert target_mentions._MAP_SCALE.search(folded) is None
    if not any(word in folded for word in ("khong", "khdng", "khang", "xoa", "xda", "xaa")):
        assert ZERO_CUE.search(folded) is None
    if not reporting._may_report(folded):
        assert reporting.REPORT_VERB.search(reporting._SERVING.sub(" ", folded)) is None
    if "gui" not in folded:
        assert report_schedule._SENT_DATA.search(folded) is None
    if target_years._YEAR.search(folded) is None:
        assert YEAR_CUE.search(folded) is None and target_years._DEADLINE.search(folded) is None
    if ":" not in text:
        assert level_list(text) is None
    for pattern, needed in _NEEDED.items():
        if needed.search(text) is None:
            assert pattern.search(text) is None


@settings(max_examples=size(40, 150), deadline=None)
@given(TEXTS)
def test_a_name_keeps_its_words_when_no_aside_closes_it(name: str) -> None:
    assert partner_clauses.bare(name) == (partner_clauses._TRAILING_ASIDE.sub("", name) or name)


@settings(max_examples=size(40, 100), deadline=None)
@given(TEXTS)
def test_lines_are_found_as_a_reading_of_every_character_found_them(text: str) -> None:
    plain: list[tuple[int, int]] = []
    start = 0
    for k, ch in enumerate(text):
        if ch == "\n":
            plain.append((start, k))
            start = k + 1
    plain.append((start, len(text)))
    assert line_spans(text) == plain


@settings(max_examples=size(40, 100), deadline=None)
@given(TEXTS, st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=4))
def test_a_masked_table_is_blanked_as_each_of_its_characters(text: str, spans: list[tuple[int, int]]) -> None:
    doc = prepare(text)
    spans = [(min(s, e, len(text)), min(max(s, e), len(text))) for s, e in spans]
    clean, folded = list(doc.clean), list(doc.folded)
    for s, e in spans:
        for i in range(s, e):
            if clean[i] != "\n":
                clean[i] = folded[i] = " "
    masked = pipeline._masked(doc, spans)
    assert (masked.clean, masked.folded) == ("".join(clean), "".join(folded))


def _plain_first_sentence(doc: Doc, start: int, end: int) -> tuple[str, str]:
    while start < end and doc.folded[start] in " \t\n":
        start += 1
    cut = end
    for stop in (". ", ".\n", "\n\n"):
        at = doc.folded.find(stop, start, end)
        while stop == "\n\n" and at != -1 and partner_clauses.open_gap(doc.folded, at):
            at = doc.folded.find(stop, at + 2, end)
        if at != -1:
            cut = min(cut, at)
    return doc.clean[start:cut], doc.folded[start:cut]


@settings(max_examples=size(40, 150), deadline=None)
@given(st.lists(st.sampled_from(["Sở Y tế", "chủ trì", " và", ",", ". ", ".\n", "\n\n", "\n", " ", "Rà soát"]), max_size=14).map("".join),
       st.integers(0, 20), st.integers(0, 120))
def test_the_first_sentence_of_an_item_ends_where_it_did(text: str, start: int, end: int) -> None:
    doc = prepare(text)
    end = min(end, len(text))
    assert clause_units.first_sentence(doc, start, end) == _plain_first_sentence(doc, start, end)


def test_a_list_of_bodies_handed_out_is_a_copy_and_forgotten_with_the_document() -> None:
    clear_text_caches()
    names = clause_units.bodies_only("Sở Y tế, Công an tỉnh", generic_first=False)
    assert names == ["Sở Y tế", "Công an tỉnh"]
    names.append("Sở Nội vụ")
    assert clause_units.bodies_only("Sở Y tế, Công an tỉnh", generic_first=False) == ["Sở Y tế", "Công an tỉnh"]
    assert clause_units._bodies_remembered.cache_info().currsize >= 1
    clear_text_caches()
    assert clause_units._bodies_remembered.cache_info().currsize == 0


@settings(max_examples=size(40, 150), deadline=None)
@given(TEXTS)
def test_a_subject_ending_on_a_plural_word_is_seen_without_a_scan(text: str) -> None:
    folded = _folded(text)
    assert folded.rstrip().endswith(("cac", "nhung")) == bool(re.search(r"(?:cac|nhung)\s*$", folded))
