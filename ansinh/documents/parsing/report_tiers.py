"""Deadlines of one period stated for two tiers, and exceptions that name a period in passing (Decree 09/2019).

A provincial regime often sets one period's report twice: the bodies send theirs to the aggregating department,
which then reports to the People's Committee ("Báo cáo 6 tháng: các cơ quan gửi Sở Tài chính trước ngày 05/7; Sở
Tài chính tổng hợp báo cáo Ủy ban nhân dân tỉnh trước ngày 10/7"). Each ";"-clause that sends or reports by its
own day is a duty of that period, on that day. A parenthesis that carves out an exception ("(riêng năm 2026 thực
hiện báo cáo năm)", "(trừ báo cáo quý IV)") names a period in passing: it is no period of the duty. A clause
opened by "đồng thời" or "ngoài ra" after a periodic report ("hằng năm, … báo cáo Hội đồng nhân dân tỉnh …; đồng
thời, chỉ đạo sơ kết, tổng kết và báo cáo Bộ Công an theo quy định") owes a report of its own, with no period. A
committee that hears reports on a schedule ("định kỳ hằng tháng hoặc quý, nghe báo cáo và cho ý kiến về …") is owed
them on that schedule: the hearing is not a report read once. A day in a ";"-clause of other work ("Các sở hoàn
thành việc rà soát trước ngày 30/6/2027; định kỳ hằng năm báo cáo …") is that work's deadline, not the report's.
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


# "…, kịp thời báo cáo, tham mưu … giải quyết các khó khăn, vướng mắc; định kỳ quý, 6 tháng, hằng năm … báo cáo …": a
# report owed as matters arise, in a clause of its own beside the regime (README: "kịp thời" is ad hoc).
_PROMPTLY = re.compile(r"(?<![a-z])kip\s+thoi\s+(?:[a-z]+\s+){0,2}?b[ad]o\s+c[ad]o(?![a-z])")


def _prompt_clause(clauses: list[str]) -> bool:
    """Whether one ";"-clause owes a prompt report with no period or day while another names the period."""
    prompt = [c for c in clauses if _PROMPTLY.search(c) and not periods(c) and "truoc ngay" not in c and "cham nhat" not in c]
    return bool(prompt) and any(periods(c) for c in clauses if c not in prompt)


def own_clause_report(folded: str) -> bool:
    """Whether a ";"-clause opened by "đồng thời"/"ngoài ra" owes a report with no period or day of its own (to a
    named body or on a stated occasion), or one owes a prompt report ("kịp thời báo cáo") beside the regime."""
    if ";" not in folded:
        return False
    if "kip thoi" in folded and _prompt_clause(_top_clauses(folded)):
        return True
    for clause in _top_clauses(folded)[1:]:
        if _ALSO.match(clause) is None or REPORT_WORD.search(clause) is None:
            continue
        if periods(clause) or "truoc ngay" in clause or "cham nhat" in clause:
            continue
        if ADDRESSEE.search(clause) or OCCASION_STRICT.search(clause):
            return True
    return False


# "định kỳ hằng tháng hoặc quý, nghe báo cáo …", "hằng quý nghe các cơ quan báo cáo …": reports heard on a schedule.
_HEARS = re.compile(
    r"(?:dinh\s+ky|h[ad]ng|moi)\s+(?:th[ad]ng|quy|n[ad]m|0?6\s+th[ad]ng)(?![a-z])[^.;]{0,40}?\s(?P<verb>nghe)\s+"
    r"(?:[a-z]+\s+){0,4}?b[ad]o\s+c[ad]o(?![a-z])"
)


def heard_on_schedule(folded: str) -> str:
    """``folded`` with the "nghe" of reports heard on a schedule blanked (same length), so they read as owed."""
    if "nghe" not in folded:
        return folded
    for m in _HEARS.finditer(folded):
        folded = folded[:m.start("verb")] + "    " + folded[m.end("verb"):]
    return folded


# A clause that only sets a schedule ("Định kỳ 06 tháng, trước ngày 15 tháng 7; …", "Thời hạn: …") goes with the report.
_SCHEDULE_CLAUSE = re.compile(
    r"[\s\-–+•]*(?:dinh\s+ky|h[ad]ng|moi|thoi\s+(?:han|gian)|han\s+chot|cham\s+nhat|bao\s+cao|gui|nop)(?![a-z])"
)
_REPORT_OR_REVIEW = re.compile(r"(?<![a-z])(?:s[oda]|t[oda]ng)\s+k[eq]t(?![a-z])")
_DAY = re.compile(r"(?:tr[uy][oda]c|cham\s+nhat(?:\s+(?:la|vao))?|han\s+chot(?:\s+la)?)\s+(?:ngay\s+)?\d{1,2}\s*(?:/|-|\.|\s+th[ad]ng\s+)[\d/.\s]*?(?:\d|n[ad]m\s+\d{4})(?![\d/])")


def _top_clauses(folded: str) -> list[str]:
    """``folded`` cut at each ";" outside brackets ("theo giai đoạn (2026 - 2027; 2028 - 2030), trước ngày …" is one)."""
    clauses, depth, start = [], 0, 0
    for i, ch in enumerate(folded):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == ";" and depth == 0:
            clauses.append(folded[start:i])
            start = i + 1
    clauses.append(folded[start:])
    return clauses


def _reports(clause: str) -> bool:
    return _DELIVERS.search(clause) is not None or _REPORT_OR_REVIEW.search(clause) is not None


def others_deadlines_blanked(folded: str) -> str:
    """``folded`` with the days of ";"-clauses that neither report nor set a schedule blanked (same length), when
    another clause of the sentence reports: those days are the other work's deadlines."""
    if ";" not in folded or ("truoc" not in folded and "cham nhat" not in folded and "han chot" not in folded):
        return folded
    clauses = _top_clauses(folded)
    if not any(_reports(c) for c in clauses):
        return folded
    out = []
    for clause in clauses:
        if not _reports(clause) and not _SCHEDULE_CLAUSE.match(clause) and not periods(clause):
            clause = _DAY.sub(lambda m: " " * len(m.group(0)), clause)
        out.append(clause)
    return ";".join(out)
