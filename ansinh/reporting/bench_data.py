"""Synthetic national data for ``ansinh bench rollup``: units, indicators, cycles, approved values.

Values are bulk-loaded: ``executemany`` on SQLite, ``COPY`` on PostgreSQL; never the ORM per row.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
from django.db import connection

KINDS = (("ratio", 0.60), ("sum", 0.25), ("mean", 0.10), ("max", 0.05))
FIRST_YEAR = 2016
Write = Callable[[str], None]
VALUE_COLUMNS = (
    "submission_id, indicator_id, value, numerator, denominator, status, comment, flags, updated_at"
)


def build_tree(n_units: int) -> tuple[int, list[int], list[int], dict[int, int]]:
    """Create country, provinces and communes; returns (country, provinces, communes, parent of each)."""
    import datetime as dt

    from ansinh.geo.models import AdministrativeUnit

    start = dt.date(2025, 7, 1)
    country = AdministrativeUnit.objects.create(code="VN", name="Việt Nam", level="country", valid_from=start)
    n_provinces = max(1, min(34, n_units - 1))
    provinces = AdministrativeUnit.objects.bulk_create(
        [
            AdministrativeUnit(
                code=f"{i:02d}",
                name=f"Tỉnh {i:02d}",
                name_key=f"tinh {i:02d}",
                level="province",
                parent=country,
                path=f"/VN/{i:02d}/",
                valid_from=start,
            )
            for i in range(1, n_provinces + 1)
        ]
    )
    communes = AdministrativeUnit.objects.bulk_create(
        [
            AdministrativeUnit(
                code=f"{j:05d}",
                name=f"Xã {j:05d}",
                name_key=f"xa {j:05d}",
                level="commune",
                parent=provinces[j % n_provinces],
                path=f"{provinces[j % n_provinces].path}{j:05d}/",
                valid_from=start,
            )
            for j in range(max(0, n_units - 1 - n_provinces))
        ],
        batch_size=1000,
    )
    parent: dict[int, int] = {c.pk: int(c.parent_id or 0) for c in communes} | {
        p.pk: country.pk for p in provinces
    }
    return country.pk, [p.pk for p in provinces], [c.pk for c in communes], parent


def build_catalogue(n: int) -> pd.DataFrame:
    from ansinh.reporting.models import Indicator

    kinds: list[str] = []
    for kind, share in KINDS:
        kinds += [kind] * round(n * share)
    kinds = (kinds + ["ratio"] * n)[:n]
    created = Indicator.objects.bulk_create(
        [
            Indicator(
                code=f"B{i:03d}",
                name=f"Chỉ tiêu thử {i:03d}",
                aggregation=kind,
                value_type="percent" if kind == "ratio" else "number",
                scale=100 if kind == "ratio" else 1,
            )
            for i, kind in enumerate(kinds)
        ]
    )
    return pd.DataFrame(
        {
            "indicator_id": [i.pk for i in created],
            "aggregation": kinds,
            "scale": [100.0 if k == "ratio" else 1.0 for k in kinds],
        }
    )


def load_cycle_values(
    cursor: Any, vendor: str, subs: np.ndarray, catalogue: pd.DataFrame, rng: np.random.Generator
) -> pd.DataFrame:
    """Insert every value of one cycle (every submission × every indicator); returns them as a frame."""
    n_sub, n_ind = len(subs), len(catalogue)
    kind = np.tile(catalogue["aggregation"].to_numpy(), n_sub)
    ratio = kind == "ratio"
    denominator = rng.integers(1_000, 50_000, n_sub * n_ind).astype(float)
    numerator = np.floor(denominator * rng.random(n_sub * n_ind))
    value = np.where(
        ratio,
        numerator / denominator * 100,
        np.where(kind == "sum", rng.integers(0, 1000, n_sub * n_ind), rng.uniform(50, 90, n_sub * n_ind)),
    )
    frame = pd.DataFrame(
        {
            "submission_id": np.repeat(subs, n_ind),
            "indicator_id": np.tile(catalogue["indicator_id"].to_numpy(), n_sub),
            "value": value,
            "numerator": np.where(ratio, numerator, np.nan),
            "denominator": np.where(ratio, denominator, np.nan),
        }
    )
    if vendor == "postgresql":
        buffer = io.StringIO()
        out = frame.assign(status="final", comment="", flags="[]", updated_at="2026-01-01 00:00:00+00")
        out.to_csv(buffer, sep="\t", header=False, index=False, na_rep="\\N")
        with cursor.copy(f"COPY reporting_indicatorvalue ({VALUE_COLUMNS}) FROM STDIN") as copy:
            copy.write(buffer.getvalue())
    else:
        num = [None if x != x else x for x in frame["numerator"].tolist()]
        den = [None if x != x else x for x in frame["denominator"].tolist()]
        cursor.executemany(
            f"INSERT INTO reporting_indicatorvalue ({VALUE_COLUMNS}) "
            "VALUES (?, ?, ?, ?, ?, 'final', '', '[]', '2026-01-01 00:00:00')",
            zip(
                frame["submission_id"].tolist(),
                frame["indicator_id"].tolist(),
                frame["value"].tolist(),
                num,
                den,
                strict=True,
            ),
        )
    return frame


def load(options: dict[str, Any], write: Write) -> dict[str, Any]:
    """Build the synthetic nation inside one transaction; returns what the measurements need."""
    import datetime as dt

    from django.db import transaction

    from ansinh.core.progress import ProgressBar
    from ansinh.plans.models import Plan
    from ansinh.reporting.models import ReportingCycle

    rng = np.random.default_rng(options["seed"])
    vendor = connection.vendor
    frames: list[pd.DataFrame] = []
    with transaction.atomic():
        plan = Plan.objects.create(
            title="Kế hoạch thử hiệu năng",
            level="central",
            status=Plan.Status.ACTIVE,
            period_start=FIRST_YEAR,
            period_end=FIRST_YEAR + options["cycles"] - 1,
        )
        cycles = ReportingCycle.objects.bulk_create(
            [
                ReportingCycle(
                    plan=plan,
                    kind="annual",
                    year=year,
                    period_start=dt.date(year - 1, 12, 15),
                    period_end=dt.date(year, 12, 14),
                    label=f"Báo cáo năm {year}",
                )
                for year in range(FIRST_YEAR, FIRST_YEAR + options["cycles"])
            ]
        )
        country, provinces, communes, parent = build_tree(options["units"])
        units = [country, *provinces, *communes]
        catalogue = build_catalogue(options["indicators"])
        connection.ensure_connection()
        raw = connection.connection.cursor()
        subs_rows: list[tuple[int, int, int]] = []
        progress = ProgressBar("Nạp số liệu")
        for k, cycle in enumerate(cycles):
            with connection.cursor() as cursor:
                cursor.executemany(
                    "INSERT INTO reporting_submission (cycle_id, unit_id, status, simulated, created_at, updated_at, "
                    "return_reason, version) VALUES (%s, %s, 'approved', %s, %s, %s, '', 1)",
                    [(cycle.pk, u, True, "2026-01-01 00:00:00", "2026-01-01 00:00:00") for u in units],
                )
                cursor.execute(
                    "SELECT id, unit_id FROM reporting_submission WHERE cycle_id = %s ORDER BY id", [cycle.pk]
                )
                pairs = cursor.fetchall()
            subs_rows += [(sid, cycle.pk, uid) for sid, uid in pairs]
            frames.append(load_cycle_values(raw, vendor, np.array([p[0] for p in pairs]), catalogue, rng))
            progress(k + 1, len(cycles))
        raw.close()
    if vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    subs = pd.DataFrame(subs_rows, columns=["submission_id", "cycle_id", "unit_id"])
    return {
        "plan": plan,
        "cycles": [c.pk for c in cycles],
        "country": country,
        "communes": communes,
        "parent": parent,
        "catalogue": catalogue,
        "frames": frames,
        "subs": subs,
    }
