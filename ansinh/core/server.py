"""Serving the WSGI application, with the background job workers beside it.

On Linux (where ``fork`` exists) the site runs under gunicorn with ``ANSINH_WEB_WORKERS`` processes
of ``ANSINH_THREADS`` threads each, so page rendering uses every core instead of one (the GIL pins a
single process to one core). Where ``fork`` is missing (Windows) it falls back to waitress, one
process. ``ANSINH_JOB_WORKERS`` processes of ``ansinh worker`` are started beside the web server and
stopped with it.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import connections

Write = Callable[[str], None]
STOP_WAIT = 20  # seconds a job worker gets to finish its current step on shutdown


def use_gunicorn() -> bool:
    if not hasattr(os, "fork"):
        return False
    try:
        import gunicorn  # noqa: F401
    except ImportError:
        return False
    return True


def port_free(host: str, port: int) -> OSError | None:
    """None when ``host:port`` can be bound now, else the error (gunicorn would only retry and log it)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as err:
            return err
    return None


def start_job_workers(count: int) -> list[subprocess.Popen[bytes]]:
    """``count`` ``ansinh worker`` processes; only the first schedules the daily jobs."""
    procs = []
    for n in range(count):
        command = [sys.executable, "-m", "ansinh", "worker", "--verbosity", "0"]
        if n:
            command.append("--no-schedule")
        procs.append(subprocess.Popen(command))
    return procs


def stop_job_workers(procs: list[subprocess.Popen[bytes]]) -> None:
    """Ask each worker to stop after its current job (Ctrl-C may have asked already), then insist."""
    for proc in procs:
        try:
            proc.wait(timeout=1)
        except subprocess.TimeoutExpired:
            pass
    for proc in procs:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM if hasattr(signal, "SIGTERM") else signal.SIGINT)
    for proc in procs:
        try:
            proc.wait(timeout=STOP_WAIT)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def gunicorn_options(host: str, port: int, workers: int, threads: int) -> dict[str, Any]:
    return {
        "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
        "workers": workers,
        "worker_class": "gthread",
        "threads": threads,
        "timeout": 300,  # report builds and Excel imports are synchronous requests
        "graceful_timeout": 20,
        "keepalive": 5,
        "backlog": 2048,
        "preload_app": True,
        "accesslog": None,
        "errorlog": "-",
        "loglevel": "warning",
        "proc_name": "ansinh",
        "worker_tmp_dir": "/dev/shm" if os.path.isdir("/dev/shm") else None,
    }


def run_gunicorn(host: str, port: int, workers: int, threads: int) -> None:
    from gunicorn.app.base import BaseApplication

    class Application(BaseApplication):
        def load_config(self) -> None:
            for key, value in gunicorn_options(host, port, workers, threads).items():
                if value is not None:
                    self.cfg.set(key, value)

        def load(self) -> Any:
            from ansinh.wsgi import application

            return application

    # the parent ran migrations: its database connections must not be shared with forked workers
    connections.close_all()
    master = os.getpid()
    try:
        Application().run()
    except SystemExit as stopped:
        if os.getpid() != master:  # a forked web worker leaving: the master's clean-up is not its own
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(stopped.code if isinstance(stopped.code, int) else 0)
        if stopped.code not in (0, None):
            raise


def run_waitress(host: str, port: int, threads: int) -> None:
    from waitress import serve as waitress_serve

    from ansinh.wsgi import application

    # waitress returns normally on Ctrl-C (it catches KeyboardInterrupt and shuts its threads down)
    waitress_serve(application, host=host, port=port, threads=threads, ident="ansinh", _quiet=True)


def serve(write: Write, host: str | None = None, port: int | None = None, job_workers: int | None = None) -> None:
    host = host or settings.HOST
    port = port or settings.PORT
    busy = port_free(host, port)
    if busy is not None:
        raise SystemExit(f"Lỗi: không mở được cổng {port} trên {host}: {busy.strerror}. Đặt ANSINH_PORT khác.")
    gunicorn = use_gunicorn()
    workers = settings.WEB_WORKERS if gunicorn else 1
    count = settings.JOB_WORKERS if job_workers is None else job_workers
    write(
        f"ansinh đang chạy tại http://{host}:{port}/ ({workers} tiến trình web × {settings.THREADS} luồng, "
        f"{count} tiến trình việc nền) — nhấn Ctrl-C để dừng."
    )
    procs = start_job_workers(count)
    try:
        if gunicorn:
            run_gunicorn(host, port, workers, settings.THREADS)
        else:
            run_waitress(host, port, settings.THREADS)
    except KeyboardInterrupt:
        pass
    except OSError as err:
        raise SystemExit(f"Lỗi: không mở được cổng {port} trên {host}: {err.strerror}. Đặt ANSINH_PORT khác.") from None
    finally:
        stop_job_workers(procs)
    write("Đã dừng máy chủ.")
