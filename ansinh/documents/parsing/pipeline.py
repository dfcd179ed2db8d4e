"""Run every extractor over one text and assemble the schema's result."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from ansinh.documents.parsing import letter_subject
from ansinh.documents.parsing.assignments import assign_units
from ansinh.documents.parsing.broken_tables import find_broken_tables, find_laid_broken_tables
from ansinh.documents.parsing.clean import Doc, prepare
from ansinh.documents.parsing.duties import mark_duties
from ansinh.documents.parsing.duty_articles import duty_of_articles, mark_duty_articles, mark_duty_of_articles
from ansinh.documents.parsing.event_setting import mark_event_settings
from ansinh.documents.parsing.funding import extract_funding
from ansinh.documents.parsing.layout_tables import LayoutTable, find_layout_tables
from ansinh.documents.parsing.meta import extract_meta, looks_like_plan
from ansinh.documents.parsing.ocr_target_rows import drop_number_slots, ocr_annex_targets
from ansinh.documents.parsing.ocr_task_rows import find_ocr_task_tables
from ansinh.documents.parsing.paragraph_tables import find_paragraph_tables
from ansinh.documents.parsing.reporting import extract_reporting
from ansinh.documents.parsing.stacked_broken import find_stacked_broken_tables
from ansinh.documents.parsing.structure import Node, parse_outline
from ansinh.documents.parsing.table_targets import extract_table_targets
from ansinh.documents.parsing.tables import Table, find_tables, table_kind
from ansinh.documents.parsing.tabular import extract_documents, extract_projects
from ansinh.documents.parsing.target_layout import find_layout_target_tables
from ansinh.documents.parsing.target_name_forms import name_held_as_unit
from ansinh.documents.parsing.targets import extract_text_targets
from ansinh.documents.parsing.task_learned import judge_tasks
from ansinh.documents.parsing.tasks import extract_tasks
from ansinh.documents.parsing.text_caches import clear_text_caches
from ansinh.documents.parsing.unflatten import restore_lines

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


_NOT_A_BREAK = re.compile(r"[^\n]")


def blanked(text: str) -> str:
    """``_NOT_A_BREAK.sub(" ", text)``: every character but a line break a space, put together line by line."""
    return "\n".join(" " * len(line) for line in text.split("\n"))


def _masked(doc: Doc, spans: list[tuple[int, int]]) -> Doc:
    """``doc`` with the given spans (tables) blanked, for reading running text."""
    if not spans:
        return doc
    n = len(doc.clean)
    # Every character of a span but a line break blanked (the folded view breaks its lines where the clean one does: a
    # fold makes no line break of another character). Overlapping spans blank the same characters, so their union is
    # blanked once, its pieces put together by slices rather than a list of every character.
    merged: list[list[int]] = []
    for s, e in sorted((max(0, min(s, n)), max(0, min(e, n))) for s, e in spans):
        if s >= e:
            continue
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    clean: list[str] = []
    folded: list[str] = []
    at = 0
    for s, e in merged:
        blank = blanked(doc.clean[s:e])
        clean += (doc.clean[at:s], blank)
        folded += (doc.folded[at:s], blank)
        at = e
    clean.append(doc.clean[at:])
    folded.append(doc.folded[at:])
    return Doc(text=doc.text, clean="".join(clean), folded="".join(folded), line_starts=doc.line_starts)


def extract_plan(text: str, doc: str = "") -> dict[str, object]:
    """The structured content of a plan's text; never raises, whatever the input."""
    try:
        if not isinstance(text, str) or not text.strip():
            return empty_result(doc if isinstance(doc, str) else "")
        clear_text_caches()  # per-document caches only: a second reading of a text costs what the first did
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


