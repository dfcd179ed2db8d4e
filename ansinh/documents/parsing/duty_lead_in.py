"""The sentence that opens a directive's or letter's numbered points (split from :mod:`duties`): the colon before the
first of them when no known verb opens them, and whether that sentence reports results rather than asking for work."""

from __future__ import annotations

import re

from ansinh.documents.parsing.clean import Doc
from ansinh.documents.parsing.structure import Node

# "báo cáo của X" (another's report the letter cites: "Qua theo dõi và báo cáo của Văn phòng, …") is no report of its own.
_REPORTS = re.compile(r"(?<![a-z])bao cao(?![a-z])(?! cua(?![a-z]))")
_ASKS = re.compile(r"(?<![a-z])(?:de nghi|yeu cau|huong dan|chi dao|giao|ket luan|chi thi|quyet nghi)(?![a-z])")


def reports_results(doc: Doc, end: int) -> bool:
    """Whether the lead-in sentence ending at ``end`` reports ("UBND tỉnh báo cáo kết quả … như sau:"): a letter that
    is a report lists what was done; one that asks for a report ("đề nghị các xã báo cáo … như sau:") lists duties."""
    start = max(doc.folded.rfind(".", 0, end - 1), doc.folded.rfind("\n\n", 0, end - 1), end - 400, 0)
    sentence = doc.folded[start:end]
    return _REPORTS.search(sentence) is not None and _ASKS.search(sentence) is None


def colon_before_points(doc: Doc, root: Node) -> re.Match[str] | None:
    """The sentence that opens a run of numbered points when no known verb does: the line right before the first of
    two or more numbered points ends with a colon ("Bộ Y tế đề nghị Sở Y tế các tỉnh, thành phố:")."""
    # A letter's points numbered in brackets ("(1) Đối với …", "(2) …") when it has no plain numbered ones.
    points = [c for c in root.children if c.style == "num1"] or [c for c in root.children if c.style == "paren"]
    if len(points) < 2:
        return None
    line_end = doc.clean.rfind("\n", 0, points[0].start)
    if line_end <= 0 or not doc.clean[:line_end].rstrip().endswith(":"):
        return None
    line_start = doc.clean.rfind("\n", 0, line_end) + 1
    if doc.folded.startswith(("kinh gui", "noi nhan"), line_start + len(doc.folded[line_start:line_end]) - len(doc.folded[line_start:line_end].lstrip())):
        return None  # "Kính gửi:" before numbered addressees: a list of readers, not of duties
    return re.compile(r":").search(doc.folded, doc.clean[:line_end].rstrip().rfind(":"))
