"""Same-length repairs of converter, tokenizer and OCR noise, applied to the clean view (see :mod:`clean`).

Each function reads the caller's ``text`` and writes into ``chars`` (the clean view being built), never
changing its length, so offsets stay offsets into the caller's text:

- Markdown escapes (``1\\.``, ``\\-``, ``a\\)``) lose their backslash, the mark moving next to its number;
- underscore emphasis (``__1.__``, ``_Mục tiêu_``) is blanked (segmentation marks between syllables are not
  emphasis: :mod:`clean` reads them as spaces);
- a roman list mark OCR read with ``1`` for ``I`` (``1I.``, ``V1.``) reads ``II.``, ``VI.``; an ``l`` is left to the
  outline, which numbers such doubtful marks by their sequence (``Il.`` after ``II.`` is ``III.``); ``©)`` at a
  line start reads ``c)``; a ``0`` between capitals reads ``O``;
- a year or a day OCR split with a stray space (``2 025``, ``ngày 1 5 tháng``) is joined, the space moving aside;
- a word segmenter's spaces before punctuation (``chủ trì , phối hợp``, ``tế )``) move after the punctuation,
  those after an opening quote or bracket (``“ Điều 12 .``) before it;
- a line of justified prose a PDF converter spaced with tabs ("a)\t\t\tRà\t\tsoát\t\tcác\t\tquy\t\tđịnh") has its tabs
  read as spaces: its cells are single words, not a table's cells;
- a sentence a PDF's text layer wrapped (a line ending without a stop, the next starting in lower case and
  not with a list mark) is one line again, across a page number or running header blanked between them;
- a full-width line of prose a PDF's text layer padded with tabs (justified text, "… kế hoạch vốn\t\t") reads
  its tabs as spaces, and so does a list item set off by tabs right under such a line ("\t2.\tGiao Sở …").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ansinh.documents.parsing.line_patterns import line_matches
from ansinh.documents.parsing.outline_ocr_marks import read_doubtful_marks
from ansinh.lib.roman import roman_value

# A backslash escaping ASCII punctuation, as Markdown converters write list marks ("1\\.", "\\-", "\\*").
ESCAPE = re.compile(r"\\(?=[.)(\-+*_#\[\]!>|`])")
# Runs of underscores; those of one to three around a word are emphasis (see _blank_emphasis), those between
# two letters are segmentation marks, longer ones rules ("________").
_UNDERSCORES = re.compile(r"_+")
# The specks a scan's margin or a ruled line leaves before an item mark at a line start, underscores and dots as OCR
# reads them ("_ 3. Chú trọng …", "__..5. Phát triển …", "_..8) Rà soát …", "____đ) Phát triển …"): blanked, so that
# the mark opens its item (Decree 30/2020 marks "1.", "1.1.", "a)", "II." at the line start). One underscore at least.
_MARGIN_BEFORE_MARK = re.compile(
    r"(?m)^[ \t]*((?=[_. ]*_)[_.][_. ]*?)(?=(?:\d{1,2}(?:\.\d{1,2}){0,3}[.,)]|[a-zđ©¢ø]\)|[IVX]{1,5}[.\-])[ \t])"
)
# A roman list mark at a line start, perhaps with OCR's l/1 for I ("Il.", "1I.", "lII.", "V1.", "ll."): a true
# roman letter or two letters at least ("l)" alone is a lettered item).
_ROMAN_MARK = re.compile(r"(?m)^([ \t]*)(?=[IVXl1]{0,5}[IVXl])([IVXl1]{1,6})(?=[.)\-:][ \t])")
_COPYRIGHT_C = re.compile(r"(?m)^([ \t]*)©( ?)(?=[).][ \t])")  # "© )": a segmenter split it from its bracket too
_ZERO_FOR_O = re.compile(r"0(?=[^\W\d_])")  # between two capitals (checked)
# "2 025": a year split by one space after its first digit (a year of this century or the last), alone between non-digits.
_SPLIT_YEAR = re.compile(r"(?:1 9|2 0)\d\d(?![\d%]|[.,/]\d)")  # not after a digit, dot, comma or slash (checked)
# A day or month split the same way, after "ngày "/"tháng " (checked): "ngày 1 5 tháng 6", "ngày 2 0/6", "ngày 2 0 của tháng
# cuối quý", "ngày 2 0 hằng tháng", the word after it perhaps on the next line.
_SPLIT_DAY = re.compile(r"\d \d(?=[ \t\n](?:th[áa]ng|n[ăa]m|c[ủu]a|h[ằàa]ng|TH[ÁA]NG|N[ĂA]M)[ \t\n]|\s*/)")
# A space a tokenizer put before punctuation that ends a word ("trì , phối", "tế )", "hiện ."); not a list
# mark's dot ("1 ." is :mod:`clean`'s split mark), not an ellipsis or an opening bracket.
# ... and after an opening quote or bracket ("“ Điều 12 .", "( Sở Y tế"): the opener moves next to its word.
_SPACE_AFTER_OPEN = re.compile(r"[“(] (?=\w)")
# A bracket a segmenter spaced out on both sides, on one line, after a space or at a line start ("Thời gian ( Năm 2026 )",
# "Sở Y tế ( chủ trì )"), with the punctuation a segmenter spaced after it and the space after that when there is one.
# (``(?<![^ \t\n])\( …``, the look-behind after the bracket: the engine skips to a bracket, the same matches.)
_SPACED_BRACKET = re.compile(r"\((?<![^ \t\n]\() [^()\t\n]{1,80}? \)(?: [,;:.](?=[ \n]|$))? ?")
# A space before the punctuation that closes a word, inside a closed-up bracket and right after it.
_GLUED = re.compile(r" (?=[,;:.)!?])")
# (The mark first, the space before it looked behind at: the engine skips from mark to mark, not from space to space.)
_SPACE_BEFORE_PUNCT = re.compile(r"[,;:)!?.](?<= [,;:)!?.])(?=[ \n]|$)")  # after a letter (checked)
# ... and inside a flattened article, after a clause end or a title, an item mark split from its dot ("dụng : 1 . Nghị quyết", "công dân số 1 . Tuân thủ",
# "sau : a ) Bộ"): the dot moves next to its number, as :mod:`clean` does at a line start.
# A bracketed item mark a segmenter spaced out at a line start ("( 1 ) Tiếp tục …", " ( a ) Bộ …").
_SPLIT_PAREN_MARK = re.compile(r"(?m)^[ \t]*(\( ?(\d{1,2}|[a-zđ]) ?\))(?= )")
# (``(?<=\S) +…``, the look-behind after the first space: the engine skips to a space, the same matches.)
_INLINE_SPLIT_MARK = re.compile(r" (?<=\S ) *(?:\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ])( )([.)])(?= +[A-ZĐÀ-Ỹ])")


# A line with tabs between its words (at least six tabs).
_TABBED_LINE = re.compile(r"(?m)^[^\t\n]*(?:\t[^\t\n]*){6,}$")
# A "cell" of justified prose: one to three words or syllables, no digits ("Rà", "công t", "cháy và", "a)").
_WORD_CELL = re.compile(r"(?:[^\W\d_]+[,.;:)]?|[,;)])(?: (?:[^\W\d_]+[,.;:)]?|[,;)])){0,2}")


def _untab_justified(text: str, chars: list[str]) -> None:
    """Tabs inside a line of justified prose become spaces (same length).

    A table row's cells hold numbers, marks or phrases, a header's cells open with capitals; a justified line's
    "cells" are words, often syllables: six or more non-empty cells, at least three in four a word or two without
    digits, at least half of them opening in lower case, at least four distinct."""
    for start, end in _tabbed_lines(text):
        cells = [c.strip() for c in text[start:end].split("\t") if c.strip()]
        if len(cells) < 6 or len(set(cells)) < 4:
            continue
        words = sum(1 for c in cells if _WORD_CELL.fullmatch(c))
        lower = sum(1 for c in cells if not c[0].isupper())
        if words * 4 >= len(cells) * 3 and lower * 2 >= len(cells):
            for i in range(start, end):
                if chars[i] == "\t":
                    chars[i] = " "


_SIX_TABS = re.compile(r"\t(?:[^\t\n]*\t){5}")  # six tabs on one line, found from the tabs (the engine skips to one)


def _tabbed_lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every line ``_TABBED_LINE`` matches, in order (it tries every line start, reading the line)."""
    pos = 0
    while (m := _SIX_TABS.search(text, pos)) is not None:
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        if end == -1:
            yield start, len(text)
            return
        yield start, end
        pos = end + 1


