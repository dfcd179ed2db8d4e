"""Target annexes that OCR of a scan turned into loose lines ("TT Chỉ tiêu Mục tiêu" over rows "9. | Tỉ lệ che phủ rừng 42%").

Party documents close with an annex "CÁC CHỈ TIÊU CHỦ YẾU GIAI ĐOẠN 2026 - 2030": a table of numbered rows, the
indicator in one column and its value in the last. OCR of the scan keeps no column: each row comes out as lines, the
row number and the value on the middle line of the indicator's cell, its other lines above (a capital opens them) or
below (they go on in lower case). The rows are read back from those lines; values the OCR broke are left out, and
the loose readings the sentence reader made of the same lines give way to them.
"""

from __future__ import annotations

import re

from ansinh.documents.parsing.clean import Doc

Target = dict[str, object]

# The annex heading: its indicators and the period they hold for ("CÁC CHỈ TIÊU CHỦ YẾU GIAI ĐOẠN 2026 - 2030").
_HEADING = re.compile(r"^\W*cac chi tieu\b[^\n]*?(?:giai doan (?:19|20)\d\d\s*[-–]\s*|(?:den )?nam )((?:19|20)\d\d)\W*$")
# The header row of the table, on one line: "TT Chỉ tiêu Mục tiêu", "STT Chỉ tiêu Giá trị …".
_HEADER = re.compile(r"^\W*s?tt\W+chi tieu\W+(?:muc tieu|gia tri|chi tieu)\b")
# A row number as OCR reads it at the line start ("9.", "12", "1ó.", "1N"), then the stray bars of the cell border.
_ROW_NUMBER = re.compile(r"^[\W_]*(?:[1-9][0-9a-zA-Zó]?)[.,)]?(?=[\s|])[\s|`'_\-¬.]*")
_LEAD_JUNK = re.compile(r"^[\W_\d]*(?:[^\W\d_]{1,2}\s*\|)?[\s|`'_\-¬.]*")
# The value closing the row's middle line: "42%", "<30%", "1-1,5%", "1.200", perhaps a speck after it.
_VALUE = re.compile(
    r"(?:^|\s)(?P<cmp>[<>≤≥])?\s*(?P<v>\d{1,3}(?:\.\d{3})*(?:,\d{1,2})?)(?:\s*[-–]\s*(?P<max>\d{1,3}(?:,\d{1,2})?))?"
    r"\s*(?P<pct>%)?[\s°.,`'\-]{0,4}$"
)
# With a column after the values ("… | Mục tiêu | Cơ quan theo dõi"), a percentage inside the line, the body after it.
_MID_VALUE = re.compile(
    r"(?:^|\s|\|)(?P<cmp>[<>≤≥])?\s*(?P<v>\d{1,3}(?:,\d{1,2})?)(?:\s*[-–]\s*(?P<max>\d{1,3}(?:,\d{1,2})?))?\s*(?P<pct>%)(?=\s|$)"
)
_AT_LEAST = re.compile(r"(?<![a-z])(?:toi thieu|it nhat)(?![a-z])")


# The next annex's heading ("PHỤ LỤC II") ends this one (folded text: no marks).
_NEXT_ANNEX = re.compile(r"\W*phu luc\b")

def _number(text: str) -> float:
    return float(text.replace(".", "").replace(",", "."))


def _annex(doc: Doc) -> tuple[int, int, int, bool] | None:
    """(start, end, year, whether a column follows the values) of a target annex table OCR left as loose lines, or None."""
    lines = doc.lines()
    for k, (s, e) in enumerate(lines):
        heading = _HEADING.match(doc.folded[s:e])
        if heading is None:
            continue
        header = next((i for i in range(k + 1, min(k + 9, len(lines))) if _HEADER.match(doc.folded[slice(*lines[i])])), None)
        if header is None or "\t" in doc.clean[lines[header][0] : lines[header][1]]:
            continue
        end = len(doc.clean)
        blank = 0
        for j in range(header + 1, len(lines)):
            s2, e2 = lines[j]
            text = doc.clean[s2:e2].strip()
            blank = 0 if text else blank + 1
            if _NEXT_ANNEX.match(doc.folded, s2, e2):
                end = s2
                break
            if blank >= 3 or text.startswith("====="):
                # The table goes on over the page when the next page repeats its header row.
                if not any(_HEADER.match(doc.folded[slice(*lines[i])]) for i in range(j + 1, min(j + 9, len(lines)))):
                    end = s2
                    break
        header_text = doc.folded[slice(*lines[header])]
        tail = re.search(r"(?:muc tieu|gia tri)\W+[a-z]", header_text)
        return lines[header][1], end, int(heading.group(1)), tail is not None
    return None