class _Span(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


def _spans(*groups: Sequence[_Span]) -> list[tuple[int, int]]:
    return [(t.start, t.end) for group in groups for t in group]


def _overlaps(item: _Span, spans: list[tuple[int, int]]) -> bool:
    return any(item.start < e and s < item.end for s, e in spans)


S = TypeVar("S", bound=_Span)


def _apart(items: list[S], spans: list[tuple[int, int]]) -> list[S]:
    """The tables of ``items`` that overlap none of ``spans`` (read already by another reader)."""
    return [t for t in items if not _overlaps(t, spans)]


def read_parts(text: str) -> Parts:
    """The structure of ``text`` (also used to train the learned target filter)."""
    doc = restore_lines(prepare(text))  # flattened items put back on their own lines (same length)
    layout = find_layout_tables(doc)
    # An assignment table a text layer wrote a cell a paragraph, some columns out of row order.
    layout += _apart(find_paragraph_tables(doc), _spans(layout))
    # An assignment table whose markdown header stands over rows a converter broke into loose lines and fragments.
    layout += _apart(find_broken_tables(doc), _spans(layout))
    # ... and one whose header a web copy then wrote one label a line.
    layout += _apart(find_stacked_broken_tables(doc), _spans(layout))
    # A table laid out with spaces is read by its columns; the line-by-line reading of it is dropped.
    laid = find_layout_target_tables(doc)  # indicator tables a PDF laid out by columns, read as whole rows
    # A table whose header the space-laid task reader took with a label it does not know is read by the laid reader
    # when that reads it as an assignment table.
    laid_work = _spans([t for t in laid if table_kind(t) != "targets"])
    layout = [lt for lt in layout if not lt.unnamed or not _overlaps(lt, laid_work)]
    # (and assignment tables the space-laid task reader above did not read: work_rows.work_columns)
    laid = [t for t in laid if table_kind(t) == "targets" or not _overlaps(t, _spans(layout))]
    # An assignment table whose header a PDF's text layer laid out over rows no reader of laid-out tables read.
    layout += _apart(find_laid_broken_tables(doc), _spans(layout, laid))
    tables = sorted(_apart(find_tables(doc), _spans(layout, laid)) + laid, key=lambda t: t.start)
    # An assignment table OCR ran together row by row, which no reader above read but for a page's scrap of it.
    for ocr in find_ocr_task_tables(doc):
        here = [(ocr.start, ocr.end)]
        inside = [t.end - t.start for t in layout if _overlaps(t, here)] + [t.end - t.start for t in tables if _overlaps(t, here)]
        if sum(inside) * 4 < ocr.end - ocr.start:
            tables = [t for t in tables if not _overlaps(t, here)]
            layout = [t for t in layout if not _overlaps(t, here)] + [ocr]
    masked = _masked(doc, _spans(tables, layout))
    root = parse_outline(masked)
    work_of = duty_of_articles(masked, root)  # "Điều 4. Nhiệm vụ của Ban …: 1. …" in a text without chapters
    mark_duties(masked, root)
    mark_duty_articles(masked, root)  # "Điều 3. Giao Bộ Tài chính: a) …": articles that are duties themselves
    mark_duty_of_articles(work_of)
    mark_event_settings(masked, root)  # an invitation's time, place, attendance and attached programme: no work
    meta = extract_meta(masked, root)
    spans = meta.get("spans")
    title_span = spans.get("title") if isinstance(spans, dict) else None
    if letter_subject.is_subject(meta.get("title")):
        title_span = None  # a letter's subject names what it carries out: its year is no horizon of the letter's
    return Parts(doc, layout, tables, masked, root, looks_like_plan(masked), meta, title_span)


def _extract(text: str, slug: str) -> dict[str, object]:
    parts = read_parts(text)
    doc, layout, tables, masked, root, meta = parts.doc, parts.layout, parts.tables, parts.masked, parts.root, parts.meta
    targets = extract_text_targets(doc, root, masked, parts.plan_like, parts.title_span)
    targets += extract_table_targets(doc, tables, targets)
    targets = ocr_annex_targets(doc, targets)  # a target annex OCR left as loose lines
    title = parts.title_span
    targets = drop_number_slots(targets, int(title[0]) if isinstance(title, list | tuple) and title else None)
    targets = [name_held_as_unit(t) for t in targets]
    tasks = extract_tasks(masked, root, tables, [(lt.start, lt.end, lt.tasks) for lt in layout])
    tasks = judge_tasks(masked, root, tasks)  # items a learned judge is sure are tasks (task_learned.py)
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
