"""Set-based writes for the import and the simulator: ids allocated in blocks, ``executemany``.

No Python loop saves one model at a time: rows are tuples written a batch at a time through
the raw cursor (SQLite: ``executemany`` inside the import's IMMEDIATE transaction, so ``MAX(id)`` is
safe; PostgreSQL: ``COPY … FROM STDIN``, ids drawn from the identity sequence). ``sqlite_bulk_pragmas`` enlarges the page cache
for the length of one import only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from django.db import IntegrityError, connection, transaction

from ansinh.registry import codes

BATCH = 5000
PERSON_COLUMNS = (
    "id", "registry_code", "full_name", "name_folded", "birth_date", "birth_precision", "sex", "personal_id",
    "ethnicity", "phone", "alive", "death_date", "commune_id", "province_code", "ma_ban_ghi", "simulated",
    "version", "created_at", "updated_at", "deleted_at", "deleted_reason",
)
HOUSEHOLD_COLUMNS = (
    "id", "code", "commune_id", "province_code", "address", "area", "head_id", "simulated", "version",
    "created_at", "updated_at", "deleted_at", "deleted_reason",
)
MEMBERSHIP_COLUMNS = (
    "person_id", "household_id", "relation", "valid_from", "start_known", "valid_to", "province_code", "change_request_id",
)
TOKEN_COLUMNS = ("person_id", "token")


def insert(table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    if not rows:
        return
    qn = connection.ops.quote_name
    if connection.vendor == "postgresql":
        copy_sql = f"COPY {qn(table)} ({', '.join(qn(c) for c in columns)}) FROM STDIN"
        with connection.cursor() as cursor, connection.wrap_database_errors, cursor.cursor.copy(copy_sql) as copy:
            for row in rows:
                copy.write_row(row)
        return
    sql = f"INSERT INTO {qn(table)} ({', '.join(qn(c) for c in columns)}) VALUES ({', '.join(['%s'] * len(columns))})"
    with connection.cursor() as cursor:
        for i in range(0, len(rows), BATCH):
            cursor.executemany(sql, rows[i : i + BATCH])


def insert_persons(rows: list[tuple[Any, ...]]) -> None:
    """Insert person rows (column 1 is the registry code) in a savepoint; if a code collides with one
    already in use (the unique index says so: 50 random bits make it very rare), draw new codes and retry.
    Retired codes are checked beforehand, only when there are any."""
    from ansinh.registry.models import RetiredCode

    if RetiredCode.objects.exists():
        wanted = [r[1] for r in rows]
        fresh = iter(fresh_codes(len(wanted)))
        rows = [(r[0], next(fresh), *r[2:]) for r in rows]
    for _ in range(5):
        try:
            with transaction.atomic():
                insert("registry_person", PERSON_COLUMNS, rows)
            return
        except IntegrityError:
            redraw = iter(codes.new_codes(len(rows)))
            rows = [(r[0], next(redraw), *r[2:]) for r in rows]
    raise IntegrityError("registry_person: cannot insert the batch (not a code collision)")


def update_heads(pairs: Sequence[tuple[int, int]]) -> None:
    """``(person_id, household_id)`` → household.head."""
    if not pairs:
        return
    with connection.cursor() as cursor:
        cursor.executemany("UPDATE registry_household SET head_id = %s WHERE id = %s", list(pairs))


class IdBlock:
    """Primary keys for rows written by ``insert`` (which bypasses the ORM)."""

    def __init__(self, table: str) -> None:
        self.table = table
        self.next_id: int | None = None

    def take(self, n: int) -> list[int]:
        if n <= 0:
            return []
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(
                    "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)", [self.table, n]
                )
                return [r[0] for r in cursor.fetchall()]
            if self.next_id is None:
                cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {connection.ops.quote_name(self.table)}")
                self.next_id = int(cursor.fetchone()[0]) + 1
        ids = list(range(self.next_id, self.next_id + n))
        self.next_id += n
        return ids


def fresh_codes(n: int) -> list[str]:
    """``n`` registry codes issued to nobody yet, in use or retired (checked by index look-ups)."""
    from ansinh.registry.models import RetiredCode

    check_retired = RetiredCode.objects.exists()
    out: list[str] = []
    while len(out) < n:
        batch = list(dict.fromkeys(codes.new_codes(n - len(out))))
        taken: set[str] = set()
        with connection.cursor() as cursor:
            for i in range(0, len(batch), 500):
                part = batch[i : i + 500]
                marks = ", ".join(["%s"] * len(part))
                cursor.execute(f"SELECT registry_code FROM registry_person WHERE registry_code IN ({marks})", part)
                taken.update(r[0] for r in cursor.fetchall())
                if check_retired:
                    cursor.execute(f"SELECT code FROM registry_retiredcode WHERE code IN ({marks})", part)
                    taken.update(r[0] for r in cursor.fetchall())
        seen = set(out)
        out.extend(c for c in batch if c not in taken and c not in seen)
    return out


def date_value(day: dt.date | None) -> Any:
    return connection.ops.adapt_datefield_value(day)


def datetime_value(moment: dt.datetime) -> Any:
    return connection.ops.adapt_datetimefield_value(moment)


@contextmanager
def sqlite_bulk_pragmas() -> Iterator[None]:
    """On SQLite, a bigger page cache for the length of a bulk write (allowed inside a transaction)."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        old_cache = cursor.fetchone()[0]
        cursor.execute("PRAGMA cache_size = -262144")  # 256 MB
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(old_cache)}")
