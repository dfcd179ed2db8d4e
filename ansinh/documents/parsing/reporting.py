"""Reporting duties: how often, by which day, to whom (Decree 09/2019 regime).

Read in the parts that organise the work ("Tổ chức thực hiện", "Chế độ báo
cáo", "Yêu cầu"). A sentence with a reporting verb yields one duty per
frequency it names: "định kỳ (6 tháng, hàng năm) báo cáo" gives a
semi-annual and an annual duty; "sơ kết vào năm 2023" a one-off review;
"báo cáo đột xuất" or a review without a period an ad-hoc duty.
"""

from __future__ import annotations

import re

from ansinh.documents.parsing.clean import Doc, span_text, squeeze, trim_span
from ansinh.documents.parsing.report_cues import (
    BEYOND_POWER,
    EVENT_OCCASION,
    PAST_DATE,
    WEEKLY,
    after_one_event,
    at_session,
    body_end,
    periods,
    unplanned_besides,
)
from ansinh.documents.parsing.report_dates import deadline_for, own_clause, window_end
from ansinh.documents.parsing.report_dates import deadlines as read_deadlines
from ansinh.documents.parsing.report_described import blank_cited, described, law_year, not_duty_by_form
from ansinh.documents.parsing.report_labels import drop_contents, drop_kinds_list, merge_labelled
from ansinh.documents.parsing.report_once import asked_by_and_dated, asked_once, one_matter, text_year
from ansinh.documents.parsing.report_owed import (
    cutoff_blanked,
    not_a_duty,
    owed,
    published_periodically,
    reviewed_for,
)
from ansinh.documents.parsing.report_phases import (
    EACH_PHASE,
    YEAR_AND_PHASE,
    bare_periodic_report,
    regime_stated,
    results_owed_to,
)
from ansinh.documents.parsing.report_recipient import recipient_span
from ansinh.documents.parsing.report_schedule import sent_on_schedule, twice_a_year
from ansinh.documents.parsing.report_tiers import (
    blank_exceptions,
    heard_on_schedule,
    others_deadlines_blanked,
    own_clause_report,
    tiered_dates,
)
from ansinh.documents.parsing.report_told import (
    FINDINGS,
    NARRATED,
    PRIOR_TEXT,
    letter_text_start,
    opens_grounds,
)
from ansinh.documents.parsing.structure import Node
from ansinh.documents.parsing.targets import sentences
from ansinh.documents.parsing.vocab import (
    AWARD_CUE,
    DATED_DEADLINE,
    ONCE_CUE,
    ONCE_CUE_BEFORE,
    PERIODIC_CUE,
    REPORT_VERB,
    REPORTING_KINDS,
    REVIEW_CUE,
    TROUBLE_CUE,
)

_RECIPIENT = re.compile(
    r"(?:gui\s+(?:ve\s+)?|bao\s+cao\s+(?!ket\s+qua|dinh\s+ky|so\s+ket|tong\s+ket|dot\s+xuat)|ve\s+)"
    r"(?P<who>(?:ubnd|uy\s+ban|so|ban|bo|thuong\s+truc|hdnd|thanh\s+uy|tinh\s+uy|dang\s+uy|huyen\s+uy|"
    r"chinh\s+phu|thu\s+tuong|phong|cong\s+chuc|van\s+phong)[^;.()]{0,90}?)"
    r"(?=\s+(?:ket\s+qua|de|qua|truoc|xem\s+xet|theo)\s|\s*[(;.]|$)"
)


def _sections(root: Node) -> list[Node]:
    out: list[Node] = []
    for node in root.walk():
        kind = node.effective_kind()
        if kind in REPORTING_KINDS or node.kind == "reporting":
            out.append(node)
    return out


def _recipient(doc: Doc, s: int, e: int) -> str | None:
    span = recipient_span(doc.folded[s:e])
    if span is None:
        return None
    return span_text(doc, s + span[0], s + span[1], " ,") or None


