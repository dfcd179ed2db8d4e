"""Follow crosswalks between versions of units: old data on the new map, new data on the old map.

``UnitCrosswalk`` rows say "from ``effective`` on, ``weight`` of the predecessor's data belongs to
the successor". A merger is several predecessors with weight 1 into one successor; a split is one
predecessor with several rows whose weights sum to 1. Chains (a 2019 merger, then the 2025
reform) are followed. The backward view (current data on the old map) has no population weights,
so it shares a successor's value among its predecessors in proportion to the forward weights: an
approximation, and it says so in the pages that show it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet

from ansinh.geo.models import AdministrativeUnit, Agency, AgencyCrosswalk, UnitCrosswalk

Share = tuple[AdministrativeUnit, float]
_MAX_DEPTH = 20
MAX_CHAIN = 5  # crosswalk steps followed back from today's units (a 2019 merger, then the 2025 reform, …)


def predecessor_ids(successors: Iterable[int] | QuerySet[Any], using: str = "default") -> set[int]:
    """Every unit the crosswalk says was succeeded, directly or along a chain, by one of ``successors``."""
    found: set[int] = set()
    frontier: Iterable[int] | QuerySet[Any] = successors
    for _ in range(MAX_CHAIN):
        step = set(
            UnitCrosswalk.objects.using(using).filter(successor_id__in=frontier).values_list("predecessor_id", flat=True)
        ) - found
        if not step:
            break
        found |= step
        frontier = step
    return found


def _merge(shares: Iterable[Share]) -> list[Share]:
    total: dict[int, float] = defaultdict(float)
    units: dict[int, AdministrativeUnit] = {}
    for unit, weight in shares:
        total[unit.pk] += weight
        units[unit.pk] = unit
    return sorted(((units[pk], w) for pk, w in total.items()), key=lambda s: (s[0].path, s[0].valid_from))


def successors_on(unit: AdministrativeUnit, day: dt.date, _depth: int = 0) -> list[Share]:
    """The units that carry ``unit``'s data on ``day``, with the share each carries.

    A unit with no crosswalk effective on or before ``day`` carries its own data (weight 1).
    """
    links = list(
        UnitCrosswalk.objects.filter(predecessor=unit, effective__lte=day).select_related("successor")
    )
    if not links or _depth >= _MAX_DEPTH:
        return [(unit, 1.0)]
    # Only the latest change applies; earlier rows were superseded by it.
    latest = max(link.effective for link in links)
    shares: list[Share] = []
    for link in links:
        if link.effective != latest:
            continue
        for successor, weight in successors_on(link.successor, day, _depth + 1):
            shares.append((successor, link.weight * weight))
    return _merge(shares)


def map_value_to_current(unit: AdministrativeUnit, value: float, day: dt.date | None = None) -> list[Share]:
    """Split a value reported for ``unit`` over the units in force on ``day`` (default: today).

    Additive figures only (counts, amounts); rates need their numerator and denominator mapped
    separately.
    """
    from django.utils import timezone

    day = day or timezone.localdate()
    return [(successor, value * weight) for successor, weight in successors_on(unit, day)]


def predecessors_on(
    unit: AdministrativeUnit, day: dt.date, level: str | None = None, _depth: int = 0
) -> list[Share]:
    """The units of ``level`` (default: ``unit``'s level) in force on the earlier ``day`` whose
    territory ``unit`` covers, with the share of ``unit``'s value attributed to each (sum 1).

    Each step back shares in proportion to the crosswalk weights of the rows that created ``unit``.
    Filtering by level keeps a pre-2025 district and its own wards from both claiming a share.
    """
    level = level or unit.level
    links = list(
        UnitCrosswalk.objects.filter(successor=unit, effective__gt=day, predecessor__level=level).select_related(
            "predecessor"
        )
    )
    if not links or _depth >= _MAX_DEPTH:
        return [(unit, 1.0)]
    earliest = min(link.effective for link in links)
    links = [link for link in links if link.effective == earliest]
    total = sum(link.weight for link in links)
    shares: list[Share] = []
    for link in links:
        for predecessor, weight in predecessors_on(link.predecessor, day, level, _depth + 1):
            shares.append((predecessor, link.weight / total * weight))
    return _merge(shares)


def map_value_to_past(
    unit: AdministrativeUnit, value: float, day: dt.date, level: str | None = None
) -> list[Share]:
    """Show a value of a current unit on the map in force on ``day`` (approximate, see module doc)."""
    return [(predecessor, value * weight) for predecessor, weight in predecessors_on(unit, day, level)]


def agency_successors_on(agency: Agency, day: dt.date, _depth: int = 0) -> list[tuple[Agency, float]]:
    """The agencies that carry ``agency``'s duties and data on ``day``, with their shares."""
    links = list(AgencyCrosswalk.objects.filter(predecessor=agency, effective__lte=day).select_related("successor"))
    if not links or _depth >= _MAX_DEPTH:
        return [(agency, 1.0)]
    latest = max(link.effective for link in links)
    total: dict[int, float] = defaultdict(float)
    found: dict[int, Agency] = {}
    for link in links:
        if link.effective == latest:
            for successor, weight in agency_successors_on(link.successor, day, _depth + 1):
                total[successor.pk] += link.weight * weight
                found[successor.pk] = successor
    return sorted(((found[pk], w) for pk, w in total.items()), key=lambda s: s[0].name)


def map_values_to_current(values: Iterable[tuple[AdministrativeUnit, float]], day: dt.date) -> list[Share]:
    """Map many (old unit, value) pairs at once and add up per current unit."""
    shares: list[Share] = []
    for unit, value in values:
        shares.extend(map_value_to_current(unit, value, day))
    return _merge(shares)
