"""The background job runner: django-tasks with its database backend, run by ``ansinh worker``.

Jobs are rows of ``django_tasks_db.DBTaskResult``: the web process (or a command) enqueues them in
its own transaction and ``ansinh worker`` claims and runs them, so they need no broker and a job that
was queued when the server stopped runs when it starts again. This module adds what the package
leaves to the project:

- ``recover_interrupted``: a job whose worker process died mid-run (kill -9, power cut) is put back
  in the queue, at most ``MAX_ATTEMPTS`` times, then marked failed;
- ``clean_orphan_files``: temporary upload files that no queued or running job refers to any more;
- daily jobs (``DAILY_JOBS``): plain functions ``f(today: date)`` run once a day by the worker's
  scheduler, each as a task of its own (see ``docs/operations.md``).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import close_old_connections, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import task
from django_tasks_db.models import DBTaskResult

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
# Temporary files younger than this are left alone: their job may be about to be queued.
ORPHAN_AFTER = dt.timedelta(hours=1)
# Reports built in the background (DATA_DIR/reports/<token>/) are kept this long for download.
REPORTS_KEPT = dt.timedelta(days=2)
# Daily jobs: dotted paths of plain functions taking today's date. A path that cannot be imported
# (an app not installed in this deployment) is skipped with a log line.
DAILY_JOBS: tuple[str, ...] = ("ansinh.notifications.jobs.send_due_reminders", "ansinh.registry.quality_snapshot.take_snapshot")
DAILY_HOUR = 6  # local time (TIME_ZONE) after which the day's jobs are queued
SCHEDULER_EVERY = 300.0  # seconds between scheduler checks


def worker_id() -> str:
    """``host:pid``: unique on a machine and enough to tell whether the worker still lives."""
    return f"{socket.gethostname()[:48]}:{os.getpid()}"


def _alive_here(wid: str) -> bool | None:
    """True/False when ``wid`` is a worker of this host, None when it belongs to another host."""
    host, _, pid = wid.rpartition(":")
    if host != socket.gethostname()[:48] or not pid.isdigit():
        return None
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def recover_interrupted() -> tuple[int, int]:
    """Requeue jobs left running by a dead worker of this host; (requeued, failed for good)."""
    requeued = failed = 0
    with transaction.atomic():
        for row in DBTaskResult.objects.running().select_for_update():
            ids = list(row.worker_ids or [])
            if not ids or _alive_here(str(ids[-1])) is not False:
                continue
            if len(ids) >= MAX_ATTEMPTS:
                row.set_failed(RuntimeError(f"worker stopped {len(ids)} times while running this job"))
                failed += 1
            else:
                row.status = "READY"
                row.started_at = None
                row.save(update_fields=["status", "started_at"])
                requeued += 1
    return requeued, failed


def _referenced_paths() -> set[str]:
    """File paths named in the arguments of queued or running jobs."""
    paths: set[str] = set()
    for args_kwargs in DBTaskResult.objects.filter(status__in=("READY", "RUNNING")).values_list(
        "args_kwargs", flat=True
    ):
        values = [*args_kwargs.get("args", []), *args_kwargs.get("kwargs", {}).values()]
        paths.update(v for v in values if isinstance(v, str))
    return paths


def temp_folders() -> list[Path]:
    return [Path(settings.MEDIA_ROOT) / "tmp", Path(settings.DATA_DIR) / "tmp"]


def clean_orphan_files(now: float | None = None) -> int:
    """Remove temporary files older than ``ORPHAN_AFTER`` that no live job refers to, and background
    report folders older than ``REPORTS_KEPT``; how many files and folders."""
    moment = now or time.time()
    cutoff = moment - ORPHAN_AFTER.total_seconds()
    keep = _referenced_paths()
    removed = 0
    for folder in temp_folders():
        if not folder.is_dir():
            continue
        for path in folder.iterdir():
            if path.is_file() and str(path) not in keep and path.stat().st_mtime < cutoff:
                path.unlink(missing_ok=True)
                removed += 1
    reports = Path(settings.DATA_DIR) / "reports"
    if reports.is_dir():
        for folder in reports.iterdir():
            if folder.is_dir() and folder.stat().st_mtime < moment - REPORTS_KEPT.total_seconds():
                shutil.rmtree(folder, ignore_errors=True)
                removed += 1
    return removed


@task()
def run_daily_job(path: str, day: str) -> str:
    """Run one daily function for ``day`` (ISO date); its return value is kept as text."""
    function: Callable[[dt.date], Any] = import_string(path)
    return str(function(dt.date.fromisoformat(day)))


def enqueue_daily(today: dt.date, jobs: tuple[str, ...] | None = None) -> list[str]:
    """Queue each importable daily job once for ``today``; the paths queued now."""
    since = timezone.now() - dt.timedelta(days=2)
    seen = {
        tuple(row.get("args", []))
        for row in DBTaskResult.objects.filter(task_path=run_daily_job.module_path, enqueued_at__gte=since)
        .values_list("args_kwargs", flat=True)
    }
    queued = []
    for path in DAILY_JOBS if jobs is None else jobs:
        if (path, today.isoformat()) in seen:
            continue
        try:
            import_string(path)
        except ImportError:
            log.info("daily job %s is not installed here; skipped", path)
            continue
        run_daily_job.enqueue(path, today.isoformat())
        queued.append(path)
    return queued


def scheduler_loop(stop: threading.Event, every: float = SCHEDULER_EVERY) -> None:
    """Queue the day's jobs once the local clock passes ``DAILY_HOUR`` and clear old temporary files,
    every ``every`` seconds (runs in a daemon thread of the worker)."""
    while True:
        try:
            now = timezone.localtime()
            if now.hour >= DAILY_HOUR:
                enqueue_daily(now.date())
            clean_orphan_files()
        except Exception:  # a scheduler that dies silently would stop every daily job
            log.exception("daily job scheduler")
        finally:
            close_old_connections()
        if stop.wait(every):
            return
