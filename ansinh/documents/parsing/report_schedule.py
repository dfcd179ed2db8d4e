"""Schedules a sentence states without naming a report (split from ``reporting``): figures sent to a body on a period
or by a day, and two days of each year six months apart (a six-monthly report)."""

from __future__ import annotations

import re

from ansinh.documents.parsing.report_cues import periods
from ansinh.documents.parsing.report_dates import deadlines as read_deadlines

# "… gửi thông tin về người sử dụng lao động chậm đóng … đến cơ quan quản lý": figures sent to a body, a report.
# … also with what is sent first ("tổng hợp danh sách gửi đến Phòng Nội vụ", "Kết quả thực hiện gửi về Sở …").
_SENT_DATA = re.compile(
    r"(?:(?<![a-z])gui\s+(?:thong\s+tin|so\s+lieu|danh\s+sach)(?![a-z])[^.;]{0,160}?\s"
    r"|(?<![a-z])(?:thong\s+tin|so\s+lieu|danh\s+sach|ket\s+qua)(?![a-z])[^.;]{0,60}?\sgui\s+)(?:ve|den|toi)\s+"
    r"(?:ubnd|uy\s+ban|so\s+[a-z]|bo\s+[a-z]|co\s+quan|ban\s+[a-z]|cuc\s+[a-z]|phong\s+[a-z]|chu\s+tich|thuong\s+truc)"
)

# "Ủy ban nhân dân cấp tỉnh tổng hợp nhu cầu … gửi Bộ Tài chính trước ngày 15 tháng 7 hằng năm": what a body compiles and
# sends up on a schedule is its report, whatever it is called (the compiling step of a reporting regime, Decree 09/2019).
_COMPILED_SENT = re.compile(
    r"(?<![a-z])tong\s+hop\s[^.;]{0,100}?\sgui\s+(?:(?:ve|den|toi)\s+)?"
    r"(?:ubnd|uy\s+ban|so\s+[a-z]|bo\s+[a-z]|co\s+quan|ban\s+[a-z]|cuc\s+[a-z]|phong\s+[a-z]|chu\s+tich|thuong\s+truc)"
)

# A budget compiled and sent ("tổng hợp vào dự toán chi ngân sách hằng năm gửi Sở Tài chính thẩm định"): a request for
# funds, not a report.
_BUDGET = re.compile(r"du\s+toan|kinh\s+phi|ngan\s+sach")


def _compiled_and_sent(folded: str) -> bool:
    m = _COMPILED_SENT.search(folded) if "tong" in folded else None
    return m is not None and _BUDGET.search(m.group(0)) is None


def sent_on_schedule(folded: str) -> bool:
    """Whether a sentence sends figures to a body on a period or by a day (no "báo cáo" named)."""
    if "gui" not in folded:  # its word looked for first: a plain look is cheaper
        return False
    if _SENT_DATA.search(folded) is None and not _compiled_and_sent(folded):
        return False
    return any(f != "adhoc" for f, _ in periods(folded)) or bool(read_deadlines(folded))


def twice_a_year(cues: list[tuple[str, int]], deadlines: list[tuple[int, int, int | None]]) -> list[tuple[str, int]]:
    """"trước ngày 20 tháng 6 và ngày 20 tháng 12 hằng năm": two days of each year are a six-monthly report."""
    months = [d for d in deadlines if d[2] is not None]
    if [f for f, _ in cues] != ["annual"] or len(months) != 2 or abs(int(months[0][2] or 0) - int(months[1][2] or 0)) != 6:
        return cues
    return [("semiannual", cues[0][1])] if cues[0][1] > months[0][0] else cues
