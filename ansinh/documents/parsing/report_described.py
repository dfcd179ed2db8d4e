"""Sentences that describe a report instead of owing one (Decree 09/2019, art. 7: a regime's own elements).

Also sentences whose legal form is not a duty: a sanction or a remedy of a penalties decree ("Không báo cáo …",
"Buộc thực hiện chế độ báo cáo …", "Phạt tiền … đối với hành vi …"), a right ("Được yêu cầu … báo cáo …"), a step
of a procedure timed from each filing ("Trong thời hạn 07 ngày làm việc kể từ ngày nhận đủ hồ sơ, Cục … thẩm định
và báo cáo …": a step repeated for every file, not a reporting duty of the plan).

A reporting regime is built of elements: who reports, to whom, how often, by when, with what content, on what
form. Regulatory texts write the content, the figures, the form and the quality of reports as sentences of their
own ("Nội dung báo cáo gồm: …", "Số liệu báo cáo từ ngày 01 tháng 01 đến ngày 31 tháng 12", "Báo cáo phải được
xây dựng đầy đủ, trung thực"), and their definitions article explains words with a report in them ("Trình báo là
việc … báo cáo với …"). None of these is a duty: the duty is the sentence that says who reports and when.
"""

from __future__ import annotations

import re

from ansinh.documents.parsing.report_cues import REPORT_WORD

_OPEN = r"^[\s\-–+•*]*(?:(?:\d{1,2}|[a-zđ])\s*[.)]\s*)?"
# "Nội dung báo cáo …", "Nội dung tổng hợp, báo cáo …", "Số liệu báo cáo …", "Đề cương, biểu mẫu báo cáo …",
# "Phương thức, thời hạn gửi báo cáo đột xuất …", "Trách nhiệm xây dựng, tổng hợp báo cáo …": an element of the report
# is the subject of the sentence.
_ELEMENT = re.compile(
    _OPEN + r"(?:noi\s+dung|so\s+lieu|de\s+cuong|bieu\s+mau|moc\s+thoi\s+gian|phuong\s+thuc|hinh\s+thuc|"
    r"trach\s+nhiem\s+(?:xay\s+dung|lap|tong\s+hop))"
    r"(?:\s*,\s*(?:[a-z]+\s+){0,2}?[a-z]+)?\s+(?:(?:gui|nop|xay\s+dung|lap|tong\s+hop)\s*,?\s+)?(?:cac\s+)?b[ad]o\s+c[ad]o(?![a-z])"
)
# "Báo cáo … phải được xây dựng đầy đủ, trung thực", "Đảm bảo báo cáo được xây dựng đúng thẩm quyền": its quality.
_QUALITY = re.compile(
    _OPEN + r"(?:(?:bao\s+dam|dam\s+bao)\s+(?:cac\s+)?b[ad]o\s+c[ad]o\s+(?:phai\s+)?duoc\s"
    r"|(?:cac\s+)?b[ad]o\s+c[ad]o(?![a-z])[^.;:]{0,80}?\sphai\s+duoc\s+(?:xay\s+dung|lap|trinh\s+bay|the\s+hien)\s)"
)
# "Hồ sơ thống kê bao gồm: Báo cáo …; sổ sách …": the papers of a dossier, a report among them.
_DOSSIER = re.compile(_OPEN + r"ho\s+so\s(?:[^.;:]{0,80}?\s)?(?:bao\s+gom|gom)\s*:")
# "Trình báo là việc người … đến trụ sở … để báo cáo với …": a word explained, before any report is named.
_DEFINITION = re.compile(_OPEN + r"[^.;:,]{2,60}?\sla\s+(?:viec|hoat\s+dong|qua\s+trinh)\s")
# "Số liệu báo cáo từ ngày 01 tháng 01 đến ngày 31 tháng 12": the span the figures cover, anywhere in the sentence.
_SPAN = re.compile(r"so\s+lieu\s+(?:cua\s+)?b[ad]o\s+c[ad]o[^.;]{0,40}?\stu\s+ngay\s+\d")


def described(folded: str, dated: bool) -> bool:
    """Whether a sentence describes a report (its content, figures, form, quality) or defines a word, owing none.

    ``dated`` says the sentence gives a deadline; an element line with its day ("Báo cáo … phải được cập nhật …
    trước ngày 28 tháng 02") is the duty's own and stays.
    """
    if dated:
        return False
    if _ELEMENT.match(folded) or _QUALITY.match(folded) or _SPAN.search(folded) or _DOSSIER.match(folded):
        return True
    definition = _DEFINITION.match(folded)
    verb = REPORT_WORD.search(folded)
    return definition is not None and verb is not None and definition.end() <= verb.start()


