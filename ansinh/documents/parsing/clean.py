"""A same-length clean view of a document's text.

Every extractor works on :class:`Doc`: ``clean`` is ``text`` with markup,
page numbers and OCR margin noise blanked out by spaces, and ``folded`` is
``clean`` lowercased without diacritics. The three strings have the same
length, so an offset found in ``folded`` is an offset into the caller's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ansinh.documents.parsing.bar_rows import join_wrapped_bar_rows
from ansinh.documents.parsing.denoise import ESCAPE, join_wrapped_lines, prose_tabs, repair
from ansinh.documents.parsing.flat_bar_tables import flat_bar_tables
from ansinh.documents.parsing.flat_tables import flat_table_tabs, spaced_table_tabs
from ansinh.documents.parsing.html_tables import html_table_tabs
from ansinh.documents.parsing.line_patterns import line_matches
from ansinh.documents.parsing.long_fold import fold_long
from ansinh.documents.parsing.ocr_latin import repair_latin_ocr
from ansinh.documents.parsing.stacked_tables import stacked_table_tabs
from ansinh.documents.parsing.text_caches import text_cache
from ansinh.lib.text import fold

# Markup left by converters: Markdown emphasis and strike-through, HTML tags.
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]{0,10}(?:\s[^<>\n]{0,80})?/?>")
# (Each branch opens with its character once, "\*\*{0,2}" for "\*{1,3}": the engine then skips to one of them.)
_MARKDOWN = re.compile(r"\*\*{0,2}|~~|``*|##{0,5}(?= )")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\ufeff]")
# A line holding only a page number ("6", "- 6 -", "Trang 6").
_PAGE_NUMBER = re.compile(r"(?m)^[ \t]*(?:-\s*)?(?:[Tt]rang\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*-)?[ \t]*$")
# A running head OCR reads off a scanned page: the typist's file name ("18.KLTW75.DOC", "CTRTW31.DOC"), as Party
# offices print it in the margin, with the page number or a speck beside it ("18.KLTW7S.DOC. 7", "…DOC §"), its "O"
# read as a zero too ("…D0C 2").
_FILE_NAME_HEAD = re.compile(r"(?m)^[ \t]*[\w.\-]{0,24}\w\.(?:D[O0]CX?|docx?|Doc)\b[^\n\w]{0,3}(?:[\w§][^\w\n]{0,3}){0,4}[ \t]*$")
# Characters that OCR of stamps, signatures and margins leaves at line starts.
_JUNK_MARKS = set("^•\\?|~")
# A lone stamp mark before a line ("^ Phần III"), and a lone dot that OCR put before a numbered or
# capitalised heading ("• 3. Phát triển ...", "• MỤC TIÊU"); a bullet before running text is kept.
_LONE_MARK = re.compile(
    r"(?m)^[ \t]*([\^|~\\])[ \t]+(?=\S)"
    r"|^[ \t]*([•·])[ \t]+(?=\d{1,2}(?:\.\d{1,2})*[.)]\s|[IVXivx]{1,5}[.\-)]\s|[^a-zà-ỹđ\n]{3,}$)"
)
# The running header of an official gazette page ("CÔNG BÁO/Số 123/Ngày 20-3-2026", page number beside it).
_GAZETTE_HEADER = re.compile(
    r"(?mi)^[ \t]*(?:\d{1,4}[ \t]+)?C[ÔO]NG[ \t]+B[ÁA]O[ \t]*/[ \t]*S[ỐO][^\n]{0,40}/[ \t]*Ng[àa]y[^\n]{0,30}?"
    r"(?:[ \t]{2,}\d{1,4})?[ \t]*$"
)
# Word-segmentation marks between syllables ("Kế_hoạch"), read as spaces.
_SEGMENT_MARK = re.compile(r"_(?<=[^\W_]_)(?=[^\W_])")  # the underscore first: the engine looks for it fast
# A line's first token when it holds what OCR noise is made of (a digit or a stamp mark, see _junk_prefix_length):
# other tokens have no junk prefix, so their lines are not looked at.
_FIRST_TOKEN = re.compile(r"(?m)^[ \t]*(?=\S*[0-9^•\\?|~])(\S+)")
# A word segmenter's tokens split a list mark from its dot ("1 . Sở Y_tế", "**II . NHIỆM_VỤ**", "a ) …", "2 ." alone),
# also a mark a scan's OCR read as a look-alike ("§ ." and "ö ." for "8.", "l ," for "1.": see :mod:`outline_ocr_marks`).
_SPLIT_MARK = re.compile(
    r"(?m)^([ \t]*(?:[*_]{1,3}|#{1,6}[ \t]+)?(?:\d{1,2}(?:\.\d{1,2}){0,3}|[IVX][IVXl1]{0,4}|[1l][IVXl1]{0,4}|[a-zđ§öÖ]))"
    r"([ \t]+)([.)]|(?<=[l§öÖ] ),)(?=[ \t*_]|$)"
)
# The number or letter of a split mark, at the end of what comes before its spaces.
_MARK_NUMBER = re.compile(r"[^\s*_#]+$")
# A list mark alone on its line, its text on the next one (Word pages saved as HTML, PDF exports): "2.\nỦy ban …".
_LONE_ITEM_MARK = re.compile(
    r"(?m)^[ \t]*(?:\d{1,2}(?:\.\d{1,2}){0,3}[ \t]?[.)/]|[IVX]{1,5}[.\-]|[a-zđ]\)|(?:Điều|ĐIỀU)[ \t]+\d{1,3}[.:])[ \t]*(\n[ \t]*){1,2}(?=[^\W\d_])"
)
# A table typed with vertical bars ("STT | Nhiệm vụ | Cơ quan chủ trì"), Markdown or plain: two bars or more on a line.
_BAR_LINE = re.compile(r"(?m)^[^\n|]*\|[^\n]*$")
_BAR_RULE = re.compile(r"^[\s|:\-–=+]+$")


@dataclass
class Doc:
    """The caller's text with its same-length clean and folded views."""

    text: str
    clean: str
    folded: str
    line_starts: list[int] = field(default_factory=list)

    def lines(self) -> list[tuple[int, int]]:
        """(start, end) of every line, end excluding the newline (a list of the caller's own)."""
        return list(self.line_spans())

    def line_spans(self) -> tuple[tuple[int, int], ...]:
        """:meth:`lines` without the copy, for callers that only read a few lines of it many times."""
        cached = self.__dict__.get("_lines")
        if cached is not None:
            return cached
        n = len(self.text)
        starts = self.line_starts
        out = tuple((start, starts[i + 1] - 1 if i + 1 < len(starts) else n) for i, start in enumerate(starts))
        self.__dict__["_lines"] = out
        return out


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


