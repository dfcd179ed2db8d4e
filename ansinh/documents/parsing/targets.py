"""Targets: every indicator value a plan commits to, with its year and comparator.

A target is read from the objectives part of a plan (every quantity there),
from the tasks part when the wording announces a commitment ("phấn đấu",
"bảo đảm 100% hộ ..."), and from annex tables of indicators, which also give
the baseline and the yearly milestones.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from ansinh.documents.parsing.clean import Doc, span_text, squeeze, trim_span
from ansinh.documents.parsing.structure import Node
from ansinh.documents.parsing.target_mentions import find_mentions
from ansinh.documents.parsing.target_names import indicator_name, part_name, split_listed_indices
from ansinh.documents.parsing.target_ranks import rank_word_mentions, zero_mentions
from ansinh.documents.parsing.target_words import (
    _MAINTAIN,
    _SENTENCE_BREAK,
    CLAUSE_SEPS,
    INDICATOR_LABEL,
    SENTENCE_BREAK_NO_TAB,
    Mention,
    continues_previous,
)
from ansinh.documents.parsing.target_years import heading_year, read_start, shared_year, title_year, year_of
from ansinh.documents.parsing.vocab import (
    NO_TARGET_KINDS,
    OBJECTIVE_KINDS,
    TASK_KINDS,
)

Target = dict[str, object]


@dataclass
class Candidate:
    """Where a text target was read: its node, how the rules read that node, and its sentence and clause."""

    node: Node
    mode: str
    rule: bool  # the rules alone keep it
    mention: Mention | None
    s: int
    e: int
    cs: int
    ce: int

def sentences(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans in ``start:end`` (a full stop followed by a capital, or a line list marker).

    Remembered on ``doc`` (its views never change): targets and reporting read the same parts' sentences.
    """
    cache = doc.__dict__.setdefault("_sentences", {})
    spans = cache.get((start, end))
    if spans is None:
        spans = cache[start, end] = tuple(_sentences(doc.clean, start, end))
    return list(spans)


