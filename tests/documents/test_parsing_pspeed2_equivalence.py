"""Round 11's parser speed-ups read exactly as the code they replaced: each cheap look against the plain reading it
spares (invented probes, then any text hypothesis finds)."""

from __future__ import annotations

import re
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import (
    assignments,
    clause_units,
    clean,
    plan_lead,
    report_cues,
    report_owed,
    structure,
    subject_leads,
    target_mentions,
    target_words,
    target_years,
    unflatten,
    vocab,
)
from ansinh.documents.parsing.clean import fold_same_length, prepare
from ansinh.documents.parsing.head_words import no_head_opens
from ansinh.documents.parsing.labelled_units import _ROLES, closing_roles
from ansinh.documents.parsing.structure import Node
from ansinh.documents.parsing.target_words import (
    _SENTENCE_BREAK,
    SENTENCE_BREAK_NO_TAB,
    YEAR_PHRASE,
    drop_year_phrases,
    year_phrases,
)
from ansinh.documents.parsing.tasks import Task
from ansinh.documents.parsing.text_caches import clear_text_caches
from ansinh.documents.parsing.unit_names import name_key, split_units
from ansinh.documents.parsing.vocab import AGENCY_HEADS, by_first_letter
from ansinh.lib.text import fold
from tests.sizes import size

NAME_WORDS = [*AGENCY_HEADS[:40], "các", "Các", "những", "Những", "cac", "sở", "ban", "ngành", "cơ quan", "đơn vị", "tổ chức",
              "khách hàng", "người lao động", "Tăng cường", "tổ chức", "Triển khai", "xây dựng", "Y tế", "tỉnh", "xã", "và",
              "va", "cùng", "UBND các xã:", "Đức Trọng", "Thường trực", "HĐND", "Lãnh đạo", "Đối với", "Uy ban", "UY BAN",
              "Sơ", "Bô", "So", "Bo", "Báo cáo", "Bộ máy", "số 1", "(chủ trì)", "có trách nhiệm", "đ/c", "VTV", "Tổ chức",
              "Báo chí và", "Báo chí", "Bộ", "Ban hành", "Hội nghị", "Trường hợp", "Đoàn kết", "Chủ trì", "Chủ tịch", "Chỉ đạo",
              "Chi cục", "Thường xuyên", "Kiểm tra", "Kiểm toán", "Tổ", "Hội đồng nhân dân", "Công an", "Ủy ban nhân dân"]
SEPARATORS = [" ", "  ", ", ", ",", "; ", ": ", "/", " / ", "(", ")", "-", "–", ".", "\n", " và ", "", "1", "²"]
TEXTS = st.one_of(
    st.lists(st.tuples(st.sampled_from(SEPARATORS), st.sampled_from(NAME_WORDS)), max_size=7).map(
        lambda pairs: "".join(s + w for s, w in pairs)
    ),
    st.text(max_size=40),
)


def _read_plainly(text: str, generic_first: bool, bound: bool) -> list[str]:
    """``bodies_only`` as it was: every list split before its names are judged."""
    clear_text_caches()
    with mock.patch.object(clause_units, "no_head_opens", lambda _text: None):
        names = clause_units.bodies_only(text, generic_first, bound)
    clear_text_caches()
    return names


def test_a_clause_no_body_opens_is_refused_without_splitting_its_names() -> None:
    assert no_head_opens("Tăng cường công tác tuyên truyền, Sở Y tế") == "Tăng cường công tác tuyên truyền, Sở Y tế"
    assert clause_units.bodies_only("Tăng cường công tác tuyên truyền, Sở Y tế", generic_first=False) == []
    # A body's word, "các" before one, or a list whose names open with them: read as before.
    for text in ("Sở Y tế, Công an tỉnh", "các Bộ: Tài chính, Xây dựng", "Thường trực, các ban và các tổ đại biểu HĐND tỉnh",
                 "- Sở Y tế", "UBND các xã: Đức Trọng, Hiệp Thạnh"):
        assert no_head_opens(text) is None
        assert clause_units.bodies_only(text, generic_first=True) == _read_plainly(text, True, False)
    # A generic kind of body may open a list after "có trách nhiệm": the cheap look leaves it to the plain reading.
    assert clause_units.bodies_only("cơ quan, đơn vị liên quan", generic_first=True) == ["cơ quan, đơn vị liên quan"]
    assert split_units("cơ quan, đơn vị liên quan") == ["cơ quan, đơn vị liên quan"]


@settings(max_examples=size(40, 400), deadline=None)
@given(TEXTS, st.booleans(), st.booleans())
def test_bodies_are_read_as_the_plain_reading_reads_them(text: str, generic_first: bool, bound: bool) -> None:
    expected = _read_plainly(text, generic_first, bound)
    clear_text_caches()
    assert clause_units.bodies_only(text, generic_first, bound) == expected