def repair(text: str, chars: list[str]) -> None:
    """Apply every repair of this module to ``chars`` (the clean view of ``text``, same length)."""
    if "\t" in text:
        _untab_justified(text, chars)
    if "\\" in text:
        for m in ESCAPE.finditer(text):
            i = m.start()
            if i + 1 < len(chars) and chars[i + 1] not in "\n\t":
                chars[i], chars[i + 1] = chars[i + 1], " "
    if "_" in text:
        for m in _UNDERSCORES.finditer(text):
            _blank_emphasis(text, chars, m.start(), m.end())
        for m in line_matches(_MARGIN_BEFORE_MARK, text):
            chars[m.start(1) : m.end(1)] = [" "] * (m.end(1) - m.start(1))
    last = 0
    joined = "".join(chars)
    view: str | None = joined
    for m in line_matches(_ROMAN_MARK, joined):  # markup blanked already: "<b>II. …</b>" counts
        token = m.group(2)
        value = roman_value(token.replace("l", "I").replace("1", "I"))
        if value is None or (len(token) < 2 and token not in "IVX"):
            continue
        if not set(token) & set("l1"):
            last = value
        elif value > last:  # "1I." after "I." is "II."
            chars[m.start(2) : m.end(2)] = list(token.replace("l", "I").replace("1", "I"))
            last = value
            view = None
        else:  # "Il." after "II.": left to the outline, which numbers doubtful marks by their sequence
            chars[m.start(2) : m.end(2)] = list(token.replace("1", "l"))
            last += 1
            view = None
    read_doubtful_marks(chars, view)  # the view joined above while no roman mark changed it
    if "©" in text:
        for m in line_matches(_COPYRIGHT_C, text):
            chars[m.end(1)] = "c"
            if m.group(2):
                chars[m.start(2)], chars[m.end(2)] = text[m.end(2)], " "
    for m in _ZERO_FOR_O.finditer(text):
        i = m.start()
        if i > 0 and text[i - 1].isupper() and text[i + 1].isupper():
            chars[i] = "O"
    for m in _SPLIT_YEAR.finditer(text) if "1 9" in text or "2 0" in text else ():  # what the pattern opens with
        if m.start() == 0 or text[m.start() - 1] not in "0123456789.,/":
            _join_digits(chars, m.start(), m.end())
    for m in _SPLIT_DAY.finditer(text):
        before = text[max(0, m.start() - 6) : m.start()].lower()
        if before[:-1].endswith(("ngày", "ngay", "tháng", "thang")) and before[-1:] in (" ", "\n"):
            _join_digits(chars, m.start(), m.end())
    spaced = [m for m in _SPACED_BRACKET.finditer(text) if chars[m.start()] == "("] if "( " in text else []
    opened = {m.start() for m in spaced}
    for m in _SPACE_AFTER_OPEN.finditer(text) if "( " in text or "“ " in text else ():
        i = m.start()
        if i in opened:
            continue  # a spaced bracket on one line: closed up below, once its inner punctuation is repaired
        if (i == 0 or text[i - 1] in " \t\n") and chars[i] == text[i] and chars[i + 1] == " ":
            chars[i], chars[i + 1] = " ", text[i]
    if " ) " in text:
        for m in line_matches(_SPLIT_PAREN_MARK, text):
            mark = f"({m.group(2)})"
            chars[m.start(1) : m.end(1)] = list(mark.ljust(m.end(1) - m.start(1)))
    if " . " in text or " ) " in text:
        for m in _INLINE_SPLIT_MARK.finditer(text):
            i = m.start(1)
            if chars[i] == " " and chars[i + 1] == m.group(2):
                chars[i], chars[i + 1] = m.group(2), " "
    for m in _SPACE_BEFORE_PUNCT.finditer(text):  # a scan for the mark is cheaper than seven looks for a pair
        i, mark = m.start() - 1, m.group()  # the space before the mark
        if i > 0 and text[i - 1].isalpha() and chars[i] == " " and chars[i + 1] == mark:
            chars[i], chars[i + 1] = mark, " "
    for m in spaced:
        _close_bracket(chars, m.start(), m.end())