def _junk_prefix_length(token: str) -> int:
    """How many leading characters of a line's first token are OCR noise (0 if none).

    A token is noise-bearing when it holds stamp marks (``^ • \\``), a digit
    glued to a word (``777sinh``, ``F7thai``) or a stroke letter glued to a
    digit (``r7r95%``). The noise ends after the last such mark; a trailing
    number is kept (``r7r95%`` -> ``95%``).
    """
    if len(token) < 2 or not token.replace("•", "").isascii():
        return 0
    split = 0
    for i, ch in enumerate(token[:-1]):
        nxt = token[i + 1]
        if ch in _JUNK_MARKS:
            head = token[:i]
            if ch == "^" and head.isalpha() and not set(head) & set("fF") and nxt.isalpha():
                continue  # a letter OCR read as a caret ("Ti^p" for "Tiếp")
            split = i + 1
        elif ch.isdigit() and nxt.isalpha():
            letters = re.match(r"[A-Za-z]+", token[i + 1 :])
            if letters and len(letters.group(0)) >= 3:
                split = i + 1
        elif ch in "rfF" and nxt.isdigit():
            split = i + 1
    if split == 0:
        return 0
    rest = token[split:]
    # Keep list markers and numbering that follow the noise ("^9\\^r- Ve").
    if rest.startswith(("-", "+")) or not rest:
        return split if rest else 0
    return split


