"""``ansinh bench approvals``: approvals per second, one approver and N at once, on the national filler.

In a scratch database (as ``ansinh bench rollup``: SQLite under ``ANSINH_DATA_DIR`` or a scratch
PostgreSQL database next to ``DATABASE_URL``'s), the national filler of ``reporting.bench_data`` is
loaded and rolled up; then ``2 × --approvals`` approved commune reports of the last cycle are
returned to "submitted" (their values leave the roll-up). Half are approved one after the other
(``sequential_per_s``), the other half by ``--approvers`` threads at once, each with its own
database connection (``concurrent_per_s``; on SQLite writers take turns on the database lock). Each
approval is a full ``do_approve``: lock, checks, status, audit row, notification, roll-up of every
ancestor. Printed with the errors met, whether the roll-up then equals a rebuild from scratch
(``consistent``), and on PostgreSQL the aggregate table's live/dead row versions before and after.
"""

from __future__ import annotations

import argparse
import threading
import time
from collections.abc import Callable
from typing import Any

from django.db import connection, connections, transaction

Write = Callable[[str], None]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--units", type=int, default=3356, help="số đơn vị hành chính (mặc định 3356)")
    parser.add_argument("--indicators", type=int, default=30, help="số chỉ tiêu (mặc định 30)")
    parser.add_argument("--cycles", type=int, default=2, help="số kỳ báo cáo năm (mặc định 2)")
    parser.add_argument("--approvals", type=int, default=200, help="số lần phê duyệt mỗi cách đo (mặc định 200)")
    parser.add_argument("--approvers", type=int, default=8, help="số người phê duyệt cùng lúc (luồng, mặc định 8)")
    parser.add_argument("--seed", type=int, default=42, help="hạt giống ngẫu nhiên")
    parser.add_argument("--keep", action="store_true", help="giữ lại cơ sở dữ liệu tạm sau khi đo")
    parser.add_argument("--json", action="store_true", help="in một đối tượng JSON")


def _row_versions() -> dict[str, Any] | None:
    if connection.vendor != "postgresql":
        return None
    from ansinh.reports.bench_pages import _row_versions as read

    return read()


def _reopen(subs: list[Any]) -> None:
    """Back to "submitted", their values out of the roll-up."""
    from ansinh.reporting.models import Submission
    from ansinh.reporting.rollup import apply_submission

    with transaction.atomic():
        for sub in subs:
            Submission.objects.filter(pk=sub.pk).update(status="submitted", approved_by=None, approved_at=None)
            sub.status = "submitted"
            apply_submission(sub, -1)


def _approve_all(subs: list[Any], errors: list[str]) -> None:
    from ansinh.reporting.actions import do_approve
    from ansinh.reporting.models import Submission

    try:
        for sub in subs:
            try:
                do_approve(None, Submission.objects.get(pk=sub.pk))
            except Exception as err:  # counted and printed, the run goes on
                errors.append(f"{type(err).__name__}: {err}")
    finally:
        connections.close_all()  # this thread's connections


def _concurrent(subs: list[Any], approvers: int, errors: list[str]) -> float:
    shares = [subs[i::approvers] for i in range(approvers)]
    threads = [threading.Thread(target=_approve_all, args=(share, errors)) for share in shares if share]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started


def run(options: dict[str, Any], write: Write) -> dict[str, Any]:
    from ansinh.reporting.bench import scratch_database
    from ansinh.reporting.bench_data import load
    from ansinh.reporting.models import ReportingCycle, Submission
    from ansinh.reporting.rollup import recompute_all, snapshot

    result: dict[str, Any] = {"database": connection.vendor, "approvers": options["approvers"]}
    with scratch_database(write, options["keep"]):
        state = load(options, write)
        recompute_all()
        cycle = ReportingCycle.objects.filter(pk__in=state["cycles"]).order_by("-year").first()
        n = options["approvals"]
        subs = list(
            Submission.objects.filter(cycle=cycle, unit__level="commune", status="approved").order_by("?")[: 2 * n]
        )
        _reopen(subs)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE reporting_aggregatevalue")
        result["aggregate_rows_before"] = _row_versions()
        write(f"aggregate_rows_before: {result['aggregate_rows_before']}")
        sequential, concurrent = subs[:n], subs[n:]
        errors: list[str] = []
        started, cpu = time.perf_counter(), time.process_time()
        _approve_all(sequential, errors)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        result["sequential"] = len(sequential)
        result["sequential_per_s"] = round(len(sequential) / elapsed, 1) if elapsed else None
        # this process's CPU per approval (on SQLite it includes the database engine): steadier than
        # wall time on a shared machine
        result["sequential_cpu_ms"] = round(cpu * 1000 / max(1, len(sequential)), 1)
        write(
            f"sequential_per_s: {result['sequential_per_s']} ({len(sequential)} trong {elapsed:.1f} giây; "
            f"CPU {result['sequential_cpu_ms']} ms mỗi lần)"
        )
        result["aggregate_rows_after_sequential"] = _row_versions()
        write(f"aggregate_rows_after_sequential: {result['aggregate_rows_after_sequential']}")
        elapsed = _concurrent(concurrent, options["approvers"], errors)
        result["concurrent"] = len(concurrent)
        result["concurrent_per_s"] = round(len(concurrent) / elapsed, 1) if elapsed else None
        write(
            f"concurrent_per_s: {result['concurrent_per_s']} ({len(concurrent)} trong {elapsed:.1f} giây, "
            f"{options['approvers']} người cùng lúc)"
        )
        result["aggregate_rows_after"] = _row_versions()
        write(f"aggregate_rows_after: {result['aggregate_rows_after']}")
        result["errors"] = len(errors)
        for line in sorted(set(errors))[:5]:
            write(f"  lỗi: {line}")
        approved = Submission.objects.filter(pk__in=[s.pk for s in subs], status="approved").count()
        result["approved"] = approved
        incremental = snapshot()
        recompute_all()
        rebuilt = snapshot()
        result["consistent"] = incremental.keys() == rebuilt.keys() and all(
            _close(incremental[k], rebuilt[k]) for k in rebuilt
        )
        write(f"approved: {approved}/{len(subs)}, errors: {len(errors)}, consistent: {result['consistent']}")
    return result


def _close(a: tuple[Any, ...], b: tuple[Any, ...]) -> bool:
    for x, y in zip(a, b, strict=True):
        if x is None or y is None:
            if x != y:
                return False
        elif abs(float(x) - float(y)) > 1e-6 * max(1.0, abs(float(y))):
            return False
    return True
