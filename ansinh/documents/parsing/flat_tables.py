"""Indicator tables whose columns a PDF copy lost: cells separated by single spaces.

``STT Chỉ tiêu Đơn vị Năm 2025 Năm 2027 Năm 2030`` over ``1 Tỷ lệ hộ nghèo % 4,2 3,0 1,5``:
the header names its columns, so each row is read from the right (one value per year
column, the unit before them) and the spaces between its cells become the tabs of a
converter's table in the clean view. Same length in, same length out.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ansinh.documents.parsing.line_patterns import line_matches

_YEAR_CELL = r"(?:(?:thuc hien|uoc thuc hien|uoc|ke hoach|muc tieu)\s+)?(?:nam\s+)?(?:19|20)\d\d"
_HEADER = re.compile(
    r"^\s*(?:(?P<tt>s?tt)\s+)?(?P<name>ten chi tieu|chi tieu|tieu chi)\s+(?:(?P<unit>don vi tinh|don vi|dvt)\s+)?"
    r"(?P<years>" + _YEAR_CELL + r"(?:\s+" + _YEAR_CELL + r")+)\s*$"
)
_YEAR_CELLS = re.compile(_YEAR_CELL)
_VALUE = re.compile(r"^[<>≤≥~]?=?\d[\d.,]*%?$|^[-–]$")
_SIGN_ONLY = re.compile(r"^[<>≤≥~]=?$")
_ROW_NUMBER = re.compile(r"^\d{1,3}\.?$")
_UNIT_PREFIX = {"luot"}


def _tokens(line: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"\S+", line)]


def _row_cuts(line: str, folded: str, width: int, has_unit: bool, has_number: bool) -> list[int] | None:
    """Offsets (in the line) of the spaces that separate a row's cells, or None when the line is no such row."""
    tokens = _tokens(line)
    cuts: list[int] = []
    k = len(tokens)
    for _ in range(width):
        k -= 1
        if k < 0 or not _VALUE.match(line[tokens[k][0] : tokens[k][1]]):
            return None
        if k > 0 and _SIGN_ONLY.match(line[tokens[k - 1][0] : tokens[k - 1][1]]):
            k -= 1
        cuts.append(tokens[k][0] - 1)
    if has_unit:
        k -= 1
        if k < 1:
            return None
        previous = folded[tokens[k - 1][0] : tokens[k - 1][1]] if k > 1 else ""
        # "lượt người", "giường/vạn dân", "con/phụ nữ": a unit of two words.
        if folded[tokens[k][0]].isalpha() and (previous in _UNIT_PREFIX or re.fullmatch(r"[a-z]+/[a-z]+", previous)):
            k -= 1
        cuts.append(tokens[k][0] - 1)
    first = 0
    if has_number and tokens and _ROW_NUMBER.match(line[tokens[0][0] : tokens[0][1]]):
        first = 1
        cuts.append(tokens[0][1])
    name = line[tokens[first][0] : cuts[-1 if not first else -2]] if k > first else ""
    if not re.search(r"[^\W\d_]{2}", name):
        return None
    return [c for c in cuts if line[c] == " "]


# A line that could head such a table: it opens with "(STT) Chỉ tiêu" and has no tab.
_CANDIDATE = re.compile(
    r"(?im)^[^\S\n]*(?:s?tt[^\S\n]+)?(?:t[êe]n[^\S\n]+)?(?:ch[ỉi][^\S\n]+ti[êe]u|ti[êe]u[^\S\n]+ch[íi])[^\t\n]*$"
)


