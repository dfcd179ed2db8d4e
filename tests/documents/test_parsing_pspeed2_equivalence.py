"""Round 11's parser speed-ups read exactly as the code they replaced: each cheap look against the plain reading it
spares (invented probes, then any text hypothesis finds)."""

from __future__ import annotations

from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import clause_units
from ansinh.documents.parsing.text_caches import clear_text_caches
from ansinh.documents.parsing.unit_names import no_head_opens, split_units
from ansinh.documents.parsing.vocab import AGENCY_HEADS

NAME_WORDS = [*AGENCY_HEADS[:40], "các", "Các", "những", "Những", "cac", "sở", "ban", "ngành", "cơ quan", "đơn vị", "tổ chức",
              "khách hàng", "người lao động", "Tăng cường", "tổ chức", "Triển khai", "xây dựng", "Y tế", "tỉnh", "xã", "và",
              "va", "cùng", "UBND các xã:", "Đức Trọng", "Thường trực", "HĐND", "Lãnh đạo", "Đối với", "Uy ban", "UY BAN",
              "Sơ", "Bô", "So", "Bo", "Báo cáo", "Bộ máy", "số 1", "(chủ trì)", "có trách nhiệm", "đ/c", "VTV"]
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


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.booleans(), st.booleans())
def test_bodies_are_read_as_the_plain_reading_reads_them(text: str, generic_first: bool, bound: bool) -> None:
    expected = _read_plainly(text, generic_first, bound)
    clear_text_caches()
    assert clause_units.bodies_only(text, generic_first, bound) == expected
