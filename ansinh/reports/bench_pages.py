"""``ansinh bench pages``: server time of the hot pages over the demo data or a national filler.

In a scratch database (as ``ansinh bench rollup``), either the demo (``--data demo``: HCMC's plan,
168 wards, simulated reports) or the national filler of ``reporting.bench_data`` (``--data
national``: ``--units`` units, ``--indicators`` indicators linked to plan targets, ``--cycles``
annual cycles, every unit reporting, every commune on ``--tasks`` tasks) is loaded; then each page is requested ``--repeat`` times
through Django's test client (server time in this process: routing, queries, rendering; no
network) and its p50/p95, query count and size are printed, with the report data of the whole
area (``collect_report_data``) and sequential approvals per second (``do_approve`` of commune
reports returned to "submitted" for the run).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import math
import os
import statistics
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

Write = Callable[[str], None]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", choices=("demo", "national"), default="demo", help="dữ liệu demo (TP. HCM) hoặc toàn quốc mô phỏng")
    parser.add_argument("--units", type=int, default=3356, help="số đơn vị khi --data national (mặc định 3356)")
    parser.add_argument("--indicators", type=int, default=30, help="số chỉ tiêu khi --data national (mặc định 30)")
    parser.add_argument("--tasks", type=int, default=20, help="số nhiệm vụ mỗi xã báo cáo khi --data national (mặc định 20)")
    parser.add_argument("--cycles", type=int, default=2, help="số kỳ báo cáo năm khi --data national (mặc định 2)")
    parser.add_argument("--repeat", type=int, default=20, help="số lần đo mỗi trang (mặc định 20)")
    parser.add_argument("--approvals", type=int, default=50, help="số lần phê duyệt để đo (mặc định 50)")
    parser.add_argument("--seed", type=int, default=42, help="hạt giống ngẫu nhiên")
    parser.add_argument("--skip-pages", action="store_true", help="chỉ đo dữ liệu báo cáo và phê duyệt, bỏ qua các trang")
    parser.add_argument("--keep", action="store_true", help="giữ lại cơ sở dữ liệu tạm sau khi đo")
    parser.add_argument("--json", action="store_true", help="in một đối tượng JSON")


def _national(options: dict[str, Any], write: Write) -> tuple[Any, Any]:
    from ansinh.plans.models import Target
    from ansinh.reporting.bench_data import load
    from ansinh.reporting.models import Indicator, TargetIndicatorLink
    from ansinh.reporting.recompute import recompute_all

    state = load({**options, "seed": options["seed"]}, write)
    recompute_all()
    _comments()
    plan = state["plan"]
    targets = Target.objects.bulk_create(
        [
            Target(plan=plan, text=i.name, indicator_name=i.name, comparator=">=", value=50, year=plan.period_end, position=n)
            for n, i in enumerate(Indicator.objects.order_by("pk"))
        ]
    )
    TargetIndicatorLink.objects.bulk_create(
        [TargetIndicatorLink(target=t, indicator=i, confirmed=True) for t, i in zip(targets, Indicator.objects.order_by("pk"), strict=False)]
    )
    _tasks(plan, options.get("tasks", 20))
    from ansinh.geo.models import AdministrativeUnit

    return plan, AdministrativeUnit.objects.get(pk=state["country"])


def _tasks(plan: Any, n: int) -> None:
    """``n`` plan tasks on which every commune reports in every cycle (a third completed on the
    cycle's last day, a third in progress), as the submission form collects them: what the
    progress page sums up per task for the country."""
    from ansinh.plans.models import Task

    Task.objects.bulk_create(
        [Task(plan=plan, number=f"{i + 1}.", title=f"Nhiệm vụ thử {i + 1:02d}", timeline="Năm 2030", position=i) for i in range(n)]
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO reporting_taskprogress (submission_id, task_id, status, deadline, completed_on, result, difficulties, proposals) "
            "SELECT s.id, t.id, CASE (s.id + t.id) %% 3 WHEN 0 THEN 'completed' WHEN 1 THEN 'in_progress' ELSE 'not_started' END, "
            "NULL, CASE (s.id + t.id) %% 3 WHEN 0 THEN c.period_end END, '', '', '' "
            "FROM reporting_submission s JOIN reporting_reportingcycle c ON c.id = s.cycle_id "
            "JOIN geo_administrativeunit u ON u.id = s.unit_id JOIN plans_task t ON t.plan_id = c.plan_id "
            "WHERE c.plan_id = %s AND u.level = 'commune'",
            [plan.pk],
        )


def _comments() -> None:
    """As the demo writes them: every value carries the simulated-data comment; one in ten an
    explanation of a missed milestone (what the report's "causes" collect)."""
    import json

    from ansinh.reporting.models import SIMULATED_LABEL
    from ansinh.reporting.validation import MISSED_MILESTONE

    flags = "CAST(%s AS jsonb)" if connection.vendor == "postgresql" else "%s"
    with connection.cursor() as cursor:
        cursor.execute("UPDATE reporting_indicatorvalue SET comment = %s", [SIMULATED_LABEL])
        cursor.execute(
            f"UPDATE reporting_indicatorvalue SET comment = %s, flags = {flags} WHERE id %% 10 = 0",
            ["Thiếu nguồn lực thực hiện", json.dumps([f"{MISSED_MILESTONE} năm 2017 (50 %)."], ensure_ascii=False)],
        )
        if connection.vendor == "postgresql":
            # statistics of the rewritten comments, as autovacuum would gather them: without them the
            # planner takes the explanations for one row and joins them to every unit (4.6 s)
            cursor.execute("ANALYZE reporting_indicatorvalue")


def _report_build(plan: Any, year: int, root: Any) -> dict[str, Any]:
    """``ansinh report build --unit ROOT`` (DOCX and XLSX annex): seconds and growth of peak memory."""
    import io
    import resource
    import tempfile
    from pathlib import Path

    from django.core.management import call_command

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-report-", dir=settings.DATA_DIR) as tmp:
        call_command(
            "report", "build", "--plan", str(plan.pk), "--cycle", str(year), "--unit", root.code,
            "--out", str(Path(tmp) / "bao-cao.docx"), stdout=io.StringIO(), stderr=io.StringIO(),
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"s": round(time.perf_counter() - started, 1), "peak_rss_growth_mb": round((peak - before) / 1024, 1)}


def _demo(write: Write) -> tuple[Any, Any]:
    from ansinh.core.demo import run_steps
    from ansinh.reporting.demo import HCMC_CODE, hcmc_plan

    run_steps(write)
    plan = hcmc_plan()
    from ansinh.geo.models import AdministrativeUnit

    return plan, AdministrativeUnit.objects.get(code=HCMC_CODE, level="province", valid_to__isnull=True)


def _backend_cpu_ms() -> float:
    """CPU time of this connection's PostgreSQL backend process (same machine), 0 elsewhere."""
    if connection.vendor != "postgresql":
        return 0.0
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:  # another machine: the server's CPU is not visible
        return 0.0
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def _pct(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, math.ceil(len(ordered) * share) - 1)], 1)


