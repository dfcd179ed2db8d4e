"""Vietnamese wording of a report: dates, numbers, goals, subject lines and place names (pure)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ansinh.lib.organ_case import kind_keeps_capital, organ_in_running_text
from ansinh.lib.text import fold, lower_first
from ansinh.lib.vnnumbers import goal_text, number_with_unit

NO_DATA = "chưa có số liệu"

KIND_LABELS = {
    "annual": "kết quả thực hiện năm {year}",
    "midterm": "sơ kết giai đoạn {start}–{year}",
    "final": "tổng kết giai đoạn {start}–{year}",
}

BARE_PLACES = frozenset({"", "thanh pho", "tinh", "phuong", "xa", "thi xa", "thi tran", "quan", "huyen", "dac khu"})


def vn_date_line(place: str, date: dt.date) -> str:
    """Decree 30 place-date line: days below 10 and months 1–2 get a leading zero."""
    month = f"{date.month:02d}" if date.month < 3 else str(date.month)
    return f"{place}, ngày {date.day:02d} tháng {month} năm {date.year}"


def milestone_text(comparator: str, value: float | None, value_max: float | None, unit: str = "") -> str:
    """A goal in words (``lib.vnnumbers.goal_text``); "" when there is no value."""
    return goal_text(comparator, value, value_max, unit) if value is not None else ""


def capitalize_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def report_subject(kind: str, plan_title: str, start: int, year: int) -> str:
    template = KIND_LABELS.get(kind, KIND_LABELS["annual"])
    what = template.format(start=start, year=year)
    return f"{what[0].upper()}{what[1:]} {plan_title}".strip()


def format_number(value: float | None, unit: str = "") -> str:
    """Vietnamese number text: decimal comma, dot thousands; ``None`` reads "chưa có số liệu"."""
    return NO_DATA if value is None else number_with_unit(value, unit)


def short_title(title: str, limit: int = 180) -> str:
    """The plan's subject line, cut at the first rule ("___") and at a word boundary near ``limit``."""
    text = re.split(r"\s_{1,}(?:\s|$)|_{3,}|\n", title.strip(), maxsplit=1)[0].strip(" ,;:")
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"
    return text


def place_in(title: str) -> str:
    """The place a title names: "… trên địa bàn Thành phố Hồ Chí Minh" → "Thành phố Hồ Chí Minh"."""
    parts = re.split(r"trên địa bàn\s+", title, maxsplit=1)
    if len(parts) < 2:
        return ""
    rest = parts[1]
    kind = next((k for k in sorted(BARE_PLACES, key=len, reverse=True) if k and fold(rest).startswith(k + " ")), "")
    if not kind:
        return ""
    taken = [rest[: len(kind)]]
    for word in rest[len(kind):].split():
        clean = word.strip(",.;:“”\"()")
        if not clean or not clean[0].isupper():
            break
        taken.append(clean)
        if clean != word:
            break
    return " ".join(taken) if len(taken) >= 2 else ""


_PLACE_LINE = re.compile(r"(?m)^[ \t*]*([^\W\d_][^\n,\d]{1,50}?),\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}")


def place_line(text: str) -> str:
    """The place of a document's own place-date line: "Hà Nội, ngày 08 tháng 9 năm 2021" → "Hà Nội"."""
    m = _PLACE_LINE.search(text)
    return " ".join(m.group(1).split()) if m else ""


_BODY_PREFIXES = (
    ("ủy ban nhân dân", "UBND", "TM. Ủy ban nhân dân", "KT. Chủ tịch\nPhó Chủ tịch"),
    ("hội đồng nhân dân", "HĐND", "TM. Hội đồng nhân dân", "Chủ tịch"),
    ("ban chấp hành", "TU", "T/M Ban Thường vụ", "Bí thư"),
    ("ban thường vụ", "TU", "T/M Ban Thường vụ", "Bí thư"),
)


_ABBREVIATIONS = (("UBND ", "Ủy ban nhân dân "), ("HĐND ", "Hội đồng nhân dân "), ("BCH ", "Ban Chấp hành "))


