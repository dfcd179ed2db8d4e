"""Writes to units, agencies and crosswalks; each ``do_*`` is one transaction with an audit row."""

from __future__ import annotations

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
    apply_agency_rows,
    apply_crosswalk_rows,
    read_csv,
)
from ansinh.geo.loader import LoadResult, Progress, load_units, package_rows


def do_load_units(
    actor: Any = None, *, provinces: list[str] | None = None, progress: Progress | None = None
) -> LoadResult:
    """Load (idempotently) the country, the 34 provinces and 3,321 communes, or only some provinces."""
    return load_units(package_rows(provinces), progress=progress, actor=actor)


@transaction.atomic
def do_import_crosswalk(source: Path | str, actor: Any = None) -> ImportResult:
    """Import a crosswalk CSV; any bad row refuses the whole file and stores nothing."""
    rows = read_csv(source, CROSSWALK_COLUMNS, CROSSWALK_REQUIRED)
    errors: list[str] = []
    result = apply_crosswalk_rows(rows, errors)
    if errors:
        transaction.set_rollback(True)
        raise CsvImportError(errors)
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
    rows = read_csv(source, AGENCY_COLUMNS, AGENCY_REQUIRED)
    errors: list[str] = []
    result = apply_agency_rows(rows, errors)
    if errors:
        transaction.set_rollback(True)
        raise CsvImportError(errors)
    audit(
        actor,
        "geo.import_agencies",
        object_type="geo.Agency",
        summary=f"Nhập cơ quan: {result.created} mới, {result.updated} cập nhật",
        after={"created": result.created, "updated": result.updated},
    )
    return result
