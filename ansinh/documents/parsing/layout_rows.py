"""The row numbers of a table laid out with spaces (see :mod:`layout_tables`) where noise combined blurs them: a
roman group number OCR misread ("Il" for "II"), a number a web copy set one space from its title ("II Khẩn trương",
"62. Xây dựng" on a line a page broke), a heading-like line ("- Nghị định …") right above the next row."""

from __future__ import annotations

import re

from ansinh.documents.parsing.clean import Doc
from ansinh.lib.roman import roman_value

_GAP = re.compile(r"\S+(?:(?: |(?<=[,;])  )\S+)*")  # as in :mod:`layout_tables`


def runs_of(line: str) -> list[tuple[int, int, str]]:
    """Text runs of a line separated by two spaces or more: (start, end, text)."""
    return [(m.start(), m.end(), m.group(0)) for m in _GAP.finditer(line)]


_ROW_NUMBER = re.compile(r"^(?:\d{1,3}(?:\.\d{1,2})?|[IVX]{1,5})\.?$")
# A roman group number a scan's OCR read with "l" or "1" for "I" ("Il", "1I", "ll", "lV", "V1."): two characters at
# least, not all digits.
_OCR_ROMAN = re.compile(r"^(?=[IVXl1]*[IVXl])[IVXl1]{2,6}\.?$")


# A group row's roman number one space from its title ("II Khẩn trương, …"): a web copy of a PDF's text keeps a gap
# of two spaces only on a line with two gaps at least, and a group row spans the columns after the number.
# So is a row's number when the page broke its line, the rest of its cells on the next page ("62. Xây dựng, ban hành
# Kế hoạch …" / "Trang 32" / "Bộ Thông tin   Các bộ   …"): read when it is the number after the row above's.
_GROUP_HEAD = re.compile(r"^([IVXl1]{1,6}\.?|\d{1,3}\.?) (?=[A-ZĐÀ-Ỹ])")


def split_group_label(
    runs: list[tuple[int, int, str]], columns: list[tuple[int, int, str]], after: int | None = None, group: str | None = None
) -> list[tuple[int, int, str]]:
    """``runs`` with the roman number of the group after ``group`` (or the row number after ``after``) set apart from
    its title, the title under the second column; another roman number is a heading after the table ("III. TỔ CHỨC")."""
    if not runs or runs[0][0] > 2 or columns[0][2] != "number" or len(columns) < 2:
        return runs
    m = _GROUP_HEAD.match(runs[0][2])
    label = m.group(1) if m else None
    if label is None or row_label(label) is None:
        return runs
    if label.rstrip(".").isdigit() and (after is None or int(label.rstrip(".")) != after + 1):
        return runs
    if not label.rstrip(".").isdigit() and roman_value(row_label(label) or "") != (roman_value(group or "") or 0) + 1:
        return runs
    s, _e, text = runs[0]
    rest = text[m.end() :] if m else ""
    if len(runs) == 1 and rest.isupper():
        return runs  # a heading in capitals: the text after the table ("III. TỔ CHỨC THỰC HIỆN")
    at = max(columns[1][0], s + len(label) + 2)
    return [(s, s + len(label), label), (at, at + len(rest), rest), *runs[1:]]


def row_label(text: str) -> str | None:
    """The row number a number cell holds ("3", "II", "2.1"), a roman one OCR misread put right; None for text."""
    if _ROW_NUMBER.match(text):
        return text.rstrip(".")
    if _OCR_ROMAN.match(text):
        label = text.rstrip(".").replace("l", "I").replace("1", "I")
        return label if roman_value(label) is not None else None
    return None


def last_number(number: str | None) -> int | None:
    """The number of the row read last, when it is a whole number ("12", "II.12")."""
    last = number.rsplit(".", 1)[-1] if number else ""
    return int(last) if last.isdigit() else None


def row_follows(doc: Doc, lines: list[tuple[int, int]], i: int, columns: list[tuple[int, int, str]]) -> bool:
    """Whether the next line with text after line ``i`` opens a row of the table (its number, then cells): a line
    above it that reads like a heading or a dash item ("- Nghị định quy định …") is a cell's last line."""
    for s, e in lines[i + 1 : i + 3]:
        line = doc.clean[s:e].replace("\t", " ")
        if not line.strip():
            continue
        runs = split_group_label(runs_of(line), columns)
        return len(runs) >= 2 and runs[0][0] <= 2 and row_label(runs[0][2]) is not None
    return False
