"""Background jobs: django-tasks' database backend, run by ``ansinh worker``, survive a restart."""

from __future__ import annotations

import datetime as dt
import os
import socket
import time
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.conf import settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from ansinh.core import jobs
from ansinh.documents.models import ImportJob
from ansinh.documents.tasks import import_document
from tests.commands import run_command

DEAD_PID = 2**22 + 7  # above Linux's pid_max: no process has it


def _dead_worker() -> str:
    return f"{socket.gethostname()[:48]}:{DEAD_PID}"


def _queued_import(alice: Any, tmp: Path) -> tuple[ImportJob, DBTaskResult, Path]:
    job = ImportJob.objects.create(filename="x.txt", created_by=alice)
    path = tmp / "x.txt"
    path.write_text("KẾ HOẠCH", encoding="utf-8")
    result = import_document.enqueue(job.pk, str(path), alice.pk)
    return job, DBTaskResult.objects.get(pk=result.id), path


# the worker closes connections between jobs as a request would: such tests run outside a test transaction
@pytest.mark.django_db(transaction=True)
def test_a_job_cut_off_when_its_worker_died_is_queued_again_and_then_runs(
    alice: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    job, row, path = _queued_import(alice, tmp_path)
    row.claim(_dead_worker())
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.RUNNING)
    ran: list[int] = []
    monkeypatch.setattr("ansinh.documents.jobs.run_import_job", lambda job_id, p, actor: ran.append(job_id))
    code, _, err = run_command("worker", "--batch")
    row.refresh_from_db()
    assert code == 0 and err == "" and ran == [job.pk] and row.status == "SUCCESSFUL" and len(row.worker_ids) == 2
    assert not path.exists()


@pytest.mark.django_db
def test_a_job_whose_worker_died_three_times_is_failed_not_retried(alice: Any, tmp_path: Path) -> None:
    _, row, _ = _queued_import(alice, tmp_path)
    for _ in range(jobs.MAX_ATTEMPTS):
        row.claim(_dead_worker())
    assert jobs.recover_interrupted() == (0, 1)
    row.refresh_from_db()
    assert row.status == "FAILED"


@pytest.mark.django_db
def test_a_job_of_a_living_worker_or_another_host_is_left_running(alice: Any, tmp_path: Path) -> None:
    _, mine, _ = _queued_import(alice, tmp_path)
    _, other, _ = _queued_import(alice, tmp_path)
    mine.claim(jobs.worker_id())
    other.claim(f"another-host:{DEAD_PID}")
    assert jobs.recover_interrupted() == (0, 0)
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"RUNNING"}


@pytest.mark.django_db
def test_old_temporary_files_no_job_needs_are_removed_and_the_others_kept(alice: Any, tmp_path: Path) -> None:
    folder = Path(settings.MEDIA_ROOT) / "tmp"
    folder.mkdir(parents=True, exist_ok=True)
    orphan, fresh, needed = folder / "orphan.pdf", folder / "fresh.pdf", folder / "needed.pdf"
    for each in (orphan, fresh, needed):
        each.write_bytes(b"%PDF")
    old = time.time() - 2 * 3600
    os.utime(orphan, (old, old))
    os.utime(needed, (old, old))
    job = ImportJob.objects.create(filename="needed.pdf", created_by=alice)
    import_document.enqueue(job.pk, str(needed), alice.pk)
    assert jobs.clean_orphan_files() == 1
    assert not orphan.exists() and fresh.exists() and needed.exists()
    needed.unlink()
    fresh.unlink()


@pytest.mark.django_db
def test_background_reports_are_kept_two_days_then_removed() -> None:
    reports = Path(settings.DATA_DIR) / "reports"
    old, new = reports / "cu", reports / "moi"
    for folder in (old, new):
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "bao-cao.docx").write_bytes(b"PK")
    three_days = time.time() - 3 * 86400
    os.utime(old, (three_days, three_days))
    assert jobs.clean_orphan_files() == 1
    assert not old.exists() and new.exists()
    (new / "bao-cao.docx").unlink()
    new.rmdir()


def remember(day: dt.date) -> str:
    return f"nhắc việc {day:%d/%m/%Y}"


@pytest.mark.django_db(transaction=True)
def test_a_daily_job_is_queued_once_a_day_and_a_missing_one_is_skipped() -> None:
    daily = ("tests.core.test_jobs.remember", "ansinh.khong_co.jobs.send")
    assert jobs.enqueue_daily(dt.date(2026, 3, 2), daily) == ["tests.core.test_jobs.remember"]
    assert jobs.enqueue_daily(dt.date(2026, 3, 2), daily) == []
    assert run_command("worker", "--batch")[0] == 0
    row = DBTaskResult.objects.get()
    assert row.status == "SUCCESSFUL" and row.return_value == "nhắc việc 02/03/2026"


@pytest.mark.django_db(transaction=True)
def test_the_scheduler_queues_the_days_jobs_only_after_the_hour(monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    monkeypatch.setattr(jobs, "DAILY_JOBS", ("tests.core.test_jobs.remember",))
    stop = threading.Event()
    stop.set()  # one pass
    tz = timezone.get_current_timezone()
    with time_machine.travel(dt.datetime(2026, 3, 2, 5, 0, tzinfo=tz), tick=False):
        jobs.scheduler_loop(stop, every=0)
    assert DBTaskResult.objects.count() == 0
    with time_machine.travel(dt.datetime(2026, 3, 2, 7, 0, tzinfo=tz), tick=False):
        jobs.scheduler_loop(stop, every=0)
    assert DBTaskResult.objects.get().args_kwargs["args"] == ["tests.core.test_jobs.remember", "2026-03-02"]


@pytest.mark.parametrize("bad", ["abc", "-1", "99999"])
def test_a_bad_interval_is_refused_in_vietnamese(bad: str) -> None:
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="khoảng chờ"):
        run_command("worker", "--batch", "--interval", bad)
