"""Roll-up of approved commune values up today's unit tree, with no nightly batch.

Rules:

- Only values whose unit maps onto a current *commune* roll up; a province's or the country's
  own approved figure is kept as its own figure (``progress.actual``) and never added to the
  sum of its communes, so nothing is counted twice.
- A unit no longer in force (``valid_to`` set) maps through ``geo.UnitCrosswalk`` onto its
  successors, multiplying weights along a chain; its values count with those weights.
- Per indicator aggregation: ``sum`` Σ w·v; ``ratio`` Σ w·num / Σ w·den × scale (never a mean
  of ratios); ``mean`` Σ w·v / Σ w over every reporting commune (kept as numerator and
  denominator so it is incremental); ``min``/``max`` recomputed for the touched node from its
  children. ``n_units_reporting`` counts commune cells that have data.
- Rows are stored for every unit above the communes, and for a commune only when it receives
  data from a predecessor (a crosswalk); otherwise a commune's figure is its own value and
  storing it again would double the table for nothing.

``apply_submission`` updates every ancestor in the approving transaction (deltas; sums, ratios and
means as increments in one statement, see ``rollup_upsert``);
``recompute_all`` rebuilds everything from scratch with set-based SQL (one GROUP BY from the
values to the communes' parents, then one per tree level through ``parent_id``) on SQLite and
PostgreSQL alike. The tree is assumed layered: a unit's current children are either all
communes or none.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.db import connections
from django.db.models import Max, Min
from django.utils import timezone

from ansinh.geo.crosswalk import MAX_CHAIN, predecessor_ids
from ansinh.geo.models import AdministrativeUnit, UnitCrosswalk
from ansinh.reporting.models import AggregateValue, Indicator, IndicatorValue, Submission

LEAF_LEVEL = AdministrativeUnit.Level.COMMUNE
Agg = Indicator.Aggregation


def leaf_targets(unit: AdministrativeUnit, using: str = "default") -> dict[int, float]:
    """Current commune ids (with weights) onto which ``unit``'s data falls; empty if none."""
    return leaf_targets_many([unit], using)[unit.pk]


def leaf_targets_many(units: Iterable[AdministrativeUnit], using: str = "default") -> dict[int, dict[int, float]]:
    """``leaf_targets`` of many units: one crosswalk query per chain step, not per unit."""
    out: dict[int, dict[int, float]] = {}
    # frontier: (source unit id, id of the unit reached, is it current, its level, weight so far)
    frontier: list[tuple[int, int, bool, str, float]] = []
    for unit in units:
        out[unit.pk] = defaultdict(float)
        frontier.append((unit.pk, unit.pk, unit.valid_to is None, unit.level, 1.0))
    for _ in range(MAX_CHAIN):
        closed: dict[int, list[tuple[int, float]]] = defaultdict(list)
        for source, current, in_force, level, weight in frontier:
            if in_force:
                if level == LEAF_LEVEL:
                    out[source][current] += weight
            else:
                closed[current].append((source, weight))
        if not closed:
            break
        links = UnitCrosswalk.objects.using(using).filter(predecessor_id__in=list(closed)).values_list(
            "predecessor_id", "successor_id", "successor__valid_to", "successor__level", "weight"
        )
        frontier = [
            (source, successor, valid_to is None, level, weight * link_weight)
            for predecessor, successor, valid_to, level, link_weight in links
            for source, weight in closed[predecessor]
        ]
    return {uid: dict(weights) for uid, weights in out.items()}


def ancestors(unit_id: int, using: str = "default") -> list[int]:
    """Ids of the current ancestors of a unit, nearest first (the unit itself excluded)."""
    return ancestors_many([unit_id], using)[unit_id]


