"""The rendered body of a dashboard, kept per web process and keyed by the state it was built from.

Building a city's dashboard (168 wards × 30 targets, charts, drill-down and ranking) costs 100–250 ms;
readers open the same few dashboards again and again while the figures change only when a report is
sent, approved or returned. ``state_token`` reads, in one query, what a dashboard depends on:

- the plan's submissions: how many, and the sum of the versions of those sent, approved or returned,
  plus those of the unit itself and the units it succeeded (their task progress shows even in a draft)
  — every submit, approval, return and edit of a returned report bumps a version
  (``reporting.versions``), and approvals are what move the roll-up (``AggregateValue``);
- the plan's definitions: counts and highest ids of targets, indicator links (and how many are
  confirmed), milestones, tasks, lead assignments, cycles and deadlines (with the latest due date);
- the unit tree: highest ids of units and crosswalk rows (a boundary import adds rows).

- ``core.generation``: bumped by every in-place edit of those definitions (a target's value retyped,
  an indicator renamed: their ``post_save`` signals) and by ``ansinh recompute``.

A body is reused only under the same token, the same scope (the user's readable units, as SQL), the
same filters and the same day; a draft saved by a commune does not invalidate it. Only a bulk
``QuerySet.update()`` of a definition that does not call ``generation.bump`` shows after ``TTL``
seconds. The store is per process (each gunicorn worker builds its own copy once).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import connection

from ansinh.core import generation
from ansinh.geo.models import AdministrativeUnit, UnitCrosswalk
from ansinh.lib.page_cache import Store
from ansinh.plans.models import Milestone, Plan, Target, Task, TaskAssignment
from ansinh.reporting.models import CycleDeadline, ReportingCycle, Submission, TargetIndicatorLink

TTL = 120.0  # seconds: the longest an in-place definition edit may take to show
MAX_ENTRIES = 48  # a city's dashboard body is ~200 KB

store = Store(TTL, MAX_ENTRIES)


def _t(model: Any) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _sql() -> str:
    sub, cyc, tgt, lnk = _t(Submission), _t(ReportingCycle), _t(Target), _t(TargetIndicatorLink)
    mst, tsk, asg, ddl = _t(Milestone), _t(Task), _t(TaskAssignment), _t(CycleDeadline)
    unit, walk = _t(AdministrativeUnit), _t(UnitCrosswalk)
    return f"""SELECT
      (SELECT COUNT(*) FROM {sub} s JOIN {cyc} c ON c.id = s.cycle_id WHERE c.plan_id = %s),
      (SELECT COALESCE(SUM(s.version), 0) FROM {sub} s JOIN {cyc} c ON c.id = s.cycle_id
        WHERE c.plan_id = %s AND (s.status <> %s OR s.unit_id = %s
          OR s.unit_id IN (SELECT w.predecessor_id FROM {walk} w WHERE w.successor_id = %s))),
      (SELECT COUNT(*) FROM {tgt} t WHERE t.plan_id = %s),
      (SELECT MAX(t.id) FROM {tgt} t WHERE t.plan_id = %s),
      (SELECT COUNT(*) FROM {lnk} l JOIN {tgt} t ON t.id = l.target_id WHERE t.plan_id = %s),
      (SELECT COUNT(*) FROM {lnk} l JOIN {tgt} t ON t.id = l.target_id WHERE t.plan_id = %s AND l.confirmed),
      (SELECT MAX(l.id) FROM {lnk} l JOIN {tgt} t ON t.id = l.target_id WHERE t.plan_id = %s),
      (SELECT COUNT(*) FROM {mst} m JOIN {tgt} t ON t.id = m.target_id WHERE t.plan_id = %s),
      (SELECT MAX(m.id) FROM {mst} m JOIN {tgt} t ON t.id = m.target_id WHERE t.plan_id = %s),
      (SELECT COUNT(*) FROM {tsk} k WHERE k.plan_id = %s),
      (SELECT MAX(k.id) FROM {tsk} k WHERE k.plan_id = %s),
      (SELECT COUNT(*) FROM {asg} a JOIN {tsk} k ON k.id = a.task_id WHERE k.plan_id = %s),
      (SELECT COUNT(*) FROM {cyc} c WHERE c.plan_id = %s),
      (SELECT MAX(c.id) FROM {cyc} c WHERE c.plan_id = %s),
      (SELECT COUNT(*) FROM {ddl} d JOIN {cyc} c ON c.id = d.cycle_id WHERE c.plan_id = %s),
      (SELECT MAX(d.due) FROM {ddl} d JOIN {cyc} c ON c.id = d.cycle_id WHERE c.plan_id = %s),
      (SELECT MAX(u.id) FROM {unit} u),
      (SELECT MAX(w.id) FROM {walk} w),
      {generation.sql()}"""


def state_token(plan: Plan, unit: AdministrativeUnit) -> tuple[Any, ...]:
    """What the dashboard of ``plan`` for ``unit`` was built from (one query)."""
    p = plan.pk
    params: list[int | str] = [p, p, Submission.Status.DRAFT.value, unit.pk, unit.pk, *([p] * 14)]
    with connection.cursor() as cursor:
        cursor.execute(_sql(), params)
        row = cursor.fetchone()
    return (plan.status, str(plan.approved_at), *(str(x) for x in row))


def cached(key: tuple[Any, ...], build: Callable[[], str]) -> str:
    """The body stored under ``key`` if younger than ``TTL``; else ``build()``, stored."""
    store.ttl = TTL
    return store.cached(key, build)


def clear() -> None:
    """Forget every stored body."""
    store.clear()
