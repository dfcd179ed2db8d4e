"""Assignment tables a PDF-to-markdown converter broke apart: the header is still a markdown table ("| STT | Nội
dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |"), but the rows under it came out as a mix of markdown
fragments ("| 1.1 |  | Sở Y tế | … |"), lines whose cells only two spaces or more separate ("1.2 Hỗ trợ vốn  Sở Tài
chính  2026") and wrapped cell pieces on lines of their own. Such a table is read row by row from its anchors: a
line or a markdown row whose first cell is a row number (roman, "1", "1.1", "1.1.1"). The title is what the work column
holds on the anchor line, the units the names the row gives in the order of the header's columns (the lead first).
Nothing is read when the header is followed by a table whose rows the markdown reader reads itself. A header a
PDF's text layer laid out by columns ("STT   Nội dung   Cơ quan" with "chủ trì" on the line below) stands over such
rows too: its columns are the runs of its lines that overlap, and its rows are read the same way when no reader of
laid-out tables read them (:func:`find_laid_broken_tables`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ansinh.documents.parsing.broken_paths import ROMAN as _ROMAN
from ansinh.documents.parsing.broken_paths import WHOLE_ROW as _WHOLE_ROW
from ansinh.documents.parsing.broken_paths import RowPath
from ansinh.documents.parsing.clean import Doc, squeeze
from ansinh.documents.parsing.layout_tables import LayoutTable
from ansinh.documents.parsing.line_patterns import line_spans
from ansinh.documents.parsing.tasks import Task
from ansinh.documents.parsing.unit_names import opens_with_agency
from ansinh.lib.text import fold_key

_ROLE_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("number", re.compile(r"^(?:s?tt|so\s+tt)$")),
    ("lead", re.compile(r"chu\s+tri")),
    ("coordinate", re.compile(r"phoi\s+hop")),
    ("title", re.compile(r"nhiem\s+vu|noi\s+dung|hoat\s+dong|giai\s+phap")),
)
_SEPARATOR = re.compile(r"^\|?(?:\s*:?-{3,}:?\s*\|)+\s*$")
_NUMBER = r"(?:[IVX]{1,5}|\d{1,2}(?:\.\d{1,2}){0,3})"
# A markdown row's first cell: a row number, maybe the first words of the title after it ("1.2 Hỗ trợ …").
_CELL_ANCHOR = re.compile(r"^(?P<number>" + _NUMBER + r")\.?(?:\s(?P<rest>\S.*))?$")
# A line that opens with a row number, one space and the title's first word (a bare number is a page number).
_LINE_ANCHOR = re.compile(r"^(?P<number>" + _NUMBER + r")\.?\s+(?P<rest>[^\W\d_(“\"].*|[(“\"]\w.*)$")
# A dotted row number alone on a line: the row's cells wrapped around it (a whole number alone is a page number).
_BARE_ROW = re.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,2}){1,3})(?P<rest>)$")
_RUN = re.compile(r"\S+(?: \S+)*")
# What closes a unit name inside a run: a tick of a budget column, a year, a period ("2025-2026", "Hằng năm", "Quý").
_AFTER_NAME = re.compile(r"\s(?:x(?=\s|$)|\d{4}\b|[Hh][ằàa]ng\s+n[ăa]m\b|Qu[ýy]\s).*$")
# A word after which an agency's name is part of the work, not a cell of its own ("hỗ trợ cho Sở …").
_JOINING = re.compile(r"(?:với|của|cho|tại|và|giữa|đến|từ|thuộc|trình|giao|các|voi|cua|tai|va|giua|den|tu|thuoc|trinh|cac)$",
                      re.IGNORECASE)  # (and as a text without its diacritics writes them)
# "Sở Xây dựng các xã, phường": the bodies of the next cell after a whole name (not "UBND các xã", "Ủy ban nhân dân
# các huyện", where the plural is the name's own).
_NEXT_CELL = re.compile(
    r"^(?=\S+\s+\S+\s+\S+)(?!.*(?:UBND|[Nn]h[âa]n d[âa]n|[Uu][ỷy] ban|[Ủủ]y ban|[Cc][áa]c)\s+c[áa]c\s)(.*?)\s+c[áa]c\s.*$")
_END = re.compile(r"^(?:PH[ỤU] L[ỤU]C|Ph[ụu] l[ụu]c|N[ơo]i nh[ậa]n)\b")
_GAP_LINES = 50  # this many lines without a row: the table has ended


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _header_roles(rows: list[str]) -> dict[str, int] | None:
    """Column index of each role a markdown header block names (its labels wrap over its rows), or None."""
    cells = [_cells(r) for r in rows if not _SEPARATOR.match(r)]
    width = max((len(c) for c in cells), default=0)
    roles: dict[str, int] = {}
    for j in range(width):
        label = fold_key(" ".join(c[j] for c in cells if j < len(c) and c[j]))
        role = next((name for name, pattern in _ROLE_WORDS if pattern.search(label)), None)
        if role and role not in roles:
            roles[role] = j
    if not {"number", "title", "lead"} <= set(roles) or not roles["number"] < roles["title"] < roles["lead"]:
        return None
    roles["width"] = width
    return roles


# A header line laid out by columns that opens with the row-number column ("STT   Nội dung   Cơ quan chủ trì").
_LAID_NUMBER_HEAD = re.compile(r"^ *(?:STT|TT|Stt|Số TT|SỐ TT) {2,}[^\t]*$")
_HEAD_REACH = 3  # lines above and below the number label a wrapped header's labels may stand on


def _laid_out_roles(texts: list[str], k: int) -> tuple[dict[str, int], int, int] | None:
    """The roles of a header a PDF's text layer laid out by columns, its labels wrapped over lines around the number
    label's line ``k`` ("Cơ quan" / "chủ trì"): (roles, first line, line after the header), or None."""
    first, last = k, k
    while first > 0 and k - first < _HEAD_REACH and _laid_label_line(texts[first - 1]):
        first -= 1
    while last + 1 < len(texts) and last - k < _HEAD_REACH and _laid_label_line(texts[last + 1]) \
            and not _LINE_ANCHOR.match(texts[last + 1].strip()):
        last += 1
    runs = sorted((m.start(), m.end(), n) for n in range(first, last + 1) for m in _RUN.finditer(texts[n]))
    ends: list[int] = []  # a column: runs of the header's lines that overlap, merged; its end so far
    labels: list[list[tuple[int, str]]] = []  # its pieces, by line
    for s, e, n in runs:
        if ends and s <= ends[-1]:
            ends[-1] = max(ends[-1], e)
            labels[-1].append((n, texts[n][s:e]))
        else:
            ends.append(e)
            labels.append([(n, texts[n][s:e])])
    roles: dict[str, int] = {}
    for j, pieces in enumerate(labels):
        label = fold_key(" ".join(t for _, t in sorted(pieces)))
        role = next((name for name, pattern in _ROLE_WORDS if pattern.search(label)), None)
        if role and role not in roles:
            roles[role] = j
    if {"number", "title", "lead"} <= set(roles) and roles["number"] < roles["title"] < roles["lead"]:
        roles["width"] = len(ends)
        return roles, first, last + 1
    # A web copy of the text layer trims each line: the labels wrapped above and below the number label's line stand at
    # the line start, no longer under their columns. The number label's line still names the work column after the
    # number; a lead column named on the lines around it stands after the work column (loose rows are read by order).
    own = [fold_key(t) for t in _RUN.findall(texts[k])]
    trimmed = all(not texts[n][:1].isspace() for n in range(first, last + 1))
    wrapped = fold_key(" ".join(texts[n] for n in range(first, last + 1) if n != k))
    if trimmed and len(own) >= 3 and _ROLE_WORDS[3][1].search(own[1]) and _ROLE_WORDS[1][1].search(wrapped):
        return {"number": 0, "title": 1, "lead": 2, "width": len(own) + 1}, first, last + 1
    return None


