"""Assignment tables whose cells a PDF's text layer wrote as paragraphs, some columns out of row order.

A text layer that writes each table cell as a paragraph of its own (cells broken over lines, a blank line between
cells) keeps a row's cells together only in part: on one page a row reads number, task, lead, person, deadline; on the
next the numbers of all rows come first, then each task with its lead, then the persons and deadlines::

    TT

    Nhiệm vụ cụ thể

    Cơ quan, tổ chức
    đảng chủ trì
    …
    II.1 Hoàn thiện thể chế, chính sách

    1

    2

    Rà soát, hoàn thiện hệ thống văn bản
    quy phạm pháp luật về bảo vệ môi trường

    Đảng ủy UBND
    tỉnh

    Xây dựng Kế hoạch bảo vệ môi trường …

What stays in order is what a reader needs: each task's cell and, right after it, the cell of the column that
follows the task column — its lead when the header names that column "… chủ trì". A group row ("I …", "II.1 …")
opens a group of tasks. The header starts with "TT"/"STT" alone on its paragraph and names a work column and a lead
column (a table of indicators, "Mục tiêu"/"Chỉ tiêu", is not read here). Numbers, page numbers, persons ("Đồng chí
…") and deadlines are skipped; a paragraph that goes on in lower case belongs to the cell before it.
"""

from __future__ import annotations

import re

from ansinh.documents.parsing.clean import Doc, fold_same_length, squeeze
from ansinh.documents.parsing.layout_tables import LayoutTable
from ansinh.documents.parsing.tables import LEAD_HEADER
from ansinh.documents.parsing.tasks import Task
from ansinh.documents.parsing.unit_names import opens_with_agency
from ansinh.documents.parsing.unit_roles import units_by_role

__all__ = ["find_paragraph_tables"]

_PARAGRAPH = re.compile(r"\S[^\n]*(?:\n[ \t]*\S[^\n]*)*")
_HEAD_START = re.compile(r"^(?:s?tt|so tt|thu tu)$")
# "TT" alone on its paragraph, a blank line after it: where such a table can start (looked for before anything else).
_HEAD_ALONE = re.compile(r"(?im)^[ \t]*(?:s?tt|s[ốo] tt|th[ứu] t[ựu])[ \t]*\n[ \t]*\n")
_WORK_HEAD = re.compile(r"nhiem vu|noi dung|hoat dong|cong viec|giai phap")
_TARGET_HEAD = re.compile(r"muc tieu|chi tieu|tieu chi")
_NUMBER = re.compile(r"^\d{1,3}\.?$")
# A group row: a roman numeral, perhaps with a section path ("II.1"), then its title.
_GROUP = re.compile(r"^([IVX]{1,4}(?:\.\d{1,2}){0,2})\.?\s+(\S.{2,})$", re.DOTALL)
# A row whose number and title a layer wrote together ("16 Xây dựng Kịch bản …").
_NUMBERED = re.compile(r"^(\d{1,3})\.?\s+([^\W\d_].{2,})$", re.DOTALL)
_PERSON = re.compile(r"^(?:đồng chí|đ/c|ông|bà)\s", re.IGNORECASE)
# A deadline cell: a date, a year or a period, "Quý …", "Thường xuyên", "Hằng năm", "Trước …".
_TIME = re.compile(r"^(?:(?:19|20)\d\d|\d{1,2}/|quy|thuong xuyen|hang nam|hang quy|truoc|trong|nam|thang|lien tuc)\b")
# Words of a body that leads: a lead cell names one ("Các cấp ủy, tổ chức đảng", "Đảng ủy UBND tỉnh").
_BODY_WORD = re.compile(r"\b(?:cap uy|dang uy|to chuc dang|uy ban|ubnd|hdnd|mat tran|doan the|cong an|quan su|van phong|"
                        r"chi bo)\b")
# What ends a table: the next annex, a signature block, the list of recipients.
_END = re.compile(r"^(?:phu luc|noi nhan|t/m|tm\.|kt\.)", re.IGNORECASE)
_MAX_HEADER = 8


def _fold(text: str) -> str:
    return squeeze(fold_same_length(text).lower())


def find_paragraph_tables(doc: Doc) -> list[LayoutTable]:
    """Every assignment table written a cell a paragraph, read into tasks."""
    opening = _HEAD_ALONE.search(doc.text) if "\n\n" in doc.text else None
    if opening is None:
        return []
    paragraphs = [(m.start(), m.end(), squeeze(m.group(0))) for m in _PARAGRAPH.finditer(doc.text, opening.start())]
    out: list[LayoutTable] = []
    i = 0
    while i < len(paragraphs):
        if not _HEAD_START.match(_fold(paragraphs[i][2])) or not _blank_after(doc.text, paragraphs[i][1]):
            i += 1
            continue
        first = _rows_start(paragraphs, i)
        if first is None:
            i += 1
            continue
        table, i = _read(paragraphs, i, first)
        # A table whose rows the stacked reader put back in order (a row a line, its cells tab-separated in the clean
        # view) is read as a table of rows; this reading is for the rows it could not order.
        # So is one whose every line the stacked reader made a row, though this reading counts more rows (a partner's or
        # a product's cell read as a task of its own).
        rows = sum(1 for t in table.tasks if t.number is None) if table is not None else 0
        clean = doc.clean[table.start : table.end] if table is not None else ""
        if table is not None and _tab_rows(clean) - 1 < rows and _tab_rows(clean) < sum(1 for x in clean.split("\n") if x.strip()):
            out.append(_without_repeated_heads(doc, table))
    return out


