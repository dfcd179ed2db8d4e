"""CSV files of crosswalks and agencies: reading, per-row checks with line numbers, applying.

The functions here write rows but never commit: ``ansinh.geo.actions`` runs them in one
transaction and rolls everything back if any row has an error.

Crosswalk columns (header row required, UTF-8, comma-separated):

| column | meaning |
|---|---|
| ``kind`` | ``unit`` (đơn vị hành chính) or ``agency`` (cơ quan) |
| ``predecessor_code`` | code of the old unit/agency (in force the day before ``effective``) |
| ``predecessor_name`` | its name; needed only if it is not stored yet (it is then created) |
| ``predecessor_level`` | for a new old unit: ``province``, ``district`` or ``commune``; for a new old agency: its kind (``department``…) |
| ``predecessor_parent`` | for a new old unit: parent unit code; for a new old agency: code of its territory |
| ``predecessor_valid_from`` | for a new old unit/agency: the day it came into force (YYYY-MM-DD) |
| ``successor_code`` | code of the new unit/agency, in force on ``effective`` |
| ``weight`` | share of the predecessor's data going to the successor, in (0; 1], default 1; the rows of one predecessor and date must sum to 1 |
| ``effective`` | the day the change took effect (YYYY-MM-DD) |
| ``note`` | free text, e.g. the duties transferred |

Lines starting with ``#`` and blank lines are skipped. Agency columns: ``code``, ``name``, ``short_name``, ``kind``, ``unit_code``, ``valid_from``,
``valid_to`` (``short_name`` and ``valid_to`` may be empty).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.utils import timezone

from ansinh.geo.models import (
    AdministrativeUnit,
    Agency,
    AgencyCrosswalk,
    UnitCrosswalk,
    build_path,
    kind_from_name,
)
from ansinh.lib.text import fold_key, squeeze_spaces

CROSSWALK_COLUMNS = (
    "kind",
    "predecessor_code",
    "predecessor_name",
    "predecessor_level",
    "predecessor_parent",
    "predecessor_valid_from",
    "successor_code",
    "weight",
    "effective",
    "note",
)
CROSSWALK_REQUIRED = ("kind", "predecessor_code", "successor_code", "effective")
AGENCY_COLUMNS = ("code", "name", "short_name", "kind", "unit_code", "valid_from", "valid_to")
AGENCY_REQUIRED = ("code", "name", "kind", "unit_code", "valid_from")
MAX_BYTES = 20 * 1024 * 1024
_EPS = 1e-6


class CsvImportError(Exception):
    """The file was refused; ``errors`` are Vietnamese lines, each naming its line number."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    units_created: int = 0
    agencies_created: int = 0
    rows: int = 0
    notes: list[str] = field(default_factory=list)  # what other apps did after the import (signals)


Row = tuple[int, dict[str, str]]


def read_csv(source: Path | str, columns: tuple[str, ...], required: tuple[str, ...]) -> list[Row]:
    """Rows as (line number, cleaned values). ``source`` is a path or the file's text."""
    if isinstance(source, Path):
        try:
            raw = source.read_bytes()
        except OSError:
            raise CsvImportError([f"Không đọc được tệp {source}."]) from None
        if len(raw) > MAX_BYTES:
            raise CsvImportError(["Tệp quá lớn (tối đa 20 MB)."])
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise CsvImportError(["Tệp không phải văn bản UTF-8; hãy lưu lại dưới dạng CSV UTF-8."]) from None
    else:
        text = source.lstrip("\ufeff")
    reader = csv.reader(io.StringIO(text))
    header: list[str] = []
    rows: list[Row] = []
    try:
        for cells in reader:
            if not cells or not any(c.strip() for c in cells) or cells[0].lstrip().startswith("#"):
                continue  # blank and comment lines
            if not header:
                header = [squeeze_spaces(h).lower() for h in cells]
                missing = [c for c in required if c not in header]
                if missing:
                    raise CsvImportError(
                        [f"Dòng {reader.line_num}: thiếu cột {', '.join(missing)} (các cột: {', '.join(columns)})."]
                    )
                continue
            if len(cells) > len(header):
                raise CsvImportError([f"Dòng {reader.line_num}: có {len(cells)} ô, nhiều hơn {len(header)} cột tiêu đề."])
            clean = {h: squeeze_spaces(cells[i]) if i < len(cells) else "" for i, h in enumerate(header)}
            rows.append((reader.line_num, clean))
    except csv.Error as err:
        raise CsvImportError([f"Dòng {reader.line_num}: tệp CSV không hợp lệ ({err})."]) from None
    if not header:
        raise CsvImportError(["Tệp rỗng: cần một dòng tiêu đề và ít nhất một dòng dữ liệu."])
    if not rows:
        raise CsvImportError(["Tệp không có dòng dữ liệu nào."])
    return rows


def _date(value: str, line: int, column: str, errors: list[str]) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        errors.append(f"Dòng {line}: cột {column} phải là ngày dạng YYYY-MM-DD, nhận được “{value}”.")
        return None


