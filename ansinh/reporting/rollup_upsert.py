"""Additive roll-up cells (sums, ratios, means), written last in the approving transaction.

``do_approve`` computes its deltas first (``rollup.plan_submission``) and writes them after its
audit row and notification, so the shared rows (the country's, a province's) stay locked only from
this write to the commit, not for the whole approval. Existing cells are locked in (indicator,
unit) order, the same in every transaction (two approvers cannot deadlock), and rewritten by id in
one statement, in place (HOT updates on PostgreSQL). A cell's first data goes through one
``INSERT … ON CONFLICT DO UPDATE`` adding the delta (running sums: ``value`` for a sum, ``numerator``
and ``denominator`` for a ratio or mean), so two approvers creating the same cell add up instead of
colliding. Works on PostgreSQL and SQLite (≥ 3.24) alike.
"""

from __future__ import annotations

from typing import Any

from django.db import connections

from ansinh.reporting.models import AggregateValue, Indicator

Agg = Indicator.Aggregation
# (indicator id, unit id) -> [value, numerator, denominator, units]
Deltas = dict[tuple[int, int], list[float]]


def write_increments(using: str, cycle_id: int, indicators: dict[int, Indicator], deltas: Deltas, now: Any) -> None:
    """Add ``deltas`` to the cells of ``cycle_id``. The existing cells are locked in (indicator, unit)
    order and rewritten by id in one statement (in place: HOT updates on PostgreSQL, as measured by
    ``ansinh bench approvals``); cells not there yet (a cell's first data) go through the upsert,
    so two approvers creating the same cell at once add up instead of colliding."""
    if not deltas:
        return
    from ansinh.reporting.rollup import _write_rows, finish

    manager = AggregateValue.objects.using(using)
    rows = {
        (r.indicator_id, r.unit_id): r
        for r in manager.select_for_update()
        .filter(cycle_id=cycle_id, indicator_id__in={k[0] for k in deltas}, unit_id__in={k[1] for k in deltas})
        .order_by("indicator_id", "unit_id")
    }
    updated: list[AggregateValue] = []
    emptied: list[int] = []
    for key in sorted(rows):
        if key not in deltas:
            continue
        row, (dv, dn, dd, du) = rows[key], deltas[key]
        indicator = indicators[key[0]]
        row.n_units_reporting = max(0, row.n_units_reporting + int(du))
        if row.n_units_reporting == 0:
            emptied.append(row.pk)
            continue
        if indicator.aggregation == Agg.SUM:
            row.value = (row.value or 0.0) + dv
        else:
            row.numerator = (row.numerator or 0.0) + dn
            row.denominator = (row.denominator or 0.0) + dd
            finish(indicator, row)
        updated.append(row)
    if updated:
        _write_rows(using, updated, now)
    if emptied:
        manager.filter(pk__in=emptied).delete()
    missing = {k: v for k, v in deltas.items() if k not in rows}
    if missing:
        _upsert(using, cycle_id, indicators, missing, now)


def _upsert(using: str, cycle_id: int, indicators: dict[int, Indicator], deltas: Deltas, now: Any) -> None:
    """Add ``deltas`` to the cells of ``cycle_id``, creating missing ones, in one statement; drop cells
    left with no reporting unit. A sum's row carries no denominator; a ratio's or mean's value is
    recomputed from the new sums with the indicator's scale (1 for a mean)."""
    if not deltas:
        return
    connection = connections[using]
    stamp = connection.ops.adapt_datetimefield_value(now)
    table = AggregateValue._meta.db_table
    indicator_table = Indicator._meta.db_table
    greatest = "GREATEST" if connection.vendor == "postgresql" else "MAX"
    params: list[Any] = []
    signed: dict[tuple[int, int], int] = {}
    for key in sorted(deltas):  # the same lock order in every transaction
        indicator_id, unit_id = key
        indicator = indicators[indicator_id]
        dv, dn, dd, du = deltas[key]
        signed[key] = int(du)
        if indicator.aggregation == Agg.SUM:
            params += [cycle_id, indicator_id, unit_id, dv, None, None, max(0, int(du)), stamp]
        else:
            factor = float(indicator.scale) if indicator.aggregation == Agg.RATIO else 1.0
            params += [cycle_id, indicator_id, unit_id, dn / dd * factor if dd else None, dn, dd, max(0, int(du)), stamp]
    num = "(COALESCE(a.numerator, 0) + excluded.numerator)"
    den = "(COALESCE(a.denominator, 0) + excluded.denominator)"
    scale = (
        f"(SELECT CASE WHEN i.aggregation = '{Agg.RATIO.value}' THEN i.scale ELSE 1.0 END "
        f"FROM {indicator_table} i WHERE i.id = a.indicator_id)"
    )
    placeholders = ", ".join(["(%s, %s, %s, %s, %s, %s, %s, %s)"] * len(deltas))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} AS a (cycle_id, indicator_id, unit_id, value, numerator, denominator, "
            f"n_units_reporting, updated_at) VALUES {placeholders} "
            "ON CONFLICT (cycle_id, indicator_id, unit_id) DO UPDATE SET "
            f"numerator = CASE WHEN excluded.denominator IS NULL THEN a.numerator ELSE {num} END, "
            f"denominator = CASE WHEN excluded.denominator IS NULL THEN a.denominator ELSE {den} END, "
            "value = CASE WHEN excluded.denominator IS NULL THEN COALESCE(a.value, 0) + excluded.value "
            f"WHEN {den} <> 0 THEN {num} / {den} * {scale} ELSE NULL END, "
            f"n_units_reporting = {greatest}(0, a.n_units_reporting + {_units_case(signed)}), "
            "updated_at = excluded.updated_at",
            params,
        )
    if any(d < 0 for d in signed.values()):
        AggregateValue.objects.using(using).filter(
            cycle_id=cycle_id, indicator_id__in={k[0] for k in deltas}, unit_id__in={k[1] for k in deltas},
            n_units_reporting=0,
        ).delete()


def _units_case(signed: dict[tuple[int, int], int]) -> str:
    """The signed change of reporting units: the same for every cell of an approval in practice
    (one commune adds one unit to each of its ancestors), else a CASE on the cell."""
    changes = set(signed.values())
    if len(changes) == 1:
        return str(int(changes.pop()))
    whens = " ".join(
        f"WHEN a.indicator_id = {int(i)} AND a.unit_id = {int(u)} THEN {int(d)}" for (i, u), d in signed.items()
    )
    return f"(CASE {whens} ELSE 0 END)"
