"""Tasks: the numbered items of a plan's tasks part (groups and their sub-items), and the number each carries.

Items titled "Phân công thực hiện" are not tasks: they assign the items around
them (see :mod:`assignments`). A tasks table (content, lead, partners,
deadline) gives tasks too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ansinh.documents.parsing.clean import Doc, fold_same_length
from ansinh.documents.parsing.name_trim import trim_unit_names
from ansinh.documents.parsing.structure import Node, _mostly_upper, heading_title
from ansinh.documents.parsing.table_groups import table_items
from ansinh.documents.parsing.table_unit_cells import clean_unit_names, lead_then_partners
from ansinh.documents.parsing.tables import LEAD_HEADER, Table, table_kind
from ansinh.documents.parsing.unit_names import split_units
from ansinh.documents.parsing.unit_roles import units_by_role
from ansinh.documents.parsing.vocab import TASK_KINDS

_ITEM_STYLES = ("num", "lower", "paren")
_TASK_STYLES = ("num", "lower", "paren", "paren-lower", "upper", "roman", "article")


@dataclass
class Task:
    number: str | None
    title: str
    span: tuple[int, int]
    node: Node | None = None
    lead: list[str] = field(default_factory=list)
    coordinate: list[str] = field(default_factory=list)
    timeline: str | None = None
    own_lead: bool = False
    own_coordinate: bool = False
    parent: Task | None = None
    children: list[Task] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "number": self.number,
            "title": self.title,
            "lead": trim_unit_names(list(self.lead)),
            "coordinate": trim_unit_names(list(self.coordinate)),
            "timeline": self.timeline,
            "span": [self.span[0], self.span[1]],
        }


# "b) Cơ quan chủ trì: Sở Y tế", "d) Thời gian thực hiện: 2025": the labelled lines of a task's sub-block, not tasks.
_FIELD_LABEL = re.compile(
    r"(?:noi dung(?: thuc hien)?|(?:co quan|don vi|bo phan)(?: chu tri| phoi hop| thuc hien| thuc hien chinh| theo doi)?|"
    r"chu tri(?: thuc hien)?|phoi hop(?: thuc hien)?|thoi gian(?: thuc hien| hoan thanh)?|thoi han(?: hoan thanh)?|tien do|"
    r"san pham|ket qua(?:,? san pham)?|kinh phi(?: thuc hien)?|nguon kinh phi|trach nhiem thuc hien)\s*:"
)


# A part assigning the work (read by assignments.py), a khoản listing a party's rights (duties._mark_rights) and the
# setting of an event (event_setting.py).
_NOT_TASKS = frozenset({"assignment", "rights", "setting"})
# Parts of another kind an item inside the tasks part may head: its aims, the situation, viewpoints, a vision.
_OTHER_PARTS = frozenset({"objectives", "situation", "viewpoint", "vision", "purpose"})


# The closing formula of a legal text (Decree 30/2020, "Trách nhiệm thi hành"): "3. Các Bộ trưởng, Thủ trưởng cơ quan
# ngang bộ, …, Chủ tịch Ủy ban nhân dân tỉnh … chịu trách nhiệm thi hành Nghị định này." names who answers for the whole
# text; alone in its item it is not a task (a resolution's "… thi hành Nghị quyết này" stays one, cp-nq-66 precedent).
_CLOSING_FORMULA = re.compile(
    r"[^.;:\n]*(?:\n[^.;:\n]*){0,4}chiu trach nhiem thi hanh (?:nghi dinh|thong tu|quyet dinh) nay(?:\./\.|\.)?[ \t]*(?:\n|$)"
)

# "1. Ban hành Danh mục văn bản … cần sửa đổi kèm theo Nghị quyết này.": the text issuing its own annex (as "Điều 1. Ban
# hành kèm theo Quyết định này …" does), no work handed to anyone.
# ("Ban hành theo thẩm quyền … văn bản theo Phụ lục III kèm theo Nghị quyết này": issuing what the annex lists is work.)
_ISSUES_ANNEX = re.compile(
    r"ban hanh (?:(?!theo )[^.;:\n]){0,200}?kem theo (?:nghi quyet|quyet dinh|nghi dinh|thong tu|chi thi) nay(?![a-z])"
)


def _is_task_node(node: Node, doc: Doc | None = None) -> bool:
    if not (node.style.startswith(_TASK_STYLES) and node.kind not in _NOT_TASKS and bool(node.title)):
        return False
    if node.style == "article" and (node.parent is None or node.parent.style != "duties"):
        return False  # only the duty articles of a decree's closing chapter are tasks themselves
    if doc is None:
        return True
    # (its dashes, when the text runs on into the signature block, are the recipients after "Nơi nhận:", not points)
    if not any(c.numbered for c in node.children) and _CLOSING_FORMULA.match(doc.folded, node.head_start, node.end):
        return False
    if doc.folded.startswith("ban hanh ", node.head_start) and _ISSUES_ANNEX.match(doc.folded, node.head_start, node.end):
        return False
    label = _FIELD_LABEL.match(doc.folded, node.head_start, node.head_end)
    # "1. Nội dung: …" straight under the part is the part's first item, not a field of a task above it.
    top = node.parent is not None and node.parent.kind in TASK_KINDS and node.parent.style != "duties"
    return label is None or (top and doc.folded.startswith("noi dung", node.head_start))


# A sentence that gives work: "Giao …", "Yêu cầu …", "Đề nghị …" opening it, or "… chủ trì / tổ chức thực hiện …".
_GIVES_WORK = re.compile(
    r"(?:^|[.;:]\s+)(?:giao|yeu cau|de nghi)\s|(?<![a-z])(?:chu tri|to chuc thuc hien|chiu trach nhiem)(?![a-z])"
)


def _assigning_paragraph(doc: Doc, section: Node) -> bool:
    """Whether a part numbered "I.", "II." holds no items, only a paragraph that gives someone work (a resolution of
    a congress or council: "II- Thông qua Báo cáo …. Giao Ban Chấp hành … tiếp thu …"): that part is a task itself."""
    if section.style != "roman" or section.children or _mostly_upper(section.title):
        return False
    # "VII- Ban Chấp hành … lãnh đạo, chỉ đạo … tổ chức thực hiện …": a whole sentence is no heading naming the
    # organisation part, whatever words of one it holds; a short "V. Tổ chức thực hiện: …" is that part.
    if section.kind not in TASK_KINDS and (section.kind != "organization" or len(section.title.split()) <= 12):
        return False
    return bool(_GIVES_WORK.search(doc.folded, section.head_start, section.end))


def _body_share(section: Node) -> bool:
    """"Điều 2. Tổ chức thực hiện" > "1. Các đơn vị thuộc Bộ" > "1.1. Nhiệm vụ chung", "1.2. Nhiệm vụ cụ thể": a heading
    naming work inside an item of the organisation part lists that body's share of the work, not the plan's tasks."""
    parent = section.parent
    return parent is not None and parent.kind is None and any(a.kind == "organization" for a in parent.ancestors())


def extract_tasks(
    doc: Doc, root: Node, tables: list[Table], layout: list[tuple[int, int, list[Task]]] | None = None
) -> list[Task]:
    """Tasks in document order, linked to their parent task; ``layout`` holds the tasks of tables laid out with
    spaces (start, end, rows), nested like a typed table's rows when an item announces them."""
    tasks: list[Task] = []
    by_node: dict[int, Task] = {}
    for section in root.walk():
        paragraph = _assigning_paragraph(doc, section)
        if section.kind in TASK_KINDS and _body_share(section):
            continue
        if (section.kind not in TASK_KINDS and not paragraph) or (
            section.parent is not None and section.parent.effective_kind() in TASK_KINDS
        ):
            continue
        # "2. Nhiệm vụ trọng tâm trong thời gian tới", "3. Nội dung thi đua": a tasks part headed by a numbered item is
        # itself a task, its points under it ("2.a"); a part headed "II. NHIỆM VỤ …" is not.
        # A numbered part that assigns the work body by body ("5. Phân công trách nhiệm") heads its items, no task itself.
        own = section.style.startswith(_ITEM_STYLES) and not _ASSIGNS.match(doc.folded, section.head_start)
        # "II- Thông qua Báo cáo …. Giao Ban Chấp hành …": a resolution's part written as one paragraph that gives work.
        own = own or paragraph
        for node in section.walk()[0 if own else 1 :]:
            if not _is_task_node(node, doc) or any(a.style in ("dash", "plus") for a in node.ancestors()):
                continue
            if any(a.kind in _NOT_TASKS for a in node.ancestors()):
                continue
            # "II. NỘI DUNG" opening with "1. Mục tiêu" over its indicators: a part of another kind inside the tasks part.
            if any(n.kind in _OTHER_PARTS for n in (node, *node.ancestors()) if n is not section and n.depth > section.depth):
                continue
            _, title_end = heading_title(doc, node.head_start, node.head_end)
            task = Task(full_number(node), node.title, (node.start, max(title_end, node.head_start)), node=node)
            parent = next((by_node[id(a)] for a in node.ancestors() if id(a) in by_node), None)
            task.parent = parent
            if parent is not None:
                parent.children.append(task)
            by_node[id(node)] = task
            tasks.append(task)
    table_tasks = _table_tasks(tables)
    laid_out = [task for _, _, rows in layout or [] for task in rows]
    spans = [(t.start, t.end) for t in tables] + [(s, e) for s, e, _ in layout or []]
    _nest_inline_tables(doc, tasks, spans, table_tasks + laid_out)
    tasks.extend(table_tasks)
    tasks.extend(laid_out)
    return tasks


