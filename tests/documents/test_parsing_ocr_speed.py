"""Faster readings of a scan OCR'd without Vietnamese give exactly what the plain readings give (issue 10, speed)."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import ocr_latin
from ansinh.lib.diacritics import is_marked, train, viterbi
from ansinh.lib.ocr_search import grouped_viterbi

_MODEL = train(
    [
        "các cơ quan, đơn vị thực hiện tốt nhiệm vụ được giao",
        "cơ quan nhà nước thực hiện cải cách hành chính",
        "các đơn vị báo cáo kết quả thực hiện nhiệm vụ",
        "cá cà cả cạ có cỏ cọ",
    ]
)
_FORMS = [*sorted(_MODEL.unigrams), "xyz", "ca", "co"]  # known forms, the boundary mark and forms the model never saw


@settings(max_examples=30, deadline=None)
@example([[("xyz", 0.0), ("qq", 0.0)], [("ca", 0.0)], [("co", 0.0)]])  # two unseen forms tie: the first one wins
@example([[("có", 0.0), ("các", 0.0)], [("báo", 0.0), ("cỏ", 0.0)], [("báo", 0.0)]])  # a tie after a left-out state
@given(
    st.lists(
        st.lists(st.tuples(st.sampled_from(_FORMS), st.sampled_from([0.0, -1.0, -6.9, -11.5])), min_size=1, max_size=6),
        min_size=1,
        max_size=7,
    )
)
def test_the_grouped_search_finds_the_same_reading_as_the_plain_one(options: list[list[tuple[str, float]]]) -> None:
    # Forms offered twice at one position are left in: the grouped search then hands over to the plain one.
    assert grouped_viterbi(_MODEL, options) == viterbi(_MODEL, options)


def test_the_grouped_search_reads_a_common_phrase_as_the_plain_one() -> None:
    options = [[(f, 0.0) for f in _MODEL.candidates.get(w, [w])] for w in "cac co quan thuc hien nhiem vu".split()]
    assert grouped_viterbi(_MODEL, options) == viterbi(_MODEL, options) == "các cơ quan thực hiện nhiệm vụ".split()


_TOKEN = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+")


@settings(max_examples=30, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab1_ .,\t-\u0301\u00e0\u1ec7\u00a0\u0110\u00b7")), max_size=40))
def test_a_line_is_unmarked_prose_when_four_tokens_or_more_carry_no_mark(line: str) -> None:
    tokens = _TOKEN.findall(line)
    assert ocr_latin._unmarked_prose(line) == (len(tokens) >= 4 and not any(is_marked(t) for t in tokens))