def _without_repeated_heads(doc: Doc, table: LayoutTable) -> LayoutTable:
    """The table without the group rows that repeat a numbered heading of the body ("1. Các nhiệm vụ cần làm ngay …",
    whose tasks the annex lists): that item is already a task, the rows are its details."""
    body = doc.folded[: table.start].lower()
    kept: list[Task] = []
    for task in table.tasks:
        if task.number is not None and task.children and not task.parent:
            head = re.compile(r"(?m)^[ \t]*(?:\d{1,2}|[ivx]{1,4})[.)][ \t]+" + re.escape(_fold(task.title)) + r"[ \t]*:?[ \t]*$")
            if head.search(body):
                for child in task.children:
                    child.parent = None
                continue
        kept.append(task)
    return LayoutTable(table.start, table.end, kept)


def _tab_rows(clean: str) -> int:
    return sum(1 for line in clean.split("\n") if "\t" in line.strip())


def _blank_after(text: str, end: int) -> bool:
    return text[end : end + 3].replace(" ", "").replace("\t", "").startswith("\n\n")


def _rows_start(paragraphs: list[tuple[int, int, str]], head: int) -> int | None:
    """The index of the first paragraph after the header, when the header names a work column and a lead column right
    after it (and no indicator column); None for any other table."""
    heads: list[str] = []
    k = head + 1
    while k < len(paragraphs) and len(heads) < _MAX_HEADER:
        text = paragraphs[k][2]
        if _NUMBER.match(text) or _NUMBERED.match(text):
            break
        if not _GROUP.match(text):
            if len(text) > 80:
                return None
            heads.append(_fold(text))
        k += 1
    if len(heads) < 3 or any(_TARGET_HEAD.search(h) for h in heads):
        return None
    work = next((n for n, h in enumerate(heads) if _WORK_HEAD.search(h)), None)
    if work is None or work + 1 >= len(heads) or not re.search(LEAD_HEADER, heads[work + 1]):
        return None
    return k


def _first_clause(title: str) -> str:
    """A long task cell's first clause: "Xây dựng Kế hoạch …; trong đó cụ thể hóa …" is "Xây dựng Kế hoạch …"."""
    cut = title.find("; ")
    return (title[:cut] if cut >= 40 else title).rstrip(" .;")


def _lead_cell(text: str) -> bool:
    folded = _fold(text)
    return len(text) <= 90 and not text.rstrip().endswith(".") and (opens_with_agency(text) or bool(_BODY_WORD.search(folded)))


def _read(paragraphs: list[tuple[int, int, str]], head: int, first: int) -> tuple[LayoutTable | None, int]:
    tasks: list[Task] = []
    groups: dict[str, Task] = {}
    group: Task | None = None
    last: Task | None = None  # the task whose lead cell comes next
    previous = ""
    k = head + 1
    while k < len(paragraphs):
        start, end, text = paragraphs[k]
        folded = _fold(text)
        if _END.match(folded):
            break
        if k < first and not _GROUP.match(text):
            k += 1
            continue  # a header cell
        if _NUMBER.match(text) or _PERSON.match(text) or (len(text) <= 60 and _TIME.search(folded) and not _lead_cell(text)):
            previous = "skip"
            k += 1
            continue
        if text[:1].islower() and previous in ("task", "lead"):
            target = tasks[-1] if previous == "task" and tasks else None
            if target is not None:
                target.title = squeeze(target.title + " " + text)
                target.span = (target.span[0], end)
            k += 1
            continue
        grouped = _GROUP.match(text)
        if grouped and len(text) <= 200:
            number = grouped.group(1)
            group = Task(number, squeeze(grouped.group(2)), (start, end))
            parent = groups.get(number.rsplit(".", 1)[0]) if "." in number else None
            if parent is not None:
                group.parent = parent
                parent.children.append(group)
            groups[number] = group
            tasks.append(group)
            last, previous = None, "group"
            k += 1
            continue
        if last is not None and previous == "task" and _lead_cell(text):
            lead, partners = units_by_role(text)
            last.lead, last.own_lead = lead, bool(lead)
            if partners:
                last.coordinate, last.own_coordinate = partners, True
            last, previous = None, "lead"
            k += 1
            continue
        if _lead_cell(text):
            previous = "lead"  # a lead cell out of its row's order
            k += 1
            continue
        numbered = _NUMBERED.match(text)
        title = squeeze(numbered.group(2)) if numbered else text
        if len(title) < 15 or not title[:1].isupper():
            previous = "skip"
            k += 1
            continue
        task = Task(None, _first_clause(title), (start, end))
        if group is not None:
            task.parent = group
            group.children.append(task)
        tasks.append(task)
        last, previous = task, "task"
        k += 1
    if sum(bool(t.lead) for t in tasks) < 2:
        return None, max(k, head + 1)
    return LayoutTable(paragraphs[head][0], paragraphs[k - 1][1], tasks), k
