"""Run every extractor over one text and assemble the schema's result."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from ansinh.documents.parsing.assignments import assign_units
from ansinh.documents.parsing.clean import Doc, fold_same_length, prepare
from ansinh.documents.parsing.duty_articles import mark_duty_articles
from ansinh.documents.parsing.funding import extract_funding
from ansinh.documents.parsing.layout_tables import LayoutTable, find_layout_tables
from ansinh.documents.parsing.meta import extract_meta, looks_like_plan
from ansinh.documents.parsing.reporting import extract_reporting
from ansinh.documents.parsing.structure import Node, parse_outline
from ansinh.documents.parsing.table_targets import extract_table_targets
from ansinh.documents.parsing.tables import Table, find_tables
from ansinh.documents.parsing.tabular import extract_documents, extract_projects
from ansinh.documents.parsing.targets import extract_text_targets
from ansinh.documents.parsing.tasks import extract_tasks
from ansinh.documents.parsing.unflatten import restore_lines
from ansinh.documents.parsing.unit_names import _head_match
from ansinh.documents.parsing.vocab import AGENCY_HEADS

logger = logging.getLogger(__name__)

# Beyond this size a text is not a plan; read only its beginning.
MAX_CHARS = 5_000_000


def empty_result(doc: str = "") -> dict[str, object]:
    """A valid extraction with nothing in it."""
    return {
        "doc": doc,
        "meta": {"number": None, "date": None, "issuer": None, "level": None, "title": None, "implements": [],
                 "spans": {"number": None, "date": None, "title": None}},
        "targets": [],
        "tasks": [],
        "reporting": [],
        "funding": [],
        "funding_spans": [],
        "documents_to_issue": [],
        "projects": [],
    }


def _masked(doc: Doc, spans: list[tuple[int, int]]) -> Doc:
    """``doc`` with the given spans (tables) blanked, for reading running text."""
    if not spans:
        return doc
    clean = list(doc.clean)
    folded = list(doc.folded)
    for s, e in spans:
        for i in range(s, e):
            if clean[i] != "\n":
                clean[i] = " "
                folded[i] = " "
    return Doc(text=doc.text, clean="".join(clean), folded="".join(folded), line_starts=doc.line_starts)


# A directive, resolution or dispatch: its numbered duties are its tasks part ("Thủ tướng Chính phủ yêu cầu:").
# A letter (công văn) says what it is about on a "V/v …" line; its numbered points are duties too.
_DIRECTIVE_TYPE = re.compile(r"(?m)^[ \t]*(?:(?:chi thi|nghi quyet|cong dien|ket luan|thong bao ket luan)[ \t]*$|v/v[ \t]|ve viec[ \t])")
_DUTY_LEAD_IN = re.compile(
    r"(?m)(?:yeu cau|chi thi|de nghi|quyet nghi|giao|(?:nhiem vu|noi dung|giai phap|bien phap|viec|cong viec)"
    r"(?: [a-z]+){0,2} (?:sau|sau day|duoi day)|cu the nhu sau)[ \t]*:[ \t]*$"
)
_NOT_DUTIES = frozenset({"organization", "reporting", "funding", "assignment", "purpose", "situation"})


def _mark_directive_duties(doc: Doc, root: Node) -> None:
    """Read the numbered duties of a directive or resolution without a tasks part as its tasks.

    Only when no heading names a tasks part, the document's type line is a directive, resolution,
    dispatch or conclusion, and a lead-in sentence ("… yêu cầu:") opens the duties. The duties are
    gathered under an unnumbered section of kind "tasks"; a short heading such as "Tổ chức thực hiện"
    ends them.
    """
    nodes = root.walk()[1:]
    if _has_tasks_part(nodes) or not _DIRECTIVE_TYPE.search(doc.folded, 0, 4000):
        return
    if any(n.style == "article" for n in root.children):
        return  # written in articles: its duties are those of its "Tổ chức thực hiện" article (_mark_legal_duties)
    lead_in = _DUTY_LEAD_IN.search(doc.folded)
    if lead_in is None:
        # No lead-in, but the numbered points each open with the body that acts ("1. Giao Sở Y tế …").
        if not _names_its_doers(root):
            return
        lead_in = re.match(r"", doc.folded)
    if lead_in is None:
        return
    duties: list[Node] = []
    for node in root.children:
        if node.start < lead_in.end() or node.style in ("dash", "plus"):
            continue
        if node.kind in _NOT_DUTIES and len(node.title.split()) <= 8:
            break
        duties.append(node)
    if len(duties) < 2:
        return
    section = Node("duties", "", duties[0].start, duties[0].start, duties[0].start, "", depth=1, end=duties[-1].end,
                   kind="tasks", parent=root)
    at = root.children.index(duties[0])
    for node in duties:
        root.children.remove(node)
        node.parent = section
        if node.kind is not None:
            node.kind = None  # a duty's sentence, not a heading naming a part
    section.children = duties
    root.children.insert(at, section)


_ORGANIZING = re.compile(r"to chuc thuc hien(?![a-z])")
# "Điều 5. Hội đồng nhân dân tỉnh giao", "Điều 3. Trách nhiệm tổ chức thực hiện": an article handing out the duties.
_DUTIES_ARTICLE = re.compile(r"(?:.* )?giao$|(?:trach nhiem|phan cong) (?:to chuc )?thuc hien$")


def _mark_legal_duties(doc: Doc, root: Node) -> None:
    """A resolution or decree written in articles, with no tasks part: the duties of its "Tổ chức thực hiện"
    article ("Điều 8. Tổ chức thực hiện: 1. Chính phủ …; 2. Bộ … là cơ quan đầu mối …") are its tasks.

    An article gives its numbered items; an item "4. Tổ chức thực hiện" inside an article is a task itself,
    its lettered duties under it.
    """
    nodes = root.walk()[1:]
    if _has_tasks_part(nodes) or not any(n.style == "article" for n in nodes):
        return
    candidates = [
        n for n in nodes if n.style in ("article", "num1") and n.children and (
            (n.kind == "organization" and _ORGANIZING.match(_folded_title(doc, n)))
            or (n.style == "article" and _DUTIES_ARTICLE.fullmatch(_folded_title(doc, n)))
        )
    ]
    # "4. Tổ chức thực hiện" inside "Điều 4. Tổ chức thực hiện và hiệu lực thi hành": the part named only that.
    exact = [n for n in candidates if len(n.title.split()) <= 4]
    # Failing a title, an article whose items open with their doers; a closing "Trách nhiệm thi hành" only when its
    # items list duties (lettered sub-items): one sentence per body names who applies the text, not work to do.
    chosen = exact or candidates or [
        n for n in nodes if n.style == "article" and _names_its_doers(n) and (
            "thi hanh" not in _folded_title(doc, n) or any(g.numbered for c in n.children for g in c.children)
        )
    ]
    organizing = chosen[-1] if chosen else None
    if organizing is None or organizing.parent is None:
        return
    if organizing.style == "article":
        duties = [c for c in organizing.children if c.style not in ("dash", "plus")]
        host = organizing
    else:
        duties = [organizing]
        host = organizing.parent
    if not duties:
        return
    section = Node("duties", "", duties[0].start, duties[0].start, duties[0].start, "", depth=host.depth + 1,
                   end=duties[-1].end, kind="tasks", parent=host)
    at = host.children.index(duties[0])
    for node in duties:
        host.children.remove(node)
        node.parent = section
        node.kind = None
    section.children = duties
    host.children.insert(at, section)
    if organizing.style == "article":
        organizing.kind = None


def _names_its_doers(node: Node) -> bool:
    """Whether most of ``node``'s numbered items (two or more) open with the body that acts: "Bộ Công an",
    "Giao Sở Y tế …", "Ủy ban nhân dân các cấp có trách nhiệm" (the duties article of a decree, the points of a letter)."""
    items = [c for c in node.children if c.style == "num1" and c.title]
    if len(items) < 2:
        return False
    doers = 0
    for item in items:
        title = item.title
        folded = fold_same_length(title).lower()
        address = re.match(r"(?:giao(?:\s+cho)?|de\s+nghi|yeu\s+cau)\s+", folded)
        rest = title[address.end() :] if address else title
        if _head_match(rest, AGENCY_HEADS) or _head_match(re.sub(r"^(?:Các|Những)\s+", "", rest), AGENCY_HEADS):
            doers += 1
    return doers * 5 >= len(items) * 3


def _has_tasks_part(nodes: list[Node]) -> bool:
    """Whether a heading names a tasks part (a lettered "a) Nội dung: …" of a spending article does not, unless it holds items)."""
    return any(n.kind == "tasks" and (n.style not in ("lower", "paren-lower") or any(c.numbered for c in n.children))
               for n in nodes)


def _folded_title(doc: Doc, node: Node) -> str:
    return " ".join(doc.folded[node.head_start : node.head_start + len(node.title)].split())


def extract_plan(text: str, doc: str = "") -> dict[str, object]:
    """The structured content of a plan's text; never raises, whatever the input."""
    try:
        if not isinstance(text, str) or not text.strip():
            return empty_result(doc if isinstance(doc, str) else "")
        return _extract(text[:MAX_CHARS], doc)
    except Exception:
        logger.exception("không trích xuất được kế hoạch %s", doc)
        return empty_result(doc if isinstance(doc, str) else "")


