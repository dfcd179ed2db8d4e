"""Cues of a reporting duty written anywhere in a document (Decree 09/2019, Decree 30/2020).

A reporting regime is stated in the "Chế độ báo cáo" / "Tổ chức thực hiện" parts, but decrees, resolutions,
dispatches and plans also put reports inside the duties of each body ("Hằng tháng, … tổng hợp, báo cáo …",
"kịp thời báo cáo UBND tỉnh", "hoàn thành báo cáo … trước ngày 05/5/2026"). Outside the organising parts a
sentence is a duty only when its report is owed: it names a period, a deadline, a recipient or the occasion
(when asked, without delay, when difficulties arise); "báo cáo" as the name of a kind of document
("Báo cáo số 12/BC-UBND", "báo cáo nghiên cứu khả thi", "báo cáo viên") is not a duty.

Frequencies are read as a list: "định kỳ 06 tháng, hằng năm hoặc đột xuất" is three duties, "định kỳ hằng
tháng, quý, năm và báo cáo đột xuất" four. A week ("hằng tuần", "02 tuần/lần") has no frequency of its own in
the schema: it is ad hoc. A period that only points at a regime stated elsewhere in the same text ("ngoài
báo cáo định kỳ hằng năm tại khoản 1 Điều này") is not a second duty, nor is a report whose content is a
request for funds ("báo cáo … xem xét, bố trí nguồn vốn").
"""

from __future__ import annotations

import re

from ansinh.documents.parsing.vocab import FREQUENCY_CUES

# "06 tháng" (the zero the regime's forms write), "sáu tháng", "nửa năm".
_SEMIANNUAL = re.compile(r"(?<![\d,.])0?6\s+th[ad]ng(?!\s+(?:ke\s+tu|tinh\s+tu|sau\s+khi))|s[ad]u\s+th[ad]ng|nua\s+n[ad]m")
# A list after a period: "hằng tháng, quý, năm", "06 tháng, năm", "tháng và quý".
_LIST_QUARTER = re.compile(r"th[ad]ng\s*(?:,|va|hoac)\s*(?:h[ad]ng\s+)?quy(?![a-z])(?!\s+dinh)")
_LIST_YEAR = re.compile(
    r"(?:th[ad]ng|quy)\s*(?:,|va|hoac)\s*(?:h[ad]ng\s+)?n[ad]m(?![a-z])(?=\s*(?:$|[,;.(]|va\s|hoac\s|tr[uy][oda]c\s|bao\s+cao|gui|ve\s))"
)
# A week: no weekly frequency exists in the schema, so it is ad hoc.
WEEKLY = re.compile(
    r"h[ad]ng\s+tuan|moi\s+tuan|\d+\s+tuan\s*/\s*(?:01\s+|1\s+|mot\s+)?lan|(?:01|1|mot)\s+lan\s*/\s*tuan|dinh\s+ky\s+\d+\s+tuan"
)
_UNPLANNED = re.compile(r"dot\s+xuat")
# "… tại khoản 1 Điều này", "theo quy định tại Điều 15 Quyết định này": a pointer to the same text's own regime.
INTERNAL_POINTER = re.compile(
    r"(?:tai|theo)\s+(?:quy\s+dinh\s+tai\s+)?(?:(?:diem\s+[a-zđ]\s+)?khoan\s+\d+\s+)?dieu\s+(?:nay|\d+\s+(?:cua\s+)?"
    r"(?:nghi\s+dinh|quyet\s+dinh|thong\s+tu|nghi\s+quyet|chi\s+thi|ke\s+hoach|luat|phap\s+lenh)\s+nay)"
    r"|(?:tai|theo)\s+(?:quy\s+dinh\s+tai\s+)?(?:diem\s+[a-zđ]\s+)?khoan\s+\d+\s+dieu\s+nay"
)
# A report asking for money ("báo cáo cấp có thẩm quyền xem xét, bố trí nguồn vốn"): a budget request.
FUNDING_REQUEST = re.compile(
    r"b[ad]o\s+c[ad]o[^.;]{0,80}?(?:bo\s+tri|quyet\s+dinh|phan\s+bo|cap\s+bo\s+sung|bo\s+sung|giao\s+(?:bo\s+sung\s+)?du\s+toan)\s+"
    r"(?:nguon\s+)?(?:von|kinh\s+phi|ngan\s+sach|du\s+toan)"
)
# "báo cáo" as the name of a kind of document, not a duty.
_DOCUMENT_NOUN = re.compile(
    r"b[ad]o\s+c[ad]o\s+(?:so\s+\d|chinh\s+tri|nghien\s+cuu|kinh\s+te\s*-?\s*ky\s+thuat|tai\s+chinh|vien(?![a-z])|"
    r"de\s+xuat\s+chu\s+truong|danh\s+gia\s+tac\s+dong|tham\s+dinh|dien\s+tu|tham\s+luan)"
    r"|(?:theo|tai|trong|cua|tren\s+co\s+so|can\s+cu(?:\s+vao)?|(?<![a-z])mau)\s+(?:cac\s+)?b[ad]o\s+c[ad]o(?![a-z])"
    r"|nghe\s[^.;]{0,80}?b[ad]o\s+c[ad]o"
)
_VERB = re.compile(r"(?<![a-z])b[ad]o\s+c[ad]o(?![a-z])")
# Whom a report goes to: a body named after the verb ("báo cáo UBND tỉnh", "gửi … về Sở …", "báo cáo các sở: …").
_ADDRESSEE = re.compile(
    r"(?<![a-z])(?:b[ad]o\s+c[ad]o|gui)\s+(?:[^.;]{0,60}?\s)?(?:cho\s+|voi\s+|ve\s+|len\s+|den\s+|toi\s+)?"
    r"(?:lanh\s+dao(?![a-z])|chu\s+ubnd|giam\s+doc|bi\s+thu|thu\s+tuong|chinh\s+phu|quoc\s+hoi|hoi\s+dong\s+nhan\s+dan|hdnd|ubnd|uy\s+ban|"
    r"ban\s+[a-z]|bo\s+[a-z]|so\s+[a-z]|cac\s+so|cac\s+bo|cuc\s+[a-z]|vu\s+[a-z]|tong\s+cuc|chu\s+tich|"
    r"thuong\s+truc|thuong\s+vu|tinh\s+uy|thanh\s+uy|dang\s+uy|cap\s+(?:tren|co\s+tham\s+quyen)|"
    r"co\s+quan\s+(?:co\s+tham\s+quyen|cap\s+tren|chu\s+quan|quan\s+ly|thuong\s+truc|chuyen\s+mon)|"
    r"(?:to\s+chuc|co\s+quan|don\s+vi)\s+[a-z])"
)


