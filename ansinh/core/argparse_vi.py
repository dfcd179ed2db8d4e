"""Vietnamese messages for argparse, so that usage errors of ``ansinh`` commands read in Vietnamese.

argparse looks its messages up through the module-level ``_``/``ngettext`` (gettext) at call time;
``install`` puts a lookup in this table in front of them. A message missing here (a newer Python
may word one differently) stays in English.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

MESSAGES: dict[str, str] = {
    "usage: ": "cách dùng: ",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "lựa chọn không hợp lệ: %(value)r (chọn một trong: %(choices)s)",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "unrecognized arguments: %s": "tham số không nhận ra: %s",
    "expected one argument": "cần một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "invalid %(type)s value: %(value)r": "giá trị không hợp lệ (%(type)s): %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": "tùy chọn %(option)s chưa rõ, có thể là %(matches)s",
    "not allowed with argument %s": "không dùng cùng với tham số %s",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "ignored explicit argument %r": "bỏ qua giá trị %r",
    "can't open '%(filename)s': %(error)s": "không mở được «%(filename)s»: %(error)s",
    "options": "tùy chọn",
    "positional arguments": "tham số",
    "show this help message and exit": "in hướng dẫn này rồi thoát",
}
PLURALS: dict[str, str] = {"expected %s argument": "cần %s giá trị"}


def translate(message: str) -> str:
    return MESSAGES.get(message, message)


def translate_plural(singular: str, plural: str, n: int) -> str:
    return PLURALS.get(singular) or (singular if n == 1 else plural)


def install() -> None:
    """Route argparse's messages through the tables above (idempotent)."""
    gettext: Callable[[str], str] = translate
    setattr(argparse, "_", gettext)  # noqa: B010 — argparse reads the module global at call time
    setattr(argparse, "ngettext", translate_plural)  # noqa: B010
