"""``ansinh serve``: run the web application with waitress (production WSGI server)."""

from __future__ import annotations

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from ansinh.core.server import serve


class Command(BaseCommand):
    help = "Chạy máy chủ web (waitress) tại ANSINH_HOST:ANSINH_PORT; áp dụng migration trước nếu cần."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-migrate", action="store_true", help="không tự áp dụng migration")

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["no_migrate"]:
            call_command("migrate", interactive=False, verbosity=0)
        serve(lambda line: self.stdout.write(line))