def _weight(value: str, line: int, errors: list[str]) -> float | None:
    if not value:
        return 1.0
    try:
        weight = float(value.replace(",", "."))
    except ValueError:
        errors.append(f"Dòng {line}: tỷ trọng (weight) phải là số, nhận được “{value}”.")
        return None
    if not 0 < weight <= 1:
        errors.append(f"Dòng {line}: tỷ trọng (weight) phải lớn hơn 0 và không quá 1, nhận được {value}.")
        return None
    return weight


def unit_on(code: str, day: dt.date) -> AdministrativeUnit | None:
    return AdministrativeUnit.objects.in_force(code, day)


def agency_on(code: str, day: dt.date) -> Agency | None:
    found = Agency.objects.valid_on(day).filter(code=code).first()
    if found is None:
        candidates = list(Agency.objects.filter(code=code)[:2])
        found = candidates[0] if len(candidates) == 1 else None
    return found


def _predecessor_valid_from(values: dict[str, str], effective: dt.date, line: int, errors: list[str]) -> dt.date | None:
    """The start of a predecessor created by the import: a date before the change took effect."""
    valid_from = _date(values.get("predecessor_valid_from", ""), line, "predecessor_valid_from", errors)
    if valid_from is not None and valid_from >= effective:
        errors.append(f"Dòng {line}: predecessor_valid_from phải trước ngày hiệu lực {effective:%d/%m/%Y}.")
        return None
    return valid_from


def _new_old_unit(values: dict[str, str], before: dt.date, effective: dt.date, line: int, errors: list[str]) -> (
    AdministrativeUnit | None
):
    code, name, level = values["predecessor_code"], values.get("predecessor_name", ""), values.get("predecessor_level", "")
    if not name or level not in ("province", "district", "commune"):
        errors.append(
            f"Dòng {line}: không có đơn vị mã {code} còn hiệu lực ngày {before:%d/%m/%Y}; để tạo mới cần "
            "predecessor_name và predecessor_level (province, district hoặc commune)."
        )
        return None
    parent_code = values.get("predecessor_parent", "") or "VN"
    parent = unit_on(parent_code, before)
    if parent is None:
        errors.append(f"Dòng {line}: không có đơn vị cấp trên mã {parent_code} còn hiệu lực ngày {before:%d/%m/%Y}.")
        return None
    valid_from = _predecessor_valid_from(values, effective, line, errors)
    if valid_from is None:
        return None
    unit = AdministrativeUnit(
        code=code, name=name, level=level, parent=parent, path=build_path(parent, code),
        valid_from=valid_from, valid_to=effective, kind=kind_from_name(name),
    )
    unit.name_key = fold_key(name)
    unit.save()
    return unit


def _new_old_agency(values: dict[str, str], before: dt.date, effective: dt.date, line: int, errors: list[str]) -> (
    Agency | None
):
    code, name, kind = values["predecessor_code"], values.get("predecessor_name", ""), values.get("predecessor_level", "")
    if not name or kind not in Agency.Kind.values:
        errors.append(
            f"Dòng {line}: không có cơ quan mã {code}; để tạo mới cần predecessor_name và predecessor_level là "
            f"loại cơ quan ({', '.join(Agency.Kind.values)})."
        )
        return None
    unit_code = values.get("predecessor_parent", "")
    unit = unit_on(unit_code, before) or unit_on(unit_code, effective)
    if unit is None:
        errors.append(f"Dòng {line}: không có đơn vị hành chính mã “{unit_code}” cho cơ quan {name}.")
        return None
    valid_from = _predecessor_valid_from(values, effective, line, errors)
    if valid_from is None:
        return None
    return Agency.objects.create(
        code=code, name=name, kind=kind, unit=unit, valid_from=valid_from, valid_to=effective
    )