@dataclass
class Parts:
    """A text read as far as its structure: tables, the outline, meta (what target extraction starts from)."""

    doc: Doc
    layout: list[LayoutTable]
    tables: list[Table]
    masked: Doc
    root: Node
    plan_like: bool
    meta: dict[str, object]
    title_span: object


def read_parts(text: str) -> Parts:
    """The structure of ``text`` (also used to train the learned target filter)."""
    doc = restore_lines(prepare(text))  # flattened items put back on their own lines (same length)
    layout = find_layout_tables(doc)
    # A table laid out with spaces is read by its columns; the line-by-line reading of it is dropped.
    tables = [t for t in find_tables(doc) if not any(t.start < lt.end and lt.start < t.end for lt in layout)]
    masked = _masked(doc, [(t.start, t.end) for t in tables] + [(lt.start, lt.end) for lt in layout])
    root = parse_outline(masked)
    _mark_directive_duties(masked, root)
    _mark_legal_duties(masked, root)
    mark_duty_articles(masked, root)  # "Điều 3. Giao Bộ Tài chính: a) …": articles that are duties themselves
    meta = extract_meta(masked, root)
    spans = meta.get("spans")
    title_span = spans.get("title") if isinstance(spans, dict) else None
    return Parts(doc, layout, tables, masked, root, looks_like_plan(masked), meta, title_span)


def _extract(text: str, slug: str) -> dict[str, object]:
    parts = read_parts(text)
    doc, layout, tables, masked, root, meta = parts.doc, parts.layout, parts.tables, parts.masked, parts.root, parts.meta
    targets = extract_text_targets(doc, root, masked, parts.plan_like, parts.title_span)
    targets += extract_table_targets(doc, tables, targets)
    tasks = extract_tasks(masked, root, tables) + [task for lt in layout for task in lt.tasks]
    assign_units(masked, root, tasks)
    funding, funding_spans = extract_funding(masked, root)
    result = empty_result(slug)
    result.update({
        "meta": meta,
        "targets": targets,
        "tasks": [t.as_dict() for t in tasks],
        "reporting": extract_reporting(masked, root),
        "funding": funding,
        "funding_spans": funding_spans,
        "documents_to_issue": extract_documents(doc, tables),
        "projects": extract_projects(doc, tables),
    })
    return result
