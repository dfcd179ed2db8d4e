"""Line-start patterns ("(?m)^…") read from the line breaks: the matches ``finditer`` gives, found faster.

The engine tries a pattern opening with a multi-line "^" at every character of a document, to fail at all but the line
starts. ``line_matches`` looks for a line break the pattern's body can follow (a pattern opening with the break: the
engine skips from one to the next) and matches the pattern itself only at those line starts, in order, each match's
line start past the one before it, as ``finditer`` does.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Iterator

# The engine's own parser says whether every branch of a pattern opens with "^" (``^a|b`` opens a branch without it).
_PARSER, _CONSTANTS = importlib.import_module("re._parser"), importlib.import_module("re._constants")
_FLAGS_AND_START = re.compile(r"\(\?[aiLmsux]+\)\^")
_LEADS: dict[re.Pattern[str], re.Pattern[str]] = {}


def _lead(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A line break followed by what ``pattern`` matches after its "^"."""
    lead = _LEADS.get(pattern)
    if lead is None:
        opening = _FLAGS_AND_START.match(pattern.pattern)
        parsed = _PARSER.parse(pattern.pattern, pattern.flags).data
        if opening is None or not pattern.flags & re.MULTILINE or parsed[0] != (_CONSTANTS.AT, _CONSTANTS.AT_BEGINNING):
            raise ValueError(f"not a line-start pattern: {pattern.pattern[:40]}")
        lead = _LEADS[pattern] = re.compile("\n(?=" + pattern.pattern[opening.end() :] + ")", pattern.flags)
    return lead


def line_matches(pattern: re.Pattern[str], text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text, pos, endpos)`` yields, for a pattern written "(?flags)^…" with the multi-line flag."""
    lead = _lead(pattern)
    pos = min(max(pos, 0), len(text))  # the engine's own bounds
    stop = pos
    if pos == 0 or text[pos - 1 : pos] == "\n":
        first = pattern.match(text, pos, endpos)
        if first is not None:
            if first.end() == pos:
                yield from pattern.finditer(text, pos, endpos)  # an empty match: finditer's own rules from here
                return
            yield first
            stop = first.end()
    for found in lead.finditer(text, pos, endpos):
        at = found.end()
        if at < stop:
            continue  # inside the match before (a pattern that reads over a line break)
        m = pattern.match(text, at, endpos)
        if m is None:
            continue
        if m.end() == at:
            yield from pattern.finditer(text, at, endpos)
            return
        yield m
        stop = m.end()


def line_search(pattern: re.Pattern[str], text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
    """What ``pattern.search(text, pos, endpos)`` finds, for a pattern ``line_matches`` reads."""
    return next(line_matches(pattern, text, pos, endpos), None)


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of ``text``, end excluding the newline: its own lines, where a :class:`Doc`'s
    ``lines()`` are those of the clean view (which joins a stacked table's rows)."""
    out: list[tuple[int, int]] = []
    start = 0
    k = text.find("\n")
    while k != -1:  # found, not read character by character
        out.append((start, k))
        start = k + 1
        k = text.find("\n", start)
    out.append((start, len(text)))
    return out
