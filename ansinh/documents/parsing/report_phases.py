"""Reports with no period of the schema named: for each phase of a plan, or owed to a named body.

A provincial plan runs over a phase ("giai đoạn 2026 - 2030") and may ask for reports per phase ("gửi … theo giai
đoạn (2026 - 2027; 2028 - 2030), trước ngày 10/12 của từng giai đoạn") or each year and at the phase's end ("Định kỳ
hằng năm và giai đoạn, báo cáo …"). The schema has no multi-year frequency: a report for each phase is ad hoc (on the
day named), the one at the end of the phase a one-off. In the organising part a report owed to a named superior
on the results of the work ("Tham mưu báo cáo Ủy ban nhân dân tỉnh kết quả triển khai thực hiện Đề án", "Báo cáo kết
quả thực hiện Đề án về Bộ … để tổng hợp, báo cáo Thủ tướng") is an ad hoc duty even with no occasion written; a report
that only closes a line of work ("xây dựng kế hoạch …, báo cáo UBND Thành phố"), or follows results gathered by
someone else ("Định kỳ tổng hợp kết quả …, báo cáo Thành ủy theo quy định") is not read there.
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


def results_owed_to(folded: str) -> bool:
    """Whether a sentence reports the results of the work to a named body ("báo cáo UBND tỉnh kết quả thực hiện …")."""
    to = REPORT_TO.search(folded)
    return to is not None and (_RESULTS.search(folded) is not None or _RESULTS_AFTER.search(folded, to.end()) is not None)