# A penalty's act or remedy: "Không báo cáo …", "Không thực hiện chế độ báo cáo …", "Báo cáo không đầy đủ …",
# "Buộc báo cáo …", "Phạt tiền từ … đối với hành vi …".
_SANCTION = re.compile(
    _OPEN + r"(?:buoc\s|khong\s+(?:thuc\s+hien\s+)?(?:(?:che\s+do|day\s+du)\s+)?(?:thong\s+tin,?\s+)?b[ad]o\s+c[ad]o|"
    r"phat\s+(?:tien|canh\s+cao)\s|(?:cac\s+)?b[ad]o\s+c[ad]o\s+khong\s+(?:day\s+du|dung|trung\s+thuc|chinh\s+xac)(?![a-z]))"
)
# A right: "Được yêu cầu … giải trình, báo cáo …", "Được tiếp cận … báo cáo …" ("Được giao …" assigns work).
_RIGHT = re.compile(_OPEN + r"duoc\s+(?!giao(?![a-z])|phan\s+cong)[a-z]")
# A step timed from each filing or event: "Trong thời hạn 03 ngày làm việc, kể từ ngày nhận đủ hồ sơ, …".
_TIMED_STEP = re.compile(
    _OPEN + r"(?:trong\s+(?:thoi\s+han|vong)|cham\s+nhat|sau)\s+(?:\d{1,3}|mot|hai|ba|nam|muoi)\s+(?:ngay|gio)"
    r"(?:\s+lam\s+viec)?\s*,?\s*(?:ke\s+tu|tinh\s+tu|sau\s+khi)\s"
)


def not_duty_by_form(folded: str) -> bool:
    """Whether a sentence is a penalty, a right or a step timed from each filing, none of them a reporting duty."""
    return bool(_SANCTION.match(folded) or _RIGHT.match(folded) or _TIMED_STEP.match(folded))


# "… căn cứ ý kiến của Trung ương và Báo cáo tiếp thu, giải trình của Bộ Chính trị …", "Thông qua Báo cáo của …":
# Decree 30/2020 (Phụ lục II) capitalises a document kind when it cites one document, so "Báo cáo" with its capital
# after a word that cites ("và", "theo", "qua", "trong", "tại", …) or after a comma on the same line names a paper,
# not a duty ("phải lập Báo cáo định kỳ …", "trách nhiệm Báo cáo …" stay duties: a verb before it, not a citing word).
# (The "B" first, what stands before it looked behind at: "after a blank or a comma, or at the text's start" is "not after
# anything else"; the engine skips from one "B" to the next instead of trying every character.)
_CITED = re.compile(r"B(?<![^ \t,]B)(?=[aá]o[ \t]+c[aá]o(?![^\W\d_]))")
_CITING = re.compile(r"(?:(?<![a-z])(?:va|hoac|theo|qua|trong|tai|voi|tu|vao|cac)|,)[ \t]*$")


# "Hội nghị báo cáo viên", "Hội nghị báo cáo nhanh kết quả Hội nghị Trung ương …": the kind of a meeting (a Party
# committee's briefing held for its cadres), named by the words "báo cáo" after "hội nghị", not a report owed; after a
# word of time ("sau Hội nghị báo cáo kết quả …", "kết thúc hội nghị báo cáo …") the meeting is the occasion of a report.
_MEETING_KIND = re.compile(r"(?<![a-z])(?<!sau )(?<!truoc )(?<!thuc )(?<!khi )hoi\s+nghi\s+(b[ad]o\s+c[ad]o)(?![a-z])")


def blank_cited(text: str, folded: str) -> str:
    """``folded`` with each cited "Báo cáo" (a capitalised document kind inside a sentence) and each "báo cáo" naming
    the kind of a meeting blanked, same length."""
    if "hoi nghi b" in folded:
        for m in _MEETING_KIND.finditer(folded):
            folded = folded[: m.start(1)] + " " * (m.end(1) - m.start(1)) + folded[m.end(1) :]
    if "B" not in text:
        return folded
    for m in _CITED.finditer(text):
        if _CITING.search(folded, max(0, m.start() - 8), m.start()):
            folded = folded[:m.start()] + " " * 7 + folded[m.start() + 7:]
    return folded


# "Luật Khoáng sản năm 2010", "Bộ luật Lao động năm 2019", "Hiến pháp năm 2013": a law cited by its name, whose year
# is part of the name (Decree 30/2020 citation form), not the year a review is due ("… vào năm 2025").
_LAW_YEAR = re.compile(
    r"(?<![a-z])(?:luat|phap\s+lenh|hien\s+phap)(?:\s+[a-z]+){0,6}?"
    r"(?<!\svao)(?<!\strong)(?<!\scuoi)(?<!\sden)(?<!\sdau)(?<!\sgiua)(?<!\shet)\s+n[ad]m\s+$"
)


def law_year(folded: str, at: int) -> bool:
    """Whether the year at ``at`` closes a law's name ("tổng kết … Luật Khoáng sản năm 2010")."""
    return _LAW_YEAR.search(folded, max(0, at - 80), at) is not None