def _target(doc: Doc, name: str, value: re.Match[str], year: int, start: int, end: int) -> Target | None:
    comparator = value.group("cmp") or "="
    if comparator in "≤≥":
        comparator = {"≤": "<=", "≥": ">="}[comparator]
    number = _number(value.group("v"))
    value_max = _number(value.group("max")) if value.group("max") else None
    indicator = re.sub(r"\s+", " ", re.sub(r"[|`'_¬°]+", " ", name)).strip(" -.,:")
    if value_max is not None:
        comparator = "range"
    elif comparator == "=" and _AT_LEAST.search(doc.folded[start:end]):
        comparator, indicator = ">=", re.sub(r"\s*(?:Tối thiểu|tối thiểu|Ít nhất|ít nhất)\s*", " ", indicator).strip()
    if len(indicator.split()) < 3 or (value.group("pct") and number > 100):
        return None  # a name the OCR lost, or a percentage it misread ("703%")
    return {
        "text": indicator, "indicator": indicator, "comparator": comparator,
        "value": int(number) if number.is_integer() else number,
        "value_max": (int(value_max) if value_max.is_integer() else value_max) if value_max is not None else None,
        "unit": "%" if value.group("pct") else None, "year": year, "baseline": None, "milestones": [],
        "span": [start, end],
    }


def ocr_annex_targets(doc: Doc, targets: list[Target]) -> list[Target]:
    """``targets`` with the rows of an OCR'd target annex read as whole rows (and the loose readings of it dropped)."""
    if "cac chi tieu" not in doc.folded or not re.search(r"(?m)^\W*cac chi tieu", doc.folded):
        return targets  # no line opens like the annex's heading (_HEADING): nothing to read
    found = _annex(doc)
    if found is None:
        return targets
    start, end, year, tail = found
    value_pattern = _MID_VALUE if tail else _VALUE
    rows: list[tuple[list[str], int, int, re.Match[str] | None]] = []  # name parts, span, value
    pending: list[str] = []
    pending_start: int | None = None
    for s, e in doc.lines():
        if s < start or s >= end:
            continue
        line = doc.clean[s:e]
        if _HEADER.match(doc.folded[s:e]) or line.lstrip().startswith("====="):
            pending, pending_start = [], None  # the header row a new page repeats
            continue
        number = _ROW_NUMBER.match(line)
        if not re.search(r"[^\W\d_]{2}", line) and not (number and value_pattern.search(line)):
            continue  # specks ("'. 0"); a row whose name OCR lost but for a letter ("2. R - 100%") is kept
        body = line[number.end() :] if number else line[_LEAD_JUNK.match(line).end() :]  # type: ignore[union-attr]
        value = value_pattern.search(body)
        name = body[: value.start()] if value else body
        opens = name.strip()[:1].isupper()
        if number or (value and (opens or (rows and rows[-1][3]))):
            # A numbered line opens a row, and so does a value where the last row has its own already.
            # A row: its own name when it has one of some words, else the capitalised lines above it.
            own = len(name.split()) >= 4 and opens
            parts = [name] if own else [*pending, name]
            rows.append((parts, s if own or pending_start is None else pending_start, e, value))
            pending, pending_start = [], None
        elif opens:
            pending.append(name)
            pending_start = s if pending_start is None else pending_start
        elif rows:
            parts, r_start, _, r_value = rows[-1]
            rows[-1] = ([*parts, name], r_start, e, r_value or value)
    read = [t for parts, s, e, value in rows if value for t in [_target(doc, " ".join(parts), value, year, s, e)] if t]
    if len(read) < 3:
        return targets
    kept = [t for t in targets if not _inside(t, start, end)]
    return kept + read


def drop_number_slots(targets: list[Target], title_start: int | None = None) -> list[Target]:
    """Without the document number's slot OCR read as a value ("Số: †0% QĐ-TTg": a handwritten number, "0%").

    Any reading may hold it (the sentence reader's, not only an OCR'd annex row), but only in the header block above
    the title, where Decree 30/2020 puts "Số:" (``title_start``; unknown: anywhere)."""
    return [t for t in targets
            if not (re.search(r"(?:^|\s)S[ốôo6]\s*:\s*\S{0,3}$", str(t.get("indicator") or ""))
                    and (title_start is None or _inside(t, 0, title_start)))]


def _inside(target: Target, start: int, end: int) -> bool:
    span = target.get("span")
    return isinstance(span, list | tuple) and len(span) == 2 and int(span[0]) < end and int(span[1]) > start