# A report owed to a named superior ("báo cáo Thủ tướng Chính phủ", "gửi báo cáo về Ban Thường trực …").
_ADDRESSED_REPORT = re.compile(
    r"b[ad]o\s+c[ad]o\s+(?:ngay\s+)?(?:(?:ket\s+qua|tinh\s+hinh)[^.;]{0,80}?\s)?(?:voi\s+|ve\s+|len\s+|gui\s+(?:ve\s+)?)?"
    r"(?:thu\s+tuong|chinh\s+phu|bo\s+chinh\s+tri|ban\s+bi\s+thu|ubtvqh|uy\s+ban\s+thuong\s+vu|ban\s+thuong\s+truc|"
    r"thuong\s+truc|ubnd|uy\s+ban\s+nhan\s+dan|dang\s+doan|ban\s+chi\s+dao|ban\s+chap\s+hanh|cap\s+(?:tren|co\s+tham\s+quyen)|"
    r"cac\s+co\s+quan\s+co\s+tham\s+quyen|bo\s+[a-z]|so\s+[a-z])"
    r"|gui\s+(?:bao\s+cao|ket\s+qua)\s+(?:ve\s+)?"
)
# "trong tháng 3 năm 2020", "trong tháng 3/2020", "vào đầu tháng 12/2026", "trong tuần đầu tháng 01/2027": a one-off
# report due within a month.
_MONTH_ONCE = re.compile(r"(?:trong|truoc|cuoi|het|dau|vao)\s+(?:(?:tuan\s+)?(?:dau|cuoi)\s+)?th[ad]ng\s+(\d{1,2})\s*(?:/|\s+n[ad]m\s+)\s*((?:19|20)\d\d)(?!\d)")
# "trong quý II/2026", "trước quý III năm 2026": a one-off report due within a quarter.
_QUARTER_ONCE = re.compile(r"(?:trong|truoc|cuoi|het|vao)\s+quy\s+(?:[ivx]{1,3}|[1-4])\s*(?:/|\s+n[ad]m\s+)\s*((?:19|20)\d\d)(?!\d)")
_PERIODIC = ("annual", "semiannual", "quarterly", "monthly")
# The month a dated review falls in ("sơ kết … vào tháng 6/2028", "tổng kết … tháng 12 năm 2030").
_REVIEW_MONTH = re.compile(r"th[ad]ng\s+(\d{1,2})\s*(?:/|\s+n[ad]m\s+)\s*(?:19|20)\d\d$")


def _clause_apart(folded: str, at: int, cue_at: dict[str, int]) -> bool:
    """Whether the ";"-clause holding offset ``at`` names no period of the sentence (a one-off beside a regime)."""
    start = folded.rfind(";", 0, at) + 1
    end = folded.find(";", at)
    end = len(folded) if end < 0 else end
    return bool(cue_at) and not any(start <= pos < end for f, pos in cue_at.items() if f in _PERIODIC)


# "Kết thúc cuộc bầu cử, … báo cáo", "sau khi kết thúc hội nghị … báo cáo": a report after one event.
_AFTER_EVENT = re.compile(r"^[\s\-–+•\d.)]*(?:ket\s+thuc|sau\s+khi\s+ket\s+thuc|ngay\s+sau\s+khi|sau\s+khi\s+hoan\s+thanh)\s")
# "kịp thời báo cáo", "định kỳ báo cáo" without a period, "khi có yêu cầu", "báo cáo ngay khi …": ad hoc.
_ADHOC = re.compile(
    r"kip\s+thoi|khi\s+(?:co|duoc)\s+yeu\s+cau|theo\s+yeu\s+cau|dot\s+xuat|bao\s+cao\s+ngay|khi\s+phat\s+sinh|"
    r"che\s+do\s+bao\s+cao|van\s+de\s+phat\s+sinh|" + BEYOND_POWER + "|" + EVENT_OCCASION
)
# "định kỳ báo cáo Bộ Chính trị" without a period: ad hoc when it names whom (agency-by-agency lines that
# only repeat "định kỳ báo cáo kết quả" are not read).
_BARE_PERIODIC = re.compile(r"dinh\s+ky(?!\s+(?:\d|hang|moi|sau|quy|thang|nam))")