def ancestors_many(unit_ids: Iterable[int], using: str = "default") -> dict[int, list[int]]:
    """``ancestors`` of many units in two queries: the units, then every unit on their paths.

    The materialised ``path`` names the candidates; ``parent_id`` decides (a chain that leaves
    the candidates, which a consistent tree never does, is followed one query per level).
    """
    units = AdministrativeUnit.objects.using(using)
    rows = list(units.filter(pk__in=list(unit_ids)).values_list("id", "parent_id", "path"))
    prefixes = {p for _, _, path in rows for p in _path_prefixes(path)}
    parent_of: dict[int, int | None] = dict(units.filter(path__in=prefixes).values_list("id", "parent_id"))
    out: dict[int, list[int]] = {}
    for unit_id, first_parent, _ in rows:
        chain: list[int] = []
        parent_id: int | None = first_parent
        while parent_id is not None:
            chain.append(parent_id)
            if parent_id not in parent_of:
                parent_of[parent_id] = units.filter(pk=parent_id).values_list("parent_id", flat=True).first()
            parent_id = parent_of[parent_id]
        out[unit_id] = chain
    return out


def _path_prefixes(path: str) -> list[str]:
    parts = [p for p in path.split("/") if p]
    return ["/" + "".join(f"{p}/" for p in parts[:i]) for i in range(1, len(parts))]


def finish(indicator: Indicator, row: AggregateValue) -> None:
    """Set ``row.value`` from its numerator and denominator for ratio and mean indicators."""
    if indicator.aggregation in (Agg.RATIO, Agg.MEAN):
        if row.denominator:
            factor = indicator.scale if indicator.aggregation == Agg.RATIO else 1.0
            row.value = (row.numerator or 0.0) / row.denominator * factor
        else:
            row.value = None


def contribution(
    indicator: Indicator, value: IndicatorValue, weight: float
) -> tuple[float, float, float] | None:
    """(value, numerator, denominator) deltas of one reported value, or None when it carries no data."""
    if indicator.aggregation == Agg.RATIO:
        if value.numerator is None or value.denominator is None:
            return None
        return 0.0, value.numerator * weight, value.denominator * weight
    if value.value is None:
        return None
    if indicator.aggregation == Agg.MEAN:
        return 0.0, value.value * weight, weight
    return value.value * weight, 0.0, 0.0


def stored_leaves(using: str = "default", among: Iterable[int] | None = None) -> set[int]:
    """Current communes that receive data from a predecessor: the only communes with stored rows."""
    qs = UnitCrosswalk.objects.using(using).filter(
        successor__valid_to__isnull=True, successor__level=LEAF_LEVEL
    )
    if among is not None:
        qs = qs.filter(successor_id__in=list(among))
    return set(qs.values_list("successor_id", flat=True))


def source_units(unit: AdministrativeUnit, using: str = "default") -> set[int]:
    """Current communes under ``unit`` (or itself) and, along crosswalk chains, their predecessors."""
    units = AdministrativeUnit.objects.using(using)
    ids = set(
        units.filter(path__startswith=unit.path, valid_to__isnull=True, level=LEAF_LEVEL).values_list(
            "id", flat=True
        )
    )
    return ids | predecessor_ids(ids, using)


def _recompute_extreme(row: AggregateValue, indicator: Indicator, using: str) -> None:
    """Min/max of one node: from its children's rows, or from the values when its children are communes."""
    func = Min if indicator.aggregation == Agg.MIN else Max
    unit = AdministrativeUnit.objects.using(using).get(pk=row.unit_id)
    inner = (
        unit.level != LEAF_LEVEL
        and AdministrativeUnit.objects.using(using)
        .filter(parent_id=unit.pk, valid_to__isnull=True)
        .exclude(level=LEAF_LEVEL)
        .exists()
    )
    if inner:
        children = AggregateValue.objects.using(using).filter(
            cycle_id=row.cycle_id, indicator=indicator, unit__parent_id=unit.pk, n_units_reporting__gt=0
        )
        row.value = children.aggregate(v=func("value"))["v"]
        return
    values = IndicatorValue.objects.using(using).filter(
        submission__cycle_id=row.cycle_id,
        submission__status=Submission.Status.APPROVED,
        submission__unit_id__in=source_units(unit, using),
        indicator=indicator,
        value__isnull=False,
    )
    row.value = values.aggregate(v=func("value"))["v"]