_ASSIGNS = re.compile(r"phan cong(?![a-z])")


def _nest_inline_tables(doc: Doc, tasks: list[Task], tables: list[tuple[int, int]], table_tasks: list[Task]) -> None:
    """Rows of a table set inside an item ("… gồm các chuyên mục sau:" then the table) are that item's sub-items:
    "1" under item "III.1.a" reads "III.1.a.1". Only a table announced by a line ending with a colon is nested."""
    holders = [t for t in tasks if t.node is not None]
    for start, end in tables:
        before = doc.clean[max(0, start - 400) : start].rstrip()
        if not before.endswith(":"):
            continue
        inside = [t for t in holders if t.node is not None and t.node.start < start < t.node.end]
        holder = max(inside, key=lambda t: t.node.depth if t.node is not None else 0, default=None)
        if holder is None or not holder.number:
            continue
        if _ASSIGNS.match(fold_same_length(holder.title).lower()) and not holder.children:
            # "1. Phân công cơ quan trình, cơ quan chủ trì … như sau:" is the table's caption: the rows are the tasks.
            tasks.remove(holder)
            holders.remove(holder)
            if holder.parent is not None:
                holder.parent.children.remove(holder)
            continue
        for row in table_tasks:
            if start <= row.span[0] < end and row.number and row.number.isdigit():
                row.number = f"{holder.number}.{row.number}"
                row.parent = holder
                holder.children.append(row)


