"""The scratch world of ``ansinh bench load``: a free port, a temporary data directory (or a scratch PostgreSQL
database named after ``DATABASE_URL``'s with ``_bench`` appended, made afresh and dropped after), the seed that fills
it (``bench_load_data``) and the ``ansinh serve`` process the load runs against. Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ansinh.core.bench_http import Client

Write = Callable[[str], None]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def scratch_env(keep: bool, write: Write) -> Iterator[dict[str, str]]:
    """Environment for the seed and the server: a temp data dir, and a scratch PostgreSQL db if asked."""
    data_dir = Path(tempfile.mkdtemp(prefix="ansinh-load-"))
    env = {
        **os.environ,
        "ANSINH_DATA_DIR": str(data_dir),
        "ANSINH_ENV": "development",
        "ANSINH_DEBUG": "false",
        "ANSINH_HOST": "127.0.0.1",
        "ANSINH_PORT": str(free_port()),
        "ANSINH_LOG_LEVEL": "WARNING",
    }
    url = os.environ.get("DATABASE_URL", "").strip()
    scratch = None
    if url.startswith(("postgres://", "postgresql://", "pgsql://")):
        parts = urllib.parse.urlsplit(url)
        name = parts.path.lstrip("/")
        scratch = name if name.endswith("_bench") else f"{name}_bench"
        _recreate_database(parts, scratch)
        env["DATABASE_URL"] = urllib.parse.urlunsplit(parts._replace(path="/" + scratch))
        write(f"Cơ sở dữ liệu tạm: postgresql {scratch}")
    else:
        env.pop("DATABASE_URL", None)
        write(f"Cơ sở dữ liệu tạm: sqlite {data_dir / 'ansinh.sqlite3'}")
    try:
        yield env
    finally:
        if not keep:
            shutil.rmtree(data_dir, ignore_errors=True)
            if scratch is not None:
                _drop_database(urllib.parse.urlsplit(url), scratch)


def _admin_connection(parts: urllib.parse.SplitResult) -> Any:
    import psycopg

    return psycopg.connect(
        host=parts.hostname or None, port=parts.port or None, user=urllib.parse.unquote(parts.username or "") or None,
        password=urllib.parse.unquote(parts.password or "") or None, dbname="postgres", autocommit=True,
    )


def _recreate_database(parts: urllib.parse.SplitResult, name: str) -> None:
    with _admin_connection(parts) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def _drop_database(parts: urllib.parse.SplitResult, name: str) -> None:
    with _admin_connection(parts) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def seed(env: dict[str, str], users: int, readers: int, password: str) -> dict[str, Any]:
    for command in (["migrate", "--verbosity", "0"],):
        subprocess.run([sys.executable, "-m", "ansinh", *command], env=env, check=True)
    done = subprocess.run(
        [sys.executable, "-m", "ansinh.core.bench_load_data", str(users), str(readers), password],
        env=env, check=True, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@contextmanager
def server(env: dict[str, str]) -> Iterator[subprocess.Popen[bytes]]:
    log = open(Path(env["ANSINH_DATA_DIR"]) / "server.log", "wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "ansinh", "serve", "--no-migrate"], env=env, stdout=log, stderr=subprocess.STDOUT
    )
    try:
        port = int(env["ANSINH_PORT"])
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise SystemExit("Lỗi: máy chủ thử tải dừng ngay khi khởi động; xem server.log (--keep).")
            try:
                if Client(port).get("/suc-khoe/").status == 200:
                    break
            except OSError:
                time.sleep(0.3)
        yield proc
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