def _close_bracket(chars: list[str], start: int, end: int) -> None:
    """A bracket a segmenter spaced out ("( Năm 2026 )") written closed up, its words one space apart, the spare spaces
    after it ("(Năm 2026)  "), same length: the opener moved next to its word would leave two spaces before it, which
    a table laid out with spaces reads as a column gap ("Thời gian  (Năm 2026)" as two cells)."""
    words = "".join(chars[start:end]).split()
    if not words or words[0] != "(":
        return
    closed = _GLUED.sub("", "(" + " ".join(words[1:]))
    if len(closed) <= end - start:
        chars[start:end] = list(closed.ljust(end - start))


def _join_digits(chars: list[str], start: int, end: int) -> None:
    """The digits of ``start:end`` side by side, its spaces moved after them when a space follows (so
    "năm 2 030 " reads "năm 2030  "), else before them ("2 025," reads " 2025,"); same length."""
    digits = [c for c in chars[start:end] if c.isdigit()]
    gap = end - start - len(digits)
    if len(digits) < 2 or gap < 1 or any(c not in " " and not c.isdigit() for c in chars[start:end]):
        return
    after = end >= len(chars) or chars[end] in " \t\n"
    chars[start:end] = digits + [" "] * gap if after else [" "] * gap + digits


# A line a wrap cut: it ends inside a sentence (a letter, a digit, a comma, a hyphen, an opening bracket).
_OPEN_END = re.compile(r"[^\W_]|[,\-–(]")
# The next line goes on with the sentence: a lower-case word that is not a list mark ("a)", "b.", "đ -", "c/").
_GOES_ON = re.compile(r"[ \t]*(?![a-zđ][ \t]*[.)\-/][ \t])(\w)")
_COLUMN_GAP = re.compile(r"\S {3,}\S")
# A line break, with up to two lines blanked already (page furniture) after it, before a word.
_LINE_BREAK = re.compile(r"\n(?:[ \t]*\n){0,2}(?=[ \t]*\w)")


