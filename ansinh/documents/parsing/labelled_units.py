"""Labelled lines under an item: "Chủ trì: …", "Cơ quan phối hợp: …", "Thời gian thực hiện: …".

Also the time that closes an item ("(hoàn thành trong tháng 12/2023)", "…; thời gian: hằng tháng.") and the role
a name states itself ("Ban A (chủ trì), Văn phòng (phối hợp)"). Read by :mod:`assignments`.
"""

from __future__ import annotations

import bisect
import re

from ansinh.documents.parsing.clean import Doc, fold_same_length, squeeze
from ansinh.documents.parsing.unit_names import _head_match
from ansinh.documents.parsing.vocab import AGENCY_HEADS, COORD_LABEL, LEAD_LABEL, TIMELINE_LABEL

# The look-ahead for a colon comes first: without it a blank line (a table the masked text blanked) backtracks
# through its spaces cubically (a 1,800-space line took 1.7 s); every label line has its colon anyway.
LABEL_LINE = re.compile(r"^(?=[^:]*:)[ \t]*(?:[-–+*•]\s*)?(?P<label>[^:\n]{2,70}?)\s*:\s*(?P<value>\S.*)?$")

# "- Chủ trì, phối hợp với các Bộ: Tài chính, Xây dựng …": a duty's clause whose colon lists bodies, not a label.
_CLAUSE_NOT_LABEL = re.compile(r"phoi\s+hop\s+(?:chat\s+che\s+)?voi(?![a-z])")


def labelled(doc: Doc, ranges: list[tuple[int, int]]) -> list[tuple[str, str]]:
    """(role, value) for each labelled line in the given ranges; role is lead/coordinate/timeline."""
    out: list[tuple[str, str]] = []
    all_lines = doc.line_spans()  # read-only: no copy of every line per call
    lines: list[tuple[int, int]] = []
    for a, b in ranges:
        first = bisect.bisect_left(doc.line_starts, a)
        for k in range(first, len(all_lines)):
            if all_lines[k][0] >= b:
                break
            lines.append(all_lines[k])
    i = 0
    while i < len(lines):
        s, e = lines[i]
        line = doc.clean[s:e]
        m = LABEL_LINE.match(line) if ":" in line else None  # (what the pattern's look-ahead asks first)
        i += 1
        if not m or (m.group("value") is None and not m.group("label")):
            continue
        label = " ".join(doc.folded[s + m.start("label") : s + m.end("label")].split())
        if len(label.split()) > 9 or _CLAUSE_NOT_LABEL.search(label):
            continue
        if LEAD_LABEL.search(label):
            role = "lead"
        elif COORD_LABEL.search(label):
            role = "coordinate"
        elif TIMELINE_LABEL.search(label):
            role = "timeline"
        else:
            continue
        value = m.group("value") or ""
        taken = 0
        while i < len(lines) and taken < 4 and not value.rstrip().endswith("."):
            ns, ne = lines[i]
            nxt = doc.clean[ns:ne]
            if not nxt.strip():
                i += 1
                continue
            if LABEL_LINE.match(nxt) and (LEAD_LABEL.search(doc.folded[ns:ne]) or COORD_LABEL.search(doc.folded[ns:ne].split(":")[0]) or TIMELINE_LABEL.search(doc.folded[ns:ne].split(":")[0])):
                break
            if re.match(r"^\s*(?:[-–+•]|\d+[.)]|[IVX]+[.\-]|[a-zđ]\))", nxt):
                break
            value += " " + nxt.strip()
            taken += 1
            i += 1
        value = squeeze(value)
        # Several labels on one line: "Chủ trì: A; Phối hợp: B, C.", or after a full stop: "Đơn vị chủ trì: Sở Y tế. Đơn vị phối hợp: Công an tỉnh."
        pieces = re.split(r";\s*(?=[^:;]{2,50}:)|\.\s+(?=[A-ZĐÀ-Ỹ][^:;.]{1,49}:)", value)
        out.append((role, pieces[0]))
        for piece in pieces[1:]:
            label_text, _, rest = piece.partition(":")
            folded_label = " ".join(fold_same_length(label_text).split())
            if LEAD_LABEL.search(folded_label):
                out.append(("lead", rest.strip()))
            elif COORD_LABEL.search(folded_label):
                out.append(("coordinate", rest.strip()))
            elif TIMELINE_LABEL.search(folded_label):
                out.append(("timeline", rest.strip()))
            else:
                out[-1] = (out[-1][0], out[-1][1] + "; " + piece)
    return out


# "(hoàn thành trong tháng 12/2023)", "(quý I/2024)", "(thực hiện thường xuyên)" closing an item: its time.
_CLOSING_TIME = re.compile(
    r"\(((?:hoan thanh|thuc hien|trien khai|trong|dau|cuoi|giua|truoc|tu|nam|quy|thang|giai doan)(?![a-z])"
    r"[^()]{0,80}?(?:(?:19|20)\d\d|thuong xuyen|hang nam|hang thang|hang quy)[^()]{0,60})\)\s*[.;]?\s*$"
)