def apply_crosswalk_rows(rows: list[Row], errors: list[str]) -> ImportResult:
    """Store the rows; each (predecessor, effective) group replaces the rows stored for it."""
    result = ImportResult(rows=len(rows))
    groups: dict[tuple[str, int, dt.date], list[tuple[int, AdministrativeUnit | Agency, float, str]]] = defaultdict(list)
    for line, values in rows:
        kind = values.get("kind", "").lower()
        if kind not in ("unit", "agency"):
            errors.append(f"Dòng {line}: cột kind phải là “unit” hoặc “agency”, nhận được “{values.get('kind', '')}”.")
            continue
        effective = _date(values["effective"], line, "effective", errors)
        weight = _weight(values.get("weight", ""), line, errors)
        if effective is None or weight is None:
            continue
        before = effective - dt.timedelta(days=1)
        pred: AdministrativeUnit | Agency | None
        succ: AdministrativeUnit | Agency | None
        if kind == "unit":
            pred = unit_on(values["predecessor_code"], before)
            if pred is None:
                pred = _new_old_unit(values, before, effective, line, errors)
                result.units_created += pred is not None
            succ = unit_on(values["successor_code"], effective)
        else:
            pred = agency_on(values["predecessor_code"], before)
            if pred is None:
                pred = _new_old_agency(values, before, effective, line, errors)
                result.agencies_created += pred is not None
            succ = agency_on(values["successor_code"], effective)
        if pred is None:
            continue
        if succ is None:
            what = "đơn vị" if kind == "unit" else "cơ quan"
            hint = " (nạp trước bằng ansinh geo load)" if kind == "unit" else " (nhập trước bằng ansinh geo agencies import)"
            errors.append(
                f"Dòng {line}: không có {what} kế nhiệm mã “{values['successor_code']}” còn hiệu lực ngày "
                f"{effective:%d/%m/%Y}{hint}."
            )
            continue
        if succ.pk == pred.pk and type(succ) is type(pred):
            errors.append(f"Dòng {line}: đơn vị cũ và đơn vị mới trùng nhau ({pred.name}).")
            continue
        groups[(kind, pred.pk, effective)].append((line, succ, weight, values.get("note", "")[:500]))
    for (kind, pred_pk, effective), items in groups.items():
        total = sum(w for _, _, w, _ in items)
        if abs(total - 1) > 1e-3:
            lines = ", ".join(str(line) for line, *_ in items)
            errors.append(
                f"Dòng {lines}: tổng tỷ trọng của một đơn vị/cơ quan cũ trong cùng ngày hiệu lực phải bằng 1, "
                f"đang là {total:g}."
            )
            continue
        seen: set[int] = set()
        repeated = False
        for line, succ, _, _ in items:
            if succ.pk in seen:
                errors.append(f"Dòng {line}: cặp cũ → mới “{succ.name}” bị lặp lại.")
                repeated = True
            seen.add(succ.pk)
        if repeated:
            continue  # storing the pair twice would break the unique constraint; the import is refused anyway
        model: type[UnitCrosswalk] | type[AgencyCrosswalk] = UnitCrosswalk if kind == "unit" else AgencyCrosswalk
        old = {link.successor_id: link for link in model.objects.filter(predecessor_id=pred_pk, effective=effective)}
        keep: set[int] = set()
        for _, succ, weight, note in items:
            keep.add(succ.pk)
            link = old.get(succ.pk)
            if link is None:
                model.objects.create(predecessor_id=pred_pk, successor_id=succ.pk, weight=weight, effective=effective, note=note)
                result.created += 1
            elif (link.weight, link.note) != (weight, note):
                link.weight, link.note = weight, note
                link.save(update_fields=["weight", "note"])
                result.updated += 1
        model.objects.filter(predecessor_id=pred_pk, effective=effective).exclude(successor_id__in=keep).delete()
    return result


def apply_agency_rows(rows: list[Row], errors: list[str]) -> ImportResult:
    """Create or update agencies keyed by (code, valid_from)."""
    result = ImportResult(rows=len(rows))
    seen: dict[tuple[str, dt.date], int] = {}
    for line, values in rows:
        kind = values.get("kind", "")
        if kind not in Agency.Kind.values:
            errors.append(f"Dòng {line}: loại cơ quan (kind) “{kind}” không hợp lệ; dùng một trong: {', '.join(Agency.Kind.values)}.")
            continue
        valid_from = _date(values.get("valid_from", ""), line, "valid_from", errors)
        valid_to = _date(values["valid_to"], line, "valid_to", errors) if values.get("valid_to") else None
        if valid_from is None or (values.get("valid_to") and valid_to is None):
            continue
        if valid_to is not None and valid_to <= valid_from:
            errors.append(f"Dòng {line}: valid_to phải sau valid_from.")
            continue
        code, name = values["code"], values["name"]
        if len(code) > 40 or len(name) > 300:
            errors.append(f"Dòng {line}: mã (tối đa 40 ký tự) hoặc tên (tối đa 300 ký tự) quá dài.")
            continue
        if (code, valid_from) in seen:
            errors.append(f"Dòng {line}: cơ quan mã {code} hiệu lực từ {valid_from} đã có ở dòng {seen[(code, valid_from)]}.")
            continue
        seen[(code, valid_from)] = line
        unit = unit_on(values["unit_code"], valid_from) or unit_on(values["unit_code"], timezone.localdate())
        if unit is None:
            errors.append(f"Dòng {line}: không có đơn vị hành chính mã “{values['unit_code']}”.")
            continue
        fields = {"name": name, "short_name": values.get("short_name", "")[:80], "kind": kind, "unit": unit, "valid_to": valid_to}
        agency, created = Agency.objects.get_or_create(code=code, valid_from=valid_from, defaults=fields)
        if created:
            result.created += 1
        elif any(getattr(agency, k) != v for k, v in fields.items()):
            for k, v in fields.items():
                setattr(agency, k, v)
            agency.save()
            result.updated += 1
    return result
