"""A text file that is really a web page (a Word document saved as HTML, a gazette page): its text.

Paragraphs, headings, list items and ``<br>`` become lines, an empty paragraph Word wrote as ``&nbsp;`` an empty
line; a table row becomes one line with its cells
separated by tabs (the converter's table form the parser reads); entities (``&nbsp;``, ``&#7871;``) are
decoded; ``<head>``, scripts and styles are dropped. A paragraph that lays text out in columns with runs of
spaces (a PDF's text layer pasted into a page: "1    Tỷ lệ hộ nghèo    %    3,5") keeps those runs, so a table
laid out by columns is read as it is from the text itself.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# A page: a doctype or an <html> element at the top, or markup dense enough (paragraphs, cells, breaks).
_PAGE_START = re.compile(r"\A\s*(?:<!doctype html|<html[\s>]|<\?xml[^>]*>\s*<html)", re.IGNORECASE)
_BLOCK_TAG = re.compile(r"<(?:p|div|br|td|tr|li|h[1-6])[\s/>]", re.IGNORECASE)
_BLOCKS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "title",
                     "blockquote", "section", "article", "header", "footer", "pre"})
_SKIPPED = frozenset({"head", "script", "style", "noscript", "xml"})
_SPACE = re.compile(r"[ \t\r\n\f\u00a0]+")
# A laid-out line: a gap of three spaces or more between words, or two gaps of two (columns); a double space
# typed once in a sentence is not one.
_COLUMNS = re.compile(r"\S[ \u00a0]{3,}\S|\S[ \u00a0]{2,}\S.*?\S[ \u00a0]{2,}\S")
_LAYOUT_GAP = re.compile(r"[ \u00a0]{2,}")


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is markup rather than text that mentions a tag now and then."""
    if _PAGE_START.match(text[:500]):
        return True
    tags = len(_BLOCK_TAG.findall(text[:20000]))
    lines = text[:20000].count("\n") + 1
    return tags >= 5 and tags * 2 >= lines


def _gap(m: re.Match[str]) -> str:
    """A run of whitespace: spaces on one source line (non-breaking ones too) keep their width; a run with a line
    break or a tab in it is the markup's own and is one space."""
    return " " * len(m.group(0)) if _LAYOUT_GAP.fullmatch(m.group(0)) else " "


def _paragraph_text(raw: str) -> str:
    """A paragraph's text: whitespace collapsed, save the runs of spaces of a line laid out by columns."""
    if not _COLUMNS.search(raw):
        return _SPACE.sub(" ", raw).strip()
    return _SPACE.sub(_gap, raw).strip()


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        self.skip = 0

    def _flush(self) -> None:
        raw = "".join(self.current)
        line = _paragraph_text(raw)
        if line:
            self.lines.append(line)
        elif "\u00a0" in raw and self.lines and self.lines[-1]:
            # An empty paragraph Word wrote as "&nbsp;" is an empty line of the text (it sets paragraphs and a table's
            # cells apart, as an empty line does); one for a run of them.
            self.lines.append("")
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skip += 1
        elif tag == "tr":
            self._flush()
            self.row = []
        elif tag in ("td", "th"):
            self.cell = []
        elif self.cell is not None:
            if tag in _BLOCKS and self.cell and not "".join(self.cell).endswith(" "):
                self.cell.append(" ")  # paragraphs inside a cell stay in the cell
        elif tag in _BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skip = max(0, self.skip - 1)
        elif tag in ("td", "th") and self.cell is not None:
            if self.row is None:
                self.row = []
            self.row.append(_SPACE.sub(" ", "".join(self.cell)).strip())
            self.cell = None
        elif tag == "tr" and self.row is not None:
            if any(self.row):
                self.lines.append("\t".join(self.row))
            self.row = None
        elif tag in _BLOCKS and self.cell is None:
            self._flush()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        (self.cell if self.cell is not None else self.current).append(data)


def html_to_text(markup: str) -> str:
    """The text of an HTML page, one block a line, table rows as tab-separated cells."""
    reader = _Reader()
    reader.feed(markup)
    reader.close()
    reader._flush()
    return "\n".join(reader.lines)
