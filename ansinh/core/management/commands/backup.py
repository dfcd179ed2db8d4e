"""``ansinh backup``: the database and uploaded files in one archive (see ``ansinh.core.backup``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from ansinh.core.backup import BackupError, do_backup, prune
from ansinh.core.commands import fail, whole_number


class Command(BaseCommand):
    help = (
        "Sao lưu cơ sở dữ liệu (SQLite: sao lưu trực tuyến, không cần dừng máy chủ; PostgreSQL: pg_dump) "
        "và các tệp tải lên vào một tệp .tar.gz."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--out", type=Path, default=None,
            help="tệp sao lưu (mặc định ANSINH_DATA_DIR/backups/ansinh-NĂMTHÁNGNGÀY-GIỜPHÚTGIÂY.tar.gz)",
        )
        parser.add_argument(
            "--keep-last", type=whole_number("số bản giữ lại"), default=None, metavar="N",
            help="sau khi sao lưu, chỉ giữ N bản ansinh-*.tar.gz mới nhất trong cùng thư mục",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        keep = options["keep_last"]
        if keep is not None and keep < 1:
            fail(self.stderr, "--keep-last phải từ 1 trở lên (bản vừa sao lưu luôn được giữ).")
        try:
            path, files = do_backup(options["out"])
        except BackupError as err:
            fail(self.stderr, err.message)
        size = path.stat().st_size / (1024 * 1024)
        self.stdout.write(f"Đã sao lưu vào {path} ({size:.1f} MB, {files} tệp tải lên).")
        if keep is not None:
            removed = prune(path.parent, keep)
            if removed:
                self.stdout.write(f"Đã xóa {len(removed)} bản sao lưu cũ, giữ {keep} bản mới nhất.")