# A line of running text as wide as the page (Decree 30/2020 body text, 13-14 pt on A4: 60-80 characters).
_PROSE_WIDTH = 55
# A list mark set off by tabs, then the item's text ("\t2.\tGiao Sở Lao động …", "b)\tThường xuyên …").
# A word segmenter may have split the mark from its dot and set a space before the tab ("\t2 . \tGiao …").
_TABBED_ITEM = re.compile(r"[ \t]*(?:\d{1,2}(?:\.\d{1,2}){0,2} ?[.)]|[a-zđ] ?\)) ?\t+(?=[A-ZĐÀ-Ỹa-zđà-ỹ])[^\t]+")


# An item whose sentence a tab gap splits mid-phrase ("5. Thực hiện nhiệm vụ\t\tđánh giá, công nhận …"): the words
# after the gap go on in lower case, as no cell of a table row opens.
_SPLIT_ITEM = re.compile(r"[ \t]*(?:\d{1,2}(?:\.\d{1,2}){0,2}\.|[a-zđ]\))[ \t]+[A-ZĐÀ-Ỹ][^\t]*[^\t.:;,]\t+[a-zđà-ỹ][^\t]+")


# A numbered item a tab indents ("\t1. Giao …", "\ta) Rà soát …"): the first line of an indented paragraph.
_MARKED = re.compile(r"\t+(?:\d{1,2}(?:\.\d{1,2}){0,2}\.|[a-zđ]\)) [A-ZĐÀ-Ỹ]")


def prose_tabs(text: str, chars: list[str]) -> None:
    """Read the tabs of prose lines as spaces (same length), so a padded paragraph is not taken for a table.

    A table row holds several cells and its first column is narrow; a line whose only text is one cell at the
    line start, as wide as the page, with nothing but tabs after it, is running text, and so is the line after
    it that ends its paragraph the same way, or a list item set off by tabs ("\t2.\tGiao …"), or a numbered paragraph
    whose every line a word processor's indent opened with a tab ("\t1. Giao …", "\tbáo cáo …"). Tables laid out
    this way have rows with two or more filled cells, which are left alone.
    """
    if "\t" not in text:
        return
    after_prose = after_row = False
    start = 0
    size = len(text)
    while start < size:
        end = text.find("\n", start)
        end = size if end == -1 else end
        body = text[start:end].rstrip(" \t")
        if body.strip():
            one_cell = "\t" not in body and not body.startswith(" \t")
            wide = len(body) >= _PROSE_WIDTH
            # a paragraph indented by a tab on every line ("\t1. Giao …", "\tliên quan …"), not under a row of cells
            indented = wide and not after_row and "\t" not in body.lstrip("\t") and (
                after_prose or _MARKED.match(body) is not None)
            prose = (one_cell and (wide or after_prose)) or indented or (
                after_prose and wide and _TABBED_ITEM.fullmatch(body) is not None
            ) or (wide and _SPLIT_ITEM.fullmatch(body) is not None)
            if prose and "\t" in text[start:end]:
                for i in range(start, end):
                    if text[i] == "\t":
                        chars[i] = " "
            after_prose = prose or ("\t" not in body and wide)
            after_row = not prose and ("\t" in body.strip(" \t") or (after_row and body.startswith("\t")))
        start = end + 1


