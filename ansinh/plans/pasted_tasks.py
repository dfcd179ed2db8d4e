"""Tasks pasted from a table the parser missed: the reviewer copies the plan's assignment table from Word or Excel.

A scanned annex often comes out of OCR too broken to read, and an official should not re-type fifty rows: copying
the table from the Word or Excel copy the office already holds puts it on the clipboard as one row per line, cells
parted by tabs ("STT / Nhiệm vụ / Cơ quan chủ trì / Cơ quan phối hợp / Thời gian"). The same reader that reads
uploaded plans reads the pasted rows (:func:`ansinh.documents.parsing.extract_plan`), so a numbered list pasted from
a document works as well. Row numbers are made full paths under their group rows ("II" then "1" is "II.1") and under
the task the reviewer chose; every row is added in one transaction, audited like a task added by hand, or none is.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, cast

from django.db import models, transaction

from ansinh.lib.roman import roman_value
from ansinh.plans.actions import _parent_number
from ansinh.plans.corrections import CorrectionError, _clean_names, last_position
from ansinh.plans.models import Plan, Task
from ansinh.plans.review import _apply, _audit_change, _locked_plan, _set_assignments, snapshot

MAX_PASTE_CHARS = 200_000
MAX_PASTED_TASKS = 500
NOTHING_READ = (
    "Không đọc được nhiệm vụ nào từ nội dung đã dán; không có gì được thêm. Hãy dán cả dòng tiêu đề của bảng "
    "(STT, Nhiệm vụ, Cơ quan chủ trì, Cơ quan phối hợp, Thời gian) cùng các dòng nhiệm vụ, hoặc một danh sách "
    "đánh số (1., 2., a) …)."
)
_GROUP_LETTER = re.compile(r"[A-Z]")
TASKS_HEADING = "NHIỆM VỤ, GIẢI PHÁP"


def read_pasted_tasks(text: str) -> list[dict[str, Any]]:
    """The tasks the plan reader finds in ``text`` (tab-separated rows or numbered paragraphs), numbered as full
    paths under their group rows: "I", "1", "2", "II", "1" → "I", "I.1", "I.2", "II", "II.1"."""
    from ansinh.documents.parsing import extract_plan
    from ansinh.lib.text import normalize_text

    if len(text) > MAX_PASTE_CHARS:
        raise CorrectionError(
            f"Nội dung dán dài quá {MAX_PASTE_CHARS:,} ký tự".replace(",", ".") + "; hãy dán từng phần của bảng."
        )
    def read(body: str) -> list[dict[str, Any]]:
        found = cast(list[Mapping[str, Any]], extract_plan(body, "bang-dan").get("tasks") or [])
        return [dict(t) for t in found if t.get("title")]

    text = normalize_text(text)
    # A numbered list pasted without its part's heading is read as the tasks part it came from.
    tasks = read(text) or read(f"{TASKS_HEADING}\n{text}")
    if len(tasks) > MAX_PASTED_TASKS:
        raise CorrectionError(f"Bảng có hơn {MAX_PASTED_TASKS} nhiệm vụ; hãy dán từng phần của bảng.")
    group = ""
    for task in tasks:
        number = str(task.get("number") or "").strip().strip(".") or _row_label(text, task)
        if number and "." not in number and (roman_value(number) is not None or _GROUP_LETTER.fullmatch(number)):
            group = number
        elif number and "." not in number and group:
            number = f"{group}.{number}"
        task["number"] = number
    return tasks


# A group row's label in its own first cell: "A<tab>Nhiệm vụ bổ sung", "II. Nhóm hạ tầng", "B | Nhóm …".
_LABEL_CELL = re.compile(r"[ \t]*([IVX]{1,5}|[A-Z])[ \t]*(?:\t|[.|)][ \t])")


def _row_label(text: str, task: Mapping[str, Any]) -> str:
    """The roman or capital label the row of ``task`` opens with, when the reader left the group row unnumbered."""
    span = task.get("span")
    if not isinstance(span, Sequence) or not span or not isinstance(span[0], int):
        return ""
    line_start = text.rfind("\n", 0, span[0]) + 1
    label = _LABEL_CELL.match(text, line_start)
    return label.group(1) if label is not None else ""


@transaction.atomic
def do_paste_tasks(plan: Plan, parent: Task | None, text: str, actor: Any) -> list[Task]:
    """Add the tasks read from ``text`` under ``parent`` (None: at the top), after the parent's last sub-task."""
    plan = _locked_plan(plan.pk)
    if parent is not None and parent.plan_id != plan.pk:
        raise CorrectionError("Nhiệm vụ cha không thuộc kế hoạch này.")
    rows = read_pasted_tasks(text)
    if not rows:
        raise CorrectionError(NOTHING_READ)
    tasks = list(Task.objects.filter(plan=plan).order_by("position", "id"))
    prefix = f"{parent.number}." if parent is not None and parent.number else ""
    taken = {t.number for t in tasks if t.number}
    numbers = [f"{prefix}{r['number']}" if r["number"] else "" for r in rows]
    clash = next((n for n in numbers if n and n in taken), None)
    if clash is not None:
        raise CorrectionError(
            f"Số thứ tự «{clash}» đã có trong kế hoạch; không có gì được thêm. Hãy chọn nhiệm vụ cha khác "
            "hoặc sửa số thứ tự trong bảng rồi dán lại."
        )
    after = last_position(parent, tasks)
    Task.objects.filter(plan=plan, position__gt=after).update(position=models.F("position") + len(rows))
    known: dict[str, Task] = {t.number: t for t in tasks if t.number}
    added: list[Task] = []
    for offset, (row, number) in enumerate(zip(rows, numbers, strict=True), start=1):
        above = (_parent_number(number, known) if number else None) or parent
        task = Task(plan=plan, parent=above, depth=(above.depth + 1) if above else 0, position=after + offset)
        _apply(task, _fields(row, number))
        task.save()
        _set_assignments(task, _clean_names(row.get("lead") or []), _clean_names(row.get("coordinate") or []))
        _audit_change(actor, "add", task, None, snapshot(task))
        if number:
            known[number] = task
        added.append(task)
    return added


def _fields(row: Mapping[str, Any], number: str) -> dict[str, Any]:
    return {
        "number": number[:40],
        "title": " ".join(str(row.get("title") or "").split())[:2000],
        "timeline": " ".join(str(row.get("timeline") or "").split())[:300],
    }
