"""Who leads and who coordinates each task.

Three ways a plan assigns work, all read here:

- labelled lines under an item ("Chủ trì: ...", "Cơ quan phối hợp: ...",
  "Thời gian thực hiện: ...");
- a "Phân công thực hiện" item that assigns its sibling items, possibly by
  number ("Sở Y tế chủ trì nội dung 6.2; ...");
- a sentence "Sở X chủ trì, phối hợp với Y ..." in the item's text.

A group without its own assignment gets the union of its sub-items'; a
sub-item without one inherits its group's.
"""

from __future__ import annotations

import bisect
import re

from ansinh.documents.parsing.clause_units import before_verb, opens_with_verb, partners_end
from ansinh.documents.parsing.clean import Doc, blank_runs, fold_same_length
from ansinh.documents.parsing.duty_clauses import clause_leads
from ansinh.documents.parsing.labelled_units import (
    by_stated_role,
    closing_roles,
    closing_time,
    labelled,
)
from ansinh.documents.parsing.lead_ins import colon_listed_leads, lead_in_leads, wrapped_subject_leads
from ansinh.documents.parsing.letter_recipients import recipient_leads
from ansinh.documents.parsing.numbered_leads import _NUM_REF, _NUMBERED_LEAD, _apply, _merge, _numbered_lines
from ansinh.documents.parsing.own_partners import own_partners
from ansinh.documents.parsing.partner_clauses import real_partners
from ansinh.documents.parsing.plan_lead import plan_labelled_roles, plan_wide_lead
from ansinh.documents.parsing.responsibilities import assign_from_responsibilities
from ansinh.documents.parsing.structure import Node
from ansinh.documents.parsing.subject_leads import addressee_leads, subject_leads
from ansinh.documents.parsing.tasks import Task
from ansinh.documents.parsing.text_caches import text_cache
from ansinh.documents.parsing.unit_names import _head_match, _split_outside_parens, split_units
from ansinh.documents.parsing.unit_roles import _LEAD_THEN_PARTNERS, ITEM_MARK, _wrapped_name
from ansinh.documents.parsing.vocab import (
    AGENCY_HEADS,
)

