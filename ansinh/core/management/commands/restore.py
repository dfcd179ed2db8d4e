"""``ansinh restore FILE``: put back a backup made by ``ansinh backup``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from ansinh.core.backup import BackupError, do_restore
from ansinh.core.commands import fail


class Command(BaseCommand):
    help = (
        "Khôi phục cơ sở dữ liệu và tệp tải lên từ một bản sao lưu của `ansinh backup`; "
        "dữ liệu hiện có bị thay thế. Hãy dừng máy chủ web trước."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="tệp .tar.gz do `ansinh backup` tạo")
        parser.add_argument("--yes", action="store_true", help="xác nhận thay thế toàn bộ dữ liệu hiện có")

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["yes"]:
            fail(self.stderr, "Khôi phục sẽ thay thế toàn bộ dữ liệu hiện có. Dừng máy chủ web rồi chạy lại với --yes để xác nhận.")
        try:
            manifest = do_restore(options["file"])
        except BackupError as err:
            fail(self.stderr, err.message)
        self.stdout.write(
            f"Đã khôi phục bản sao lưu {manifest.engine} lập lúc {manifest.created} (ansinh {manifest.version}). "
            "Chạy `ansinh migrate` nếu bản sao lưu cũ hơn phiên bản đang cài."
        )