def _adjacent(text: str, end: int, start: int) -> bool:
    """Whether two lines follow each other, or have one empty line between them (a PDF export's spacing),
    or only a page's furniture (page number, gazette header) where a page broke the table."""
    gap = text[end:start]
    if not gap.strip():
        return gap.count("\n") <= 2
    return gap.count("\n") <= 4 and all(
        not line.strip() or _PAGE_NUMBER.fullmatch(line) or _GAZETTE_HEADER.fullmatch(line) for line in gap.split("\n")
    )


def _same_table(text: str, run: list[re.Match[str]], line: re.Match[str]) -> bool:
    """Whether ``line`` goes on the bar table ``run`` past one line of page furniture between empty lines: it has as
    many bars as the table's first line, two or more."""
    bars = run[0].group(0).count("|")
    gap = text[run[-1].end() : line.start()].split("\n")
    return bars >= 3 and line.group(0).count("|") == bars and len(gap) <= 5 and sum(bool(g.strip()) for g in gap) <= 1


def _wrapped_between(text: str, run: list[re.Match[str]], line: re.Match[str]) -> bool:
    """Whether ``line`` goes on the bar table ``run`` past one or two lines without a bar that a wrap broke off a cell
    ("… Bộ Tài nguyên và Môi" / "trường | …", "… | Năm" / "2023" / "18 | …"): the run holds two rows of two bars or
    more already, and no empty line stands between."""
    gap = text[run[-1].end() + 1 : line.start()].rstrip("\n").split("\n")
    return (0 < len(gap) <= 2 and all(g.strip() for g in gap) and sum(m.group(0).count("|") >= 2 for m in run) >= 2
            and not any(_PAGE_NUMBER.fullmatch(g) for g in gap))


def _bar_tables(text: str, chars: list[str]) -> None:
    """Read the bars of a bar-separated table as the tabs of a converter's table.

    A table is a run of adjacent lines with bars, two of them with two bars or more; a line with one bar
    in such a run is a row a page or a wrap broke. Bars at both ends of the run's first line frame every
    row (Markdown) and are not cell borders.
    """
    lines = _bar_lines(text)
    runs: list[list[re.Match[str]]] = []
    for m in lines:
        if runs and _adjacent(text, runs[-1][-1].end(), m.start()):
            runs[-1].append(m)
        elif runs and _same_table(text, runs[-1], m):
            runs[-1].append(m)  # the table goes on past a page's running header, as many bars wide
        elif runs and _wrapped_between(text, runs[-1], m):
            runs[-1].append(m)  # the table goes on past a cell's wrapped lines that hold no bar
        else:
            runs.append([m])
    for run in runs:
        if sum(m.group(0).count("|") >= 2 for m in run) < 2:
            continue
        head = run[0].group(0).strip()
        framed = head.startswith("|") and head.endswith("|")
        for m in run:
            line = m.group(0)
            if _BAR_RULE.match(line):
                _blank(chars, m.start(), m.end())
                continue
            first, last = line.find("|"), line.rfind("|")
            i = first
            while i != -1:  # from bar to bar, not character by character
                edge = framed and ((i == first and not line[:i].strip()) or (i == last and not line[i + 1 :].strip()))
                chars[m.start() + i] = " " if edge else "\t"
                i = line.find("|", i + 1)


def _bar_lines(text: str) -> list[re.Match[str]]:
    """What ``_BAR_LINE.finditer`` finds: the line of each bar, matched at its start (the pattern tries every line)."""
    out: list[re.Match[str]] = []
    bar = text.find("|")
    while bar != -1:
        m = _BAR_LINE.match(text, text.rfind("\n", 0, bar) + 1)
        assert m is not None  # a line holding a bar
        out.append(m)
        bar = text.find("|", m.end())
    return out


# What each line-start pattern needs somewhere in the text, found by a fast scan: a file's extension, a list mark's
# split dot or bracket, a stamp mark.
_NEEDED = {
    _FILE_NAME_HEAD: re.compile(r"\.(?:D[O0]C|doc|Doc)"),
    _SPLIT_MARK: re.compile(r"[.),](?<=[ \t][.),])"),  # a blank then one of them, found from the rarer mark
    _LONE_MARK: re.compile(r"[\^|~\\•·]"),
}

