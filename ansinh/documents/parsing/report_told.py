"""What a sentence tells rather than owes: a letter's salutation block, the grounds of a text, an earlier text
recounted, a past date narrated (split from ``reporting``).

A letter's own text begins after its "Kính gửi" list; a text that is itself a report ("BÁO CÁO", "…/BC-…") reports
what it says, it owes nothing; "Căn cứ Luật …", "Xét đề nghị …" are the grounds; "Ngày 19 tháng 12 năm 2025, Sở …
có Văn bản số … đề nghị … báo cáo …" tells of an earlier text.
"""

from __future__ import annotations

import re

from ansinh.documents.parsing.clean import Doc

# "Kính gửi: - Sở …; - UBND các xã …": the recipients of a letter; its own text starts on the next line that is no list item.
_SALUTATION = re.compile(r"(?m)^[\s*_]*kinh\s+gui\s*:?")
# The text is itself a report: "BÁO CÁO" as its kind line, or a number "…/BC-…".
_A_REPORT = re.compile(r"(?m)^[\s*#_]*b[ad]o\s+c[ad]o[\s*_]*$|so\s*:[^\n]{0,20}/bc-")
# A sentence that opens with a past date or the grounds narrates or cites, it owes nothing.
NARRATED = re.compile(r"^[\s\-–+•]*(?:ngay\s+\d{1,2}\s*(?:/|th[ad]ng)|can\s+cu(?![a-z])|xet\s|(?:thoi\s+gian\s+qua|tuy\s+nhien|den\s+nay)[\s,])")
# "Qua theo dõi, thời gian qua …", "Qua kiểm tra, một số đơn vị chưa …": what a letter found, told before what it asks.
FINDINGS = re.compile(
    r"^[\s\-–+•]*qua\s+(?:cong\s+tac\s+)?(?:theo\s+doi|kiem\s+tra|ra\s+soat|giam\s+sat|thanh\s+tra)(?![a-z])[^.;:]{0,60}?,"
)


# The grounds of a text ("Căn cứ Luật …;", "Sau khi xem xét Tờ trình …; Báo cáo thẩm tra …", "Xét đề nghị …"), also
# after the issuer's name in capitals ("QUỐC HỘI Căn cứ …") where a rule line ("---") opened a part before them;
# "Căn cứ Chỉ thị này, các sở … báo cáo …", "Căn cứ chức năng, nhiệm vụ, …" are instructions, not its grounds.
_GROUNDS = re.compile(
    r"(?:can\s+cu\s+(?:vao\s+)?(?:hien\s+phap|luat|bo\s+luat|phap\s+lenh|nghi\s+dinh|nghi\s+quyet|quyet\s+dinh|thong\s+tu|"
    r"chi\s+thi|ket\s+luan|ke\s+hoach|cong\s+van|van\s+ban|thong\s+bao|to\s+trinh|de\s+nghi)(?![a-z])(?![^,;]{0,40}?\snay(?![a-z]))|sau\s+khi\s+xem\s+xet\s|tren\s+co\s+so\s+xem\s+xet\s|"
    r"xet\s+(?:to\s+trinh|de\s+nghi|bao\s+cao)\s)"
)
_ISSUER = re.compile(r"^[\s\-–+•*#]*(?:[A-ZĐÀ-Ỹ]{2,}\s+){0,6}")


def opens_grounds(text: str, folded: str) -> bool:
    """Whether a sentence opens the grounds of the text (after its issuer's name in capitals, if any)."""
    head = _ISSUER.match(text)
    return _GROUNDS.match(folded, head.end() if head else 0) is not None


# "Ngày 19 tháng 12 năm 2025, Sở Công Thương có Văn bản số … đề nghị … báo cáo …": an earlier text, told.
PRIOR_TEXT = re.compile(
    r"^[\s\-–+•]*ngay\s+\d{1,2}\s*(?:/\s*\d{1,2}\s*/\s*\d{4}|th[ad]ng\s+\d{1,2}\s+n[ad]m\s+\d{4})\s*,[^.;]{0,120}?\s"
    r"(?:da\s+)?(?:co|ban\s+hanh|gui)\s+(?:van\s+ban|cong\s+van|cong\s+dien|thong\s+bao|ke\s+hoach|quyet\s+dinh|chi\s+thi)"
)


def letter_text_start(doc: Doc, end: int) -> int | None:
    """Where a letter's own text begins (after its "Kính gửi" block), None when the text has no salutation there."""
    m = _SALUTATION.search(doc.folded, 0, min(end, 4000))
    if m is None or _A_REPORT.search(doc.folded, 0, m.start()):
        return None  # a report's own text ("UBND tỉnh báo cáo … như sau:") is what it reports, not a duty
    pos = doc.folded.find("\n", m.end())
    while 0 <= pos < end:
        line_end = doc.folded.find("\n", pos + 1)
        line_end = end if line_end < 0 else min(line_end, end)
        line = doc.folded[pos + 1:line_end].strip(" \t*_")
        if line and line[0] not in "-–+•":
            return pos + 1
        pos = line_end
    return None