def _laid_label_line(line: str) -> bool:
    """Whether a line may hold a laid-out header's labels: text set off by a gap of two spaces or more (an indent
    or a column gap), no sentence's end, no row number."""
    stripped = line.strip()
    return bool(stripped) and "  " in line.rstrip() and "\t" not in line and not stripped.endswith((".", ";", ":"))


def assignment_lines(doc: Doc) -> tuple[list[tuple[int, int]], list[str]] | None:
    """The lines of a text that may hold an assignment table (one that names a lead: "chủ trì") and their words;
    None for a text without one."""
    if "chủ trì" not in doc.text and "chu tri" not in doc.folded:
        return None
    lines = line_spans(doc.text)
    return lines, [doc.text[s:e] for s, e in lines]


def find_laid_broken_tables(doc: Doc) -> list[LayoutTable]:
    """Every assignment table whose header a PDF's text layer laid out by columns ("STT   Nội dung   Cơ quan" /
    "chủ trì" under it) over rows as broken as those under a markdown header, read into tasks the same way (the
    caller keeps those no reader of laid-out tables read)."""
    found_lines = assignment_lines(doc)
    if found_lines is None:
        return []
    lines, texts = found_lines
    out: list[LayoutTable] = []
    i = 0
    while i < len(lines):
        if not _LAID_NUMBER_HEAD.match(texts[i]):
            i += 1
            continue
        found = _laid_out_roles(texts, i)
        if found is None:
            i += 1
            continue
        roles, first, body = found
        table, i = _read(doc, lines, first, body, roles)
        i = max(i, body)
        if table is not None:
            out.append(table)
    return out