# The end of a cell's lead-in before a dashed list of its points ("… trong đó cần: - Đảm bảo …", "… năm 2027. - Rà soát").
_LIST_AFTER = re.compile(r"[:.]\s+[-–+•]\s+(?=[A-ZĐÀ-Ỹ])")


def _lead_in(title: str) -> str:
    """A table cell's task: the sentence that leads in a dashed list of points, not the points."""
    m = _LIST_AFTER.search(title)
    return title[: m.start()].rstrip(" ,;") if m and m.start() >= 20 else title


def _table_tasks(tables: list[Table]) -> list[Task]:
    out: list[Task] = []
    for table in tables:
        if table_kind(table) != "tasks":
            continue
        num_col = table.column(r"^s?tt$|^stt")
        title_col = table.task_column()
        # A bill's table: the body that submits it leads; the committees that examine it ("chủ trì thẩm tra",
        # "tham gia thẩm tra") work with it.
        lead_col = table.column(r"co quan (?:trinh|soan thao|chu tri soan thao)") or table.column(
            LEAD_HEADER, exclude=r"phoi hop|tham tra"
        )
        coord_col = table.column(r"phoi hop")
        review_cols = [i for i, h in enumerate(table.header) if "tham tra" in h and i != lead_col]
        time_col = table.column(r"thoi gian|thoi han|tien do")
        if title_col is None:
            continue
        made: list[Task] = []
        for item in table_items(table, title_col, num_col):
            task = Task(item.number, _lead_in(re.sub(r"^\s*[-+•]\s*", "", item.title)), item.span)
            made.append(task)
            out.append(task)
            if item.parent is not None:
                task.parent = made[item.parent]
                task.parent.children.append(task)
            row = item.units
            if row is None:
                continue
            if lead_col is not None and row.get(lead_col):
                lead, partners = units_by_role(row.get(lead_col))
                task.lead, task.own_lead = lead, bool(lead)
                task.coordinate, task.own_coordinate = partners, bool(partners)
            if coord_col is not None and row.get(coord_col) and lead_col is None and re.search(r"chu tri", table.header[coord_col]):
                # One column for both roles ("Đơn vị chủ trì/phối hợp"): the first body named leads.
                lead, partners = lead_then_partners(row.get(coord_col))
                task.lead, task.own_lead = lead, bool(lead)
                task.coordinate, task.own_coordinate = partners, bool(partners)
            elif coord_col is not None and row.get(coord_col):
                task.coordinate, task.own_coordinate = task.coordinate + split_units(row.get(coord_col)), True
            for col in review_cols:
                if row.get(col):
                    task.coordinate, task.own_coordinate = task.coordinate + split_units(row.get(col)), True
            if time_col is not None and row.get(time_col):
                task.timeline = row.get(time_col)
            task.lead, task.coordinate = clean_unit_names(task.lead), clean_unit_names(task.coordinate)
    return out