def _subject_leads_of(title: str, plain: bool) -> list[str]:
    task = Task("1", title, (0, len(title)), node=Node("number", "1", 0, 0, len(title), title))
    clear_text_caches()
    with mock.patch.object(subject_leads, "no_head_opens", (lambda _text: None) if plain else subject_leads.no_head_opens):
        subject_leads.subject_leads([task], lambda t, _role, names: t.lead.extend(names))
    return task.lead


def test_a_title_no_body_opens_gives_no_subject_without_reading_each_verb() -> None:
    assert _subject_leads_of("Sở Y tế, Công an tỉnh tổ chức kiểm tra", plain=False) == ["Sở Y tế", "Công an tỉnh"]
    assert _subject_leads_of("Tăng cường kiểm tra, Sở Y tế tổ chức", plain=False) == []


@settings(max_examples=size(40, 300), deadline=None)
@given(st.lists(st.tuples(st.sampled_from([*SEPARATORS, " tổ chức ", " chỉ đạo ", " triển khai ", " các tổ chức "]),
                          st.sampled_from(NAME_WORDS)), min_size=1, max_size=7).map(lambda pairs: "".join(s + w for s, w in pairs)))
def test_subject_leads_read_as_the_plain_reading_reads_them(title: str) -> None:
    assert _subject_leads_of(title, plain=False) == _subject_leads_of(title, plain=True)


@settings(max_examples=size(40, 150), deadline=None)
@given(TEXTS, st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=4))
def test_blank_runs_cut_ranges_as_the_pattern_scanned_within_them_does(text: str, ranges: list[tuple[int, int]]) -> None:
    doc = prepare(text + " " * 45 + text + "\n" * 41 + "\t" * 39 + text)
    ranges = [(min(a, b), max(a, b)) for a, b in ranges] + [(0, len(doc.folded)), (3, len(doc.folded) - 5)]
    plain: list[tuple[int, int]] = []
    for s, e in ranges:
        pos = s
        for m in clean.BLANK_RUN.finditer(doc.folded, s, e):
            if m.start() > pos:
                plain.append((pos, m.start()))
            pos = m.end()
        if e > pos:
            plain.append((pos, e))
    assert assignments._unblanked(doc, ranges) == plain


def test_a_name_key_is_remembered_as_read() -> None:
    clear_text_caches()
    assert name_key("UBND tỉnh") == name_key("Ủy ban nhân dân tỉnh") == name_key.__wrapped__("Uy ban nhan dan tinh")


@settings(max_examples=size(40, 300), deadline=None)
@given(st.lists(st.sampled_from([" ", "\n", "\t", " " * 19, " " * 20, "\n \n", "a", "Bộ", "\u3000", "x" * 21]), max_size=60).map("".join))
def test_blank_runs_are_the_runs_the_pattern_finds(text: str) -> None:
    assert clean.blank_runs(text) == [m.span() for m in clean.BLANK_RUN.finditer(text)]


@settings(max_examples=size(40, 300), deadline=None)
@given(st.one_of(TEXTS, st.text(alphabet=st.characters(max_codepoint=0x3100), max_size=30)))
def test_a_short_text_is_folded_as_each_of_its_characters(text: str) -> None:
    assert fold_same_length(text) == "".join((fold(ch) or " ")[0] for ch in text)


FOLDED_WORDS = ["de", "de xuat", "nham", "to chuc", "tong hop", "mo", "mo hinh", "can", "can bo", "can cu", "trinh",
                "lap", "lap ke hoach", "giao", "giao cho", "phan cong", "chu tri", "so", "bo", "x", "a", "1", "2.", "(3)",
                "Điều 4", "II.", "b)", "đ)"]
FOLDED = st.lists(st.sampled_from([*FOLDED_WORDS, " ", "  ", "\n", "\t", ".", ",", ";", "- ", "A", "Đ"]), max_size=16).map("".join)
WORD_LISTS = st.lists(st.sampled_from(["de", "de\\s+xuat", "dua", "nham", "mo(?!\\s+hinh)", "can(?!\\s+(?:bo|cu))",
                                       "trinh", "tham", "tham\\s+gia", "lap", "lap\\s+ke\\s+hoach", "x[yz]", "a"]),
                      min_size=1, max_size=8)


