"""Layout-aware reading of an OCR'd page: ruled tables as rows of TAB-separated cells.

tesseract's plain text reads a page block by block, so a table comes out as its columns
one after another or interleaved line by line, and no reader can put a task back beside
its lead agency. tesseract's TSV output gives every word with its box; with the table's
grid (documents.formats.ocr_rules) each word falls in a cell, a cell's words are read in
lines top to bottom, and each table row becomes one line with its cells joined by TABs,
the way a PDF's text layer gives its tables (documents.formats.pdf). Text outside the
tables keeps tesseract's own reading order and line breaks.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from .ocr_rules import Grid

_RULE_MARKS = "|_[]{}¦"
_SPECK = 0.5
# A row's number ("12.", "2.1", "II", "a)"), not a scrap of text, in a first-column cell read again.
_ROW_NUMBER = re.compile(r"(?:\d{1,3}(?:\.\d{1,2})*\.?|[IVXLC]{1,5}\.?|[a-zđ][.)])")
_SPECK_MARKS = "^`ˆ&~*'\"“”‘’"


@dataclass(frozen=True)
class Word:
    """A recognised word and its box, with tesseract's block, paragraph and line numbers."""

    text: str
    left: int
    top: int
    width: int
    height: int
    block: int
    par: int
    line: int

    @property
    def cx(self) -> float:
        return self.left + self.width / 2

    @property
    def cy(self) -> float:
        return self.top + self.height / 2


def parse_tsv(tsv: str) -> list[Word]:
    """The words of tesseract's TSV output, in its reading order."""
    words: list[Word] = []
    for row in tsv.splitlines()[1:]:
        fields = row.split("\t")
        if len(fields) < 12 or fields[0] != "5":
            continue
        text = fields[11]
        if not text.strip():
            continue  # a rule or a speck tesseract took for a word and read as nothing
        try:
            block, par, line = int(fields[2]), int(fields[3]), int(fields[4])
            left, top, width, height = (int(f) for f in fields[6:10])
        except ValueError:
            continue
        words.append(Word(text, left, top, width, height, block, par, line))
    return words


def _lines(words: list[Word]) -> list[list[Word]]:
    """tesseract's text lines, in its order."""
    out: list[list[Word]] = []
    key: tuple[int, int, int] | None = None
    for word in words:
        here = (word.block, word.par, word.line)
        if here != key:
            out.append([])
            key = here
        out[-1].append(word)
    return out


def plain_text(words: list[Word]) -> str:
    """tesseract's plain-text reading: a line per text line, a blank line after each paragraph."""
    parts: list[str] = []
    previous: tuple[int, int] | None = None
    for line in _lines(words):
        para = (line[0].block, line[0].par)
        if previous is not None and para != previous:
            parts.append("")
        parts.append(" ".join(w.text for w in line))
        previous = para
    return "\n".join(parts)


def _read_cell(words: list[Word], line_height: float) -> str:
    """A cell's words in reading order: lines top to bottom, words left to right."""
    ordered = sorted(words, key=lambda w: w.cy)
    rows: list[list[Word]] = []
    for word in ordered:
        if rows:
            last = rows[-1]
            middle = sum(w.cy for w in last) / len(last)
            if abs(word.cy - middle) <= line_height * 0.5:
                last.append(word)
                continue
        rows.append([word])
    return " ".join(" ".join(w.text for w in sorted(row, key=lambda w: w.left)) for row in rows)


def _cell_words(words: list[Word], line_height: float) -> list[Word]:
    """A table's words without the ruling lines tesseract read as characters ("|", "_|", "[")
    and without specks: a "word" less than half as tall as the page's words is a scrap of a
    rule or dust, unless it is a dash or a dot (a bullet, a full stop)."""
    out: list[Word] = []
    for word in words:
        text = word.text.strip().strip(_RULE_MARKS)
        if word.height < line_height * _SPECK and any(ch.isalnum() or ch in _SPECK_MARKS for ch in text):
            continue
        if text:
            out.append(word if text == word.text else replace(word, text=text))
    return out


def _slot(values: tuple[float, ...], position: float) -> int:
    for index in range(len(values) - 1):
        if values[index] <= position < values[index + 1]:
            return index
    return -1


