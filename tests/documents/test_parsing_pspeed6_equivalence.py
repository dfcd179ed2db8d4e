"""Faster readings of the parser give exactly what the plain readings give (issue 10, speed on clean text, round 14)."""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import (
    clean,
    line_patterns,
    long_fold,
    ocr_latin,
    outline_ocr_marks,
    pipeline,
    report_cues,
    stacked_tables,
    target_ranks,
    unflatten,
)

_PIECES = ["Kế hoạch ", "ĐẨY MẠNH ", "tỷ lệ ≥ 95%", "“Nội dung”", " – ", "…", "İ", "½", "\u3000", "K", "Å", "ﬁ", "𝔸",
           "\u00a0", "ẞ", "Ǆ", "\ufdd0", "\t", "\n", "abc ", "Ơ", "ư"]


def test_every_character_lowered_onto_the_page_folds_as_the_plain_fold_does() -> None:
    clean.fold_same_length("x" * 2001)  # the page is built on the first long text
    page = long_fold._PAGES[id(clean._fold_char)]
    on_page = {c: i for i, c in enumerate(page.decoding)}
    lowered = [c for c in map(chr, range(sys.maxunicode + 1)) if c.lower() in on_page]  # a lower case of one character
    assert len(lowered) > 300
    for c in lowered:
        assert page.decoding[page.folds[on_page[c.lower()]]] == clean._fold_char(c), hex(ord(c))


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=20), st.integers(0, 30))
def test_a_long_text_folds_through_the_page_as_character_by_character(pieces: list[str], more: int) -> None:
    text = "".join(pieces) * (2001 // len("".join(pieces)) + 1 + more)
    assert clean.fold_same_length(text) == text.translate(clean._FOLD_TABLE)


def test_a_long_vietnamese_text_folds_to_its_unmarked_lower_case() -> None:
    text = "Ủy ban nhân dân tỉnh “ĐẨY MẠNH” chuyển đổi số… " * 60
    assert clean.fold_same_length(text) == 'uy ban nhan dan tinh “day manh” chuyen doi so… ' * 60


_MARKED_PIECES = ["ệ", "Đ", "a", " ", "\n", "ư", "x" * 50, "ố" * 10, "Ā"]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(_MARKED_PIECES), max_size=400))
def test_the_marked_text_look_counts_marked_letters_as_the_list_of_them_did(pieces: list[str]) -> None:
    text = "".join(pieces)
    many = len(ocr_latin._MARKED_LETTER.findall(text[:20000])) > 200
    assert (ocr_latin._MANY_MARKED.match(text, 0, 20000) is not None) == many


def test_a_text_with_its_marks_is_passed_over_by_the_latin_ocr_repair() -> None:
    text = "Sở Y tế chủ trì, phối hợp với các đơn vị liên quan.\n" * 40
    assert ocr_latin.repair_latin_ocr(text) is text


_LINE_PIECES = ["Điều 5 ", "ĐIỀU 2 ", "1. ", "2.1.", "12) ", "(3) ", "a) ", "đ)", "b)", "II. ", "IV- ", "x", "Sở",
                " ", "  ", "\t", "\n", "\u00a0", ":", "2025, ", "3-", "١. ", "(", ")"]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(_LINE_PIECES), max_size=30))
def test_lines_with_an_inline_mark_are_the_lines_the_blank_led_pattern_finds(pieces: list[str]) -> None:
    text = "".join(pieces)
    plain = list(dict.fromkeys(text.rfind("\n", 0, m.start()) + 1 for m in unflatten._INLINE.finditer(text)))
    assert unflatten.inline_lines(text) == plain


def test_a_flattened_article_has_its_inline_marks_found_on_its_line() -> None:
    text = "Giao các sở: 1. Rà soát quy định. 2. Báo cáo kết quả.\n2. Tổ chức thực hiện\nKhông có dấu"
    assert unflatten.inline_lines(text) == [0]


_LINE_START_PATTERNS = [clean._PAGE_NUMBER, clean._LONE_MARK, clean._FIRST_TOKEN, clean._LONE_ITEM_MARK, clean._SPLIT_MARK,
                        stacked_tables._HEADER_LINE, stacked_tables._BLANK_AFTER_HEADER, outline_ocr_marks._MARK,
                        re.compile(r"(?m)^[ \t]*$"), re.compile(r"(?m)^(?:x?|\s+)")]
_START_PIECES = ["1. ", "II. ", "a) ", "12", " ", "\t", "\n", "\n\n", "TT", "Trang 3", "^ ", "• ", "x", "Điều 2.", " . ",
                 "Sở", "(", "3/4"]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(_START_PIECES), max_size=30), st.integers(0, 40), st.integers(0, 60))
def test_line_start_patterns_read_from_the_line_breaks_find_what_finditer_finds(pieces: list[str], pos: int, end: int) -> None:
    text = "".join(pieces)
    for pattern in _LINE_START_PATTERNS:
        plain = [(m.span(), m.groups()) for m in pattern.finditer(text, pos, end)]
        assert [(m.span(), m.groups()) for m in line_patterns.line_matches(pattern, text, pos, end)] == plain
        assert [(m.span(), m.groups()) for m in line_patterns.line_matches(pattern, text)] == [
            (m.span(), m.groups()) for m in pattern.finditer(text)]


