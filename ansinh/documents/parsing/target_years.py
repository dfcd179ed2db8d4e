"""The year a target holds by (from its sentence, the heading above it, or the plan's title), and where a heading's text starts.

"Đến năm 2030", "cuối năm 2025", "giai đoạn 2021-2025" and a deadline ("đến ngày 30/6/2026") set it; a date
alone ("Nghị quyết … ngày 30/6/2025") and a base year ("so với năm 2020") do not.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ansinh.documents.parsing.clean import Doc
from ansinh.documents.parsing.structure import Node
from ansinh.documents.parsing.target_words import _COMPARED_TO
from ansinh.documents.parsing.vocab import DATE_BEFORE, YEAR_CUE, ZERO_CUE, by_first_letter

# The year after a value: "… vào năm 2030", "12‰ năm 2027", "… từ năm 2028 trở đi".
_AFTER_YEAR = re.compile(
    r"(?:(?:vao|den|trong)\s+(?:cuoi\s+)?|(?<=[\d%‰])\s*|tu\s+)n[ad]m\s+((?:19|20)\d\d)(?![\d/-])"
)
# A deadline written as a date ("phấn đấu đến ngày 30/6/2026 hoàn thành …", "trước tháng 6/2026"): its year holds.
_DEADLINE = re.compile(
    by_first_letter(r"den|truoc|cham\s+nhat|muon\s+nhat", "[a-z]") + r"\s+(?:het\s+)?"
    r"(?:ngay\s+\d{1,2}\s*[/-]\s*\d{1,2}\s*[/-]\s*|thang\s+\d{1,2}\s*[/-]\s*)((?:19|20)\d\d)(?!\d)"
)
# The day a value holds from, after it ("… kể từ ngày 01/9/2025", "từ ngày 01 tháng 7 năm 2026"): its year, for a
# value that has no other.
_SINCE_DATE = re.compile(
    r"(?<![a-z])(?:ke\s+)?tu\s+ngay\s+\d{1,2}\s*(?:[/-]\s*\d{1,2}\s*[/-]|thang\s+\d{1,2}\s+nam)\s*((?:19|20)\d\d)(?!\d)"
)
_SHARE = re.compile(r"[\d.,]+\s*%")  # (not "100 ngày làm việc, từ ngày 10/7/2026 …": how long the work lasts)
_CLAUSE_END = re.compile(r";|\.(?=\s)")
# The year every YEAR_CUE and _DEADLINE ends with: looked for first (a fast scan), as most spans have none.
_YEAR = re.compile(r"(?:19|20)\d\d")
_SENTENCE_END = re.compile(r"\.(?=\s)")
_ENUMERATED = re.compile(r"\s*(?:\([^()]{0,60}\)\s*)?(?:,|va)\s*")


def shared_year(doc: Doc, prev_end: int, prev_clause_end: int, start: int, clause_end: int) -> int | None:
    """The year after the second of two enumerated values that holds for both ("dưới 10% (A), 5% (B) vào năm 2025")."""
    folded = doc.folded
    if _AFTER_YEAR.search(folded, prev_end, prev_clause_end) or not _ENUMERATED.fullmatch(folded, prev_end, start):
        return None
    after = _AFTER_YEAR.search(folded, start, clause_end)
    return int(after.group(1)) if after else None


# "95% (năm 2026), 96% (năm 2027)": a year alone in brackets right after a value dates it ("(năm 2025 là 4,2%)" is
# where the indicator stood, a baseline).
_BRACKET_YEAR = re.compile(r"(?<=[\d%‰])\s*\(\s*n[ad]m\s+((?:19|20)\d\d)\s*\)")
# "Hoàn thành 100% chỉ tiêu tuyển quân năm 2026.": a year that closes the value's clause dates the value (not a base
# year "so với năm 2020", nor a date).
_CLOSING_YEAR = re.compile(r"(?<![a-z])n[ad]m\s+((?:19|20)\d\d)(?![\d/-])(?=[\s)]*(?:[.;,]|$))")
_CLOSES = re.compile(r"[\s)]*[;.]")
_COMMA = re.compile(r",(?!\d)")


def _last_comma(folded: str, start: int, end: int) -> int:
    """Where the last comma in ``start:end`` that is not a decimal one stands, or -1."""
    found = -1
    for m in _COMMA.finditer(folded, start, end):
        found = m.start()
    return found


def _event_year(folded: str, block_start: int, cue: re.Match[str], pos: int) -> bool:
    """"… lượng phát thải đạt đỉnh vào năm 2035, sau đó giảm nhanh. Trong đó: A giảm 91,6%": a "vào năm" inside a
    clause dates an event of its own sentence; the values of the next sentences keep the lead's year ("Đến năm 2050,")."""
    if not folded.startswith("vao", cue.start()) or not _SENTENCE_END.search(folded, cue.end(), pos):
        return False
    opening = max(folded.rfind(mark, block_start, cue.start()) for mark in ("\n", ". ", ";", ":", ","))
    return bool(folded[max(opening + 1, block_start) : cue.start()].strip(" -\t"))


