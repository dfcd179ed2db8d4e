"""The parser's speed-ups read exactly as the code they replaced: each fast path against its plain form.

Probe texts vary the form (blank lines of a blanked table, brackets, diacritics missing, odd white space);
hypothesis then tries any text.
"""

from __future__ import annotations

import re
import time

from hypothesis import example, given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan
from ansinh.documents.parsing.clean import fold_same_length, squeeze
from ansinh.documents.parsing.labelled_units import LABEL_LINE
from ansinh.documents.parsing.structure import Node
from ansinh.documents.parsing.target_words import RATIO_TAIL
from ansinh.documents.parsing.unit_names import FALSE_HEADS, _head_match_start, _split_outside_parens
from ansinh.documents.parsing.vocab import AGENCY_HEADS
from ansinh.lib.text import fold, strip_marks
from tests.sizes import size

_OLD_LABEL_LINE = re.compile(r"^[ \t]*(?:[-–+*•]\s*)?(?P<label>[^:\n]{2,70}?)\s*:\s*(?P<value>\S.*)?$")
_OLD_SPACES = re.compile(r"\s+")
_OLD_RATIO_TAIL = re.compile(
    r"\s*(?P<noun>ca|truong hop|benh nhan|nguoi|tre|tre em|vu)?\s*(?:/|\s+tren\s+)\s*"
    r"(?P<base>1\.000\.000|100\.000|10\.000|1\.000|1000000|100000|10000|1000|mot\s+van|van|nghin|ngan)\s+"
    r"(?P<who>[a-z]+(?:\s+(?!(?:vao|den|nam|tu|trong|va|tro|giam|tang|dat|theo|cua|tai|voi|duoc|nhu|hang|moi|khi|neu)(?![a-z]))[a-z]+){0,3})"
)
_RATIO_WORDS = [" ", "  ", "\n", "\t", "/", "tren", "tre", "tre em", "ca", "cac", "truong hop", "benh nhan", "nguoi", "vu",
                "1.000", "100.000", "1.000.000", "10.000", "1000", "100", "mot van", "van", "nghin", "ngan", "dan",
                "tre de song", "vao", "nam", "2025", "x", "%", "trenn", "e"]

PROBES = [
    "Chủ trì: Sở Y tế",
    "  - Cơ quan phối hợp : các sở, ngành liên quan",
    "Thoi gian thuc hien: Quy IV/2025",
    "   :x",
    "a:b",
    " " * 300 + ":",
    "\t• Chủ trì:\u00a0UBND các xã, phường",
    "Sở Tài chính (chủ trì; phối hợp), Sở Nội vụ",
    "Ủy ban nhân dân tỉnh [Văn phòng], Công an tỉnh; các huyện",
    "",
]
TEXTS = st.one_of(
    st.sampled_from(PROBES),
    st.text(alphabet=st.sampled_from(list(" \t\n:;,()[]-•aAđĐởỦ\u00a0\u2003x")), max_size=80),
    st.text(max_size=60),
)


def _old_fold_same_length(text: str) -> str:
    return "".join((fold(ch) or " ")[0] for ch in text)


def _old_split_outside_parens(text: str, sep: str) -> list[str]:
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        if ch == sep and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def _old_head_match_start(fragment: str, heads: tuple[str, ...]) -> bool:
    # The guard against words that only look like a body's head ("Báo cáo …", "Tổ chức …") came after the speed
    # refactor this test checks; the reference applies it too, so only the refactor is compared.
    if FALSE_HEADS.match(fragment):
        return False
    bare = strip_marks(fragment)
    lowered = bare[:1] + bare[1:].lower()
    for head in dict.fromkeys(strip_marks(h) for h in heads):
        head_lowered = head[:1] + head[1:].lower() if " " in head else head
        if (bare.startswith(head) or lowered.startswith(head_lowered)) and (
            len(bare) == len(head) or not bare[len(head)].isalpha()
        ):
            return True
    return False


def _spans(m: re.Match[str] | None) -> object:
    return None if m is None else (m.span(), m.span("label"), m.span("value"))


def test_a_blank_line_of_a_blanked_table_is_no_label_and_is_read_at_once() -> None:
    started = time.perf_counter()
    assert LABEL_LINE.match(" " * 1800) is None
    assert LABEL_LINE.match(" " * 1800 + "x") is None
    assert time.perf_counter() - started < 0.5  # was 1.7 s for the first line alone


def test_the_probe_labels_read_as_before() -> None:
    for text in PROBES[:-1]:
        assert _spans(LABEL_LINE.match(text)) == _spans(_OLD_LABEL_LINE.match(text)), text
    assert LABEL_LINE.match("Chủ trì: Sở Y tế").group("value") == "Sở Y tế"  # type: ignore[union-attr]


