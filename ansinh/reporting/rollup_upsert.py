"""Additive roll-up cells written as increments: one ``UPDATE … FROM`` per approval (an upsert for new cells).

Sums, ratios and means are kept as running sums (``value`` for a sum, ``numerator`` and
``denominator`` for a ratio or mean), so an approval never needs to read a province's or the
country's row before writing it: the database adds the delta in place. The row lock of the shared
rows (the country's, a province's) is taken by that one statement, which ``do_approve`` runs last
in its transaction, so concurrent approvers wait on each other only for the commit, not for the
whole approval. Rows are written in (indicator, unit) order, the same in every transaction, so two
approvers cannot deadlock. Works on PostgreSQL and SQLite (≥ 3.24) alike.
"""

from __future__ import annotations

from typing import Any

from django.db import connections

from ansinh.reporting.models import AggregateValue, Indicator

Agg = Indicator.Aggregation
# (indicator id, unit id) -> [value, numerator, denominator, units]
Deltas = dict[tuple[int, int], list[float]]


def write_increments(using: str, cycle_id: int, indicators: dict[int, Indicator], deltas: Deltas, now: Any) -> None:
    """Add ``deltas`` to the cells of ``cycle_id``: one ``UPDATE … FROM`` of the existing cells (on
    PostgreSQL an in-place HOT update, as the rows are reached through their unique index), then an
    upsert of the cells that did not exist yet (a cell's first data) or that a concurrent approver
    created meanwhile."""
    if not deltas:
        return
    connection = connections[using]
    stamp = connection.ops.adapt_datetimefield_value(now)
    table = AggregateValue._meta.db_table
    greatest = "GREATEST" if connection.vendor == "postgresql" else "MAX"
    params: list[Any] = []
    keys = sorted(deltas)  # the same lock order in every transaction
    for key in keys:
        indicator = indicators[key[0]]
        dv, dn, dd, du = deltas[key]
        if indicator.aggregation == Agg.SUM:
            params += [key[0], key[1], dv, None, None, int(du), 1.0]
        else:
            params += [key[0], key[1], None, dn, dd, int(du), float(indicator.scale) if indicator.aggregation == Agg.RATIO else 1.0]
    row = "(CAST(%s AS BIGINT), CAST(%s AS BIGINT), CAST(%s AS DOUBLE PRECISION), CAST(%s AS DOUBLE PRECISION), " \
        "CAST(%s AS DOUBLE PRECISION), CAST(%s AS INTEGER), CAST(%s AS DOUBLE PRECISION))"
    num = "(COALESCE(a.numerator, 0) + v.num)"
    den = "(COALESCE(a.denominator, 0) + v.den)"
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH v(i, u, val, num, den, n, scale) AS (VALUES {', '.join([row] * len(keys))}) "
            f"UPDATE {table} AS a SET "
            f"numerator = CASE WHEN v.den IS NULL THEN a.numerator ELSE {num} END, "
            f"denominator = CASE WHEN v.den IS NULL THEN a.denominator ELSE {den} END, "
            "value = CASE WHEN v.den IS NULL THEN COALESCE(a.value, 0) + v.val "
            f"WHEN {den} <> 0 THEN {num} / {den} * v.scale ELSE NULL END, "
            f"n_units_reporting = {greatest}(0, a.n_units_reporting + v.n), updated_at = %s "
            "FROM v WHERE a.cycle_id = %s AND a.indicator_id = v.i AND a.unit_id = v.u "
            "RETURNING indicator_id, unit_id",
            [*params, stamp, cycle_id],
        )
        done = {(int(i), int(u)) for i, u in cursor.fetchall()}
    missing = {k: v for k, v in deltas.items() if k not in done}
    if missing:
        _upsert(using, cycle_id, indicators, missing, now)
    elif any(d[3] < 0 for d in deltas.values()):
        AggregateValue.objects.using(using).filter(
            cycle_id=cycle_id, indicator_id__in={k[0] for k in deltas}, unit_id__in={k[1] for k in deltas},
            n_units_reporting=0,
        ).delete()


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
