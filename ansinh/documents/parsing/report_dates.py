"""Deadlines of reporting duties: the day (and month) a report is due, and which period each date goes with.

Decree 09/2019 writes them "trước ngày 15 tháng 12 hằng năm", "trước ngày 20 của tháng cuối quý", "trước
15/6 và 15/12"; plans also write "vào ngày 05/12", "ngày 20 hằng tháng". A sentence naming several periods
pairs each with its date by order or nearness.
"""

from __future__ import annotations

import itertools
import re

from ansinh.documents.parsing.report_spelled import in_figures
from ansinh.documents.parsing.vocab import DEADLINE


def deadlines(folded: str) -> list[tuple[int, int, int | None]]:
    """(offset, day, month) of every "trước ngày DD/MM" (month None for "trước ngày 20 của tháng cuối quý"), a day
    or a month written in words read as its figures ("trước ngày mười lăm tháng mười hai")."""
    out: list[tuple[int, int, int | None]] = []
    folded = in_figures(folded)
    for start, end, day_text, month_text in _dates(folded):
        day = int(day_text)
        month = int(month_text) if month_text else None
        if 1 <= day <= 31 and (month is None or 1 <= month <= 12):
            out.append((start, day, month))
        # "trước ngày 10/6 và 10/12": a second date after the first.
        more = _AND_DATE.match(folded, end)
        more_month = int(more.group(2) or more.group(3)) if more else 0
        if more and month is not None and 1 <= int(more.group(1)) <= 31 and 1 <= more_month <= 12:
            out.append((more.start(1), int(more.group(1)), more_month))
    # the same date read twice ("và ngày 20 tháng 12 hằng năm": a second date and a recurring day) is one deadline
    return [d for i, d in enumerate(out) if not any(abs(o[0] - d[0]) <= 12 and o[1:] == d[1:] for o in out[:i])]


# "trước 15/12 hằng năm", "vào ngày 15/12 hằng năm": a day and month without "ngày", or after "vào ngày".
_SHORT_DATE = re.compile(
    r"(?:tr[uy][oda]c|cham\s+nhat(?:\s+(?:la|vao))?|han\s+chot(?:\s+la)?)\s+(\d{1,2})\s*/\s*(\d{1,2})(?!\d|/(?!(?:19|20)\d\d(?!\d)))"
    r"|(?<![a-z])vao\s+ngay\s+(\d{1,2})\s*/\s*(\d{1,2})(?![\d/])"
)


def _dates(folded: str) -> list[tuple[int, int, str, str | None]]:
    """(start, end, day, month) of every deadline written "trước ngày DD/MM", "trước DD/MM" or "vào ngày DD/MM"."""
    found = [(m.start(), m.end(), m.group(1), m.group(2)) for m in DEADLINE.finditer(folded)]
    for m in _SHORT_DATE.finditer(folded):
        day, month = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        found.append((m.start(), m.end(), day, month))
    for m in _RECURRING_DAY.finditer(folded):
        if not any(s <= m.start() < e for s, e, _, _ in found):  # "trước ngày 20 hằng tháng" is read once
            found.append((m.start(), m.end(), m.group(1) or m.group(2), m.group(3) or m.group(4)))
    return sorted(found)


# A day that comes back without "trước": "(định kỳ) ngày 20 hằng tháng", "ngày 20 của tháng cuối quý",
# "vào ngày 15 tháng 12 hằng năm" (a day in a running text, "ngày 20/11/2025", has a year and is not read).
# The ends of a span the figures cover ("từ ngày 01 tháng 01 đến ngày 31 tháng 12 hằng năm") are no deadline.
_RECURRING_DAY = re.compile(
    r"(?<![a-z])(?<!den\s)(?<!tu\s)ngay\s+(\d{1,2})\s+(?:(?:h[ad]ng|moi)\s+th[ad]ng|(?:cua\s+)?th[ad]ng\s+(?:cuoi|dau)\s+(?:moi\s+|cua\s+)?quy)(?![a-z])"
    r"|(?<![a-z])(?<!den\s)(?<!tu\s)ngay\s+(\d{1,2})\s*(?:/\s*(\d{1,2})|\s+th[ad]ng\s+(\d{1,2}))\s+(?:h[ad]ng|moi)\s+n[ad]m(?![a-z])"
)


_PERIOD_LENGTH = {"monthly": 1, "quarterly": 3, "semiannual": 6, "annual": 12, "adhoc": 99}
# "… và 10/12", "… và ngày 15 tháng 12": the second date of a pair ("và trước ngày …" is a deadline of its own).
_AND_DATE = re.compile(
    r"\s*(?:va|,)\s*(?:ngay\s+)?(\d{1,2})\s*(?:/\s*(\d{1,2})(?![\d/])|\s+th[ad]ng\s+(\d{1,2})(?!\d))"
)