# Outside the organising parts, without a recipient, only these occasions make a report owed ("kịp thời báo cáo",
# "khi có yêu cầu", "đột xuất", "theo quy định"); "thường xuyên", "khó khăn, vướng mắc" alone do not.
_OCCASION_STRICT = re.compile(r"kip\s+thoi\s+(?:tong\s+hop,?\s+)?b[ad]o\s+c[ad]o|khi\s+(?:co|duoc)\s+yeu\s+cau|theo\s+yeu\s+cau|dot\s+xuat|theo\s+quy\s+dinh|tai\s+ky\s+hop")


def periods(folded: str) -> list[tuple[str, int]]:
    """(frequency, offset of its cue) for every period a sentence names, pointers to the same text left out."""
    found: dict[str, tuple[int, int]] = {}
    for frequency, pattern in FREQUENCY_CUES:
        m = pattern.search(folded)
        if m:
            found[frequency] = (m.start(), m.end())
    extra = (("semiannual", _SEMIANNUAL), ("quarterly", _LIST_QUARTER), ("annual", _LIST_YEAR))
    for frequency, pattern in extra:
        m = pattern.search(folded)
        if m and (frequency not in found or (frequency == "semiannual" and m.start() < found[frequency][0])):
            # the offset of the period word itself ("quý" in "tháng, quý"), for pairing with its deadline
            found[frequency] = (m.start() if frequency == "semiannual" else m.end() - 3, m.end())
    out = []
    for frequency, (at, end) in found.items():
        if INTERNAL_POINTER.match(folded, end + 1) or INTERNAL_POINTER.match(folded, end):
            continue  # "báo cáo định kỳ hằng năm tại khoản 1 Điều này": that regime, read where it is stated
        out.append((frequency, at))
    return sorted(out, key=lambda p: p[1])


