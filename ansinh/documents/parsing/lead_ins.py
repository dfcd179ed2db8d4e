"""Leads read from the sentence around a list rather than inside an item: the lead-in that hands a list of duties
over with a colon ("Các cơ quan chủ quản cơ sở dữ liệu có trách nhiệm:" then "1. …"), and a subject whose heading
line breaks inside it ("2." / "Thường trực, các ban," / "Hội đồng nhân dân tỉnh giám sát …").

Split from `clause_units`, whose clause reader (`read_clause`) both use.
"""

from __future__ import annotations

import re

from ansinh.documents.parsing.clause_units import bodies_only, first_sentence, read_clause
from ansinh.documents.parsing.clean import Doc, fold_same_length, squeeze
from ansinh.documents.parsing.name_lists import BODY_KINDS
from ansinh.documents.parsing.responsibilities import Apply
from ansinh.documents.parsing.structure import Node
from ansinh.documents.parsing.tasks import Task
from ansinh.documents.parsing.unit_names import _head_match, split_units
from ansinh.documents.parsing.unit_roles import ITEM_MARK
from ansinh.documents.parsing.vocab import AGENCY_HEADS


def lead_in_leads(doc: Doc, tasks: list[Task], apply: Apply) -> None:
    """Items under a heading that is not an item itself, whose lead-in names their doer and opens the list with a
    colon ("Điều 6. …" then "Các cơ quan chủ quản cơ sở dữ liệu có trách nhiệm:" then "1. …", "2. …"): that doer
    leads each item nothing else assigned."""
    task_nodes = {id(t.node) for t in tasks if t.node is not None}
    read: dict[int, list[str]] = {}
    for task in tasks:
        node = task.node
        if node is None or task.lead or node.parent is None or id(node.parent) in task_nodes:
            continue
        parent = node.parent
        if id(parent) not in read:
            read[id(parent)] = _lead_in(doc, parent)
        if read[id(parent)]:
            apply(task, "lead", read[id(parent)])
    enumerated_leads(doc, tasks)


def _lead_in(doc: Doc, parent: Node) -> list[str]:
    if not parent.children or parent.style == "root":
        return []
    first = parent.children[0].start
    # A run of duties marked inside an article ("duties" node, no heading of its own): the article's lead-in.
    while parent.style == "duties" and parent.parent is not None and parent.head_start == parent.head_end:
        parent = parent.parent
    if parent.style == "root":
        return []
    text = doc.clean[parent.head_end : first]
    if not text.strip():
        text = doc.clean[parent.head_start : parent.head_end]
    text = squeeze(text)
    # Only the last sentence before the list, and only when it hands the list over with a colon.
    if not text.endswith(":") or len(text) > 300:
        return []
    text = re.split(r"(?<=[.;])\s+", text)[-1]
    found = read_clause(text, " ".join(fold_same_length(text).lower().split()))
    return found[0] if found is not None and found[0] else []


def wrapped_subject_leads(doc: Doc, tasks: list[Task], apply: Apply) -> None:
    """Items whose heading line ends inside the subject, the sentence carrying on below ("2." / "Thường trực, các ban,
    các tổ đại biểu" / "Hội đồng nhân dân tỉnh giám sát …"): the subject read across the break, before the heading
    alone is taken for a list of addressees."""
    for task in tasks:
        node = task.node
        if node is None or task.lead or not task.title:
            continue
        title = task.title.strip()
        if title.endswith((":", ".", ";")) or node.head_end >= node.body_end:
            continue
        after = doc.clean[node.head_end : node.body_end]
        # The sentence carries on at once, on the next line, with more of a name or its verb (no blank line, no list mark).
        if not re.match(r"\n[ \t]*[^\s\-–+•*(]", after) or re.match(r"\n[ \t]*(?:[a-zđ]\)|\d{1,2}[.)])", after):
            continue
        # It carries on in lower case or with more of a body's name ("Hội đồng nhân dân tỉnh giám sát …"); a capitalised
        # verb ("Sở Y tế" / "Nâng cao chất lượng …") opens the duty of the body the heading names.
        carried = after.lstrip()
        if not (carried[:1].islower() or _head_match(carried, AGENCY_HEADS)):
            continue
        clean, folded = first_sentence(doc, node.head_start, node.body_end)
        clean, folded = squeeze(ITEM_MARK.sub("", clean, count=1)), " ".join(fold_same_length(ITEM_MARK.sub("", clean, count=1)).lower().split())
        if len(clean) != len(folded) or len(clean) <= len(title):
            continue
        found = read_clause(clean, folded)
        if found is not None and found[0] and len(" ".join(found[0])) > len(title):
            apply(task, "lead", found[0])
            if found[1]:
                apply(task, "coordinate", found[1])


