"""Assignment lines that hand items over by number ("- Sở Y tế chủ trì nội dung 2.1 và 2.2"), and how a unit is put on a
task (its names merged under one key per body). Split from assignments.py.
"""

from __future__ import annotations

import bisect
import re

from ansinh.documents.parsing.assigned_names import assigned_names as _names
from ansinh.documents.parsing.clean import Doc, fold_same_length
from ansinh.documents.parsing.labelled_units import LABEL_LINE
from ansinh.documents.parsing.structure import Node
from ansinh.documents.parsing.tasks import Task
from ansinh.documents.parsing.unit_names import _head_match, _split_outside_parens, name_key, split_units
from ansinh.documents.parsing.vocab import AGENCY_HEADS, COORD_LABEL, LEAD_LABEL

# An item number as assignments cite it: "2.1", or "I.2" under a roman group (folded).
_NUM_REF = r"(?:[ivx]{1,5}\.)?\d+(?:\.\d+)*"
_NUMBERED_LEAD = re.compile(
    r"^(?P<who>.+?)\s+chu\s+tri\s+(?:cac\s+)?(?:noi\s+dung|nhiem\s+vu|muc|phan|diem|tieu\s+muc)?\s*"
    r"(?P<nums>" + _NUM_REF + r"(?:\s*(?:,|va|;)\s*" + _NUM_REF + r")*)"
)


def _merge(into: list[str], names: list[str]) -> None:
    keys = {name_key(x) for x in into}
    for name in names:
        key = name_key(name)
        if key and key not in keys:
            into.append(name)
            keys.add(key)


def _apply(task: Task, role: str, names: list[str]) -> None:
    names = _names(names)
    if role == "lead":
        _merge(task.lead, names)
        task.own_lead = task.own_lead or bool(names)
    else:
        _merge(task.coordinate, names)
        task.own_coordinate = task.own_coordinate or bool(names)


def _numbered_lines(doc: Doc, node: Node, by_number: dict[str, Task], group: Task | None) -> list[Task]:
    """Unlabelled lines of an assignment block that assign items by number ("- Sở Y tế chủ trì nội dung 2.1 và 2.2").

    Returns the items assigned, with the groups above them.
    """
    assigned: list[Task] = []
    for line in _logical_lines(doc, node):
        label = LABEL_LINE.match(line)
        if label and (LEAD_LABEL.search(fold_same_length(label.group("label"))) or COORD_LABEL.search(fold_same_length(label.group("label")))):
            continue
        body = re.sub(r"^\s*(?:[-–+*•]|\d{1,2}[.)])\s*", "", line)
        for part in _split_outside_parens(body, ";"):
            m = _NUMBERED_LEAD.match(fold_same_length(part.strip()))
            if not m:
                continue
            who = split_units(part.strip()[: m.end("who")])
            if not who or not _head_match(who[0], AGENCY_HEADS):
                continue
            for num in re.findall(_NUM_REF, m.group("nums")):
                task = by_number.get(num)
                if task is None:
                    continue
                _apply(task, "lead", who)
                assigned.append(task)
                if task.parent is not None and (group is None or task.parent is not group):
                    _merge(task.parent.lead, who)
                    task.parent.own_lead = True
                    assigned.append(task.parent)
            if group is not None:
                _apply(group, "lead", who)
    unique: list[Task] = []
    for task in assigned:
        if all(task is not seen for seen in unique):
            unique.append(task)
    return unique


_LINE_OPENER = re.compile(r"^\s*(?:[-–+*•]|\d{1,2}(?:\.\d{1,2})*[.)]|[IVX]{1,5}[.)]|[a-zđ]\))")


def _logical_lines(doc: Doc, node: Node) -> list[str]:
    """The lines of ``node``, a hard-wrapped line joined to the line it carries on."""
    out: list[str] = []
    first = bisect.bisect_left(doc.line_starts, node.start)
    for s, e in doc.lines()[first:]:
        if s >= node.end:
            break
        line = doc.clean[s:e]
        if not line.strip():
            continue
        if out and not _LINE_OPENER.match(line) and not out[-1].rstrip().endswith((".", ";", ":")) and line[:1].islower():
            out[-1] = out[-1].rstrip() + " " + line.strip()
        else:
            out.append(line)
    return out
