"""``ansinh bench benefits --beneficiaries N``: a month's entitlements and payment lists for N beneficiaries.

In a scratch database (as ``ansinh bench registry``), with Hồ Chí Minh City's wards and communes:
N simulated persons, each with a dossier and a granted decision (social assistance K5c and K6,
social pension from 75 and 70–74 without a household class, a martyr's relative's allowance, K1
children), 0,5% recorded as deceased, 60% with an approved bank account, 10% an e-wallet, 5% the post
office (written set-based, not timed). Then:

- ``run_s``: ``payrun.run_month`` for August 2025 over every commune — entitlements computed and
  stored (``entitlements.compute_month``/``store_month``), payment lists and lines built
  (``payrun.build_lists``), in one transaction;
- ``list_page_ms``: the median time of the largest commune's bank-account list page (first page of
  50 lines), as an administrator, through the Django test client (``list_page_queries`` its queries).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import time
from collections.abc import Callable
from typing import Any

import numpy as np

Write = Callable[[str], None]
MONTH = dt.date(2025, 8, 1)
# (programme, category, conditions, birth-year range)
MIX = (
    ("tro-cap-xa-hoi", "K5c", '["khong_luong_huu"]', (1925, 1944), 0.35),
    ("huu-tri-xa-hoi", "HTXH-75", '["khong_luong_huu"]', (1935, 1949), 0.30),
    ("tro-cap-xa-hoi", "K6-nang", '["khuyet_tat_nang"]', (1970, 2005), 0.12),
    ("uu-dai-nguoi-co-cong", "than-nhan-1-liet-si", '["than_nhan_1_liet_si"]', (1930, 1960), 0.12),
    ("tro-cap-xa-hoi", "K1-tu4", '["k1_khong_nguon_nuoi_duong"]', (2012, 2020), 0.10),
    ("huu-tri-xa-hoi", "HTXH-70", '["khong_luong_huu"]', (1951, 1954), 0.01),
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--beneficiaries", type=int, default=50_000, help="số người hưởng (mặc định 50000)")
    parser.add_argument("--seed", type=int, default=7, help="hạt giống ngẫu nhiên")
    parser.add_argument("--keep", action="store_true", help="giữ lại cơ sở dữ liệu tạm sau khi đo")
    parser.add_argument("--json", action="store_true", help="in một đối tượng JSON")


def _populate(n: int, seed: int, write: Write) -> None:
    from django.db import transaction
    from django.utils import timezone

    from ansinh.benefits.models import Programme
    from ansinh.benefits.programmes import load_programmes
    from ansinh.geo.loader import load_units, package_rows
    from ansinh.geo.models import AdministrativeUnit
    from ansinh.registry.bulk import PERSON_COLUMNS, insert

    load_units(package_rows(["79"]))
    load_programmes()
    programmes = dict(Programme.objects.values_list("code", "pk"))
    communes = list(AdministrativeUnit.objects.filter(level="commune", path__contains="/79/").values_list("pk", flat=True))
    rng = np.random.default_rng(seed)
    commune_of = np.sort(rng.integers(0, len(communes), n))
    weights = np.array([m[4] for m in MIX])
    kind = rng.choice(len(MIX), n, p=weights / weights.sum())
    dead = rng.random(n) < 0.005
    channel_draw = rng.random(n)
    day = rng.integers(1, 29, n)
    month = rng.integers(1, 13, n)
    span = rng.random(n)
    now = timezone.now()
    write(f"Tạo {n:,} người hưởng, hồ sơ, quyết định và tài khoản mô phỏng (không tính giờ)…")
    dossier_cols = ("id", "person_id", "programme_id", "commune_id", "province_code", "received_on", "due_on", "status", "version", "created_at")
    decision_cols = ("id", "dossier_id", "person_id", "programme_id", "granted", "category_code", "conditions", "number", "signed_on",
                     "effective_from", "province_code", "reason", "created_at")
    account_cols = ("id", "person_id", "channel", "provider", "account_number", "holder_name", "status", "reason", "decision_note",
                    "requested_at", "commune_id", "province_code", "version")
    with transaction.atomic():
        step = 100_000
        for start in range(0, n, step):
            stop = min(n, start + step)
            persons, dossiers, decisions, accounts = [], [], [], []
            for i in range(start, stop):
                prog, cat, cond, (y0, y1), _ = MIX[kind[i]]
                birth = dt.date(int(y0 + span[i] * (y1 - y0)), int(month[i]), int(day[i]))
                commune = communes[commune_of[i]]
                pid = i + 1
                death = dt.date(2025, 6, 10) if dead[i] else None
                name = f"Người hưởng {pid}"
                persons.append((pid, f"BN{pid:09d}", name, f"nguoi huong {pid}", birth, "ngay", "nu" if i % 2 else "nam", "", "Kinh", "",
                                not dead[i], death, commune, "79", "", True, 1, now, now, None, ""))
                dossiers.append((pid, pid, programmes[prog], commune, "79", dt.date(2024, 12, 2), dt.date(2024, 12, 16), "da_quyet_dinh", 2, now))
                decisions.append((pid, pid, pid, programmes[prog], True, cat, cond, f"{pid}/QĐ-UBND", dt.date(2025, 1, 6),
                                  dt.date(2025, 1, 1), "79", "", now))
                draw = channel_draw[i]
                if draw < 0.75:
                    channel = "tai_khoan" if draw < 0.60 else ("vi_dien_tu" if draw < 0.70 else "buu_dien")
                    number = f"{1_000_000_000 + pid}" if channel != "buu_dien" else ""
                    accounts.append((pid, pid, channel, "Agribank" if channel == "tai_khoan" else ("MoMo" if channel == "vi_dien_tu" else "Bưu điện"),
                                     number, name, "da_duyet", "mô phỏng", "", now, commune, "79", 1))
            insert("registry_person", PERSON_COLUMNS, persons)
            insert("benefits_dossier", dossier_cols, dossiers)
            insert("benefits_decision", decision_cols, decisions)
            insert("benefits_bankaccount", account_cols, accounts)
            write(f"  {stop:,}")


def _page_ms(write: Write) -> tuple[float, int, int]:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from ansinh.accounts.models import RoleAssignment
    from ansinh.benefits.models import PaymentList

    plist = PaymentList.objects.filter(channel="tai_khoan").annotate(n=Count("lines")).order_by("-n").first()
    assert plist is not None
    user = get_user_model().objects.create(username="bench-admin", full_name="Quản trị đo")
    RoleAssignment.objects.create(user=user, role="admin")
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    url = f"/chi-tra/danh-sach/{plist.pk}/"
    assert client.get(url).status_code == 200
    samples = []
    for _ in range(7):
        t0 = time.perf_counter()
        response = client.get(url)
        samples.append(time.perf_counter() - t0)
        assert response.status_code == 200
    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    write(f"Trang danh sách {url}: {plist.lines_count:,} người")
    return round(statistics.median(samples) * 1000, 1), len(ctx.captured_queries), plist.lines_count


def run(options: dict[str, Any], write: Write) -> dict[str, Any]:
    from django.db import transaction

    from ansinh.benefits.payrun import run_month
    from ansinh.registry.bench import scratch_database

    n = int(options["beneficiaries"])
    with scratch_database(write, options.get("keep", False)) as label:
        _populate(n, int(options["seed"]), write)
        write(f"Tính mức hưởng và lập danh sách chi trả tháng {MONTH:%m/%Y}…")
        t0, c0 = time.perf_counter(), time.process_time()
        with transaction.atomic():
            result = run_month(MONTH)
        run_s, run_cpu = time.perf_counter() - t0, time.process_time() - c0
        page_ms, page_queries, page_lines = _page_ms(write)
    out: dict[str, Any] = {
        "beneficiaries": n,
        "run_s": round(run_s, 3),
        "list_page_ms": page_ms,
        "run_cpu_s": round(run_cpu, 3),
        "entitlements": result.entitlements,
        "signatures": result.signatures,
        "lines": result.lines,
        "lists": result.lists,
        "skipped_deceased": result.skipped_deceased,
        "total_vnd": result.total,
        "list_page_queries": page_queries,
        "list_page_lines": page_lines,
        "database": label,
        "load_average": round(os.getloadavg()[0], 2),
    }
    if not options.get("json"):
        for key, value in out.items():
            write(f"{key}: {value}")
    return out
