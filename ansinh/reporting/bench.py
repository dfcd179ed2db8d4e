"""``ansinh bench rollup``: national roll-up on synthetic data in a scratch database.

Builds 1 country, 34 provinces and the rest communes (3,356 units by default), ``--indicators``
catalogue indicators (60 % ratios, 25 % sums, 10 % means, 5 % maxima) and ``--cycles`` annual
cycles, every unit reporting every indicator in every cycle (approved). The scratch database is a
SQLite file under ``ANSINH_DATA_DIR`` or, when ``DATABASE_URL`` names PostgreSQL, a scratch
database next to it; it replaces the default connection for the run and is removed afterwards
(``--keep`` keeps it). Values are bulk-loaded (executemany on SQLite, COPY on PostgreSQL).

Measured: ``load_s``; ``recompute_s`` (``rollup.recompute_all``: every aggregate at every level);
``query_p50_ms``/``query_p95_ms`` (national progress of one random indicator: its series over
the cycles, status and forecast); ``approve_to_visible_ms`` (``do_approve`` of one returned
commune report until the national figure includes it again); ``pandas_recompute_s`` (the same
roll-up as a pandas groupby over the same values, already in memory), with ``pandas_frame_s``
(building that frame) reported apart, ``pandas_from_db_s`` (reading the values from the database
with ``read_sql`` and rolling up: the like-for-like comparison), and ``check_max_abs_diff`` between the two results.
``sql_scan_floor_s`` (one ungrouped pass over every value: four sums) and ``sql_group_floor_s`` (only
``COUNT(*)`` grouped by cycle, indicator and the commune's parent) bound what any SQL roll-up on this
database can reach: the second is the sort every grouped pass pays.
``*_cpu_s`` are this process's CPU seconds (on SQLite they include the SQL engine), useful when
the machine is shared; ``load_average`` is printed for the same reason.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import numpy as np
import pandas as pd
from django.db import connection

from ansinh.core import bench_db
from ansinh.reporting.bench_data import load

Write = Callable[[str], None]
ALIAS = "default"
QUERY_REPEAT = 200
VALUE_COLUMNS = (
    "submission_id, indicator_id, value, numerator, denominator, status, comment, flags, updated_at"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--units", type=int, default=3356, help="số đơn vị hành chính (mặc định 3356)")
    parser.add_argument("--indicators", type=int, default=200, help="số chỉ tiêu (mặc định 200)")
    parser.add_argument("--cycles", type=int, default=10, help="số kỳ báo cáo năm (mặc định 10)")
    parser.add_argument("--seed", type=int, default=42, help="hạt giống ngẫu nhiên")
    parser.add_argument("--keep", action="store_true", help="giữ lại cơ sở dữ liệu tạm sau khi đo")
    parser.add_argument("--json", action="store_true", help="in một đối tượng JSON")


def scratch_database(write: Write, keep: bool) -> AbstractContextManager[str]:
    """The roll-up bench's scratch database (also used by ``bench pages``)."""
    return bench_db.scratch_database(write, keep, "rollup")



def pandas_rollup(state: dict[str, Any]) -> tuple[pd.DataFrame, float, float]:
    """The same roll-up with pandas: (national rows, seconds to build the frame, seconds to roll up)."""
    started = time.perf_counter()
    values = pd.concat(state["frames"], ignore_index=True)
    framed = time.perf_counter()
    df = values.merge(state["subs"], on="submission_id")
    df = df[df["unit_id"].isin(set(state["communes"]))]
    df["parent"] = df["unit_id"].map(state["parent"])
    keys = ["cycle_id", "indicator_id"]

    def finish(frame: pd.DataFrame) -> pd.DataFrame:
        frame = frame.merge(state["catalogue"], on="indicator_id")
        frame["result"] = np.select(
            [frame["aggregation"] == "sum", frame["aggregation"] == "max", frame["aggregation"] == "mean"],
            [frame["vsum"], frame["vmax"], frame["vsum"] / frame["n"]],
            frame["num"] / frame["den"] * frame["scale"],
        )
        return frame

    provinces = (
        df.groupby([*keys, "parent"], sort=False)
        .agg(
            vsum=("value", "sum"),
            vmax=("value", "max"),
            num=("numerator", "sum"),
            den=("denominator", "sum"),
            n=("value", "size"),
        )
        .reset_index()
    )
    provinces = finish(provinces)
    nation = (
        provinces.groupby(keys, sort=False)
        .agg(
            vsum=("vsum", "sum"), vmax=("vmax", "max"), num=("num", "sum"), den=("den", "sum"), n=("n", "sum")
        )
        .reset_index()
    )
    nation = finish(nation)
    done = time.perf_counter()
    return nation, framed - started, done - framed


def pandas_from_db(state: dict[str, Any]) -> float:
    """The pandas roll-up again, this time reading the values from the database first (seconds)."""
    import warnings

    started = time.perf_counter()
    connection.ensure_connection()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # pandas prefers SQLAlchemy over a DB-API connection
        values = pd.read_sql_query(
            "SELECT submission_id, indicator_id, value, numerator, denominator FROM reporting_indicatorvalue",
            connection.connection,
        )
    pandas_rollup({**state, "frames": [values]})
    return time.perf_counter() - started


