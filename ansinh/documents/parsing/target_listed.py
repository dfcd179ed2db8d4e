"""Amounts listed under a lead ("- Gây trồng các loài cây chủ lực: + Keo lai 800 ha; + Quế 500 ha"): each item
names a kind of thing and the count the lead's verb commits to.

A plan that sizes an activity item by item writes the lead sentence ending in a colon, then one bulleted line per
kind, each opening with the kind's short name and its amount ("+ Hươu sao 4.000 con, nuôi phân tán …"). The count
has no cue of its own: the lead carries it.
"""

from __future__ import annotations

import re

from ansinh.documents.parsing.clean import Doc

# The opening of a bulleted line up to its amount: a marker, then a short name (one to five words, no digit).
# (A scan may leave a stray "_" before the marker: "_ + Quế 500 ha".)
_ITEM_NAME = re.compile(r"[ \t]*(?:[_\-–+•*][ \t]*)+(?P<name>[a-z]+(?:(?:[ \t]*,)?[ \t]+[a-z]+){0,4})[ \t]*")
_MARKER = re.compile(r"[ \t]*(?P<mark>(?:[_\-–+•*][ \t]*)+|\d+(?:\.\d+)*[.)]|[a-z][.)])[ \t]")
# Words that make the opening a clause of its own (a verb, a cue), not the name of a kind.
_NOT_A_NAME = re.compile(r"(?<![a-z])(?:dat|la|co|tang|giam|con|tu|tren|duoi|khoang)(?![a-z])")
_LOOK_BACK = 20  # lines


def listed_amount(doc: Doc, value_start: int) -> bool:
    """Whether the value at ``value_start`` is the amount of a bulleted item under a lead ending in a colon."""
    folded = doc.folded
    line_start = folded.rfind("\n", 0, value_start) + 1
    opening = _ITEM_NAME.fullmatch(folded, line_start, value_start)
    if opening is None or _NOT_A_NAME.search(opening.group("name")):
        return False
    own = _MARKER.match(folded, line_start)
    own_mark = own.group("mark").rstrip()[-1:] if own else ""
    end = line_start - 1
    for _ in range(_LOOK_BACK):
        if end <= 0:
            return False
        start = folded.rfind("\n", 0, end) + 1
        line = folded[start:end]
        end = start - 1
        if not line.strip():
            continue
        if line.rstrip().endswith(":"):
            return True
        marker = _MARKER.match(line)
        if marker and marker.group("mark").rstrip()[-1:] != own_mark:
            return False  # the parent item, without a colon: the items are not its amounts
    return False
