"""A learned judge of tasks: logistic regression over how each item of a plan's outline is built and where it sits.

The rules (tasks.py) take the numbered items of the parts a heading names as the tasks part; on a document whose
headings they do not know they miss whole lists. The model, trained on the development corpus
(``ansinh bench task-train``), says for every item of the outline whether it is a task, from features that hold
across documents (numbering style and depth, the kind of the enclosing part, words of the headings above it, whether
it opens with an action verb or an agency's name, its length, its siblings). It ships as JSON weights
(``task_model.json``) evaluated with a dot product: no unpickling, no library, no network at run time.

Where the rules found tasks, their reading of the document stands: on the development part they already take what
the gold holds, and an item the model adds beside them was a false task at every threshold tried (``add`` 1.0: never).
Where the rules found no task in the outline at all, most often because the document names its tasks part in words
the rules do not know, the model reads the outline alone and adds the items it scores at least ``fallback``. It is
trained on every document twice, once as read and once with its tasks parts unnamed (their kind blanked), so that it
learns what a task looks like without the heading that names the part. A task of the rules is dropped only below
``drop`` (0: never).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ansinh.documents.parsing.clean import Doc, fold_same_length
from ansinh.documents.parsing.linear_model import probability, read_model
from ansinh.documents.parsing.structure import Node, heading_title
from ansinh.documents.parsing.tasks import Task, full_number

MODEL_PATH = Path(__file__).with_name("task_model.json")
MODEL: dict[str, object] | None = None  # a model to use instead of the shipped one (training, evaluation)
ENABLED: bool | None = None  # None: as the shipped model says ("enabled"); False: the rules alone

# Styles of outline items that may be tasks ("article" only as a duty article, "dash"/"plus" as bullets).
_STYLES = ("num", "lower", "paren", "upper", "roman", "article", "dash", "plus")

# Words of the headings above an item (folded): what the part it sits in is about.
_HEADING_CUES = (
    ("nhiem_vu", r"nhiem vu"), ("giai_phap", r"giai phap|bien phap"), ("to_chuc", r"to chuc (?:thuc hien|thi hanh)"),
    ("trach_nhiem", r"trach nhiem"), ("phan_cong", r"phan cong"), ("muc_tieu", r"muc tieu|chi tieu"),
    ("quan_diem", r"quan diem"), ("tinh_hinh", r"tinh hinh|thuc trang|ket qua|danh gia"), ("noi_dung", r"noi dung"),
    ("muc_dich", r"muc dich|yeu cau"), ("kinh_phi", r"kinh phi|nguon von"), ("bao_cao", r"bao cao|thong tin"),
    ("chi_dao", r"chi dao|ket luan|de nghi"), ("hoat_dong", r"hoat dong|cong viec|chuong trinh"),
    ("dieu_khoan", r"hieu luc|thi hanh|pham vi|doi tuong|giai thich|dieu chinh"), ("thi_dua", r"thi dua|khen thuong"),
    ("tien_do", r"tien do|thoi gian|lo trinh"),
)
_HEADING_RES = tuple((name, re.compile(r"(?<![a-z])(?:" + p + r")(?![a-z])")) for name, p in _HEADING_CUES)

# Verbs an assigned piece of work opens with (folded), from the standard phrasing of Vietnamese plans.
_VERBS = frozenset("""
tang cuong day manh trien khai to chuc xay dung hoan thien nang cao thuc hien chi dao ra soat kiem tra
tap trung tiep tuc phoi hop chu tri tuyen truyen huong dan ban hanh theo doi tham muu de xuat nghien cuu
bo tri dam bao bao dam phat trien phat huy quan ly giam sat day nhanh khan truong uu tien ho tro cung co
doi moi thanh lap xu ly rut ngan duy tri lam tot quan tam chu dong bo sung sua doi dieu chinh tong hop
thuc day huy dong long ghep nhan rong mo rong cai thien cai cach so ket tong ket danh gia tham gia dao tao
boi duong kien toan sap xep on dinh hoan thanh nghiem tuc tich cuc kip thoi thuong xuyen quan triet pho bien
tiep nhan cap trinh chuan bi lap thong tin bao cao
""".split())
# The heads of agency names an item opening with a body's name starts with ("Sở Y tế:", "Các bộ, ngành:").
_AGENCY = re.compile(
    r"(?:cac\s+|moi\s+)?(?:so|bo|ban|uy ban|ubnd|hdnd|cong an|bo chi huy|phong|van phong|thanh tra|toa an|vien kiem sat|"
    r"kho bac|ngan hang|bao hiem|dai|trung tam|truong|cuc|tong cuc|vu|mat tran|hoi|doan|lien doan|tinh doan|dang uy|"
    r"chu tich|giam doc|thu truong|nguoi dung dau|co quan|don vi|dia phuong|doanh nghiep|huyen|xa|phuong|thi xa|"
    r"thanh pho|tinh|quan|cong ty|tap doan)(?![a-z])"
)
_CHU_TRI = re.compile(r"chu tri")
_PHOI_HOP = re.compile(r"phoi hop")
_DEADLINE = re.compile(r"(?:thoi gian|thoi han|hoan thanh)[^.\n]{0,40}(?:nam|quy|thang|truoc ngay)\s*\d|thuong xuyen|hang nam|hang quy")
_WORD = re.compile(r"[a-z]+")


@dataclass
class Candidate:
    """An item of the outline that could be a task, and the task the rules made of it (if any)."""

    node: Node
    task: Task | None


def unname_tasks_parts(root: Node) -> None:
    """Blank the kind of every tasks part (training: the outline as the rules see a document whose tasks heading
    they do not know)."""
    for node in root.walk():
        if node.kind == "tasks":
            node.kind = None


def candidates(root: Node, tasks: list[Task]) -> list[Candidate]:
    """Every item of the outline that could be a task (outside forms and annexes), in document order."""
    by_node = {id(t.node): t for t in tasks if t.node is not None}
    out: list[Candidate] = []
    for node in root.walk()[1:]:
        if not node.title or not node.style.startswith(_STYLES):
            continue
        if node.style == "annex" or any(a.style == "annex" for a in node.ancestors()):
            continue
        out.append(Candidate(node, by_node.get(id(node))))
    return out


def _style(node: Node) -> str:
    if node.style.startswith("num"):
        return "num1" if node.style == "num1" else "num2+"
    return node.style


def _fold(text: str) -> str:
    return " ".join(fold_same_length(text).lower().split())


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n < edge:
            return f"<{edge}"
    return f">={edges[-1]}"


def doc_features(doc: Doc) -> list[str]:
    """Features of the whole document: its kind from the type line near the top."""
    from ansinh.documents.parsing.target_learned import doc_features as target_doc_features

    return [f for f in target_doc_features(doc) if not f.startswith("issued=")]


def features(doc: Doc, cand: Candidate, rule_nodes: set[int], doc_feats: list[str]) -> list[str]:
    """The features of one outline item (never whether the rules took the item itself: the model judges the item
    as if it had not been read, so that it learns what a task looks like rather than what the rules do)."""
    node = cand.node
    feats = list(doc_feats)
    style = _style(node)
    feats.append(f"s={style}")
    ancestors = node.ancestors()
    numbered = [a for a in ancestors if a.numbered and a.style != "root"]
    feats.append(f"depth={min(len(numbered), 4)}")
    feats.append(f"s={style}|depth={min(len(numbered), 3)}")
    kind = node.effective_kind()
    feats.append(f"k={kind}")
    feats.append(f"s={style}|k={kind}")
    if node.kind is not None:
        feats.append(f"own={node.kind}")
    top = next((a for a in reversed(ancestors) if a.style != "root"), None)
    feats.append(f"top={top.kind if top is not None else 'self'}")
    if any(a.style in ("dash", "plus") for a in ancestors):
        feats.append("under_bullet")
    if any(a.style == "article" for a in ancestors):
        feats.append("in_article")
    parent = node.parent
    titles = [a.title for a in ancestors if a.title]
    folded_above = _fold(" ".join(titles))
    feats += [f"h:{name}" for name, pattern in _HEADING_RES if pattern.search(folded_above)]
    if parent is not None and parent.title:
        parent_title = _fold(parent.title)
        feats += [f"p:{name}" for name, pattern in _HEADING_RES if pattern.search(parent_title)]
    title = _fold(node.title)
    own_words = _WORD.findall(title)
    feats += [f"t:{name}" for name, pattern in _HEADING_RES if pattern.search(" ".join(own_words[:6]))]
    if own_words:
        if own_words[0] in _VERBS:
            feats.append("verb")
        if _AGENCY.match(title):
            feats.append("agency")
    feats.append("len=" + _bucket(len(own_words), (4, 10, 25, 60)))
    raw_title = node.title.strip()
    letters = [c for c in raw_title[:80] if c.isalpha()]
    if len(letters) >= 3 and sum(c.isupper() for c in letters) / len(letters) >= 0.7:
        feats.append("upper_title")
    head = doc.clean[node.head_start : node.head_end].rstrip()
    if head.endswith(":"):
        feats.append("colon")
    _, title_end = heading_title(doc, node.head_start, node.head_end)
    if node.body_end - title_end > 40 or len(head) > len(raw_title) + 20:
        feats.append("has_body")
    body = doc.folded[node.head_start : min(node.end, node.head_start + 1500)]
    if _CHU_TRI.search(body):
        feats.append("chu_tri")
    if _PHOI_HOP.search(body):
        feats.append("phoi_hop")
    if _DEADLINE.search(body):
        feats.append("deadline")
    kids = [c for c in node.children if c.style != "annex"]
    feats.append("kids=" + _bucket(len(kids), (1, 2, 5)))
    siblings = [c for c in parent.children if c.style == node.style] if parent is not None else [node]
    feats.append("sibs=" + _bucket(len(siblings), (2, 3, 6, 12)))
    if siblings and siblings[0] is node:
        feats.append("first")
    # What the rules did around the item (not with it): its siblings, the item above it, the items under it.
    if any(id(s) in rule_nodes for s in siblings if s is not node):
        feats.append("sib_rule")
    if any(id(a) in rule_nodes for a in ancestors):
        feats.append("anc_rule")
    if any(id(c) in rule_nodes for c in kids):
        feats.append("kid_rule")
    return feats


@lru_cache(maxsize=4)
def load_model(path: str = str(MODEL_PATH)) -> dict[str, object] | None:
    """The shipped model (JSON: bias, weights, add and drop thresholds, enabled), or None when absent or unreadable."""
    return read_model(path)


def judge_tasks(doc: Doc, root: Node, tasks: list[Task], model: dict[str, object] | None = None) -> list[Task]:
    """The rules' tasks with the items the model is sure of added (and, below ``drop``, rule tasks removed)."""
    model = model if model is not None else (MODEL or load_model())
    enabled = ENABLED if ENABLED is not None else bool(model and model.get("enabled"))
    if model is None or not enabled:
        return tasks
    rule_nodes = {id(t.node) for t in tasks if t.node is not None}
    # A document in which the rules found no task at all: the model's own reading (``fallback``); else only ``add``.
    add = float(model.get("fallback" if not tasks else "add", 1.0))  # type: ignore[arg-type]
    drop = float(model.get("drop", 0.0))  # type: ignore[arg-type]
    if add >= 1.0 and drop <= 0.0:
        return tasks  # nothing can be added or dropped: no features to compute
    doc_feats = doc_features(doc)
    cands = candidates(root, tasks)
    added: dict[int, Task] = {}
    dropped: set[int] = set()
    for cand in cands:
        p = probability(model, features(doc, cand, rule_nodes, doc_feats))
        if cand.task is None and p >= add:
            _, title_end = heading_title(doc, cand.node.head_start, cand.node.head_end)
            added[id(cand.node)] = Task(full_number(cand.node), cand.node.title,
                                        (cand.node.start, max(title_end, cand.node.head_start)), node=cand.node)
        elif cand.task is not None and p < drop:
            dropped.add(id(cand.task))
    if not added and not dropped:
        return tasks
    kept = [t for t in tasks if id(t) not in dropped]
    for t in kept:
        if t.parent is not None and id(t.parent) in dropped:
            t.parent = None
    node_tasks = {id(t.node): t for t in kept if t.node is not None}
    node_tasks.update(added)
    for task in added.values():
        assert task.node is not None
        parent = next((node_tasks[id(a)] for a in task.node.ancestors() if id(a) in node_tasks), None)
        task.parent = parent
        if parent is not None:
            parent.children.append(task)
    outline = [t for t in kept if t.node is not None] + list(added.values())
    outline.sort(key=lambda t: t.span[0])
    return outline + [t for t in kept if t.node is None]