# Characters neither cue pattern reads past (they consume letters, digits, blanks, dashes and slashes only).
_BARRIERS = ",;.:()"


def _cues_before(doc: Doc, pattern: re.Pattern[str], block_start: int, pos: int, block_end: int | None) -> list[re.Match[str]]:
    """``list(pattern.finditer(doc.folded, block_start, pos))`` for YEAR_CUE or _DEADLINE, without scanning the block
    again for each value in it: no match, nor any attempt of the engine, reads past a barrier character, so the
    matches starting before the last barrier before ``pos`` are those of one scan of the whole block (remembered on
    the Doc), and only the rest is scanned."""
    folded = doc.folded
    barrier = max(folded.rfind(ch, block_start, pos) for ch in _BARRIERS)
    if block_end is None or barrier < block_start or barrier >= block_end:
        return list(pattern.finditer(folded, block_start, pos))
    scans = doc.__dict__.setdefault("_cue_scans", {})
    found = scans.get((pattern, block_start, block_end))
    if found is None:
        matches = list(pattern.finditer(folded, block_start, block_end))
        found = scans[pattern, block_start, block_end] = (matches, [m.start() for m in matches])
    return found[0][: bisect_left(found[1], barrier)] + list(pattern.finditer(folded, barrier + 1, pos))


def year_of(doc: Doc, block_start: int, pos: int, clause_end: int, default: int | None, block_end: int | None = None) -> int | None:
    """The year of the value at ``pos``: the last year cue before it in its block (ending at ``block_end``, when
    known), or one right after it."""
    year = default
    folded = doc.folded
    cues = sorted([*_cues_before(doc, YEAR_CUE, block_start, pos, block_end), *_cues_before(doc, _DEADLINE, block_start, pos, block_end)],
                  key=lambda m: m.start()) if _YEAR.search(folded, block_start, pos) else []
    for m in cues:
        if m.re is YEAR_CUE and DATE_BEFORE.search(folded[max(0, m.start() - 14) : m.start(1)]):
            continue
        # "… giảm còn 3% vào năm 2027; tỷ lệ B đạt 70%": a year written after another clause's value is that
        # value's, not the next clause's.
        # … and a year written after a value at the end of an earlier sentence is that sentence's.
        # A year that opens a clause after a comma ("…giảm 1%, đến năm 2030 tỷ lệ B dưới 1%; tỷ lệ C đạt 50%") is read
        # from that comma: it sets the year of what follows, unless it closes its clause itself ("… 3% vào năm 2027;").
        if _CLAUSE_END.search(folded, m.end(), pos):
            # (A sentence a PDF line ends, ".\n", ends there as one followed by a space does.)
            clause_start = max(folded.rfind(";", block_start, m.start()), folded.rfind(". ", block_start, m.start()),
                               folded.rfind(".\n", block_start, m.start()), folded.rfind(":", block_start, m.start()),
                               folded.rfind("\n-", block_start, m.start()), block_start)
            comma = max(clause_start, _last_comma(folded, clause_start, m.start()))
            valued = re.search(r"\d", folded[clause_start : m.start()].replace(m.group(1), ""))
            if valued and (_CLOSES.match(folded, m.end()) or re.search(r"\d", folded[comma : m.start()].replace(m.group(1), ""))):
                continue
        if _COMPARED_TO.search(doc.folded[max(0, m.start() - 12) : m.start()]):
            continue  # "gấp 2 lần so với năm 2020": the base year, not the target's
        if _event_year(folded, block_start, m, pos):
            continue
        year = int(m.group(1))
    after = (_AFTER_YEAR.search(doc.folded, pos, clause_end) or _BRACKET_YEAR.search(doc.folded, pos, clause_end)
             or _CLOSING_YEAR.search(doc.folded, pos, clause_end))
    if after and not (after.re is _CLOSING_YEAR and (_COMPARED_TO.search(folded[max(0, after.start() - 12) : after.start()])
                                                     or DATE_BEFORE.search(folded[max(0, after.start() - 14) : after.start(1)]))):
        year = int(after.group(1))
    if year is None and _SHARE.match(folded, pos) and (since := _SINCE_DATE.search(folded, pos, clause_end)):
        year = int(since.group(1))  # "100% văn bản được ký số kể từ ngày 01/9/2025": the share holds from that year
    return year


