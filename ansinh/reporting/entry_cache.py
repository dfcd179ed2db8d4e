"""The rendered indicator rows and tasks of a submission, kept per web process for repeated opens.

Opening a report (30 indicators, 35 tasks: ~340 cells) costs most of the page's server time; the same
report is opened again and again between two saves. The part is reused only under the same
submission version (every write to its values, task progress or status bumps it), status, edit
right and estimate default, and the same ``state_token``: one query over what else the rows show —
the latest change of its values, its source proposals (recomputed or decided), last year's report of
the unit (the "Kỳ trước" column: approvals and returns bump its version) and the plan's definitions
(targets, indicator links, milestones, tasks, the catalogue: counts and highest ids). An in-place
edit the token cannot see (a milestone retyped) shows after at most ``TTL`` seconds. A form posted
back with errors is never taken from here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import connection

from ansinh.lib.page_cache import Store
from ansinh.plans.models import Milestone, Target, Task
from ansinh.reporting.models import (
    Indicator,
    IndicatorValue,
    ReportingCycle,
    SourceProposal,
    Submission,
    TargetIndicatorLink,
    TaskProgress,
)

TTL = 60.0
MAX_ENTRIES = 64  # ~200 KB each
store = Store(TTL, MAX_ENTRIES)


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
      (SELECT MAX(i.id) FROM {ind} i)"""


def state_token(submission: Submission) -> tuple[str, ...]:
    """What the rows of ``submission`` show besides the submission row itself (one query)."""
    cycle = submission.cycle
    params: dict[str, int | str] = {"s": submission.pk, "u": submission.unit_id, "p": cycle.plan_id, "k": cycle.kind, "y": cycle.year - 1}
    with connection.cursor() as cursor:
        cursor.execute(_sql(), params)
        row = cursor.fetchone()
    return tuple(str(x) for x in row)


def entry_html(submission: Submission, editable: bool, early: bool, build: Callable[[], str]) -> str:
    """The stored rows of ``submission`` as the reader would be shown them now, else ``build()``."""
    store.ttl = TTL
    key = ("entry", submission.pk, submission.version, submission.status, editable, early, *state_token(submission))
    return store.cached(key, build)
