"""The ``ansinh`` console script: Django management commands under one name.

``ansinh demo``, ``ansinh plan parse FILE``, ``ansinh bench parse`` … are
management commands; ``ansinh --help`` lists them.
"""

from __future__ import annotations

import os
import sys
from typing import Any

OWN_PREFIX = "ansinh."


def utility(argv: list[str]) -> Any:
    """Django's ManagementUtility with a Vietnamese command list and unknown-command message."""
    from django.core.management import ManagementUtility, get_commands, load_command_class

    class Utility(ManagementUtility):
        def main_help_text(self, commands_only: bool = False) -> str:
            commands = get_commands()
            if commands_only:
                return "\n".join(sorted(commands))
            own = sorted(name for name, app in commands.items() if app.startswith(OWN_PREFIX))
            lines = [
                "ansinh — theo dõi thực hiện kế hoạch, chính sách an sinh xã hội.",
                "",
                "Cách dùng: ansinh <lệnh> [tham số]. Hướng dẫn chi tiết: ansinh <lệnh> --help",
                "",
                "Lệnh của ansinh:",
            ]
            for name in own:
                help_text = load_command_class(commands[name], name).help.strip().splitlines()[0]
                lines.append(f"  {name:<10} {help_text}")
            others = sorted(name for name in commands if name not in own)
            lines += ["", "Lệnh quản trị của Django (hướng dẫn tiếng Anh): " + ", ".join(others)]
            return "\n".join(lines)

        def fetch_command(self, subcommand: str) -> Any:
            if subcommand not in get_commands():
                sys.stderr.write(f"Không có lệnh «{subcommand}». Gõ «ansinh help» để xem các lệnh.\n")
                sys.exit(1)
            return super().fetch_command(subcommand)

    return Utility(argv)


def _missing_tables(err: Exception) -> bool:
    """True when a command ran against a database whose tables were never created (SQLite or PostgreSQL)."""
    text = str(err)
    return "no such table" in text or ("relation" in text and "does not exist" in text)


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ansinh.settings")
    args = list(sys.argv[1:] if argv is None else argv)
    from django.db import DatabaseError

    from ansinh.conf import ConfigError
    from ansinh.core import argparse_vi

    argparse_vi.install()
    try:
        utility(["ansinh", *args]).execute()
    except ConfigError as err:
        print(f"Lỗi cấu hình: {err}", file=sys.stderr)
        return 2
    except DatabaseError as err:
        if not _missing_tables(err):
            raise
        print("Cơ sở dữ liệu chưa được tạo hoặc chưa cập nhật: hãy chạy «ansinh migrate» trước "
              "(hoặc «ansinh demo» để có dữ liệu mẫu).", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\nĐã dừng.", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
