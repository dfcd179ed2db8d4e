"""``ansinh bench registry --persons N``: import rate, search and person-page latency, peak memory.

In a scratch database (SQLite under ``ANSINH_DATA_DIR``, or ``<DATABASE_URL name>_bench`` on
PostgreSQL), with Hồ Chí Minh City's units loaded: a simulated file of N persons spread over the
city's communes is written (not timed), then imported through ``ansinh registry import``'s code
path, validation included (``import_s``, ``import_rate``). Then, through the web views as a
province officer (every person in scope, the harder case) and as a ward officer: searches by name
words in shuffled order, personal ID, registry code and household code (``search_*``), and person
pages (``person_page_p95_ms``), each a full request (view, template, privacy-log write); and the
same province searches without the request around them (``search_query_*``).
``peak_rss_mb`` is this process's maximum resident memory.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import statistics
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from django.conf import settings
from django.test import Client

from ansinh.core import bench_db
from ansinh.registry.tabular import COLUMNS

Write = Callable[[str], None]
ALIAS = "default"
REPEAT = 200


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--persons", type=int, default=100_000, help="số nhân khẩu (mặc định 100000)")
    parser.add_argument("--seed", type=int, default=7, help="hạt giống ngẫu nhiên")
    parser.add_argument("--keep", action="store_true", help="giữ lại cơ sở dữ liệu tạm sau khi đo")
    parser.add_argument("--reuse", action="store_true", help="dùng lại cơ sở dữ liệu tạm đã giữ (--keep), chỉ đo tìm kiếm và trang nhân khẩu")
    parser.add_argument("--json", action="store_true", help="in một đối tượng JSON")


def scratch_database(write: Write, keep: bool, reuse: bool = False) -> AbstractContextManager[str]:
    """The registry benches' scratch database (also used by the poverty and dedup benches)."""
    return bench_db.scratch_database(write, keep, "registry", reuse)



def _write_file(path: Path, persons: int, communes: list[str], seed: int) -> int:
    from ansinh.registry.simulate import generate

    n = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(COLUMNS)
        for row in generate(persons // 3 + 10, communes, seed):
            writer.writerow(row)
            n += 1
            if n >= persons:
                break
    return n


def _ms(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return round(statistics.median(ordered) * 1000, 1), round(ordered[int(len(ordered) * 0.95) - 1] * 1000, 1)


def _client(user: Any) -> Client:
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


def _queries(rng: random.Random, sample: list[tuple[str, str, str, str]]) -> list[str]:
    out = []
    for i in range(REPEAT):
        name, personal_id, code, household = rng.choice(sample)
        kind = i % 5
        if kind in (0, 1):
            words = name.split()
            rng.shuffle(words)
            out.append(" ".join(words))
        elif kind == 2:
            words = name.split()
            out.append(f"{words[-1]} {words[0]}")
        elif kind == 3:
            out.append(personal_id or code)
        else:
            out.append(household if i % 10 == 4 else code)
    return out


def _import(persons: int, seed: int, write: Write) -> dict[str, Any]:
    from ansinh.geo.loader import load_units, package_rows
    from ansinh.geo.models import AdministrativeUnit
    from ansinh.registry.importer import import_file

    load_units(package_rows(["79"]))
    communes = list(AdministrativeUnit.objects.filter(level="commune", path__startswith="/VN/79/").values_list("code", flat=True))
    path = Path(settings.DATA_DIR) / "bench-registry.csv"
    started = time.monotonic()
    rows = _write_file(path, persons, communes, seed)
    write(f"Tệp mô phỏng: {rows} dòng, {len(communes)} xã phường ({time.monotonic() - started:.1f} giây, không tính)")
    cpu0 = time.process_time()
    started = time.monotonic()
    report = import_file(path)
    import_s = time.monotonic() - started
    import_cpu = time.process_time() - cpu0
    path.unlink(missing_ok=True)
    write(f"Nhập: {report.persons_created} nhân khẩu, {report.households_created} hộ trong {import_s:.1f} giây")
    return {"import_s": round(import_s, 2), "import_rate": round(report.persons_created / import_s) if import_s else 0,
            "import_cpu_s": round(import_cpu, 2)}


def run(options: dict[str, Any], write: Write) -> dict[str, Any]:
    from ansinh.accounts.models import RoleAssignment, User
    from ansinh.geo.models import AdministrativeUnit
    from ansinh.registry.models import Person

    seed, reuse = options["seed"], options.get("reuse", False)
    with scratch_database(write, options["keep"] or reuse, reuse) as label:
        results: dict[str, Any] = {"database": label}
        if reuse:
            write("Dùng lại dữ liệu đã nhập; không đo lại tốc độ nhập.")
            results.update(import_s=None, import_rate=None)
        else:
            results.update(_import(options["persons"], seed, write))
        results["persons"] = Person.objects.count()
        rng = random.Random(seed)
        communes = list(AdministrativeUnit.objects.filter(level="commune", path__startswith="/VN/79/").values_list("code", flat=True))
        province, _ = User.objects.get_or_create(username="bench_tinh", defaults={"full_name": "Cán bộ tỉnh (đo)"})
        RoleAssignment.objects.get_or_create(user=province, role="standing", unit=AdministrativeUnit.objects.in_force("79"))
        ward_unit = AdministrativeUnit.objects.in_force(communes[0])
        ward, _ = User.objects.get_or_create(username="bench_xa", defaults={"full_name": "Cán bộ xã (đo)"})
        RoleAssignment.objects.get_or_create(user=ward, role="commune", unit=ward_unit)
        total = Person.objects.count()
        picks = [rng.randrange(1, total + 1) for _ in range(400)]
        fields = ("full_name", "personal_id", "registry_code", "memberships__household__code")
        sample = list(Person.objects.filter(pk__in=picks).values_list(*fields))
        ward_sample = list(Person.objects.filter(commune=ward_unit).order_by("?").values_list(*fields)[:200])
        for who, user, pool in (("search", province, sample), ("search_commune", ward, ward_sample)):
            client = _client(user)
            timings = []
            for query in _queries(rng, pool):
                t = time.perf_counter()
                response = client.get("/so-ho/", {"q": query})
                timings.append(time.perf_counter() - t)
                assert response.status_code == 200
            results[f"{who}_p50_ms"], results[f"{who}_p95_ms"] = _ms(timings)
        # the search alone (scope, word counts, the matching join, the page's persons), in this
        # process without the request around it (session, privacy log, template)
        from ansinh.registry.search import search_persons

        timings = []
        for query in _queries(rng, sample):
            t = time.perf_counter()
            search_persons(province, query)
            timings.append(time.perf_counter() - t)
        results["search_query_p50_ms"], results["search_query_p95_ms"] = _ms(timings)
        client = _client(province)
        timings = []
        for _, _, code, _ in (rng.choice(sample) for _ in range(REPEAT)):
            t = time.perf_counter()
            response = client.get(f"/so-ho/nhan-khau/{code}/")
            timings.append(time.perf_counter() - t)
            assert response.status_code == 200
        results["person_page_p50_ms"], results["person_page_p95_ms"] = _ms(timings)
        results["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        results["load_average"] = round(os.getloadavg()[0], 2)
    for key, value in results.items():
        write(f"  {key}: {value}")
    return results
