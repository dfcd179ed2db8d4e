"""Seeded perturbations of a plan's text: the noise real documents carry (issue 10).

Each kind rewrites a clean text the way a converter, a scanner or an NLP tool
leaves it, deterministically for a given seed, so the parser can be scored on
the noisy text against the unchanged gold (``ansinh bench noise``):

- ``emphasis``: Markdown emphasis around headings and list marks (``**III. …**``,
  ``*a)*``, ``__1.__``) and escaped marks (``1\\.``, ``\\-``);
- ``html``: the text as Word-saved HTML (``<p>``, ``<b>``, ``<br>``, tables as
  ``<table><tr><td>``, an empty line as Word's empty paragraph ``<p>&nbsp;</p>``), with entities (``&nbsp;``, ``&#7871;``);
- ``segment``: word segmentation as Vietnamese NLP tools print it (syllables
  joined by ``_``, spaces around punctuation: ``1 . Sở Y_tế chủ_trì , phối_hợp``);
- ``pdf``: lines wrapped at 60–90 characters mid-sentence; tables laid out by
  columns as ``pdftotext -layout`` prints them, long cells broken over lines;
- ``headers``: running page headers/footers and page numbers every ~40 lines,
  inside tables and sentences too;
- ``cells``: tables as a web page's text copy leaves them: each cell holding text on a line of its own, empty and
  merged cells gone, a blank line between cells or none;
- ``nodiacritics``: every Vietnamese diacritic removed;
- ``latinocr``: a scan read by an OCR engine without its Vietnamese model: the marks lost and a share of the
  marked letters misread as look-alikes (``Bp``/``Bq`` for ``Bộ``, ``Cue`` for ``Cục``, ``ciia`` for ``của``,
  ``ca quan`` for ``cơ quan``, ``s6`` for ``số``, ``tarn`` for ``tâm``, ``B`` for a word's ``Đ``), and item marks
  glued to their text (``1.Về``, ``a)Cục``, ``-Quản lý``);
- ``ocr``: light OCR confusions (``Il.``/``1I.`` for ``II.``, ``©)`` for ``c)``,
  ``0`` for ``O``, stray spaces inside years and days: ``2 025``, ``ngày 1 5 tháng``).

Pure functions, no Django.
"""

from __future__ import annotations

import random
import re
import zlib
from collections.abc import Callable

from ansinh.lib.text import nfc, strip_marks

KINDS: tuple[str, ...] = ("emphasis", "html", "segment", "pdf", "headers", "cells", "nodiacritics", "latinocr", "ocr")
ALL = "all"

# A structure line: a roman, upper-case, numbered or lettered heading, a dash item, an article.
_STRUCTURE = re.compile(
    r"^(?P<ind>[ \t]*)(?P<mark>(?:[IVX]{1,5}|[A-ZĐ]|\d{1,2}(?:\.\d{1,2}){0,3})[.)]|[a-zđ]\)|[-–+]|(?:Điều|ĐIỀU) \d{1,3}\.)"
    r"(?P<sp>[ \t]+)(?P<rest>\S.*)$"
)


def _rng(seed: int, kind: str, salt: str = "") -> random.Random:
    return random.Random(zlib.crc32(f"{seed}:{kind}:{salt}".encode()))


# --- emphasis ----------------------------------------------------------------------------------------------


def emphasis(text: str, rng: random.Random) -> str:
    """Wrap headings and list marks in Markdown emphasis; escape some marks."""
    out: list[str] = []
    for line in text.split("\n"):
        m = _STRUCTURE.match(line)
        if m is None or "\t" in line:
            out.append(line)
            continue
        ind, mark, sp, rest = m.group("ind"), m.group("mark"), m.group("sp"), m.group("rest")
        style = rng.randrange(6)
        if style == 0:  # the whole heading bold
            line = f"{ind}**{mark}{sp}{rest.rstrip()}**"
        elif style == 1:  # the mark alone in emphasis
            star = rng.choice(("*", "**", "_", "__"))
            line = f"{ind}{star}{mark}{star}{sp}{rest}"
        elif style == 2:  # an escaped mark, as Markdown converters write it
            if mark[-1] in ".)":
                line = f"{ind}{mark[:-1]}\\{mark[-1]}{sp}{rest}"
            else:
                line = f"{ind}\\{mark}{sp}{rest}"
        elif style == 3:  # bold-italic heading
            line = f"{ind}***{mark}{sp}{rest.rstrip()}***"
        elif style == 4:  # the mark bold, the text italic
            line = f"{ind}**{mark}**{sp}_{rest.rstrip()}_"
        out.append(line)
    return "\n".join(out)


# --- html --------------------------------------------------------------------------------------------------


