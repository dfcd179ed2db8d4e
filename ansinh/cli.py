"""The ``ansinh`` console script: Django management commands under one name.

``ansinh demo``, ``ansinh plan parse FILE``, ``ansinh bench parse`` … are
management commands; ``ansinh --help`` lists them.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ansinh.settings")
    args = list(sys.argv[1:] if argv is None else argv)
    from ansinh.conf import ConfigError

    try:
        from django.core.management import execute_from_command_line

        execute_from_command_line(["ansinh", *args])
    except ConfigError as err:
        print(f"Lỗi cấu hình: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\nĐã dừng.", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
