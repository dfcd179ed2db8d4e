"""Whether a sentence's "báo cáo" is owed: a duty, or only a document's name, a pointer, a request or a step.

Split from ``report_cues`` (which reads the cues: periods, recipients, occasions): outside the organising parts a
sentence is a duty only when its report is owed (a period, a deadline, a recipient or a stated occasion), and never
when every "báo cáo" in it names a kind of document, points at a regime stated elsewhere, asks for funds or a
decision, or is a step taken under an ordinary condition.
"""

from __future__ import annotations

import re

from ansinh.documents.parsing.report_cues import (
    ADDRESSEE,
    DECISION_REQUEST,
    DOCUMENT_NOUN,
    FAR_NOUN,
    FUNDING_REQUEST,
    INTERNAL_POINTER,
    OCCASION_STRICT,
    REPORT_WORD,
    REVIEW,
    WEEKLY,
    periods,
)
from ansinh.documents.parsing.report_dates import deadlines
from ansinh.documents.parsing.report_recipient import recipient_span
from ansinh.documents.parsing.text_caches import text_cache
from ansinh.documents.parsing.vocab import ONCE_CUE

# What is not a duty whatever its words: a form's title ("Mẫu số 4: Báo cáo …"), a task's product ("Kết quả: báo
# cáo …"), the period a report's figures cover ("Thời gian chốt số liệu …"), a topic ("Việc thực hiện chế độ báo cáo").
_NOT_A_DUTY = re.compile(
    r"^[\s\-–+•*]*(?:(?:mau|bieu)\s+(?:so\s+)?\d|(?:ket\s+qua|san\s+pham)\s*:|viec\s|cong\s+tac\s)"
    r"|thoi\s+(?:gian|diem)\s+chot\s+so\s+lieu|(?:ky|nam)\s+bao\s+cao\s+(?:duoc\s+)?tinh\s+tu"
    # the period a report's figures cover ("Số liệu báo cáo năm tính từ ngày 15/12 năm trước …")
    r"|so\s+lieu\s+(?:cua\s+)?b[ad]o\s+c[ad]o[^.;]{0,30}?(?:duoc\s+)?tinh\s+(?:tu|den)"
    # what every report must be ("Các báo cáo định kỳ phải bảo đảm đúng thời gian, chất lượng"), not one owed
    r"|^[\s\-–+•*]*(?:cac\s+)?b[ad]o\s+c[ad]o(?:\s+dinh\s+ky)?\s+(?:phai\s+)?(?:bao\s+dam|dam\s+bao)\s"
)
# "thực hiện (đầy đủ) chế độ báo cáo theo quy định" with no period, deadline or recipient: a regime stated elsewhere.
# … also as one item of the regimes listed ("thực hiện chế độ kế toán, kiểm kê, báo cáo theo quy định của pháp luật").
_REGIME_POINTER = re.compile(r"che\s+do\s+(?:thong\s+tin,?\s+|(?:[a-z]+(?:\s+[a-z]+)?,\s*){1,3})?b[ad]o\s+c[ad]o")
_EXTERNAL_REGIME = re.compile(
    r"che\s+do\s+(?:thong\s+tin,?\s+)?b[ad]o\s+c[ad]o[^.;]{0,60}?(?:theo|tai)\s+(?:quy\s+dinh\s+tai\s+)?"
    r"(?:(?:diem\s+[a-zđ]\s+)?(?:khoan\s+\d+\s+)?dieu\s+\d+\s+(?:cua\s+)?)?"
    r"(?:thong\s+tu|nghi\s+dinh|quyet\s+dinh|nghi\s+quyet|chi\s+thi|luat)\s+so\s*\d"
)