def _stated_regime(folded: str, dated: bool) -> bool:
    """Whether a requirement states a reporting regime: "báo cáo" with a period, a deadline, "định kỳ" or a review."""
    return bool(re.search(r"(?<![a-z])b[ad]o\s+c[ad]o(?![a-z])", folded)) and (
        dated or bool(PERIODIC_CUE.search(folded)) or bool(REVIEW_CUE.search(folded))
    )


_SERVING = re.compile(r"phuc\s+vu\s+(?:cho\s+)?(?:cong\W{0,2}\s*tac\s+)?(?:(?:so|tong)\s+ket,?\s*)?(?:va\s+)?(?:bao\s+cao)?")
_RESULTS_REPORT = re.compile(r"ket\s+qua\s+(?:thuc\s+hien|trien\s+khai)")


def _other_sections(root: Node, taken: list[Node]) -> list[Node]:
    """Every other node (articles of a decree, a dispatch's numbered points, the tasks part), situation and outlook aside."""
    seen = {id(n) for n in taken}
    return [n for n in root.walk() if id(n) not in seen and n.effective_kind() not in _NO_DUTY_KINDS] + [
        n for n in root.walk() if id(n) not in seen and n.effective_kind() == "situation"
    ]


# In an assessment a sentence that assigns work ("Giao Sở … khẩn trương báo cáo … trước ngày …") is still a duty.
_ASSIGNS = re.compile(r"^[\s\-–+•*]*(?:[a-zđ0-9]{1,3}[.)]\s*)?(?:giao|yeu\s+cau|de\s+nghi)\s")


# rights: duties._mark_rights; setting: an event's time, place, attendance, content (event_setting.py)
_NO_DUTY_KINDS = frozenset({"situation", "viewpoint", "vision", "objectives", "rights", "setting"})
# "tổng kết Chương trình" with no year: the one final review of the plan ("sơ kết, tổng kết" as a pair is not).
_FINAL_REVIEW = re.compile(
    r"t[oda]ng\s+ket\s+(?:viec\s+thuc\s+hien\s+)?"
    r"(?:chuong\s+trinh|ke\s+hoach|de\s+an|nghi\s+quyet|chi\s+thi|du\s+an)(?![a-z])"
)


_REVIEW_PAIR = re.compile(r"s[oda]\s+ket\s*(?:,|va)?\s*$")


def _final_review(folded: str) -> bool:
    """Whether a sentence names the one final review of the plan, not the pair "sơ kết, tổng kết" (spacing aside)."""
    return any(not _REVIEW_PAIR.search(folded, max(0, m.start() - 14), m.start()) for m in _FINAL_REVIEW.finditer(folded))


# What a review ("sơ kết, tổng kết") needs to be a report: the word itself, or results gathered and sent.
_REPORT_ITSELF = re.compile(r"(?<![a-z])(?:b[ad]o\s+c[ad]o|t[oda]ng\s+h[oda]p\s+k[eq]t\s+qu[ad]|gui\s+k[eq]t\s+qu[ad])(?![a-z])")


def _bare_review(folded: str) -> bool:
    """Whether a sentence only holds reviews ("tổ chức sơ kết, tổng kết theo quy định", "định kỳ sơ kết 5 năm, 10
    năm và kiến nghị …"): no report named, no body it goes to. With no period, day or year of its own it is how the
    work is run, not a reporting duty (a review on a date or a period stays one: "sơ kết vào năm 2027")."""
    return _REPORT_ITSELF.search(folded) is None and not reviewed_for(folded)


