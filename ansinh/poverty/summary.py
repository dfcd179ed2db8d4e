"""The summary tables of a year's recognised lists, per commune and for a province.

Numbers and rates of poor and near-poor households and persons (denominators: the registry's
households and living persons of the commune when its lists were recognised), households entering and leaving each class,
deprivation by indicator (poor and near-poor households) and counts by the head's ethnic group.
``summarise`` computes them with grouped queries over ``HouseholdStatus`` (its index leads with
province, year, standard, commune); recognition stores each commune's result (``materialise``) and
the province's pages read those rows (``stored_summary``), one per commune, whatever the number of
households.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum

from ansinh.poverty.models import HouseholdStatus, Standard
from ansinh.registry.models import Household, Person

POOR, NEAR = "ngheo", "can_ngheo"


@dataclass
class Line:
    commune_id: int | None
    name: str = ""
    households: int = 0
    persons: int = 0
    poor: int = 0
    near: int = 0
    poor_persons: int = 0
    near_persons: int = 0
    poor_in: int = 0
    poor_out: int = 0
    near_in: int = 0
    near_out: int = 0

    def rate(self, part: int, whole: int) -> float | None:
        return None if not whole else part / whole * 100

    @property
    def poor_rate(self) -> float | None:
        return self.rate(self.poor, self.households)

    @property
    def near_rate(self) -> float | None:
        return self.rate(self.near, self.households)

    @property
    def poor_persons_rate(self) -> float | None:
        return self.rate(self.poor_persons, self.persons)

    @property
    def near_persons_rate(self) -> float | None:
        return self.rate(self.near_persons, self.persons)

    def add(self, other: Line) -> None:
        for name in ("households", "persons", "poor", "near", "poor_persons", "near_persons", "poor_in", "poor_out", "near_in", "near_out"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class Summary:
    year: int
    standard: Standard
    lines: list[Line]
    total: Line
    deprivation: list[tuple[str, str, int, bool]] = field(default_factory=list)  # code, name, households, verified
    ethnic: list[tuple[str, int, int, int, int]] = field(default_factory=list)  # group, poor, near, poor persons, near persons


def statuses(year: int, standard: Standard, province_code: str | None = None, commune_ids: list[int] | None = None) -> QuerySet[HouseholdStatus]:
    qs = HouseholdStatus.objects.filter(year=year, standard=standard)
    if province_code is not None:
        qs = qs.filter(province_code=province_code)
    if commune_ids is not None:
        qs = qs.filter(commune_id__in=commune_ids)
    return qs


@dataclass
class Part:
    """One commune's figures: its line, deprived households per indicator position, ethnic counts."""

    line: Line
    deprivation: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    ethnic: dict[str, list[int]] = field(default_factory=dict)  # group → [poor, near, poor persons, near persons]


def live_parts(year: int, standard: Standard, province_code: str | None = None, commune_ids: list[int] | None = None) -> dict[int, Part]:
    """Per commune, computed from the recognised statuses (three grouped queries) and the registry (two)."""
    base = statuses(year, standard, province_code, commune_ids)
    parts: dict[int, Part] = {}
    for row in base.values("commune_id").annotate(
        poor=Count("pk", filter=Q(klass=POOR)), near=Count("pk", filter=Q(klass=NEAR)),
        poor_persons=Sum("persons", filter=Q(klass=POOR), default=0), near_persons=Sum("persons", filter=Q(klass=NEAR), default=0),
        poor_in=Count("pk", filter=Q(klass=POOR) & ~Q(previous=POOR)), poor_out=Count("pk", filter=Q(previous=POOR) & ~Q(klass=POOR)),
        near_in=Count("pk", filter=Q(klass=NEAR) & ~Q(previous=NEAR)), near_out=Count("pk", filter=Q(previous=NEAR) & ~Q(klass=NEAR)),
    ).order_by():
        parts[row["commune_id"]] = Part(Line(**row))
    ids = list(parts)
    households = Household.objects.filter(deleted_at__isnull=True, commune_id__in=ids)
    persons = Person.objects.filter(deleted_at__isnull=True, alive=True, commune_id__in=ids)
    if province_code is not None:
        households, persons = households.filter(province_code=province_code), persons.filter(province_code=province_code)
    for commune_id, n in households.values_list("commune_id").annotate(n=Count("pk")).values_list("commune_id", "n").order_by():
        parts[commune_id].line.households = n
    for commune_id, n in persons.values_list("commune_id").annotate(n=Count("pk")).values_list("commune_id", "n").order_by():
        parts[commune_id].line.persons = n
    poor_or_near = base.filter(klass__in=(POOR, NEAR))
    masks = poor_or_near.values_list("commune_id", "deprivation_mask").annotate(n=Count("pk")).values_list("commune_id", "deprivation_mask", "n")
    for commune_id, mask, n in masks.order_by():
        bit = 0
        while mask:
            if mask & 1:
                parts[commune_id].deprivation[bit] += n
            mask >>= 1
            bit += 1
    for group_row in poor_or_near.values("commune_id", "ethnic_group").annotate(
        poor=Count("pk", filter=Q(klass=POOR)), near=Count("pk", filter=Q(klass=NEAR)),
        poor_persons=Sum("persons", filter=Q(klass=POOR), default=0), near_persons=Sum("persons", filter=Q(klass=NEAR), default=0),
    ).order_by():
        counts = [group_row["poor"], group_row["near"], group_row["poor_persons"], group_row["near_persons"]]
        parts[group_row["commune_id"]].ethnic[group_row["ethnic_group"] or "chưa rõ"] = counts
    return parts


