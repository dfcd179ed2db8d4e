"""A report asked in a text about one matter, with nothing that makes it recur, is owed once.

Decree 30/2020 sets the kinds of texts: a letter ("Công văn", with its "V/v …" line and no kind of its own) and a
conclusion notice ("Thông báo") deal with one matter, while decisions, resolutions, directives and plans set duties
that hold while the work goes on. Decree 09/2019 (art. 3) tells a report on one topic asked once ("báo cáo chuyên
đề") from one that answers an event ("báo cáo đột xuất"). So in a letter or a notice, "rà soát …; báo cáo các sở …",
"tổ chức thẩm định Đề án, báo cáo Thủ tướng Chính phủ xem xét, quyết định" is one report (`once`, README: "a one-off
request without a date is once"), unless the sentence names an occasion or a recurrence ("kịp thời", "khi có yêu
cầu", "trường hợp …", "thường xuyên", "định kỳ", "hằng tuần", "theo quy định", "theo dõi, đôn đốc …").
"""

from __future__ import annotations

import re

# The kind line of a text ("THÔNG BÁO", "QUYẾT ĐỊNH", …) in its header.
_KIND_LINE = re.compile(
    r"(?m)^[\s*#_]*(?P<kind>thong\s+bao|quyet\s+dinh|nghi\s+quyet|nghi\s+dinh|ke\s+hoach|chi\s+thi|chuong\s+trinh|"
    r"cong\s+dien|bao\s+cao|ket\s+luan|huong\s+dan|thong\s+tu|to\s+trinh|quy\s+dinh|quy\s+che|de\s+an)(?![a-z])[^\n]{0,40}$"
)
_ABOUT = re.compile(r"v\s*/\s*v(?![a-z])|(?<![a-z])ve\s+viec(?![a-z])")  # "V/v …", "Về việc …": a letter's subject line
_HEADER = 2500

# What makes a report recur or wait for an occasion; "mỗi" and "hằng" with their period ("môi trường", "mới" fold alike);
# a report under another text's regime ("thực hiện theo Quyết định số 25/2025/QĐ-TTg") recurs with that regime.
_RECURS = re.compile(
    r"(?<![a-z])(?:kip\s+thoi|khi|neu|truong\s+hop|dot\s+xuat|theo\s+yeu\s+cau|phat\s+sinh|vuot\s+(?:qua\s+)?tham\s+quyen|thuong\s+xuyen|dinh\s+ky|"
    r"(?:h[ad]ng|moi)\s+(?:ngay|tuan|thang|quy|nam|lan|dot|ky|khi)|tuan|lien\s+tuc|theo\s+quy\s+dinh|theo\s+doi|don\s+doc|"
    r"giam\s+sat|dung\s+(?:quy\s+dinh|thoi\s+gian(?:\s+quy\s+dinh)?|thoi\s+han(?:\s+quy\s+dinh)?)|theo\s+(?:quyet\s+dinh|nghi\s+dinh|nghi\s+quyet|thong\s+tu|quy\s+che|chi\s+thi)\s+so)(?![a-z])"
)


def one_matter(folded: str) -> bool:
    """Whether a text is a letter or a conclusion notice (about one matter), read from its header."""
    kind = _KIND_LINE.search(folded, 0, _HEADER)
    if kind is not None:
        return kind.group("kind").startswith("thong b")
    return _ABOUT.search(folded, 0, _HEADER) is not None


def asked_once(folded: str) -> bool:
    """Whether a sentence asks its report with no occasion and no recurrence."""
    return _RECURS.search(folded) is None


# The place and date line of a text's header ("Phú Thọ, ngày 12 tháng 5 năm 2026", "…, ngày 12/5/2026").
_ISSUED = re.compile(r"ngay\s+\d{1,2}\s*(?:thang\s+\d{1,2}\s+nam|/\s*\d{1,2}\s*/)\s*((?:19|20)\d\d)(?!\d)")


def text_year(folded: str) -> int | None:
    """The year a text was issued, read from its header: a letter's "trước ngày 20/6" falls in that year."""
    m = _ISSUED.search(folded, 0, _HEADER)
    return int(m.group(1)) if m else None


# "… gửi báo cáo theo yêu cầu của Bộ Giáo dục và Đào tạo trước ngày 15/7/2026": the report a named body asked for, due
# by that day, is that one report; "theo yêu cầu" alone ("báo cáo theo yêu cầu", "đột xuất theo yêu cầu của …") is an
# occasion, ad hoc.
_ASKED_BY = re.compile(r"theo\s+yeu\s+cau\s+cua\s")
_OCCASION = re.compile(r"d[oda]t\s+xuat|khi\s+(?:c[oda]|duoc)\s+yeu\s+cau")


def asked_by_and_dated(folded: str, dated: bool) -> bool:
    """Whether the only "on request" of a sentence with a dated deadline is the request of a named body."""
    return dated and "yeu cau cua" in folded and _ASKED_BY.search(folded) is not None and _OCCASION.search(folded) is None