# A heading that is a list of bodies, then the colon that hands them their duty: "a) Cục An toàn thông tin, Trung tâm
# Ứng cứu khẩn cấp máy tính Việt Nam (VNCERT): Triển khai …". A lower-case word inside a name ("khẩn cấp") is no
# verb there, so the whole list before the colon is the lead.
_ROLE_WORDS = re.compile(r"chu\s+tri|phoi\s+hop|trach\s+nhiem|(?<![a-z])giao(?![a-z])|de\s+nghi|yeu\s+cau")
# A duty begun before the colon ("Ủy ban nhân dân tỉnh, chỉ đạo các cơ quan …:"): verbs in lower case, not names.
_DUTY_VERB = re.compile(r"\s(?:chỉ đạo|tổ chức|thực hiện|triển khai|hướng dẫn|kiểm tra|báo cáo|rà soát|xây dựng)\s")


# "2. Giao Sở Y tế" over its dash lines, with or without a colon: the heading only addresses the item's doers.
# ``clause_units.read_clause`` reads such a heading too, but later (``clause_leads``), where the reading stops at the
# heading; known here first, the doer lets the dash lines below give its partners ("- Chủ trì, phối hợp với …").
_ADDRESSED = re.compile(r"(?:Giao|Đề nghị|Yêu cầu|GIAO|ĐỀ NGHỊ|YÊU CẦU)\s+")


def colon_listed_leads(doc: Doc, tasks: list[Task], apply: Apply) -> None:
    """Items whose heading is the list of their doers, closed by a colon or addressed ("Giao Sở Y tế") alone."""
    for task in tasks:
        node = task.node
        title = (task.title or "").strip()
        if node is None or task.lead or not title:
            continue
        heading = squeeze(ITEM_MARK.sub("", doc.clean[node.head_start : node.head_end], count=1)).strip()
        addressed = _ADDRESSED.match(title)
        candidates: list[str | None] = []
        if (
            addressed is not None and heading.rstrip(" :") == title.rstrip(" :") and node.children
            and not doc.clean[node.head_end : node.children[0].start].strip()
        ):
            candidates.append(title[addressed.end() :].rstrip(" :"))  # the whole heading is the address; its items follow
        elif heading.startswith(title) and heading[len(title) :].lstrip().startswith(":"):
            candidates.append(title)
        else:
            # The list wraps over lines before its colon ("b) Vụ Bưu chính, Cục Bưu điện" / "Trung ương, Tổng công ty …:"),
            # or a heading closed by a colon hands over to a first line that names the doers ("1. Về cơ chế, chính sách:" /
            # "Các cơ quan, đơn vị thuộc Bộ: Xây dựng …").
            candidates.append(_colon_subject(doc.clean[node.head_start : node.body_end], item=True))
        if heading.endswith(":") and addressed is None:
            candidates.append(_colon_subject(doc.clean[node.head_end : node.body_end], item=False))
        for candidate in candidates:
            names = _listed_doers(candidate) if candidate else []
            if names:
                apply(task, "lead", names)
                break