def test_a_pattern_with_a_branch_that_does_not_open_a_line_is_refused() -> None:
    try:
        line_patterns.line_search(re.compile(r"(?m)^a|b"), "b")
    except ValueError:
        return
    raise AssertionError("a branch without '^' must not be read from the line breaks")


def test_a_page_number_line_is_found_from_the_line_breaks() -> None:
    text = "Nội dung\n  - 6 -\nTiếp theo\n7"
    assert [m.group(0) for m in line_patterns.line_matches(clean._PAGE_NUMBER, text)] == ["  - 6 -", "7"]


_RANK_PIECES = ["nhóm", "NHÓM", "Nhóm", "top", "TOP", "tốp", "nh", "ba", "năm", " ", "thuộc ", "dẫn đầu", "nhom", "ó", "m"]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(_RANK_PIECES), max_size=12))
def test_a_rank_in_words_is_only_looked_for_where_its_folded_words_are(pieces: list[str]) -> None:
    text = "".join(pieces)
    folded = clean.fold_same_length(text)
    if "nhom" not in folded and "top" not in folded:
        assert target_ranks._WORD_RANK.search(text) is None


def test_a_group_of_three_leaders_in_words_is_a_rank() -> None:
    doc = clean.prepare("Phấn đấu thuộc nhóm ba tỉnh dẫn đầu cả nước.")
    assert [m.value for m in target_ranks.rank_word_mentions(doc, 0, len(doc.text))] == [3.0]


@settings(max_examples=30, deadline=None)
@given(st.text(alphabet=st.sampled_from(["a", "Đ", " ", "\t", "\n", "\r", "\u2028", "\x85"]), max_size=40))
def test_a_masked_span_is_blanked_line_by_line_as_the_pattern_blanks_it(text: str) -> None:
    assert pipeline.blanked(text) == pipeline._NOT_A_BREAK.sub(" ", text)


def _first_quarter_plain(folded: str) -> int:
    """report_cues._first_quarter as it was: the length read from the text with each run of blanks one space."""
    target = len(report_cues._BLANKS.sub(" ", folded)) // 4
    pos = count = 0
    for m in report_cues._BLANKS.finditer(folded):
        if count + m.start() - pos >= target:
            break
        count += m.start() - pos + 1
        pos = m.end()
    return pos + max(0, target - count)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(["bao cao", " ", "  ", "\n\n", "\t", "x", "noi nhan:", "\u00a0\u00a0", " \n "]), max_size=40))
def test_the_first_quarter_of_a_text_is_counted_in_one_scan_as_before(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert report_cues._first_quarter(text) == _first_quarter_plain(text)


def _body_end_plain(folded: str, counted: str | None = None) -> int:
    for m in report_cues._BODY_END.finditer(folded, report_cues._first_quarter(counted if counted is not None else folded)):
        return m.start()
    return len(folded)


_BODY_PIECES = ["noi nhan:", "phu luc", "phu luc ii", " so 2", "**", "#", " ", "\n", "\n\n", "   \n", "\t", "x", "bao cao", "noi",
                "nhan :", "\u00a0", "\x0c"]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(_BODY_PIECES), max_size=40))
def test_the_body_ends_where_the_line_start_pattern_first_finds_its_words(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert report_cues.body_end(text) == _body_end_plain(text)


def test_the_body_ends_at_the_first_blank_line_before_the_recipients() -> None:
    text = "a\n" * 10 + "x" * 40 + "\n   \n\n  noi nhan:\n- nhu tren"
    assert report_cues.body_end(text) == text.index("x" * 40) + 41


def _bar_tables_plain(text: str, chars: list[str]) -> None:
    """clean._bar_tables as it was: each line of a bar table read character by character."""
    runs: list[list[re.Match[str]]] = []
    for m in clean._bar_lines(text):
        if runs and (clean._adjacent(text, runs[-1][-1].end(), m.start()) or clean._same_table(text, runs[-1], m)):
            runs[-1].append(m)
        else:
            runs.append([m])
    for run in runs:
        if sum(m.group(0).count("|") >= 2 for m in run) < 2:
            continue
        head = run[0].group(0).strip()
        framed = head.startswith("|") and head.endswith("|")
        for m in run:
            line = m.group(0)
            if clean._BAR_RULE.match(line):
                clean._blank(chars, m.start(), m.end())
                continue
            first, last = line.find("|"), line.rfind("|")
            for i, ch in enumerate(line):
                if ch == "|":
                    edge = framed and ((i == first and not line[:i].strip()) or (i == last and not line[i + 1 :].strip()))
                    chars[m.start() + i] = " " if edge else "\t"


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(["|", " | ", "STT", "Nội dung", "\n", "\n\n", " ", "---", ":", "x"]), max_size=40))
def test_a_bar_table_is_read_from_bar_to_bar_as_character_by_character(pieces: list[str]) -> None:
    text = "".join(pieces)
    fast, plain = list(text), list(text)
    clean._bar_tables(text, fast)
    _bar_tables_plain(text, plain)
    assert fast == plain


def test_the_bars_of_a_framed_table_are_its_cells_tabs() -> None:
    text = "| STT | Nội dung |\n| 1 | Rà soát |\n"
    chars = list(text)
    clean._bar_tables(text, chars)
    assert "".join(chars) == "  STT \t Nội dung  \n  1 \t Rà soát  \n"
