"""The bodies a letter is addressed to ("Kính gửi: - Sở …; - UBND …"), and the points that open by naming them.

A Decree 30/2020 letter (công văn) lists its recipients under "Kính gửi:" and then gives each of them its duty in a
numbered point that opens with the recipient's name, as a heading ("7. Thuế tỉnh" over its dash lines, "2. Các cơ quan
chuyên trách tham mưu, giúp việc Đảng ủy; các chi bộ, đảng bộ cơ sở") or as the subject of the point's sentence ("3.
Vườn quốc gia X, các Công ty Lâm nghiệp chủ động nghiên cứu …"). Such recipients need not open with a word of
``vocab.AGENCY_HEADS``: the letter itself says they are bodies. A point may shorten a long recipient's name ("Các cơ
quan chuyên trách tham mưu, giúp việc Đảng ủy" for "… giúp việc Đảng ủy Ủy ban nhân dân tỉnh"). Read by
:mod:`assignments` for points nothing else gave a lead; matched without diacritics (OCR and text without marks).
"""

from __future__ import annotations

import re

from ansinh.documents.parsing.clean import Doc
from ansinh.documents.parsing.responsibilities import Apply
from ansinh.documents.parsing.tasks import Task
from ansinh.lib.text import fold

# The salutation, near the top of a letter.
_SALUTATION = re.compile(r"(?m)^[ \t*_]*kinh\s+gui\s*:")
# One recipient after a dash (several may share one line: "- A; - B; - C").
_DASH = re.compile(r"(?:^|(?<=[;,.])|(?<=:))\s*[-–+•]\s*")
# A recipient's words that name nothing by themselves ("Như trên") or a form's blank ("Ủy ban nhân dân tỉnh/thành phố …").
_BLANK = re.compile(r"[….]{2,}|…")


def _words(text: str) -> list[str]:
    return re.sub(r"[^0-9a-z]+", " ", fold(text).lower()).split()


def recipients(doc: Doc) -> list[list[str]]:
    """The words (folded) of each recipient named in the letter's "Kính gửi:" block, or [] for a text without one."""
    m = _SALUTATION.search(doc.folded, 0, 4000)
    if m is None:
        return []
    lines: list[str] = []
    rest = doc.clean[m.end() : m.end() + 2000].split("\n")
    for k, line in enumerate(rest):
        text = line.strip(" \t*_")
        if not text:
            if any(lines):
                break  # the block ends at a blank line after its recipients
        elif k == 0 or text.startswith(("-", "–", "+", "•")):
            lines.append(text)
        elif lines and lines[-1] and not lines[-1].endswith((";", ".", ",")):
            lines[-1] += " " + text  # a recipient's name wrapped over the next line
        else:
            break
    out: list[list[str]] = []
    for piece in _DASH.split(" ".join(lines)):
        piece = piece.strip(" ;,.")
        if piece and not _BLANK.search(piece) and len(words := _words(piece)) >= 2:
            out.append(words)
    return out


def _prefix(names: list[list[str]], words: list[str]) -> int:
    """How many of ``words`` the longest recipient that opens them takes (0 when none does)."""
    return max((len(n) for n in names if words[: len(n)] == n), default=0)


def _named(names: list[list[str]], title: str) -> list[str]:
    """The recipients ``title`` opens with, as the point writes them, when only recipients open it and what follows
    them is its own duty (a word in lower case) or nothing; else []."""
    found: list[str] = []
    tokens = title.strip().rstrip(":").split()
    while tokens:
        flat: list[str] = []
        owner: list[int] = []
        for i, token in enumerate(tokens):
            for word in _words(token):
                flat.append(word)
                owner.append(i)
        taken = _prefix(names, flat)
        if taken == 0:
            # A shortened name, the rest of its part: "Các cơ quan … giúp việc Đảng ủy" for "… Đảng ủy Ủy ban nhân dân tỉnh".
            last = next((i for i, t in enumerate(tokens) if t.endswith(";")), len(tokens) - 1)
            part = _words(" ".join(tokens[: last + 1]))
            if len(part) < 2 or not any(len(n) > len(part) and n[: len(part)] == part for n in names):
                return []
        elif taken < len(flat) and owner[taken] == owner[taken - 1]:
            return []  # the recipient ends inside a word of the point
        else:
            last = owner[taken - 1]
        found.append(" ".join(tokens[: last + 1]).rstrip(",;"))
        ended, tokens = tokens[last], tokens[last + 1 :]
        if ended.endswith((",", ";")):
            continue
        if tokens and _words(tokens[0]) == ["va"]:
            tokens = tokens[1:]
            continue
        return found if not tokens or tokens[0][:1].islower() else []
    return found


def recipient_leads(doc: Doc, tasks: list[Task], apply: Apply) -> None:
    """Give each point with no lead yet the recipients of the letter it opens with."""
    names = recipients(doc)
    if not names:
        return
    for task in tasks:
        if task.node is None or task.lead or task.parent is not None:
            continue
        found = _named(names, task.title)
        if found:
            apply(task, "lead", found)