def join_wrapped_lines(text: str, chars: list[str]) -> str:
    """Make a wrapped sentence one line of the clean view again (its newlines read as spaces).

    A table row a page broke inside a cell is joined the same way when its two parts hold no more cells
    than the rows around it; lines blanked already (page furniture) between the two halves are stepped over.
    Lines with a column gap (a table laid out with spaces, see :mod:`layout_tables`) are left alone.
    Returns the clean view joined (``chars`` as one string), put together by slices around the joined breaks.
    """
    clean = "".join(chars)
    joined: list[tuple[int, int]] = []
    for m in _LINE_BREAK.finditer(clean):
        start = clean.rfind("\n", 0, m.start()) + 1
        line = clean[start : m.start()].rstrip()
        if len(line) - (len(line) - len(line.lstrip())) < 40 or not _OPEN_END.fullmatch(line[-1]):
            continue
        nxt_end = clean.find("\n", m.end())
        nxt_end = len(clean) if nxt_end == -1 else nxt_end
        if m.end() - m.start() > 1 and any(not part.strip() for part in text[m.start() + 1 : m.end()].split("\n")[:-1]):
            continue  # an empty line between: a paragraph break (or a PDF export's spacing), not page furniture
        goes_on = _GOES_ON.match(clean, m.end(), nxt_end)
        if goes_on is None or not goes_on.group(1).islower():
            continue
        if "\t" in clean[start:nxt_end] and not _fits_row(clean, start, m.start(), m.end(), nxt_end):
            continue
        if (text.find("   ", start, m.start()) != -1 and _COLUMN_GAP.search(text, start, m.start())) or (
                text.find("   ", m.end(), nxt_end) != -1 and _COLUMN_GAP.search(text, m.end(), nxt_end)):
            continue
        for i in range(m.start(), m.end()):
            if chars[i] == "\n":
                chars[i] = " "
        joined.append((m.start(), m.end()))
    if not joined:
        return clean
    pieces: list[str] = []
    at = 0
    for s, e in joined:  # in order, apart: each match of the scan is past the one before
        pieces += (clean[at:s], clean[s:e].replace("\n", " "))
        at = e
    pieces.append(clean[at:])
    return "".join(pieces)


def _fits_row(clean: str, start: int, end: int, next_start: int, next_end: int) -> bool:
    """Whether two lines holding tabs are the two parts of one table row: the first holds cells, and both
    together no more than the row before them or the one after."""
    tabs = clean.count("\t", start, end) + clean.count("\t", next_start, next_end)
    if "\t" not in clean[start:end]:
        return False
    before_start = clean.rfind("\n", 0, max(0, start - 1)) + 1
    after_end = clean.find("\n", next_end + 1)
    after_end = len(clean) if after_end == -1 else after_end
    around = [clean.count("\t", before_start, max(before_start, start - 1)) if start > 0 else 0,
              clean.count("\t", min(len(clean), next_end + 1), after_end) if next_end < len(clean) else 0]
    return any(0 < t and tabs <= t for t in around)


def _blank_emphasis(text: str, chars: list[str], start: int, end: int) -> None:
    """Blank a run of one to three underscores that opens or closes emphasis (not one between two
    letters or digits: a segmentation mark; not a longer rule such as "________")."""
    if end - start > 3:
        return
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    inner_before, inner_after = before.isalnum(), after.isalnum()
    opens = not inner_before and not after.isspace()
    closes = not before.isspace() and not inner_after
    if (opens or closes) and not (inner_before and inner_after):
        for i in range(start, end):
            chars[i] = " "
