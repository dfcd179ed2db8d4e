"""The words a pattern cannot match without (ansinh.lib.regex_needs), made-up patterns and sentences."""

import re

from ansinh.lib.regex_needs import may_match, needed_words


def test_a_run_of_letters_with_a_small_class_is_spelt_out() -> None:
    assert needed_words(re.compile(r"b[ad]o\s+c[ad]o\s+quy")) == frozenset({"quy"})
    assert needed_words(re.compile(r"h[ad]ng\s+th[ad]ng")) == frozenset({"thang", "thdng"})


def test_an_alternation_needs_one_word_of_each_branch() -> None:
    assert needed_words(re.compile(r"moi\s+nam|dinh\s+ky")) == frozenset({"moi", "dinh"})


def test_an_optional_part_or_a_branch_that_may_be_empty_is_no_need() -> None:
    assert needed_words(re.compile(r"(?:hang\s+)?quy")) == frozenset({"quy"})
    assert needed_words(re.compile(r"(?:sau|)thang")) == frozenset({"thang"})
    assert needed_words(re.compile(r"a|bc")) is None  # one letter tells nothing


def test_a_pattern_that_ignores_case_needs_nothing_known() -> None:
    assert needed_words(re.compile(r"bao cao", re.IGNORECASE)) is None
    assert needed_words(re.compile(r"(?i:bao) cao")) == frozenset({" cao"})


def test_lookarounds_are_not_read() -> None:
    assert needed_words(re.compile(r"(?<=ngay )\d+ thang")) == frozenset({" thang"})


def test_a_sentence_without_the_words_has_no_match() -> None:
    pattern = re.compile(r"(?:h[ad]ng|moi|dinh\s+ky)\s+quy(?![a-z])")
    needs = needed_words(pattern)
    for sentence in ("bao cao ket qua hang quy gui so tai chinh", "dinh ky moi nam to chuc so ket", "quy dinh moi"):
        assert may_match(needs, sentence) or pattern.search(sentence) is None
    assert not may_match(needs, "to chuc so ket hang nam")
    assert may_match(None, "anything")