def find_broken_tables(doc: Doc) -> list[LayoutTable]:
    """Every assignment table whose markdown header stands over rows the converter broke apart, read into tasks."""
    if "|" not in doc.text:
        return []
    text = doc.text
    lines = line_spans(text)  # the text's own lines (the clean view joins some of them)
    out: list[LayoutTable] = []
    i = 0
    while i < len(lines):
        if not text[lines[i][0] : lines[i][1]].lstrip().startswith("|"):
            i += 1
            continue
        j = i
        while j < len(lines) and text[lines[j][0] : lines[j][1]].lstrip().startswith("|"):
            j += 1
        block = [text[s:e] for s, e in lines[i:j]]
        roles = _header_roles(block[:6]) if "chu tri" in fold_key(" ".join(block[:6])) else None
        numbered = any(_CELL_ANCHOR.match(_cells(r)[0]) for r in block if not _SEPARATOR.match(r))
        if roles is None or numbered or j >= len(lines):
            i = j
            continue
        table, i = _read(doc, lines, i, j, roles)
        if table is not None:
            out.append(table)
    return out


def read_broken_rows(doc: Doc, lines: list[tuple[int, int]], head: int, body: int,
                     roles: dict[str, int]) -> tuple[LayoutTable | None, int]:
    """The table whose header spans lines ``head`` to ``body`` read from its rows' numbers, and the line after it; a
    web copy wrote each markdown row's cells one a line, so a whole number alone that is the next row's is a row."""
    return _read(doc, lines, head, body, roles, stacked=True)


def _read(doc: Doc, lines: list[tuple[int, int]], head: int, body: int, roles: dict[str, int],
          stacked: bool = False) -> tuple[LayoutTable | None, int]:
    text = doc.text
    tasks: list[Task] = []
    state = RowPath()
    last = body
    k = body
    texts = [text[s:e] for s, e in lines]
    loose = 0  # rows read from loose lines: a table split from its header by a page goes on as markdown rows only
    while k < len(lines) and k - last <= _GAP_LINES:
        s, e = lines[k]
        line = texts[k]
        if _END.match(line.strip()):
            break
        whole = stacked and state.next_whole(line)
        numbered = whole or _numbered(line)
        task = _anchor(line, (s, e), roles, state, _borrowed(texts, k, last if last < k else body - 1) if numbered else ("", ""),
                       whole)
        if task is not None and stacked and not task.lead and (whole or _BARE_ROW.match(line.strip())):
            names = [n for n in _stacked_names(texts, k) if _whole(n)]
            task.lead, task.own_lead = names[:1], bool(names)
            task.coordinate, task.own_coordinate = names[1:], len(names) > 1
        if task is not None:
            tasks.append(task)
            loose += not line.lstrip().startswith("|")
        if task is not None or numbered:
            last = k
        k += 1
    if len(tasks) < 3 or loose < 2:
        return None, body
    end = last + 1
    while end < len(lines) and end < k and text[lines[end][0] : lines[end][1]].strip():
        end += 1  # the last row's wrapped pieces
    return LayoutTable(lines[head][0], lines[end - 1][1], tasks), end


