"""Conditions around a value that make it no target: when a target may be adjusted, and the "nếu/trường hợp … thì"
of a rule (split from target_mentions)."""

from __future__ import annotations

import re

from ansinh.documents.parsing.clean import Doc

# "Trường hợp tỷ lệ hộ nghèo giảm dưới 2% thì điều chỉnh mục tiêu …": when a target may change, not a target.
_ADJUSTMENT_CONDITION = re.compile(
    r"(?:^|[\s,;(])(?:truong\s+hop|neu|khi)\s[^.;]{0,160}?(?:dieu\s+chinh|xem\s+xet\s+lai|cap\s+nhat\s+lai)\s+"
    r"(?:muc\s+tieu|chi\s+tieu|ke\s+hoach)"
    # "Trường hợp …, chỉ tiêu tỷ lệ hộ nghèo có thể được điều chỉnh khi giảm dưới 2%": the target named first.
    r"|(?:^|[\s,;(])(?:truong\s+hop|neu)\s[^.;]{0,160}?(?:muc\s+tieu|chi\s+tieu)[^.;]{0,80}?(?:co\s+the\s+)?(?:duoc\s+)?"
    r"(?:dieu\s+chinh|xem\s+xet\s+lai)"
)


def _may_adjust_words(sentence: str) -> bool:
    """Whether ``sentence`` holds the words ``_ADJUSTMENT_CONDITION`` needs (a plain look, far cheaper than its scan)."""
    return ("truong" in sentence or "neu" in sentence or "khi" in sentence) and (
        ("dieu" in sentence and "chinh" in sentence) or ("lai" in sentence and ("xem" in sentence or "cap" in sentence)))


def may_adjust(sentence: str) -> bool:
    """Whether ``sentence`` (folded) states when a target may be adjusted, not a target."""
    return _may_adjust_words(sentence) and _ADJUSTMENT_CONDITION.search(sentence) is not None


# "Trường hợp tỷ lệ bao phủ đạt trên 95% thì …", "Nếu số hộ nghèo giảm dưới 2% thì …": a value in the condition of a
# rule (up to its "thì") is what triggers a step, not a target. Folded text for the opening word; "thì" is looked for
# with its mark (folded it reads like "thị", "thi hành").
_CONDITION_OPEN = re.compile(r"(?:^|(?<=[\s,;:(\-–+*]))(?:(?:trong\s+)?truong\s+hop|neu)\s")
_THEN = re.compile(r"(?<!\w)thì(?!\w)", re.IGNORECASE)


def condition_spans(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of ``start:end`` from an opening "trường hợp"/"nếu" to its "thì" (in the same clause)."""
    out: list[tuple[int, int]] = []
    for m in _CONDITION_OPEN.finditer(doc.folded, start, end):
        stop = min([i for i in (doc.folded.find(";", m.end(), end), doc.folded.find(".", m.end(), end)) if i >= 0] or [end])
        then = _THEN.search(doc.clean, m.end(), min(stop, m.end() + 240))
        if then is not None:
            out.append((m.start(), then.start()))
    return out
