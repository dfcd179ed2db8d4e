"""Restore the line structure of flattened text in the clean view.

OCR output and web copies often lose a document's line breaks: a whole article stands on one line
("Điều 6. Trách nhiệm … 1. Trách nhiệm của các bộ …: a) Thiết kế …; b) Bảo đảm …; 2. Trách nhiệm …").
The outline reader (:mod:`structure`) reads items line by line, so such an article yields nothing.

This module puts a line break back before an inline item mark, only where the evidence is strong:

* the marks form a run in sequence on one line (``1. … 2. … 3.``, ``a) … b) … c)``, ``I. … II.``,
  ``1.1. … 1.2.``, ``Điều 1. … Điều 2.``;
  one mark of a run may be missing or misread by OCR), counting a mark that opens the line;
* each mark stands after white space and is followed by a capitalised word (an item opens a sentence);
* every mark of the run but the first follows the end of a clause (".", ":", ";", or a heading in capitals),
  possibly with a stray OCR mark between (``: l a) …``, ``__ 3. …``); the first may follow plain text only
  when the run is longer or the line opens with a heading ("Điều 2. Nguyên tắc … 1. Tuân thủ …");
* no mark follows a word that makes it a reference ("khoản 1", "điểm a", "Điều 5", "số 1", "năm 2"),
  and none stands inside a quotation.

Numbers, dates and decimals ("1.5", "01.01.2026", "1.000") never qualify: their dot is not followed by a space.

The change is same-length: the space before the mark becomes a newline, in the clean and folded views
only. The caller's text is untouched, so every span still points into it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from ansinh.documents.parsing.clean import Doc
from ansinh.documents.parsing.line_patterns import line_matches
from ansinh.lib.roman import roman_value
from ansinh.lib.text import fold

# Letters of Vietnamese lettered items (Decree 30/2020 follows the Vietnamese alphabet: no f, j, w, z).
_LETTERS = "abcdđeghiklmnopqrstuvxy"
_LETTER_INDEX = {ch: i for i, ch in enumerate(_LETTERS)}

# A mark standing after white space (or opening the line), followed by white space.
_MARK = re.compile(
    r"(?:(?<=[ \t])|^)(?:(?P<art>(?:Điều|ĐIỀU)[ \t]+(?P<artn>\d{1,3})[.:])|(?P<sub>\d{1,2}(?:\.\d{1,2}){1,2})\."
    r"|(?P<num>\d{1,2})(?P<sep>[.),]|-(?=[ \t]))|\((?P<par>\d{1,2})\)|(?P<let>[a-zđ])\)|(?P<rom>[IVX]{1,5})(?P<rsep>[.\-]))(?=[ \t]+\S)",
    re.MULTILINE,
)
# The folded word before a mark that makes it a reference, not an item: "khoản 1", "điểm a", "Điều 5",
# "số 1", "Phụ lục I", "năm 2", "lần 2", "giai đoạn 1", "Chương II", "Mục 2", "tiết a", "bước 1".
_REFERENCE_WORDS = frozenset({
    "khoan", "diem", "dieu", "so", "luc", "chuong", "muc", "phan", "tiet", "nam", "ngay", "thang", "quy",
    "lan", "doan", "buoc", "dot", "tai", "thu", "loai", "nhom", "hang", "bac", "ky", "khoa", "tap", "trang",
})
# Words citing a part of a legal text: the mark after them is never an item.
_STRUCTURAL = re.compile(r"(?i)(?:điều|khoản|điểm|chương|mục|phần|tiết|phụ lục)[ \t]*$")
# A stray token OCR leaves between a clause end and the next mark: "l", "|", "_", "__", "-", "'".
_JUNK = re.compile(r"(?:[^\w\s]{1,3}|_{1,3}|[lI|])")
_CLAUSE_END = frozenset(".:;")
# A line opening with an article, a Roman-numbered part or a numbered item: its title may run on into its items.
_HEADING = re.compile(r"[ \t]*(?:(?:Điều|ĐIỀU)[ \t]+\d{1,3}[.:]|[IVX]{1,5}[.\-]|\d{1,2}(?:\.\d{1,2}){0,2}\.)[ \t]")
# How far apart two items of one list may stand (characters): a long item with its sub-items.
_REACH = 20_000
_OPEN_QUOTES = "\u201c\u00ab"
_CLOSE_QUOTES = "\u201d\u00bb"


@dataclass
class _Mark:
    kind: str
    value: int
    pos: int  # offset of the mark in the text
    opens_line: bool
    anchored: bool
    heading: bool = False  # the mark's line opens with a heading


def _anchor(line: str, at: int) -> bool | None:
    """Whether the mark at ``at`` follows a clause end (True), plain text (False) or a reference word (None)."""
    i = at
    skipped = 0
    while True:
        while i > 0 and line[i - 1] in " \t":
            i -= 1
        if i == 0:
            return True
        if line[i - 1] in _CLAUSE_END:
            return True
        j = i
        while j > 0 and not line[j - 1].isspace():
            j -= 1
        token = line[j:i]
        if skipped < 2 and _JUNK.fullmatch(token):
            skipped += 1
            i = j
            continue
        if _capitals(token) and _capitals(_token_before(line, j)):
            return True  # the end of a heading in capitals: "I. MỤC ĐÍCH, YÊU CẦU 1. Mục đích …"
        word = token.strip("(\"'\u201c\u201d,").lower()
        if fold(word) in _REFERENCE_WORDS:
            return None
        return False


def _capitals(token: str) -> bool:
    """A word in capitals (two letters or more), as headings are written."""
    word = token.rstrip(",")
    return len(word) >= 2 and word.isalpha() and word.isupper()


def _token_before(line: str, at: int) -> str:
    i = at
    while i > 0 and line[i - 1] in " \t":
        i -= 1
    j = i
    while j > 0 and not line[j - 1].isspace():
        j -= 1
    return line[j:i]


def _inside_quote(line: str, at: int) -> bool:
    before = line[:at]
    opened = sum(before.count(q) for q in _OPEN_QUOTES) - sum(before.count(q) for q in _CLOSE_QUOTES)
    return opened > 0 or before.count('"') % 2 == 1


def _quoted_before(line: str, at: int, quotes: list[int]) -> bool:
    """``_inside_quote(line, at)`` for offsets asked in increasing order, counting only what ``quotes`` has not yet."""
    piece = line[quotes[0] : at]
    quotes[0] = at
    quotes[1] += sum(piece.count(q) for q in _OPEN_QUOTES) - sum(piece.count(q) for q in _CLOSE_QUOTES)
    quotes[2] += piece.count('"')
    return quotes[1] > 0 or quotes[2] % 2 == 1


_BLANK_RUN = re.compile(r"[ \t]*")
_LEAD_RUN = re.compile(r"[ \t\-–+•*_|]*")  # what may stand before a mark that opens its line (see _marks)


def _marks(line: str) -> list[_Mark]:
    out: list[_Mark] = []
    previous = -1  # end of the last mark seen on the line
    # Read once per line, not once per mark (a flattened article is one long line): where its lead of bullets and
    # blanks ends, and the quotes counted so far (see _inside_quote).
    lead_end = _LEAD_RUN.match(line).end()  # type: ignore[union-attr]
    quotes = [0, 0, 0]  # offset counted up to, quotes opened minus closed, straight quotes
    for m in _MARK.finditer(line):
        first = _BLANK_RUN.match(line, m.end()).end()  # type: ignore[union-attr]
        if first >= len(line) or not line[first].isupper():
            continue
        if m.group("rsep") == "-" and not (_capitals(line[first:].split(" ", 1)[0]) or line.startswith("PHẦN", first)):
            continue  # "II- NHIỆM VỤ": a Roman mark with a hyphen only before a heading in capitals
        # A title of a few words since the last mark, no clause end: "2. Mục tiêu, chỉ tiêu 2.1. Mục tiêu …".
        after_title = previous >= 0 and len(line[previous : m.start()].split()) <= 16 and not any(
            ch in _CLAUSE_END for ch in line[previous : m.start()]
        )
        previous = m.end()
        if m.group("art") is not None:
            kind, value = "art", int(m.group("artn"))
        elif m.group("sub") is not None:
            prefix, _, last = m.group("sub").rpartition(".")
            kind, value = "sub" + prefix, int(last)  # "1.1. … 1.2. …": a run under the same parent number
        elif m.group("num") is not None:
            # "1," is OCR's reading of "1." (a comma after a number opens no item otherwise: checked by the run)
            # "1-" is the Party's numbered item ("1- Phát triển …"), a kind of its own
            kind, value = "num" + {")": ")", "-": "-"}.get(m.group("sep"), "."), int(m.group("num"))
        elif m.group("par") is not None:
            kind, value = "par", int(m.group("par"))  # "(1) Xây dựng …; (2) …"
        elif m.group("let") is not None:
            kind, value = "let", _LETTER_INDEX.get(m.group("let"), -9) + 1
        else:
            kind, value = "rom", roman_value(m.group("rom")) or 0
        opens_line = m.start() <= lead_end  # "- (1) Tỷ lệ …": after a bullet, still the line's mark
        if opens_line:
            out.append(_Mark(kind, value, m.start(), True, True))
            continue
        anchor = _anchor(line, m.start())
        if anchor is None and kind == "par":
            anchor = False  # "Quan điểm (1) Xây dựng …": a point in parentheses is not how a text cites
        if anchor is None and value == 1 and m.group("sep") != "," and not _STRUCTURAL.search(line, 0, m.start()):
            anchor = False  # "… công dân số 1. Tuân thủ …": a first item may follow a word that also cites
        if anchor is None or _quoted_before(line, m.start(), quotes):
            continue
        out.append(_Mark(kind, value, m.start(), False, anchor, heading=after_title and not anchor))
    return out


def _runs(marks: list[_Mark]) -> list[list[_Mark]]:
    """Marks of one kind chained in sequence, in order of position (a step of 1, or 2 for one lost mark)."""
    runs: list[list[_Mark]] = []
    for mark in marks:
        best: list[_Mark] | None = None
        if not mark.anchored:
            runs.append([mark])  # a mark in running text may open a run, never continue one
            continue
        for run in reversed(runs):
            last = run[-1]
            if last.kind != mark.kind or mark.pos - last.pos > _REACH:
                continue
            step = mark.value - last.value
            if step == 1 or (step == 2 and best is None):
                best = run
                if step == 1:
                    break
        if best is None:
            runs.append([mark])
        else:
            best.append(mark)
    return runs


def _accepted(run: list[_Mark], heading: bool) -> bool:
    """A run of two or more in sequence whose marks, all but one, follow a clause end; the one that does not
    is its first. Two marks after a single clause end only on a heading line ("Điều 2. Nguyên tắc 1. … 2. …")."""
    if len(run) < 2:
        return False
    if any(not m.anchored for m in run[1:]):
        return False
    gaps = sum(1 for a, b in pairwise(run) if b.value - a.value != 1)
    if gaps > (len(run) - 1) // 2:
        return False
    if run[0].value != 1 and len(run) < 3:
        return False
    anchored = sum(1 for m in run if m.anchored)
    return anchored >= 2 or (heading and run[0].value == 1)


def break_positions(line: str) -> list[int]:
    """Offsets in ``line`` of the spaces that become line breaks (the one just before each inline mark)."""
    return _breaks([(0, line)])


# A tab-separated stretch at least this long is flattened running text (a stray tab before a signature), not a cell.
_LONG_CELL = 1500


def _cell_length(line: str, at: int) -> int:
    start = line.rfind("\t", 0, at) + 1
    end = line.find("\t", at)
    return (len(line) if end == -1 else end) - start


# Text, a gap of four spaces or more, text, on one line of the text as given: the columns of a table a PDF text layer
# laid out with spaces (the clean view also leaves such gaps where it joins wrapped lines, so it is not read there).
_SPACED_CELLS = re.compile(r"\S {4,}\S")


def _breaks(lines: list[tuple[int, str]], raw: str | None = None) -> list[int]:
    """Break offsets for the given (offset, text) lines, read as one list context in document order; ``raw`` is the
    text before cleaning (same offsets), where a gap of spaces is the PDF's own and not a line the clean view joined."""
    marks: list[_Mark] = []
    for offset, line in lines:
        if len(line) < 4:
            continue
        heading = _HEADING.match(line) is not None
        spaced: bool | None = None  # whether the line is a row of spaced cells, looked at once per line when asked
        for mark in _marks(line):
            if "\t" in line and _cell_length(line, mark.pos) < _LONG_CELL:
                continue  # a table row: its cells are read by the table readers
            if spaced is None:
                spaced = raw is not None and _SPACED_CELLS.search(raw, offset, offset + len(line)) is not None
            if spaced:
                continue  # a row of a table a PDF laid out with spaces: its columns are read by layout_tables
            mark.pos += offset
            mark.heading = mark.heading or heading
            marks.append(mark)
    if all(m.opens_line for m in marks):
        return []
    out: list[int] = []
    for run in _runs(marks):
        if _accepted(run, run[0].heading):
            out.extend(m.pos - 1 for m in run if not m.opens_line)
    return sorted(set(out))