def _html_escape(s: str, rng: random.Random, rate: float) -> str:
    out: list[str] = []
    for ch in s:
        if ch == "&":
            out.append("&amp;")
        elif ch == "<":
            out.append("&lt;")
        elif ch == ">":
            out.append("&gt;")
        elif ord(ch) > 127 and rng.random() < rate:
            out.append(f"&#{ord(ch)};" if rng.random() < 0.7 else f"&#x{ord(ch):x};")
        elif ch == " " and rng.random() < 0.03:
            out.append("&nbsp;")
        else:
            out.append(ch)
    return "".join(out)


def html(text: str, rng: random.Random) -> str:
    """The text as a Word page saved as HTML: paragraphs, bold headings, tables, line breaks, entities."""
    rate = rng.choice((0.0, 0.2, 1.0))  # some converters escape every non-ASCII letter
    out: list[str] = ['<html><head><meta charset="utf-8"><title>Văn bản</title></head><body>']
    in_table = False
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if "\t" in line:
            if not in_table:
                out.append('<table border="1" cellspacing="0">')
                in_table = True
            cells = "".join(f"<td valign=\"top\"><p>{_html_escape(c.strip(), rng, rate)}</p></td>" for c in line.split("\t"))
            out.append(f"<tr>{cells}</tr>")
            i += 1
            continue
        if in_table:
            out.append("</table>")
            in_table = False
        if not line.strip():
            # Word keeps an empty paragraph, writing it as a non-breaking space; it never drops one.
            out.append('<p class="MsoNormal">&nbsp;</p>')
            i += 1
            continue
        body = _html_escape(line.strip(), rng, rate)
        if _STRUCTURE.match(line) and rng.random() < 0.6:
            body = f"<b>{body}</b>" if rng.random() < 0.5 else f'<span style="font-weight:bold">{body}</span>'
        if i + 1 < len(lines) and lines[i + 1].strip() and "\t" not in lines[i + 1] and rng.random() < 0.15:
            body += "<br>" + _html_escape(lines[i + 1].strip(), rng, rate)  # two lines in one paragraph
            i += 1
        out.append(f'<p class="MsoNormal" style="text-align:justify">{body}</p>')
        i += 1
    if in_table:
        out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out)


# --- word segmentation ---------------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+")
# Punctuation a tokenizer separates; not inside numbers (1.000, 3,5, 15/12/2025) or codes (42-NQ/TW).
_PUNCT = re.compile(r"(?<![\d\w])[.,;:!?()“”\"](?=\S)|(?<=\S)[.,;:!?()“”\"](?![\d\w])|(?<=[^\W\d_])[.,;:)](?=\s|$)")


def segment(text: str, rng: random.Random) -> str:
    """Join syllables of words with ``_`` and put spaces around punctuation, as VnCoreNLP-style tools print."""
    out: list[str] = []
    for line in text.split("\n"):
        line = _PUNCT.sub(lambda m: f" {m.group(0)} ", line)
        # A tokenizer joins its tokens with one space: the spaces set around punctuation do not double, inside a
        # table's cells too (two spaces would read as a column gap once the table is laid out).
        line = "\t".join(re.sub(r"(?<=\S)  +(?=\S)", " ", cell) for cell in line.split("\t"))
        tokens = line.split(" ")
        joined: list[str] = []
        for tok in tokens:
            if (
                joined and _WORD.fullmatch(tok) and _WORD.fullmatch(joined[-1].rsplit("_", 1)[-1])
                and joined[-1].count("_") < 2 and rng.random() < 0.45
            ):
                joined[-1] = joined[-1] + "_" + tok
            else:
                joined.append(tok)
        out.append(" ".join(joined).rstrip())
    return "\n".join(out)


# --- PDF line breaks -----------------------------------------------------------------------------------------


def _wrap(line: str, width: int) -> list[str]:
    if len(line) <= width:
        return [line]
    parts: list[str] = []
    rest = line
    while len(rest) > width:
        cut = rest.rfind(" ", 0, width)
        if cut <= len(rest) - len(rest.lstrip()):
            cut = rest.find(" ", width)
            if cut == -1:
                break
        parts.append(rest[:cut].rstrip())
        rest = rest[cut + 1 :].lstrip()
    parts.append(rest)
    return [p for p in parts if p]


_BAR_ROW = re.compile(r"^\s*\|.*\|\s*$")


def _cells(line: str) -> list[str] | None:
    """The cells of a table row (tab-separated, or framed by bars), None for running text."""
    if "\t" in line:
        return [c.strip() for c in line.split("\t")]
    if _BAR_ROW.match(line) and line.count("|") >= 3:
        inner = line.strip()[1:-1]
        if set(inner) <= set("|-: "):
            return []  # the rule under a Markdown header row
        return [c.strip() for c in inner.split("|")]
    return None