def flat_table_tabs(text: str, fold: Callable[[str], str], chars: list[str]) -> None:
    """Write tabs into ``chars`` between the cells of every space-separated indicator table in ``text``.

    ``fold`` is the same-length folding of the caller; only candidate lines are folded.
    """
    for cand in line_matches(_CANDIDATE, text):
        s = cand.start()
        head = fold(cand.group(0))
        m = _HEADER.match(head) if "chi tieu" in head or "tieu chi" in head else None
        if m is None:
            continue
        cells = [m.start("name")] + ([m.start("unit")] if m.group("unit") else [])
        cells += [m.start("years") + y.start() for y in _YEAR_CELLS.finditer(m.group("years"))]
        width = len(cells) - (2 if m.group("unit") else 1)
        rows: list[list[int]] = []
        pos = cand.end() + 1
        while pos < len(text):
            end = _line_end(text, pos)
            if not text[pos:end].strip() and end + 1 < len(text):
                pos, end = end + 1, _line_end(text, end + 1)  # one empty line after each line (a PDF export's spacing)
            line = text[pos:end]
            cuts = _row_cuts(line, fold(line), width, bool(m.group("unit")), True) if "\t" not in line else None
            if cuts is None:
                break
            rows.append([pos + c for c in cuts])
            pos = end + 1
        if not rows:
            continue
        for c in cells:
            if c > 0 and head[c - 1] == " ":
                chars[s + c - 1] = "\t"
        for row in rows:
            for c in row:
                chars[c] = "\t"


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


# A table laid out with runs of spaces (a PDF viewer's copy): a header opening with "STT" / "Chỉ tiêu" /
# "Nhiệm vụ" / "Nội dung" and naming another column, its cells two spaces or more apart.
_SPACED_HEAD = re.compile(
    r"(?im)^[^\S\n]*(?:s[ốo][^\S\n]+tt|s?tt|ch[ỉi][^\S\n]+ti[êe]u|nhi[ệe]m[^\S\n]+v[ụu]|n[ộo]i[^\S\n]+dung)[^\S\n]{2,}[^\t\n]*$"
)
_SPACED_OTHER = re.compile(r"don vi|chu tri|phoi hop|thoi gian|thoi han|nam (?:19|20)\d\d|nhiem vu|noi dung|chi tieu")
_GAP = re.compile(r"(?<=\S)[^\S\n]{2,}(?=\S)")
_INDENT = re.compile(r"^[^\S\n]{2,}(?=\S)")
# A heading after the table ends it ("III. TỔ CHỨC THỰC HIỆN").
_HEADING = re.compile(r"^\s*(?:[IVX]{1,5}|\d{1,2})[.)]\s+\S|^[^a-zà-ỹđ]{6,}$")


def spaced_table_tabs(text: str, fold: Callable[[str], str], chars: list[str]) -> None:
    """Write tabs into ``chars`` at the gaps of every table whose columns are runs of spaces."""
    if "  " not in text:
        return
    for head in line_matches(_SPACED_HEAD, text):
        line = head.group(0)
        if len(_GAP.findall(line)) < 2 or not _SPACED_OTHER.search(fold(line)):
            continue
        if chars[head.start() : head.end()].count("\t"):
            continue  # already read as another kind of table
        marks = [head.start() + g.start() for g in _GAP.finditer(line)]
        rows = 0
        pos = head.end() + 1
        while pos < len(text):
            end = _line_end(text, pos)
            row = text[pos:end]
            if row.strip() and not "".join(chars[pos:end]).strip():
                pos = end + 1  # a page number or running header the cleaner blanked
                continue
            gaps = [pos + g.start() for g in _GAP.finditer(row)] if "\t" not in row else []
            if not gaps and _HEADING.match(row):
                break
            if not gaps:
                nxt = end + 1
                if row.strip() == "" or "\t" in row:
                    nxt_end = _line_end(text, nxt) if nxt < len(text) else nxt
                    if row.strip() or not _GAP.search(text[nxt:nxt_end]):
                        break
                else:
                    # A cell broken over two lines: the line after it goes on with cells.
                    nxt_row = text[nxt : _line_end(text, nxt)] if nxt < len(text) else ""
                    if len(_GAP.findall(nxt_row)) < 2:
                        break
                pos = end + 1
                continue
            indent = _INDENT.match(row)
            marks += gaps + ([pos] if indent else [])
            rows += 1
            pos = end + 1
        if rows:
            for m in marks:
                chars[m] = "\t"
