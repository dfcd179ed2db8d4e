"""Indicator names: the words that name what a value measures, without year phrases or comparator words."""

from __future__ import annotations

import re

from ansinh.documents.parsing.clean import Doc, fold_same_length, span_text
from ansinh.documents.parsing.target_words import _LEADING_NOISE, _TRAILING_NOISE, YEAR_PHRASE, Mention


def _without_year_phrases(name: str) -> str:
    """``name`` without the year phrases in it; the name itself when nothing else would be left."""
    folded = fold_same_length(name).lower()
    kept = name
    for m in reversed(list(YEAR_PHRASE.finditer(folded))):
        kept = kept[: m.start()] + " " + kept[m.end() :]
    kept = " ".join(kept.split()).strip(" ,;:-")
    return kept if len(kept.split()) >= 2 else name


def indicator_name(doc: Doc, s: int, e: int, mention: Mention) -> str:
    """The indicator a value measures, from the words before it (else after it), without year phrases."""
    name = _without_year_phrases(_indicator_text(doc, s, e, mention))
    if YEAR_PHRASE.fullmatch(fold_same_length(name).lower()) and mention.unit and not mention.unit.startswith(("%", "‰", "/")):
        return "Số " + mention.unit  # "Đạt 35 bác sĩ trên 10.000 dân vào năm 2030": the count names itself
    return name




def _indicator_text(doc: Doc, s: int, e: int, mention: Mention) -> str:
    before_f = doc.folded[s : mention.start]
    lead = _LEADING_NOISE.match(before_f)
    b_start = s + (lead.end() if lead else 0)
    trail = _TRAILING_NOISE.search(doc.folded[b_start : mention.start])
    b_end = b_start + trail.start() if trail else mention.start
    before = span_text(doc, b_start, b_end)
    if len(before.split()) >= 2:
        return before.strip(" -:,(")
    after = span_text(doc, mention.end, e, " -:,)")
    if mention.unit in ("%", "‰") and after and not re.match(r"(?i)t[ỷỉ]\s+l[ệe]", after):
        return "Tỷ lệ " + after
    return after or before
