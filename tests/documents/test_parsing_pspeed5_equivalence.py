"""Faster readings of the parser give exactly what the plain readings give (issue 10, speed on clean text)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import partner_clauses, target_mentions, target_ranks, target_words, unflatten

_SUBJECT_WORDS = ["so y te", "chu dong", "tich cuc", "kip thoi", "thuong xuyen", "dong", ",", " ", "\n", "cuc", "xuyenx"]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(_SUBJECT_WORDS), max_size=8), st.integers(0, 3))
def test_the_look_at_the_end_never_hides_an_adverb_the_pattern_finds(words: list[str], cut: int) -> None:
    folded = " ".join(words)
    start = min(cut, len(folded))
    if not partner_clauses._may_end_with_adverb(folded, start, len(folded)):
        assert partner_clauses._ADVERB.search(folded, start, len(folded)) is None


def test_the_doer_ends_before_an_adverb_of_its_role() -> None:
    folded = "so tai chinh chu dong, "
    assert partner_clauses.subject_end(folded, 0, len(folded)) == len("so tai chinh")


_LINE_PIECES = ["“", "”", '"', "«", "»", "a) ", "Nội dung ", "1. ", " "]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(_LINE_PIECES), max_size=12), st.lists(st.integers(0, 60), max_size=5))
def test_quotes_counted_as_the_line_goes_on_are_the_quotes_before_each_mark(pieces: list[str], offsets: list[int]) -> None:
    line = "".join(pieces)
    quotes = [0, 0, 0]
    for at in sorted(min(o, len(line)) for o in offsets):
        assert unflatten._quoted_before(line, at, quotes) == unflatten._inside_quote(line, at)


def test_a_flattened_list_is_broken_before_each_of_its_marks() -> None:
    line = "Nhiệm vụ như sau: 1. Rà soát các quy định. 2. Tổ chức tập huấn. 3. Báo cáo kết quả."
    assert unflatten.break_positions(line) == [line.index(f" {n}.") for n in (1, 2, 3)]


def _strip_comparator_words_plain(prefix: str) -> tuple[str, bool]:
    """The loop of target_mentions._strip_comparator_words without its look at the end (the code it replaced)."""
    cue = False
    changed = True
    while changed:
        changed = False
        for comp, pattern in target_words._COMPARATORS:
            m = pattern.search(prefix)
            if m:
                prefix = prefix[: m.start()]
                cue = cue or comp in (">=", "approx", "<=")
                changed = True
        m = target_words._FROM.search(prefix)
        if m:
            prefix = prefix[: m.start()]
            changed = True
    return prefix, cue


_PREFIX_WORDS = ["toi thieu", "it nhat", "khong duoi", "toi da", "khong vuot qua", "giam con", "duoi", "thap hon",
                 "tren", "hon", "vuot", "khoang", "xap xi", "tu", "tir", "ty le", "dat", "nang", " ", "\n", "\t", "chon"]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(_PREFIX_WORDS), max_size=6))
def test_comparator_words_are_stripped_as_the_plain_loop_strips_them(words: list[str]) -> None:
    prefix = " ".join(words)
    assert target_mentions._strip_comparator_words(prefix) == _strip_comparator_words_plain(prefix)


def test_every_comparator_word_ends_as_the_look_at_the_end_expects() -> None:
    for word in _PREFIX_WORDS[:15]:
        assert target_mentions._strip_comparator_words(f"ty le {word} ") == _strip_comparator_words_plain(f"ty le {word} ")
        assert target_mentions._strip_comparator_words(f"ty le {word}")[0] == "ty le "


_BEFORE_WORDS = ["so", "sd", "s6", "ngay", "thang", "nam", "lan thu", "khoa", "quy", "dieu", "khoan", "chuong", "phan",
                 "muc", "giai doan", "nhiem ky", "cap", "lop", "tuyen", "phuong", "binh quan", "quan", "to", "khu", "thon",
                 "ap", "ban", "nhom", "top", "trong nhom", "nam trong", "xep trong", "dat", "ty le", " ", "\n"]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(_BEFORE_WORDS), max_size=5))
def test_the_look_at_the_end_never_hides_a_label_or_rank_word_the_patterns_find(words: list[str]) -> None:
    prefix = " ".join(words)
    tail = prefix.rstrip()
    if not tail.endswith(target_mentions._BAD_BEFORE_ENDS):
        assert target_words._BAD_BEFORE.search(prefix) is None
    if not tail.endswith(("om", "op", "ng")):
        assert target_ranks.RANK_BEFORE.search(prefix) is None and target_ranks._WITHIN_BEFORE.search(prefix) is None


def test_a_value_after_a_section_word_is_a_label_and_after_a_group_a_rank() -> None:
    for word in _BEFORE_WORDS[:27]:
        if word not in ("binh quan",):
            assert target_words._BAD_BEFORE.search(f"tai {word} ") and f"tai {word} ".rstrip().endswith(target_mentions._BAD_BEFORE_ENDS)
    assert target_ranks.is_rank("thuoc nhom 3 nuoc", "thuoc nhom ", len("thuoc nhom 3"))
