"""Where a page breaks a table of tab-separated rows: the empty lines, page numbers and running headers it leaves.

:func:`tables.find_tables` reads a table's lines past them when the table goes on after them.
"""

from __future__ import annotations

from ansinh.documents.parsing.clean import Doc


def page_mark(text: str, after_break: bool) -> bool:
    """Whether a line without cells is only a mark a page break left in a scan's table: a rule's "|", "§" anywhere, or,
    right after an empty line (where the page broke), a letter pair or a page number OCR read off the page's edge
    ("li", "12") — three characters at most. A short line right under a row is a cell's wrapped word ("an")."""
    mark = text.strip()
    if not mark or len(mark) > 3 or "\t" in text:
        return False
    return after_break or not any(ch.isalnum() for ch in mark)


def _after_empty(doc: Doc, lines: list[tuple[int, int]], k: int) -> bool:
    return k > 0 and not doc.text[lines[k - 1][0] : lines[k - 1][1]].strip()


def next_line(doc: Doc, lines: list[tuple[int, int]], j: int) -> int | None:
    """The next line after ``j`` with text, past page noise the cleaner blanked or left (:func:`page_mark`) and two
    empty lines at most."""
    empty = 0
    for k in range(j + 1, min(j + 8, len(lines))):
        s, e = lines[k]
        text = doc.clean[s:e]
        if text.strip() and not page_mark(text, _after_empty(doc, lines, k)):
            return k
        if not doc.text[s:e].strip():
            empty += 1
            if empty > 2:
                return None
    return None


class Block:
    """The lines of a table being read, with what its gaps so far say, kept as lines are added (not re-read per line):
    ``spaced``, an empty line after each line (a PDF export); ``packed``, two lines with no empty line between them."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.lines: list[tuple[int, int]] = []
        self.spaced = True
        self.packed = False

    def __bool__(self) -> bool:
        return bool(self.lines)

    def append(self, line: tuple[int, int]) -> None:
        if self.lines:
            end, start = self.lines[-1][1], line[0]
            gap = self.doc.clean[end:start]
            self.spaced = self.spaced and not gap.strip() and gap.count("\n") >= 2
            # A rule or page number the cleaner blanked may stand between two packed lines.
            self.packed = self.packed or all(part.strip() for part in self.doc.text[end + 1 : start].split("\n")[:-1])
        self.lines.append(line)


def resumes(doc: Doc, lines: list[tuple[int, int]], j: int, block: Block) -> bool:
    """Whether the table goes on after the empty line ``j``: the next line has as many cells as the table's first, or
    fewer with its first cell empty (a row's next line whose trailing empty cells a copy trimmed), or the table so far has an empty line after each line (a PDF export) and the next line has cells or carries on one."""
    width = doc.clean[block.lines[0][0] : block.lines[0][1]].count("\t")
    k = next_line(doc, lines, j)
    if k is None:
        return False
    text = doc.clean[lines[k][0] : lines[k][1]]
    if "\t" in text and text.count("\t") == width:
        return True
    first = doc.clean[block.lines[0][0] : block.lines[0][1]].split("\t")
    named = sum(1 for cell in first if cell.strip())
    if "\t" in text and named < len(first) and text.count("\t") == named - 1:
        return True  # the next page read without the columns the first line leaves empty (OCR of a scan's layout)
    if text.lstrip(" ").startswith("\t") and text.count("\t") < width:
        return True  # a row's next line (its first cell empty: no table opens so), its empty last cells trimmed away
    return block.spaced and ("\t" in text or next_has_tab(doc, lines, k))


def running_head(doc: Doc, lines: list[tuple[int, int]], j: int | None, block: Block) -> bool:
    """Whether line ``j``, without cells, stands alone between empty lines inside a table whose lines follow each other
    (no empty line between two of them), the table going on after it: a page's running header, not a cell's text."""
    if j is None or j == 0 or j + 1 >= len(lines) or "\t" in doc.clean[lines[j][0] : lines[j][1]]:
        return False
    above, below = lines[j - 1], lines[j + 1]
    if doc.text[above[0] : above[1]].strip() or doc.text[below[0] : below[1]].strip():
        return False
    # Two lines of the table with no empty line between them.
    return block.packed and next_has_tab(doc, lines, j)


def stray_mark(doc: Doc, lines: list[tuple[int, int]], j: int, block: Block) -> bool:
    """Whether line ``j`` is a page's mark (:func:`page_mark`) inside a table that goes on after it; a letter pair only
    where a page broke a table whose rows follow each other (not in an export with an empty line after every line)."""
    text = doc.clean[lines[j][0] : lines[j][1]]
    return page_mark(text, _after_empty(doc, lines, j) and not block.spaced) and next_has_tab(doc, lines, j)


def next_has_tab(doc: Doc, lines: list[tuple[int, int]], j: int) -> bool:
    """Whether the next line with text after ``j`` has cells."""
    k = next_line(doc, lines, j)
    return k is not None and "\t" in doc.clean[lines[k][0] : lines[k][1]]