# What a text says about itself or about reports in general: its scope ("Thông tư này quy định chế độ báo cáo …"),
# the form reports take ("Báo cáo định kỳ được thể hiện dưới hình thức …").
_ABOUT_REPORTS = re.compile(
    r"(?:thong\s+tu|nghi\s+dinh|quyet\s+dinh|nghi\s+quyet|quy\s+che|quy\s+dinh|chi\s+thi|ke\s+hoach)\s+nay\s+quy\s+dinh(?![a-z])"
    r"|b[ad]o\s+c[ad]o(?:\s+dinh\s+ky)?\s+(?:phai\s+)?duoc\s+(?:the\s+hien|trinh\s+bay|lap\s+theo|xay\s+dung\s+theo)"
    r"|(?:phuong\s+thuc|hinh\s+thuc)\s+gui,?\s+(?:va\s+)?nhan\s+b[ad]o\s+c[ad]o"
)
# "Trường hợp … thì … báo cáo": a step of a procedure under a condition (README: not a duty), unless the condition is
# trouble the report is meant to raise ("trường hợp có khó khăn, vướng mắc", "vượt thẩm quyền", "vi phạm", "sự cố").
# … also with no "thì": "Trường hợp giá tính toán giảm dưới 1%, Tập đoàn … có trách nhiệm báo cáo Bộ …" (the condition
# ends at its first comma).
_CONDITION = re.compile(r"(?<![a-z])truong\s+hop\s(?P<cond>[^.;]{0,200}?)\s(?:thi|phai)\s(?P<then>[^.;]*)")
# "Trường hợp cần thiết, …": an occasion (when needed), as "khi có yêu cầu" is, not a condition of a procedure.
_WHEN_NEEDED = re.compile(r"\s*(?:that\s+|xet\s+thay\s+)?can\s+thiet\s*")
_CONDITION_COMMA = re.compile(
    r"(?:^|;)[\s\-–+•*]*(?:(?:\d{1,2}|[a-zđ])\s*[.)]\s*)?(?:trong\s+)?truong\s+hop\s(?P<cond>[^.;,:]{0,200}?),\s*(?P<then>[^.;]*)"
)
_TROUBLE = re.compile(
    r"kh[oda]\s+kh[ad]n|v[uy][oda]ng\s+m[ad]c|phat\s+sinh|vuot\s+(?:qua\s+)?tham\s+quyen|vi\s+pham|su\s+co|bat\s+thuong|"
    r"khan\s+cap|kh[oda]ng\s+(?:the\s+|kip\s+)?(?:thuc\s+hien|dat|hoan\s+thanh|dap\s+ung)|cham\s+tre|yeu\s+cau|"
    # work late ("không thể hoàn thành đúng hạn", "có nguy cơ chậm tiến độ", "chậm so với kế hoạch"): trouble to raise
    r"nguy\s+co\s+cham|cham\s+(?:tien\s+do|so\s+voi)|khong\s+kip|qua\s+han"
)


# "… báo cáo … (cụ thể) như sau:" opening what the text itself reports; unless someone is asked to ("đề nghị …").
_PERFORMED = re.compile(r"(?<![a-z])b[ad]o\s+c[ad]o(?![a-z])[^.;]{0,200}?nhu\s+sau\s*(?::|$)")
_ASKED = re.compile(r"(?<![a-z])(?:de\s+nghi|yeu\s+cau|giao|can|phai|co\s+trach\s+nhiem|chi\s+dao|huong\s+dan)(?![a-z])")


def _conditional_step(folded: str) -> bool:
    """Whether every report of the sentence is only a step taken under an ordinary condition."""
    verbs = list(REPORT_WORD.finditer(folded))
    if not verbs:
        return False
    comma = [m for m in _CONDITION_COMMA.finditer(folded) if not _WHEN_NEEDED.fullmatch(m.group("cond"))]
    for m in [*_CONDITION.finditer(folded), *comma]:
        if _TROUBLE.search(m.group("cond")):
            continue
        if all(m.start("then") <= v.start() < m.end("then") for v in verbs):
            return True
    return False


# The span a report's figures cover (Decree 09/2019 art. 12: "thời gian chốt số liệu"), up to its clause's end.
_CUTOFF = re.compile(
    r"(?:thoi\s+(?:gian|diem)\s+chot\s+so\s+lieu|so\s+lieu\s+(?:cua\s+)?b[ad]o\s+c[ad]o[^.;()]{0,30}?(?:duoc\s+)?tinh\s+(?:tu|den)"
    r"|(?:ky|nam)\s+bao\s+cao\s+(?:duoc\s+)?tinh\s+tu)[^;)]*"
)


def cutoff_blanked(folded: str) -> str:
    """``folded`` with the span its figures cover blanked (same length) when a deadline stands outside it ("Báo cáo năm
    gửi trước ngày 15/12 (thời gian chốt số liệu từ ngày 15/12 năm trước …)"): the sentence owes that report; the span
    alone ("Thời gian chốt số liệu báo cáo: từ …") stays what ``not_a_duty`` reads as no duty."""
    if "so lieu" not in folded and "tinh tu" not in folded:
        return folded
    blanked = _CUTOFF.sub(lambda m: " " * len(m.group(0)), folded)
    return blanked if blanked != folded and deadlines(blanked) else folded