def deadline_for(
    deadlines: list[tuple[int, int, int | None]], cue_at: dict[str, int], frequency: str
) -> tuple[int | None, int | None]:
    """The deadline that goes with ``frequency``: the one nearest its cue when a sentence names several periods.

    A day without a month only fits a duty shorter than a year (quarterly, monthly).
    """
    fitting = [d for d in deadlines if d[2] is not None or frequency in ("quarterly", "monthly")]
    if frequency in ("quarterly", "monthly") and any(d[2] is None for d in fitting) and len(cue_at) > 1:
        # "trước ngày 15 của tháng cuối quý và trước ngày 15 tháng 12 hằng năm": the day without a month is the quarter's
        fitting = [d for d in fitting if d[2] is None]
    quarter_days = [d for d in deadlines if d[2] is None]
    if not fitting and frequency == "annual" and "quarterly" in cue_at and len(quarter_days) == 1:
        # "định kỳ hằng quý, năm báo cáo … trước ngày 20 của tháng cuối quý": the year's report goes with its last
        # quarter's, on that day of December.
        return quarter_days[0][1], 12
    if not fitting:
        return None, None
    if len(fitting) == 1 or frequency not in cue_at:
        return fitting[0][1], fitting[0][2]
    dated = [d for d in fitting if d[2] is not None]
    if len(dated) == len(cue_at) and all(d[0] > max(cue_at.values()) for d in dated):
        # "định kỳ 6 tháng, hằng năm … trước ngày 10/6 và 10/12": periods and dates in the same order.
        order = sorted(cue_at, key=cue_at.__getitem__)
        chosen = dated[order.index(frequency)]
        return chosen[1], chosen[2]
    if len(dated) == len(cue_at) and all(d[0] < min(cue_at.values()) for d in dated):
        # "Định kỳ trước ngày 20 tháng 6 và trước ngày 20 tháng 12 hằng năm, … báo cáo … 6 tháng và cả năm": the
        # dates come first, in the order of the year; the shorter period is due first.
        order = sorted(cue_at, key=_PERIOD_LENGTH.__getitem__)
        chosen = dated[order.index(frequency)]
        return chosen[1], chosen[2]
    if len(dated) == len(cue_at) and _alternate(dated, cue_at):
        # "gửi … trước ngày 15/6 (báo cáo 6 tháng) và trước ngày 15/12 (báo cáo năm)": each period beside its date
        order = sorted(cue_at, key=cue_at.__getitem__)
        chosen = dated[order.index(frequency)]
        return chosen[1], chosen[2]
    at = cue_at[frequency]
    # a date follows its period ("báo cáo 6 tháng gửi trước ngày 15/6; báo cáo năm gửi trước ngày 15/11")
    after = [d for d in fitting if 0 <= d[0] - at <= 60]
    best = min(after or fitting, key=lambda d: abs(d[0] - at))
    return best[1], best[2]


def _alternate(dated: list[tuple[int, int, int | None]], cue_at: dict[str, int]) -> bool:
    """Whether dates and periods take turns in the sentence (date, period, date, period or period, date, …)."""
    marks = sorted([(d[0], "date") for d in dated] + [(at, "cue") for at in cue_at.values()])
    return all(a[1] != b[1] for a, b in itertools.pairwise(marks))


# A period qualifies the report it sits with: "Định kỳ báo cáo … gửi về Sở Nội vụ để tổng hợp … Chỉ số CCHC của tỉnh hằng năm"
# names no yearly report (the year goes with the index, after the purpose "để"), nor does "Thực hiện chế độ kiểm điểm … hằng
# năm; định kỳ sơ kết …" (the year goes with another work, in a clause of its own).
# "nộp", "trình" deliver a report as "gửi" does ("…; trình Thường trực trước ngày 24 hằng tháng"), not "chương trình", "trình độ".
_VERB_OR_REVIEW = re.compile(
    r"(?<![a-z])(?:b[ad]o\s+c[ad]o|(?:s[oda]|t[oda]ng)\s+k[eq]t|cong\s+(?:bo|khai)|gui|nop|"
    r"(?<!chuong\s)(?<!quy\s)(?<!to\s)(?<!lo\s)trinh(?!\s+(?:do|bay|tu)(?![a-z])))(?![a-z])"
)


_PURPOSE = re.compile(r"\sde\s(?!xuat|nghi|an(?![a-z])|ra(?![a-z])|cuong|tai(?![a-z])|muc|cao|bat)")  # "để …", not "đề xuất", "đề án"


def own_clause(folded: str, at: int) -> bool:
    """Whether a period at ``at`` sits in a ";"-clause that holds a report, a review or a publication, before its purpose."""
    start = folded.rfind(";", 0, at) + 1
    end = folded.find(";", at)
    clause = folded[start:len(folded) if end < 0 else end]
    if not _VERB_OR_REVIEW.search(clause):  # a schedule clause ("Định kỳ 06 tháng, trước ngày 15 tháng 7; …") goes with the report
        # … but not a clause of other work opened by a period ("Hằng năm phải có Chương trình, Kế hoạch …; …")
        return ";" not in folded or (
            re.match(r"[\s\-–+•]*(?:dinh\s+ky|h[ad]ng|moi|\d|th[ad]ng|quy|n[ad]m)", clause) is not None
            and (len(clause.strip()) <= 60 or re.search(r"tr[uy][oda]c|cham\s+nhat|han\s+chot|ngay\s+\d", clause) is not None)
        )
    purpose = _PURPOSE.search(folded[start:at])
    return purpose is None or _VERB_OR_REVIEW.search(folded, start, start + purpose.start()) is None


# A step timed by a window that opens its line ("- Từ 10/10/2026 đến 25/11/2026: các xã thu thập …, báo cáo …"):
# the report is due by the window's last day.
_WINDOW = re.compile(
    r"^[\s\-–+•*]*(?:thoi\s+gian\s*:?\s*)?tu\s+(?:ngay\s+)?\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?\s*(?:den|-|–)\s*"
    r"(?:ngay\s+)?(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*((?:19|20)\d\d)\s*[:,]"
)


def window_end(folded: str) -> tuple[int, int, int] | None:
    """(day, month, year) a step's window ends on, when the window opens the sentence; None otherwise."""
    m = _WINDOW.match(folded)
    if m is None or not (1 <= int(m.group(1)) <= 31 and 1 <= int(m.group(2)) <= 12):
        return None
    return int(m.group(1)), int(m.group(2)), int(m.group(3))
