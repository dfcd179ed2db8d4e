"""Faster readings of a scan OCR'd without Vietnamese give exactly what the plain readings give (issue 10, speed)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import ocr_latin
from ansinh.lib.diacritics import is_marked

_TOKEN = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+")


@settings(max_examples=30, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab1_ .,\t-\u0301\u00e0\u1ec7\u00a0\u0110\u00b7")), max_size=40))
def test_a_line_is_unmarked_prose_when_four_tokens_or_more_carry_no_mark(line: str) -> None:
    tokens = _TOKEN.findall(line)
    assert ocr_latin._unmarked_prose(line) == (len(tokens) >= 4 and not any(is_marked(t) for t in tokens))
