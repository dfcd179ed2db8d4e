"""Shared pieces of management commands: Vietnamese failures without tracebacks."""

from __future__ import annotations

import sys
from typing import NoReturn

from django.core.management.base import OutputWrapper


class Failure(SystemExit):
    """Leave the command with exit status 1 after printing a Vietnamese message."""


def fail(stderr: OutputWrapper, message: str, code: int = 1) -> NoReturn:
    stderr.write(f"Lỗi: {message}")
    sys.stderr.flush()
    raise Failure(code)
