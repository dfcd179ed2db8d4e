"""Writes to units, agencies and crosswalks; each ``do_*`` is one transaction with an audit row."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.db import transaction

from ansinh.core.models import audit
from ansinh.geo.imports import (
    AGENCY_COLUMNS,
    AGENCY_REQUIRED,
    CROSSWALK_COLUMNS,
    CROSSWALK_REQUIRED,
    CsvImportError,
    ImportResult,
    Row,
    apply_agency_rows,
    apply_crosswalk_rows,
    read_csv,
)
from ansinh.geo.loader import LoadResult, Progress, load_units, package_rows
from ansinh.geo.models import AdministrativeUnit, Agency, agency_key
from ansinh.geo.signals import crosswalk_changed


def do_load_units(
    actor: Any = None, *, provinces: list[str] | None = None, progress: Progress | None = None
) -> LoadResult:
    """Load (idempotently) the country, the 34 provinces and 3,321 communes, or only some provinces."""
    return load_units(package_rows(provinces), progress=progress, actor=actor)


def _apply_csv(
    source: Path | str,
    columns: tuple[str, ...],
    required: tuple[str, ...],
    apply: Callable[[list[Row], list[str]], ImportResult],
) -> ImportResult:
    """Read and apply a CSV inside the caller's transaction; any row error rolls it back and raises."""
    errors: list[str] = []
    result = apply(read_csv(source, columns, required), errors)
    if errors:
        transaction.set_rollback(True)
        raise CsvImportError(errors)
    return result


def do_import_crosswalk(source: Path | str, actor: Any = None) -> ImportResult:
    """Import a crosswalk CSV; any bad row refuses the whole file and stores nothing.

    Once the rows are committed, ``signals.crosswalk_changed`` lets other apps catch up (the
    reporting app rebuilds the roll-up); their lines are in ``result.notes``.
    """
    result = _import_crosswalk(source, actor)
    if result.created or result.updated:
        for _, note in crosswalk_changed.send(sender=ImportResult, result=result):
            if note:
                result.notes.append(str(note))
    return result


@transaction.atomic
def _import_crosswalk(source: Path | str, actor: Any) -> ImportResult:
    result = _apply_csv(source, CROSSWALK_COLUMNS, CROSSWALK_REQUIRED, apply_crosswalk_rows)
    audit(
        actor,
        "geo.import_crosswalk",
        object_type="geo.UnitCrosswalk",
        summary=f"Nhập bảng chuyển đổi: {result.created} dòng mới, {result.updated} cập nhật",
        after={
            "source": str(source) if isinstance(source, Path) else "(văn bản)",
            "created": result.created,
            "updated": result.updated,
            "units_created": result.units_created,
            "agencies_created": result.agencies_created,
        },
    )
    return result


@transaction.atomic
def do_import_agencies(source: Path | str, actor: Any = None) -> ImportResult:
    """Import an agencies CSV; any bad row refuses the whole file and stores nothing."""
    result = _apply_csv(source, AGENCY_COLUMNS, AGENCY_REQUIRED, apply_agency_rows)
    audit(
        actor,
        "geo.import_agencies",
        object_type="geo.Agency",
        summary=f"Nhập cơ quan: {result.created} mới, {result.updated} cập nhật",
        after={"created": result.created, "updated": result.updated},
    )
    return result


@transaction.atomic
def do_create_commune_committees(parent: AdministrativeUnit, valid_from: dt.date, actor: Any = None) -> int:
    """One «Ủy ban nhân dân …» agency per commune under ``parent`` that has none yet; returns how many."""
    existing = set(Agency.objects.filter(valid_from=valid_from).values_list("code", flat=True))
    new = [
        Agency(
            code=f"{commune.code}-UBND",
            name=f"Ủy ban nhân dân {commune.name}",
            short_name=f"UBND {commune.name}",
            name_key=agency_key(f"Ủy ban nhân dân {commune.name}", f"UBND {commune.name}"),
            kind=Agency.Kind.PEOPLE_COMMITTEE,
            unit=commune,
            valid_from=valid_from,
        )
        for commune in AdministrativeUnit.objects.valid_on(valid_from).subtree(parent, include_self=False)
        if f"{commune.code}-UBND" not in existing
    ]
    Agency.objects.bulk_create(new, batch_size=500)
    if new:
        audit(actor, "geo.create_commune_committees", object_type="geo.Agency", summary=f"Tạo {len(new)} UBND cấp xã thuộc {parent.name}")
    return len(new)
