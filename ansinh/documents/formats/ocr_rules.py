"""Ruled tables in a scanned page: the grid of printed lines, found on the page image.

Vietnamese administrative tables (assignment annexes, lists of units) are printed with
ruling lines around every cell. On a scan those lines are long, thin runs of dark pixels:
horizontal runs far longer than any letter, vertical runs taller than any line of text.
A table is a set of such horizontal and vertical lines that cross each other; its cells
are the boxes between neighbouring lines, a box spanning several columns or rows where a
line between them is missing (a merged cell).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

# A pixel darker than this (0-255 grey) is ink.
_INK_LEVEL = 150
# The shortest ruling line, in inches: longer than any word, shorter than a narrow column.
_MIN_RULE_INCHES = 0.3
# Scans are slightly skewed and lines slightly broken: pixels within this many pixels
# (at 300 dpi) across a line count as the same line.
_RULE_SLACK = 4
# A faded line breaks: pieces this many pixels apart along it (at 300 dpi) are one line.
_RULE_GAP = 30
# The narrowest table, in inches: a seal's emblem is a denser grid of short lines, but smaller.
_MIN_TABLE_INCHES = 2.5
# Two lines end on the same crossing when they come within this many pixels (at 300 dpi);
# lines closer than this are one row or column boundary (a skewed or doubled rule).
_CROSS_SLACK = 36


@dataclass
class Rule:
    """One ruling line: ``pos`` across it (y of a horizontal, x of a vertical), ``start``-``end`` along it."""

    pos: float
    start: int
    end: int
    weight: int = 1
    last: float = -1.0

    def merge(self, other: Rule) -> None:
        total = self.weight + other.weight
        self.pos = (self.pos * self.weight + other.pos * other.weight) / total
        self.start = min(self.start, other.start)
        self.end = max(self.end, other.end)
        self.weight = total
        self.last = other.pos


@dataclass(frozen=True)
class Grid:
    """A ruled table: row boundaries ``ys`` and column boundaries ``xs`` (sorted, pixels) and its rules."""

    ys: tuple[float, ...]
    xs: tuple[float, ...]
    horizontals: tuple[Rule, ...]
    verticals: tuple[Rule, ...]

    @property
    def box(self) -> tuple[float, float, float, float]:
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]

    def has_vertical(self, x: float, y_from: float, y_to: float, slack: float) -> bool:
        """True when a rule at ``x`` runs through the middle of ``y_from``-``y_to``."""
        middle = (y_from + y_to) / 2
        return any(
            abs(v.pos - x) <= slack and v.start - slack <= middle <= v.end + slack for v in self.verticals
        )

    def has_horizontal(self, y: float, x_from: float, x_to: float, slack: float) -> bool:
        """True when a rule at ``y`` runs through the middle of ``x_from``-``x_to``."""
        middle = (x_from + x_to) / 2
        return any(
            abs(h.pos - y) <= slack and h.start - slack <= middle <= h.end + slack for h in self.horizontals
        )


def _runs(ink: np.ndarray, min_length: int) -> list[tuple[int, int, int]]:
    """Runs of ink along each row of ``ink``: (row, start, end) of those ``min_length`` long or more."""
    rows, width = ink.shape
    padded = np.zeros((rows, width + 2), dtype=np.int8)
    padded[:, 1:-1] = ink
    flat = np.diff(padded.ravel())
    starts = np.flatnonzero(flat == 1)
    ends = np.flatnonzero(flat == -1)
    keep = (ends - starts) >= min_length
    starts, ends = starts[keep], ends[keep]
    stride = width + 2
    return [(int(s // stride), int(s % stride), int(e % stride)) for s, e in zip(starts, ends, strict=True)]


def _rules(ink: np.ndarray, min_length: int, slack: int, gap: int) -> list[Rule]:
    """Ruling lines along the rows of ``ink`` (transpose it for vertical lines)."""
    # Thicken across the line and bridge small breaks along it, so that a skewed or
    # speckled line still gives long runs.
    thick = ink.copy()
    for shift in (1, 2):
        thick[shift:] |= ink[:-shift]
        thick[:-shift] |= ink[shift:]
    bridged = thick.copy()
    for shift in (1, 2, 3):
        bridged[:, shift:] |= thick[:, :-shift]
    # Pieces join the line whose last piece lies within ``slack`` across and ``gap`` along:
    # a skewed line is a chain of pieces a row apart, a faded one a chain of pieces a gap apart.
    rules: list[Rule] = []
    for row, start, end in _runs(bridged, min_length):
        piece = Rule(float(row), start, end, last=float(row))
        for rule in reversed(rules[-256:]):
            if abs(rule.last - row) <= slack and start <= rule.end + gap and rule.start <= end + gap:
                rule.merge(piece)
                break
        else:
            rules.append(piece)
    return rules


def _crosses(h: Rule, v: Rule, slack: float) -> bool:
    return h.start - slack <= v.pos <= h.end + slack and v.start - slack <= h.pos <= v.end + slack


def _cluster(values: list[float], slack: float) -> list[float]:
    out: list[list[float]] = []
    for value in sorted(values):
        if out and value - out[-1][-1] <= slack:
            out[-1].append(value)
        else:
            out.append([value])
    return [sum(group) / len(group) for group in out]


def find_grids(image: Image.Image, dpi: int = 300) -> list[Grid]:
    """The ruled tables of a page image, top to bottom."""
    gray = np.asarray(image.convert("L") if image.mode != "L" else image)
    ink = gray < _INK_LEVEL
    scale = dpi / 300
    min_length = max(20, int(_MIN_RULE_INCHES * dpi))
    slack = max(2, round(_RULE_SLACK * scale))
    cross = _CROSS_SLACK * scale
    gap = round(_RULE_GAP * scale)
    horizontals = _rules(ink, min_length, slack, gap)
    verticals = _rules(ink.T, min_length, slack, gap)
    # Keep lines that cross at least two lines of the other direction (a cell's sides);
    # underlines and stray strokes do not.
    for _ in range(3):
        horizontals = [h for h in horizontals if sum(_crosses(h, v, cross) for v in verticals) >= 2]
        verticals = [v for v in verticals if sum(_crosses(h, v, cross) for h in horizontals) >= 2]
    # Tables are the connected groups of crossing lines.
    parent = list(range(len(horizontals) + len(verticals)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h in enumerate(horizontals):
        for j, v in enumerate(verticals):
            if _crosses(h, v, cross):
                parent[find(i)] = find(len(horizontals) + j)
    groups: dict[int, tuple[list[Rule], list[Rule]]] = {}
    for i, h in enumerate(horizontals):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(verticals):
        groups.setdefault(find(len(horizontals) + j), ([], []))[1].append(v)
    grids: list[Grid] = []
    for hs, vs in groups.values():
        ys = _cluster([h.pos for h in hs], cross)
        xs = _cluster([v.pos for v in vs], cross)
        # A table has at least two columns and one row: a lone framed box is a heading or a stamp.
        if len(ys) >= 2 and len(xs) >= 3 and xs[-1] - xs[0] >= _MIN_TABLE_INCHES * dpi:
            grids.append(Grid(tuple(ys), tuple(xs), tuple(hs), tuple(vs)))
    grids.sort(key=lambda g: g.ys[0])
    return grids


# A pixel this dark or darker belongs to a rule being erased (its grey fringe too).
_ERASE_LEVEL = 200


def erase_rules(image: Image.Image, grids: list[Grid], dpi: int = 300) -> Image.Image:
    """A copy of the page with the tables' ruling lines painted white.

    tesseract's page segmentation stumbles on rules: it reads them as "|" and "_", and it
    drops short text boxed in by them (a row's number in a narrow first column). Only long
    straight runs of ink inside a table's box are erased; letters are left as they are.
    """
    gray = np.array(image.convert("L") if image.mode != "L" else image)
    min_length = max(20, int(_MIN_RULE_INCHES * dpi))
    margin = round(_CROSS_SLACK * dpi / 300)
    height, width = gray.shape
    for grid in grids:
        x0, y0, x1, y1 = grid.box
        left, top = max(0, int(x0) - margin), max(0, int(y0) - margin)
        right, bottom = min(width, int(x1) + margin), min(height, int(y1) + margin)
        region = gray[top:bottom, left:right]
        ink = region < _ERASE_LEVEL
        erase = np.zeros_like(ink)
        for along_rows in (True, False):
            view = ink if along_rows else ink.T
            bridged = view.copy()
            bridged[:, 1:] |= view[:, :-1]
            mask = np.zeros_like(view)
            for row, start, end in _runs(bridged, min_length):
                mask[row, start:end] = True
            mask &= view
            # The fringe one pixel across the line goes too.
            grown = mask.copy()
            grown[1:] |= mask[:-1]
            grown[:-1] |= mask[1:]
            erase |= grown if along_rows else grown.T
        region[erase] = 255
    return Image.fromarray(gray)
