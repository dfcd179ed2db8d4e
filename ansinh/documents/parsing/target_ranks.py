"""Ranks a plan sets: a place among the leaders, at most N ("thuộc nhóm 3 nước dẫn đầu", "nằm trong 10 tỉnh, thành
dẫn đầu", "thuộc nhóm ba quốc gia dẫn đầu"). The value is the size of the leading group, the comparator "<=".
Targets of zero a sentence states without a figure ("Không còn hộ nghèo") are read here too (split from
``target_mentions``)."""

from __future__ import annotations

import re

from ansinh.documents.parsing.clean import Doc
from ansinh.documents.parsing.target_words import Mention
from ansinh.documents.parsing.vocab import ZERO_CUE

# "nhóm 3 nước", "top 50 trường", "trong nhóm 100 trường": a rank whatever follows.
RANK_BEFORE = re.compile(r"(?<![a-z])(?:nhom|top|trong\s+nhom)\s*$")
# "nằm trong 10 tỉnh, thành dẫn đầu", "xếp trong 5 đơn vị đứng đầu": a place among so many, when the leaders are named
# right after ("nằm trong 10 ngày" is no rank).
_WITHIN_BEFORE = re.compile(r"(?<![a-z])(?:n[ad]m|thuoc|dung|xep)\s+trong\s*$")
_LEADERS_AFTER = re.compile(
    r"[^.;:\d\n]{0,40}?(?<![a-z])(?:dan\s+dau|hang\s+dau|dung\s+dau|cao\s+nhat|tot\s+nhat)(?![a-z])"
)
# The size of the group in words ("nhóm ba quốc gia dẫn đầu"), read on the text with its marks ("năm" is no "nằm").
_WORD_SIZES = {"hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
_WORD_RANK = re.compile(r"(?<!\w)(?:nhóm|top)\s+(" + "|".join(_WORD_SIZES) + r")(?!\w)", re.IGNORECASE)


def is_rank(folded: str, prefix: str, value_end: int) -> bool:
    """Whether the value ending at ``value_end``, after ``prefix``, is the size of a leading group."""
    if not prefix.rstrip().endswith(("om", "op", "ng")):
        return False  # "nhom", "top", "trong" (then blanks) end what both end-anchored patterns find: their scans spared
    return bool(RANK_BEFORE.search(prefix)
                or (_WITHIN_BEFORE.search(prefix) and _LEADERS_AFTER.match(folded, value_end)))


def rank_word_mentions(doc: Doc, start: int, end: int) -> list[Mention]:
    """Ranks whose group size is written in words: "thuộc nhóm ba quốc gia dẫn đầu khu vực" = at most 3."""
    folded = doc.folded[start:end]
    if "nhom" not in folded and "top" not in folded:
        return []  # "nhóm"/"top" fold to these in any case: without them the case-blind scan of the clean text is spared
    out: list[Mention] = []
    for m in _WORD_RANK.finditer(doc.clean, start, end):
        if _LEADERS_AFTER.match(doc.folded, m.end()):
            out.append(Mention(m.start(1), m.end(1), float(_WORD_SIZES[m.group(1).lower()]), None, None, "<="))
    return out


def zero_mentions(doc: Doc, start: int, end: int) -> list[Mention]:
    """"Không còn hộ nghèo", "xóa bỏ hoàn toàn nhà tạm": targets of zero."""
    out: list[Mention] = []
    sentence = doc.folded[start:end]
    # ZERO_CUE holds "kh[oda]ng" (không) or "x[oda]a" (xóa): without them a scan finds nothing.
    if not ("khong" in sentence or "khdng" in sentence or "khang" in sentence  # plain looks, without a generator
            or "xoa" in sentence or "xda" in sentence or "xaa" in sentence):
        return out
    for m in ZERO_CUE.finditer(doc.folded, start, end):
        after = doc.folded[m.end() : m.end() + 12]
        unit = "hồ sơ" if after.startswith("ho so") else ("trường hợp" if after.startswith(("truong hop", "vu viec")) else "hộ")
        comparator = "approx" if m.group("basic") else "="
        out.append(Mention(m.start(), m.end(), 0.0, None, unit, comparator))
    return out