def apply_submission(submission: Submission, sign: int, using: str = "default") -> int:
    """Add (``sign=1``) or remove (``sign=-1``) an approved submission's values; returns rows touched.

    Call it after saving the new status, inside the same transaction (``plan_submission`` then
    ``PendingRollup.write`` lets the caller write last, holding the shared rows' locks shortest).
    """
    pending = plan_submission(submission, sign, using)
    pending.write()
    return pending.touched


class PendingRollup:
    """The deltas of one submission, computed without touching an aggregate row."""

    def __init__(self, submission: Submission, sign: int, using: str) -> None:
        self.submission, self.sign, self.using = submission, sign, using
        self.indicators: dict[int, Indicator] = {}
        self.deltas: dict[tuple[int, int], list[float]] = {}
        self.added: dict[tuple[int, int], list[float]] = {}
        self.depth: dict[int, int] = {}

    @property
    def touched(self) -> int:
        return len(self.deltas)

    def write(self) -> None:
        """Additive cells as increments in one statement per kind (no read, no lock before it);
        min/max cells read, locked and moved or recomputed as before."""
        from ansinh.reporting.rollup_upsert import write_increments

        extreme = {k: v for k, v in self.deltas.items() if self.indicators[k[0]].aggregation in (Agg.MIN, Agg.MAX)}
        if extreme:
            _write_extremes(self, extreme)
        additive = {k: v for k, v in self.deltas.items() if k not in extreme}
        write_increments(self.using, self.submission.cycle_id, self.indicators, additive, timezone.now())


def plan_submission(submission: Submission, sign: int, using: str = "default") -> PendingRollup:
    """The roll-up deltas of ``submission`` (``sign`` ±1) for every cell it reaches; nothing written."""
    pending = PendingRollup(submission, sign, using)
    unit = AdministrativeUnit.objects.using(using).get(pk=submission.unit_id)
    targets = leaf_targets(unit, using)
    if not targets:
        return pending
    stored = stored_leaves(using, targets)
    above = ancestors_many(targets, using)
    chains = {leaf: [*([leaf] if leaf in stored else []), *above[leaf]] for leaf in targets}
    pending.depth = {
        uid: max(c.index(uid) for c in chains.values() if uid in c) for c in chains.values() for uid in c
    }
    values = list(
        IndicatorValue.objects.using(using).filter(submission=submission).select_related("indicator")
    )
    pending.indicators = {v.indicator_id: v.indicator for v in values}
    deltas: dict[tuple[int, int], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0])
    added: dict[tuple[int, int], list[float]] = defaultdict(list)  # raw values a min/max cell receives
    for value in values:
        for leaf, weight in targets.items():
            delta = contribution(value.indicator, value, weight)
            if delta is None:
                continue
            for unit_id in chains[leaf]:
                if value.value is not None and value.indicator.aggregation in (Agg.MIN, Agg.MAX):
                    added[(value.indicator_id, unit_id)].append(value.value)
                acc = deltas[(value.indicator_id, unit_id)]
                acc[0] += sign * delta[0]
                acc[1] += sign * delta[1]
                acc[2] += sign * delta[2]
                acc[3] += sign
    pending.deltas, pending.added = dict(deltas), dict(added)
    return pending


