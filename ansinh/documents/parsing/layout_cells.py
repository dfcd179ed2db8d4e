"""Cells of a table a PDF text layer laid out by columns: a line's runs, the column each run sits in, and lines that
lost their indentation put back under their columns (used by :mod:`target_layout`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ansinh.documents.parsing.clean import Doc, squeeze
from ansinh.documents.parsing.work_rows import number_mark

_RUN = re.compile(r"\S+(?:[ \t]\S+)*")
ROW_NUMBER = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*\.?|[IVX]{1,5}\.?|[a-zđ][.)])$")
_VALUE_TOKEN = re.compile(r"(?:[<>≤≥]=?\s?)?\d[\d.,]*%?")
# Value tokens a run opens with, each followed by one space, when the run goes on after them.
_LEADING_VALUES = re.compile(r"^(?:(?:[<>≤≥]=?\s?)?\d[\d.,]*%?(?: |$))+(?=\S|$)")
BARE_VALUE = re.compile(r"^(?!(?:19|20)\d\d$)[<>≤≥=~]*\s*\d[\d.,]*\s*%?$")  # a value, not a year


@dataclass
class Column:
    start: int
    end: int
    words: list[str] = field(default_factory=list)


def line_runs(line: str) -> list[tuple[int, int, str]]:
    """Text runs of a line separated by two spaces or more: (start, end, text)."""
    return [(m.start(), m.end(), m.group(0)) for m in _RUN.finditer(line.replace("\t", " "))]


# A row number the layout left one space from its name ("11.10 Tỉ lệ …" where the number column is narrow).
_NUMBER_THEN_TEXT = re.compile(r"^(\d{1,3}(?:\.\d{1,3})*\.?|[IVX]{1,5}\.?) (?=\S)")


def row_runs(line: str, numbered: bool) -> list[tuple[int, int, str]]:
    """The runs of a body line (from the clean view: case kept), a row number glued to its name split off."""
    runs = line_runs(line)
    if any(_LEADING_VALUES.match(text) for _, _, text in runs):
        # Cells of neighbouring columns one space apart ("25.000 26.000 28.000 Sở Nội vụ"): each value on its
        # own, placed by its position (pieces that fall in one column are joined again).
        split: list[tuple[int, int, str]] = []
        for rs, re_, text in runs:
            m = _LEADING_VALUES.match(text)
            if m is None:
                split.append((rs, re_, text))
                continue
            split += [(rs + v.start(), rs + v.end(), v.group(0)) for v in _VALUE_TOKEN.finditer(m.group(0))]
            if m.end() < len(text):
                split.append((rs + m.end(), re_, text[m.end() :]))
        runs = split
    if numbered and runs:
        s, e, text = runs[0]
        m = _NUMBER_THEN_TEXT.match(text)
        if m:
            runs[0:1] = [(s, s + len(m.group(1)), m.group(1)), (s + m.end(), e, text[m.end() :])]
    return runs



def column_of(columns: list[Column], s: int, e: int) -> int | None:
    """The column a run [s, e) sits in: the one it overlaps most, each column reaching left to halfway
    from the column before it (a centred cell starts left of its header)."""
    best, best_overlap = None, 0
    for k, col in enumerate(columns):
        right = columns[k + 1].start if k + 1 < len(columns) else 10**6
        left = 0 if k == 0 else (columns[k - 1].end + col.start) // 2
        lo, hi = max(s, left), min(e, right)
        if hi - lo > best_overlap:
            best, best_overlap = k, hi - lo
    return best


def stripped(doc: Doc, s: int, runs: list[tuple[int, int, str]]) -> bool:
    """Whether a table line lost its indentation (a PDF's text pasted into a page that trims each line): it starts
    with text at its first character, and that text is no row number, so it cannot be the number column's."""
    # (A list mark alone in its cell, "-" before a gap, opens a row of an assignment table in the number column too;
    # "+ Hỗ trợ …" is a work cell's item.)
    return (bool(runs) and runs[0][0] <= 1 and not doc.text[s : s + 1].isspace() and not ROW_NUMBER.match(runs[0][2])
            and not (len(runs) > 1 and number_mark(runs[0][2]) and len(runs[0][2]) == 1))


def rejoined(runs: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Runs of a line that lost its indentation with a punctuation mark's moved space put back together: word
    segmentation writes "trọng , thuộc", which the clean view reads as "trọng,  thuộc" (one cell, not two)."""
    out: list[tuple[int, int, str]] = []
    for rs, re_, text in runs:
        if out and rs - out[-1][1] == 2 and out[-1][2][-1:] in ",;:.)":
            ps, _, ptext = out[-1]
            out[-1] = (ps, re_, f"{ptext}  {text}")
        else:
            out.append((rs, re_, text))
    return out


def realigned_columns(runs: list[tuple[int, int, str]], columns: list[Column], before: dict[int, str],
               widths: list[int], wraps: bool = True, inside: bool = True) -> list[int] | None:
    """The columns of a line's runs when the line lost its indentation, or None when it does not fit the table.

    Several runs keep their gaps: the line is shifted so that each run starts at a column's start (ties go to the
    columns the line before had text in). One run goes on a cell of the line before that wrapped there: the rightmost
    such cell whose next word would not have fit, else the rightmost cell the run fits in."""
    text = " ".join(t for _, _, t in runs)
    if text.isupper() and len(re.findall(r"[^\W\d_]{2,}", text)) >= 2:
        return None  # a heading after the table ("PHỤ LỤC II"), not an acronym wrapped in its cell ("(HDI)")
    starts = [c.start for c in columns]
    if len(runs) >= 2:
        best: tuple[tuple[int, int], list[int]] | None = None
        for k in range(1, len(columns)):
            shift = starts[k] - runs[0][0]
            cols: list[int] = []
            # A word wider than its column pushes the next column right, and the columns after it ("nguyên  thôn"):
            # where the run before ends, shifted, and how far the line has drifted so.
            pushed, drift, merged = -1, 0, 0
            for rs, re_, _ in runs:
                at = rs + shift - drift
                hit = next((j for j, st in enumerate(starts) if abs(st - at) <= 1), None)
                if hit is None:
                    hit = next((j for j, st in enumerate(starts) if st < at <= st + 3 and pushed + 2 > st
                                and (not cols or j > cols[-1])), None)
                nxt = cols[-1] + 1 if cols else len(starts)
                if hit is None and nxt < len(starts) and starts[nxt] < pushed + 2:
                    # A word far wider than its narrow column ("ĐềnghịTòaán" under "Bộ") pushes the next cell to two
                    # spaces after it, however far past that cell's column start, and the cells after it as far.
                    over = pushed + 2 - starts[nxt]
                    hit = next((j for j, st in enumerate(starts) if j >= nxt and abs(st - (at - over)) <= 1), None)
                if hit is not None and abs(starts[hit] - at) > 1:
                    drift += rs + shift - drift - starts[hit]
                same = hit is None and bool(cols) and 0 < at - pushed <= 2  # a value split off its cell ("2020 sẽ bố trí")
                hit = cols[-1] if same else hit
                merged += same
                pushed = re_ + shift - drift
                if hit is None or (cols and hit < cols[-1]) or (cols and hit == cols[-1] and not same):
                    break
                cols.append(hit)
            if len(cols) == len(runs):
                # (Of shifts as good, the one that keeps runs two spaces apart in columns of their own.)
                score = (sum(c in before for c in cols), -merged)
                if best is None or score > best[0]:
                    best = (score, cols)
        return best[1] if best else (_inside_columns(runs, starts, before, widths) if inside else None)
    length = runs[0][1] - runs[0][0]
    first_word = runs[0][2].split()[0]
    fits = [c for c in sorted(before) if c >= 1 and length <= widths[c] + 1]
    last = len(columns) - 1
    # A cell of the line before filled its column up to the next word (the last column's width is not known; a
    # bare value does not go on with words).
    wrapped = [c for c in fits if wraps and c != last and not BARE_VALUE.match(before[c])
               and len(before[c]) + 1 + len(first_word) >= widths[c]]
    if not wraps and len(fits) > 1:
        # A header's labels: the narrowest column wraps into the most lines ("Cơ" / "quan" / "chủ" / "trì" beside
        # "Thời" / "gian"); the last column's width is not known, so it counts as the widest.
        return [min(fits, key=lambda c: (widths[c], -c))]
    return [(wrapped or fits)[-1]] if fits else None


def _inside_columns(runs: list[tuple[int, int, str]], starts: list[int], before: dict[int, str],
                    widths: list[int]) -> list[int] | None:
    """The columns of a line's runs that do not all start at column starts (a cell centred in its column, a scan's
    specks in one): the line shifted so that its first run starts at a column's start and every run lies within a
    column of its own, left to right; ties go to the columns the line before had text in."""
    best: tuple[int, list[int]] | None = None
    for k in range(1, len(starts)):
        shift = starts[k] - runs[0][0]
        cols: list[int] = []
        for rs, re_, _ in runs:
            at, end = rs + shift, re_ + shift
            hit = max((j for j, st in enumerate(starts) if st <= at), default=None)
            if hit is None or (cols and hit <= cols[-1]):
                break
            right = starts[hit + 1] if hit + 1 < len(starts) else starts[hit] + widths[hit] + 2
            if end > right:
                break
            cols.append(hit)
        if len(cols) == len(runs):
            score = sum(c in before for c in cols)
            if best is None or score > best[0]:
                best = (score, cols)
    return best[1] if best else None


def joined(parts: list[str]) -> str:
    """Cell pieces joined; a word broken with a hyphen at a line end is read whole."""
    text = " ".join(parts)
    return squeeze(re.sub(r"([^\W\d_])- ([^\W\d_])", r"\1\2", text) if "- " in text and " - " not in text else text)
