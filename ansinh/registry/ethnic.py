"""Ethnic group names: what a file or form types, matched to one spelling per group.

A registry file from a commune writes «Tay», «tày» or «TÀY» for the same people; stored as typed, the
poverty summary's table by ethnic group would count them as three groups. ``canonical`` matches the
typed name, whatever its diacritics, case, spaces, hyphens and apostrophes, against the 54 groups of
``data/dan_toc.txt`` (and their other names) and returns the list's spelling; a name not in the list
is kept as typed (first letter upper case), never refused.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from ansinh.lib.text import fold

_DATA = Path(__file__).with_name("data") / "dan_toc.txt"
_NOT_LETTER = re.compile(r"[^a-z0-9]")


def _key(name: str) -> str:
    return _NOT_LETTER.sub("", fold(name).replace("đ", "d"))


@functools.cache
def _table() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in _DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        names = [n.strip() for n in line.split("|")]
        for name in names:
            table[_key(name)] = names[0]
    return table


@functools.lru_cache(maxsize=4096)
def canonical(typed: str) -> str:
    """The list's spelling of ``typed`` when it names one of the 54 groups; else ``typed`` tidied (cached: an
    import of a million rows sees a few dozen distinct names)."""
    text = " ".join(typed.split())
    if not text:
        return ""
    return _table().get(_key(text)) or text[:1].upper() + text[1:]
