"""Assignments written in the responsibilities part, agency by agency, naming the items by number.

"1. Sở Y tế: chủ trì thực hiện các nhiệm vụ tại mục 1 và mục 2 Phần II; ..." makes Sở Y tế the lead of
tasks 1 and 2; "Ủy ban nhân dân các xã: phối hợp thực hiện các nhiệm vụ tại mục 1, 2, 3" makes the
communes partners of tasks 1 to 3; "…; phối hợp với Sở Y tế tổ chức truyền thông" after a lead clause
makes Sở Y tế a partner of the items that clause named. Only items that exist as numbered tasks are
assigned, and only from items whose heading opens with the name of a body.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from ansinh.documents.parsing.clean import Doc, squeeze
from ansinh.documents.parsing.structure import Node
from ansinh.documents.parsing.unit_names import _head_match, split_units
from ansinh.documents.parsing.vocab import AGENCY_HEADS

if TYPE_CHECKING:
    from ansinh.documents.parsing.tasks import Task

_WHO = re.compile(r"^(?P<who>[^:;.\n]{3,120}?)\s*:\s*")
_REFS = re.compile(
    r"(?:muc|nhiem\s+vu|noi\s+dung|tieu\s+muc)\s+(?P<first>\d+(?:\.\d+)*)"
    r"(?P<more>(?:\s*(?:,|va)\s*(?:muc\s+)?\d+(?:\.\d+)*)*)"
)
_LEAD = re.compile(r"(?<![a-z])chu\s+tri(?![a-z])")
_PARTNER = re.compile(r"(?<![a-z])phoi\s+hop(?![a-z])")
_PARTNER_WITH = re.compile(r"(?<![a-z])phoi\s+hop\s+voi\s+(?P<with>[^;.]{3,200}?)(?=\s+(?:de|trong|thuc\s+hien|to\s+chuc|trien\s+khai)(?![a-z])|$)")
_CLAUSE = re.compile(r"[^;.]+")

Apply = Callable[["Task", str, list[str]], None]


def _numbers(match: re.Match[str]) -> list[str]:
    return [match.group("first"), *re.findall(r"\d+(?:\.\d+)*", match.group("more"))]


def assign_from_responsibilities(doc: Doc, root: Node, tasks: list[Task], apply: Apply) -> None:
    """Give tasks the leads and partners that the responsibilities part names by item number."""
    by_number = {t.number: t for t in tasks if t.number and t.node is not None}
    if not by_number:
        return
    for node in root.walk():
        if node.effective_kind() != "organization" or not node.style.startswith("num") or node.kind is not None:
            continue
        found = _who(doc, node)
        if found is None:
            continue
        who, duties_at = found
        names = split_units(who)
        folded = doc.folded[duties_at : node.end]
        led: list[Task] = []
        for clause in _CLAUSE.finditer(folded):
            text = clause.group(0)
            refs = [by_number[n] for m in _REFS.finditer(text) for n in _numbers(m) if n in by_number]
            lead_at, partner_at = _LEAD.search(text), _PARTNER.search(text)
            if refs and lead_at and (partner_at is None or lead_at.start() < partner_at.start()):
                for task in refs:
                    apply(task, "lead", names)
                led = refs
            elif refs and partner_at:
                for task in refs:
                    apply(task, "coordinate", names)
            elif led and (with_match := _PARTNER_WITH.search(text)):
                start = duties_at + clause.start() + with_match.start("with")
                partners = split_units(doc.clean[start : start + len(with_match.group("with"))])
                for task in led:
                    apply(task, "coordinate", partners)


# "1. Sở Y tế chủ trì thực hiện …": the body before its role, in the item's first sentence.
_WHO_THEN_ROLE = re.compile(r"(?P<who>[^:;.\n]{3,120}?)\s+(?=(?:chu\s+tri|phoi\s+hop)(?![a-z]))")


def _who(doc: Doc, node: Node) -> tuple[str, int] | None:
    """The bodies an item of the responsibilities part addresses and where their duties begin: "1. Sở Y tế: …",
    "1. Sở Y tế" over a paragraph of its duties, "1. Sở Y tế chủ trì thực hiện …"."""
    head = doc.clean[node.head_start : node.end]
    who_match = _WHO.match(head)
    if who_match is not None:
        who = squeeze(who_match.group("who"))
        return (who, node.head_start + who_match.end()) if _head_match(who, AGENCY_HEADS) else None
    line = doc.clean[node.head_start : node.head_end].strip()
    # The heading line names only the bodies (no verb in lower case after them): the paragraph below holds the duties.
    if line and not re.search(r"[.;,:]\s*$", line) and node.head_end < node.end and _head_match(line, AGENCY_HEADS):
        if not _WHO_THEN_ROLE.match(doc.folded[node.head_start : node.head_end].strip()) and len(line.split()) <= 12:
            return squeeze(line), node.head_end
    role = _WHO_THEN_ROLE.match(doc.folded, node.head_start, node.head_end)
    if role is not None:
        who = squeeze(doc.clean[node.head_start : role.end("who")])
        if _head_match(who, AGENCY_HEADS) and len(who.split()) <= 12:
            return who, role.end()
    return None