# How closely the partners work with the lead, between "phối hợp" and "với": "phối hợp chặt chẽ với", "phối hợp tốt với".
_WITH_MANNER = r"(?:(?:chat\s+che|tot|thuong\s+xuyen|dong\s+bo|nhip\s+nhang)\s+)?"
# "[Giao] Sở X chủ trì, phối hợp với Y [thực hiện ...]"; the partners are optional when the clause
# names the items it assigns ("Sở Z chủ trì nội dung tại điểm b").
_SENTENCE_LEAD = re.compile(
    r"(?:^|[.;]\s+|\n\s*)(?:[-+•*]\s*)?(?:(?:giao(?:\s+cho)?|de\s+nghi|yeu\s+cau|chi\s+dao|uy\s+quyen\s+cho)\s+)?"
    r"(?P<who>[^.;:]{3,120}?)\s+(?:chu\s+tri|la(?:m)?\s+(?:co\s+quan\s+)?dau\s+moi)(?:(?:\s*,\s*|\s+va\s+|\s+)(?:phoi\s+hop\s+" + _WITH_MANNER + r"(?:voi\s+)?|cung\s+voi\s+)(?P<with>[^.;]{3,300}?))?"
    r"(?:(?<![^a-z]so)|(?<=phong so)|(?<=tra so))(?<![^a-z]bo)(?<![^a-z]phong)(?=,?\s+(?:de|nham|thuc\s+hien|trien\s+khai|to\s+chuc|xay\s+dung|tham\s+muu|huong\s+dan|ra\s+soat|theo\s+doi|"
    r"tong\s+hop|chi\s+tra|thanh\s+toan|cap\s+nhat|van\s+dong|tuyen\s+truyen|"
    # More verbs that open the action; none of them ends a body's name ("Sở Giáo dục và Đào tạo" is why
    # "đào tạo", "kiểm tra", "quản lý", "hỗ trợ", "thông tin" are not here).
    r"bo\s+tri|boi\s+duong|tap\s+huan|ban\s+hanh|de\s+xuat|nghien\s+cuu|cung\s+cap|tiep\s+nhan|giai\s+quyet|"
    r"cham\s+lo|khao\s+sat|thong\s+ke|duy\s+tri|phan\s+bo|huy\s+dong|chi\s+dao|quan\s+triet|hoan\s+thien|"
    r"mo\s+rong|khan\s+truong|tap\s+trung|day\s+nhanh|xu\s+ly|phan\s+tich|lam\s+viec|bao\s+cao|"
    r"sua\s+doi|danh\s+gia|day\s+manh|bao\s+dam|dam\s+bao|tang\s+cuong|nang\s+cao|cap\s+(?:the|phat|giay)|"
    r"(?:cac\s+)?noi\s+dung|(?:cac\s+)?nhiem\s+vu)(?![a-z])|[.;]|$)"
)
_SHARED_LIST = re.compile(r"(?<![a-z])cac\s+(?:bo|so)\s*:?\s+\S+")
# A duty that opens with the roles and no subject: "Chủ trì, phối hợp với Sở Nội vụ rà soát …".
_SUBJECTLESS_LEAD = re.compile(
    r"^[\s\-–+•]*(?:[a-zđ]\)|\d{1,2}(?:\.\d{1,2})*[.)])?\s*chu\s+tri\s*,?\s*phoi\s+hop\s+" + _WITH_MANNER + r"(?:voi\s+)?(?P<with>[^.;]{3,200}?)"
    r"(?=\s+(?:de|nham|thuc\s+hien|trien\s+khai|to\s+chuc|xay\s+dung|tham\s+muu|huong\s+dan|ra\s+soat|theo\s+doi|"
    r"tong\s+hop|bao\s+dam|dam\s+bao|tang\s+cuong|nang\s+cao|kiem\s+tra|xac\s+dinh|danh\s+gia|bao\s+cao|de\s+xuat|"
    # the verbs that open a duty after "X chủ trì, phối hợp với Y" too (_SENTENCE_LEAD): "… phối hợp với Bộ Y ban hành …"
    r"ban\s+hanh|nghien\s+cuu|cung\s+cap|bo\s+tri|hoan\s+thien|sua\s+doi|chi\s+dao|giai\s+quyet|tiep\s+nhan|xu\s+ly|"
    r"chi\s+tra|thanh\s+toan|cap\s+nhat|tuyen\s+truyen|van\s+dong|thong\s+ke|khao\s+sat|huy\s+dong|phan\s+bo)(?![a-z])|[.;]|$)"
)
# What every _SENTENCE_LEAD match holds: a scan for it spares the pattern's tries at every sentence start.
_LEAD_WORDS = re.compile(r"chu\s+tri|dau\s+moi")
# "Phòng Kinh tế chủ trì; Phòng Văn hóa - Xã hội, Công an xã phối hợp": each role after its bodies.
_POSTPOSED = re.compile(
    r"(?:^|[.;:(]\s*|\n\s*)(?P<who>[^.;:(\n]{3,120}?)\s+chu\s+tri\s*[;,]\s*(?P<with>[^.;:]{3,200}?)\s+phoi\s+hop(?!\s+voi)(?![a-z])"
)
# The items a clause assigns: "(thực hiện) nội dung tại điểm a", "các nhiệm vụ ở mục 2.1 và 2.2".
_ITEM_REFS = re.compile(
    r"(?:diem|muc|tiet|tieu\s+muc|noi\s+dung|nhiem\s+vu)\s+(?P<refs>(?:[a-zđ]|\d+(?:\.\d+)*)(?![a-z0-9])"
    r"(?:\s*(?:,|va)\s*(?:(?:diem|muc)\s+)?(?:[a-zđ]|\d+(?:\.\d+)*)(?![a-z0-9]))*)"
)


