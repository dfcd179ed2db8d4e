"""Additive roll-up cells written as increments: one ``INSERT … ON CONFLICT DO UPDATE`` per kind.

Sums, ratios and means are kept as running sums (``value`` for a sum, ``numerator`` and
``denominator`` for a ratio or mean), so an approval never needs to read a province's or the
country's row before writing it: the database adds the delta in place. The row lock of the shared
rows (the country's, a province's) is taken by that one statement, which ``do_approve`` runs last
in its transaction, so concurrent approvers wait on each other only for the commit, not for the
whole approval. Rows are written in (indicator, unit) order, the same in every transaction, so two
approvers cannot deadlock. Works on PostgreSQL and SQLite (≥ 3.24) alike.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db import connections

from ansinh.reporting.models import AggregateValue, Indicator

Agg = Indicator.Aggregation
# (indicator id, unit id) -> [value, numerator, denominator, units]
Deltas = dict[tuple[int, int], list[float]]


def write_increments(using: str, cycle_id: int, indicators: dict[int, Indicator], deltas: Deltas, now: Any) -> None:
    """Add ``deltas`` to the cells of ``cycle_id`` (creating missing ones); drop cells left with no unit."""
    if not deltas:
        return
    connection = connections[using]
    stamp = connection.ops.adapt_datetimefield_value(now)
    table = AggregateValue._meta.db_table
    greatest = "GREATEST" if connection.vendor == "postgresql" else "MAX"
    groups: dict[tuple[bool, float], list[tuple[int, int]]] = defaultdict(list)
    for key in sorted(deltas):
        indicator = indicators[key[0]]
        additive = indicator.aggregation == Agg.SUM
        scale = 1.0 if additive or indicator.aggregation == Agg.MEAN else float(indicator.scale)
        groups[(additive, scale)].append(key)
    removed = False
    with connection.cursor() as cursor:
        for (additive, scale), keys in sorted(groups.items()):
            rows: list[tuple[Any, ...]] = []
            for indicator_id, unit_id in keys:
                dv, dn, dd, du = deltas[(indicator_id, unit_id)]
                removed = removed or du < 0
                if additive:
                    rows.append((cycle_id, indicator_id, unit_id, dv, None, None, max(0, int(du)), int(du), stamp))
                else:
                    first = dn / dd * scale if dd else None
                    rows.append((cycle_id, indicator_id, unit_id, first, dn, dd, max(0, int(du)), int(du), stamp))
            if additive:
                update = "value = COALESCE(a.value, 0) + excluded.value"
            else:
                num = "(COALESCE(a.numerator, 0) + excluded.numerator)"
                den = "(COALESCE(a.denominator, 0) + excluded.denominator)"
                update = (
                    f"numerator = {num}, denominator = {den}, "
                    f"value = CASE WHEN {den} <> 0 THEN {num} / {den} * {scale!r} ELSE NULL END"
                )
            # the insert carries max(0, Δunits); the update adds the signed Δ, kept in a side column
            placeholders = ", ".join(["(%s, %s, %s, %s, %s, %s, %s, %s)"] * len(rows))
            params = [x for r in rows for x in (*r[:7], r[8])]
            signed = {(r[1], r[2]): r[7] for r in rows}
            cursor.execute(
                f"INSERT INTO {table} AS a (cycle_id, indicator_id, unit_id, value, numerator, denominator, "
                f"n_units_reporting, updated_at) VALUES {placeholders} "
                "ON CONFLICT (cycle_id, indicator_id, unit_id) DO UPDATE SET "
                f"{update}, n_units_reporting = {greatest}(0, a.n_units_reporting + {_units_case(signed)}), "
                "updated_at = excluded.updated_at",
                params,
            )
    if removed:
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