def sql_floors() -> tuple[float, float]:
    """Seconds of the cheapest ungrouped pass and of the cheapest grouped pass over every value."""
    with connection.cursor() as cursor:
        started = time.perf_counter()
        cursor.execute(
            "SELECT SUM(value), SUM(numerator), SUM(denominator), COUNT(*) FROM reporting_indicatorvalue"
        )
        cursor.fetchall()
        scanned = time.perf_counter()
        cursor.execute(
            "SELECT COUNT(*) FROM reporting_indicatorvalue v "
            "JOIN reporting_submission s ON s.id = v.submission_id "
            "JOIN geo_administrativeunit u ON u.id = s.unit_id "
            "GROUP BY s.cycle_id, v.indicator_id, u.parent_id"
        )
        cursor.fetchall()
        grouped = time.perf_counter()
    return scanned - started, grouped - scanned


def national_progress(indicator_id: int, country: int) -> Any:
    from ansinh.reporting.models import AggregateValue, Indicator
    from ansinh.reporting.progress import Goal, linear_forecast, target_status

    indicator = Indicator.objects.get(pk=indicator_id)
    series = [
        (year, value)
        for year, value in AggregateValue.objects.filter(indicator_id=indicator_id, unit_id=country)
        .order_by("cycle__year")
        .values_list("cycle__year", "value")
        if value is not None
    ]
    final_year = series[-1][0] + 5
    forecast = linear_forecast(series, final_year)
    return target_status(
        indicator.direction, indicator.value_type, series[-1][1], None, Goal(">=", 50), forecast
    )


def approve_to_visible(state: dict[str, Any]) -> tuple[float, bool]:
    from ansinh.reporting.actions import do_approve, do_return, do_submit
    from ansinh.reporting.models import AggregateValue, Submission

    catalogue = state["catalogue"]
    indicator_id = int(catalogue[catalogue["aggregation"] == "sum"]["indicator_id"].iloc[0])
    cycle_id = state["cycles"][-1]
    submission = Submission.objects.get(cycle_id=cycle_id, unit_id=random.Random(1).choice(state["communes"]))

    def national() -> float | None:
        row = AggregateValue.objects.filter(
            cycle_id=cycle_id, indicator_id=indicator_id, unit_id=state["country"]
        )
        return row.values_list("value", flat=True).first()

    before = national()
    do_return(None, submission, "Đo hiệu năng: trả lại rồi phê duyệt lại")
    without = national()
    do_submit(None, submission)
    started = time.perf_counter()
    do_approve(None, submission)
    visible = national()
    elapsed = (time.perf_counter() - started) * 1000
    ok = before is not None and visible is not None and without != before and abs(visible - before) < 1e-6
    return elapsed, ok


def run(options: dict[str, Any], write: Write) -> dict[str, Any]:
    from ansinh.reporting.models import AggregateValue
    from ansinh.reporting.rollup import recompute_all

    options = {
        "units": 3356,
        "indicators": 200,
        "cycles": 10,
        "seed": 42,
        "keep": False,
        **{k: v for k, v in options.items() if v is not None},
    }
    if min(options["units"], options["indicators"], options["cycles"]) < 1 or options["units"] < 3:
        raise SystemExit("Cần ít nhất 3 đơn vị, 1 chỉ tiêu và 1 kỳ báo cáo.")
    result: dict[str, Any] = {}
    with scratch_database(write, options["keep"]) as label:
        started = time.perf_counter()
        state = load(options, write)
        result["database"] = connection.vendor
        result["scratch"] = label
        result["units"] = 1 + len(state["parent"])
        result["indicators"] = options["indicators"]
        result["cycles"] = options["cycles"]
        result["values"] = int(sum(len(f) for f in state["frames"]))
        result["load_s"] = round(time.perf_counter() - started, 2)
        write(f"Đã nạp {result['values']:,} số liệu trong {result['load_s']} giây; tính lại toàn bộ…")
        started, cpu = time.perf_counter(), time.process_time()
        result["aggregates"] = recompute_all()
        result["recompute_s"] = round(time.perf_counter() - started, 2)
        result["recompute_client_cpu_s"] = round(time.process_time() - cpu, 2)
        rng = random.Random(options["seed"])
        ids = state["catalogue"]["indicator_id"].tolist()
        timings = []
        for _ in range(QUERY_REPEAT):
            begin = time.perf_counter()
            national_progress(rng.choice(ids), state["country"])
            timings.append((time.perf_counter() - begin) * 1000)
        result["query_p50_ms"] = round(statistics.median(timings), 2)
        result["query_p95_ms"] = round(statistics.quantiles(timings, n=20)[-1], 2)
        elapsed, ok = approve_to_visible(state)
        result["approve_to_visible_ms"] = round(elapsed, 1)
        result["approve_visible_check"] = ok
        cpu = time.process_time()
        nation, frame_s, pandas_s = pandas_rollup(state)
        result["pandas_cpu_s"] = round(time.process_time() - cpu, 2)
        result["pandas_frame_s"] = round(frame_s, 2)
        result["pandas_recompute_s"] = round(pandas_s, 2)
        result["pandas_from_db_s"] = round(pandas_from_db(state), 2)
        scan_s, group_s = sql_floors()
        result["sql_scan_floor_s"] = round(scan_s, 2)
        result["sql_group_floor_s"] = round(group_s, 2)
        sql = {
            (c, i): v
            for c, i, v in AggregateValue.objects.filter(unit_id=state["country"]).values_list(
                "cycle_id", "indicator_id", "value"
            )
        }
        diffs = [abs(sql[(r.cycle_id, r.indicator_id)] - r.result) for r in nation.itertuples()]
        result["check_max_abs_diff"] = float(max(diffs)) if diffs else None
        result["load_average"] = [round(x, 2) for x in os.getloadavg()]
    if not options.get("json"):
        for key, value in result.items():
            write(f"{key}: {value}")
    return result
