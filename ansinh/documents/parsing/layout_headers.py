"""The header of an assignment or target table laid out by a PDF's text layer (split from ``layout_tables``): the
roles of its columns by their labels (STT, nhiệm vụ, chủ trì, phối hợp, thời gian …), on one line, over two, or
wrapped a word or two a line; runs of text parted by two spaces or more.
"""

from __future__ import annotations

import re

from ansinh.documents.parsing.clean import Doc
from ansinh.documents.parsing.layout_rows import row_label
from ansinh.documents.parsing.layout_spans import split_span

# Column roles by their folded header words; "chủ trì" before "thực hiện" so "Cơ quan chủ trì thực hiện" leads.
_ROLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("number", re.compile(r"^(?:s?tt|so\s+tt)$")),
    ("lead", re.compile(r"chu\s+tri|don\s+vi\s+thuc\s+hien|co\s+quan\s+thuc\s+hien|trach\s+nhiem(?!\s+phoi)")),
    ("coordinate", re.compile(r"phoi\s+hop")),
    ("timeline", re.compile(r"thoi\s+(?:gian|han|diem)|tien\s+do")),
    ("product", re.compile(r"san\s+pham|ket\s+qua")),
    ("title", re.compile(r"nhiem\s+vu|noi\s+dung|hoat\s+dong|de\s+an|giai\s+phap")),
    # Columns the tasks do not read: notes, the budget and where it comes from.
    ("other", re.compile(r"ghi\s+chu|kinh\s+phi|nguon\s+(?:von|kinh\s+phi)|du\s+toan")),
)
# A run of text: words one space apart. A comma or semicolon followed by two spaces stays inside it: the cleaner moves
# the space a word segmenter set before the mark ("Cơ quan , đơn vị") behind it, keeping the line's length; so are two
# spaces before an opening quote (the segmenter's "chương trình “ Đối thoại" cleaned to "chương trình  “Đối thoại").
_GAP = re.compile(r"\S+(?:(?: |(?<=[,;])  |  (?=“))\S+)*")


# The role of a header label no role names, after the work, lead and partner columns (see _header_under).
_UNNAMED = "unnamed"


def _runs(line: str) -> list[tuple[int, int, str]]:
    """Text runs of a line separated by two spaces or more: (start, end, text)."""
    return [(m.start(), m.end(), m.group(0)) for m in _GAP.finditer(line)]


def _header_columns(folded_line: str) -> list[tuple[int, int, str]] | None:
    """(start, end, role) of each column the line names, or None when it is no assignment-table header."""
    columns: list[tuple[int, int, str]] = []
    for run in _GAP.finditer(folded_line):  # run by run: most lines stop at their first run, which names no column
        role = next((name for name, pattern in _ROLES if pattern.search(run.group(0))), None)
        if role is None:
            return None
        columns.append((run.start(), run.end(), role))
    roles = [r for _, _, r in columns]
    if len(columns) < 3 or "title" not in roles or not ({"lead", "timeline"} & set(roles)) or _repeated(roles):
        return None
    return columns


def _repeated(roles: list[str]) -> bool:
    """Whether a role the tasks read names two columns (columns of no role may be many)."""
    read = [r for r in roles if r not in ("other", _UNNAMED)]
    return len(set(read)) < len(read)


def _two_line_header(first: str, second: str) -> list[tuple[int, int, str]] | None:
    """A header whose labels wrap over two lines ("Cơ quan" over "chủ trì"): each first-line run with the
    second-line run under it."""
    top, below = _runs(first), _runs(second)
    if len(top) < 3 or not below:
        return None
    found = _header_under(top, below)
    if found is None and below[0][0] == 0:
        # A web copy of a PDF's text strips each line's indentation: the second line ("trì") no longer stands under
        # its label. Set its first word under each label's start in turn, the rest keeping their gaps.
        for ts, _te, _t in top[1:]:
            found = _header_under(top, [(s + ts, e + ts, t) for s, e, t in below])
            if found is not None:
                break
    return found