@text_cache()
def not_a_duty(folded: str) -> bool:
    """A sentence whose every "báo cáo" is a document's name, a pointer or a budget request (remembered within a
    document: ``owed`` asks again of the sentence ``extract_reporting`` asked of)."""
    performed = _PERFORMED.search(folded)
    if performed is not None and not _ASKED.search(folded, 0, performed.start()) and not (
        periods(folded) or re.search(r"tr[uy][oda]c\s+ngay|han\s+chot|cham\s+nhat", folded)
    ):
        return True  # "UBND tỉnh báo cáo kết quả … như sau:": the text reporting now, not a duty
    about = _ABOUT_REPORTS.search(folded)
    if _NOT_A_DUTY.search(folded) or (about is not None and about.start() < 60) or _conditional_step(folded):
        return True
    # a budget request blanked (same length), what is left must still hold a report
    rest = FUNDING_REQUEST.sub(lambda m: " " * len(m.group(0)), folded)
    rest = DECISION_REQUEST.sub(lambda m: " " * len(m.group(0)), rest)
    verbs = list(REPORT_WORD.finditer(rest))
    if not verbs and rest != folded:
        return True
    if not verbs:
        return False
    # "Chế độ báo cáo" points at a regime stated elsewhere unless the sentence gives its period or recipient.
    regime = _REGIME_POINTER.search(folded) is not None and not (
        periods(folded) or WEEKLY.search(folded) or ADDRESSEE.search(folded) or re.search(r"tr[uy][oda]c\s+ngay", folded)
    )
    # "Thực hiện nghiêm chế độ báo cáo định kỳ, đột xuất theo quy định tại Điều 17 Thông tư số …": another text's regime.
    regime = regime or (
        _EXTERNAL_REGIME.search(folded) is not None
        and not (ADDRESSEE.search(folded) or re.search(r"tr[uy][oda]c\s+ngay", folded))
    )
    patterns = (DOCUMENT_NOUN, FAR_NOUN, _REGIME_POINTER) if regime else (DOCUMENT_NOUN, FAR_NOUN)
    return all(covered(folded, v.start(), v.end(), patterns) for v in verbs) and _DRAFTED_AND_SUBMITTED.search(folded) is None


# A report an office drafts for its superior is the superior's ("tham mưu xây dựng báo cáo …"), unless the draft itself
# is submitted by a dated day ("… tham mưu xây dựng Báo cáo năm 2025, …, trình Ban Thường vụ trước ngày 05/12/2025").
_DRAFTED_AND_SUBMITTED = re.compile(
    r"tham\s+muu\s[^.;]{0,40}?(?:xay\s+dung|chuan\s+bi|soan\s+thao|du\s+thao)\s+(?:cac\s+)?b[ad]o\s+c[ad]o(?![a-z])"
    r"[^.;]{0,160}?\s(?:trinh|gui|nop)\s[^.;]{0,80}?(?:tr[uy][oda]c|cham\s+nhat)\s+(?:ngay\s+)?\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}"
)


def covered(folded: str, start: int, end: int, patterns: tuple[re.Pattern[str], ...]) -> bool:
    """Whether the "báo cáo" at ``start:end`` is part of a document's name (or of a regime pointer)."""
    for pattern in patterns:
        back = 300 if pattern is FAR_NOUN else 100
        for m in pattern.finditer(folded, max(0, start - back), min(len(folded), end + 40)):
            if m.start() <= start and m.end() >= end:
                return True
    return False


# "công bố Chỉ số … hằng năm", "công khai hằng tháng kết quả đánh giá": results published on a period.
_PUBLISH = re.compile(r"c(?<![a-z]c)ong\s+(?:bo|khai)\s+(?:[^.;]{0,30}?\s)?(?:ket\s+qua|chi\s+so)(?![a-z])")


def published_periodically(folded: str) -> bool:
    """Whether a sentence makes results public on a fixed period (a report to the public, read like one)."""
    return "cong" in folded and _PUBLISH.search(folded) is not None and any(f != "adhoc" for f, _ in periods(folded))


def owed(folded: str, has_period: bool, has_deadline: bool) -> bool:
    """Outside the organising parts, whether a sentence with a report states it as owed."""
    if not REPORT_WORD.search(folded) and not re.search(r"gui\s+k[eq]t\s+qu[ad]", folded):
        # "Tổ chức sơ kết 5 năm thực hiện Chỉ thị vào năm 2031", "Hằng năm sơ kết …": a review on a date or a period
        return published_periodically(folded) or any(
            REVIEW.search(clause) is not None and (
                ONCE_CUE.search(clause) is not None or any(f != "adhoc" for f, _ in periods(clause))
            )
            for clause in folded.split(";")
        )
    if not_a_duty(folded):
        return False
    if not (has_period or has_deadline) and INTERNAL_POINTER.search(folded):
        return False  # "báo cáo … về kết quả … theo quy định tại Điều 15 Quyết định này": the regime of Điều 15
    if has_period or has_deadline or WEEKLY.search(folded) or ADDRESSEE.search(folded):
        return True
    # "xây dựng báo cáo chuyên đề", "chuẩn bị báo cáo theo đề cương": the report is the work itself
    return bool(OCCASION_STRICT.search(folded)) and not all(
        _PRODUCT.match(folded, max(0, v.start() - 24)) or _PRODUCT.search(folded, max(0, v.start() - 24), v.end())
        for v in REPORT_WORD.finditer(folded)
    )


_PRODUCT = re.compile(r"(?:xay\s+dung|chuan\s+bi|soan\s+thao|hoan\s+thien|lap|viet)\s+(?:cac\s+|mot\s+)?b[ad]o\s+c[ad]o")


def reviewed_for(folded: str) -> bool:
    """Whether a review ("sơ kết, tổng kết") is reported: a "báo cáo" that is no document's name, or a body it goes to."""
    return bool(recipient_span(folded)) or any(
        not covered(folded, v.start(), v.end(), (DOCUMENT_NOUN,)) for v in REPORT_WORD.finditer(folded)
    )