# An item mark inside a line (after text and white space), followed by white space: without one, nothing to do.
# (A blank opens the pattern, the character before it looked behind at: the engine skips from blank to blank.)
_INLINE = re.compile(r"[ \t](?<=\S[ \t])[ \t]*(?:(?:Điều|ĐIỀU)[ \t]+\d|\d{1,2}(?:\.\d{1,2}){0,2}[.),\-]|\(\d{1,2}\)|[a-zđ]\)|[IVX]{1,5}[.\-])[ \t]")

# ``_INLINE``'s marks found from their first character (a digit, a bracket, a roman numeral's letter, "Đ": the engine
# skips to those, not to every blank); a letter's mark "a)" from its bracket. The blanks before a mark are looked at after.
_INLINE_MARK = re.compile(
    r"[\d()IVXĐ](?:(?<=\d)\d?(?:\.\d{1,2}){0,2}[.),\-]|(?<=\()\d{1,2}\)|(?<=\))|(?<=[IVX])[IVX]{0,4}[.\-]|"
    r"(?<=Đ)(?:iều|IỀU)[ \t]+\d)[ \t]"
)


def inline_lines(clean: str) -> list[int]:
    """The start of each line where ``_INLINE`` finds a mark: a mark after a run of blanks that follows text."""
    out: list[int] = []
    line_end = -1
    for m in _INLINE_MARK.finditer(clean):
        at = m.start()
        if at < line_end:
            continue  # this line is found already
        if clean[at] == ")":
            at -= 1  # the letter of "a)"
            if at < 0 or not ("a" <= clean[at] <= "z" or clean[at] == "đ"):
                continue
        blank = at
        while blank > 0 and clean[blank - 1] in " \t":
            blank -= 1
        if blank == at or blank == 0 or clean[blank - 1].isspace():
            continue  # no blank before the mark, or no text before the blanks
        out.append(clean.rfind("\n", 0, at) + 1)
        line_end = clean.find("\n", at)
        if line_end == -1:
            break
    return out