def full_number(node: Node) -> str:
    """The number a task carries: ``"1.2"``, or ``"2.a"`` for a lettered item under item 2."""
    if node.style == "roman" or (node.style.startswith("num") and "." in node.label):
        return node.label
    parent = node.parent
    if node.style == "article":
        return node.label  # a decree's duty article ("Điều 22. Trách nhiệm của Bộ Nội vụ" is task "22")
    if node.style.startswith("num") and parent is not None and ((parent.style == "duties" and parent.label) or (
        parent.style == "article" and parent.parent is not None and parent.parent.style == "duties"
    )):
        return f"{parent.label}.{node.label}"  # a clause of a duty article: "22.1"
    if node.style.startswith("num"):
        # Items restarting at 1 under each roman task group ("I. ... 1. ... II. ... 1.") read "I.1", "II.1".
        # A part without a numeral (its label lost) lends none.
        roman = parent if parent is not None and parent.style == "roman" and parent.kind is None and parent.label else None
        if roman is not None and roman.parent is not None and roman.parent.style != "root":
            return f"{roman.label}.{node.label}"
        # Two tasks parts side by side ("II. NHIỆM VỤ … III. ĐÀO TẠO …", both numbering from 1): "II.1", "III.1".
        if parent is not None and parent.style == "roman" and parent.kind == "tasks" and parent.label and parent.parent is not None and sum(
            1 for sibling in parent.parent.children if sibling.style == "roman" and sibling.kind == "tasks"
        ) > 1:
            return f"{parent.label}.{node.label}"
        return node.label
    while parent is not None and not parent.numbered:
        parent = parent.parent
    # A heading naming a part ("2. Nhiệm vụ cụ thể" as the tasks part) lends no number; one inside the tasks part is
    # itself a task, so its points read "1.a" ("1. Nhiệm vụ, giải pháp chung" under "II. NHIỆM VỤ, GIẢI PHÁP").
    inside = parent is not None and (
        (parent.parent is not None and parent.parent.effective_kind() == "tasks")
        or (parent.kind == "tasks" and parent.style.startswith(("num", "lower", "paren")))
    )
    prefix = full_number(parent) if parent is not None and parent.style != "root" and (parent.kind is None or inside) else ""
    return f"{prefix}.{node.label}" if prefix else node.label
