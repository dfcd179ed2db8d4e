"""Load the units in force since 2025-07-01 (34 provinces, 3,321 communes) from ``vietnam-provinces``.

The package is offline data; nothing is fetched. Loading is idempotent: a unit already stored
with the same ``(code, valid_from)`` is updated in place if its name changed, never duplicated.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import transaction

from ansinh.core.models import audit
from ansinh.geo.models import COUNTRY_CODE, COUNTRY_FROM, REFORM_DATE, AdministrativeUnit, build_path
from ansinh.lib.text import fold_key, squeeze_spaces

Progress = Callable[[int, int], None]
Level = AdministrativeUnit.Level

_PROVINCE_KIND = {"tỉnh": "tỉnh", "thành phố trung ương": "thành phố"}


@dataclass(frozen=True)
class UnitRow:
    code: str
    name: str
    level: str
    kind: str
    parent_code: str | None


@dataclass
class LoadResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


def province_code(code: int) -> str:
    return f"{int(code):02d}"


def commune_code(code: int) -> str:
    return f"{int(code):05d}"


def package_rows(provinces: Iterable[str] | None = None) -> list[UnitRow]:
    """Country, provinces then communes, in that order, optionally only some provinces."""
    from vietnam_provinces import Province, Ward

    wanted = {province_code(int(p)) for p in provinces} if provinces else None
    rows = [UnitRow(COUNTRY_CODE, "Việt Nam", Level.COUNTRY, "quốc gia", None)]
    for p in sorted(Province.iter_all(), key=lambda p: int(p.code)):
        code = province_code(int(p.code))
        if wanted is None or code in wanted:
            kind = _PROVINCE_KIND.get(p.division_type.value, p.division_type.value)
            rows.append(UnitRow(code, squeeze_spaces(p.name), Level.PROVINCE, kind, COUNTRY_CODE))
    for w in sorted(Ward.iter_all(), key=lambda w: int(w.code)):
        parent = province_code(int(w.province_code))
        if wanted is None or parent in wanted:
            rows.append(
                UnitRow(commune_code(int(w.code)), squeeze_spaces(w.name), Level.COMMUNE, w.division_type.value, parent)
            )
    return rows


@transaction.atomic
def load_units(
    rows: list[UnitRow], *, progress: Progress | None = None, actor: object = None, batch: int = 500
) -> LoadResult:
    """Store ``rows`` (parents before children) as units valid from 2025-07-01 (the country from 1976)."""
    result = LoadResult()
    existing = {u.code: u for u in AdministrativeUnit.objects.filter(valid_from=REFORM_DATE).exclude(level=Level.COUNTRY)}
    country = AdministrativeUnit.objects.filter(code=COUNTRY_CODE, valid_from=COUNTRY_FROM).first()
    if country is not None:
        existing[COUNTRY_CODE] = country
    total = len(rows)
    done = 0
    for level in (Level.COUNTRY, Level.PROVINCE, Level.COMMUNE):
        new: list[AdministrativeUnit] = []
        changed: list[AdministrativeUnit] = []
        for row in rows:
            if row.level != level:
                continue
            parent = existing.get(row.parent_code) if row.parent_code else None
            unit = existing.get(row.code)
            if unit is None:
                new.append(
                    AdministrativeUnit(
                        code=row.code,
                        name=row.name,
                        name_key=fold_key(row.name),
                        level=row.level,
                        kind=row.kind,
                        parent=parent,
                        path=build_path(parent, row.code),
                        valid_from=COUNTRY_FROM if row.level == Level.COUNTRY else REFORM_DATE,
                    )
                )
            elif (unit.name, unit.kind, unit.parent_id) != (row.name, row.kind, parent.pk if parent else None):
                unit.name, unit.kind, unit.name_key, unit.parent = row.name, row.kind, fold_key(row.name), parent
                unit.path = build_path(parent, row.code)
                changed.append(unit)
            else:
                result.unchanged += 1
                done += 1
        for start in range(0, len(new), batch):
            chunk = AdministrativeUnit.objects.bulk_create(new[start : start + batch])
            done += len(chunk)
            if progress:
                progress(done, total)
        if changed:
            AdministrativeUnit.objects.bulk_update(changed, ["name", "kind", "name_key", "parent", "path"], batch)
            done += len(changed)
        result.created += len(new)
        result.updated += len(changed)
        if new and new[0].pk is None:  # backends that do not return primary keys from bulk_create
            new = list(AdministrativeUnit.objects.filter(level=level, valid_from=new[0].valid_from))
        existing.update({u.code: u for u in new})
    if progress and result.created + result.updated == 0:
        progress(total, total)  # nothing was written, so no bar was drawn yet
    if result.created or result.updated:
        audit(
            actor,
            "geo.load_units",
            object_type="geo.AdministrativeUnit",
            summary=f"Nạp đơn vị hành chính: {result.created} mới, {result.updated} cập nhật",
            after={"created": result.created, "updated": result.updated, "unchanged": result.unchanged},
        )
    return result
