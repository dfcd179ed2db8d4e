"""Where a space-laid table's columns stand on a page the table goes on to.

``pdftotext -layout`` lays out each page on its own: a table that a page break cuts goes on at the top of the next
page (after a page number, a running header, an empty line) with its columns at other character positions, often
without its header repeated. Read against the first page's positions, the lines after the break glue a lead cell to
its partners or lose a column. The columns are found again from the lines that go on: a column's cells start at one
position on every line of the page (its left edge), and no text of another column crosses that edge; the edges are
then given to the table's columns in order, all of them when the counts agree, else by where they stand across the
page's width.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from ansinh.documents.parsing.unit_names import opens_with_agency

Run = tuple[int, int, str]


def left_edges(lines: list[list[Run]]) -> list[int]:
    """The positions where a column starts on a block of table lines: where runs start on several lines (on the one
    line, for a single line) and few runs of the other lines cross.

    A cell's text that an OCR engine left at a position of its own (stray marks beside a cell) starts runs too, but
    the cells of the column it overlaps cross its edge."""
    starts: Counter[int] = Counter(rs for runs in lines for rs, _, _ in runs)
    out: list[int] = []
    for x in sorted(starts):
        if out and x - out[-1] <= 1:
            continue  # a number centred one character off its column's edge
        count = starts[x] + starts.get(x + 1, 0)
        crossing = sum(1 for runs in lines for rs, re_, _ in runs if rs < x < re_)
        if crossing > max(1 if count >= 2 else 0, count // 3):
            continue
        out.append(x)
    return out


Kind = tuple[float, float]  # the share of a column's lines that open with a body's name, and that tell a time


def kind_of(texts: list[str]) -> Kind:
    """What a column's lines hold: how many open with a body's name ("Sở Y tế", "Bộ Công an"), how many tell a time
    ("2026", "Quý II/2026", "Hằng năm", "Liên tục")."""
    if not texts:
        return (0.0, 0.0)
    return (sum(opens_with_agency(t) for t in texts) / len(texts), sum(bool(_TIME.search(t)) for t in texts) / len(texts))


_TIME = re.compile(r"(?:19|20)\d\d|\b(?:[Qq]uý|[Nn]ăm|[Tt]háng|[Hh][aằ]ng năm|[Ll]iên tục|[Tt]hường xuyên)\b")


def mapped(edges: list[float], places: list[float], bulk: list[int] | None = None, work: int | None = None,
           kinds: list[Kind] | None = None, column_kinds: list[Kind | None] | None = None) -> list[int] | None:
    """The table column of each edge (its place across the page's width), in order: edge by edge when there are as
    many as columns, else the order-keeping choice of columns nearest each edge's place and like it in what its lines
    hold (bodies' names, times), the edge with the most text of neither kind going to the column of the work (a page
    may set its columns wider or narrower, or drop an empty one, but each column keeps its kind of text and the work
    is the bulk of every page). None when there are more edges than columns: the lines cannot be read so."""
    n, k = len(places), len(edges)
    if k > n or not edges:
        return None
    if k == n:
        return list(range(n))
    plain = [i for i in range(k) if bulk and not (kinds and max(kinds[i]) >= 0.5)]
    heavy = max(plain, key=lambda i: bulk[i]) if bulk and plain else None

    def far(i: int, j: int) -> float:
        apart = abs(edges[i] - places[j]) + (2.0 if heavy is not None and work is not None and (i == heavy) != (j == work) else 0.0)
        theirs = column_kinds[j] if column_kinds else None
        if kinds is None or theirs is None:
            return apart
        return apart + 0.5 * (abs(kinds[i][0] - theirs[0]) + abs(kinds[i][1] - theirs[1]))

    inf = float("inf")
    # cost[i][j]: the best placing of the first i edges among the first j columns.
    cost = [[inf] * (n + 1) for _ in range(k + 1)]
    took: dict[tuple[int, int], bool] = {}
    for j in range(n + 1):
        cost[0][j] = 0.0
    for i in range(1, k + 1):
        for j in range(i, n + 1):
            skip = cost[i][j - 1]
            take = cost[i - 1][j - 1] + far(i - 1, j - 1)
            cost[i][j], took[(i, j)] = (take, True) if take <= skip else (skip, False)
    out: list[int] = []
    i, j = k, n
    while i > 0:
        if took[(i, j)]:
            out.append(j - 1)
            i -= 1
        j -= 1
    return out[::-1]


def page_layout(
    lines: list[list[Run]], places: list[float], known: list[int], work: int | None = None,
    column_kinds: list[Kind | None] | None = None,
) -> list[tuple[int, int]] | None:
    """The (start, end) of each table column on the block of ``lines`` a page break opens, or None when the lines
    stand where the columns stood (every edge at a known column start), show one edge only or cannot be placed.
    ``places``: each column's start across the width of the page it was last seen on; ``work``: the column of the
    work; ``column_kinds``: what each column's lines held so far. A column no edge went to gets no width, at the next
    column's start (a run there is read as the column's before it)."""
    edges = left_edges(lines)
    # (One edge tells nothing of a page's layout: a running header, a cell's last line.)
    if len(edges) < 2 or all(any(abs(x - k) <= 1 for k in known) for x in edges):
        return None
    width = max((re_ for runs in lines for _, re_, _ in runs), default=1)
    # Each edge's cells: runs from the edge up to the next one; how much text they hold, and of what kind.
    cells = [[(re_ - rs, t) for runs in lines for rs, re_, t in runs if x <= rs < nxt]
             for x, nxt in zip(edges, [*edges[1:], 10**6], strict=True)]
    bulk = [sum(n for n, _ in c) for c in cells]
    cols = mapped([x / width for x in edges], places, bulk, work, [kind_of([t for _, t in c]) for c in cells], column_kinds)
    if cols is None:
        return None
    at = dict(zip(cols, edges, strict=True))
    out: list[tuple[int, int]] = []
    for c in range(len(places)):
        nxt = min((x for k, x in at.items() if k > c), default=10**6)
        out.append((at[c], max(at[c] + 1, nxt - 2)) if c in at else (nxt, nxt))
    return out


def page_block(text: str, lines: list[tuple[int, int]], j: int, runs: Callable[[str], list[Run]]) -> list[list[Run]]:
    """The runs of a table's lines (``text``: the clean view) from line ``j`` to the next empty line: one page's block."""
    out: list[list[Run]] = []
    for s, e in lines[j : j + 80]:
        if not text[s:e].strip():
            break
        out.append(runs(text[s:e]))
    return out


def indents_kept(block: list[list[Run]], opens_row: Callable[[str], bool]) -> bool:
    """Whether a page's block of lines kept its indentation, so that positions tell columns: its lines start indented
    or with their row's number, but for a few (a number an OCR engine misread); a web copy that trims each line sets
    every cell's next line at the margin."""
    lost = sum(1 for runs in block if runs and runs[0][0] == 0 and not opens_row(runs[0][2]))
    return lost <= len(block) // 5