# "…; thời gian: hằng tháng.", "…; hoàn thành trong năm 2026.", "…; thực hiện thường xuyên." closing an item.
_CLOSING_CLAUSE = re.compile(
    r";\s*(?:thoi\s+(?:gian|han)\s*:\s*|thuc\s+hien\s+(?=thuong\s+xuyen|hang\s+(?:nam|quy|thang)))"
    r"(?P<when>[^;:()]{2,60}?)\s*\.?\s*$|;\s*(?P<done>hoan\s+thanh\s+(?:trong|truoc)\s[^;:()]{2,50}?(?:19|20)\d\d)\s*\.?\s*$"
)


def closing_time(doc: Doc, ranges: list[tuple[int, int]]) -> str | None:
    for a, b in reversed(ranges):
        text = doc.folded[a:b].rstrip()
        m = _CLOSING_TIME.search(text)
        if m:
            # "(thực hiện hằng năm)" is "hằng năm", as after a semicolon.
            start = a + m.start(1) + (len("thuc hien ") if re.match(r"thuc hien (?:thuong xuyen|hang)", m.group(1)) else 0)
            return squeeze(doc.clean[start : a + m.end(1)])
        c = _CLOSING_CLAUSE.search(text)
        if c:
            group = "when" if c.group("when") else "done"
            return squeeze(doc.clean[a + c.start(group) : a + c.end(group)])
    return None


_STATED_ROLE = re.compile(r"\s*\((?P<role>chu\s+tri|phoi\s+hop)\)\s*$")


def by_stated_role(role: str, names: list[str]) -> dict[str, list[str]]:
    """Route "Ban A (chủ trì), Văn phòng (phối hợp)" by the role each name states; others keep ``role``."""
    out: dict[str, list[str]] = {}
    for name in names:
        m = _STATED_ROLE.search(fold_same_length(name))
        stated = role if m is None else ("lead" if m.group("role").startswith("chu") else "coordinate")
        out.setdefault(stated, []).append(name[: m.start()].strip() if m else name)
    return out


# "(Sở Nội vụ chủ trì)", "(Sở Nội vụ chủ trì, phối hợp với Công an tỉnh)", "(Sở Y tế chủ trì; Công an tỉnh phối hợp)",
# "… – Sở Nội vụ chủ trì.": the roles a plan writes after an item, in brackets or after a dash.
_LEAD_WORDS = re.compile(r"chu\s+tri")  # what _ROLES reads in a bracket or dash clause: "chủ trì" (\s: split's blanks)
_CLOSING_ROLES = re.compile(r"\((?P<paren>[^()\n]{3,240}(?:\n[^()\n]{1,240}){0,2})\)|(?<=\S)[ \t]+[–-][ \t]+(?P<dash>[^–\n]{3,240}?)\s*[.;]?[ \t]*$", re.MULTILINE)
_ROLES = re.compile(
    r"^(?:giao\s+)?(?P<who>[^;()]{3,160}?)\s+chu\s+tri(?:\s*[,;]\s*(?:(?:va\s+)?phoi\s+hop(?:\s+(?:chat\s+che|tot|thuong\s+xuyen|dong\s+bo))?(?:\s+voi)?\s+(?P<with>.+?)|(?P<with_first>.+?)\s+phoi\s+hop))?"
    # "(Giao Ban Xây dựng Đảng chủ trì, tham mưu trong quý II/2026)": the doer's duty and its time after the roles.
    r"(?:\s*,\s*(?:tham\s+muu|thuc\s+hien|to\s+chuc|trien\s+khai)(?![a-z])[^;]*)?\s*\.?$"
)


def closing_roles(doc: Doc, ranges: list[tuple[int, int]]) -> tuple[str, str] | None:
    """(lead text, partners text) of the first bracket or closing dash clause in ``ranges`` that states "X chủ trì"."""
    for a, b in ranges:
        for m in _CLOSING_ROLES.finditer(doc.folded, a, b) if _LEAD_WORDS.search(doc.folded, a, b) else ():  # _ROLES needs it
            group = "paren" if m.group("paren") is not None else "dash"
            start = m.start(group)
            roles = _ROLES.match(" ".join(doc.folded[start : m.end(group)].split()))
            if roles is None or len(doc.folded[start : m.end(group)].split()) != len(doc.clean[start : m.end(group)].split()):
                continue
            clean = " ".join(doc.clean[start : m.end(group)].split())
            who = clean[roles.start("who") : roles.end("who")]
            if not _head_match(who, AGENCY_HEADS):
                continue  # "Phòng Văn hóa - Xã hội chủ trì": the dash was inside a name
            key = "with" if roles.group("with") is not None else "with_first"
            partners = clean[roles.start(key) : roles.end(key)] if roles.group(key) is not None else ""
            return who, partners
    return None
