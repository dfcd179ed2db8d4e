"""The words a regex cannot match without: a plain ``in`` look that spares its scan of a text that holds none of them.

``needed_words(pattern)`` reads the pattern's parse tree (the engine's own parser) for literal runs every match must
consume: a run of literal characters ("quy"), a small class inside it spelt out ("b[ad]o" is "bao" or "bdo"), a group
or a repeat of at least once by what it needs, an alternation by what each branch needs (any one of them). Of a
sequence's runs the most telling is kept (the longest shortest word). Lookarounds are not read (what they look at may
lie outside the span searched), nor are patterns that ignore case. Every match consumes one of the words, so a span
holding none of them has no match: ``may_match`` then answers without the engine.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

_PARSER = importlib.import_module("re._parser")
_C = importlib.import_module("re._constants")

_MAX_WORDS = 16  # spelt-out variants of one run ("b[ad]o\s+c[ad]o": 2 each) beyond which a run is cut
_MAX_CLASS = 4  # a class of more letters than this is not spelt out
_MIN_LENGTH = 2  # a shorter word tells little: no look then

Words = frozenset[str]


def _better(a: Words | None, b: Words | None) -> Words | None:
    """The more telling of two sets of words (each alone enough to require): longer shortest word, then fewer words."""
    if a is None:
        return b
    if b is None:
        return a
    return a if (min(map(len, a)), -len(a)) >= (min(map(len, b)), -len(b)) else b


def _class_letters(items: list[tuple[Any, Any]]) -> list[str] | None:
    """The characters of a class made of plain characters only (no range, category or negation), or None."""
    out: list[str] = []
    for op, av in items:
        if op is not _C.LITERAL:
            return None
        out.append(chr(av))
    return out if len(out) <= _MAX_CLASS else None


def _needs(items: Any) -> Words | None:
    """Words one of which every match of the sequence ``items`` consumes, or None when none is known."""
    best: Words | None = None
    run: set[str] = {""}

    def close() -> None:
        nonlocal best, run
        if min(map(len, run)) >= 1:
            best = _better(best, frozenset(run))
        run = {""}

    for op, av in items:
        chars: list[str] | None = None
        if op is _C.LITERAL:
            chars = [chr(av)]
        elif op is _C.IN:
            chars = _class_letters(av)
        if chars is not None:
            grown = {w + c for w in run for c in chars}
            if len(grown) > _MAX_WORDS:
                close()
                grown = set(chars)
            run = grown
            continue
        close()
        inner: Words | None = None
        if op is _C.SUBPATTERN:
            _group, add_flags, _del_flags, sub = av
            inner = None if add_flags & re.IGNORECASE else _needs(sub)
        elif op is _C.BRANCH:
            branches = [_needs(alternative) for alternative in av[1]]
            inner = None if any(b is None for b in branches) else frozenset(w for b in branches if b for w in b)
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT):
            low, _high, sub = av
            inner = _needs(sub) if low >= 1 else None
        best = _better(best, inner)
    close()
    return best


def needed_words(pattern: re.Pattern[str]) -> Words | None:
    """Words one of which every match of ``pattern`` holds (None: no such words known, or too short to tell)."""
    if pattern.flags & re.IGNORECASE or not isinstance(pattern.pattern, str):
        return None
    words = _needs(_PARSER.parse(pattern.pattern, pattern.flags).data)
    if words is None or min(map(len, words)) < _MIN_LENGTH:
        return None
    return words


def may_match(words: Words | None, text: str) -> bool:
    """Whether ``text`` holds one of ``words`` (always True when there are none to look for)."""
    return words is None or any(w in text for w in words)
