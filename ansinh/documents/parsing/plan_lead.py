"""The body a plan gives the whole of its work to, for the items that name no doer of their own.

An inspection or a campaign plan often lists what is to be done (the contents to inspect, the steps of a
campaign) without a doer on any item, and says once, outside the list, who carries it all out: "Chủ tịch UBND
tỉnh giao Sở Nội vụ chủ trì, phối hợp với các ngành có liên quan tổ chức kiểm tra …". That body leads, and its
partners coordinate, every group of items in which no item has a lead, when such groups are the most. Only an explicit hand-over
("giao", "phân công") with "chủ trì" outside every item counts, and only the first one.

An event or programme plan states the same in labelled lines before its list ("II. TỔ CHỨC THỰC HIỆN 3. Đơn vị chủ trì
thực hiện: Sở X. 4. Đơn vị phối hợp thực hiện: …"): those bodies lead, and coordinate, every top-level item that states
no roles of its own.
"""

from __future__ import annotations

import re

from ansinh.documents.parsing.clause_units import read_clause
from ansinh.documents.parsing.clean import Doc, squeeze
from ansinh.documents.parsing.labelled_units import labelled
from ansinh.documents.parsing.responsibilities import Apply
from ansinh.documents.parsing.structure import Node
from ansinh.documents.parsing.tasks import Task
from ansinh.documents.parsing.unit_names import _head_match, split_units
from ansinh.documents.parsing.vocab import AGENCY_HEADS

# "(?<![a-z])" looked at after each word's first letter, so the engine skips to a "g" or "p" (the same matches).
_HAND_OVER = re.compile(r"(?:g(?<![a-z]g)iao(?:\s+cho)?|p(?<![a-z]p)han\s+cong)\s+(?=\S)")
_SENTENCE_END = re.compile(r"[.;:\n]")


def _walk(task: Task) -> list[Task]:
    out = [task]
    for child in task.children:
        out.extend(_walk(child))
    return out


def _hand_over(doc: Doc, inside: list[tuple[int, int]]) -> tuple[list[str], list[str]] | None:
    """(lead, partners) of the first hand-over sentence outside the items' spans."""
    for m in _HAND_OVER.finditer(doc.folded):
        if any(a <= m.start() < b for a, b in inside):
            continue
        end_match = _SENTENCE_END.search(doc.folded, m.end())
        end = end_match.start() if end_match else len(doc.folded)
        folded = " ".join(doc.folded[m.start() : end].split())
        if not re.search(r"(?<![a-z])chu\s+tri(?![a-z])", folded):
            continue
        clean = squeeze(doc.clean[m.start() : end])
        if len(clean) != len(folded):
            continue
        found = read_clause(clean, folded)
        if found is not None and found[0]:
            return found
    return None


def plan_wide_lead(doc: Doc, tasks: list[Task], apply: Apply) -> None:
    """Give the plan's declared doer to every top-level item whose whole group names no lead."""
    roots = [t for t in tasks if t.parent is None and t.node is not None]
    bare = [t for t in roots if not any(x.lead for x in _walk(t))]
    # Most groups must name no doer: where most do, a bare group is not the plan's common work.
    if not bare or 2 * len(bare) < len(roots):
        return
    # The plan's own word stands outside the list: a hand-over inside any item assigns that item, not the plan.
    inside = [(t.node.start, t.node.end) for t in roots if t.node is not None]
    found = _hand_over(doc, inside)
    if found is None:
        return
    lead, partners = found
    for task in bare:
        apply(task, "lead", lead)
        if partners and not task.coordinate:
            apply(task, "coordinate", partners)


def _outside(root: Node, tasks: list[Task]) -> list[tuple[int, int]]:
    """The parts of the text outside every task item and every assignment part."""
    spans = sorted(
        [(t.node.start, t.node.end) for t in tasks if t.node is not None]
        + [(n.start, n.end) for n in root.walk() if n.kind == "assignment"]
    )
    out: list[tuple[int, int]] = []
    pos = 0
    for s, e in spans:
        if s > pos:
            out.append((pos, s))
        pos = max(pos, e)
    if root.end > pos:
        out.append((pos, root.end))
    return out


def plan_labelled_roles(doc: Doc, root: Node, tasks: list[Task], apply: Apply) -> None:
    """Give the lead and partners a plan labels once, outside its items, to the top-level items stating none."""
    roots = [t for t in tasks if t.parent is None and t.node is not None]
    if not roots:
        return
    roles = [(role, value) for role, value in labelled(doc, _outside(root, tasks)) if role != "timeline"]
    leads = [k for k, (role, _) in enumerate(roles) if role == "lead"]
    if len(leads) != 1:
        return  # none, or one per part: they belong to parts, not to the whole plan
    found: dict[str, list[str]] = {"lead": split_units(roles[leads[0]][1])}
    if not found["lead"] or not all(_head_match(n, AGENCY_HEADS) for n in found["lead"]):
        return
    # The partners' label goes with the lead's, on the line after it ("Đơn vị phối hợp thực hiện: …").
    after = leads[0] + 1
    if after < len(roles) and roles[after][0] == "coordinate":
        found["coordinate"] = split_units(roles[after][1])
    for task in roots:
        if not task.own_lead:
            apply(task, "lead", found["lead"])
            if "coordinate" in found and not task.own_coordinate:
                apply(task, "coordinate", found["coordinate"])