def _numbered(line: str) -> bool:
    """Whether a line opens with a row number, read as a row or not (a row whose title a wrapped line holds)."""
    stripped = line.strip()
    if stripped.startswith("|"):
        return bool(_CELL_ANCHOR.match(_cells(stripped)[0]))
    return bool(_LINE_ANCHOR.match(stripped) or _BARE_ROW.match(stripped))


_EMPTY_CELL_GAP = 5  # spaces after a row number on a laid-out line whose work cell holds nothing
_NEAR = 3  # lines above and below a row number its title may wrap over


def _piece(line: str) -> str | None:
    """What a line not opening a row holds in the work column: a markdown fragment's first cell, or a loose line's
    first run when other cells follow it (a lone run may be any wide cell); None when it holds none, "" to pass over."""
    stripped = line.strip()
    if not stripped or _SEPARATOR.match(stripped):
        return ""
    if stripped.startswith("|"):
        first = _cells(stripped)[0]
        return first if len(first.split()) >= 2 and not _CELL_ANCHOR.match(first) else None
    runs = _RUN.findall(stripped)
    if len(runs) < 2 or len(runs[0].split()) < 3 or not runs[0][:1].isalpha() or opens_with_agency(runs[0]):
        return None
    return runs[0]


def _borrowed(texts: list[str], k: int, previous: int) -> tuple[str, str]:
    """The title a row whose number line holds none wraps over: the work-column pieces right above and below the
    number, no nearer the row above or below than to this one."""
    reach = min(len(texts), k + 2 * _NEAR + 2)
    following = next((j for j in range(k + 1, reach) if _numbered(texts[j])), reach)
    above = _pieces(texts, range(k - 1, max(previous, k - _NEAR - 1), -1), lambda j: 2 * (k - j) > k - previous)
    below = _pieces(texts, range(k + 1, min(following, k + _NEAR + 1)), lambda j: 2 * (j - k) > following - k)
    return " ".join(reversed(above)), " ".join(below)


def _pieces(texts: list[str], lines: range, too_far: Callable[[int], bool]) -> list[str]:
    """The wrapped pieces on ``lines`` in order, up to the first line too far or that is no piece."""
    out: list[str] = []
    for j in lines:
        piece = None if too_far(j) else _piece(texts[j])
        if piece is None:
            break
        if piece:
            out.append(piece)
    return out


def _anchor(line: str, span: tuple[int, int], roles: dict[str, int], state: RowPath, wrapped: tuple[str, str] = ("", ""),
            whole: bool = False) -> Task | None:
    stripped = line.strip()
    if not stripped or _SEPARATOR.match(stripped):
        return None
    if stripped.startswith("|"):
        cells = _cells(stripped)
        m = _CELL_ANCHOR.match(cells[0])
        if m is None:
            return None
        number, title = m.group("number"), (m.group("rest") or "")
        if not title and len(cells) == roles["width"] and roles["title"] < len(cells):
            title = cells[roles["title"]]
        names = _cell_names(cells, roles)
        is_group = False
    else:
        m = _LINE_ANCHOR.match(stripped) or _BARE_ROW.match(stripped) or (_WHOLE_ROW.match(stripped) if whole else None)
        if m is None:
            return None
        number = m.group("number")
        runs = _RUN.findall(m.group("rest") or "") or [""]
        title, names = _split_names(runs[0])
        # A run opening with a word or two, then names: another column's piece; but a run set a wide gap after the
        # number that opens with a name stands in the units' columns, the work cell empty on this line.
        empty_work = m.group("rest") is not None and m.start("rest") - m.end("number") >= _EMPTY_CELL_GAP
        if names and len(title.split()) < 2 and not (empty_work and not title):
            title, names = "", []
        for run in runs[1:]:
            names += _split_names(run, True)[1]
        is_group = len(runs) == 1 and not names and bool(runs[0])
        if not title[:1].isupper() and _ROMAN.match(number):
            return None
    path = state.path(number, is_group)
    if not is_group:  # the work cell wraps above and below the line of its number
        title = " ".join(p for p in (wrapped[0], title, wrapped[1]) if p)
    title = squeeze(title).strip(" ,;")
    if path is None or len(title.split()) < 2:
        return None
    task = Task(path, title, span)
    names = [n for n in names if _whole(n)]
    if names:
        task.lead, task.own_lead = names[:1], True
        task.coordinate, task.own_coordinate = names[1:], len(names) > 1
    return task


