"""Articles that are duties themselves: "Điều 3. Giao Bộ Tài chính: a) …; b) …".

A decision or resolution may hand out its work article by article, each article's heading line holding the whole
first sentence of the duty (the body addressed, then a colon and its lettered items, or the whole sentence). With
no tasks part and no duties article ("Tổ chức thực hiện"), those articles are the document's tasks, numbered by
their article ("3", "3.a"): each such article is restyled as a numbered item of an unnumbered duties section.
"""

from __future__ import annotations

import re

from ansinh.documents.parsing.clean import Doc, fold_same_length
from ansinh.documents.parsing.duties import gather, names_its_doers
from ansinh.documents.parsing.structure import Node
from ansinh.documents.parsing.unit_names import _head_match
from ansinh.documents.parsing.vocab import AGENCY_HEADS

# The verb addressing a body with work: "Giao Bộ Tài chính", "Đề nghị Ủy ban …", "Yêu cầu các bộ …".
_ADDRESS = re.compile(r"(?:giao(?:\s+cho)?|de\s+nghi|yeu\s+cau)\s+")
# A body then its duty: "Bộ Y tế có trách nhiệm:", "Ủy ban nhân dân các tỉnh chủ trì:" (only with items after a colon).
_DUTY_VERB = re.compile(r"(?:co|chiu)\s+trach\s+nhiem(?!\s+thi\s+hanh)|chu\s+tri|thuc\s+hien(?:\s+cac\s+nhiem\s+vu)?")


def _doer(title: str) -> bool:
    rest = re.sub(r"^(?:[Cc][áa]c|[Nn]h[ữu]ng|[Cc]ho)\s+", "", title)  # diacritics may be lost (OCR, web copies)
    return bool(_head_match(title, AGENCY_HEADS) or _head_match(rest, AGENCY_HEADS))


# The closing articles of a decision: when it takes effect, who answers for applying it (Decree 30/2020, Annex I).
_CLOSING = re.compile(r"(?<![a-z])(?:thi\s+hanh|hieu\s+luc)(?![a-z])")


def _body_does(doc: Doc, node: Node, heading: str) -> bool:
    """"Điều 3. Ngân hàng Nhà nước Việt Nam ký với nhà tài trợ Hiệp định …": an article after the first whose heading is
    one whole sentence opening with a body gives that body its work (a decision's articles after "Điều 1" assign the
    work before the closing ones on effect and execution); a decree's article named by a body has no full stop."""
    parent = node.parent
    first = parent is None or next((c for c in parent.children if c.style == "article"), None) is node
    if first or not heading.endswith(".") or heading.endswith(":") or len(node.title.split()) < 6:
        return False
    return _doer(node.title) and _CLOSING.search(doc.folded, node.head_start, node.end) is None


def _is_duty_article(doc: Doc, node: Node, sentences: bool = True) -> bool:
    title = node.title
    folded = fold_same_length(title).lower()
    heading = doc.clean[node.head_start : node.head_end].rstrip()
    items = [c for c in node.children if c.numbered]
    address = _ADDRESS.match(folded)
    if address is not None:
        return _doer(title[address.end() :])
    if sentences and not items and _body_does(doc, node, heading):
        return True
    if not (heading.endswith(":") and items and _doer(title)):
        return False
    return _DUTY_VERB.search(folded) is not None


# What the first article of a decision does: sets up a body or approves a list (members, communes, roads, criteria …).
_SETS_UP_OR_LISTS = re.compile(
    r"(?:thanh lap|kien toan|cong nhan|(?:phe duyet|cong bo|ban hanh) (?:kem theo [^.]{0,40})?(?:danh sach|danh muc))(?![a-z])"
)


def _lists_or_sets_up(doc: Doc, nodes: list[Node]) -> bool:
    first = next((n for n in nodes if n.style == "article"), None)
    return first is not None and _SETS_UP_OR_LISTS.match(" ".join(doc.folded[first.head_start : first.head_end].split())) is not None


