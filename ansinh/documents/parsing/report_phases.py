"""Reports with no period of the schema named: for each phase of a plan, or owed to a named body.

A provincial plan runs over a phase ("giai đoạn 2026 - 2030") and may ask for reports per phase ("gửi … theo giai
đoạn (2026 - 2027; 2028 - 2030), trước ngày 10/12 của từng giai đoạn") or each year and at the phase's end ("Định kỳ
hằng năm và giai đoạn, báo cáo …"). The schema has no multi-year frequency: a report for each phase is ad hoc (on the
day named), the one at the end of the phase a one-off. In the organising part a report owed to a named superior
on the results of the work ("Tham mưu báo cáo Ủy ban nhân dân tỉnh kết quả triển khai thực hiện Đề án", "Báo cáo kết
quả thực hiện Đề án về Bộ … để tổng hợp, báo cáo Thủ tướng") is an ad hoc duty even with no occasion written; a report
that only closes a line of work ("xây dựng kế hoạch …, báo cáo UBND Thành phố"), or follows results gathered by
someone else ("Định kỳ tổng hợp kết quả …, báo cáo Thành ủy theo quy định") is not read there.

A report owed "định kỳ" with no period named ("Định kỳ báo cáo về tiến độ …", "tổng hợp báo cáo định kỳ") is ad hoc,
unless the text states a periodic regime of its own: each body's line then repeats it (Decree 09/2019 sets a regime
once) and owes nothing more.
"""

from __future__ import annotations

import re

# A report for each phase of a plan ("theo giai đoạn", "của từng giai đoạn", "mỗi giai đoạn"): not a yearly one.
EACH_PHASE = re.compile(r"(?<![a-z])(?:theo(?:\s+tung)?|tung|moi)\s+giai\s+doan(?![a-z])")
# "hằng năm và giai đoạn": the yearly report and one at the end of the phase.
YEAR_AND_PHASE = re.compile(r"(?<![a-z])(?:h[ad]ng|moi)\s+n[ad]m\s*(?:,|va)\s*(?:cuoi\s+|ket\s+thuc\s+)?giai\s+doan(?![a-z])(?!\s+\d)")
# "báo cáo Ủy ban nhân dân thành phố kết quả …", "báo cáo kịp thời cho Thường trực …": the verb with whom it is owed to.
REPORT_TO = re.compile(
    r"(?<![a-z])b[ad]o\s+c[ad]o\s+(?:kip\s+thoi\s+|ngay\s+)?(?:cho\s+|voi\s+|len\s+|ve\s+)?"
    r"(?:thu\s+tuong|chinh\s+phu|ubnd|uy\s+ban\s+nhan\s+dan|hdnd|hoi\s+dong\s+nhan\s+dan|ban\s+thuong\s+(?:truc|vu)|"
    r"thuong\s+truc|tinh\s+uy|thanh\s+uy|dang\s+uy|dang\s+doan|ban\s+chi\s+dao|chu\s+tich|lanh\s+dao|cap\s+tren)(?![a-z])"
)
# "báo cáo (kết quả|tình hình) (triển khai) thực hiện": the results of the work reported.
_RESULTS = re.compile(r"b[ad]o\s+c[ad]o\s+(?:ket\s+qua|tinh\s+hinh)\s+(?:trien\s+khai\s+)?thuc\s+hien(?![a-z])")
_RESULTS_AFTER = re.compile(r"(?:ket\s+qua|tinh\s+hinh)\s+(?:trien\s+khai\s+)?thuc\s+hien(?![a-z])")


# "báo cáo kết quả thực hiện (Kế hoạch) về Sở Nội vụ …": the results, then whom they go to.
_RESULTS_TO = re.compile(
    _RESULTS.pattern + r"[^.;]{0,80}?\s(?:ve|len|cho|voi|den)\s+(?:ubnd|uy\s+ban|so\s+(?!lieu|luong)[a-z]|bo\s+(?!phan)[a-z]|"
    r"ban\s+[a-z]|phong\s+[a-z]|thuong\s+truc|tinh\s+uy|thanh\s+uy|dang\s+uy|chu\s+tich|van\s+phong)"
)


def results_owed_to(folded: str) -> bool:
    """Whether a sentence reports the results of the work to a named body ("báo cáo UBND tỉnh kết quả thực hiện …",
    "báo cáo kết quả thực hiện về Sở Nội vụ")."""
    to = REPORT_TO.search(folded)
    if to is None:
        return _RESULTS_TO.search(folded) is not None
    return _RESULTS.search(folded) is not None or _RESULTS_AFTER.search(folded, to.end()) is not None


# "định kỳ báo cáo …", "định kỳ tổng hợp, báo cáo …", "… tổng hợp báo cáo định kỳ;" with no period named: a report
# owed on a schedule the text does not set (Decree 09/2019 art. 12 leaves the period to the regime): ad hoc. Not
# "Báo cáo định kỳ hoạt động khai thác …", the name of a form.
_NO_PERIOD = r"(?!\s+(?:\d|hang|moi|sau|quy|thang|nam|tuan|hoac\s+dot))"
_BARE_PERIODIC_REPORT = re.compile(
    r"dinh\s+ky" + _NO_PERIOD + r"\s*,?\s*(?:(?:tong\s+hop|danh\s+gia)\s*,?\s*)?b[ad]o\s+c[ad]o(?![a-z])"
    r"|(?:tong\s+hop|thuc\s+hien|gui)\s*,?\s+b[ad]o\s+c[ad]o\s+dinh\s+ky\s*(?:$|[;.])"
)


def bare_periodic_report(folded: str) -> bool:
    """Whether a sentence owes a report "định kỳ" (on a schedule) without naming its period."""
    return "dinh" in folded and _BARE_PERIODIC_REPORT.search(folded) is not None


PERIODIC = ("annual", "semiannual", "quarterly", "monthly")


def regime_stated(out: list[dict[str, object]], bare_spans: set[int]) -> list[dict[str, object]]:
    """``out`` without the bare "định kỳ báo cáo" duties when the text states a periodic regime of its own: each body's
    line then repeats that regime (Decree 09/2019 sets a regime once), it owes no report of its own."""
    if not bare_spans or not any(d["frequency"] in PERIODIC for d in out):
        return out
    return [d for d in out if d["frequency"] != "adhoc" or _start(d) not in bare_spans]


def _start(duty: dict[str, object]) -> int:
    span = duty["span"]
    return int(span[0]) if isinstance(span, list) else -1
