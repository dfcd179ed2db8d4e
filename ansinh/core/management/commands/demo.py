"""``ansinh demo``: migrate, load the sample plans, create a demo admin, serve."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from ansinh.core.commands import fail
from ansinh.core.demo import ensure_admin, run_steps
from ansinh.core.server import serve


class Command(BaseCommand):
    help = (
        "Tạo hoặc cập nhật cơ sở dữ liệu nhúng, nhập các kế hoạch mẫu (chạy lại không thay đổi gì), "
        "tạo tài khoản quản trị demo, in thông tin đăng nhập rồi chạy máy chủ web."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-serve", action="store_true", help="làm mọi bước nhưng không chạy máy chủ web")

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            fail(self.stderr, "Không chạy `ansinh demo` khi ANSINH_ENV=production.")
        self.stdout.write(f"Thư mục dữ liệu: {settings.DATA_DIR}")
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("Cơ sở dữ liệu đã sẵn sàng.")
        run_steps(lambda line: self.stdout.write(line))
        username, password = ensure_admin()
        self.stdout.write(f"Tài khoản quản trị demo: tên đăng nhập «{username}», mật khẩu «{password}»")
        if options["no_serve"]:
            return
        serve(lambda line: self.stdout.write(line))
