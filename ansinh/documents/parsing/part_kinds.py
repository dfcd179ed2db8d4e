"""The kind of each part of a plan's outline: objectives, tasks, organisation, reporting …

A heading names its part ("II. NHIỆM VỤ, GIẢI PHÁP" is the tasks part); a part that describes
the setting of the work (time, place, participants) does not list the work, and an unnamed part
after the tasks part goes on listing it (Decree 30/2020 builds plans this way).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ansinh.documents.parsing.unit_names import opens_with_agency
from ansinh.documents.parsing.vocab import SECTION_KINDS

if TYPE_CHECKING:
    from ansinh.documents.parsing.clean import Doc
    from ansinh.documents.parsing.structure import Node

_OBJECTIVES_ITEM = re.compile(
    r"(?:phan dau\s+(?:de\s+)?(?:dat|hoan thanh|thuc hien)\s+(?:duoc\s+)?)(?:cac\s+|mot so\s+)?(?:muc tieu|chi tieu)(?![a-z])"
)


_TASKS_FIRST = re.compile(
    r"(?:cac\s+)?(?:nhiem vu|noi dung|giai phap)(?![a-z])(?!.*\b(?:kinh phi|bao cao)\b)"
    r"(?=.*(?:phan cong|tien do|thoi gian|trach nhiem|thuc hien))"
)


# The parts of a conclusion notice (thông báo kết luận): the assessment, then the directions.
_ASSESSMENT = re.compile(r"(?:danh gia|nhan xet)(?:,? (?:danh gia|nhan xet))?(?: chung| ket qua| tinh hinh)?")
_DIRECTIONS = re.compile(r"(?:y kien |noi dung )?(?:ket luan|chi dao)(?:,? (?:va )?(?:ket luan|chi dao|de nghi))?(?: cua .*)?")
# The programme of an event: "Chương trình Hội nghị", "Chương trình buổi lễ", "Chương trình kỳ họp".
_EVENT_PROGRAMME = re.compile(r"chuong trinh (?:cua )?(?:hoi nghi|hoi thao|toa dam|le|buoi|dai hoi|ky hop|phien)(?![a-z])")
# A part that names the work itself, not only its content ("NỘI DUNG CHỈ SỐ …", "CÁC HOẠT ĐỘNG …").
_NAMES_WORK = re.compile(r"(?<![a-z])(?:nhiem vu|giai phap|bien phap|viec (?:can|phai) (?:lam|thuc hien|trien khai))(?![a-z])")


_HEADING_PERIOD = re.compile(
    r"(?<![a-z])(?:(?:den|vao|trong|cuoi|tu)\s+)?(?:nam|giai\s+doan|thoi\s+ky)\s+(?:19|20)\d\d(?:\s*-\s*(?:19|20)\d\d)?(?!\d)"
)


_SCHEDULE = re.compile(r"(?:thoi gian,? (?:va )?)?tien do (?:thuc hien|trien khai)(?: ke hoach)?(?![a-z])(?!\s+[a-z]+\s+[a-z]+\s+[a-z])")


def classify(title_folded: str, nested: bool) -> str | None:
    """The kind of a section from its folded heading (``None`` if it names none)."""
    title = " ".join(title_folded.split())[:160]
    # "2. Phấn đấu hoàn thành các chỉ tiêu chủ yếu sau" under "Mục đích, yêu cầu": the objectives.
    if nested and _OBJECTIVES_ITEM.match(title) and len(title.split()) <= 24:
        return "objectives"
    # "IV. THỜI GIAN VÀ TIẾN ĐỘ" over "2. Tiến độ thực hiện: a) Quý I, các sở xây dựng kế hoạch …; b) Quý IV, …": the
    # item holding a part's steps by date lists work (at the top of a letter it is one item among its others).
    if nested and _SCHEDULE.match(title):
        return "tasks"
    # A period named in the heading ("Mục tiêu đến năm 2025, định hướng đến năm 2030") is not what makes it a sentence.
    # (A period's year holds "19" or "20": a title without either has none to blank, its scan is spared.)
    if not title or (nested and len((_HEADING_PERIOD.sub(" ", title) if "19" in title or "20" in title else title).split()) > 10):
        return None
    # "NỘI DUNG, TIẾN ĐỘ, PHÂN CÔNG TRÁCH NHIỆM THỰC HIỆN", "NHIỆM VỤ VÀ PHÂN CÔNG": a part that opens by
    # naming the work lists the work, whatever it says next about who does it.
    # "II. ĐỐI TƯỢNG, NỘI DUNG VÀ HÌNH THỨC TUYÊN TRUYỀN": a part opening with the setting of the work does not list it.
    setting = not nested and _SETTING_PART.match(title) is not None
    if _EVENT_PROGRAMME.search(title):
        return None  # "NỘI DUNG, CHƯƠNG TRÌNH HỘI NGHỊ": the agenda of the event, not the work of the plan
    if not nested and _TASKS_FIRST.match(title) and not setting:
        return "tasks"
    for kind, pattern, opening in _SECTION_PATTERNS:
        if nested:
            if opening.match(title):
                return kind
        elif pattern.search(title) and not (setting and kind == "tasks"):
            return kind
    return None


# SECTION_KINDS compiled once: anywhere in a part's title, and opening a nested item's title.
_SECTION_PATTERNS = [(kind, re.compile(pattern), re.compile(r"(?:cac\s+|ve\s+)?(?:" + pattern + ")")) for kind, pattern in SECTION_KINDS]


_WORK_FIRST = re.compile(r"(?:cac\s+)?(?:nhiem vu|giai phap|bien phap)(?![a-z])")


def _is_chapter(node: Node) -> bool:
    """A chapter of a legal text: a top heading holding articles."""
    return node.style in ("roman", "upper") and any(c.style == "article" for c in node.children)


def _in_clause(node: Node) -> bool:
    """A clause or point of an article (not a plan's part set inside an article that approves the plan)."""
    parent = node.parent
    while parent is not None and parent.style in ("num1", "lower", "paren", "paren-lower", "dash", "plus"):
        parent = parent.parent
    return node.style not in ("roman", "upper") and parent is not None and parent.style == "article"


def _title(doc: Doc, node: Node) -> str:
    return " ".join(doc.folded[node.head_start : node.head_start + len(node.title)].split())


def assign_kinds(doc: Doc, root: Node) -> None:
    """Set ``kind`` on every numbered node of the outline from its heading, then the passes over parts."""
    for node in root.walk()[1:]:
        # An article's title names its own matter ("Điều 7. Xử lý nội dung chuyển tiếp …"): read it like a nested one.
        nested = (node.depth > 1 and not (node.parent is not None and node.parent.style == "upper")) or node.style == "article"
        # A numbered sentence ("1/ Các Cục Thuế rà soát lại … nhiệm vụ kiểm tra …") is a duty, not a heading naming a part.
        nested = nested or (node.style.startswith("num") and len(node.title.split()) > 12)
        if node.style in ("dash", "plus", "annex") or any(a.style == "annex" for a in node.ancestors()):
            continue  # a form's lines name no part of the plan
        node.kind = classify(doc.folded[node.head_start : node.head_start + len(node.title) + 4], nested)
        if not nested and node.kind is None and node.style in ("roman", "upper"):
            own = _title(doc, node).rstrip(" :.")
            if _ASSESSMENT.fullmatch(own):
                node.kind = "situation"  # "I. ĐÁNH GIÁ CHUNG" of a conclusion notice: what was found, not what to do
            elif _DIRECTIONS.fullmatch(own):
                node.kind = "tasks"  # "II. Ý KIẾN CHỈ ĐẠO", "II. KẾT LUẬN VÀ CHỈ ĐẠO": the notice's directions
        legal = _is_chapter(node) or node.style == "article" or _in_clause(node)
        if node.kind == "tasks" and legal and not _WORK_FIRST.match(_title(doc, node)):
            # "Chương II. ĐIỀU KIỆN THÀNH LẬP, TỔ CHỨC VÀ HOẠT ĐỘNG …", "Điều 7. Nội dung hoạt động …", "1. Hoạt động
            # tư vấn, gồm:": a legal text's chapters, articles and clauses name their matter; only one opening with
            # the work ("NHIỆM VỤ, GIẢI PHÁP") lists tasks.
            node.kind = None
    _demote_setting_contents(doc, root)
    _demote_content_parts(doc, root)
    _continue_tasks_parts(doc, root)
    _report_parts(doc, root)


# The type line of a document (Decree 30/2020, Annex I): its kind alone on a line under the header.
_TYPE_LINE = re.compile(
    r"(?m)^[ \t]*(bao cao|ke hoach|chuong trinh(?: hanh dong)?|chi thi|nghi quyet|quyet dinh|thong bao|cong van"
    r"|huong dan|nghi dinh|thong tu|ket luan|to trinh|de an)[ \t]*$"
)
# The forward part of a report: "Nhiệm vụ, giải pháp trong thời gian tới", "Phương hướng, nhiệm vụ năm 2026",
# "Kế hoạch thực hiện năm tiếp theo" (not "Kết quả thực hiện nhiệm vụ", "Nhiệm vụ đã hoàn thành").
_FORWARD_PART = re.compile(
    r"(?:cac\s+|ve\s+|mot so\s+|nhung\s+)?(?:muc tieu,?\s+(?:va\s+)?(?=nhiem vu|giai phap))?"
    r"(?:nhiem vu|giai phap|phuong huong|ke hoach)(?![a-z])"
)
_PAST_WORK = re.compile(r"(?<![a-z])(?:da|ket qua|tinh hinh|danh gia|kho khan|ton tai|han che)(?![a-z])")


def is_report(doc: Doc) -> bool:
    """Whether the document is a report (báo cáo): its first type line reads "BÁO CÁO"."""
    first = _TYPE_LINE.search(doc.folded, 0, 3000)
    return first is not None and first.group(1) == "bao cao"


def _report_parts(doc: Doc, root: Node) -> None:
    """A report describes what was done: its parts are results ("situation"), not tasks; only a forward part naming
    the work ahead ("Nhiệm vụ, giải pháp thời gian tới", "Phương hướng …") lists tasks. Proposals to higher bodies
    ("Đề xuất, kiến nghị") stay what they are."""
    if not is_report(doc):
        return
    for node in root.walk()[1:]:
        if node.kind not in (None, "tasks", "objectives") or node.style in ("dash", "plus", "annex"):
            continue
        if any(a.kind is not None for a in node.ancestors()):
            continue  # inside a part already read
        title = _title(doc, node)
        if _FORWARD_PART.match(title) and not _PAST_WORK.search(title):
            node.kind = "tasks"
        elif node.kind is not None or (node.numbered and node.parent is root and not sets_or_proposes(title)):
            node.kind = "situation"


def _demote_content_parts(doc: Doc, root: Node) -> None:
    """"II. NỘI DUNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH" beside "III. GIẢI PHÁP THỰC HIỆN": where a part names the work
    (nhiệm vụ, giải pháp, biện pháp), a part named only by its content describes the matter the plan is about."""
    for parent in root.walk():
        parts = [c for c in parent.children if c.style in ("roman", "upper") and c.kind == "tasks"]
        work = [c for c in parts if _NAMES_WORK.search(_title(doc, c)) or _TASKS_FIRST.match(_title(doc, c))]
        if work:
            for part in parts:
                # "II. NỘI DUNG" with nothing after names no matter: it is the plan's work, beside "III. GIẢI PHÁP".
                if part not in work and not _BARE_CONTENT.fullmatch(" ".join(_title(doc, part).rstrip(" :.").split())):
                    part.kind = None


_BARE_CONTENT = re.compile(r"(?:cac )?noi dung(?: (?:thuc hien|trien khai|cong viec|cu the|trong tam|chu yeu))?")


# Parts that describe the setting of the work, not the work: "Thời gian, địa điểm", "Thành phần", "Khẩu hiệu".
# The method and the team of an inspection ("PHƯƠNG PHÁP KIỂM TRA", "ĐOÀN KIỂM TRA, ĐƠN VỊ ĐƯỢC KIỂM TRA …") set it too.
_SETTING_PART = re.compile(
    r"(?:thoi gian|dia diem|thanh phan|doi tuong|hinh thuc|khau hieu|pham vi|phuong phap|phuong thuc|cach thuc"
    r"|(?:thanh lap |to chuc )?doan (?:kiem tra|giam sat|cong tac|khao sat|thanh tra))(?![a-z])"
)


# "IV. KIẾN NGHỊ" / "ĐỀ XUẤT, KIẾN NGHỊ": what the issuer asks of bodies above or outside it, not the plan's own work.
_PROPOSALS = re.compile(r"(?:de xuat|kien nghi|de nghi)(?![a-z])")


def sets_or_proposes(title_folded: str) -> bool:
    """Whether a part's folded title names the setting of the work or proposals to others, not the work."""
    title = " ".join(title_folded.split())
    return bool(_SETTING_PART.match(title) or _PROPOSALS.match(title))


def _demote_setting_contents(doc: Doc, root: Node) -> None:
    """"2. Nội dung tuyên truyền" under "II. ĐỐI TƯỢNG, NỘI DUNG VÀ HÌNH THỨC …" describes the setting when another part
    lists the work ("III. CÁC HOẠT ĐỘNG TRỌNG TÂM"); with no other tasks part it is the work itself."""
    inside: list[Node] = []
    outside = False
    for node in root.walk()[1:]:
        if node.kind != "tasks" or _SCHEDULE.match(_title(doc, node)):
            continue  # the steps by date under "III. THỜI GIAN VÀ TIẾN ĐỘ" are work, beside whatever part lists more
        part = node.parent
        if part is not None and part.style in ("roman", "upper") and part.kind is None and _SETTING_PART.match(
            " ".join(doc.folded[part.head_start : part.head_start + len(part.title)].split())
        ):
            inside.append(node)
        elif not any(a in inside for a in node.ancestors()):
            outside = True
    if outside:
        for node in inside:
            node.kind = None


_ASSIGNED_WORK = re.compile(r"phan cong (?:nhiem vu|cong viec)(?:,? (?:cu the|thuc hien))?")


def _body_by_body(node: Node) -> bool:
    """"5. Phân công trách nhiệm" over "5.1. Trung tâm …", "5.2. Phòng …": a part assigning the work whose numbered
    items are headed by the bodies, each item the work of its body (the plan's tasks part, whatever part came before)."""
    items = [c for c in node.children if c.style.startswith("num") and c.title]
    return len(items) >= 2 and 2 * sum(opens_with_agency(c.title) for c in items) > len(items)


def _continue_tasks_parts(doc: Doc, root: Node) -> None:
    """Read an unnamed part that follows the tasks part, at the same level, as more of the tasks part.

    "II. NỘI DUNG …", "III. TỔ CHỨC HỘI NGHỊ …", "IV. TRÁCH NHIỆM XÁC MINH …", "V. TỔ CHỨC THỰC HIỆN": the
    parts between the first one that names the work and the closing organisation part list work too.
    A part naming anything else (organisation, reporting, funding …) ends the run; a part about time,
    place or participants is skipped.
    """
    nodes = root.walk()[1:]
    if not any(n.kind == "tasks" for n in nodes):
        # "II. PHÂN CÔNG NHIỆM VỤ" in a plan with no other tasks part lists the work itself, body by body.
        for node in nodes:
            title = " ".join(doc.folded[node.head_start : node.head_start + len(node.title)].split())
            if node.kind == "assignment" and node.style in ("roman", "upper") and _ASSIGNED_WORK.fullmatch(title):
                node.kind = "tasks"
    for node in nodes:
        if node.kind == "assignment" and _body_by_body(node):
            node.kind = "tasks"
    for parent in root.walk():
        if not parent.children:
            continue  # (each pass below reads a node's children)
        _topic_peers(doc, parent)
        open_style: str | None = None
        for child in parent.children:
            if child.style not in ("roman", "upper", "num1") or (parent.style != "root" and child.style == "num1"):
                continue
            if child.kind == "tasks":
                open_style = child.style
            elif child.kind is not None:
                open_style = None
            elif open_style == child.style and child.title:
                title = doc.folded[child.head_start : child.head_start + len(child.title)]
                if not (_SETTING_PART.match(" ".join(title.split())) or _PROPOSALS.match(" ".join(title.split()))):
                    child.kind = "tasks"
        _between_aims_and_work(doc, parent)


def _between_aims_and_work(doc: Doc, parent: Node) -> None:
    """"1. Mục tiêu", "2. Các mô hình phát triển …", "3. Giải pháp thực hiện": a scheme's unnamed part standing right
    between its aims and its tasks part, at the same level, is the content of the work (Decree 30/2020 orders a plan
    aims, then work, then organisation), so it lists tasks too; a part about the setting (scope, time, place) does not."""
    kids = [c for c in parent.children if c.style in ("roman", "upper", "num1") and c.title]
    for before, child, after in zip(kids, kids[1:], kids[2:], strict=False):
        if child.kind is not None or before.kind != "objectives" or after.kind != "tasks":
            continue
        if not (before.style == child.style == after.style) or child.children == []:
            continue
        title = " ".join(doc.folded[child.head_start : child.head_start + len(child.title)].split())
        # A part whose heading names a kind and that an earlier pass set aside ("II. NỘI DUNG CHỈ SỐ …") stays aside.
        if classify(title, child.depth > 1) is None and not (_SETTING_PART.match(title) or _PROPOSALS.match(title)):
            child.kind = "tasks"


# "1. Về xây dựng cơ chế, chính sách …", "8. Về hoạt động của các tổ chức …": a heading opened by "Về" names a
# field of the work, so a word inside it ("hoạt động", "nội dung") does not make it a part of its own kind.
_TOPIC = re.compile(r"ve\s+[a-z]")


def _topic_peers(doc: Doc, parent: Node) -> None:
    """Read every "Về …" heading of a list as tasks when one of them was read as the tasks part.

    A directive that lists the year's work field by field ("1. Về …" … "9. Về …") has no part named for its
    tasks; when one field's name happens to hold a word of the tasks part ("8. Về hoạt động của các tổ chức,
    doanh nghiệp"), its unnamed peers are tasks too, not a preamble.
    """
    peers = [
        c for c in parent.children
        if c.style in ("roman", "upper", "num1") and (parent.style == "root" or c.style != "num1")
        and _TOPIC.match(" ".join(doc.folded[c.head_start : c.head_start + len(c.title)].split()))
    ]
    if len(peers) < 3 or not any(c.kind == "tasks" for c in peers):
        return
    style = next(c.style for c in peers if c.kind == "tasks")
    for child in peers:
        if child.kind is None and child.style == style:
            child.kind = "tasks"