def full_issuer(issuer: str) -> str:
    """Decree 30 writes the issuing body in full: "UBND phường" → "Ủy ban nhân dân phường"."""
    text = " ".join(issuer.split())
    for short, full in _ABBREVIATIONS:
        if text.startswith(short):
            return full + text[len(short):]
    return text


def issuer_parts(issuer: str) -> tuple[str, str, str, str]:
    """(place, symbol, signing authority, signer title) guessed from the issuing body's name."""
    issuer = full_issuer(issuer)
    low = issuer.strip().lower()
    for prefix, symbol, authority, title in _BODY_PREFIXES:
        if low.startswith(prefix):
            place = issuer.strip()[len(prefix):].strip(" ,")
            for word in ("Đảng bộ ", "đảng bộ "):
                place = place.replace(word, "")
            return place_name(place[:1].upper() + place[1:]), symbol, authority, title
    return issuer.strip(), "", "", "Thủ trưởng cơ quan"


_PROVINCE_KIND = re.compile(r"(?:tỉnh|thành phố)\s+(?=\S)", re.IGNORECASE)


def place_name(place: str) -> str:
    """The place of the date line (Decree 30/2020, Phụ lục I, II.4.a): a province or centrally-run city by its own
    name ("Lào Cai", "Hà Nội"), in full where that name is a person's or a number ("Thành phố Hồ Chí Minh").

    A header copied in capitals ("TỈNH LÀO CAI") is written in ordinary case. Communes and wards keep their full
    name ("Phường Cam Đường"): whether a ward is named after a person cannot be told from the name alone.
    """
    if place.isupper():
        place = place.title()
    kind = _PROVINCE_KIND.match(place)
    if kind is None:
        return place
    name = place[kind.end():]
    if kind_keeps_capital(name):
        return place[:1].upper() + place[1:kind.end()].lower() + name
    return name


def report_number(plan_number: str, symbol: str) -> str:
    suffix = plan_number.split("/", 1)[1].split("-", 1)[-1] if "/" in plan_number else ""
    return f"…/BC-{suffix or symbol or 'UBND'}"


# The kinds of document a plan comes as (Decree 30/2020, Phụ lục III), by the header line that names the kind and by
# the kind's abbreviation in the number ("104-CTr/TU", "275/KH-UBND"); longer header lines first.
_KIND_LINES = ("Chương trình hành động", "Chương trình", "Kế hoạch", "Chỉ thị", "Nghị quyết", "Quyết định", "Kết luận",
               "Thông báo", "Đề án", "Chiến lược", "Hướng dẫn")
_KIND_SYMBOLS = {"KH": "Kế hoạch", "CTR": "Chương trình", "CTRHĐ": "Chương trình hành động", "CT": "Chỉ thị",
                 "NQ": "Nghị quyết", "QĐ": "Quyết định", "KL": "Kết luận", "TB": "Thông báo", "ĐA": "Đề án",
                 "HD": "Hướng dẫn"}
_NUMBER_SYMBOLS = re.compile(r"[^\W\d_]+", re.UNICODE)


def document_kind(number: str, header: str) -> str:
    """What the document calls itself: its header's kind line ("CHƯƠNG TRÌNH HÀNH ĐỘNG"), else the kind in its number
    ("45-KH/ĐU", "275/KH-UBND"), else "Kế hoạch"."""
    lines = {" ".join(line.split()).upper() for line in header.splitlines()}
    for kind in _KIND_LINES:
        if kind.upper() in lines:
            return kind
    for symbol in _NUMBER_SYMBOLS.findall(number):
        if symbol.upper() in _KIND_SYMBOLS:
            return _KIND_SYMBOLS[symbol.upper()]
    return "Kế hoạch"


def cite_plan(plan: Any) -> str:
    """First citation of a plan: its kind with number, date and issuer, or with its whole subject line."""
    source = getattr(plan, "source_document", None)
    kind = document_kind(plan.number or "", (getattr(source, "text", "") or "")[:1500])
    date = f" ngày {plan.date:%d/%m/%Y}" if plan.date else ""
    issuer = f" của {organ_in_running_text(plan.issuer)}" if plan.issuer else ""  # not the header's capitals
    if plan.number:
        return f"{kind} số {plan.number}{date}{issuer}"
    return f"{kind} {lower_first(short_title(plan.display_title, limit=600))}"
