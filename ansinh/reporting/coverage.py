"""Coverage of an aggregate: how many of the units expected to report are in the figure.

One rule for every channel (dashboards, progress pages, API, DOCX, XLSX): a figure rolled up
from the communes under a unit carries "12/168 đơn vị đã báo cáo"; when fewer than
``ANSINH_COVERAGE_MIN_PERCENT`` per cent of the expected communes are in it, it is *partial*:
shown with "Số liệu chưa đầy đủ" and never with a target status ("Đã đạt", "Chậm tiến độ"…),
since one ward's figure does not speak for a city. A unit's own approved figure is complete.

Expected units are the communes in force on the cycle's last day under the unit (as
``progress.completeness`` counts them); reporting units are the aggregate row's
``n_units_reporting`` (communes with data for that indicator), never more than expected.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Count, Q
from django.db.models.functions import Substr

from ansinh.lib.vnnumbers import format_vn

PARTIAL_LABEL = "Số liệu chưa đầy đủ"
OWN_LABEL = "Số liệu của chính đơn vị"
DEFAULT_MIN_PERCENT = 80
MAX_LENGTHS = 3  # units above communes are counted in the database, one query per path length, up to this many


def min_percent() -> int:
    """The configured share (per cent) under which an aggregate is partial."""
    return int(getattr(settings, "COVERAGE_MIN_PERCENT", DEFAULT_MIN_PERCENT))


@dataclass(frozen=True)
class Coverage:
    """Reporting units out of expected units behind one figure (``own``: the unit's own figure)."""

    reporting: int
    expected: int
    own: bool = False

    @property
    def share(self) -> float | None:
        if self.own:
            return 100.0
        return min(self.reporting, self.expected) / self.expected * 100 if self.expected else None

    @property
    def partial(self) -> bool:
        """Below the configured share; a figure with nothing expected under it is not partial."""
        share = self.share
        return share is not None and share < min_percent()

    @property
    def label(self) -> str:
        """"12/168 đơn vị đã báo cáo" (or that the figure is the unit's own)."""
        if self.own:
            return OWN_LABEL
        if not self.expected or (self.expected == 1 and self.reporting >= 1):
            return ""  # nothing expected, or a commune's own figure reached through a crosswalk
        return f"{format_vn(min(self.reporting, self.expected))}/{format_vn(self.expected)} đơn vị đã báo cáo"

    @property
    def note(self) -> str:
        """The label, with "Số liệu chưa đầy đủ" in front when partial."""
        return f"{PARTIAL_LABEL} ({self.label})" if self.partial else self.label

    def as_data(self) -> dict[str, Any]:
        return {
            "reporting_units": None if self.own else min(self.reporting, self.expected),
            "expected_units": None if self.own else self.expected,
            "share": self.share,
            "own_figure": self.own,
            "partial": self.partial,
            "label": self.label,
        }


OWN = Coverage(1, 1, own=True)
NONE = Coverage(0, 0)


def honest_status(status: str, coverage: Coverage | None) -> str:
    """The status to show: "partial" (``TargetStatus.PARTIAL``) instead of any target status when
    the figure is partial; "no_data" stays."""
    if coverage is not None and status != "no_data" and coverage.partial:
        return "partial"
    return status


class ExpectedUnits:
    """Communes expected to report, per (unit, cycle), for a set of units and cycles: one query.

    A commune counts for every unit whose path is a prefix of its own (itself included) when it
    is in force on the cycle's last day. A commune unit counts its own rows (read by path). Units
    above communes are counted by the database, which returns no commune row: the communes are
    grouped by the first characters of their paths, one query per length of the wanted paths (the
    country on its progress page: one row; with its provinces on its dashboard: 1 + 34 rows); only
    units of more than three path lengths walk the communes' paths and dates in Python. At most
    four queries, whatever the number of units.
    """

    def __init__(self, units: Iterable[Any], cycles: Iterable[Any]) -> None:
        from ansinh.geo.models import AdministrativeUnit

        units = list(units)
        self.paths = {u.pk: u.path for u in units}
        self.cycles = {c.pk: c.period_end for c in cycles}
        self.counts: dict[tuple[str, int], int] = defaultdict(int)
        if not self.paths or not self.cycles:
            return
        leaves = {u.path for u in units if getattr(u, "level", "") == AdministrativeUnit.Level.COMMUNE}
        wanted = set(self.paths.values()) - leaves
        if leaves:  # a commune counts only its own versions: read those rows, not the tree under a prefix
            rows = AdministrativeUnit.objects.filter(path__in=leaves, level=AdministrativeUnit.Level.COMMUNE)
            self._count(rows.order_by().values_list("path", "valid_from", "valid_to"), leaves)
        if not wanted:
            return
        communes = AdministrativeUnit.objects.filter(
            path__startswith=_common_prefix(wanted), level=AdministrativeUnit.Level.COMMUNE
        ).order_by()
        by_length: dict[int, set[str]] = defaultdict(set)
        for path in wanted:
            by_length[len(path)].add(path)
        if len(by_length) > MAX_LENGTHS:
            self._count(communes.values_list("path", "valid_from", "valid_to"), wanted)
            return
        # A wanted path ends with "/": a commune lies under it exactly when its path starts with it,
        # so the communes are grouped by their first len(path) characters, one query per length.
        cycle_ids = list(self.cycles)
        for length, paths in by_length.items():
            grouped = (
                communes.filter(path__startswith=_common_prefix(paths))
                .annotate(head=Substr("path", 1, length))
                .values("head")
                .annotate(**{f"n{cycle_id}": Count("id", filter=_in_force(self.cycles[cycle_id])) for cycle_id in cycle_ids})
                .order_by()
                .values_list("head", *(f"n{cycle_id}" for cycle_id in cycle_ids))
            )
            for head, *numbers in grouped:
                if head in paths:
                    for cycle_id, number in zip(cycle_ids, numbers, strict=True):
                        if number:
                            self.counts[(head, cycle_id)] = int(number)

    def _count(self, communes: Iterable[tuple[str, Any, Any]], wanted: set[str]) -> None:
        from ansinh.reporting.progress import expected_on

        for path, valid_from, valid_to in communes:
            prefixes = [p for p in _prefixes(path) if p in wanted]
            if not prefixes:
                continue
            for cycle_id, end in self.cycles.items():
                if expected_on(valid_from, valid_to, end):
                    for prefix in prefixes:
                        self.counts[(prefix, cycle_id)] += 1

    def expected(self, unit: Any, cycle: Any) -> int:
        return self.counts.get((unit.path, cycle.pk), 0)

    def coverage(self, unit: Any, cycle: Any, reporting: int | None, source: str) -> Coverage:
        """The coverage of a figure of ``unit`` in ``cycle``; ``source`` is "own", "rollup" or ""."""
        if source == "own":
            return OWN
        return Coverage(reporting or 0, self.expected(unit, cycle))


def _in_force(day: Any) -> Q:
    """``progress.expected_on`` as a filter: in force on ``day``."""
    return Q(valid_from__lte=day) & (Q(valid_to__isnull=True) | Q(valid_to__gt=day))


def _prefixes(path: str) -> list[str]:
    """"/VN/79/26740/" → ["/VN/", "/VN/79/", "/VN/79/26740/"]."""
    parts = [p for p in path.split("/") if p]
    return ["/" + "/".join(parts[: i + 1]) + "/" for i in range(len(parts))]


def _common_prefix(paths: Iterable[str]) -> str:
    """The deepest path every one of ``paths`` lies under (segment-wise)."""
    split = [[p for p in path.split("/") if p] for path in paths]
    common: list[str] = []
    for parts in zip(*split, strict=False):
        if len(set(parts)) != 1:
            break
        common.append(parts[0])
    return "/" + "".join(f"{c}/" for c in common)
