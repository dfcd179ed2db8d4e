"""The number and date of a scanned header as OCR reads them (Decree 30/2020 layout).

A scan's header puts the body's name and the motto side by side, so OCR merges the two columns line by
line: "Số: 16/CT-UBND   Quảng Ngãi, ngày 15 tháng 01 năm 2021" is one line. OCR also reads digits as
their look-alikes ("Ø3", "Q2") and leaves marks of a pen or stamp around the number ("Sô:⁄11 /CT-UBND").
These readers run only after the typed-text readers of ``meta.py`` found nothing, and stay careful: a date
slot is read only when it holds at least one real digit and nothing but digits and their usual look-alikes,
the number only in real digits; a slot OCR garbled further ("2“", "ý#", "|2", "5Ø") is left unread.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ansinh.documents.parsing.clean import Doc, span_text

# Letters OCR reads for a digit (folded text: lower case, "Ø" stays "ø"). "|" is left out: in a handwritten
# slot it stands for a stroke of any digit.
_LOOKALIKE = str.maketrans({"o": "0", "ø": "0", "q": "0", "l": "1", "i": "1"})
_SLOT = "[0-9oøqli]"
# Marks a pen, a stamp or the scan leaves between "Số:" and the number (never "/": "Số: /2025/NQ-HĐND" is blank).
_MARKS = "[⁄|'‘’“”`]"
_OCR_NUMBER = re.compile(
    rf"(?<![a-z])s[o6]\s*[:;]\s*{_MARKS}?\s*(\d{{1,6}})\s*/\s*"
    r"((?:(?:19|20)\d\d\s*/\s*)?[a-z0-9đ][a-z0-9đ\-]{0,30}(?:/[a-z0-9đ][a-z0-9đ\-]{0,20})?)"
)
# "Số 16/CT-UBND   Quảng Ngãi, ngày …": a merged header line whose colon OCR or a copy lost; read only at the
# line's start and with the place and date after it, never a cited number in running text ("… số 16/CT-TTg"). A Party
# document's number has a hyphen ("Số 75-KL/TW Hà Nội, ngày …").
_MERGED_NUMBER = re.compile(
    r"[ \t]*s[o6][ \t]+(\d{1,6})[ \t]*([/-])[ \t]*((?:(?:19|20)\d\d/)?[a-z0-9đ][a-z0-9đ\-]{0,30}(?:/[a-z0-9đ][a-z0-9đ\-]{0,20})?)"
    r"(?=[ \t]+[^\d,\n]{2,40},[ \t]*ngay(?![a-z]))"
)
_OCR_DATE = re.compile(
    rf"(?<![a-z])ngay\s*({_SLOT}{{1,2}})\s+th[ad]ng\s+({_SLOT}{{1,2}})\s+n[ad]m\s+({_SLOT}{{4}})(?![0-9a-z])"
)
# What may stand before the place and date on a merged header line: a layout cell, the number's slot
# however OCR read it ("Số: 2“ /CT-UBND"), then the place ("Quảng Ngãi,").
_OCR_DATE_PREFIX = re.compile(
    r"^(?:[^\t]*\t)*(?:\s*s[o6]\s*[:;]?\s*[^\s/]{0,6}\s*/\s*[^\s,;]+\s*[,;]?)?\s*[^\d]{0,40}(?:(?<![a-z])(?:quan|phuong)\s+\d{1,2})?,?\s*$"
)


def _digits(slot: str) -> str | None:
    """The digits of an OCR'd slot, or None when it holds no real digit (then it is not a number at all)."""
    if not any(c.isdigit() for c in slot):
        return None
    return slot.translate(_LOOKALIKE)


def ocr_number(doc: Doc, start: int, end: int) -> tuple[str, list[int]] | None:
    """The document number on one header line read through OCR look-alikes and marks ("Sô:⁄11 /CT-UBND")."""
    m = _OCR_NUMBER.search(doc.folded, start, end)
    if m is None and doc.clean[start : start + 4].lstrip()[:1] == "S":
        m = _MERGED_NUMBER.match(doc.folded, start, end)
    if m is None:
        return None
    # The number itself is taken only in real digits: it is often written in by hand after signing, and a
    # look-alike there ("5Ø") stands for any stroke, not for a zero.
    digits = m.group(1)
    joint, group = (m.group(2), 3) if m.re is _MERGED_NUMBER else ("/", 2)
    symbol = re.sub(r"\s*/\s*", "/", span_text(doc, m.start(group), m.end(group)))
    return f"{digits}{joint}{symbol}", [m.start(), m.end()]


def ocr_date(doc: Doc, lines: list[tuple[int, int]]) -> tuple[str | None, list[int] | None]:
    """The place-and-date line of a scanned header ("Quảng Ngãi, ngày Ø3 tháng 4 năm 2018")."""
    folded = doc.folded
    for s, e in lines:
        d = _OCR_DATE.search(folded, s, e)
        if d is None or not _OCR_DATE_PREFIX.match(folded[s : d.start()]):
            continue
        if folded[d.end() : e].split("\t")[0].strip(" |") != "":
            continue
        slots = [_digits(d.group(i)) for i in (1, 2, 3)]
        if any(slot is None for slot in slots):
            continue
        day, month, year = (int(str(slot)) for slot in slots)
        if 1 <= day <= 31 and 1 <= month <= 12 and 1945 <= year <= 2100:
            return f"{year:04d}-{month:02d}-{day:02d}", [d.start(), d.end()]
    return None, None


