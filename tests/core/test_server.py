"""``ansinh serve`` runs waitress, answers, and stops cleanly on Ctrl-C.

Deadlines here are generous (a fresh data directory is migrated by serve itself; the shared CI machine may be
loaded): they bound a hang, they do not time anything.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.migrated import copy_into


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start(tmp_path: Path, port: int) -> subprocess.Popen[str]:
    env = {**os.environ, "ANSINH_DATA_DIR": str(tmp_path), "ANSINH_PORT": str(port)}
    env.pop("DATABASE_URL", None)
    return subprocess.Popen(
        [sys.executable, "-m", "ansinh", "serve"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


def wait_for_health(port: int, seconds: float = 180) -> int:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/suc-khoe/", timeout=2) as response:
                return int(response.status)
        except OSError:
            time.sleep(0.3)
    return 0


def test_it_serves_and_stops_cleanly_on_ctrl_c(tmp_path: Path) -> None:
    port = free_port()
    proc = start(tmp_path, port)
    try:
        assert wait_for_health(port) == 200
    finally:
        proc.send_signal(signal.SIGINT)
        out, _ = proc.communicate(timeout=120)
    assert proc.returncode == 0
    assert f"http://127.0.0.1:{port}/" in out and "Đã dừng máy chủ." in out and "Traceback" not in out


def test_it_explains_a_port_that_is_taken(tmp_path: Path, migrated_sqlite: Path) -> None:
    copy_into(migrated_sqlite, tmp_path)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        proc = start(tmp_path, port)
        out, _ = proc.communicate(timeout=120)
    assert proc.returncode == 1
    assert "không mở được cổng" in out and "ANSINH_PORT" in out and "Traceback" not in out


def _sql(tmp_path: Path, query: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    import sqlite3

    with sqlite3.connect(tmp_path / "ansinh.sqlite3") as db:
        return db.execute(query, params).fetchall()


def test_serve_runs_several_web_processes_and_a_job_worker_that_runs_queued_jobs(
    tmp_path: Path, migrated_sqlite: Path
) -> None:
    import json
    import uuid

    copy_into(migrated_sqlite, tmp_path)  # the first test serves a fresh data directory, migrated by serve itself
    port = free_port()
    proc = start(tmp_path, port)
    try:
        assert wait_for_health(port) == 200
        args = json.dumps({"args": ["tests.core.test_jobs.remember", "2026-03-02"], "kwargs": {}})
        job_id = uuid.uuid4().hex
        _sql(
            tmp_path,
            "INSERT INTO django_tasks_database_dbtaskresult (id, status, enqueued_at, args_kwargs, priority, task_path, "
            "worker_ids, queue_name, backend_name, run_after, exception_class_path, traceback) VALUES "
            "(?, 'READY', '2026-03-02 00:00:00', ?, 0, 'ansinh.core.jobs.run_daily_job', '[]', 'default', "
            "'default', '9999-01-01 00:00:00', '', '')",
            (job_id, args),
        )
        # The worker also queues the real daily jobs (due reminders) beside this one: look at ours only.
        ours = "FROM django_tasks_database_dbtaskresult WHERE id = ?"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not _sql(tmp_path, f"SELECT 1 {ours} AND status = 'SUCCESSFUL'", (job_id,)):
            time.sleep(0.3)
        [(stored,)] = _sql(tmp_path, f"SELECT return_value {ours}", (job_id,))
        assert json.loads(str(stored)) == "nhắc việc 02/03/2026"
    finally:
        proc.send_signal(signal.SIGINT)
        out, _ = proc.communicate(timeout=120)
    assert proc.returncode == 0 and "tiến trình web" in out and "1 tiến trình việc nền" in out
    assert out.count("Đã dừng máy chủ.") == 1 and "Traceback" not in out