def _write_extremes(pending: PendingRollup, deltas: dict[tuple[int, int], list[float]]) -> None:
    """Min/max cells: locked in (indicator, unit) order, moved towards added values or recomputed."""
    using, sign, cycle_id, depth = pending.using, pending.sign, pending.submission.cycle_id, pending.depth
    rows = {
        (r.indicator_id, r.unit_id): r
        for r in AggregateValue.objects.using(using)
        .select_for_update()
        .filter(cycle_id=cycle_id, indicator_id__in={k[0] for k in deltas}, unit_id__in={k[1] for k in deltas})
        .order_by("indicator_id", "unit_id")
    }
    now = timezone.now()
    created: list[AggregateValue] = []
    updated: list[AggregateValue] = []
    # Leaves first, so that a min/max parent is recomputed from its children's new values.
    for key in sorted(deltas, key=lambda k: (depth[k[1]], k)):
        indicator_id, unit_id = key
        indicator = pending.indicators[indicator_id]
        row = rows.get(key)
        if row is None:
            row = AggregateValue(cycle_id=cycle_id, indicator_id=indicator_id, unit_id=unit_id)
        row.n_units_reporting = max(0, row.n_units_reporting + int(deltas[key][3]))
        row.updated_at = now
        if row.n_units_reporting == 0:
            if row.pk is not None:
                row.delete(using=using)  # now, before its parent is recomputed
            continue
        pick = max if indicator.aggregation == Agg.MAX else min
        added = pending.added.get(key)
        if sign > 0 and added and (row.pk is None or row.value is not None):
            # Adding values only moves an extreme towards them: no recompute from the communes.
            row.value = pick([*added, *([row.value] if row.pk is not None and row.value is not None else [])])
            (updated if row.pk is not None else created).append(row)
            continue
        if created or updated:  # the recompute reads the children's rows: write what is pending first
            AggregateValue.objects.using(using).bulk_create(created)
            if updated:
                _write_rows(using, updated, now)
            created, updated = [], []
        if row.pk is None:
            row.save(using=using)
        _recompute_extreme(row, indicator, using)
        row.save(using=using)
    if created:
        AggregateValue.objects.using(using).bulk_create(created)
    if updated:
        _write_rows(using, updated, now)


def _write_rows(using: str, rows: list[AggregateValue], now: Any) -> None:
    """Write the rows' sums back: one statement on PostgreSQL (a round trip per row costs more than
    the update), ``executemany`` on SQLite (in-process)."""
    connection = connections[using]
    stamp = connection.ops.adapt_datetimefield_value(now)
    table = AggregateValue._meta.db_table
    params = [(r.pk, r.value, r.numerator, r.denominator, r.n_units_reporting) for r in rows]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            values = ", ".join(
                ["(%s::bigint, %s::double precision, %s::double precision, %s::double precision, %s::integer)"] * len(rows)
            )
            cursor.execute(
                f"UPDATE {table} AS a SET value = v.value, numerator = v.numerator, denominator = v.denominator, "
                f"n_units_reporting = v.n, updated_at = %s FROM (VALUES {values}) AS v(id, value, numerator, "
                "denominator, n) WHERE a.id = v.id",
                [stamp, *(x for row in params for x in row)],
            )
            return
        cursor.executemany(
            f"UPDATE {table} SET value = %s, numerator = %s, denominator = %s, n_units_reporting = %s, "
            "updated_at = %s WHERE id = %s",
            [(value, num, den, n, stamp, pk) for pk, value, num, den, n in params],
        )


# --- from scratch -----------------------------------------------------------------------------


def recompute_all(using: str = "default", cycle_ids: Iterable[int] | None = None) -> int:
    """Delete and rebuild every aggregate from approved values (see ``recompute.recompute_all``)."""
    from ansinh.reporting import recompute

    return recompute.recompute_all(using, cycle_ids)


def snapshot(using: str = "default") -> dict[tuple[int, int, int], tuple[Any, ...]]:
    """Every aggregate keyed by (cycle, indicator, unit): for tests and checks."""
    return {
        (a.cycle_id, a.indicator_id, a.unit_id): (a.value, a.numerator, a.denominator, a.n_units_reporting)
        for a in AggregateValue.objects.using(using).filter(n_units_reporting__gt=0)
    }


def rebuild_after_crosswalk(**_: Any) -> str:
    """Receiver of ``geo.signals.crosswalk_changed``: rebuild the roll-up when approved figures exist."""
    import time

    if not Submission.objects.filter(status=Submission.Status.APPROVED).exists():
        return ""
    started = time.monotonic()
    rows = recompute_all()
    return f"Đã tính lại {rows} số liệu tổng hợp theo bảng chuyển đổi mới ({time.monotonic() - started:.1f} giây)."
