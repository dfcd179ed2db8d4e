"""Run every extractor over one text and assemble the schema's result."""

from __future__ import annotations

import logging

from ansinh.documents.parsing.assignments import assign_units
from ansinh.documents.parsing.clean import Doc, prepare
from ansinh.documents.parsing.funding import extract_funding
from ansinh.documents.parsing.meta import extract_meta, looks_like_plan
from ansinh.documents.parsing.reporting import extract_reporting
from ansinh.documents.parsing.structure import parse_outline
from ansinh.documents.parsing.table_targets import extract_table_targets
from ansinh.documents.parsing.tables import find_tables
from ansinh.documents.parsing.tabular import extract_documents, extract_projects
from ansinh.documents.parsing.targets import extract_text_targets
from ansinh.documents.parsing.tasks import extract_tasks

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


def extract_plan(text: str, doc: str = "") -> dict[str, object]:
    """The structured content of a plan's text; never raises, whatever the input."""
    try:
        if not isinstance(text, str) or not text.strip():
            return empty_result(doc if isinstance(doc, str) else "")
        return _extract(text[:MAX_CHARS], doc)
    except Exception:
        logger.exception("không trích xuất được kế hoạch %s", doc)
        return empty_result(doc if isinstance(doc, str) else "")


def _extract(text: str, slug: str) -> dict[str, object]:
    doc = prepare(text)
    tables = find_tables(doc)
    masked = _masked(doc, [(t.start, t.end) for t in tables])
    root = parse_outline(masked)
    plan_like = looks_like_plan(masked)
    meta = extract_meta(masked, root)
    spans = meta.get("spans")
    title_span = spans.get("title") if isinstance(spans, dict) else None
    targets = extract_text_targets(doc, root, masked, plan_like, title_span)
    targets += extract_table_targets(doc, tables, targets)
    tasks = extract_tasks(masked, root, tables)
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