def mostly_capitals(text: str) -> bool:
    """Whether at least four in five of a text's letters are capitals, as a header's names are printed."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


# The motto's first line, also as OCR reads it ("CONG HOAYXA HOI", "CỘNG HOÀ XÃ HỘI"); a Party body's header has
# the Party's name in its place, top right ("TỈNH UỶ HÀ TĨNH   ĐẢNG CỘNG SẢN VIỆT NAM").
PARTY_MOTTO = re.compile(r"(?<![a-z])dang\s?cong\s?san\s?viet\s?nam(?![a-z])")
MOTTO = re.compile(r"c[o0]ng\s?h[o0]a\W?\w?\s?xa\s?h[o0]i(?![a-z])|" + PARTY_MOTTO.pattern)
# The rule printed under a body's name and a copy's markup around it ("BỘ CÔNG THƯƠNG -------", "**BỘ Y TẾ\\").
_RULE_MARKS = " \t|*#_=\\-–—"


def body_line(text: str) -> str:
    """A line of the issuing body's name without the rule under it or markup at its ends."""
    return text.strip(_RULE_MARKS)


def left_column_below(doc: Doc, lines: list[tuple[int, int]], stop: Callable[[str], bool]) -> list[str]:
    """The rest of a body's name read across both columns, on the lines under the row it shares with the motto.

    Decree 30/2020 puts the issuing body's name top left, over two or three lines, and the number under it; a scan
    or a PDF merges each line with the motto's column: "TỈNH LÀO CAI   Độc lập - Tự do - Hạnh phúc", then the name's
    last line alone ("VÀ XÃ HỘI"). The line under the row is read left of the motto's second line, as it stands; the
    lines below it down to the number, the date or the type word (``stop``, on folded lines), each a line in capitals
    of at least two words, its left cell; a rule or a star under the name is passed over.
    """
    parts: list[str] = []
    seen = 0
    for s, e in lines:
        folded = doc.folded[s:e]
        if not folded.strip():
            continue
        seen += 1
        at = folded.find("doc lap")
        if seen == 1 and at > 3:
            # The name's second line beside the motto's second line: taken whole, however OCR left it.
            raw = body_line(span_text(doc, s, s + at))
            if not mostly_capitals(raw) or len(raw) > 80:
                break
            parts.append(raw)
            continue
        if seen > 4 or stop(folded):
            break
        raw = doc.clean[s : s + at] if at >= 0 else doc.clean[s:e]
        raw = body_line(re.split(r"\t| \| |\s{3,}", raw.strip())[0])
        if not raw:
            continue  # the motto's second line alone, or the rule under both columns
        words = [w for w in raw.split() if any(c.isalpha() for c in w)]
        if len(words) < 2 or not mostly_capitals(raw) or len(raw) > 80:
            break
        parts.append(" ".join(raw.split()))
    return parts


def motto_row(doc: Doc, head_lines: list[tuple[int, int]]) -> int:
    """The line where a scan's header starts: the body's name beside the motto's first line (Decree 30/2020).

    An OCR'd scan may carry a receiving stamp, a signature note or a reader's mark above that row
    ("TRUNG TÂM CÔNG BÁO …", "CỤC THUẾ TỈNH …"); what stands above the row is not the issuing body.
    0 when the motto does not share its line with a name in capitals (a typed or web copy).
    """
    for index, (s, e) in enumerate(head_lines[:12]):
        motto = MOTTO.search(doc.folded, s, e)
        if motto is None:
            continue
        at = motto.start() - s
        if at <= 3:
            return 0  # the motto on its own line: the usual reading applies
        raw = re.split(r"\t| \| ", span_text(doc, s, s + at))[0].strip(" |\t")
        return index if mostly_capitals(raw) and len(raw) <= 80 else 0
    return 0


_PROPOSER = re.compile(r"(?<![a-z])(?:theo|xet) de nghi cua (bo truong bo|giam doc so)(?![a-z])")


def level_from_proposer(preamble: str) -> str | None:
    """The level told by whose proposal the enacting formula cites, for a copy without its header.

    Decree 30/2020: a Government or Prime Minister's act is made "theo đề nghị của Bộ trưởng Bộ …", a
    provincial People's Committee's "theo đề nghị của Giám đốc Sở …". ``preamble`` is folded text.
    """
    proposer = _PROPOSER.search(preamble)
    if proposer is None:
        return None
    return "central" if proposer.group(1).startswith("bo truong") else "province"


def spaced_symbol(number: str) -> str:
    """"16/CT - UBND", "16/CT -UBND": a copy's stray spaces around a symbol's hyphen; a part after a spaced
    hyphen counts only when it opens with two capitals ("UBND", "TTg"), not a place name ("16/CT-UBND - Quảng")."""
    parts = re.split(r"( ?- ?)", number)
    kept = parts[0]
    for k in range(1, len(parts) - 1, 2):
        spaced, part = parts[k] != "-", parts[k + 1]
        if spaced and not re.match(r"[A-ZĐ0-9]{2}", part):
            break
        kept += "-" + part
    return kept