def _stacked_names(texts: list[str], k: int) -> list[str]:
    """The names on the lines right after a row number alone, each a cell of its own (the lead first), up to a line
    that opens with no name but a short mark ("x", a year) or the next row."""
    out: list[str] = []
    for line in texts[k + 1 : k + 5]:
        stripped = line.strip()
        if _numbered(stripped) or _WHOLE_ROW.match(stripped):
            break
        if _opens_name(stripped, True):
            out += _split_names(stripped, True)[1]
        elif len(stripped) > 12:
            break
    return out


def _cell_names(cells: list[str], roles: dict[str, int]) -> list[str]:
    """The names a markdown row gives: the cells from the lead column on that open with a name, in column order (a
    fragment sets its own columns, so a name is read by its order, not by the header column of its index)."""
    out: list[str] = []
    for cell in cells[roles["lead"] :]:  # a name left of the lead column is no unit of the row
        if cell and _opens_name(cell, True):
            out += _split_names(cell, True)[1]
    return out


def _split_names(run: str, names_only: bool = False) -> tuple[str, list[str]]:
    """A run read as text, then the names that stand after it (each where a name's head word opens, after a word
    that does not join it to the text); with ``names_only`` a run that does not open with a name holds none."""
    words = run.split()
    cuts = [
        k for k in range(len(words))
        if (_opens_name(" ".join(words[k:]), k == 0 and names_only) and (k == 0 or not _JOINING.search(words[k - 1])))
        or (k > 0 and words[k] == "Các" and len(words) - k >= 3)  # "Sở Du lịch Các đối tác": a plural opens a name
    ]
    if names_only and (not cuts or cuts[0] != 0):
        return run, []
    if not cuts:
        return run, []
    title = " ".join(words[: cuts[0]])
    names = []
    for a, b in zip(cuts, [*cuts[1:], len(words)], strict=True):
        name = _AFTER_NAME.sub("", " ".join(words[a:b])).strip(" ,;")
        name = _NEXT_CELL.sub(r"\1", name) if " các " in name or " cac " in name else name
        names.append(name)
    return title, names


# Businesses a cell of its own names as the ones to carry a row out ("Doanh nghiệp", "Các doanh nghiệp du lịch").
_BUSINESSES = re.compile(r"^(?:[Cc][áa]c\s+)?[Dd]oanh\s+nghi[ệe]p(?!\w)")


def _opens_name(text: str, cell_start: bool) -> bool:
    """Whether ``text`` opens with a body's name; at the start of a cell also with businesses."""
    return opens_with_agency(text) or (cell_start and _BUSINESSES.match(text) is not None)


_DANGLING = re.compile(r"^(?:các|và|của|với|cho|những|thuộc|cac|va|cua|voi|nhung|thuoc)$", re.IGNORECASE)


def _whole(name: str) -> bool:
    """Whether a name reads whole: its head and at least two words ("Sở Y tế"), or an abbreviation ("UBND tỉnh")."""
    words = name.split()
    if words and _DANGLING.match(words[-1]):
        return False  # "UBND các": a name its cell wrapped
    if len(words) >= 3 or _BUSINESSES.match(name):
        return True
    return len(words) == 2 and any(w.replace("&", "").isupper() and len(w) > 1 for w in words)