def _sentences(clean: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    s = start
    breaks = _SENTENCE_BREAK if clean.find("\t", start, end) != -1 else SENTENCE_BREAK_NO_TAB
    for m in breaks.finditer(clean, start, end):
        e = m.end()
        if m.group() == "\n" and _goes_on_past_tab(clean, m.start()):
            continue
        kept = clean[s:e].rstrip()  # (empty exactly when the piece is blank: one strip, not two)
        if kept:
            out.append((s, s + len(kept)))
        s = e
    kept = clean[s:end].rstrip()
    if kept:
        # Up to its last visible character: a table masked out after it is not part of it.
        out.append((s, s + len(kept)))
    return out


def _goes_on_past_tab(clean: str, at: int) -> bool:
    """Whether the line break at ``at`` before a line holding a tab is inside a sentence: the line ends in a word or a
    comma and the next opens with a word in lower case ("… hoàn thành mục \ntiêu\tgiải ngân 100% …", a PDF's padding),
    which no table row does (its first cell opens with a capital, a number or a list mark)."""
    before = clean[max(0, at - 3) : at].rstrip(" ")
    after = clean[at + 1 : at + 40].lstrip(" \t")
    return bool(before) and (before[-1].islower() or before[-1] == ",") and len(after) > 1 and (
        after[0].isalpha() and after[0].islower() and after[1].isalpha())


def _clause_bounds(doc: Doc, mentions: list[Mention], s: int, e: int) -> list[tuple[int, int]]:
    folded = doc.folded
    bounds: list[tuple[int, int]] = []
    cuts: list[tuple[int, int]] = []  # (end of the left clause, start of the right one)
    for left, right in itertools.pairwise(mentions):
        between = folded[left.end : right.start]
        cut = (right.start, right.start)
        joined = _JOINED_VALUE.search(between)
        if joined and ";" not in between[joined.start() :]:
            # "100% các điểm …, đối tượng … và 100% diện tích …": "và" right before a value opens its clause.
            cuts.append((left.end + joined.start() + 1, left.end + joined.start() + 1))
            continue
        part = between.rfind("trong do")
        if part >= 0 and ";" not in between[part:]:
            # "… đạt ít nhất 75%, trong đó có bằng cấp, chứng chỉ đạt 35%": the part starts its own clause.
            cuts.append((left.end + part, left.end + part))
            continue
        # The last ";", else "(" (an aside with its own value), else a comma that is not a decimal one.
        for sep in CLAUSE_SEPS:
            found = [m.start() for m in sep.finditer(between)]
            if found:
                cut = (left.end + found[-1], left.end + found[-1] + 1)
                break
        else:
            pos = between.rfind(" va ")
            if pos >= 0:
                cut = (left.end + pos, left.end + pos + 1)
        cuts.append(cut)
    prev = s
    for i, mention in enumerate(mentions):
        start = prev
        semi = folded.rfind(";", start, mention.start)
        if semi >= 0:
            start = semi + 1
        stop = cuts[i][0] if i < len(cuts) else e
        semi = folded.find(";", mention.end, stop)
        if semi >= 0:
            stop = semi
        bounds.append((start, stop))
        prev = cuts[i][1] if i < len(cuts) else e
    return bounds


_JOINED_VALUE = re.compile(r"\s(?:va|hoac)\s+(?:(?:tren|duoi|it\s+nhat|toi\s+thieu|khoang|con)\s+)?$")


def _trim(doc: Doc, s: int, e: int) -> tuple[int, int]:
    return trim_span(doc, s, e, " \t\n-–+*(,;:.", " \t\n,;:.)")


def _target(doc: Doc, mention: Mention, s: int, e: int, year: int | None) -> Target:
    s, e = _trim(doc, s, e)
    label = INDICATOR_LABEL.match(doc.folded, s, mention.start)  # "Chỉ tiêu 2: …" numbers the line
    s = label.end() if label else s
    return {
        "text": squeeze(doc.text[s:e]),
        "indicator": indicator_name(doc, s, e, mention) or span_text(doc, s, e),
        "comparator": mention.comparator,
        "value": _clean_number(mention.value),
        "value_max": _clean_number(mention.value_max),
        "unit": mention.unit,
        "year": year,
        "baseline": None if mention.baseline is None else {
            "year": None, "value": _clean_number(mention.baseline), "text": mention.baseline_text,
        },
        "milestones": [],
        "span": [s, e],
    }


def _clean_number(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() and abs(value) < 1e15 else value


def extract_text_targets(doc: Doc, root: Node, masked: Doc, plan_like: bool, title_span: object = None) -> list[Target]:
    """Targets written in running text (the rules, then the learned filter where a model is shipped)."""
    from ansinh.documents.parsing.target_learned import choose_text_targets

    return split_listed_indices(choose_text_targets(doc, root, masked, plan_like, title_span))


def rule_mode(node: Node, has_objectives: bool, plan_like: bool) -> str:
    """How the rules read a node: "objective" (every quantity), "strict" (cued commitments) or "skip"."""
    kind = node.effective_kind()
    if kind == "vision":
        # "Tầm nhìn đến năm 2045": a strategy's long-term targets, stated as its objectives are (its aims in words,
        # "a) Phát triển …", are no target).
        return "objective"
    if kind in NO_TARGET_KINDS:
        return "skip"
    if kind in OBJECTIVE_KINDS:
        return "objective"
    if kind in TASK_KINDS or (kind is None and not has_objectives and plan_like and node.style != "root"):
        return "strict"
    return "skip"


def text_target_candidates(
    doc: Doc, root: Node, masked: Doc, plan_like: bool, title_span: object = None, broad: bool = False,
) -> tuple[list[Target], list[int], list[Candidate]]:
    """Text targets before yearly paths are merged, with the sentence each comes from and its context.

    ``broad`` reads every node as the objectives part is read (every quantity), for the learned filter to judge;
    otherwise only what the rules read.
    """
    nodes = root.walk()
    has_objectives = any(n.kind in OBJECTIVE_KINDS for n in nodes)
    doc_year = title_year(masked, title_span)
    out: list[Target] = []
    sentence_of: list[int] = []
    contexts: list[Candidate] = []
    sentence_no = 0
    heading_years: dict[int, int | None] = {}
    for node in nodes:
        mode = rule_mode(node, has_objectives, plan_like)
        if mode == "skip" and not broad:
            continue
        strict = mode == "strict" and not broad
        block_start = node.head_start if node.style != "root" else 0
        block_end = node.body_end
        default_year = heading_year(masked, node, heading_years) or doc_year
        found_any = False
        prev_end = 0
        for s, e in sentences(masked, read_start(masked, node, block_start, block_end), block_end):
            sentence_no += 1
            mentions = find_mentions(masked, s, e, strict)
            if mode == "objective" or broad:
                mentions += zero_mentions(masked, s, e) + rank_word_mentions(masked, s, e)
            mentions.sort(key=lambda x: x.start)
            # What the rules keep of a task part's sentence, read when it has a value at all.
            kept = {m.start for m in find_mentions(masked, s, e, True)} if broad and mode == "strict" and mentions else None
            for k, (mention, (cs, ce)) in enumerate(zip(mentions, _clause_bounds(masked, mentions, s, e), strict=False)):
                year = year_of(masked, block_start, mention.start, ce, default_year, block_end)
                out.append(_target(doc, mention, cs, ce, year))
                sentence_of.append(sentence_no)
                rule = mode == "objective" or (mode == "strict" and (kept is None or mention.start in kept))
                contexts.append(Candidate(node, mode, rule, mention, s, e, cs, ce))
                if k and out[-1]["unit"] == out[-2]["unit"] and continues_previous(masked.folded, cs, ce, mention):
                    out[-1]["indicator"] = out[-2]["indicator"]  # "… đạt 90% vào năm 2025 và 95% vào năm 2030"
                elif k and sentence_of[-2] == sentence_no:
                    span = out[-1]["span"]
                    assert isinstance(span, list)
                    whole, own = str(out[-2]["indicator"]), str(out[-1]["indicator"])
                    same_unit = out[-1]["unit"] == out[-2]["unit"]
                    named = part_name(masked, span[0], span[1], mention, whole, own)
                    if named and (same_unit or out[-1]["unit"] in ("%", "‰")):
                        out[-1]["indicator"] = named
                both = shared_year(masked, mentions[k - 1].end, prev_end, mention.start, ce) if k else None
                out[-2 if both else -1]["year"], prev_end = both or out[-1]["year"], ce
                found_any = True
        if not found_any and mode == "objective" and node.style == "paren" and node.effective_kind() != "vision":
            s, e = _trim(doc, node.head_start, block_end)
            folded = masked.folded[s:e]
            comparator = ">=" if re.search(r"bang hoac cao hon|tro len|it nhat", folded) else (
                "maintain" if _MAINTAIN.search(folded) else None
            )
            text = span_text(doc, s, e)
            sentence_of.append(-len(out) - 1)
            contexts.append(Candidate(node, mode, True, None, s, e, s, e))
            out.append({
                "text": text, "indicator": node.title or text, "comparator": comparator, "value": None,
                "value_max": None, "unit": None, "year": default_year, "baseline": None, "milestones": [],
                "span": [s, e],
            })
    return out, sentence_of, contexts
