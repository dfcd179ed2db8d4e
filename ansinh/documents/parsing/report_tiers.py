"""Deadlines of one period stated for two tiers, and exceptions that name a period in passing (Decree 09/2019).

A provincial regime often sets one period's report twice: the bodies send theirs to the aggregating department,
which then reports to the People's Committee ("Báo cáo 6 tháng: các cơ quan gửi Sở Tài chính trước ngày 05/7; Sở
Tài chính tổng hợp báo cáo Ủy ban nhân dân tỉnh trước ngày 10/7"). Each ";"-clause that sends or reports by its
own day is a duty of that period, on that day. A parenthesis that carves out an exception ("(riêng năm 2026 thực
hiện báo cáo năm)", "(trừ báo cáo quý IV)") names a period in passing: it is no period of the duty. A clause
opened by "đồng thời" or "ngoài ra" after a periodic report ("hằng năm, … báo cáo Hội đồng nhân dân tỉnh …; đồng
thời, chỉ đạo sơ kết, tổng kết và báo cáo Bộ Công an theo quy định") owes a report of its own, with no period.
"""

from __future__ import annotations

import re

from ansinh.documents.parsing.report_cues import ADDRESSEE, OCCASION_STRICT, REPORT_WORD, periods
from ansinh.documents.parsing.vocab import DATED_DEADLINE

# "(riêng năm 2026 …)", "(trừ báo cáo quý IV)", "(ngoại trừ …)", "(không bao gồm …)": an exception in brackets.
_EXCEPTION = re.compile(r"\(\s*(?:rieng|tru|ngoai\s+tru|khong\s+bao\s+gom)(?![a-z])[^()]{0,160}\)")
# What sends a report in a clause: "gửi", "nộp", "trình", "báo cáo" (not "chương trình", "trình độ", "quy trình").
_DELIVERS = re.compile(
    r"(?<![a-z])(?:gui|nop|b[ad]o\s+c[ad]o|(?<!chuong\s)(?<!quy\s)(?<!to\s)(?<!lo\s)trinh(?!\s+(?:do|bay|tu)(?![a-z])))(?![a-z])"
)


def blank_exceptions(folded: str) -> str:
    """``folded`` with each bracketed exception blanked (same length): its periods are not the duty's."""
    if "(" not in folded:
        return folded
    return _EXCEPTION.sub(lambda m: " " * len(m.group(0)), folded)


def tiered_dates(folded: str, deadlines: list[tuple[int, int, int | None]]) -> list[tuple[int | None, int | None]]:
    """The day and month of each ";"-clause that sends or reports by its own dated day (no year), when there are
    two or more such clauses; otherwise an empty list."""
    dated = [d for d in deadlines if d[2] is not None and not _with_year(folded, d[0])]
    if len(dated) < 2:
        return []
    clauses: dict[int, tuple[int | None, int | None]] = {}
    for at, day, month in dated:
        start = folded.rfind(";", 0, at) + 1
        if start in clauses:
            return []  # two days in one clause ("trước ngày 15/6 và 15/12"): the pairing rules read those
        end = folded.find(";", at)
        if _DELIVERS.search(folded, start, len(folded) if end < 0 else end) is None:
            return []
        clauses[start] = (day, month)
    return list(clauses.values())


def _with_year(folded: str, at: int) -> bool:
    m = DATED_DEADLINE.match(folded, at)
    return m is not None


# "; đồng thời, …", "; ngoài ra, …": a clause that adds a duty of its own.
_ALSO = re.compile(r"[\s\-–+•]*(?:dong\s+thoi|ngoai\s+ra)(?![a-z])\s*,?")


def own_clause_report(folded: str) -> bool:
    """Whether a ";"-clause opened by "đồng thời"/"ngoài ra" owes a report with no period or day of its own (to a
    named body or on a stated occasion)."""
    if ";" not in folded:
        return False
    for clause in folded.split(";")[1:]:
        if _ALSO.match(clause) is None or REPORT_WORD.search(clause) is None:
            continue
        if periods(clause) or "truoc ngay" in clause or "cham nhat" in clause:
            continue
        if ADDRESSEE.search(clause) or OCCASION_STRICT.search(clause):
            return True
    return False