def _time(client: Client, url: str, repeat: int, before: Callable[[], None] | None = None) -> dict[str, Any]:
    """``before`` runs ahead of every request, outside the timing (``dashboard_cache.clear``: a cold build)."""
    response = client.get(url)  # warm
    timings, cpu, db_cpu, sql = [], [], [], []
    spent = [0.0]

    def timed(execute: Any, query: str, params: Any, many: bool, context: Any) -> Any:
        started = time.perf_counter()
        try:
            return execute(query, params, many, context)
        finally:
            spent[0] += time.perf_counter() - started

    for _ in range(repeat):
        if before is not None:
            before()
        spent[0] = 0.0
        db_started = _backend_cpu_ms()
        with connection.execute_wrapper(timed):
            started, cpu_started = time.perf_counter(), time.process_time()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - cpu_started) * 1000)
        db_cpu.append(_backend_cpu_ms() - db_started)
        sql.append(spent[0] * 1000)
    if before is not None:
        before()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return {
        "status": response.status_code,
        "p50_ms": round(statistics.median(timings), 1),
        "p95_ms": _pct(timings, 0.95),
        # CPU time of this process (SQLite runs in it) and of the PostgreSQL backend serving it:
        # steadier than wall time on a shared machine (clock ticks: 10 ms resolution for the backend).
        "cpu_p50_ms": round(statistics.median(cpu), 1),
        "db_cpu_p50_ms": round(statistics.median(db_cpu), 1),
        "server_cpu_p50_ms": round(statistics.median([a + b for a, b in zip(cpu, db_cpu, strict=True)]), 1),
        # wall time spent inside cursor.execute (and, on SQLite, fetching happens partly outside it)
        "sql_p50_ms": round(statistics.median(sql), 1),
        "queries": len(queries),
        "kib": round(len(response.content) / 1024, 1),
        "load_avg": round(os.getloadavg()[0], 2),
    }


