"""The subject of an official letter (công văn, Decree 30/2020 Appendix I): "V/v …" under its number.

A letter has no type word ("KẾ HOẠCH", "CHỈ THỊ") over its title: its trích yếu is the "V/v" line in the
header's left column, perhaps wrapped onto a few more lines, and ends at "Kính gửi". In a PDF's text the
right column often shares those lines ("V/v hướng dẫn …\tHà Nội, ngày …"), so each line is read up to a tab
or a wide gap only.
"""

from __future__ import annotations

import re

from ansinh.documents.parsing.clean import Doc, span_text

# Patterns are matched at a line start with ``match(folded, start)`` (no "^").
_SUBJECT = re.compile(r"[ \t|*]*v\s*/\s*v\b[ \t.:]*")
# "V/v" inside a line: after the number on a merged header line ("Số: /BCĐ V/v …\tCỘNG HÒA …") or in a table cell.
_SUBJECT_INSIDE = re.compile(r"(?:(?<=[\s|*])|^)v\s*/\s*v\s")
# A line that ends the subject: the addressees, a basis, the number or the place and date, a rule line.
_STOP = re.compile(r"[ \t|]*(?:kinh gui|s[o6]\s*:|[^\t]{0,40},\s*ngay\b|[_\-–=*.]{3,})")
# A capitalised basis or purpose opens the body ("Căn cứ …", "Thực hiện …"); in running case it goes on the subject.
_BODY_OPENING = re.compile(r"(?:can cu|thuc hien|ve de nghi|theo de nghi)\b")
_COLUMN_GAP = re.compile(r"\t| {3,}|\|")
_MAX_LINES = 4
# How a subject read here opens, whatever the text wrote ("v/v:", "V/V").
PREFIX = "V/v"


def _left_piece(doc: Doc, s: int, e: int) -> tuple[int, int]:
    """``s:e`` cut at the first tab or wide gap after some text: the left column's part of a header line."""
    text = doc.clean[s:e]
    lead = len(text) - len(text.lstrip(" \t|"))
    gap = _COLUMN_GAP.search(text, lead)
    return s + lead, s + (gap.start() if gap else len(text.rstrip()))


def subject_pieces(doc: Doc, head_lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans of a letter's "V/v" subject, one per line it is written on; empty when there is none."""
    folded = doc.folded
    for k, (s, e) in enumerate(head_lines):
        if _SUBJECT.match(folded, s, e):
            start, end = _left_piece(doc, s, e)
        elif (inside := _SUBJECT_INSIDE.search(folded, s, e)) is not None:
            start, end = _left_piece(doc, inside.start(), e)
        else:
            continue
        while end > start and doc.clean[end - 1] in " *":
            end -= 1
        if end - start < 8:
            return []
        pieces = [(start, end)]
        for s2, e2 in head_lines[k + 1 : k + 1 + _MAX_LINES]:
            a, b = _left_piece(doc, s2, e2)
            if b <= a or _STOP.match(folded, s2, e2) or _SUBJECT.match(folded, s2, e2):
                break
            first = doc.clean[a]
            # A continuation goes on in running case; a capital after a closed sentence, or a capitalised
            # basis ("Căn cứ …"), starts the body.
            if first.isupper() and (doc.clean[pieces[-1][1] - 1] in ".;:" or _BODY_OPENING.match(folded, a)):
                break
            pieces.append((a, b))
        return pieces
    return []


def subject_text(doc: Doc, pieces: list[tuple[int, int]]) -> str | None:
    """The subject as one line of text ("V/v hướng dẫn … năm 2022")."""
    text = " ".join(span_text(doc, a, b) for a, b in pieces).strip()
    text = re.sub(r"^[*\s]*[Vv]\s*/\s*[Vv]\b[ .:]*", PREFIX + " ", text).strip(" *")
    return text or None


def is_subject(title: object) -> bool:
    """Whether a meta title is a letter's subject as :func:`subject_text` gives it (not a plan's own title)."""
    return isinstance(title, str) and title.startswith(PREFIX)
