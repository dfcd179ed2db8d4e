"""The bodies an item's own doer works with, named on the dash lines of its duties.

Decree 30/2020 directives and plans address an item to its doer and list its duties below as dash lines:

    a) Sở Công Thương:
    - Chủ trì, phối hợp với Sở Tài chính rà soát …
    - Phối hợp với các địa phương phát triển …

The doer is the item's (its heading, or the group above it); a dash line that opens with "Phối hợp (với)" names
bodies it works with, and they are the item's partners too. (The first "Chủ trì, phối hợp với …" line is read by
:mod:`clause_units`; later ones, and "…; phối hợp với …" inside a sentence, were tried here and left out: on the
dev-check part they added wrong partners, not right ones.) Read by :mod:`assignments` for items whose partners no
label or table states.
"""

from __future__ import annotations

import re

from ansinh.documents.parsing import partner_clauses as pc
from ansinh.documents.parsing.clause_units import PARTNERS, bodies_only, partners_end
from ansinh.documents.parsing.clean import Doc

# A line (after a dash or bullet) that opens with "phối hợp", not "chủ trì, phối hợp".
_OPENS_WITH_PARTNERS = re.compile(r"^[ \t]*(?:[-–+•*][ \t]*)?(?=phoi\s+hop(?![a-z]))", re.MULTILINE)
# Verbs that open the duty after the partners but also stand, capitalised, in names ("Sở Nông nghiệp và Phát triển
# nông thôn"), so :func:`clause_units.partners_end` does not stop at them: read here in lower case only.
_NAME_VERB = re.compile(r"\s(?=phát\s+triển\s|phat\s+trien\s)")


def own_partners(doc: Doc, ranges: list[tuple[int, int]]) -> list[str]:
    """The partners named by each line in ``ranges`` that opens with "phối hợp (với)", in order."""
    out: list[str] = []
    for start, end in ranges:
        folded = doc.folded[start:end]
        clean = doc.clean[start:end]
        for clause in _OPENS_WITH_PARTNERS.finditer(folded):
            m = PARTNERS.match(folded, clause.end())
            if m is None or m.end() == clause.end():
                continue
            text = " ".join(clean[m.end() : partners_end(clean, folded, m.end())].split())
            names = bodies_only(_NAME_VERB.split(text, maxsplit=1)[0], generic_first=True)
            out.extend(pc.drop_asides(names))
    return out