@settings(max_examples=size(40, 100), deadline=None)
@given(TEXTS)
def test_the_label_line_matches_as_before(text: str) -> None:
    line = text.split("\n", 1)[0]
    assert _spans(LABEL_LINE.match(line)) == _spans(_OLD_LABEL_LINE.match(line))


@settings(max_examples=size(40, 100), deadline=None)
@given(TEXTS)
def test_squeeze_collapses_the_same_white_space_as_the_pattern_did(text: str) -> None:
    assert squeeze(text) == _OLD_SPACES.sub(" ", text).strip()


@settings(max_examples=size(40, 100), deadline=None)
@given(TEXTS)
def test_the_folded_view_is_the_fold_of_every_character(text: str) -> None:
    assert fold_same_length(text) == _old_fold_same_length(text)
    assert len(fold_same_length(text)) == len(text)


@settings(max_examples=size(40, 100), deadline=None)
@given(TEXTS, st.sampled_from([";", ","]))
def test_names_split_outside_brackets_as_before(text: str, sep: str) -> None:
    assert _split_outside_parens(text, sep) == _old_split_outside_parens(text, sep)


@settings(max_examples=size(40, 100), deadline=None)
@given(st.one_of(TEXTS, st.sampled_from([h + rest for h in AGENCY_HEADS[:40] for rest in ("", " tỉnh", "x")])))
@example("BAO CAO")  # found by hypothesis before the reference applied the false-head guard
def test_an_agency_head_is_recognised_as_before(text: str) -> None:
    fragment = text[:40]
    assert _head_match_start(fragment, AGENCY_HEADS) == _old_head_match_start(fragment, AGENCY_HEADS)


def _old_walk(node: Node) -> list[Node]:
    out = [node]
    for child in node.children:
        out.extend(_old_walk(child))
    return out


@settings(max_examples=size(40, 100), deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=30), max_size=60))
def test_the_outline_is_walked_in_document_order(parents: list[int]) -> None:
    root = Node("root", "", 0, 0, 0, "")
    nodes = [root]
    for i, p in enumerate(parents):
        parent = nodes[p % len(nodes)]
        child = Node("num1", str(i), i, i, i, "", parent=parent)
        parent.children.append(child)
        nodes.append(child)
    assert [id(n) for n in root.walk()] == [id(n) for n in _old_walk(root)]


def _ratio_spans(m: re.Match[str] | None) -> object:
    return None if m is None else (m.span(), m.span("noun"), m.span("base"), m.span("who"))


@settings(max_examples=size(40, 100), deadline=None)
@given(st.lists(st.sampled_from(_RATIO_WORDS), max_size=9), st.integers(min_value=0, max_value=3))
def test_a_rate_per_population_reads_as_before(words: list[str], pos: int) -> None:
    text = "".join(words)
    pos = min(pos, len(text))
    assert _ratio_spans(RATIO_TAIL.match(text, pos)) == _ratio_spans(_OLD_RATIO_TAIL.match(text, pos))


def test_the_rate_probes_read_as_before() -> None:
    for text in (" ca/100.000 tre de song", " tren 10.000 dan", " tre em tren 1.000 tre", " nguoi / 1.000 dan vao nam",
                 "   /   mot van dan", " tre tren 100 dan", " %"):
        assert _ratio_spans(RATIO_TAIL.match(text)) == _ratio_spans(_OLD_RATIO_TAIL.match(text)), text


def test_a_number_before_a_table_or_a_column_gap_is_read_at_once() -> None:
    rows = "\n".join(f"{i}\tSở Y tế\tSở Tài chính\t2025" for i in range(1, 120))
    before_table = (
        "KẾ HOẠCH\nI. MỤC TIÊU\n1. Chỉ tiêu cụ thể\nTỷ lệ hộ nghèo giảm còn 2\nSTT\tNhiệm vụ\tChủ trì\tThời gian\n"
        + rows + "\nvào năm 2025.\nII. NHIỆM VỤ\n1. Sở Y tế chủ trì tập huấn.\n"
    )
    column_gap = "KẾ HOẠCH\nI. MỤC TIÊU\nTỷ lệ đạt 95" + " " * 3000 + "\nvào năm 2025.\n"
    started = time.perf_counter()
    assert extract_plan(before_table)["targets"] and extract_plan(column_gap)["targets"]
    assert time.perf_counter() - started < 3  # were 56 s and 48 s: the ratio pattern backtracked cubically