# Spaces other than the plain one (no-break space from Word and web pages, thin and figure spaces).
_ODD_SPACE = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")


def _clean_chars(text: str) -> str:
    text = _ODD_SPACE.sub(" ", text) if not text.isascii() else text
    rows = join_wrapped_bar_rows(text)  # a bar table's wrapped rows one line each (same length)
    chars = list(rows)
    _bar_tables(rows, chars)
    flat_bar_tables(text, chars)
    for pattern, needed in ((_HTML_TAG, "<"), (_MARKDOWN, "*~`#"), (_CONTROL, "")):
        if needed and not any(ch in text for ch in needed):
            continue  # none of the characters the pattern starts with: nothing to find
        for m in pattern.finditer(text):
            _blank(chars, m.start(), m.end())
    html_table_tabs(text, chars)
    for pattern in (_PAGE_NUMBER, _GAZETTE_HEADER, _FILE_NAME_HEAD):
        if pattern is _FILE_NAME_HEAD and _NEEDED[pattern].search(text) is None:
            continue  # what the line-start pattern needs is nowhere in the text: its scan of every line is spared
        for m in line_matches(pattern, text):  # from the line breaks, not tried at every character
            _blank(chars, m.start(), m.end())
    for m in _SEGMENT_MARK.finditer(text) if "_" in text else ():
        chars[m.start()] = " "
    for m in line_matches(_SPLIT_MARK, text) if _NEEDED[_SPLIT_MARK].search(text) else ():
        # Same length: the dot moves next to its number, the spaces go before the number (" 2. Tổ chức …"), not
        # after it: two spaces after a mark read as a column gap where a table laid out with spaces is read, the
        # numbered item after such a table taken for one of its rows ("2.  Tổ chức …").
        number = _MARK_NUMBER.search(m.group(1))
        start = m.start(1) + number.start() if number else m.start(2)
        chars[start : m.end(3)] = [" "] * (m.end(2) - m.start(2)) + list(text[start : m.start(2)]) + [m.group(3)]
    repair(text, chars)
    for m in line_matches(_LONE_MARK, text) if _NEEDED[_LONE_MARK].search(text) else ():
        group = 1 if m.group(1) is not None else 2
        if chars[m.start(group)] != "\t":  # a bar a table row opens with is a cell border, not a stamp mark
            _blank(chars, m.start(group), m.end(group))
    for m in line_matches(_FIRST_TOKEN, text):
        cut = 0 if ESCAPE.search(m.group(1)) else _junk_prefix_length(m.group(1))
        if cut:
            _blank(chars, m.start(1), m.start(1) + cut)
    prose_tabs(text, chars)
    flat_table_tabs(text, fold_same_length, chars)
    spaced_table_tabs(text, fold_same_length, chars)
    stacked_table_tabs(text, fold_same_length, chars)
    _join_lone_marks(text, chars)
    return join_wrapped_lines(text, chars)  # the clean view as one string


def _join_lone_marks(text: str, chars: list[str]) -> None:
    """Put the text of an item whose mark stands alone on its line after the mark, same length (newlines become spaces).

    A mark blanked already (a page number) or inside a table is left alone.
    """
    for m in line_matches(_LONE_ITEM_MARK, text):
        seg = "".join(chars[m.start() : m.end()])
        if "\t" in seg or not seg.split("\n", 1)[0].strip():
            continue
        for i in range(m.start(), m.end()):
            if chars[i] == "\n":
                chars[i] = " "


class _FoldTable(dict[int, str]):
    """``str.translate`` table from a code point to its folded character, filled on first sight of a character."""

    def __missing__(self, code: int) -> str:
        f = fold(chr(code))
        out = f[0] if len(f) >= 1 else " "
        self[code] = out
        return out


_FOLD_TABLE = _FoldTable()