def _approvals(cycle: Any, communes: list[Any], n: int) -> float | None:
    from ansinh.reporting.actions import do_approve
    from ansinh.reporting.models import Submission
    from ansinh.reporting.rollup import apply_submission

    subs = list(Submission.objects.filter(cycle=cycle, unit__in=communes, status="approved", agency__isnull=True)[:n])
    if not subs:
        return None
    for sub in subs:  # back to "submitted", their values out of the roll-up
        with transaction.atomic():
            Submission.objects.filter(pk=sub.pk).update(status="submitted", approved_by=None, approved_at=None)
            sub.status = "submitted"
            apply_submission(sub, -1)
    started = time.perf_counter()
    for sub in subs:
        do_approve(None, sub)
    return round(len(subs) / (time.perf_counter() - started), 1)


def _row_versions() -> dict[str, Any]:
    """PostgreSQL's counters for the aggregate table: live and dead row versions, in-place (HOT) updates."""
    with connection.cursor() as cursor:
        try:
            cursor.execute("SELECT pg_stat_force_next_flush()")
        except Exception:  # before PostgreSQL 15 the counters arrive a little later
            pass
        cursor.execute(
            "SELECT n_live_tup, n_dead_tup, n_tup_upd, n_tup_hot_upd FROM pg_stat_user_tables "
            "WHERE relname = 'reporting_aggregatevalue'"
        )
        row = cursor.fetchone() or (None, None, None, None)
    return dict(zip(("live", "dead", "updates", "hot_updates"), row, strict=True))


def run(options: dict[str, Any], write: Write) -> dict[str, Any]:
    from django.contrib.auth import get_user_model

    from ansinh.accounts.models import RoleAssignment
    from ansinh.geo.models import AdministrativeUnit
    from ansinh.reporting.bench import scratch_database
    from ansinh.reporting.models import ReportingCycle, Submission
    from ansinh.reports import dashboard_cache
    from ansinh.reports.report_data import collect_report_data

    result: dict[str, Any] = {"data": options["data"], "database": connection.vendor}
    with scratch_database(write, options["keep"]):
        started = time.perf_counter()
        plan, root = _demo(write) if options["data"] == "demo" else _national(options, write)
        result["load_s"] = round(time.perf_counter() - started, 1)
        user = get_user_model().objects.create(username="bench-pages", full_name="Đo hiệu năng")
        RoleAssignment.objects.create(user=user, role="admin", unit=None)
        client = Client(HTTP_HOST=settings.ALLOWED_HOSTS[0] if settings.ALLOWED_HOSTS else "localhost")
        client.force_login(user)
        gc.freeze()  # as ansinh.wsgi does once the site is loaded: full collections skip what is loaded
        cycle = ReportingCycle.objects.filter(plan=plan, kind="annual").order_by("-year").first()
        commune_sub = Submission.objects.filter(cycle=cycle, unit__level="commune").order_by("pk").first()
        pages = {
            "progress_page": f"/bao-cao-dinh-ky/tien-do/{plan.pk}/?don_vi={root.code}",
            "progress_api": f"/api/progress/plans/{plan.pk}?unit_code={root.code}",
            "dashboard": f"/bao-cao/bang-dieu-khien/{plan.pk}/?unit={root.code}",
            "dashboard_communes": f"/bao-cao/bang-dieu-khien/{plan.pk}/?unit={root.code}&level=commune",
            "cycle_page": f"/bao-cao-dinh-ky/ky/{cycle.pk}/" if cycle else "",
            "submission_page": f"/bao-cao-dinh-ky/{commune_sub.pk}/" if commune_sub else "",
        }
        # The dashboards above are served from the per-process body store after the first request;
        # the "_cold" runs empty it before each request: what the first reader after an approval waits.
        pages["dashboard_cold"] = pages["dashboard"]
        pages["dashboard_communes_cold"] = pages["dashboard_communes"]
        for name, url in pages.items():
            if url and not options["skip_pages"]:
                before = dashboard_cache.clear if name.endswith("_cold") else None
                result[name] = _time(client, url, options["repeat"], before)
                write(f"{name}: {result[name]}")
        if cycle is not None:
            started = time.perf_counter()
            with CaptureQueriesContext(connection) as queries:
                collect_report_data(plan, cycle.year, root, today=dt.date(cycle.year, 12, 20))
            result["report_data"] = {"s": round(time.perf_counter() - started, 2), "queries": len(queries)}
            write(f"report_data: {result['report_data']}")
            result["report_build"] = _report_build(plan, cycle.year, root)
            write(f"report_build: {result['report_build']}")
            communes = list(AdministrativeUnit.objects.filter(path__startswith=root.path, level="commune"))
            result["approvals_per_s"] = _approvals(cycle, communes, options["approvals"])
            write(f"approvals_per_s: {result['approvals_per_s']}")
            if connection.vendor == "postgresql":
                result["aggregate_rows"] = _row_versions()
                write(f"aggregate_rows: {result['aggregate_rows']}")
    return result