@settings(max_examples=size(40, 300), deadline=None)
@given(WORD_LISTS, FOLDED)
def test_a_word_list_by_first_letter_matches_where_the_plain_list_does(words: list[str], text: str) -> None:
    plain = re.compile(r"\s+(?:" + "|".join(words) + r")(?![a-z])")
    grouped = re.compile(r"\s+" + by_first_letter("|".join(words)) + r"(?![a-z])")
    assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert [bool(grouped.match(text, k)) for k in range(len(text))] == [bool(plain.match(text, k)) for k in range(len(text))]


def test_a_word_list_opening_otherwise_than_with_a_letter_is_refused() -> None:
    for words in ("[đd]e|nham", "(?:a|b)c", "a?b|c", "\\sx"):
        try:
            by_first_letter(words)
        except ValueError:
            continue
        raise AssertionError(words)


@settings(max_examples=size(40, 300), deadline=None)
@given(FOLDED)
def test_rewritten_patterns_find_what_their_plain_forms_find(text: str) -> None:
    inline = re.compile(r"\S[ \t]+(?:(?:Điều|ĐIỀU)[ \t]+\d|\d{1,2}(?:\.\d{1,2}){0,2}[.),\-]|\(\d{1,2}\)|[a-zđ]\)|[IVX]{1,5}[.\-])[ \t]")
    assert [(m.start() + 1, m.end()) for m in inline.finditer(text)] == [m.span() for m in unflatten._INLINE.finditer(text)]
    hand_over = re.compile(r"(?<![a-z])(?:giao(?:\s+cho)?|phan\s+cong)\s+(?=\S)")
    assert [m.span() for m in hand_over.finditer(text)] == [m.span() for m in plan_lead._HAND_OVER.finditer(text)]
    untabbed = text.replace("\t", " ")
    assert [m.span() for m in SENTENCE_BREAK_NO_TAB.finditer(untabbed)] == [m.span() for m in _SENTENCE_BREAK.finditer(untabbed)]


@settings(max_examples=size(40, 200), deadline=None)
@given(st.lists(st.sampled_from([*FOLDED_WORDS, "nam 2025", "den nam 2030", "giai doan 2021 - 2025", "1930", "nam", " ", ","]),
                max_size=10).map(" ".join))
def test_year_phrases_are_dropped_as_the_plain_pattern_drops_them(text: str) -> None:
    assert drop_year_phrases(text) == YEAR_PHRASE.sub(" ", text)
    assert [m.span() for m in year_phrases(text)] == [m.span() for m in YEAR_PHRASE.finditer(text)]


LOOKED_BEHIND = [
    (vocab.REPORT_VERB, r"(?<![a-z])(?:b[ad]o\s+c[ad]o|s[oda]\s+ket|t[oda]ng\s+ket|t[oda]ng\s+h[oda]p\s+k[eq]t\s+qu[ad]|"
                        r"gui\s+k[eq]t\s+qu[ad])(?![a-z])"),
    (clause_units._NOT_SUBJECT, r"(?<![a-z])(?:duoc\s+giao|cua|tai|trong|theo|ve|voi|neu)(?![a-z])"),
    (report_owed._PUBLISH, r"(?<![a-z])cong\s+(?:bo|khai)\s+(?:[^.;]{0,30}?\s)?(?:ket\s+qua|chi\s+so)(?![a-z])"),
    (target_mentions._STRIVE, r"(?<![a-z])ph[ad]n\s+d[ad]u(?![a-z])"),
    (target_words._FROM, r"(?<![a-z])t(?:u|ir)\s*$"),
]
REPORT_WORDS = st.lists(st.sampled_from([*FOLDED_WORDS, "bao cao", "xbao cao", "so ket", "tong hop ket qua", "gui ket qua", "cua",
                                         "ve", "vecua", "neu", "duoc giao", "cong bo ket qua", "phan dau", "phdn ddu", "tu", "tir",
                                         "ttu", "x"]), max_size=10)


@settings(max_examples=size(40, 300), deadline=None)
@given(REPORT_WORDS.map(" ".join), REPORT_WORDS.map("".join), st.integers(0, 12))
def test_a_word_looked_behind_after_its_first_letter_matches_as_before(spaced: str, joined: str, pos: int) -> None:
    for pattern, plain in LOOKED_BEHIND:
        for text in (spaced, joined):
            assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in re.compile(plain).finditer(text)]
            found, expected = pattern.search(text, pos), re.compile(plain).search(text, pos)
            assert (found.span() if found else None) == (expected.span() if expected else None)


@settings(max_examples=size(40, 300), deadline=None)
@given(st.lists(st.sampled_from(["*", "**", "~", "~~", "`", "``", "#", "## ", "###### ", "####### ", " ", "\n", "\t", "a", "Sở"]),
                max_size=20).map("".join))