def mark_duty_articles(doc: Doc, root: Node) -> None:
    """Gather the duty articles of a text without any tasks part under a section of kind "tasks"."""
    nodes = root.walk()[1:]
    if any(n.kind == "tasks" for n in nodes):
        return
    duties = [n for n in nodes if n.style == "article" and n.parent is not None and _is_duty_article(doc, n)]
    if not any(_is_duty_article(doc, n, sentences=False) for n in duties):
        # A body's sentence alone ("Điều 4. Giám đốc Sở … chịu trách nhiệm toàn diện …") answers for the matter decided;
        # it joins the duty articles of a decision that hands out work ("Điều 2. Giao Bộ …:"), it opens none.
        return
    if not duties or (len(duties) == 1 and not any(c.numbered for c in duties[0].children) and _lists_or_sets_up(doc, nodes)):
        # "Điều 2. Giao Công an tỉnh chủ trì … theo dõi, tổng hợp" alone: a decision that approves a list or sets up a
        # body closes with one sentence of assignment; that sentence is not a list of tasks (a decision approving a
        # programme keeps it: it is the programme's one assignment).
        return
    chosen = {id(n) for n in duties}
    for parent in {id(n.parent): n.parent for n in duties if n.parent is not None}.values():
        runs: list[list[Node]] = [[]]
        for child in parent.children:
            if id(child) in chosen:
                runs[-1].append(child)
            elif runs[-1]:
                runs.append([])
        for run in (r for r in runs if r):
            gather(parent, run, reset_kind=True, style="num1")  # each read as the numbered duty it is: "3", "3.a"


# "Điều 4. Nhiệm vụ của Ban Chỉ huy quân sự cấp xã", "Điều 5. Nhiệm vụ, quyền hạn của Tổ công tác": an article listing
# the work of the body the text is about. ("Trách nhiệm của các bộ, …" among the articles of a text without chapters
# states the parties' obligations under it, as its closing "Tổ chức thực hiện" article hands out the work.)
_DUTIES_OF = re.compile(r"(?P<work>nhiem vu|trach nhiem)(?:,? (?:va )?quyen han)? cua (?P<whose>\S.*)")
# What a plan's own articles name ("Nhiệm vụ của Chương trình", "… của Đề án"): the matter's work, read elsewhere.
_NOT_A_PARTY = re.compile(r"(?:chuong trinh|de an|ke hoach|du an|nghi quyet|nghi dinh|quyet dinh|thong tu)(?![a-z])")


def duty_of_articles(doc: Doc, root: Node) -> list[Node]:
    """A resolution, decree or circular in articles without chapters: each article "Nhiệm vụ của X" whose clauses are
    numbered lists X's work; it is a task of X ("4", its clauses "4.1", "4.3.a"), beside the duties of the closing
    "Tổ chức thực hiện" article. Decree 30/2020 gives a text in chapters its duties in one closing chapter (read by
    duties._mark_duties_chapter); a short text without chapters puts such an article among the others.

    The articles found lose the kind "tasks" their heading gave them (so that the closing article is still read as the
    duties it hands out); :func:`mark_duty_of_articles` gathers them once the other duties are read."""
    nodes = root.walk()[1:]
    if any(n.style in ("roman", "upper") and any(c.style == "article" for c in n.children) for n in nodes):
        return []
    # An article inside a tasks part is read there; one whose heading the part vocabulary took for a tasks part
    # ("Nhiệm vụ của …" names work) is read here, as the task of its body.
    inside = {id(d) for n in nodes if n.kind == "tasks" for d in n.walk()[1:]}
    found: list[Node] = []
    for node in nodes:
        if node.style != "article" or node.parent is None or id(node) in inside or not node.title:
            continue
        folded = " ".join(doc.folded[node.head_start : node.head_start + len(node.title)].split()).rstrip(" :")
        duty_of = _DUTIES_OF.fullmatch(folded)
        if duty_of is None or "thi hanh" in folded or _NOT_A_PARTY.match(duty_of.group("whose")):
            continue
        if sum(1 for c in node.children if c.style == "num1") < 2:
            continue  # dash lines of a team's remit are no numbered work ("Điều 2. Nhiệm vụ của Tổ: - …")
        if duty_of.group("work") == "trach nhiem" and not names_its_doers(node):
            # "Trách nhiệm của X" hands out work when its clauses each open with the body that acts ("1. Bộ Quốc phòng
            # chịu trách nhiệm …; 2. Ủy ban nhân dân cấp tỉnh bố trí …"), not when they state obligations under the
            # text ("1. Trách nhiệm của các bộ …: a) …; 3. Nhà nước khuyến khích …").
            continue
        node.kind = None
        found.append(node)
    return found


def mark_duty_of_articles(articles: list[Node]) -> None:
    """Gather each article of :func:`duty_of_articles` as a task of its own (in place)."""
    for node in articles:
        if any(c.style == "duties" for c in node.children):
            continue  # read already as the text's duties article ("Điều 3. Trách nhiệm của các cơ quan: 1. Bộ …")
        if node.parent is not None and node.parent.kind != "tasks":
            gather(node.parent, [node])
            node.kind = None
