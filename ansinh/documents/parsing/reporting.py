"""Reporting duties: how often, by which day, to whom (Decree 09/2019 regime).

Read in the parts that organise the work ("Tổ chức thực hiện", "Chế độ báo
cáo", "Yêu cầu"). A sentence with a reporting verb yields one duty per
frequency it names: "định kỳ (6 tháng, hàng năm) báo cáo" gives a
semi-annual and an annual duty; "sơ kết vào năm 2023" a one-off review;
"báo cáo đột xuất" or a review without a period an ad-hoc duty.
"""

from __future__ import annotations

import re

from ansinh.documents.parsing.clean import Doc, squeeze
from ansinh.documents.parsing.structure import Node
from ansinh.documents.parsing.targets import sentences
from ansinh.documents.parsing.vocab import (
    AWARD_CUE,
    DEADLINE,
    FREQUENCY_CUES,
    ONCE_CUE,
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
    m = _RECIPIENT.search(doc.folded, s, e)
    if not m:
        return None
    return squeeze(doc.clean[m.start("who") : m.end("who")]).strip(" ,") or None


def extract_reporting(doc: Doc, root: Node) -> list[dict[str, object]]:
    """Reporting duties, one per (sentence, frequency)."""
    out: list[dict[str, object]] = []
    seen: set[tuple[int, str, int | None]] = set()
    for node in _sections(root):
        start = 0 if node.style == "root" else (node.head_end if node.kind is not None else node.head_start)
        for s, e in sentences(doc, start, node.body_end):
            folded = doc.folded[s:e]
            if not REPORT_VERB.search(folded):
                continue
            if AWARD_CUE.search(folded) and not re.search(r"b[ad]o\s+c[ad]o", folded):
                continue
            duties: list[tuple[str, int | None]] = []
            for frequency, pattern in FREQUENCY_CUES:
                if pattern.search(folded):
                    duties.append((frequency, None))
            for m in ONCE_CUE.finditer(folded):
                duties.append(("once", int(m.group(1))))
            if not duties and (REVIEW_CUE.search(folded) or TROUBLE_CUE.search(folded)):
                duties.append(("adhoc", None))
            if not duties:
                continue
            deadline = DEADLINE.search(folded)
            day = int(deadline.group(1)) if deadline else None
            month = int(deadline.group(2)) if deadline else None
            if day is not None and not (1 <= day <= 31 and month is not None and 1 <= month <= 12):
                day = month = None
            cs, ce = s, e
            while cs < ce and doc.clean[cs] in " \t\n-–+•;,":
                cs += 1
            while ce > cs and doc.clean[ce - 1] in " \t\n./;,":
                ce -= 1
            text = squeeze(doc.text[cs:ce])
            recipient = _recipient(doc, cs, ce)
            for frequency, year in duties:
                key = (cs, frequency, year)
                if key in seen:
                    continue
                seen.add(key)
                periodic = frequency in ("annual", "semiannual", "quarterly", "monthly")
                out.append({
                    "text": text,
                    "frequency": frequency,
                    "deadline_day": day if periodic else None,
                    "deadline_month": month if periodic else None,
                    "year": year,
                    "recipient": recipient,
                    "span": [cs, ce],
                })
    return out