def unplanned_besides(folded: str, has_period: bool) -> bool:
    """Whether a sentence that names a period also owes an unscheduled report ("… hằng năm và đột xuất")."""
    return has_period and bool(_UNPLANNED.search(folded) or WEEKLY.search(folded))


# What is not a duty whatever its words: a form's title ("Mẫu số 4: Báo cáo …"), a task's product ("Kết quả: báo
# cáo …"), the period a report's figures cover ("Thời gian chốt số liệu …"), a topic ("Việc thực hiện chế độ báo cáo").
_NOT_A_DUTY = re.compile(
    r"^[\s\-–+•*]*(?:(?:mau|bieu)\s+(?:so\s+)?\d|(?:ket\s+qua|san\s+pham)\s*:|viec\s|cong\s+tac\s)"
    r"|thoi\s+(?:gian|diem)\s+chot\s+so\s+lieu|(?:ky|nam)\s+bao\s+cao\s+(?:duoc\s+)?tinh\s+tu"
)
# "thực hiện (đầy đủ) chế độ báo cáo theo quy định" with no period, deadline or recipient: a regime stated elsewhere.
_REGIME_POINTER = re.compile(r"che\s+do\s+(?:thong\s+tin,?\s+)?b[ad]o\s+c[ad]o")


def not_a_duty(folded: str) -> bool:
    """A sentence whose every "báo cáo" is a document's name, a pointer or a budget request."""
    if _NOT_A_DUTY.search(folded):
        return True
    # a budget request blanked (same length), what is left must still hold a report
    rest = FUNDING_REQUEST.sub(lambda m: " " * len(m.group(0)), folded)
    verbs = list(_VERB.finditer(rest))
    if not verbs and rest != folded:
        return True
    if not verbs:
        return False
    # "Chế độ báo cáo" points at a regime stated elsewhere unless the sentence gives its period or recipient.
    regime = _REGIME_POINTER.search(folded) is not None and not (
        periods(folded) or WEEKLY.search(folded) or _ADDRESSEE.search(folded) or re.search(r"tr[uy][oda]c\s+ngay", folded)
    )
    patterns = (_DOCUMENT_NOUN, _REGIME_POINTER) if regime else (_DOCUMENT_NOUN,)
    return all(_covered(folded, v.start(), v.end(), patterns) for v in verbs)


def _covered(folded: str, start: int, end: int, patterns: tuple[re.Pattern[str], ...]) -> bool:
    """Whether the "báo cáo" at ``start:end`` is part of a document's name (or of a regime pointer)."""
    for pattern in patterns:
        for m in pattern.finditer(folded, max(0, start - 100), min(len(folded), end + 40)):
            if m.start() <= start and m.end() >= end:
                return True
    return False


# "công bố Chỉ số … hằng năm", "công khai hằng tháng kết quả đánh giá": results published on a period.
_PUBLISH = re.compile(r"(?<![a-z])cong\s+(?:bo|khai)\s+(?:[^.;]{0,30}?\s)?(?:ket\s+qua|chi\s+so)(?![a-z])")


def published_periodically(folded: str) -> bool:
    """Whether a sentence makes results public on a fixed period (a report to the public, read like one)."""
    return _PUBLISH.search(folded) is not None and any(f != "adhoc" for f, _ in periods(folded))


def owed(folded: str, has_period: bool, has_deadline: bool) -> bool:
    """Outside the organising parts, whether a sentence with a report states it as owed."""
    if not _VERB.search(folded) and not re.search(r"gui\s+k[eq]t\s+qu[ad]", folded):
        return published_periodically(folded)
    if not_a_duty(folded):
        return False
    if not (has_period or has_deadline) and INTERNAL_POINTER.search(folded):
        return False  # "báo cáo … về kết quả … theo quy định tại Điều 15 Quyết định này": the regime of Điều 15
    if has_period or has_deadline or WEEKLY.search(folded) or _ADDRESSEE.search(folded):
        return True
    # "xây dựng báo cáo chuyên đề", "chuẩn bị báo cáo theo đề cương": the report is the work itself
    return bool(_OCCASION_STRICT.search(folded)) and not all(
        _PRODUCT.match(folded, max(0, v.start() - 24)) or _PRODUCT.search(folded, max(0, v.start() - 24), v.end())
        for v in _VERB.finditer(folded)
    )


