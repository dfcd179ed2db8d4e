"""The rows of a submission's form, kept per web process in two layers.

Opening a report (30 indicators, 35 tasks: ~340 cells) cost most of the page's server time.

1. The whole part, reused while the same report is opened again between two saves: kept under the
   submission's version (every write to its values, task progress or status bumps it), status, edit
   right and estimate default, and a ``state_token`` read in one query — the latest change of its
   values, its source proposals (recomputed or decided), last year's report of the unit (approvals and
   returns bump its version), the plan's definitions (counts and highest ids) and ``core.generation``
   (bumped by every in-place save of a definition: a renamed indicator, a retyped milestone). Only a
   bulk ``QuerySet.update()`` of a definition that does not bump the generation waits ``TTL`` seconds.
2. When that misses (after a save), the rows are read fresh and each indicator row and task is
   rendered on its own (``_entry_row.html``, ``_entry_task.html``) and kept under a key made of
   everything that row shows:
its position, the edit right and the default status; the indicator's name, unit, decimals and
ratio labels, the milestone label and last year's figure; the stored value (value, numerator,
denominator, status, comment) and the source proposal (figure, source, cut-off, note, decision); for a
   task its number, title and stored progress. A save re-renders only the rows it changed; rows are
   shared across submissions showing the same thing. These keys name the content, so a row is never
   stale.

A form posted back with errors is never taken from here.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from django.db import connection
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from ansinh.core import generation
from ansinh.lib.page_cache import Store
from ansinh.plans.models import Milestone, Target, Task
from ansinh.reporting import sources
from ansinh.reporting.entry import (
    IndicatorRow,
    TaskRow,
    cycle_indicator_rows,
    plan_tasks,
    split_for_unit,
    submission_indicator_rows,
    submission_task_rows,
)
from ansinh.reporting.models import (
    Indicator,
    IndicatorValue,
    ReportingCycle,
    SourceProposal,
    Submission,
    TargetIndicatorLink,
    TaskProgress,
)

TTL = 60.0  # whole parts: the longest a bulk definition update without a generation bump takes to show
MAX_ENTRIES = 64  # ~200 KB each
store = Store(TTL, MAX_ENTRIES)
ROW_TTL = 3600.0  # row keys name the content: the limit only lets rows nobody opens any more go
MAX_ROWS = 8000  # 1–3 KB each
rows_store = Store(ROW_TTL, MAX_ROWS)
DEFINITIONS_FROM = 8  # the state token's columns from here on name the plan's definitions and the generation
definitions_store = Store(TTL, 256)  # a cycle's indicator rows (without values) and its plan's tasks


def _t(model: Any) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _sql() -> str:
    sub, cyc, val, pro, prog = _t(Submission), _t(ReportingCycle), _t(IndicatorValue), _t(SourceProposal), _t(TaskProgress)
    tgt, lnk, mst, tsk, ind = _t(Target), _t(TargetIndicatorLink), _t(Milestone), _t(Task), _t(Indicator)
    return f"""SELECT
      (SELECT COUNT(*) FROM {val} v WHERE v.submission_id = %(s)s),
      (SELECT MAX(v.updated_at) FROM {val} v WHERE v.submission_id = %(s)s),
      (SELECT COUNT(*) FROM {prog} g WHERE g.submission_id = %(s)s),
      (SELECT COUNT(*) FROM {pro} p WHERE p.submission_id = %(s)s),
      (SELECT MAX(p.computed_at) FROM {pro} p WHERE p.submission_id = %(s)s),
      (SELECT MAX(p.decided_at) FROM {pro} p WHERE p.submission_id = %(s)s),
      (SELECT COUNT(*) FROM {sub} x JOIN {cyc} c ON c.id = x.cycle_id WHERE x.unit_id = %(u)s
        AND c.plan_id = %(p)s AND c.kind = %(k)s AND c.year = %(y)s),
      (SELECT COALESCE(SUM(x.version), 0) FROM {sub} x JOIN {cyc} c ON c.id = x.cycle_id WHERE x.unit_id = %(u)s
        AND c.plan_id = %(p)s AND c.kind = %(k)s AND c.year = %(y)s),
      (SELECT COUNT(*) FROM {tgt} t WHERE t.plan_id = %(p)s),
      (SELECT MAX(t.id) FROM {tgt} t WHERE t.plan_id = %(p)s),
      (SELECT COUNT(*) FROM {lnk} l JOIN {tgt} t ON t.id = l.target_id WHERE t.plan_id = %(p)s AND l.confirmed),
      (SELECT MAX(l.id) FROM {lnk} l JOIN {tgt} t ON t.id = l.target_id WHERE t.plan_id = %(p)s),
      (SELECT COUNT(*) FROM {mst} m JOIN {tgt} t ON t.id = m.target_id WHERE t.plan_id = %(p)s),
      (SELECT MAX(m.id) FROM {mst} m JOIN {tgt} t ON t.id = m.target_id WHERE t.plan_id = %(p)s),
      (SELECT COUNT(*) FROM {tsk} k WHERE k.plan_id = %(p)s),
      (SELECT MAX(k.id) FROM {tsk} k WHERE k.plan_id = %(p)s),
      (SELECT COUNT(*) FROM {ind} i),
      (SELECT MAX(i.id) FROM {ind} i),
      {generation.sql()}"""


def state_token(submission: Submission) -> tuple[str, ...]:
    """What the rows of ``submission`` show besides the submission row itself (one query)."""
    cycle = submission.cycle
    params: dict[str, int | str] = {"s": submission.pk, "u": submission.unit_id, "p": cycle.plan_id, "k": cycle.kind, "y": cycle.year - 1}
    with connection.cursor() as cursor:
        cursor.execute(_sql(), params)
        row = cursor.fetchone()
    return tuple(str(x) for x in row)




def indicator_key(i: int, row: IndicatorRow, editable: bool, default_status: str) -> Hashable:
    ind, cur, pro = row.indicator, row.current, row.proposal
    return (
        "ind", i, editable, default_status,
        ind.pk, ind.name, ind.unit, ind.decimals, ind.aggregation, ind.numerator_label, ind.denominator_label,
        row.milestone_label, row.previous,
        None if cur is None else (cur.value, cur.numerator, cur.denominator, cur.status, cur.comment, repr(cur.flags)),
        None if pro is None else (
            pro.value, pro.numerator, pro.denominator, pro.source_key, pro.source_version, pro.cutoff, pro.note, pro.decision
        ),
    )


def task_key(row: TaskRow, editable: bool) -> Hashable:
    task, cur = row.task, row.current
    return (
        "task", editable, task.pk, task.number, task.title, task.body, tuple(task.lead_names),
        None if cur is None else (cur.status, cur.deadline, cur.completed_on, cur.result, cur.difficulties, cur.proposals),
    )


def render_indicator_row(row: IndicatorRow, cells: dict[str, str], editable: bool) -> SafeString:
    return render_to_string("reporting/_entry_row.html", {"row": row, "f": cells, "editable": editable})


def render_task_row(row: TaskRow, cells: dict[str, Any], editable: bool) -> SafeString:
    return render_to_string("reporting/_entry_task.html", {"row": row, "f": cells, "editable": editable})


def frame(cycle: ReportingCycle, indicator_rows: list[str], task_rows: list[str], other_rows: list[str] | None = None) -> str:
    """The table and task list around rendered rows (``reporting/_entry.html``); ``other_rows``: the plan's tasks
    that are not the commune's, folded under them."""
    others = other_rows or []
    context = {
        "cycle": cycle,
        "indicator_rows": mark_safe("".join(indicator_rows)),  # each rendered (escaped) by a template
        "task_rows": mark_safe("".join(task_rows)),
        "other_rows": mark_safe("".join(others)),
        "other_count": len(others),
        "other_open": any('<details class="task" open' in html for html in others),
    }
    return render_to_string("reporting/_entry.html", context)


