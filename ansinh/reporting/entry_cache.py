"""The rows of a submission's form, each rendered once per web process and kept under what it shows.

Opening a report (30 indicators, 35 tasks: ~340 cells) cost most of the page's server time, and a
save changes one or two rows. Each indicator row and each task is rendered on its own
(``_entry_row.html``, ``_entry_task.html``) and kept under a key made of everything that row shows:
its position, the edit right and the default status; the indicator's name, unit, decimals and
ratio labels, the milestone label and last year's figure; the stored value (value, numerator,
denominator, status, comment) and the source proposal (figure, source, cut-off, note, decision); for a
task its number, title and stored progress. The rows themselves are read fresh on every open (a few
queries that do not grow with the number of rows), so any edit — a save, an approval last year, a
renamed indicator, a retyped milestone, ``ansinh recompute`` — shows at once; only the rendering is
reused, across opens and across submissions showing the same row. A form posted back with errors is
never taken from here.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from ansinh.lib.page_cache import Store
from ansinh.reporting import sources
from ansinh.reporting.entry import IndicatorRow, TaskRow, submission_indicator_rows, submission_task_rows
from ansinh.reporting.models import IndicatorValue, ReportingCycle, Submission

TTL = 3600.0  # keys name the content: the limit only lets rows nobody opens any more go
MAX_ENTRIES = 8000  # 1–3 KB each
store = Store(TTL, MAX_ENTRIES)


def indicator_key(i: int, row: IndicatorRow, editable: bool, default_status: str) -> Hashable:
    ind, cur, pro = row.indicator, row.current, row.proposal
    return (
        "ind", i, editable, default_status,
        ind.pk, ind.name, ind.unit, ind.decimals, ind.aggregation, ind.numerator_label, ind.denominator_label,
        row.milestone_label, row.previous,
        None if cur is None else (cur.value, cur.numerator, cur.denominator, cur.status, cur.comment),
        None if pro is None else (
            pro.value, pro.numerator, pro.denominator, pro.source_key, pro.source_version, pro.cutoff, pro.note, pro.decision
        ),
    )


def task_key(row: TaskRow, editable: bool) -> Hashable:
    task, cur = row.task, row.current
    return (
        "task", editable, task.pk, task.number, task.title,
        None if cur is None else (cur.status, cur.deadline, cur.completed_on, cur.result, cur.difficulties, cur.proposals),
    )


def render_indicator_row(row: IndicatorRow, cells: dict[str, str], editable: bool) -> SafeString:
    return render_to_string("reporting/_entry_row.html", {"row": row, "f": cells, "editable": editable})


def render_task_row(row: TaskRow, cells: dict[str, Any], editable: bool) -> SafeString:
    return render_to_string("reporting/_entry_task.html", {"row": row, "f": cells, "editable": editable})


def frame(cycle: ReportingCycle, indicator_rows: list[str], task_rows: list[str]) -> str:
    """The table and task list around rendered rows (``reporting/_entry.html``)."""
    context = {
        "cycle": cycle,
        "indicator_rows": mark_safe("".join(indicator_rows)),  # each rendered (escaped) by a template
        "task_rows": mark_safe("".join(task_rows)),
    }
    return render_to_string("reporting/_entry.html", context)


def entry_html(submission: Submission, editable: bool, early: bool) -> str:
    """The indicator rows and tasks of ``submission`` as stored now; unchanged rows are not re-rendered."""
    from ansinh.reporting.forms import SubmissionForm, indicator_fields, task_fields

    default_status = IndicatorValue.Status.ESTIMATE if early else IndicatorValue.Status.FINAL
    rows = submission_indicator_rows(submission)
    tasks = submission_task_rows(submission)
    proposals = sources.proposals_for(submission) if editable else {}
    form: SubmissionForm | None = None

    def cells_form() -> SubmissionForm:
        nonlocal form
        if form is None:
            form = SubmissionForm(indicator_rows=[], task_rows=[], version=submission.version, default_status=default_status)
        return form

    def build_indicator(i: int, row: IndicatorRow) -> str:
        cells: dict[str, str] = {}
        if editable:
            f = cells_form()
            f.fields.update(indicator_fields(i, row, default_status))
            cells = f.indicator_row_cells(i, row)
        return render_indicator_row(row, cells, editable)

    def build_task(row: TaskRow) -> str:
        cells: dict[str, Any] = {}
        if editable:
            f = cells_form()
            f.fields.update(task_fields(row))
            cells = f.task_row_cells(row)
        return render_task_row(row, cells, editable)

    store.ttl = TTL
    indicator_html = []
    for i, row in enumerate(rows):
        row.proposal = proposals.get(row.indicator.pk)
        key = indicator_key(i, row, editable, default_status)
        indicator_html.append(store.cached(key, lambda i=i, row=row: build_indicator(i, row)))  # type: ignore[misc]
    task_html = [store.cached(task_key(row, editable), lambda row=row: build_task(row)) for row in tasks]  # type: ignore[misc]
    return frame(submission.cycle, indicator_html, task_html)
