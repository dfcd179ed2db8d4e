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


# What is left of the words before a value when they only carry a yearly path ("Năm 2026 đạt", "và năm 2030 là").
_PATH_ONLY = re.compile(r"(?:va|dat|con|la|muc|o|khoang|giam|tang|xuong|len|ty le|duoi|tren|\s|,|:|;|-)*")


def indicator_name(doc: Doc, s: int, e: int, mention: Mention) -> str:
    """The indicator a value measures, from the words before it (else after it), without year phrases."""
    text = _indicator_text(doc, s, e, mention)
    rest = YEAR_PHRASE.sub(" ", fold_same_length(text).lower())
    if _PATH_ONLY.fullmatch(rest):
        # "Năm 2026 đạt 40%, …, năm 2030 đạt 50% số hộ có việc làm bền vững": the name follows the value.
        after = span_text(doc, mention.end, e, " -:,);.")
        if len(after.split()) >= 2 and not YEAR_PHRASE.match(fold_same_length(after).lower()):
            after = re.sub(r"^(?:số|các)\s+", "", after)
            text = ("Tỷ lệ " + after) if mention.unit in ("%", "‰") and not re.match(r"(?i)t[ỷỉ]\s+l[ệe]", after) else after
    name = _without_year_phrases(text)
    if YEAR_PHRASE.fullmatch(fold_same_length(name).lower()) and mention.unit and not mention.unit.startswith(("%", "‰", "/")):
        return "Số " + mention.unit  # "Đạt 35 bác sĩ trên 10.000 dân vào năm 2030": the count names itself
    return name




_COMMIT_END = re.compile(r"(?<![a-z])(?:bao dam|dam bao|phan dau)(?:\s+(?:co|cho|dat))?\s*$")


def _indicator_text(doc: Doc, s: int, e: int, mention: Mention) -> str:
    before_f = doc.folded[s : mention.start]
    lead = _LEADING_NOISE.match(before_f)
    b_start = s + (lead.end() if lead else 0)
    trail = _TRAILING_NOISE.search(doc.folded[b_start : mention.start])
    b_end = b_start + trail.start() if trail else mention.start
    if trail:
        # Folding makes "tử", "tứ" read as "từ": keep a name's last word that is not really a comparator word.
        for word in re.finditer(r"\S+", doc.clean[b_end : mention.start]):
            if fold_same_length(word.group(0)).lower() == "tu" and word.group(0).lower() != "từ":
                b_end += word.end()
    before = span_text(doc, b_start, b_end)
    after = span_text(doc, mention.end, e, " -:,)")
    # "…, bảo đảm 100% thủ tục hành chính được thực hiện trực tuyến": the share of what follows the value.
    committed = _COMMIT_END.search(doc.folded[b_start:b_end]) and mention.unit in ("%", "‰")
    if len(before.split()) >= 2 and not (committed and len(after.split()) >= 2):
        return before.strip(" -:,(")
    if mention.unit in ("%", "‰") and after and not re.match(r"(?i)t[ỷỉ]\s+l[ệe]", after):
        return "Tỷ lệ " + after
    if after and mention.unit and re.fullmatch(r"[^\W\d_]+(?: [^\W\d_]+)?", mention.unit):
        # "Có ít nhất 6 cảng biển quốc tế": the count of what is named
        return after if after.lower().startswith(mention.unit.lower()) else f"Số {mention.unit} {after}"
    return after or before