def test_patterns_opening_with_one_character_find_what_their_plain_forms_find(text: str) -> None:
    markdown = re.compile(r"\*{1,3}|~~|`+|#{1,6}(?= )")
    assert [m.span() for m in clean._MARKDOWN.finditer(text)] == [m.span() for m in markdown.finditer(text)]
    assert [m.span() for m in report_cues._BLANKS.finditer(text)] == [m.span() for m in re.finditer(r"\s{2,}", text)]


PLAIN_SENTENCE_BREAK = (r"[.!?](?=[ \t\n]{1,200}[\"“(]?[A-ZĐÀ-Ỹ])|\n[ \t]*\n(?=[ \t]*[-–+•])|\n(?=[ \t]*[-–+•][ \t]+\S)|"
                        r"\n(?=[^\n]*\t)")
REWRITTEN = [
    (_SENTENCE_BREAK, PLAIN_SENTENCE_BREAK),
    (structure._SENTENCE_END, r"[.!?](?=\s+[\"“(]?[A-ZĐÀ-Ỹ0-9])|:(?=\s+(?:[®™°§¤@#]\s+)?[A-ZĐÀ-Ỹ])"),
    (target_years._DEADLINE, r"(?<![a-z])(?:den|truoc|cham\s+nhat|muon\s+nhat)\s+(?:het\s+)?"
                             r"(?:ngay\s+\d{1,2}\s*[/-]\s*\d{1,2}\s*[/-]\s*|thang\s+\d{1,2}\s*[/-]\s*)((?:19|20)\d\d)(?!\d)"),
    (target_words._BAD_BEFORE, r"(?<![a-z])(?:s[oda6]|ngay|th[ad]ng|n[ad]m|l[ad]n\s+thu|khoa|quy|dieu|khoan|chuong|phan|muc|"
                               r"giai\s+d[oda][ad]n|nhiem\s+ky|cap|lop|tuyen|phuong|(?<!binh\s)quan|to|khu|thon|ap|ban)\s*$"),
]
SENTENCE_PIECES = st.lists(st.sampled_from(["Sở", "tế", ".", "!", "?", ":", " ", "\n", "\t", "- ", "“", "A", "2025", "den", "truoc",
                                            "ngay 30/6/2026", "thang 6/2026", "so", "binh quan", "xbinh quan", "quan", "quy", "Đ"]),
                           max_size=14)


@settings(max_examples=size(40, 300), deadline=None)
@given(SENTENCE_PIECES.map("".join), SENTENCE_PIECES.map(" ".join))
def test_patterns_rewritten_to_open_with_a_character_find_what_their_plain_forms_find(joined: str, spaced: str) -> None:
    for pattern, plain in REWRITTEN:
        for text in (joined, spaced, spaced.lower()):
            assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in re.finditer(plain, text)]


ONCE_PIECES = ["01", "1", "001", "2,1", ".1", "mot", "xmot", "lan", "/", "trong", "moi", "nam", "ndm", "cua", "bao cao", "tinh", "x"]


@settings(max_examples=size(40, 300), deadline=None)
@given(st.lists(st.sampled_from(ONCE_PIECES), max_size=10), st.sampled_from([" ", ""]))
def test_a_report_once_a_year_is_found_where_the_plain_pattern_finds_it(pieces: list[str], sep: str) -> None:
    plain = (r"(?<![\d,.])(?:0?1|mot)\s+lan\s*(?:/|trong\s+|moi\s+)\s*(?:01\s+|1\s+|mot\s+)?n[ad]m(?![a-z])"
             r"|moi\s+n[ad]m\s+(?:0?1|mot)\s+lan|(?:cua\s+)?n[ad]m\s+b[ad]o\s+c[ad]o(?![a-z])(?!\s+(?:duoc\s+)?tinh)")
    text = sep.join(pieces)
    assert [m.span() for m in report_cues._ONCE_A_YEAR.finditer(text)] == [m.span() for m in re.finditer(plain, text)]


@settings(max_examples=size(40, 200), deadline=None)
@given(st.lists(st.sampled_from(["(", ")", " – ", "Sở Y tế", "chủ trì", "chu tri", "chủ  trì", "phối hợp", "Công an tỉnh", ",", ".",
                                 "\n", "Tổ chức"]), max_size=12).map(" ".join))
def test_closing_roles_are_read_only_where_chu_tri_is_written(text: str) -> None:
    doc = prepare(text)
    found = closing_roles(doc, [(0, len(doc.folded))])
    assert found is None or "tri" in doc.folded  # every role _ROLES reads holds "chu tri"
    assert _ROLES.pattern.count("chu\\s+tri") == 1
    if "tri" not in doc.folded:
        assert found is None
