"""Whom a reporting duty goes to: the body named after the verb ("báo cáo Ủy ban nhân dân tỉnh (qua Sở Nội vụ)",
"gửi … về Sở Y tế", "báo cáo kịp thời cho Ban Chỉ đạo"), with the office it passes through.
"""

from __future__ import annotations

import re

# "số" folds like "Sở": "báo cáo số nộp", "số liệu", "số lượng" name a figure, not a department.
# "một số tỉnh, đơn vị, nội dung": "some", not a department.
NOT_A_NUMBER = (
    r"(?!lieu|luong|nop|tien|ket(?![a-z])|thu(?![a-z])|ke(?![a-z])(?!\s+hoach)|hieu|ho(?![a-z])|nguoi|vu\s+viec|cuoc|lan(?![a-z])|hoa|"
    r"tinh(?![a-z])|xa(?![a-z])|huyen|don\s+vi|co\s+quan|dia\s+phuong|noi\s+dung|van\s+de|truong\s+hop)"
)
_WHO = (
    r"(?:lanh\s+dao(?![a-z])|dong\s+chi\s+|thu\s+tuong|chinh\s+phu|quoc\s+hoi|hoi\s+dong\s+nhan\s+dan|hdnd|ubnd|ubtvqh|"
    r"uy\s+ban|ban\s+[a-z]|bo\s+(?!sung|phan|de\s)[a-z]|bo(?![a-z])(?!\s+(?:sung|phan))|so\s+" + NOT_A_NUMBER + r"[a-z]|cac\s+so|cac\s+bo|cuc\s+[a-z]|vu\s+[a-z]|tong\s+cuc|"
    r"chu\s+tich|chu\s+ubnd|giam\s+doc|thuong\s+truc|thuong\s+vu|tinh\s+uy|thanh\s+uy|dang\s+uy|dang\s+doan|huyen\s+uy|"
    r"cap\s+(?:tren|co\s+tham\s+quyen)|co\s+quan\s+(?:co\s+tham\s+quyen|cap\s+tren|chu\s+quan|thuong\s+truc)|"
    r"van\s+phong|phong\s+[a-z]|cong\s+chuc|ngan\s+hang|bao\s+hiem\s+xa\s+hoi|cong\s+an|to\s+chuc\s+dich\s+vu)"
)
# Straight after the verb ("báo cáo Thủ tướng", "báo cáo kịp thời cho UBND tỉnh") or after a preposition that
# names where a report goes ("gửi … về Sở Y tế", "báo cáo kết quả đến Sở Nội vụ").
_TO_WHOM = re.compile(
    r"(?:b[ad]o\s+c[ad]o\s+(?:ngay\s+|kip\s+thoi\s+)?(?:cho\s+|voi\s+|len\s+)?|(?<![a-z])(?:gui|ve|den|toi|len|cho|(?<!hop\s)voi)\s+)"
    r"(?P<who>" + _WHO + r")"
)
_WHO_END = re.compile(
    r"\s+(?:ve|ket\s+qua|tinh\s+hinh|de|xem\s+xet|chi\s+dao|theo(?!\s+doi)|truoc|trong|vao|tai|khi|nhung|dinh\s+ky|h[ad]ng|"
    r"chu\s+tri|bang|thong\s+qua|xu\s+ly|kip\s+thoi|qua\s+(?:he|cong|dia\s+chi|do)|cham\s+nhat|doi\s+voi|so\s+luong|danh\s+sach|"
    r"noi\s+dung|viec|cac\s+(?:van|noi)|va\s+(?:de|lam|dong)|\d+\s+lan|dong\s+gui|tong\s+hop|noi\s+dat|cong\s+tac)(?![a-z])|\s*[;.:\n]|,\s*(?:de|dong\s+thoi|trong|truoc|theo)\s"
)
_BY_WAY_OF = re.compile(r"\s*\((?:thong\s+)?qua\s[^()]{2,80}\)")
# A second body after the first ("Bộ Chính trị, Ban Bí thư", "Ủy ban nhân dân tỉnh và Sở Công Thương"): the recipient is
# the first body named (README, round 4); a name's own comma or "và" ("Bộ Văn hóa, Thể thao và Du lịch") goes on.
_NEXT_BODY = re.compile(r"(?:\s*,|\s+va|\s+hoac)\s+(?=" + _WHO + r"|cuc(?![a-z]))")


def recipient_span(folded: str) -> tuple[int, int] | None:
    """Where the body a sentence's report goes to is named, "(qua …)" included; None when it names none."""
    verb = re.search(r"(?<![a-z])(?:b[ad]o\s+c[ad]o|gui)(?![a-z])", folded)  # the first who sends: "gửi A để … báo cáo B" → A
    if verb is None:
        return None
    m = _TO_WHOM.search(folded, max(0, verb.start()))
    if m is None:
        return None
    start = m.start("who")
    stop = _WHO_END.search(folded, m.end("who"), min(len(folded), start + 120))
    end = stop.start() if stop else min(len(folded), start + 90)
    while end > start and folded[end - 1] in " ,(":
        end -= 1
    if "(" in folded[start:end] and ")" not in folded[start:end]:
        end = start + folded[start:end].index("(")
    second = _NEXT_BODY.search(folded, start, end)
    if second is not None:
        return start, second.start()
    way = _BY_WAY_OF.match(folded, end)
    if way:
        end = way.end()
    return (start, end) if end > start else None