class Pages:
    """Where a table's columns stood on the pages read so far: the start of each column's cells on the page being
    read, its width, and each column's place across the width of the page it was last seen on."""

    def __init__(self, starts: list[int], ends: list[int], work: int | None = None) -> None:
        self.places = [x / max(max(ends), 1) for x in starts]
        self.seen: dict[int, int] = {}
        self.width = 1
        self.work = work  # the column of the work, when the header names it
        self.texts: list[list[str]] = [[] for _ in starts]  # each column's lines so far

    def note(self, column: int, start: int, end: int, text: str) -> None:
        """A cell's line read in ``column`` at [start, end)."""
        self.seen[column] = min(self.seen.get(column, start), start)
        self.width = max(self.width, end)
        self.texts[column].append(text)

    def relaid(self, lines: list[list[Run]], starts: list[int], opens_row: Callable[[str], bool]) -> list[tuple[int, int]] | None:
        """The columns' (start, end) on the block of ``lines`` a page break opens (:func:`page_layout`; ``starts``: where
        the columns stand now), or None when the columns stay or the lines lost their indentation."""
        if not indents_kept(lines, opens_row):
            # A web copy trimmed each line: only the lines that open a row by its number still stand where the
            # columns stood; the page's edges are read from them, when there are some.
            lines = [runs for runs in lines if runs and runs[0][0] == 0 and opens_row(runs[0][2])]
            if not lines:
                return None
        self.places = [self.seen[c] / max(self.width, 1) if c in self.seen else p for c, p in enumerate(self.places)]
        kinds = [kind_of(t) if t else None for t in self.texts]
        laid = page_layout(lines, self.places, starts + list(self.seen.values()), self.work, kinds)
        if laid is not None:
            self.seen, self.width = {}, 1
        return laid


_WORD = re.compile(r"[^\W\d_]{2}")


def page_mark(runs: list[Run], by_empty_line: bool, numbered: bool) -> bool:
    """Whether a table line is what a page break leaves beside an empty line: a stray mark an OCR engine read off the
    page's edge ("|", "§"; the cleaner blanks page numbers), a short run of no letter, digit or percent sign; in a
    table whose rows the number column at the margin opens, also a short word there ("li" read for "11"), where no
    cell's line starts."""
    if not by_empty_line or len(runs) != 1 or len(runs[0][2]) > 3:
        return False
    return not re.search(r"[\w%]", runs[0][2]) or (numbered and runs[0][0] == 0 and bool(_WORD.search(runs[0][2])))