def _header_at(doc: Doc, lines: list[tuple[int, int]], i: int) -> tuple[list[tuple[int, int, str]] | None, int]:
    """The columns of a header starting on line ``i`` (on one line, two, or its narrow labels wrapped over more) and
    how many lines it goes on below its first."""
    s, e = lines[i]
    columns = _header_columns(doc.folded[s:e].replace("\t", " "))
    if columns is not None:
        # A merged unit label ("Cơ quan thực hiện") over sub-labels ("Chủ trì", "Phối hợp") on the lines below.
        below = [doc.folded[ls:le].replace("\t", " ") for ls, le in lines[i + 1 : i + 4]]
        return split_span(columns, doc.folded[s:e].replace("\t", " "), below, _runs)
    if i + 1 >= len(lines):
        return columns, 0
    wrapped = _wrapped_header(doc, lines, i)  # the deepest first: a label may wrap below another's second line
    if wrapped[0] is not None:
        return wrapped
    nxt = lines[i + 1]
    columns = _two_line_header(doc.folded[s:e].replace("\t", " "), doc.folded[nxt[0] : nxt[1]].replace("\t", " "))
    return columns, 1


def _wrapped_header(doc: Doc, lines: list[tuple[int, int]], i: int) -> tuple[list[tuple[int, int, str]] | None, int]:
    """A header whose narrow columns wrap their labels a word or two a line ("Đơn" / "vị" / "chủ" / "trì") over up to
    four lines below the first, each piece read with the label it stands under; and how many lines it goes on."""
    top = _runs(doc.folded[lines[i][0] : lines[i][1]].replace("\t", " "))
    if len(top) < 3:
        return None, 0
    below: list[list[tuple[int, int, str]]] = []
    for s, e in lines[i + 1 : i + 5]:
        runs = _runs(doc.folded[s:e].replace("\t", " "))
        # A label's piece: a few short words, no number (a row's first line has its number or a long cell).
        if not runs or row_label(runs[0][2]) is not None or any(len(t) > 20 or t.count(" ") > 2 or re.search(r"\d", t) for _, _, t in runs):
            break
        below.append(runs)
    for depth in range(len(below), 1, -1):
        found = _header_under(top, [run for runs in below[:depth] for run in runs])
        if found is not None:
            return found, depth
    return None, 0


def _header_under(top: list[tuple[int, int, str]], below: list[tuple[int, int, str]]) -> list[tuple[int, int, str]] | None:
    """The columns of a two-line header, each first-line run read with the second-line runs under it."""
    # Each second-line run goes under the one label it overlaps most (nearest start on a tie): narrow columns set a
    # word of one label's second line ("phối hợp") within a few characters of the next label ("Kết quả").
    under: dict[int, list[str]] = {}
    for bs, be, t in below:
        near = [(min(be, e) - max(bs, s), -abs(bs - s), k) for k, (s, e, _) in enumerate(top) if bs < e + 3 and s - 3 < be]
        if near:
            under.setdefault(max(near)[2], []).append(t)
    merged = [(s, e, " ".join([text, *under.get(k, [])])) for k, (s, e, text) in enumerate(top)]
    out: list[tuple[int, int, str]] = []
    for k, (s, e, text) in enumerate(merged):
        role = next((name for name, pattern in _ROLES if pattern.search(text)), None)
        if k in under and role != "number" and _ROLES[0][1].search(top[k][2]):
            return None  # "STT" is a whole label: a second line under it ("phối hợp") belongs to another column
        # A label no role names after the work, lead and partner columns (a column of references, "NV theo KH") is a
        # column the tasks do not read; any other unnamed label is no header's.
        if role is None and not {"title", "lead", "coordinate"} <= {r for _, _, r in out}:
            return None
        out.append((s, e, role or _UNNAMED))
    roles = [r for _, _, r in out]
    if "title" not in roles or not ({"lead", "timeline"} & set(roles)) or _repeated(roles):
        return None
    return out
