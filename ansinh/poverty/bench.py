"""``ansinh bench poverty --households N``: classifying stored households, pure rule rate, province summary.

In a scratch database (as ``ansinh bench registry``), with Hồ Chí Minh City's 168 wards and
communes: N simulated households and one 2025 review round per commune with a survey entry per
household (written set-based, not timed). Then:

- ``classify_s``: ``bulk.classify_entries`` over every round — reading the entries, evaluating the
  NĐ 07/2021 rule, writing each entry's class;
- ``rule_rate``: households per second through ``rules.classify_arrays`` alone (arrays in memory);
- ``recognise_s``: writing the year's statuses and each commune's stored summary (``bulk.recognise_entries``);
- ``summary_s``: the province's summary tables as the pages read them (``summary.stored_summary``);
  ``summary_live_s``: the same tables computed from the statuses (``summary.summarise``).

``*_cpu_s`` are this process's CPU seconds for the same step (SQLite runs in-process), which tell
a slow machine from a busy one; ``load_average`` is the 1-minute load when the run ended.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import time
from collections.abc import Callable
from typing import Any

import numpy as np

Write = Callable[[str], None]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--households", type=int, default=100_000, help="số hộ (mặc định 100000)")
    parser.add_argument("--seed", type=int, default=7, help="hạt giống ngẫu nhiên")
    parser.add_argument("--keep", action="store_true", help="giữ lại cơ sở dữ liệu tạm sau khi đo")
    parser.add_argument("--json", action="store_true", help="in một đối tượng JSON")


def _populate(n: int, seed: int, write: Write) -> tuple[list[int], Any]:
    from django.db import connection, transaction

    from ansinh.geo.loader import load_units, package_rows
    from ansinh.geo.models import AdministrativeUnit
    from ansinh.poverty.models import ReviewRound
    from ansinh.poverty.standards import by_code, load_standards
    from ansinh.registry.bulk import HOUSEHOLD_COLUMNS, insert

    load_units(package_rows(["79"]))
    load_standards()
    standard = by_code("nd07-2021")
    communes = list(AdministrativeUnit.objects.filter(level="commune", path__contains="/79/").values_list("pk", flat=True))
    rng = np.random.default_rng(seed)
    now = dt.datetime.now(dt.UTC)
    # a commune's households are imported together and a round's entries are listed together (step 1)
    commune_of = np.sort(rng.integers(0, len(communes), n))
    urban = rng.random(n) < 0.8
    income = np.where(urban, rng.integers(800_000, 6_000_000, n), rng.integers(600_000, 4_000_000, n))
    deprivations = rng.binomial(12, 0.15, n)
    masks = [(1 << int(d)) - 1 for d in deprivations]
    write(f"Tạo {n:,} hộ và phiếu khảo sát mô phỏng (không tính giờ)…")
    with transaction.atomic():
        rounds = ReviewRound.objects.bulk_create(
            ReviewRound(commune_id=c, year=2025, standard=standard, step=ReviewRound.Step.SURVEY, simulated=True) for c in communes
        )
        round_ids = [r.pk for r in rounds]
        step = 100_000
        for start in range(0, n, step):
            stop = min(n, start + step)
            insert("registry_household", HOUSEHOLD_COLUMNS, [
                (i + 1, f"B{i + 1}", communes[commune_of[i]], "79", "", "thanh_thi" if urban[i] else "nong_thon", None, True, 1, now, now, None, "")
                for i in range(start, stop)
            ])
            rows = [
                (i + 1, round_ids[commune_of[i]], i + 1, "du_lieu", "", "thanh_thi" if urban[i] else "nong_thon", 4, "Kinh",
                 int(income[i]), masks[i], int(deprivations[i]), "", "", 1, "thu_nhap", "{}")
                for i in range(start, stop)
            ]
            with connection.cursor() as cursor:
                cursor.executemany(
                    "INSERT INTO poverty_reviewentry (id, round_id, household_id, listed_because, listed_note, area, persons, "
                    "ethnic_group, income, deprivation_mask, deprivations, proposed_class, meeting_class, version, income_method, "
                    "score_answers) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                    rows,
                )
    return round_ids, standard


def run(options: dict[str, Any], write: Write) -> dict[str, Any]:
    from django.db import transaction

    from ansinh.poverty.bulk import classify_entries, recognise_entries
    from ansinh.poverty.rules import classify_arrays
    from ansinh.poverty.summary import stored_summary, summarise
    from ansinh.registry.bench import scratch_database

    n = int(options["households"])
    with scratch_database(write, options.get("keep", False)) as label:
        round_ids, standard = _populate(n, int(options["seed"]), write)
        write("Phân loại các hộ đã lưu…")
        t0, c0 = time.perf_counter(), time.process_time()
        with transaction.atomic():
            counts = classify_entries(round_ids, standard)
        classify_s, classify_cpu = time.perf_counter() - t0, time.process_time() - c0
        rng = np.random.default_rng(1)
        income = rng.integers(0, 5_000_000, n).astype(np.int64)
        dep = rng.integers(0, 13, n).astype(np.int8)
        urban = rng.random(n) < 0.5
        rule = standard.rule()
        t0 = time.perf_counter()
        classify_arrays(rule, income, dep, urban)
        rule_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        with transaction.atomic():
            recognised = recognise_entries(round_ids, 2025, standard.pk, dt.date(2025, 11, 30))
        recognise_s = time.perf_counter() - t0
        t0, c0 = time.perf_counter(), time.process_time()
        summary = stored_summary(2025, standard, "79")
        summary_s, summary_cpu = time.perf_counter() - t0, time.process_time() - c0
        t0 = time.perf_counter()
        live = summarise(2025, standard, "79")
        live_s = time.perf_counter() - t0
        assert (live.total.poor, live.total.near) == (summary.total.poor, summary.total.near)
    result: dict[str, Any] = {
        "households": n,
        "classify_s": round(classify_s, 3),
        "rule_rate": round(n / rule_s) if rule_s else None,
        "classify_cpu_s": round(classify_cpu, 3),
        "recognise_s": round(recognise_s, 3),
        "summary_s": round(summary_s, 3),
        "summary_cpu_s": round(summary_cpu, 3),
        "summary_live_s": round(live_s, 3),
        "classes": counts,
        "recognised": recognised,
        "province_poor": summary.total.poor,
        "province_near_poor": summary.total.near,
        "communes": len(summary.lines),
        "database": label,
        "load_average": round(os.getloadavg()[0], 2),
    }
    if not options.get("json"):
        for key, value in result.items():
            write(f"{key}: {value}")
    return result