def fold_same_length(text: str) -> str:
    """``fold(text)`` of every character, guaranteed to keep ``len(text)`` whatever the input.

    Uses a translation table grown lazily, one ``fold`` per distinct character; a long text through an 8-bit code page
    (:mod:`long_fold`), or with no character past U+2FFF through the same table as a list, looked up faster.
    """
    if len(text) > 2000:
        folded = fold_long(text, _fold_char, _fold_piece)  # a whole document: through a code page (long_fold)
        if folded is not None:
            return folded
        if _PAST_LIST.search(text) is None:
            return text.translate(_fold_list())
    if text.isascii():
        return text.lower()  # an ASCII letter folds to its lower case, every other ASCII character to itself
    return _fold_short(text)


@text_cache(maxsize=16384)
def _fold_short(text: str) -> str:
    """A shorter text's fold, remembered within a document (names and clauses are folded again by the next rule)."""
    if _PAST_LIST.search(text) is None:
        return text.translate(_fold_list())  # the list is looked up faster than the growing table (and than a dict)
    return text.translate(_FOLD_TABLE)


_PAST_LIST = re.compile("[^\x00-\u2fff]")


def _fold_char(ch: str) -> str:
    return _FOLD_TABLE[ord(ch)]


def _fold_piece(text: str) -> str:
    return text.translate(_FOLD_TABLE)  # the same characters as the list (filled from this table)


_FOLD_LIST: list[str] = []


def _fold_list() -> list[str]:
    if not _FOLD_LIST:
        _FOLD_LIST.extend(_FOLD_TABLE[code] for code in range(0x3000))
    return _FOLD_LIST


def prepare(text: str) -> Doc:
    """Build the clean and folded views of ``text`` (already ``normalize_text``-ed)."""
    text = text if isinstance(text, str) else ""
    clean = repair_latin_ocr(_clean_chars(text))  # look-alike letters of a scan read without Vietnamese (same length)
    folded = fold_same_length(clean)
    # Lines of the clean view: a stacked table's rows are one line there (see :mod:`stacked_tables`).
    starts = [0]
    pos = clean.find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = clean.find("\n", pos + 1)
    return Doc(text=text, clean=clean, folded=folded, line_starts=starts)


# A long blank run (a masked table, page furniture): forty blanks or more.
BLANK_RUN = re.compile(r"[ \t\n]{40,}")
_BLANKS_SAMPLED = re.compile(r"[ \t\n]{2,}")
_NOT_BLANK = re.compile(r"[^ \t\n]")


def blank_runs(folded: str) -> list[tuple[int, int]]:
    """The spans ``BLANK_RUN`` finds in ``folded``, found from every twentieth character: forty blanks in a row hold
    two of them side by side, so only where two are blank is the run around them measured."""
    out: list[tuple[int, int]] = []
    for m in _BLANKS_SAMPLED.finditer(folded[::20]):
        k = m.start()
        while k + 1 < m.end():
            start = k * 20
            while start > 0 and folded[start - 1] in " \t\n":
                start -= 1
            stop = _NOT_BLANK.search(folded, k * 20)
            end = len(folded) if stop is None else stop.start()
            if end - start >= 40:
                out.append((start, end))
            k = max(k + 1, -(-end // 20))  # the next sample past this run
    return out


def squeeze(text: str) -> str:
    """Collapse white space (line breaks included) into single spaces and trim."""
    # Every white space character but the plain space is unprintable: a printable text without two spaces in a row and
    # without one at either end has nothing to collapse or trim (most headings and names).
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())  # the same white space as ``re`` ``\s`` and ``str.strip`` (Py_UNICODE_ISSPACE)


def span_text(doc: Doc, start: int, end: int, strip: str = "") -> str:
    """The clean text of ``start:end`` on one line, trimmed of white space and of the ``strip`` characters."""
    return squeeze(doc.clean[start:end]).strip(strip)  # strip("") leaves the text as it is


def trim_span(doc: Doc, start: int, end: int, leading: str, trailing: str) -> tuple[int, int]:
    """``start:end`` narrowed past the ``leading`` characters at its start and the ``trailing`` ones at its end."""
    while start < end and doc.clean[start] in leading:
        start += 1
    while end > start and doc.clean[end - 1] in trailing:
        end -= 1
    return start, end