# "…, định hướng đến năm 2030", "tầm nhìn đến năm 2045": the outlook beyond the period a plan commits to.
_OUTLOOK = re.compile(r"(?:dinh\s+huong|t[ad](?:m|rn)\s+nh[il]n)\s*$")


def _horizon(text: str, found: list[re.Match[str]]) -> int | None:
    """The year a heading or title sets: its last year cue, but not an outlook after the period itself
    ("Mục tiêu đến năm 2025, định hướng đến năm 2030" holds by 2025)."""
    committed = [m for m in found if not _OUTLOOK.search(text, max(0, m.start() - 16), m.start())]
    chosen = committed or found
    return int(chosen[-1].group(1)) if chosen else None


def _own_year(doc: Doc, n: Node, seen: dict[int, int | None] | None) -> int | None:
    """The year a heading's own title sets, remembered in ``seen`` by node id."""
    key = id(n)
    if seen is not None and key in seen:
        return seen[key]
    head = doc.folded[n.head_start : n.head_start + len(n.title)]
    found = [m for m in YEAR_CUE.finditer(head) if not DATE_BEFORE.search(head[max(0, m.start() - 14) : m.start(1)])
             ] if _YEAR.search(head) else []
    own = _horizon(head, found)
    if seen is not None:
        seen[key] = own
    return own


def heading_year(doc: Doc, node: Node, seen: dict[int, int | None] | None = None) -> int | None:
    """The year a heading (or the nearest one above it) sets: "Mục tiêu đến năm 2030".

    ``seen`` caches each heading's own year by node id, for callers that walk every node of a document, and the year
    from each node upwards (by the id's complement), so a deep outline is not climbed again for each of its nodes.
    """
    if node.style == "root":
        return None
    own = _own_year(doc, node, seen)
    if own is not None and node.kind is not None:
        return own
    # The first own year from the parent upwards, the root (or the top) giving none.
    climbed: list[Node] = []
    year: int | None = None
    n = node.parent
    while n is not None and n.style != "root":
        if seen is not None and ~id(n) in seen:
            year = seen[~id(n)]
            break
        climbed.append(n)
        year = _own_year(doc, n, seen)
        if year is not None:
            break
        n = n.parent
    if seen is not None:
        for m in climbed:  # each node climbed (none with a year of its own but the last) has the year found
            seen[~id(m)] = year
    return year


def title_year(doc: Doc, span: object) -> int | None:
    """The year a plan's title sets ("... năm 2025", "giai đoạn 2021-2025"), dates excluded."""
    if not (isinstance(span, list) and len(span) == 2):
        return None
    s, e = int(span[0]), int(span[1])
    found = [m for m in YEAR_CUE.finditer(doc.folded, s, e) if not DATE_BEFORE.search(doc.folded[max(0, m.start() - 14) : m.start(1)])]
    return _horizon(doc.folded, found)


def read_start(doc: Doc, node: Node, start: int, end: int) -> int:
    """Past a heading line with no value of its own ("2. Mục tiêu cụ thể"), so it is not a target's text."""
    line_end = doc.clean.find("\n", start, end)
    if node.style == "root" or line_end < 0:
        return start
    line = doc.folded[start:line_end].rstrip()
    if node.style in ("dash", "plus") or line.endswith((".", ";")):
        return start  # the cheap tests first: a long line is not read for its marks and years
    head = re.sub(r"^\s*(?:[ivx]+|\d+(?:\.\d+)*|[a-zđ])[.):\-]\s*|(?:19|20)\d\d", "", line)
    title_only = len(head.split()) <= 10 and not re.search(r"\d", head) and not ZERO_CUE.search(line)
    return line_end + 1 if title_only else start
