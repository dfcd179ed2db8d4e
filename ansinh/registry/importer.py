"""Import a registry file: all or nothing, streamed in chunks, idempotent, changes as requests.

Each chunk of rows is validated (``rows.parse_row`` per cell, then file-wide checks: a repeated
``ma_ban_ghi``, an unknown or out-of-scope commune, two heads in one household), compared with
what the registry holds (same values: nothing; other values: a submitted ``ChangeRequest`` from
the import, never an overwrite) and, while no error has been seen, written set-based
(``registry.bulk``). Validation goes on to the end so that every error is reported; if there is
any, the transaction rolls back and nothing is stored. ``--dry-run`` validates and counts only.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from ansinh.core.errors import UserError
from ansinh.core.models import audit
from ansinh.registry import bulk
from ansinh.registry import codes as codes_mod
from ansinh.registry.compare import Comparer
from ansinh.registry.models import unknown_start
from ansinh.registry.rows import Row, name_tokens, parse_row, prepare_columns
from ansinh.registry.tabular import LABELS, Table, TableError, open_table

CHUNK = 20000
MAX_MESSAGES = 500
Progress = Callable[[int, int], None]


class ImportRefused(UserError):
    """The file was refused; ``errors`` lists the Vietnamese line and cell errors (first ones)."""

    def __init__(self, message: str, errors: list[str] | None = None, error_count: int = 0) -> None:
        super().__init__(message)
        self.errors = errors or []
        self.error_count = error_count or len(self.errors)


@dataclass
class ImportReport:
    rows: int = 0
    persons_created: int = 0
    households_created: int = 0
    unchanged: int = 0
    change_requests: int = 0
    warnings: list[str] = field(default_factory=list)
    warning_count: int = 0
    errors: list[str] = field(default_factory=list)
    error_count: int = 0
    encoding: str = ""
    dry_run: bool = False
    seconds: float = 0.0
    simulated: bool = False

    def error(self, message: str) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_MESSAGES:
            self.errors.append(message)

    def warn(self, message: str) -> None:
        self.warning_count += 1
        if len(self.warnings) < MAX_MESSAGES:
            self.warnings.append(message)


@dataclass
class Commune:
    id: int
    code: str
    name: str
    province_code: str
    urban: bool


@dataclass(slots=True)
class HouseholdState:
    id: int | None
    commune: Commune
    code: str
    address: str
    area: str
    is_new: bool
    heads: int = 0
    head_line: int = 0
    head_birth: dt.date | None = None
    head_person: int | None = None
    oldest_child: tuple[dt.date, int] | None = None
    looked_up: bool = False


def communes_in_force(day: dt.date, user: Any = None) -> dict[str, Commune]:
    """Communes (in force on ``day``) whose registry a user may write, by code; no user: every commune (the CLI)."""
    from ansinh.geo.models import AdministrativeUnit
    from ansinh.registry.access import writable_person_units

    qs = AdministrativeUnit.objects.valid_on(day).filter(level="commune")
    if user is not None:
        qs = qs.filter(pk__in=writable_person_units(user).values("pk"))
    out = {}
    for pk, code, name, path, kind in qs.values_list("pk", "code", "name", "path", "kind"):
        parts = path.strip("/").split("/")
        province = parts[1] if len(parts) > 1 else ""
        out[code] = Commune(pk, code, name, province, urban=(kind or "").lower() == "phường" or name.startswith("Phường"))
    return out


def import_file(path: Path, **kwargs: Any) -> ImportReport:
    try:
        table = open_table(path, kwargs.pop("mapping", None))
    except TableError as err:
        raise ImportRefused(err.message, [err.message]) from None
    return import_table(table, **kwargs)


def import_table(
    table: Table, *, user: Any = None, dry_run: bool = False, progress: Progress | None = None,
    today: dt.date | None = None, total: int = 0, simulated: bool = False, gate: bool = True, override_reason: str = "",
) -> ImportReport:
    missing = table.missing()
    if missing:
        names = ", ".join(f"«{c}» ({LABELS[c]})" for c in missing)
        message = f"Tệp thiếu cột bắt buộc: {names}. Dòng tiêu đề phải có các cột này (có dấu hay không dấu đều được)."
        raise ImportRefused(message, [message])
    report = ImportReport(encoding=table.encoding, dry_run=dry_run, simulated=simulated)
    started = time.monotonic()
    today = today or timezone.localdate()
    for header in table.unmapped:
        report.warn(f"Cột «{header}» không thuộc mẫu, bỏ qua (có thể ghép cột ở trang xem trước).")
    try:
        with transaction.atomic(), bulk.sqlite_bulk_pragmas():
            run = _Run(report, user, today, dry_run, simulated)
            run.gate, run.override_reason = gate, override_reason.strip()
            run.run(table.rows, table.columns, progress, total)
            if report.error_count:
                raise _Rollback
            if dry_run:
                raise _Rollback
            audit(
                user, "registry.import", None, object_type="registry.Person",
                summary=f"Nhập {report.rows} dòng: {report.persons_created} nhân khẩu mới, "
                f"{report.households_created} hộ mới, {report.change_requests} yêu cầu thay đổi",
                after={"rows": report.rows, "persons_created": report.persons_created, "encoding": report.encoding},
            )
    except _Rollback:
        pass
    except TableError as err:
        raise ImportRefused(err.message, [err.message]) from None
    if not report.error_count and not dry_run and report.persons_created >= ANALYZE_AFTER:
        _analyze()
    report.seconds = time.monotonic() - started
    if report.error_count:
        raise ImportRefused(
            f"Tệp có {report.error_count} lỗi; không lưu dòng nào. Sửa các lỗi dưới đây rồi nhập lại.",
            report.errors, report.error_count,
        )
    return report


class _Rollback(Exception):
    pass


ANALYZE_AFTER = 10000


def _analyze() -> None:
    """After a large import, refresh PostgreSQL's statistics so that search plans use the token key."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE registry_person, registry_persontoken, registry_membership, registry_household")


