"""The summary tables of a year's recognised lists, per commune and for a province.

Numbers and rates of poor and near-poor households and persons (denominators: the registry's
households and living persons of the commune), households entering and leaving each class,
deprivation by indicator (poor and near-poor households) and counts by the head's ethnic group.
Each table is one grouped query over ``HouseholdStatus`` (its index leads with province, year,
standard, commune), whatever the number of households.
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


def summarise(year: int, standard: Standard, province_code: str | None = None, commune_ids: list[int] | None = None,
              names: dict[int, str] | None = None) -> Summary:
    base = statuses(year, standard, province_code, commune_ids)
    lines: dict[int, Line] = {}
    for row in base.values("commune_id").annotate(
        poor=Count("pk", filter=Q(klass=POOR)), near=Count("pk", filter=Q(klass=NEAR)),
        poor_persons=Sum("persons", filter=Q(klass=POOR), default=0), near_persons=Sum("persons", filter=Q(klass=NEAR), default=0),
        poor_in=Count("pk", filter=Q(klass=POOR) & ~Q(previous=POOR)), poor_out=Count("pk", filter=Q(previous=POOR) & ~Q(klass=POOR)),
        near_in=Count("pk", filter=Q(klass=NEAR) & ~Q(previous=NEAR)), near_out=Count("pk", filter=Q(previous=NEAR) & ~Q(klass=NEAR)),
    ).order_by():
        lines[row["commune_id"]] = Line(**row)
    ids = list(lines)
    households = Household.objects.filter(deleted_at__isnull=True, commune_id__in=ids)
    persons = Person.objects.filter(deleted_at__isnull=True, alive=True, commune_id__in=ids)
    if province_code is not None:
        households, persons = households.filter(province_code=province_code), persons.filter(province_code=province_code)
    for commune_id, n in households.values_list("commune_id").annotate(n=Count("pk")).values_list("commune_id", "n").order_by():
        lines[commune_id].households = n
    for commune_id, n in persons.values_list("commune_id").annotate(n=Count("pk")).values_list("commune_id", "n").order_by():
        lines[commune_id].persons = n
    if names is None:
        from ansinh.geo.models import AdministrativeUnit

        names = dict(AdministrativeUnit.objects.filter(pk__in=ids).values_list("pk", "name"))
    total = Line(None, "Tổng cộng")
    for line in lines.values():
        line.name = names.get(line.commune_id or 0, "")
        total.add(line)
    ordered = sorted(lines.values(), key=lambda x: x.name)
    masks = base.filter(klass__in=(POOR, NEAR)).values_list("deprivation_mask").annotate(n=Count("pk")).values_list("deprivation_mask", "n").order_by()
    per_bit: dict[int, int] = defaultdict(int)
    for mask, n in masks:
        bit = 0
        while mask:
            if mask & 1:
                per_bit[bit] += n
            mask >>= 1
            bit += 1
    deprivation = [(i.code, i.name, per_bit.get(i.position, 0), i.verified) for i in standard.indicators.all()]
    ethnic_rows = base.filter(klass__in=(POOR, NEAR)).values("ethnic_group").annotate(
        poor=Count("pk", filter=Q(klass=POOR)), near=Count("pk", filter=Q(klass=NEAR)),
        poor_persons=Sum("persons", filter=Q(klass=POOR), default=0), near_persons=Sum("persons", filter=Q(klass=NEAR), default=0),
    ).order_by("-poor", "ethnic_group")
    ethnic = [(r["ethnic_group"] or "chưa rõ", r["poor"], r["near"], r["poor_persons"], r["near_persons"]) for r in ethnic_rows]
    return Summary(year, standard, ordered, total, deprivation, ethnic)


def latest_year(commune_ids: Any, cutoff: Any) -> tuple[int, int] | None:
    """(year, standard id) of the newest recognised statuses on or before ``cutoff`` in these communes."""
    row = (
        HouseholdStatus.objects.filter(commune_id__in=commune_ids, valid_from__lte=cutoff)
        .order_by("-year", "standard__level").values_list("year", "standard_id").first()
    )
    return None if row is None else (row[0], row[1])
