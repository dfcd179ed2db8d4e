"""Persons from the Django database (SQLite or PostgreSQL) into DuckDB, through Arrow in batches.

One SQL query (a server-side cursor on PostgreSQL) is fetched ``BATCH`` rows at a time; each batch
becomes a ``pyarrow.Table`` that DuckDB appends to ``persons_raw`` — no Python loop per row
beyond building the column lists. The columns the model compares are then derived in DuckDB SQL.
"""

from __future__ import annotations

from typing import Any

from django.db import connection

BATCH = 200_000
RAW_COLUMNS = (
    "unique_id", "registry_code", "ma_ban_ghi", "full_name", "name_folded", "birth_date", "birth_precision", "sex",
    "personal_id", "phone", "commune_code", "province_code", "household_id", "commune_id",
)

_SQL = """
SELECT p.id, p.registry_code, p.ma_ban_ghi, p.full_name, p.name_folded, CAST(p.birth_date AS TEXT),
       p.birth_precision, p.sex, p.personal_id, p.phone, u.code, p.province_code,
       (SELECT MIN(m.household_id) FROM registry_membership m WHERE m.person_id = p.id AND m.valid_to IS NULL),
       p.commune_id
FROM registry_person p JOIN geo_administrativeunit u ON u.id = p.commune_id
WHERE p.deleted_at IS NULL {where}
"""

# Derived columns: folded name (and its words sorted, which a swapped middle and given name share),
# surname and given name, birth year, month-day and its day/month swap (only for a full date).
_PREPARE = """
CREATE OR REPLACE TABLE persons AS
SELECT unique_id, registry_code, ma_ban_ghi, household_id, commune_id, commune_code, province_code,
       lower(full_name) AS full_lower,
       nullif(name_folded, '') AS name_folded,
       array_to_string(list_sort(string_split(name_folded, ' ')), ' ') AS name_sorted,
       split_part(name_folded, ' ', 1) AS surname,
       string_split(name_folded, ' ')[-1] AS given,
       CASE WHEN birth_precision = 'day' THEN birth_date END AS birth_date,
       CAST(substr(birth_date, 1, 4) AS INTEGER) AS birth_year,
       CASE WHEN birth_precision = 'day' THEN substr(birth_date, 6, 5) END AS birth_md,
       CASE WHEN birth_precision = 'day' THEN substr(birth_date, 9, 2) || '-' || substr(birth_date, 6, 2) END AS birth_dm,
       nullif(sex, '') AS sex, nullif(personal_id, '') AS personal_id, nullif(phone, '') AS phone
FROM persons_raw
"""


def load_persons(con: Any, commune: str | None = None, province: str | None = None) -> int:
    """Fill DuckDB's ``persons`` table from the database; returns the number of persons."""
    where, params = "", []
    if commune:
        where, params = "AND u.code = %s", [commune]
    elif province:
        where, params = "AND p.province_code = %s", [province]
    create_raw(con)
    total = 0
    with connection.chunked_cursor() as cursor:
        cursor.execute(_SQL.format(where=where), params)
        while rows := cursor.fetchmany(BATCH):
            append_raw(con, rows)
            total += len(rows)
    prepare(con)
    return total


def create_raw(con: Any) -> None:
    con.execute(
        "CREATE OR REPLACE TABLE persons_raw (unique_id BIGINT, registry_code VARCHAR, ma_ban_ghi VARCHAR, full_name VARCHAR, "
        "name_folded VARCHAR, birth_date VARCHAR, birth_precision VARCHAR, sex VARCHAR, personal_id VARCHAR, phone VARCHAR, "
        "commune_code VARCHAR, province_code VARCHAR, household_id BIGINT, commune_id BIGINT)"
    )


def append_raw(con: Any, rows: list[tuple[Any, ...]]) -> None:
    """One batch of rows (in ``RAW_COLUMNS`` order) into ``persons_raw`` as an Arrow table."""
    import pyarrow as pa

    columns = list(zip(*rows, strict=True))
    con.register("batch", pa.table({name: pa.array(values) for name, values in zip(RAW_COLUMNS, columns, strict=True)}))
    con.execute("INSERT INTO persons_raw SELECT * FROM batch")
    con.unregister("batch")


def prepare(con: Any) -> None:
    con.execute(_PREPARE)
    con.execute("DROP TABLE persons_raw")