def line_height(words: list[Word]) -> float:
    """The typical height of a word on the page (its median), in pixels."""
    heights = sorted(w.height for w in words)
    return float(heights[len(heights) // 2]) if heights else 0.0


# Reads the text inside a box of the page (left, top, right, bottom) on its own.
ReadBox = Callable[[tuple[int, int, int, int]], str]


def table_rows(
    grid: Grid, words: list[Word], height: float, slack: float = 36.0, read_box: ReadBox | None = None
) -> list[str]:
    """The rows of a ruled table as TAB-separated cells (a merged cell's text in its first slot)."""
    ys, xs = grid.ys, grid.xs
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    # A slot joins its right neighbour when no rule separates them in that row, and the one
    # below when no rule separates them in that column: union-find over the slots.
    parent = list(range(n_rows * n_cols))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for r in range(n_rows):
        for c in range(n_cols):
            here = r * n_cols + c
            if c + 1 < n_cols and not grid.has_vertical(xs[c + 1], ys[r], ys[r + 1], slack):
                parent[find(here + 1)] = find(here)
            if r + 1 < n_rows and not grid.has_horizontal(ys[r + 1], xs[c], xs[c + 1], slack):
                parent[find(here + n_cols)] = find(here)
    cells: dict[int, list[Word]] = {}
    for word in _cell_words(words, height):
        r, c = _slot(ys, word.cy), _slot(xs, word.cx)
        if r >= 0 and c >= 0:
            cells.setdefault(find(r * n_cols + c), []).append(word)
    # A merged cell's text goes to its top-left slot.
    first: dict[int, int] = {}
    for slot in range(n_rows * n_cols):
        first.setdefault(find(slot), slot)
    texts = [""] * (n_rows * n_cols)
    for root, members in cells.items():
        texts[first[root]] = _read_cell(members, height)
    if read_box is not None:
        _read_again(grid, find, first, cells, texts, read_box)
    rows: list[str] = []
    for r in range(n_rows):
        cells_text = texts[r * n_cols : (r + 1) * n_cols]
        if any(cells_text):
            rows.append("\t".join(cells_text))
    return rows


def _read_again(
    grid: Grid,
    find: Callable[[int], int],
    first: dict[int, int],
    cells: dict[int, list[Word]],
    texts: list[str],
    read_box: ReadBox,
) -> None:
    """Cells read again on their own, in place in ``texts``.

    The first row (a header, or the row a page break carried on): a header's short, bold,
    two-line cells are what a whole-page reading garbles most, and the table readers find
    their columns by the header's words. A first-column cell the page reading left empty:
    a row's number alone in a narrow cell is what tesseract most often drops.
    """
    xs, ys = grid.xs, grid.ys
    n_cols, n_slots = len(xs) - 1, (len(ys) - 1) * (len(xs) - 1)
    roots = [root for root in first if (root in cells and first[root] < n_cols)]
    roots += [root for root in first if root not in cells and first[root] % n_cols == 0 and first[root] >= n_cols]
    for root in roots:
        slots = [i for i in range(n_slots) if find(i) == root]
        box = (
            round(min(xs[i % n_cols] for i in slots)),
            round(min(ys[i // n_cols] for i in slots)),
            round(max(xs[i % n_cols + 1] for i in slots)),
            round(max(ys[i // n_cols + 1] for i in slots)),
        )
        text = " ".join(read_box(box).split())
        if root in cells and sum(ch.isalnum() for ch in text) >= 2:
            texts[first[root]] = text
        elif root not in cells and _ROW_NUMBER.fullmatch(text):
            texts[first[root]] = text


def _inside(word: Word, box: tuple[float, float, float, float]) -> bool:
    x0, y0, x1, y1 = box
    return x0 <= word.cx <= x1 and y0 <= word.cy <= y1


def layout_text(words: list[Word], grids: list[Grid], read_box: ReadBox | None = None) -> str:
    """The page's text: tesseract's reading outside the tables, each table as TAB-separated rows in its place."""
    if not grids:
        return plain_text(words)
    boxes = [g.box for g in grids]
    inside: list[list[Word]] = [[] for _ in grids]
    outside: list[Word] = []
    for word in words:
        for index, box in enumerate(boxes):
            if _inside(word, box):
                inside[index].append(word)
                break
        else:
            outside.append(word)
    height = line_height(words)
    # Only the page's first table gets its first row read again: the header, or the row a page
    # break carried on; a page of small forms would otherwise cost a reading per cell.
    tables = [
        table_rows(grid, inside[i], height, read_box=read_box if i == 0 else None) for i, grid in enumerate(grids)
    ]
    # Each table goes before the first line of running text that starts below its top.
    pending = [i for i in range(len(grids)) if tables[i]]
    parts: list[str] = []
    previous: tuple[int, int] | None = None
    for line in _lines(outside):
        top = min(w.top for w in line)
        while pending and boxes[pending[0]][1] <= top:
            parts.extend(tables[pending.pop(0)])
            previous = None
        para = (line[0].block, line[0].par)
        if previous is not None and para != previous:
            parts.append("")
        parts.append(" ".join(w.text for w in line))
        previous = para
    for index in pending:
        parts.extend(tables[index])
    return "\n".join(parts).strip("\n")