def combine(year: int, standard: Standard, parts: dict[int, Part], names: dict[int, str] | None = None) -> Summary:
    if names is None:
        from ansinh.geo.models import AdministrativeUnit

        names = dict(AdministrativeUnit.objects.filter(pk__in=list(parts)).values_list("pk", "name"))
    total = Line(None, "Tổng cộng")
    per_bit: dict[int, int] = defaultdict(int)
    ethnic: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for commune_id, part in parts.items():
        part.line.name = names.get(commune_id, "")
        total.add(part.line)
        for bit, n in part.deprivation.items():
            per_bit[int(bit)] += n
        for group, counts in part.ethnic.items():
            ethnic[group] = [a + b for a, b in zip(ethnic[group], counts, strict=True)]
    lines = sorted((p.line for p in parts.values()), key=lambda x: x.name)
    deprivation = [(i.code, i.name, per_bit.get(i.position, 0), i.verified) for i in standard.indicators.all()]
    ethnic_rows = sorted(((g, c[0], c[1], c[2], c[3]) for g, c in ethnic.items()), key=lambda r: (-r[1], r[0]))
    return Summary(year, standard, lines, total, deprivation, ethnic_rows)


def summarise(year: int, standard: Standard, province_code: str | None = None, commune_ids: list[int] | None = None,
              names: dict[int, str] | None = None) -> Summary:
    """The tables computed live from the recognised statuses."""
    return combine(year, standard, live_parts(year, standard, province_code, commune_ids), names)


LINE_FIELDS = ("households", "persons", "poor", "near", "poor_persons", "near_persons", "poor_in", "poor_out", "near_in", "near_out")


def materialise(year: int, standard: Standard, commune_ids: list[int]) -> int:
    """Store the communes' summaries (replacing earlier ones); called when their lists are recognised."""
    from ansinh.poverty.models import CommuneSummary

    parts = live_parts(year, standard, None, commune_ids)
    provinces = dict(HouseholdStatus.objects.filter(year=year, standard=standard, commune_id__in=list(parts))
                     .values_list("commune_id", "province_code").distinct())
    CommuneSummary.objects.filter(year=year, standard=standard, commune_id__in=list(parts)).delete()
    CommuneSummary.objects.bulk_create(
        CommuneSummary(
            commune_id=commune_id, province_code=provinces.get(commune_id, ""), year=year, standard=standard,
            figures={f: getattr(part.line, f) for f in LINE_FIELDS},
            deprivation={str(k): v for k, v in part.deprivation.items()}, ethnic=part.ethnic,
        )
        for commune_id, part in parts.items()
    )
    return len(parts)


def stored_summary(year: int, standard: Standard, province_code: str) -> Summary:
    """The province's tables from the stored commune summaries (one row per commune)."""
    from ansinh.poverty.models import CommuneSummary

    parts = {}
    for row in CommuneSummary.objects.filter(year=year, standard=standard, province_code=province_code):
        line = Line(row.commune_id)
        for f in LINE_FIELDS:
            setattr(line, f, int(row.figures.get(f, 0)))
        part = Part(line)
        part.deprivation.update({int(k): int(v) for k, v in row.deprivation.items()})
        part.ethnic = {g: [int(x) for x in c] for g, c in row.ethnic.items()}
        parts[row.commune_id] = part
    return combine(year, standard, parts)


def latest_year(commune_ids: Any, cutoff: Any) -> tuple[int, int] | None:
    """(year, standard id) of the newest recognised statuses on or before ``cutoff`` in these communes."""
    row = (
        HouseholdStatus.objects.filter(commune_id__in=commune_ids, valid_from__lte=cutoff)
        .order_by("-year", "standard__level").values_list("year", "standard_id").first()
    )
    return None if row is None else (row[0], row[1])