def _layout_rows(rows: list[list[str]], width: int) -> list[str]:
    """Rows laid out as ``pdftotext -layout`` prints a table: columns at character positions, each
    cell wrapping inside its column over the row's lines."""
    columns = max(len(r) for r in rows)
    budget = max(columns * 6, int(width * 1.6))
    natural = [max((len(r[c]) if c < len(r) else 0) for r in rows) for c in range(columns)]
    share = [max(4, min(n, budget * n // max(1, sum(natural)))) for n in natural]
    out: list[str] = []
    for row in rows:
        wrapped = [_wrap(row[c], share[c]) if c < len(row) and row[c] else [""] for c in range(columns)]
        for k in range(max(len(w) for w in wrapped)):
            # a piece wider than its column (one long token) pushes the next column right, as ``pdftotext -layout``
            # does, but never touches it: two columns' text is never glued together
            line = "".join((w[k] if k < len(w) else "").ljust(share[c]) + "  " for c, w in enumerate(wrapped))
            out.append(line.rstrip())
    return out


def pdf(text: str, rng: random.Random) -> str:
    """Wrap lines at 60–90 characters like a PDF's text layer; tables come out laid out by columns,
    long cells broken over lines inside their column."""
    width = rng.randint(60, 90)
    out: list[str] = []
    table: list[list[str]] = []
    for line in text.split("\n"):
        cells = _cells(line)
        if cells is not None:
            if cells:
                table.append(cells)
            continue
        if table:
            out.extend(_layout_rows(table, width))
            table = []
        out.extend(_wrap(line, width) or [""])
    if table:
        out.extend(_layout_rows(table, width))
    return "\n".join(out)


def cells(text: str, rng: random.Random) -> str:
    """Tables copied from a web page as text: each cell that holds text on its own line (a merged cell once, an empty
    one not at all), with a blank line between cells or none; running text unchanged."""
    blank = rng.random() < 0.5
    out: list[str] = []
    for line in text.split("\n"):
        row = _cells(line)
        if row is None:
            out.append(line)
            continue
        for cell in row:
            if cell:
                out.extend([cell, ""] if blank else [cell])
    return "\n".join(out)


# --- running headers -----------------------------------------------------------------------------------------


_LAID_OUT = re.compile(r"\S {2,}\S")


def headers(text: str, rng: random.Random) -> str:
    """Insert a running header or footer and a page number about every 40 lines, breaking long lines too."""
    style = rng.randrange(4)
    lines = text.split("\n")
    out: list[str] = []
    page = 1
    next_break = rng.randint(30, 45)
    for line in lines:
        if len(out) >= next_break:
            page += 1
            head = _running_header(style, page)
            # The page ends inside a sentence: a paragraph written as one line goes on after the header. A line laid
            # out in columns (a table row of a PDF's text layer) is one printed line, which a page never cuts.
            if len(line) > 60 and not _LAID_OUT.search(line) and rng.random() < 0.5:
                cut = line.find(" ", len(line) // 2)
                if cut > 0:
                    out.append(line[:cut])
                    out.extend(head)
                    line = line[cut + 1 :]
                else:
                    out.extend(head)
            else:
                out.extend(head)
            next_break = len(out) + rng.randint(30, 45)
        out.append(line)
    out.extend(_running_header(style, page + 1))  # the last page's footer
    return "\n".join(out)


def _running_header(style: int, page: int) -> list[str]:
    if style == 0:
        return [str(page)]
    if style == 1:
        return [f"{page}\tCÔNG BÁO/Số 45 + 46/Ngày 15-01-2026".replace("\t", "    ")]
    if style == 2:
        return [f"Trang {page}/{page + 10}"]
    return [f"- {page} -"]


# --- no diacritics, OCR --------------------------------------------------------------------------------------


def nodiacritics(text: str, rng: random.Random) -> str:
    """Every diacritic removed (``Đ`` read as ``D``)."""
    return strip_marks(text)


# What an OCR engine without Vietnamese reads for a marked letter (after its marks are gone), as seen in scans of
# central directives read that way: ộ -> p/q/g/y, ụ -> y, ơ -> a/d, ư -> ir/ii, ố -> 6, ể -> l/i, ệ -> f/g/$,
# a circumflex vowel -> ^, "âm" -> "arn". Keys are the NFC letter; a letter not listed is only stripped.
_LATIN_OCR: dict[str, tuple[str, ...]] = {
    **dict.fromkeys("ộọợ", ("p", "q", "g", "y")),
    **dict.fromkeys("ụự", ("y",)),
    **dict.fromkeys("ơớờởỡ", ("a", "a", "d")),
    **dict.fromkeys("ưứừửữ", ("ir", "ii", "d")),
    **dict.fromkeys("ủ", ("ii",)),
    **dict.fromkeys("ốồổỗ", ("6",)),
    **dict.fromkeys("ểềếễ", ("l", "i", "g", "k")),
    **dict.fromkeys("ệ", ("f", "g", "$", "p")),
    **dict.fromkeys("ầấẩẫậ", ("^", "i")),
    **dict.fromkeys("ĩ", ("i", "h")),
}
_LATIN_OCR_RATE = 0.4
_WORD_D = re.compile(r"(?<![^\W\d_])Đ")
_AM = re.compile(r"âm(?![^\W\d_])")
_GLUED_MARK = re.compile(r"(?m)^([ \t]*(?:\d{1,2}(?:\.\d{1,2}){0,3}\.|[a-zđ]\)|[-–+]))[ \t]+(?=\S)")


def latinocr(text: str, rng: random.Random) -> str:
    """Marks lost, a share of the marked letters read as look-alikes, item marks glued to their text."""
    text = _GLUED_MARK.sub(lambda m: m.group(1) if rng.random() < 0.6 else m.group(0), nfc(text))
    text = _WORD_D.sub(lambda m: "B" if rng.random() < 0.5 else "Đ", text)
    text = _AM.sub(lambda m: "arn" if rng.random() < 0.5 else "âm", text)
    out: list[str] = []
    for ch in text:
        low = ch.lower()
        reads = _LATIN_OCR.get(low)
        if reads is not None and rng.random() < _LATIN_OCR_RATE:
            read = rng.choice(reads)
            out.append(read.upper() if ch != low and read.isalpha() else read)
        else:
            out.append(ch)
    return strip_marks("".join(out))


_ROMAN_HEAD = re.compile(r"(?m)^([ \t]*)(II|III|IV|VI|VII)([.)])")
_LETTER_C = re.compile(r"(?m)^([ \t]*)c\)")
_UPPER_O = re.compile(r"(?<=[A-ZĐ])O(?=[A-ZĐ])")
_YEAR = re.compile(r"(?<![\d.,/])((?:19|20)\d\d)(?![\d.,/])")
_DAY = re.compile(r"(?<=ngày )(\d)(\d)(?= tháng)")


def ocr(text: str, rng: random.Random) -> str:
    """Light OCR confusions: l/I/1 in roman marks, ``©)`` for ``c)``, ``0`` for ``O``, stray spaces in numbers."""
    confusions = {"II": ("Il", "1I", "ll", "I1"), "III": ("IIl", "Ill", "1II", "lII"), "IV": ("lV", "1V"),
                  "VI": ("Vl", "V1"), "VII": ("VIl", "Vll")}
    text = _ROMAN_HEAD.sub(lambda m: m.group(1) + rng.choice(confusions[m.group(2)]) + m.group(3)
                           if rng.random() < 0.6 else m.group(0), text)
    text = _LETTER_C.sub(lambda m: m.group(1) + "©)" if rng.random() < 0.6 else m.group(0), text)
    text = _UPPER_O.sub(lambda m: "0" if rng.random() < 0.3 else "O", text)
    text = _YEAR.sub(lambda m: f"{m.group(1)[0]} {m.group(1)[1:]}" if rng.random() < 0.25 else m.group(1), text)
    return _DAY.sub(lambda m: f"{m.group(1)} {m.group(2)}" if rng.random() < 0.5 else m.group(0), text)


PERTURBATIONS: dict[str, Callable[[str, random.Random], str]] = {
    "emphasis": emphasis, "html": html, "segment": segment, "pdf": pdf, "headers": headers, "cells": cells,
    "nodiacritics": nodiacritics, "latinocr": latinocr, "ocr": ocr,
}
# The order "all" applies them in: the text's own noise first, the converter's wrapping last.
_ALL_ORDER: tuple[str, ...] = ("ocr", "segment", "emphasis", "pdf", "headers", "html")


def perturb(text: str, kind: str, seed: int = 0) -> str:
    """``text`` with noise of ``kind`` (one of :data:`KINDS`, or ``"all"``), the same for the same seed.

    ``all`` applies every kind but ``nodiacritics`` and ``latinocr`` (reported on their own: the scorer folds names) and
    ``cells`` (a web copy's tables have no columns left for ``pdf`` to lay out).
    """
    if kind == ALL:
        for name in _ALL_ORDER:
            text = PERTURBATIONS[name](text, _rng(seed, name))
        return text
    if kind not in PERTURBATIONS:
        raise ValueError(f"không có loại nhiễu “{kind}”")
    return PERTURBATIONS[kind](text, _rng(seed, kind))