_PRODUCT = re.compile(r"(?:xay\s+dung|chuan\s+bi|soan\s+thao|hoan\s+thien|lap|viet)\s+(?:cac\s+|mot\s+)?b[ad]o\s+c[ad]o")


# The end of a text's body: the signature block's "Nơi nhận:" or an annex heading (forms and tables follow).
_BODY_END = re.compile(r"(?m)^[\s*#]*(?:noi\s+nhan\s*:|phu\s+luc(?:\s+(?:[ivx]+|\d+|so\s+\d+))?[\s*]*$)")
# "đã cấp trước ngày 01 tháng 7 năm 2025": a date the text refers to, not a deadline.
PAST_DATE = re.compile(r"(?:da|duoc)\s+(?:[a-z]+\s+){1,3}tr[uy][oda]c\s+ngay\s+\d")


def body_end(folded: str) -> int:
    """Where the body of a text ends (the signature block or the first annex), past its first quarter."""
    for m in _BODY_END.finditer(folded, len(folded) // 4):
        return m.start()
    return len(folded)


# --- Recipient ---------------------------------------------------------------
_WHO = (
    r"(?:lanh\s+dao(?![a-z])|dong\s+chi\s+|thu\s+tuong|chinh\s+phu|quoc\s+hoi|hoi\s+dong\s+nhan\s+dan|hdnd|ubnd|ubtvqh|"
    r"uy\s+ban|ban\s+[a-z]|bo\s+(?!sung|phan)[a-z]|so\s+(?!lieu|luong)[a-z]|cac\s+so|cac\s+bo|cuc\s+[a-z]|vu\s+[a-z]|tong\s+cuc|"
    r"chu\s+tich|chu\s+ubnd|giam\s+doc|thuong\s+truc|thuong\s+vu|tinh\s+uy|thanh\s+uy|dang\s+uy|dang\s+doan|huyen\s+uy|"
    r"cap\s+(?:tren|co\s+tham\s+quyen)|co\s+quan\s+(?:co\s+tham\s+quyen|cap\s+tren|chu\s+quan|thuong\s+truc)|"
    r"van\s+phong|phong\s+[a-z]|cong\s+chuc|ngan\s+hang|bao\s+hiem\s+xa\s+hoi|cong\s+an|to\s+chuc\s+dich\s+vu)"
)
# Straight after the verb ("báo cáo Thủ tướng", "báo cáo kịp thời cho UBND tỉnh") or after a preposition that
# names where a report goes ("gửi … về Sở Y tế", "báo cáo kết quả đến Sở Nội vụ").
_TO_WHOM = re.compile(
    r"(?:b[ad]o\s+c[ad]o\s+(?:ngay\s+|kip\s+thoi\s+)?(?:cho\s+|voi\s+|len\s+)?|(?<![a-z])(?:gui|ve|den|toi|len|cho|voi)\s+)"
    r"(?P<who>" + _WHO + r")"
)
_WHO_END = re.compile(
    r"\s+(?:ve|ket\s+qua|tinh\s+hinh|de|xem\s+xet|chi\s+dao|theo(?!\s+doi)|truoc|trong|tai|khi|nhung|dinh\s+ky|h[ad]ng|"
    r"chu\s+tri|bang|thong\s+qua\s+(?:he|cong)|qua\s+(?:he|cong|dia\s+chi)|cham\s+nhat|doi\s+voi|so\s+luong|danh\s+sach|"
    r"noi\s+dung|viec|cac\s+(?:van|noi)|va\s+(?:de|lam|dong))(?![a-z])|\s*[;.:\n]|,\s*(?:de|dong\s+thoi|trong|truoc|theo)\s"
)
_BY_WAY_OF = re.compile(r"\s*\((?:thong\s+)?qua\s[^()]{2,80}\)")


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
    way = _BY_WAY_OF.match(folded, end)
    if way:
        end = way.end()
    return (start, end) if end > start else None