def _own_ranges(node: Node, task_nodes: set[int]) -> list[tuple[int, int]]:
    """The parts of ``node`` not inside a nested task (or assignment) item."""
    ranges: list[tuple[int, int]] = []
    pos = node.start
    for child in node.children:
        if id(child) in task_nodes or child.kind == "assignment":
            if child.start > pos:
                ranges.append((pos, child.start))
            pos = child.end
    if node.end > pos:
        ranges.append((pos, node.end))
    return ranges


@text_cache(maxsize=2)
def _runs_and_ends(folded: str) -> tuple[list[tuple[int, int]], list[int]]:
    """The document's long blank runs and their ends (for bisection)."""
    runs = blank_runs(folded)
    return runs, [b for _a, b in runs]


def _unblanked(doc: Doc, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``ranges`` cut at long blank runs (a masked table, page furniture), so the sentence patterns never scan them.

    The document's runs are found once (a ``text_cache``, as every per-document reading); a run cut by a range's ends counts as the pattern
    scanned within the range would count it, from forty blanks."""
    runs, ends = _runs_and_ends(doc.folded)
    out: list[tuple[int, int]] = []
    for s, e in ranges:
        pos = s
        for a, b in runs[bisect.bisect_right(ends, s) :]:
            if a >= e:
                break
            a, b = max(a, s), min(b, e)
            if b - a < 40:
                continue
            if a > pos:
                out.append((pos, a))
            pos = b
        if e > pos:
            out.append((pos, e))
    return out


def assign_units(doc: Doc, root: Node, tasks: list[Task]) -> None:
    """Fill ``lead``, ``coordinate`` and ``timeline`` of every task in place."""
    node_tasks = {id(t.node): t for t in tasks if t.node is not None}
    task_nodes = set(node_tasks)
    by_number: dict[str, Task] = {t.number.lower(): t for t in tasks if t.number}
    # Each item's own text, outside its sub-items, read once for the loops below (the tree does not change here).
    own = {id(t): _own_ranges(t.node, task_nodes) for t in tasks if t.node is not None}
    unblanked: dict[int, list[tuple[int, int]]] = {}
    for task in tasks:
        if task.node is None:
            continue
        for role, value in labelled(doc, own[id(task)]):
            if role == "timeline":
                task.timeline = task.timeline or value.rstrip(". ")
            else:
                # "- Đơn vị thực hiện: Sở X chủ trì, phối hợp với Y": the value states both roles.
                stated = _LEAD_THEN_PARTNERS.match(value) if role == "lead" else None
                if stated is not None and _head_match(stated.group("who"), AGENCY_HEADS):
                    _apply(task, "lead", split_units(stated.group("who")))
                    _apply(task, "coordinate", split_units(stated.group("with")))
                    continue
                for unit_role, names in by_stated_role(role, split_units(value)).items():
                    _apply(task, unit_role, names)
        task.timeline = task.timeline or closing_time(doc, own[id(task)])
    stated_partners = {id(t) for t in tasks if t.coordinate}  # from a label or a table: nothing to add to them
    # "Phân công thực hiện" items assign their siblings.
    for node in root.walk():
        if node.kind != "assignment" or node.parent is None:
            continue
        group = node_tasks.get(id(node.parent))
        siblings = [node_tasks[id(c)] for c in node.parent.children if id(c) in node_tasks]
        targets = siblings + ([group] if group is not None else [])
        named = _numbered_lines(doc, node, by_number, group)
        if not targets:
            # A part of its own ("C. PHÂN CÔNG NHIỆM VỤ"): its partners go to the items it assigned.
            targets = named
        for role, value in labelled(doc, [(node.start, node.end)]):
            if role == "timeline":
                for t in targets:
                    t.timeline = t.timeline or value.rstrip(". ")
                continue
            if role == "lead":
                unnumbered: list[str] = []
                for part in _split_outside_parens(value, ";"):
                    m = _NUMBERED_LEAD.match(fold_same_length(part))
                    if m:
                        who = split_units(part[: m.end("who")])
                        for num in re.findall(_NUM_REF, m.group("nums")):
                            if num in by_number:
                                _apply(by_number[num], "lead", who)
                        if group is not None:
                            _apply(group, "lead", who)
                    else:
                        unnumbered.extend(split_units(part))
                for t in targets:
                    _apply(t, "lead", unnumbered)
            else:
                for t in targets:
                    _apply(t, "coordinate", split_units(value))
    # "(Sở Nội vụ chủ trì, phối hợp với Công an tỉnh)" after an item: its roles, when no label gave them.
    for task in tasks:
        if task.node is None or task.own_lead:
            continue
        closing = closing_roles(doc, own[id(task)])
        if closing is not None:
            _apply(task, "lead", split_units(closing[0]))
            with_text = closing[1][: partners_end(closing[1], fold_same_length(closing[1]).lower(), 0)] if closing[1] else ""
            _apply(task, "coordinate", split_units(with_text) if with_text else [])
    # "Sở X chủ trì, phối hợp với Y": only for items no label assigns.
    for task in tasks:
        if task.node is None or task.own_lead:
            continue
        for s, e in unblanked.setdefault(id(task), _unblanked(doc, own[id(task)])):
            folded = doc.folded[s:e]
            # The patterns below all need "chủ trì" ("đầu mối" for _SENTENCE_LEAD): a plain look spares their scans.
            has_lead = "tri" in folded
            for p in _POSTPOSED.finditer(folded) if has_lead and "phoi" in folded else ():
                lead = _wrapped_name(doc.clean[s + p.start("who") : s + p.end("who")])
                if lead is not None:
                    _apply(task, "lead", split_units(lead))
                    _apply(task, "coordinate", split_units(doc.clean[s + p.start("with") : s + p.end("with")]))
            if task.own_lead:
                break
            # "a) Chủ trì, phối hợp với Sở Nội vụ rà soát …" under an item that names its doer: the partners.
            bare = _SUBJECTLESS_LEAD.match(folded) if has_lead else None
            # "Chủ trì, phối hợp kiểm tra, giải quyết …": a verb after "phối hợp" names work done together, no partner.
            if bare is not None and not task.own_coordinate and not opens_with_verb(doc.clean, doc.folded, s + bare.start("with")):
                _apply(task, "coordinate", split_units(doc.clean[s + bare.start("with") : s + bare.end("with")]))
            for m in _SENTENCE_LEAD.finditer(folded) if _LEAD_WORDS.search(folded) else ():
                name = _wrapped_name(doc.clean[s + m.start("who") : s + m.end("who")])
                cut = before_verb(name) if name is not None else None  # "Giao Sở X tiếp thu …, chủ trì, …": Sở X
                # "Giao X chủ trì, hướng dẫn …" names X whole: a verb inside it is a word of its name, the clause unread.
                if not cut or re.search(r"duoc (?:giao|phan cong)", m.group("who")) or (m.group("with") is None and folded.startswith(",", m.end()) and cut != name):
                    continue
                name = cut
                clause_end = min((p for p in (folded.find(";", m.end()), folded.find(".", m.end())) if p >= 0), default=len(folded))
                refs = _ITEM_REFS.search(folded, m.end(), clause_end)
                labels = re.findall(r"[a-zđ]|\d+(?:\.\d+)*", refs.group("refs")) if refs else []
                group = task
                children = {c.node.label: c for c in task.children if c.node is not None}
                if labels and not any(r in children for r in labels) and task.parent is not None:
                    # A closing paragraph read into the last sub-item that assigns its siblings.
                    group = task.parent
                    children = {c.node.label: c for c in group.children if c.node is not None}
                named = [children[r] for r in labels if r in children]
                # The partners end where the clause's duty begins: a verb in lower case ("… Ban Cơ yếu thẩm định …").
                with_end = partners_end(doc.clean, doc.folded, s + m.start("with")) if m.group("with") else 0
                # The pattern's verbs are read in any case: after a head shared by a list ("các Bộ Tài chính, Xây dựng", "các
                # Sở: Nội vụ, Xây dựng") a capitalised one is a name of the list, and only a lower-case verb ends it.
                shared = _SHARED_LIST.search(doc.folded, s + m.start("with"), s + m.end("with"))
                if shared is None or not doc.clean[s + m.end("with") : s + m.end("with") + 4].lstrip(" ,")[:1].isupper():
                    with_end = min(with_end, s + m.end("with"))
                partners = real_partners(split_units(doc.clean[s + m.start("with") : with_end])) if m.group("with") else []
                # "X chủ trì" alone assigns only an item whose heading it opens ("5. Văn phòng Sở chủ trì tổng hợp ...").
                # "…; giao X chủ trì …" hands the item to X wherever the clause stands ("- Thời gian thực hiện: …; giao X chủ trì …").
                handed = re.search(r"giao(?:\s+cho)?\s+$", folded[m.start() : m.start("who")]) is not None
                if m.group("with") is None and not named and not handed and not _opens_heading(doc, task, s + m.start("who")):
                    continue
                for receiver in named or [task]:
                    _apply(receiver, "lead", split_units(name))
                    _apply(receiver, "coordinate", partners)
                if named:
                    _merge(group.lead, split_units(name))
                    group.own_lead = True
    assign_from_responsibilities(doc, root, tasks, _apply)
    colon_listed_leads(doc, tasks, _apply)
    subject_leads(tasks, _apply)
    wrapped_subject_leads(doc, tasks, _apply)
    addressee_leads(tasks, _apply, doc)
    recipient_leads(doc, tasks, _apply)
    clause_leads(doc, tasks, _apply)
    lead_in_leads(doc, tasks, _apply)
    # "- Phối hợp với Y …" among the duties of an item whose doer is known: Y is a partner of the item.
    for task in tasks:
        if task.node is not None and id(task) not in stated_partners and _doer_known(task):
            ranges = unblanked[id(task)] if id(task) in unblanked else _unblanked(doc, own[id(task)])
            _apply(task, "coordinate", own_partners(doc, ranges))
    plan_wide_lead(doc, tasks, _apply)
    plan_labelled_roles(doc, root, tasks, _apply)
    _propagate(tasks)


def _doer_known(task: Task) -> bool:
    """Whether the item or a group above it names who carries it out."""
    node: Task | None = task
    while node is not None:
        if node.lead:
            return True
        node = node.parent
    return False


def _opens_heading(doc: Doc, task: Task, at: int) -> bool:
    """Whether offset ``at`` is where the text of ``task``'s heading line begins."""
    node = task.node
    if node is None or not node.start <= at < node.head_end:
        return False
    return not ITEM_MARK.sub("", doc.clean[node.start : at]).strip(" \t\n-–+•*")


def _propagate(tasks: list[Task]) -> None:
    def up(task: Task) -> None:
        for child in task.children:
            up(child)
        if not task.own_lead:
            for child in task.children:
                _merge(task.lead, child.lead)
        if not task.own_coordinate:
            for child in task.children:
                _merge(task.coordinate, child.coordinate)

    # A sub-item inherits what its group states itself, not what the group gathered from its other sub-items.
    stated = {id(t): (list(t.lead), list(t.coordinate)) for t in tasks}

    def down(task: Task, lead: list[str], coordinate: list[str]) -> None:
        own_lead, own_coordinate = stated.get(id(task), ([], []))
        lead = own_lead or lead
        coordinate = own_coordinate or coordinate
        for child in task.children:
            if not child.lead:
                _merge(child.lead, lead)
            if not child.coordinate:
                _merge(child.coordinate, coordinate)
            if child.timeline is None:
                child.timeline = task.timeline
            down(child, lead, coordinate)

    roots = [t for t in tasks if t.parent is None]
    for t in roots:
        up(t)
    for t in roots:
        down(t, [], [])


