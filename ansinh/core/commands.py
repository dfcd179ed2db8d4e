"""Shared pieces of management commands: Vietnamese failures without tracebacks."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import NoReturn

from django.core.management.base import CommandError, OutputWrapper


class Failure(SystemExit):
    """Leave the command with exit status 1 after printing a Vietnamese message."""


class CommandFailure(CommandError):
    """A refusal with a Vietnamese message; Django prints «<class name>: <message>», so the name is «Lỗi»."""


CommandFailure.__name__ = CommandFailure.__qualname__ = "Lỗi"


def fail(stderr: OutputWrapper, message: str, code: int = 1) -> NoReturn:
    stderr.write(f"Lỗi: {message}")
    sys.stderr.flush()
    raise Failure(code)


def whole_number(what: str) -> Callable[[str], int]:
    """An argparse ``type`` that reads a whole number and names ``what`` in Vietnamese when it is not one."""

    def parse(text: str) -> int:
        try:
            return int(text.strip())
        except ValueError:
            raise argparse.ArgumentTypeError(f"{what} phải là số nguyên, không phải «{text}»") from None

    return parse