def rows(submission: Submission, token: tuple[str, ...] | None = None) -> tuple[list[IndicatorRow], list[TaskRow]]:
    """The indicator rows and task rows of ``submission`` with its stored values, read now.

    The plan's part (targets, milestones, indicators, tasks) is reused under the definitions part of
    ``state_token`` (read now when not given), so only the submission's own values are queried.
    """
    cycle = submission.cycle
    token = state_token(submission) if token is None else token
    key = ("definitions", cycle.pk, cycle.plan_id, cycle.year, *token[DEFINITIONS_FROM:])
    definitions_store.ttl = TTL
    shapes, tasks = definitions_store.cached(
        key, lambda: (tuple((r.indicator, r.target, r.milestone, r.milestone_label) for r in cycle_indicator_rows(cycle)),
                      tuple(plan_tasks(cycle.plan_id)))
    )
    fresh = [IndicatorRow(indicator, target, milestone, label) for indicator, target, milestone, label in shapes]
    return submission_indicator_rows(submission, fresh), submission_task_rows(submission, list(tasks))


def entry_html(submission: Submission, editable: bool, early: bool) -> str:
    """The indicator rows and tasks of ``submission`` as the reader would be shown them now."""
    store.ttl = TTL
    token = state_token(submission)
    key = ("entry", submission.pk, submission.version, submission.status, editable, early, *token)
    return store.cached(key, lambda: build_entry(submission, editable, early, token))


def build_entry(submission: Submission, editable: bool, early: bool, token: tuple[str, ...] | None = None) -> str:
    """The rows read now; each row rendered only if no row showing the same thing is kept."""
    from ansinh.reporting.forms import SubmissionForm, indicator_fields, task_fields

    default_status = IndicatorValue.Status.ESTIMATE if early else IndicatorValue.Status.FINAL
    indicator_rows, tasks = rows(submission, token)
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

    rows_store.ttl = ROW_TTL
    indicator_html = []
    for i, row in enumerate(indicator_rows):
        row.proposal = proposals.get(row.indicator.pk)
        key = indicator_key(i, row, editable, default_status)
        indicator_html.append(rows_store.cached(key, lambda i=i, row=row: build_indicator(i, row)))  # type: ignore[misc]
    own, others = split_for_unit(submission.unit, tasks, submission.cycle.plan.area_id)
    own_html, other_html = (
        [rows_store.cached(task_key(row, editable), lambda row=row: build_task(row)) for row in group]  # type: ignore[misc]
        for group in (own, others)
    )
    return frame(submission.cycle, indicator_html, own_html, other_html)
