"""Round 12's parser speed-ups read exactly as the code they replaced: whole-text views put together by slices
instead of a list of every character, and cheap looks that spare a scan (invented probes, then any text hypothesis
finds)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import assignments, denoise, report_cues, report_owed, unflatten
from ansinh.documents.parsing.clean import Doc, fold_same_length, prepare, squeeze
from ansinh.documents.parsing.text_caches import clear_text_caches
from ansinh.lib.text import fold

PIECES = ["1. Sở Y tế chủ trì", " 2. Bộ Tài chính", "a) rà soát", " b) phối hợp với", "Điều 3. Giao", "II. NHIỆM VỤ",
          "kế hoạch năm 2025", ",", " ", "  ", "\n", "\n\n", "\t", "\u00a0", ".", " đầu mối", "chu tri", "Ủy ban nhân dân tỉnh",
          "thực hiện các nhiệm vụ được giao và báo cáo kết quả", "x" * 45]
TEXTS = st.one_of(st.lists(st.sampled_from(PIECES), max_size=16).map("".join), st.text(max_size=60))


@settings(max_examples=30, deadline=None)
@given(TEXTS)
def test_a_squeezed_text_is_its_words_joined_by_single_spaces(text: str) -> None:
    assert squeeze(text) == " ".join(text.split())


def test_a_text_with_single_spaces_only_is_given_back_as_it_is() -> None:
    assert squeeze("Sở Y tế chủ trì") == "Sở Y tế chủ trì"
    assert squeeze(" Sở  Y\u00a0tế\n") == "Sở Y tế"


@settings(max_examples=30, deadline=None)
@given(TEXTS)
def test_a_remembered_fold_is_the_fold_of_every_character(text: str) -> None:
    clear_text_caches()
    expected = "".join((fold(ch) or " ")[0] for ch in text)
    assert fold_same_length(text) == expected
    assert fold_same_length(text) == expected  # read again from the document's memory


def _plain_restore(doc: Doc) -> Doc:
    """``restore_lines`` as it was: the folded view copied character by character, every line start found again."""
    clean = unflatten.unflatten_text(doc.clean, doc.text)
    if clean is doc.clean:
        return doc
    folded = list(doc.folded)
    starts = [0]
    for i, ch in enumerate(clean):
        if ch == "\n":
            folded[i] = "\n"
            starts.append(i + 1)
    return Doc(text=doc.text, clean=clean, folded="".join(folded), line_starts=starts)


def test_items_run_into_one_line_are_put_back_on_lines_of_their_own_as_before() -> None:
    doc = prepare("Nhiệm vụ như sau: 1. Sở Y tế rà soát. 2. Sở Tài chính bố trí kinh phí. 3. Công an tỉnh kiểm tra.\n")
    restored, plain = unflatten.restore_lines(doc), _plain_restore(doc)
    assert (restored.clean, restored.folded, restored.line_starts) == (plain.clean, plain.folded, plain.line_starts)
    assert restored.clean.count("\n") > 1


@settings(max_examples=30, deadline=None)
@given(TEXTS)
def test_restored_lines_are_the_lines_the_character_by_character_reading_found(text: str) -> None:
    doc = prepare(text)
    restored, plain = unflatten.restore_lines(doc), _plain_restore(doc)
    assert (restored.clean, restored.folded, restored.line_starts) == (plain.clean, plain.folded, plain.line_starts)


@settings(max_examples=30, deadline=None)
@given(TEXTS)
def test_joined_wrapped_lines_are_the_characters_the_join_left(text: str) -> None:
    chars = list(text)
    joined = denoise.join_wrapped_lines(text, chars)
    assert joined == "".join(chars)


def test_a_wrapped_sentence_joined_comes_back_as_one_line() -> None:
    text = "Các sở, ban, ngành có trách nhiệm triển khai thực hiện kế hoạch và\nbáo cáo kết quả trước ngày 15/12.\n"
    chars = list(text)
    assert denoise.join_wrapped_lines(text, chars) == "".join(chars)
    assert "và báo cáo" in "".join(chars)


def _plain_first_quarter(folded: str) -> int:
    runs = list(re.finditer(r"\s\s+", folded))
    target = (len(folded) - sum(len(m.group(0)) - 1 for m in runs)) // 4
    pos = count = 0
    for m in runs:
        if count + m.start() - pos >= target:
            break
        count += m.start() - pos + 1
        pos = m.end()
    return pos + max(0, target - count)


@settings(max_examples=30, deadline=None)
@given(TEXTS)
def test_a_quarter_of_a_text_counts_its_blank_runs_as_before(text: str) -> None:
    assert report_cues._first_quarter(text) == _plain_first_quarter(text)


@settings(max_examples=30, deadline=None)
@given(TEXTS)
def test_every_sentence_lead_holds_the_words_its_cheap_look_finds(text: str) -> None:
    folded = fold_same_length(text)
    if assignments._SENTENCE_LEAD.search(folded) is not None:
        assert assignments._LEAD_WORDS.search(folded) is not None


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(["chi tieu", "tieu chi", "  2025", "ten", " ", "\n", "\n\n", "don vi", "stt  "]), max_size=12)
       .map("".join))
def test_the_lines_that_may_head_a_laid_out_table_are_those_the_line_pattern_finds(folded: str) -> None:
    from ansinh.documents.parsing import target_layout

    expected = [m.span() for m in target_layout._HEAD_CANDIDATE.finditer(folded)]
    assert list(target_layout._candidate_lines(folded)) == expected


def test_a_sentence_is_judged_no_duty_the_same_when_asked_again() -> None:
    clear_text_caches()
    sentence = fold("Nghị định này quy định chế độ báo cáo về trợ giúp xã hội")
    assert report_owed.not_a_duty(sentence) and report_owed.not_a_duty(sentence)


LINE_PIECES = st.lists(st.sampled_from(["a", "Rà soát", "\t", "\t\t", "|", " | ", "\n", "\n\n", " ", "1"]), max_size=24).map("".join)


@settings(max_examples=30, deadline=None)
@given(LINE_PIECES)
def test_lines_of_six_tabs_are_those_the_line_pattern_finds(text: str) -> None:
    expected = [m.span() for m in denoise._TABBED_LINE.finditer(text)]
    assert list(denoise._tabbed_lines(text)) == expected


@settings(max_examples=30, deadline=None)
@given(LINE_PIECES)
def test_lines_with_a_bar_are_those_the_line_pattern_finds(text: str) -> None:
    from ansinh.documents.parsing import clean

    expected = [(m.span(), m.group(0)) for m in clean._BAR_LINE.finditer(text)]
    assert [(m.span(), m.group(0)) for m in clean._bar_lines(text)] == expected


HEADER_PIECES = st.lists(st.sampled_from(["stt", "noi dung nhiem vu", "co quan chu tri", "thoi gian hoan thanh", "ghi chu",
                                          "  ", "   ", " ", "x", "\t"]), max_size=10).map("".join)


@settings(max_examples=30, deadline=None)
@given(HEADER_PIECES)
def test_a_header_line_names_the_columns_it_named_when_every_run_was_read_first(line: str) -> None:
    from ansinh.documents.parsing import layout_headers

    def plain(folded_line: str) -> list[tuple[int, int, str]] | None:
        columns = []
        for s, e, text in layout_headers._runs(folded_line):
            role = next((name for name, pattern in layout_headers._ROLES if pattern.search(text)), None)
            if role is None:
                return None
            columns.append((s, e, role))
        roles = [r for _, _, r in columns]
        if len(columns) < 3 or "title" not in roles or not ({"lead", "timeline"} & set(roles)) or layout_headers._repeated(roles):
            return None
        return columns

    assert layout_headers._header_columns(line) == plain(line)


@settings(max_examples=30, deadline=None)
@given(LINE_PIECES)
def test_a_typed_row_is_found_tab_by_tab_as_character_by_character(text: str) -> None:
    from ansinh.documents.parsing import layout_tables

    doc = prepare(text)
    for s, e in doc.lines():
        plain = "\t" in doc.clean[s:e] and any(doc.clean[k] == "\t" and not doc.text[k].isspace() for k in range(s, e))
        assert layout_tables._typed_row(doc, s, e) == plain


def test_a_closing_bracket_that_names_who_leads_is_still_read_behind_its_cheap_look() -> None:
    from ansinh.documents.parsing.labelled_units import closing_roles

    doc = prepare("1. Rà soát hồ sơ người có công (Sở Nội vụ chủ trì, phối hợp với Công an tỉnh).\n")
    assert closing_roles(doc, [(0, len(doc.text))]) == ("Sở Nội vụ", "Công an tỉnh")
    doc = prepare("1. Triển khai rà soát hồ sơ (Sở Nội vụ thực hiện).\n")
    assert closing_roles(doc, [(0, len(doc.text))]) is None
