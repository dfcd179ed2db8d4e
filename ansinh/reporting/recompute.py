"""From-scratch roll-up with set-based SQL (SQLite and PostgreSQL): ``recompute_all``.

See ``rollup`` for the rules; this module rebuilds what ``rollup.apply_submission`` maintains.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from django.db import connections, transaction
from django.utils import timezone

from ansinh.core import generation
from ansinh.geo.models import AdministrativeUnit
from ansinh.reporting.models import AggregateValue, Indicator, IndicatorValue, Submission
from ansinh.reporting.rollup import LEAF_LEVEL, leaf_targets_many, stored_leaves

SQLITE_CACHE_KIB = -262144  # 256 MiB page cache while recomputing (negative: KiB)

# The value of a row from its raw sums, by aggregation (alias ``i`` is the indicator).
_VALUE_OF = (
    "CASE i.aggregation WHEN 'sum' THEN {wv} WHEN 'min' THEN {mn} WHEN 'max' THEN {mx} "
    "WHEN 'mean' THEN {wv} / NULLIF({w}, 0) ELSE {num} / NULLIF({den}, 0) * i.scale END"
)
_PARENT_VALUE = (
    "CASE i.aggregation WHEN 'sum' THEN SUM(a.value) WHEN 'min' THEN MIN(a.value) WHEN 'max' THEN MAX(a.value) "
    "WHEN 'mean' THEN SUM(a.numerator) / NULLIF(SUM(a.denominator), 0) "
    "ELSE SUM(a.numerator) / NULLIF(SUM(a.denominator), 0) * i.scale END"
)
_ROW_COLUMNS = "cycle_id, indicator_id, unit_id, value, numerator, denominator, n_units_reporting, updated_at"


def unit_map_rows(using: str = "default") -> list[tuple[int, int, int | None, float, int]]:
    """(source unit, current commune, its parent, weight, commune row stored?) for every unit that rolls up."""
    units = AdministrativeUnit.objects.using(using).only("id", "level", "valid_to", "parent_id")
    parent_of = {u.pk: u.parent_id for u in units if u.valid_to is None}
    stored = stored_leaves(using)
    rows: list[tuple[int, int, int | None, float, int]] = []
    closed = []
    for unit in units:
        if unit.valid_to is None:
            if unit.level == LEAF_LEVEL:
                rows.append((unit.pk, unit.pk, unit.parent_id, 1.0, int(unit.pk in stored)))
            continue
        closed.append(unit)
    for source, targets in leaf_targets_many(closed, using).items():  # one query per chain step
        for leaf, weight in targets.items():
            rows.append((source, leaf, parent_of.get(leaf), weight, int(leaf in stored)))
    return rows


def tree_rows(using: str = "default") -> list[tuple[int, int, int]]:
    """(unit, parent, depth) for every current unit above the communes that has a parent."""
    rows = AdministrativeUnit.objects.using(using).filter(valid_to__isnull=True, parent__isnull=False)
    rows = rows.exclude(level=LEAF_LEVEL).only("id", "parent_id", "path")
    return [(u.pk, u.parent_id, u.path.count("/") - 1) for u in rows]  # type: ignore[misc]


@contextmanager
def _sqlite_sort_in_memory(connection: Any) -> Iterator[None]:
    """Let SQLite sort a big GROUP BY in memory (temp_store, cache_size), then restore its settings."""
    if connection.vendor != "sqlite":
        yield
        return
    outside = not connection.in_atomic_block  # temp_store cannot change inside a transaction
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA temp_store")
        temp_store = cursor.fetchone()[0]
        cursor.execute("PRAGMA cache_size")
        cache_size = cursor.fetchone()[0]
        if outside:
            cursor.execute("PRAGMA temp_store = MEMORY")
        cursor.execute(f"PRAGMA cache_size = {SQLITE_CACHE_KIB}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(cache_size)}")
            if outside:
                cursor.execute(f"PRAGMA temp_store = {int(temp_store)}")


def recompute_all(using: str = "default", cycle_ids: Iterable[int] | None = None) -> int:
    """Delete and rebuild every aggregate (of ``cycle_ids`` if given) from approved values; returns rows.

    1. ``rollup_sub``: each approved submission with its cycle, the commune(s) it lands on, their
       parent and the weight (submissions × crosswalk map, small);
    2. ``rollup_raw``: ONE big pass over the values of current communes' own reports (weight 1, so
       no weight products: a lighter sort), GROUP BY (cycle, indicator, communes' parent); a small
       weighted pass for crosswalk-fed values; and (cycle, indicator, commune) for the crosswalk-fed
       communes — keeping raw sums;
    3. the rows, with each indicator's own formula applied to the raw sums (added up per key first);
    4. one GROUP BY per tree level above, deepest first, through ``parent_id``.
    Values of ratio indicators always carry numerator and denominator (validation guarantees it).
    """
    connection = connections[using]
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    table = AggregateValue._meta.db_table
    indicators = Indicator._meta.db_table
    cycles: list[int] = []
    in_cycles = ""
    if cycle_ids is not None:
        cycles = list(cycle_ids)
        if not cycles:
            return 0
        in_cycles = f" AND {{}}.cycle_id IN ({', '.join(['%s'] * len(cycles))})"
    temps = ("rollup_map", "rollup_tree", "rollup_sub", "rollup_raw")
    raw_select = (
        "SELECT x.cycle_id, v.indicator_id, {unit}, SUM(v.value * x.weight), MIN(v.value), MAX(v.value), "
        "SUM(v.numerator * x.weight), SUM(v.denominator * x.weight), SUM(x.weight), COUNT(*) "
        f"FROM {IndicatorValue._meta.db_table} v JOIN rollup_sub x ON x.submission_id = v.submission_id "
        "WHERE v.value IS NOT NULL{where} GROUP BY x.cycle_id, v.indicator_id, {unit}"
    )
    plain_select = (
        "SELECT x.cycle_id, v.indicator_id, x.parent_id, SUM(v.value), MIN(v.value), MAX(v.value), "
        "SUM(v.numerator), SUM(v.denominator), COUNT(*), COUNT(*) "
        f"FROM {IndicatorValue._meta.db_table} v JOIN rollup_sub x ON x.submission_id = v.submission_id "
        "WHERE v.value IS NOT NULL AND x.parent_id IS NOT NULL AND x.plain = 1 "
        "GROUP BY x.cycle_id, v.indicator_id, x.parent_id"
    )
    with _sqlite_sort_in_memory(connection), transaction.atomic(using=using), connection.cursor() as cursor:
        for temp in temps:
            cursor.execute(f"DROP TABLE IF EXISTS {temp}")
        cursor.execute(
            "CREATE TEMPORARY TABLE rollup_map (source_id bigint, leaf_id bigint, parent_id bigint, "
            "weight double precision, stored integer)"
        )
        cursor.execute("CREATE TEMPORARY TABLE rollup_tree (unit_id bigint, parent_id bigint, depth integer)")
        cursor.execute(
            "CREATE TEMPORARY TABLE rollup_sub (submission_id bigint, cycle_id bigint, leaf_id bigint, "
            "parent_id bigint, weight double precision, stored integer, plain integer)"
        )
        cursor.execute(
            "CREATE TEMPORARY TABLE rollup_raw (cycle_id bigint, indicator_id bigint, unit_id bigint, "
            "wv double precision, mn double precision, mx double precision, num double precision, "
            "den double precision, w double precision, n integer)"
        )
        cursor.executemany("INSERT INTO rollup_map VALUES (%s, %s, %s, %s, %s)", unit_map_rows(using))
        tree = tree_rows(using)
        cursor.executemany("INSERT INTO rollup_tree VALUES (%s, %s, %s)", tree)
        cursor.execute("CREATE INDEX rollup_map_source ON rollup_map (source_id)")
        cursor.execute("CREATE INDEX rollup_tree_unit ON rollup_tree (unit_id, depth)")
        cursor.execute(
            "INSERT INTO rollup_sub SELECT s.id, s.cycle_id, m.leaf_id, m.parent_id, m.weight, m.stored, "
            "CASE WHEN m.source_id = m.leaf_id AND m.weight = 1 THEN 1 ELSE 0 END "
            f"FROM {Submission._meta.db_table} s JOIN rollup_map m ON m.source_id = s.unit_id "
            f"WHERE s.status = 'approved'{in_cycles.format('s')}",
            cycles,
        )
        cursor.execute("CREATE INDEX rollup_sub_submission ON rollup_sub (submission_id)")
        if connection.vendor == "postgresql":
            cursor.execute("ANALYZE rollup_sub")
        cursor.execute(f"DELETE FROM {table} WHERE 1 = 1{in_cycles.format(table)}", cycles)
        # Most rows are a current commune's own report (weight 1): summed without the weight products,
        # which makes the one big sort lighter; the crosswalk-fed rest keeps its weights.
        cursor.execute("INSERT INTO rollup_raw " + plain_select)
        cursor.execute(
            "INSERT INTO rollup_raw "
            + raw_select.format(unit="x.parent_id", where=" AND x.parent_id IS NOT NULL AND x.plain = 0")
        )
        cursor.execute(
            "INSERT INTO rollup_raw " + raw_select.format(unit="x.leaf_id", where=" AND x.stored = 1")
        )
        value = _VALUE_OF.format(wv="r.wv", mn="r.mn", mx="r.mx", w="r.w", num="r.num", den="r.den")
        cursor.execute(
            f"INSERT INTO {table} ({_ROW_COLUMNS}) SELECT r.cycle_id, r.indicator_id, r.unit_id, {value}, "
            "CASE i.aggregation WHEN 'ratio' THEN r.num WHEN 'mean' THEN r.wv ELSE NULL END, "
            "CASE i.aggregation WHEN 'ratio' THEN r.den WHEN 'mean' THEN r.w ELSE NULL END, r.n, %s "
            "FROM (SELECT cycle_id, indicator_id, unit_id, SUM(wv) AS wv, MIN(mn) AS mn, MAX(mx) AS mx, "
            "SUM(num) AS num, SUM(den) AS den, SUM(w) AS w, SUM(n) AS n FROM rollup_raw "
            f"GROUP BY cycle_id, indicator_id, unit_id) r JOIN {indicators} i ON i.id = r.indicator_id",
            [now],
        )
        for depth in sorted({d for _, _, d in tree}, reverse=True):
            cursor.execute(
                f"INSERT INTO {table} ({_ROW_COLUMNS}) SELECT a.cycle_id, a.indicator_id, t.parent_id, "
                f"{_PARENT_VALUE}, "
                "CASE WHEN i.aggregation IN ('ratio', 'mean') THEN SUM(a.numerator) ELSE NULL END, "
                "CASE WHEN i.aggregation IN ('ratio', 'mean') THEN SUM(a.denominator) ELSE NULL END, "
                "SUM(a.n_units_reporting), %s "
                f"FROM {table} a JOIN rollup_tree t ON t.unit_id = a.unit_id "
                f"JOIN {indicators} i ON i.id = a.indicator_id WHERE t.depth = %s{in_cycles.format('a')} "
                "GROUP BY a.cycle_id, a.indicator_id, t.parent_id, i.aggregation, i.scale",
                [now, depth, *cycles],
            )
        cursor.execute(f"SELECT COUNT(*) FROM {table} WHERE 1 = 1{in_cycles.format(table)}", cycles)
        total = int(cursor.fetchone()[0])
        for temp in temps:
            cursor.execute(f"DROP TABLE IF EXISTS {temp}")
        generation.bump(using)  # cached dashboards show the rebuilt roll-up at once
    return total