def extract_reporting(doc: Doc, root: Node) -> list[dict[str, object]]:
    """Reporting duties, one per (sentence, frequency)."""
    out: list[dict[str, object]] = []
    seen: set[tuple[int, str, int | None]] = set()
    sections = _sections(root)
    stop = body_end(doc.folded, doc.text)  # doc.text: the tables the masked view blanked count as text
    lenient = {id(n) for n in sections}
    letter = one_matter(doc.folded)  # a letter or a conclusion notice: one matter, reports asked once
    letter_year = text_year(doc.folded) if letter else None
    bare_spans: set[int] = set()
    for node in sections + _other_sections(root, sections):
        strict = id(node) not in lenient
        if node.style != "root" and node.head_start >= stop:
            continue  # a part inside an annex or a form after the signature block ("Mẫu số 02 … III. TỔ CHỨC THỰC HIỆN")
        letter_body = letter_text_start(doc, node.body_end) if strict and node.style == "root" else None
        if strict and node.style == "root" and letter_body is None:
            continue  # the header and the grounds ("Căn cứ …", "Xét Báo cáo …") before the first heading
        start = 0 if node.style == "root" else (node.head_end if node.kind is not None else node.head_start)
        if letter_body is not None:
            start = letter_body  # a letter's own text after "Kính gửi: …" (a dispatch with no numbered points)
        if node.kind is not None and node.style != "root":
            start = _after_heading_colon(doc, node.head_start, node.head_end)
        for s, e in sentences(doc, start, node.body_end):
            if strict and s >= stop:
                break
            folded = doc.folded[s:e]  # a day OCR split ("ngày 2 0/6") is joined by denoise.py
            if not _may_report(folded) and "cong" not in folded and "gui" not in folded:
                continue  # no word a report, a publication or a sending needs (the blanking below only takes words away)
            folded = blank_cited(doc.text[s:e], folded)  # "… và Báo cáo tiếp thu của Bộ Chính trị": a paper cited
            folded = heard_on_schedule(folded)  # "định kỳ hằng quý, nghe báo cáo …": reports owed on that schedule
            folded = others_deadlines_blanked(folded)  # "… hoàn thành rà soát trước ngày 30/6; hằng năm báo cáo …"
            folded = cutoff_blanked(folded)  # "… trước ngày 15/12 (thời gian chốt số liệu từ ngày 15/12 năm trước …)"
            if (letter_body is not None and NARRATED.match(folded)) or (letter and FINDINGS.match(folded)) or PRIOR_TEXT.match(folded) or (
                opens_grounds(doc.text[s:e], folded)
            ):
                continue  # "Ngày 19 tháng 12 năm 2025, Sở … có Văn bản số … gửi …": what happened before the letter
            if node.effective_kind() == "situation" and not _ASSIGNS.match(folded):
                continue
            # "phục vụ công tác tổng kết, báo cáo": a report as what records serve, not a duty.
            sent = sent_on_schedule(folded)
            reported = _may_report(folded) and REPORT_VERB.search(_SERVING.sub(" ", folded)) is not None
            if not reported and not published_periodically(folded) and not sent:
                continue
            if re.search(r"(?<![a-z])la\s+can\s+cu(?![a-z])", folded) or not_a_duty(folded) or not_duty_by_form(folded):
                continue  # "Báo cáo theo khoản 3 là căn cứ để …": what a report is for, not a duty
            if AWARD_CUE.search(folded) and not re.search(r"b[ad]o\s+c[ad]o", folded):
                continue
            # not "… để … Chỉ số hằng năm", nor an exception in brackets ("(riêng năm 2026 thực hiện báo cáo năm)")
            cues = [c for c in periods(blank_exceptions(folded)) if own_clause(folded, c[1])]
            deadlines = read_deadlines(folded)
            if described(folded, bool(deadlines) or DATED_DEADLINE.search(folded) is not None):
                continue  # "Nội dung báo cáo gồm: …", "Báo cáo phải được xây dựng trung thực": the report described
            cues = twice_a_year(cues, deadlines)
            if asked_by_and_dated(folded, DATED_DEADLINE.search(folded) is not None):
                cues = [c for c in cues if c[0] != "adhoc"]  # "… theo yêu cầu của Bộ … trước ngày 15/7/2026": once
            bare = False  # owed only as "định kỳ báo cáo" with no period (kept when the text states no regime)
            # a review or report with its year ("báo cáo sơ kết … vào năm 2028") is owed as a dated one is
            year_named = bool(_MONTH_ONCE.search(folded) or ONCE_CUE_BEFORE.search(folded)) or any(  # "Cuối năm 2026, … báo cáo"
                not law_year(folded, m.start(1)) for m in ONCE_CUE.finditer(folded))
            if strict and not sent and not owed(folded, bool(cues), bool(deadlines) or year_named):
                if not bare_periodic_report(folded):
                    continue
                bare = True
            if node.effective_kind() == "purpose" and not _stated_regime(folded, bool(cues) or bool(deadlines)):
                continue  # aims and requirements ("Kịp thời phát hiện, báo cáo …", "hằng năm công bố …") are no duty
            duties: list[tuple[str, int | None]] = []
            cue_at: dict[str, int] = {}
            for frequency, at in cues:
                duties.append((frequency, None))
                cue_at[frequency] = at
            if unplanned_besides(folded, bool(cues)) or (any(f in _PERIODIC for f, _ in cues) and own_clause_report(folded)):
                duties.append(("adhoc", None))  # "định kỳ 06 tháng, hằng năm hoặc đột xuất": three duties
            month_once: dict[int, int] = {}
            review_month: dict[int, int] = {}
            for m in ONCE_CUE.finditer(folded):
                if not law_year(folded, m.start(1)):
                    duties.append(("once", int(m.group(1))))  # not "tổng kết … Luật Khoáng sản năm 2010": a law's name
                    if (named := _REVIEW_MONTH.search(m.group(0))) and 1 <= int(named.group(1)) <= 12:
                        review_month[int(m.group(1))] = int(named.group(1))  # "sơ kết vào tháng 6/2028"
            for m in _MONTH_ONCE.finditer(folded):
                if 1 <= int(m.group(1)) <= 12 and ("once", int(m.group(2))) not in duties:
                    duties.append(("once", int(m.group(2))))
                    month_once[int(m.group(2))] = int(m.group(1))
            for m in _QUARTER_ONCE.finditer(folded):  # "báo cáo … trong quý II/2026": once, in that year
                if ("once", int(m.group(1))) not in duties:
                    duties.append(("once", int(m.group(1))))
            # "báo cáo Chính phủ trước ngày 15 tháng 3 năm 2020": a one-off report; a report of the plan's results
            # by a dated day ("báo cáo kết quả thực hiện … trước ngày 25/11/2026") stays the default annual one.
            # ("Kết thúc năm 2026, … báo cáo kết quả thực hiện … trước ngày 10/01/2027" is the one report of that year)
            # A letter deals with one matter (Decree 30/2020): its results report by a dated day is owed once.
            results = _RESULTS_REPORT.search(folded) if not strict and not letter and not ONCE_CUE_BEFORE.search(folded) else None
            for m in DATED_DEADLINE.finditer(folded) if results is None else ():
                if strict and PAST_DATE.search(folded, max(0, m.start() - 40), m.end()):
                    continue
                # beside a periodic report, a dated one-off review ("… và báo cáo tổng kết giai đoạn trước ngày 30/6/2030")
                review_dated = REVIEW_CUE.search(folded, max(0, m.start() - 60), m.start()) is not None
                # … or in a clause of its own ("báo cáo … trước ngày 30/6/2026; đồng thời định kỳ hằng quý báo cáo …")
                apart = _clause_apart(folded, m.start(), cue_at)
                if (review_dated or apart or not any(f in _PERIODIC for f, _ in duties)) and (
                    ("once", int(m.group(3))) not in duties
                ):
                    duties.append(("once", int(m.group(3))))
                if apart:
                    deadlines = [d for d in deadlines if d[0] != m.start()]  # not the periodic report's day
            # a day or a month of a year the report is due ("… trước ngày 15/01/2027", "trong tháng 1/2027")
            dated_once = bool(month_once) or any(("once", int(m.group(3))) in duties for m in DATED_DEADLINE.finditer(folded))
            for first in ONCE_CUE_BEFORE.finditer(folded):
                # "Kết thúc năm 2026, … báo cáo … trước ngày 15/01/2027": the year reported on, not a second duty
                if ("once", int(first.group(1))) not in duties and not dated_once:
                    duties.append(("once", int(first.group(1))))
            session, besides = at_session(folded)
            if session and not any(f == "once" for f, _ in duties):
                duties.append(("once", None))  # "báo cáo Hội đồng nhân dân tại kỳ họp gần nhất"
                if besides and not duties[:-1]:
                    duties.append(("adhoc", None))  # "…; báo cáo Chính phủ; tham mưu … báo cáo Quốc hội tại kỳ họp gần nhất"
            if not any(f == "once" for f, _ in duties) and _final_review(folded):
                duties.append(("once", None))
            if not duties and (_AFTER_EVENT.match(folded) or after_one_event(folded)):
                duties.append(("once", None))
            if not duties and not strict and not (_ADHOC.search(folded) or WEEKLY.search(folded) or (
                _BARE_PERIODIC.search(folded) and _ADDRESSED_REPORT.search(folded)
            )) and node.effective_kind() != "purpose" and bare_periodic_report(folded):  # there: the default, annual
                bare = True
            # a day and month with no period and no year ("báo cáo UBND tỉnh trước ngày 15/12"): in a plan the default regime,
            # yearly on that day, as in the organising parts; in a letter (one matter) once, in the letter's year
            undated = strict and not duties and any(month is not None for _, _, month in deadlines)
            if undated and not EACH_PHASE.search(folded) and not _ADHOC.search(folded) and not WEEKLY.search(folded):
                duties.append(("once", letter_year) if letter else ("annual", None))
            if not duties and (strict or bare or _ADHOC.search(folded) or WEEKLY.search(folded) or (
                _BARE_PERIODIC.search(folded) and _ADDRESSED_REPORT.search(folded)
            )):
                duties.append(("once" if letter and asked_once(folded) else "adhoc", None))  # report_once.py
            # A plan-wide "định kỳ báo cáo" in the requirements (agency-by-agency lines repeat it; not read there).
            if not duties and node.effective_kind() == "purpose" and PERIODIC_CUE.search(folded) and not TROUBLE_CUE.search(folded):
                duties.append(("annual", None))
            # a review owes a report when the sentence says so or names whom ("sơ kết, tổng kết nhằm …" alone does not)
            # … or is held on a schedule with no period named ("Định kỳ tổ chức sơ kết, tổng kết …": ad hoc)
            reviewed = REVIEW_CUE.search(folded) and (reviewed_for(folded) or (not strict and PERIODIC_CUE.search(folded)))
            if not duties and (reviewed or TROUBLE_CUE.search(folded)):
                duties.append(("adhoc", None))
            # "sơ kết … trước ngày 30 tháng 6 năm 2027": the day a one-off review is due.
            dated = {int(m.group(3)): (int(m.group(1)), int(m.group(2))) for m in DATED_DEADLINE.finditer(folded)
                     if 1 <= int(m.group(1)) <= 31 and 1 <= int(m.group(2)) <= 12}
            window = window_end(folded) if not dated and not cues else None  # "Từ 10/10/2026 đến 25/11/2026: … báo cáo …"
            if window is not None and all(f in ("once", "adhoc") and y is None for f, y in duties):
                duties = [("once", window[2])]
                dated[window[2]] = window[:2]
            # "báo cáo kết quả thực hiện … trước ngày 25/11/2026" without a period: the default regime, annual.
            # … unless it is sent for each phase of the plan ("gửi … theo giai đoạn …, trước ngày 10/12 của từng giai
            # đoạn"): a phase is no period of the schema, the report is ad hoc, on that day.
            phased = not duties and EACH_PHASE.search(folded) is not None
            if not duties and any(month is not None for _, _, month in deadlines):
                duties.append(("adhoc" if phased else "annual", None))
            # "Định kỳ hằng năm và giai đoạn, báo cáo …": each year and once at the end of the plan's phase.
            if any(f == "annual" for f, _ in duties) and not any(f == "once" for f, _ in duties) and YEAR_AND_PHASE.search(folded):
                duties.append(("once", None))
            # in the organising parts, the results owed to a named body ("Tham mưu báo cáo UBND thành phố kết quả …")
            if not duties and results_owed_to(folded):
                duties.append(("adhoc", None))
            if not duties or (all(f == "adhoc" for f, _ in duties) and _bare_review(folded)):
                continue
            cs, ce = trim_span(doc, s, e, " \t\n-–+•;,", " \t\n./;,")
            text = squeeze(doc.text[cs:ce])
            recipient = _recipient(doc, cs, ce)
            for frequency, year in duties:
                key = (cs, frequency, year)
                if key in seen:
                    continue
                seen.add(key)
                if bare and frequency == "adhoc":
                    bare_spans.add(cs)
                periodic = frequency in ("annual", "semiannual", "quarterly", "monthly")
                day, month = deadline_for(deadlines, cue_at, frequency)
                if not periodic:
                    day, month = dated.get(year, (None, None)) if year is not None else (None, None)
                    if letter and frequency == "once" and day is None and year == letter_year and not dated:
                        day, month = next(((d, m) for _, d, m in deadlines if m is not None), (None, None))
                    if phased and frequency == "adhoc":
                        day, month = next(((d, m) for _, d, m in deadlines if m is not None), (None, None))
                    if month is None and year is not None:
                        month = month_once.get(year, review_month.get(year))
                dates: list[tuple[int | None, int | None]] = [(day, month)]
                months: list[tuple[int | None, int | None]] = [(d, m) for _, d, m in deadlines if m is not None]
                if frequency == "semiannual" and len(months) == 2 and len(cue_at) == 1 and months[0][1] != months[1][1]:
                    dates = months  # "định kỳ 6 tháng … trước ngày 15 tháng 6 và trước ngày 01 tháng 12": two duties
                elif periodic and len([f for f in cue_at if f in _PERIODIC]) == 1 and (tiers := tiered_dates(folded, deadlines)):
                    dates = tiers  # "… gửi Sở Tài chính trước ngày 05/7; Sở Tài chính tổng hợp báo cáo … trước ngày 10/7"
                for day, month in dates:
                    out.append({
                        "text": text,
                        "frequency": frequency,
                        "deadline_day": day,
                        "deadline_month": month,
                        "year": year,
                        "recipient": recipient,
                        "span": [cs, ce],
                    })
    return drop_kinds_list(drop_contents(merge_labelled(regime_stated(out, bare_spans), read_deadlines, deadline_for)))



def _may_report(folded: str) -> bool:
    """Whether a sentence holds a word REPORT_VERB needs ("bao" of báo cáo, "ket" of sơ kết/kết quả): a plain look that
    spares its scan (a blank _SERVING leaves in their place joins no letters)."""
    return "bao" in folded or "ket" in folded or "bdo" in folded or "kqt" in folded


def _after_heading_colon(doc: Doc, start: int, end: int) -> int:
    """Where a heading's own sentence begins when the heading line holds it ("4. Chế độ báo cáo: Định kỳ 6 tháng …")."""
    head = doc.folded[start:end]
    colon = head.find(":")
    if colon < 0 or len(head[colon + 1:].strip(" *_")) < 20:
        return end
    return start + colon + 1

