"""``ansinh worker``: run background jobs (django-tasks, database backend) until stopped."""

from __future__ import annotations

import logging
import threading
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS
from django_tasks_db.management.commands.db_worker import Worker

from ansinh.core import jobs
from ansinh.core.commands import CommandFailure


def _interval(text: str) -> float:
    import argparse

    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"khoảng chờ phải là số giây, không phải «{text}»") from None
    if not 0 <= value <= 3600:
        raise argparse.ArgumentTypeError("khoảng chờ phải từ 0 đến 3600 giây")
    return value


class Command(BaseCommand):
    help = (
        "Chạy các việc nền (nhập văn bản có OCR, lập báo cáo, tính lại số liệu tổng hợp, việc hằng ngày) "
        "cho đến khi dừng; `ansinh demo` và `ansinh serve` tự khởi động lệnh này."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch", action="store_true", help="chạy hết các việc đang chờ rồi dừng")
        parser.add_argument(
            "--interval", type=_interval, default=1.0, help="số giây chờ giữa hai lần kiểm tra hàng đợi (mặc định 1)"
        )
        parser.add_argument(
            "--no-schedule", action="store_true", help="không xếp lịch các việc hằng ngày (khi chạy nhiều tiến trình)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        level = logging.INFO if options["verbosity"] > 0 else logging.WARNING
        for name in ("django_tasks", "django_tasks_db", "ansinh.core.jobs"):
            logging.getLogger(name).setLevel(level)
        requeued, failed = jobs.recover_interrupted()
        removed = jobs.clean_orphan_files()
        if options["verbosity"] > 0 and (requeued or failed or removed):
            self.stdout.write(
                f"Việc nền bị gián đoạn: {requeued} việc được xếp chạy lại, {failed} việc không chạy lại được; "
                f"đã xóa {removed} tệp tạm không còn dùng."
            )
        stop = threading.Event()
        if not options["batch"] and not options["no_schedule"]:
            threading.Thread(target=jobs.scheduler_loop, args=(stop,), name="daily-jobs", daemon=True).start()
        worker = Worker(
            queue_names=["*"],
            interval=options["interval"],
            batch=options["batch"],
            backend_name=DEFAULT_TASK_BACKEND_ALIAS,
            startup_delay=False,
            max_tasks=None,
            worker_id=jobs.worker_id(),
            excluded_queue_names=[],
        )
        if not options["batch"]:
            worker.configure_signals()
        try:
            worker.run()
        except SystemExit as stopped:
            if stopped.code not in (0, None):
                raise CommandFailure("Tiến trình việc nền bị dừng giữa chừng; việc đang chạy sẽ được chạy lại.") from None
        finally:
            stop.set()
