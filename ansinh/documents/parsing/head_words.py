"""A cheap look at the first word of a list of names: whether its first name can open with a body's head word at all.

``bodies_only`` (clause_units) and ``subject_leads`` refuse a list whose first name opens with no head of AGENCY_HEADS;
``no_head_opens`` says so from the list's first word (and, past a word some head opens with, from its first words),
sparing ``split_units`` the reading of every clause that names no body (tests/documents: the same refusals).
"""

from __future__ import annotations

from functools import lru_cache

from ansinh.documents.parsing.clean import squeeze
from ansinh.documents.parsing.name_lists import shared_body_tail
from ansinh.documents.parsing.unit_names import FALSE_HEADS, bare_heads, bare_text, opens_with_head
from ansinh.documents.parsing.vocab import AGENCY_HEADS
from ansinh.lib.text import strip_marks


def _first_word(bare: str) -> str:
    """The letters ``bare`` opens with (up to its first character that is no letter)."""
    end = 0
    while end < len(bare) and bare[end].isalpha():
        end += 1
    return bare[:end]


@lru_cache(maxsize=1)
def _head_first_words() -> frozenset[str]:
    """The first word of every head of AGENCY_HEADS without diacritics, as written and with its later letters lowered."""
    words = [_first_word(h) for h in bare_heads(AGENCY_HEADS)]
    return frozenset(words + [w[:1] + w[1:].lower() for w in words])


def no_head_opens(value: str) -> str | None:
    """``value`` as ``split_units`` reads it (squeezed, trimmed) when its first name cannot open with a head of
    AGENCY_HEADS ("các"/"những" before one included), else None: a cheap look at the first word, which every first name
    ``split_units`` gives opens with, for callers that refuse such a list (tests/documents: the same refusals)."""
    value = squeeze(value).strip(" .;,-–")
    if not value[:1].isalpha():
        return None
    bare = bare_text(value[:40])
    word = _first_word(bare)
    lowered = word[:1] + word[1:].lower()
    if lowered.lower() in ("cac", "nhung"):
        return None
    if word not in _head_first_words() and lowered not in _head_first_words():
        return value
    if ":" in value or shared_body_tail(value) is not None:
        return None  # a first name built of the list's head or tail ("UBND các xã: A", "Thường trực, … HĐND tỉnh")
    # Past the first word the first name reads as the value does, up to a separator no head or false head holds: a
    # false head ending on a word ("Tổ chức", not "Bộ " before a slash) and holding no "và" (where a name may end).
    false = FALSE_HEADS.match(value[:40])
    if false is not None and false.group()[-1:].isalpha() and " va" not in strip_marks(false.group().lower()):
        return value
    return None if opens_with_head(bare, AGENCY_HEADS) else value
