"""Assignment tables a scanner's OCR ran together: each row's cells on one or a few lines.

A Party committee's or a People's Committee's annex of tasks (Decree 30/2020 layout: "STT | Nhiệm vụ | Thời gian
hoàn thành | Cơ quan chủ trì | Cơ quan phối hợp | Lãnh đạo phụ trách") read by OCR off a landscape scan comes out as
lines in which a row's cells follow each other, separated by ``|`` or by stray characters. The task cell is the left
part of each line; its first line begins with a capital letter, its wrapped lines with a small one. The number sits
on the row's middle line, often misread ("¡_ |", "s _ ["); field rows ("LĨNH VỰC CÔNG NGHIỆP") are in capitals;
every page repeats the header. Each row becomes a task under its field, numbered by its legible number or else by
its place; the lead is the first body the row names after its task text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from ansinh.documents.parsing.clean import Doc
from ansinh.documents.parsing.layout_tables import LayoutTable
from ansinh.documents.parsing.line_patterns import line_spans
from ansinh.documents.parsing.ocr_row_units import row_lead, row_partners
from ansinh.documents.parsing.tasks import Task
from ansinh.lib.roman import to_roman

# A header line of the table: the column names, on one line or two (folded text).
_HEADER_CUES = re.compile(
    r"(?<![a-z])(?:stt|chu tri|phoi (?:hop|lop)|phu trach|thoi gian|hoan thanh|nhiem vu va|lanh dao,? co quan)(?![a-z])"
)
_UNIT_HEADS = re.compile(r"(?<![a-z])(?:chu tri|phoi (?:hop|lop)|phu trach)(?![a-z])")
_STT_WORD = re.compile(r"(?<![a-z])stt(?![a-z])")
_PAGES = re.compile(r"^=+ *trang *\d+ *=+$", re.MULTILINE)
_DEPARTMENT_LINE = re.compile(r"^\W*(?:\S{1,4}\s+){0,3}?Sở\s+[A-ZĐ]")
_TABLE_END = re.compile(r"^\W*noi nhan(?![a-z])")
# The number cell: a short token (a digit or what OCR made of it) and a bar, or one or two digits before the text.
_STT_BAR = re.compile(r"^\s*(\S{1,3})?\s*_*\s*[|\[]\s*")
_STT_DIGITS = re.compile(r"^\s*(\d{1,2})\s*_*\s+(?=\S)")
# Where the task cell ends on a line: a bar, the time column, or the first words of a unit column.
_LONE_MARK = re.compile(r"^\s*\S\s+(?=[^\W\d_]{2})")
_CELL_END = re.compile(
    r"\s[|\[]|\s_+\s|\s—|(?<![a-z])(?:thang \d{1,2}/\d{4}|quy [1-4i]+/\d{4}|bi thu|giam doc|doc so|truong ban|dong chi|"
    r"d/c|ubnd tinh)(?![a-z])"
)
# A line that opens, after a few stray marks, with a unit column's words (the task cell of that line is empty).
_UNIT_LINE = re.compile(
    r"^\W*(?:\S{1,4}\s+){0,3}?(?:bi thu|lanh dao|cac so|cac xa|dang uy|giam doc|truong ban|dong chi|d/c|ubnd|chu tich|thu truong|tuv|uvbtv|pho chu tich)(?![a-z])"
)
_WORD = re.compile(r"^[^\W\d_]{2,}[.,;:)]*$")
_TIMELINE = re.compile(r"(?:tháng|quý|năm)\s*\d{1,2}/\d{4}", re.IGNORECASE)
# A body heading the rows it leads ("Hội Cựu chiến binh tỉnh", "Sở Tư pháp", "Tòa án nhân dân tỉnh").
_BODY_GROUP = re.compile(
    r"^(?:Ủy ban|Uỷ ban|UBND|Hội|Sở|Ban|Đoàn|Tòa án|Toà án|Viện|Thanh tra|Công an|Bộ Chỉ huy|Liên [đĐ]oàn|Liên minh|Liên hiệp|"
    r"Thi hành án|Cục|Chi cục|Đảng ủy|Đảng uỷ|Tỉnh đoàn|Thành đoàn)\s+\S"
)
# OCR's readings of a roman label ("IL", "H", "HI"), against a letter naming a part ("A", "B_").
_ROMANISH = re.compile(r"^[IVXLHỊÌÍ1]{1,4}$")
_LETTER_LABEL = re.compile(r"^[A-GĐ]$")


@dataclass
class _Row:
    start: int
    end: int
    title: str
    stt: str | None = None
    mark: int | None = None  # the index in ``lines`` of the line holding the number cell
    lines: list[str] = field(default_factory=list)


def _header_at(folded: str) -> bool:
    return len(set(_HEADER_CUES.findall(folded))) >= 2


def _first_header(doc: Doc, lines: list[tuple[int, int]]) -> int | None:
    """Index of the first line of a window of four holding the table's column names (at least "STT" and a unit),
    looked for only around the lines that hold "STT"."""
    starts = [s for s, _ in lines]
    for m in _STT_WORD.finditer(doc.folded):
        at = bisect_right(starts, m.start()) - 1
        for i in range(max(0, at - 3), at + 1):
            window = " ".join(doc.folded[s:e] for s, e in lines[i : i + 4])
            cues = set(_HEADER_CUES.findall(window))
            if "stt" in cues and ({"chu tri", "phoi hop", "phu trach"} & cues) and len(cues) >= 3:
                return i
    return None


def _header_end(doc: Doc, lines: list[tuple[int, int]], page: int) -> int:
    """The last line of the header a page repeats under its marker (the marker itself when there is none): the line
    naming the unit columns within the next few lines."""
    for j in range(page + 1, min(page + 8, len(lines))):
        if _UNIT_HEADS.search(doc.folded[lines[j][0] : lines[j][1]]):
            return j
    return page


def _is_junk(text: str) -> bool:
    """A line OCR made of smudges: fewer than three words, or words fewer than half its tokens."""
    tokens = text.split()
    words = sum(1 for t in tokens if _WORD.match(t))
    return words < 3 or words < len(tokens) / 2


def _group_title(text: str) -> tuple[str, str, bool] | None:
    """(title, label, in capitals) of a row naming a field ("II |LĨNH VỰC NÔNG NGHIỆP", in capitals) or, under a
    label, a body whose tasks follow ("III |Hội Nông dân tỉnh")."""
    m = _STT_BAR.match(text)
    label = (m.group(1) or "") if m else ""
    if m:
        body = text[m.end() :]
    else:
        lm = re.match(r"^\s*(\S{1,3}?)[._]?\s+(?=[^\W\d_]{2})", text)
        label = lm.group(1) if (lm and not lm.group(1)[0].isalpha()) or (lm and len(lm.group(1)) <= 2) else ""
        body = text[lm.end() :] if lm and label else text
    body = body.strip(" _.-")
    letters = [c for c in body if c.isalpha()]
    words = body.split()
    if len(words) >= 2 and len(letters) >= 8 and sum(c.isupper() for c in letters) >= 0.9 * len(letters):
        return body, label.strip("_."), True
    short = 2 <= len(words) <= 8 and not re.search(r"[\d.;:]", body) and body[:1].isupper()
    label = label.strip("_.")
    if m and label and not label.isdigit() and short and (_BODY_GROUP.match(body) or _ROMANISH.match(label)):
        return body, label, False
    return None


def _cell(text: str, folded: str) -> tuple[str, str | None, bool]:
    """The task cell's part of a line, the row number read at its start (None when there is none or it is
    illegible) and whether the line holds the number cell at all."""
    stt = None
    m = _STT_BAR.match(text)
    d = _STT_DIGITS.match(text)
    if m is not None:
        start = m.end()
        if m.group(1) and m.group(1).isdigit():
            stt = m.group(1)
    else:
        start = d.end() if d else 0
        if d:
            stt = d.group(1)
        else:  # a number cell OCR read as one stray character before the task's capital ("F Hoàn thành …")
            lone = _LONE_MARK.match(text)
            lone = lone if lone is not None and text[lone.end()].isupper() else None
            start = lone.end() if lone else 0
            d = lone
    end = _CELL_END.search(folded, start)
    cell = text[start : end.start() if end else len(text)]
    return cell.strip(" _—-~`'\"‹„"), stt, m is not None or d is not None


def _ends_sentence(cell: str) -> bool:
    tokens = cell.split()
    while tokens and not _WORD.match(tokens[-1]) and not tokens[-1].endswith("."):
        tokens.pop()
    while tokens and len(tokens[-1]) <= 1:
        tokens.pop()
    return bool(tokens) and tokens[-1].endswith((".", ".)", ").", ".”", ".\""))


def _rows(doc: Doc, lines: list[tuple[int, int]], first: int, paged: bool) -> list[_Row | tuple[str, str, int, bool]]:
    """The table's rows and its field headings (title, label, offset, in capitals), in order. ``paged``: the text is
    a scan's, its pages marked."""
    out: list[_Row | tuple[str, str, int, bool]] = []
    row: _Row | None = None
    grouped = False  # a field heading was read; a table without one is read as such only in a scan's text (its
    # pages marked): elsewhere a reader of typed tables reads it
    prev_heading = False
    prev_text: str | None = None  # the task cell of the previous line when that line was task text
    skip_to = first
    for i in range(first, len(lines)):
        s, e = lines[i]
        text, folded = doc.text[s:e], doc.folded[s:e]
        if _TABLE_END.match(folded):
            break  # the recipients' list under the annex: the table is over
        if _PAGES.fullmatch(folded.strip()):
            skip_to = _header_end(doc, lines, i)
        if i <= skip_to or not text.strip() or _header_at(folded):
            prev_text = None
            continue
        heading = _group_title(text)
        if heading is not None:
            title, label, caps = heading
            last = out[-1] if out else None
            if caps and not label and isinstance(last, tuple) and last[3] and row is None and prev_heading:
                out[-1] = (f"{last[0]} {title}", last[1], last[2], last[3])  # a field's name wrapped on two lines
            else:
                out.append((title, label, s, caps))
            grouped = True
            row, prev_text, prev_heading = None, None, True
            continue
        prev_heading = False
        if _UNIT_LINE.match(folded) or _DEPARTMENT_LINE.match(text) or _is_junk(text):
            if row is not None:
                row.lines.append(text)
                row.end = e
            prev_text = None
            continue
        cell, stt, marked = _cell(text, folded)
        words = cell.split()
        if not any(_WORD.match(w) for w in words):  # the task cell is empty on this line: the row's other cells only
            if row is not None:
                row.lines.append(text)
                row.end = e
            prev_text = None
            continue
        # A row's first line opens its task cell with a word in capital, and runs on for some words.
        wordy = sum(1 for w in words[:5] if _WORD.match(w)) >= 4  # not a smudge that happens to open with a capital
        first_letter = words[0][0] if len(words) >= 5 and _WORD.match(words[0]) and wordy else ""
        # The number stands on the row's middle line: a row whose lines below it outnumber those above has ended.
        past_middle = row is not None and row.mark is not None and len(row.lines) > 2 * row.mark + 1
        # (the first capital line under a field's heading opens its first row, whatever stray line came between)
        starts = first_letter.isupper() and (row is None or prev_text is None or _ends_sentence(prev_text) or past_middle)
        if starts and (grouped or paged):
            row = _Row(s, e, cell)
            out.append(row)
        if row is not None:
            if marked and row.mark is None:
                row.mark = len(row.lines)
            row.lines.append(text)
            row.end = e
            if stt is not None and row.stt is None:
                row.stt = stt
        prev_text = cell
    return out