class _Run:
    def __init__(self, report: ImportReport, user: Any, today: dt.date, dry_run: bool, simulated: bool) -> None:
        self.report, self.user, self.today, self.dry_run, self.simulated = report, user, today, dry_run, simulated
        self.communes = communes_in_force(today, user)
        self.all_communes = communes_in_force(today) if user is not None else self.communes
        self.seen: dict[str, int] = {}  # "commune\x1fma_ban_ghi" → line (a string key: half the memory of a tuple)
        self.ids_seen: dict[str, int] = {}
        self.gate = True
        self.override_reason = ""
        self.households: dict[tuple[int, str], HouseholdState] = {}
        self.person_ids = bulk.IdBlock("registry_person")
        self.household_ids = bulk.IdBlock("registry_household")
        self.comparer = Comparer(user, today)
        self.now = bulk.datetime_value(timezone.now())
        self.today_value = bulk.date_value(today)

    def run(self, rows: Iterator[tuple[int, list[str]]], columns: dict[str, int], progress: Progress | None, total: int) -> None:
        chunk: list[Row] = []
        done = 0
        prepare_columns(columns)
        for line, cells in rows:
            if not any(c.strip() for c in cells):
                continue
            done += 1
            row = self.check(line, cells, columns)
            if row is not None:
                chunk.append(row)
            if len(chunk) >= CHUNK:
                self.flush(chunk)
                chunk = []
            if progress is not None and done % 5000 == 0:
                progress(done, max(total, done))
        self.flush(chunk)
        self.report.rows = done
        self.finish()
        if progress is not None:
            progress(done, done)
        if done == 0:
            self.report.error("Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.")

    def check(self, line: int, cells: list[str], columns: dict[str, int]) -> Row | None:
        report = self.report
        row, errors, warnings = parse_row(line, cells, columns, self.today)
        for w in warnings:
            report.warn(w)
        for e in errors:
            report.error(e)
        if row is None:
            return None
        commune = self.communes.get(row.ma_xa)
        if commune is None:
            if row.ma_xa in self.all_communes:
                report.error(f"Dòng {line}, cột «Mã xã»: bạn không có quyền nhập dữ liệu của {self.all_communes[row.ma_xa].name}.")
            else:
                report.error(f"Dòng {line}, cột «Mã xã»: không có xã, phường mã «{row.ma_xa}» đang có hiệu lực (bản đồ hành chính 2025).")
            return None
        key = f"{row.ma_xa}\x1f{row.ma_ban_ghi}"
        first = self.seen.get(key)
        if first is not None:
            report.error(f"Dòng {line}, cột «Mã bản ghi»: «{row.ma_ban_ghi}» đã có ở dòng {first} của tệp.")
            return None
        self.seen[key] = line
        hh = self.households.get((commune.id, row.ma_ho))
        if hh is None:
            hh = HouseholdState(None, commune, row.ma_ho, row.address, row.area or ("thanh_thi" if commune.urban else "nong_thon"), True)
            self.households[(commune.id, row.ma_ho)] = hh
        if row.relation == "chu_ho":
            hh.heads += 1
            if hh.heads > 1:
                report.error(f"Dòng {line}, cột «Quan hệ với chủ hộ»: hộ «{row.ma_ho}» đã có chủ hộ ở dòng {hh.head_line}; một hộ chỉ có một chủ hộ.")
                return None
            hh.head_line, hh.head_birth = line, row.birth_date
        elif row.relation == "con" and row.birth_date is not None and (hh.oldest_child is None or row.birth_date < hh.oldest_child[0]):
            hh.oldest_child = (row.birth_date, line)
        return row

    def flush(self, chunk: list[Row]) -> None:
        if not chunk:
            return
        existing = self.comparer.existing(chunk, self.households, self.communes, self.report)
        new_rows: list[Row] = []
        for row in chunk:
            commune = self.communes[row.ma_xa]
            hh = self.households[(commune.id, row.ma_ho)]
            found = existing.get((commune.id, row.ma_ban_ghi))
            if found is None:
                new_rows.append(row)
                continue
            if self.comparer.compare(row, found, hh, commune, self.report):
                self.report.change_requests += 1
            else:
                self.report.unchanged += 1
            if row.relation == "chu_ho":
                hh.head_person = found.id
        if self.gate:
            self.check_ids(new_rows)
        self.report.persons_created += len(new_rows)
        if self.report.error_count or self.dry_run:
            return
        self.write(new_rows, chunk)
        self.comparer.save(self.households)

    def check_ids(self, rows: list[Row]) -> None:
        """The duplicate gate: a new person's ID already in the registry, or twice in the file, blocks."""
        from ansinh.registry.dedup.gate import exact_id_clashes

        clashes = exact_id_clashes(r.personal_id for r in rows)
        for row in rows:
            if not row.personal_id:
                continue
            if row.personal_id in clashes:
                code, name = clashes[row.personal_id]
                self.report.error(f"Dòng {row.line}, cột «Số định danh»: số {row.personal_id} đã có ở nhân khẩu {name} (mã số an sinh {code}); không thêm người thứ hai với cùng số định danh.")
            elif (first := self.ids_seen.setdefault(row.personal_id, row.line)) != row.line:
                self.report.error(f"Dòng {row.line}, cột «Số định danh»: số {row.personal_id} đã có ở dòng {first} của tệp.")
        self.check_likely([r for r in rows if not r.personal_id or r.personal_id not in clashes])

    def check_likely(self, rows: list[Row]) -> None:
        """The gate's second step (with a saved model): a row very likely already in the registry is
        refused unless a manager gives a reason for the whole file (each let-in row is recorded)."""
        from ansinh.registry.dedup.gate import likely_batch, record_override

        by_province: dict[str, list[tuple[Any, ...]]] = {}
        for i, r in enumerate(rows):
            commune = self.communes[r.ma_xa]
            by_province.setdefault(commune.province_code, []).append((
                -(i + 1), "", r.ma_ban_ghi, r.full_name, r.name_folded, r.birth_date.isoformat() if r.birth_date else None,
                r.precision, r.sex, r.personal_id, r.phone, commune.code, commune.province_code, None, commune.id,
            ))
        for province, new in by_province.items():
            for uid, (candidate, probability) in sorted(likely_batch(new, province).items(), reverse=True):
                row = rows[-uid - 1]
                percent = f"{probability * 100:.1f}".replace(".", ",")
                if self.override_reason and self.user is not None and self.user.has_perm("registry.override_gate"):
                    if not self.dry_run:
                        record_override(self.user, candidate, probability, f"Dòng {row.line}: {self.override_reason}")
                    self.report.warn(f"Dòng {row.line}: nghi trùng với {candidate.full_name} ({candidate.registry_code}, {percent} %); "
                                     "được cán bộ quản lý cho phép nhập.")
                    continue
                self.report.error(
                    f"Dòng {row.line}, «{row.full_name}»: rất có thể đã có trong sổ: {candidate.full_name} (mã số an sinh "
                    f"{candidate.registry_code}), xác suất trùng {percent} %. Nếu là người khác, cán bộ quản lý cần cho phép "
                    "nhập và ghi lý do."
                )

    def write(self, rows: list[Row], chunk: list[Row]) -> None:
        touched = {(self.communes[r.ma_xa].id, r.ma_ho) for r in chunk}
        new_households = [hh for key in touched if (hh := self.households[key]).id is None]
        ids = self.household_ids.take(len(new_households))
        hh_rows = []
        for hh, pk in zip(new_households, ids, strict=True):
            hh.id = pk
            hh_rows.append((pk, hh.code, hh.commune.id, hh.commune.province_code, hh.address, hh.area, None,
                            self.simulated, 1, self.now, self.now, None, ""))
        bulk.insert("registry_household", bulk.HOUSEHOLD_COLUMNS, hh_rows)
        self.report.households_created += len(hh_rows)
        person_ids = self.person_ids.take(len(rows))
        codes = list(dict.fromkeys(codes_mod.new_codes(len(rows))))
        while len(codes) < len(rows):
            codes = list(dict.fromkeys(codes + codes_mod.new_codes(len(rows) - len(codes))))
        persons: list[tuple[Any, ...]] = []
        members: list[tuple[Any, ...]] = []
        tokens: list[tuple[int, str]] = []
        date_value, now, simulated = bulk.date_value, self.now, self.simulated
        communes, households = self.communes, self.households
        for row, pk, code in zip(rows, person_ids, codes, strict=True):
            commune = communes[row.ma_xa]
            hh = households[(commune.id, row.ma_ho)]
            persons.append((
                pk, code, row.full_name, row.name_folded, date_value(row.birth_date), row.precision, row.sex,
                row.personal_id, row.ethnicity, row.phone, True, None, commune.id, commune.province_code,
                row.ma_ban_ghi, simulated, 1, now, now, None, "",
            ))
            # the file says who is in the household on the import day, not since when: the start is unknown
            members.append((pk, hh.id, row.relation, date_value(unknown_start(row.birth_date)), False, None,
                            commune.province_code, None))
            tokens.extend((pk, t) for t in name_tokens(row.name_folded))
            if row.relation == "chu_ho":
                hh.head_person = pk
        bulk.insert_persons(persons)
        bulk.insert("registry_membership", bulk.MEMBERSHIP_COLUMNS, members)
        bulk.insert("registry_persontoken", bulk.TOKEN_COLUMNS, tokens)

    def finish(self) -> None:
        report = self.report
        heads = []
        for hh in self.households.values():
            if hh.is_new and hh.heads == 0:
                report.warn(f"Hộ «{hh.code}» ({hh.commune.name}) không có ai ghi là chủ hộ.")
            if hh.head_birth and hh.oldest_child and hh.oldest_child[0] < hh.head_birth:
                report.warn(
                    f"Dòng {hh.oldest_child[1]}: người con sinh ngày {hh.oldest_child[0]:%d/%m/%Y}, trước chủ hộ "
                    f"(dòng {hh.head_line}, sinh {hh.head_birth:%d/%m/%Y}) — cần kiểm tra."
                )
            if hh.is_new and hh.id is not None and hh.head_person is not None:
                heads.append((hh.head_person, hh.id))
        if not report.error_count and not self.dry_run:
            bulk.update_heads(heads)
        if self.dry_run:
            report.households_created = sum(1 for hh in self.households.values() if hh.is_new)


def iter_rows(rows: Iterable[list[str]]) -> Iterator[tuple[int, list[str]]]:
    """Rows without line numbers (generated data) numbered from 2, as under a header row."""
    yield from enumerate(rows, start=2)