def _listed_doers(title: str) -> list[str]:
    """The bodies a heading lists before the colon that hands them their duty, or none when it lists no bodies."""
    if not (_head_match(title, AGENCY_HEADS) or _plural_of_kinds(title)):
        return []
    if _ROLE_WORDS.search(" ".join(fold_same_length(title).lower().split())):
        return []  # "Sở Y tế chủ trì, phối hợp với …:": the clause readers know the roles
    if _DUTY_VERB.search(f" {title} "):
        return []
    # Bodies listed before such a colon are parted by commas; without one, "và" joins the parts of one name
    # ("Nhà đầu tư của 02 dự án … Tân Phú – Bảo Lộc và Bảo Lộc – Liên Khương").
    names = split_units(title) if "," in title or ";" in title else [title]
    if names and len(names) <= 12 and all(
        (_head_match(n, AGENCY_HEADS) or _plural_of_kinds(n)) and len(n.split()) <= 16 for n in names
    ):
        return names
    return []


# "… và các cơ quan, đơn vị liên quan": a plural of kinds that may close a list of named doers.
_CATCH_ALL = re.compile(r"^cac\s+(?:" + BODY_KINDS + r")(?![a-z])")


def _plural_of_kinds(name: str) -> bool:
    """Whether ``name`` opens with "các" and a kind of body ("các cơ quan, đơn vị liên quan", "Các cục, vụ thuộc Bộ")."""
    return _CATCH_ALL.match(fold_same_length(name).lower()) is not None


def _colon_subject(text: str, item: bool) -> str | None:
    """The words before the first colon of ``text`` (an item from its mark, or the first line of its body), read across
    wrapped lines: a subject only when no sentence ends and no blank line falls before the colon."""
    text = text[:600].lstrip()
    colon = text.find(":")
    if colon < 0 or colon > 400:
        return None
    subject = text[:colon]
    if "\n\n" in subject.replace(" ", "").replace("\t", "") or re.search(r"[.!?](?:\s|$)", ITEM_MARK.sub("", subject, count=1) if item else subject):
        return None
    if not item and "\n" in subject.strip():
        return None  # a body's first line names its doers on that line
    subject = squeeze(ITEM_MARK.sub("", subject, count=1) if item else subject).strip()
    return subject or None


# "Giao các sở quản lý chuyên ngành theo lĩnh vực gồm:" / "- Sở Công Thương (đối với …);" / "- Sở Xây dựng (…)": the
# body text hands the item to members it lists below, each dash line opening with a body's name.
_LISTS_MEMBERS = re.compile(r"(?:(?:bao\s+)?gom|(?:cac|nhung)\s+(?:co\s+quan|don\s+vi|so|nganh)\s+(?:nhu\s+)?sau)\s*:\s*$")


def enumerated_leads(doc: Doc, tasks: list[Task]) -> None:
    """An item headed by a kind of its doers ("2. Các sở quản lý chuyên ngành") whose text lists them one to a dash line
    after "gồm:": the bodies listed lead it (in place of the kind), unless the list is of partners ("phối hợp với … gồm:")."""
    for task in tasks:
        node = task.node
        if node is None or len(node.children) < 2 or (task.lead and not all(_plural_of_kinds(n) for n in task.lead)):
            continue
        intro = " ".join(fold_same_length(doc.clean[node.head_start : node.body_end]).lower().split())
        if not _LISTS_MEMBERS.search(intro) or "phoi hop" in intro[-200:]:
            continue
        names: list[str] = []
        for child in node.children:
            if child.style != "dash":
                break
            head = re.split(r"[(;:]", doc.clean[child.head_start : child.head_end], maxsplit=1)[0]
            listed = bodies_only(head.strip(" .,"), generic_first=False)
            if not listed:
                names = []
                break
            names.extend(listed)
        if len(names) >= 2:
            task.lead[:] = names
            task.own_lead = True