def _label(n: int, letter: bool) -> str:
    if letter:
        return "ABCDEFGHKLMN"[n - 1] if n <= 12 else str(n)
    return to_roman(n) if n <= 15 else str(n)


def find_ocr_task_tables(doc: Doc) -> list[LayoutTable]:
    """The assignment table of an OCR-read annex, as one table of its rows (none when the text holds no such table
    or too few rows of it were read)."""
    if _STT_WORD.search(doc.folded) is None:
        return []
    lines = line_spans(doc.text)  # the text's own lines, as OCR wrote them (the clean view joins wrapped ones)
    first = _first_header(doc, lines)
    if first is None:
        return []
    paged = len(_PAGES.findall(doc.folded)) >= 2
    items = _rows(doc, lines, first, paged)
    # Parts lettered A, B, C (bodies under them numbered I, II) when a field's label reads as a letter.
    lettered = any(isinstance(i, tuple) and i[3] and _LETTER_LABEL.match(i[1]) for i in items)
    grouped = any(isinstance(i, tuple) for i in items)
    tasks: list[Task] = []
    tops = subs = 0
    path = ""
    group_body: str | None = None  # the body a labelled heading names, which leads the rows under it
    counts: dict[str, int] = {}
    for item in items:
        if isinstance(item, tuple):
            title, _, s, caps = item
            if caps or not lettered or not tops:
                tops, subs = tops + 1, 0
                path = _label(tops, lettered)
            else:
                subs += 1
                path = f"{_label(tops, lettered)}.{_label(subs, False)}"
            group_body = None if caps else title
            tasks.append(Task(path, title, (s, s + len(title))))
            continue
        if not path and grouped:
            continue  # above the first field of a table that has fields: the header's debris
        place = counts.get(path, 0) + 1
        if item.stt is not None and place - 1 <= int(item.stt) <= place + 2:
            place = int(item.stt)  # a legible number a little ahead: a row before it was not read
        counts[path] = place
        task = Task(f"{path}.{place}" if path else str(place), item.title, (item.start, item.end), lead=row_lead(item.lines, item.title, group_body))
        task.coordinate = row_partners(item.lines, item.title, task.lead)
        timeline = _TIMELINE.search(" ".join(item.lines))
        task.timeline = timeline.group(0) if timeline else None
        tasks.append(task)
    rows = [i for i in items if not isinstance(i, tuple)]
    if len(tasks) - sum(1 for i in items if isinstance(i, tuple)) < 3:  # fewer than three rows read
        return []
    # Outside a scan's text (no page marks), paragraphs under headings in capitals are no rows: most rows must show
    # their number cell.
    if not paged and sum(1 for r in rows if r.mark is not None) * 2 < len(rows):
        return []
    return [LayoutTable(tasks[0].span[0], max(t.span[1] for t in tasks), tasks)]