# A line opening with an item mark (after bullets or stray marks).
_OPENING = re.compile(
    r"(?m)^[ \t\-–+•*_|]*(?:(?:Điều|ĐIỀU)[ \t]+\d|\d{1,2}(?:\.\d{1,2}){0,2}[.),\-]|\(\d{1,2}\)|[a-zđ]\)|[IVX]{1,5}[.\-])[ \t]"
)


def unflatten_text(clean: str, raw: str | None = None) -> str:
    """``clean`` with line breaks put back before inline item marks (same length).

    Marks are chained across lines: an item run into the text of the one before ("… năm 2020. 3. Bộ Tài chính …")
    continues the list whose earlier items open their lines, as the items of one list do.
    """
    return _with_breaks(clean, _break_offsets(clean, raw))


def _break_offsets(clean: str, raw: str | None) -> list[int]:
    """The offsets in ``clean`` (sorted, each once) where :func:`unflatten_text` puts a line break."""
    # Lines holding an inline mark are read whole; lines opening with a mark only for that mark (their beginning).
    whole: dict[int, bool] = dict.fromkeys(inline_lines(clean), True)
    if not whole:
        return []  # no inline mark: nothing to do
    for m in line_matches(_OPENING, clean):
        whole.setdefault(m.start(), False)
    lines: list[tuple[int, str]] = []
    for start in sorted(whole):
        end = clean.find("\n", start)
        line = clean[start : len(clean) if end == -1 else end]
        lines.append((start, line if whole[start] else line[:40]))
    return _breaks(lines, raw if raw is not None and len(raw) == len(clean) else None)


def _with_breaks(text: str, positions: list[int]) -> str:
    """``text`` with a line break at each of the sorted ``positions`` (put together by slices, same length)."""
    if not positions:
        return text
    pieces: list[str] = []
    at = 0
    for p in positions:
        pieces += (text[at:p], "\n")
        at = p + 1
    pieces.append(text[at:])
    return "".join(pieces)


def restore_lines(doc: Doc) -> Doc:
    """``doc`` with flattened items put back on their own lines in its clean and folded views."""
    positions = _break_offsets(doc.clean, doc.text)
    if not positions:
        return doc
    clean = _with_breaks(doc.clean, positions)
    starts = [0]
    i = clean.find("\n")
    while i != -1:  # found, not read character by character
        starts.append(i + 1)
        i = clean.find("\n", i + 1)
    # The folded view breaks its lines where the clean one does (a fold makes no line break of another character).
    return Doc(text=doc.text, clean=clean, folded=_with_breaks(doc.folded, positions), line_starts=starts)
