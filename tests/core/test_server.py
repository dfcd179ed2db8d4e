"""``ansinh serve`` runs waitress, answers, and stops cleanly on Ctrl-C."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


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


def wait_for_health(port: int, seconds: float = 60) -> int:
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
        out, _ = proc.communicate(timeout=30)
    assert proc.returncode == 0
    assert f"http://127.0.0.1:{port}/" in out and "Đã dừng máy chủ." in out and "Traceback" not in out


def test_it_explains_a_port_that_is_taken(tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        proc = start(tmp_path, port)
        out, _ = proc.communicate(timeout=60)
    assert proc.returncode == 1
    assert "không mở được cổng" in out and "ANSINH_PORT" in out and "Traceback" not in out
