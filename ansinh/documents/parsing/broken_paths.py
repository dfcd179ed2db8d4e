"""The path of a row a broken assignment table numbers (:mod:`broken_tables`): its section's roman number, the dotted
group it stands under and its own number ("III.3.1.2"), and which whole number may number the next row."""

from __future__ import annotations

import re

ROMAN = re.compile(r"^[IVX]{1,5}$")
# A whole row number alone on its line ("7"): a web copy's cell of the number column (elsewhere a page number).
WHOLE_ROW = re.compile(r"^(?P<number>\d{1,2})(?P<rest>)$")


class RowPath:
    """The section (roman), the group a dotted row opened ("3.1") and the last row read: a row's full path."""

    def __init__(self) -> None:
        self.roman: str | None = None
        self.group: str | None = None
        self.child = 0
        self.last: tuple[int, ...] = ()

    def next_whole(self, line: str) -> bool:
        """Whether ``line`` is a whole number alone that numbers the next row: the next under the dotted group or after
        the last whole row, or the first after a section or group row."""
        m = WHOLE_ROW.match(line.strip())
        if m is None:
            return False
        n = int(m.group("number"))
        if self.group is not None:
            return n == self.child + 1
        if len(self.last) == 1:
            return n == self.last[0] + 1
        return not self.last and self.roman is not None and n == 1

    def path(self, number: str, is_group: bool) -> str | None:
        """The full path of the row ``number`` opens (a group row's when ``is_group``), None when out of order."""
        if ROMAN.match(number):
            self.roman, self.group, self.child, self.last = number, None, 0, ()
            return number
        parts = number.split(".")
        if len(parts) > 1:
            local = number
            self.group, self.child = (number, 0) if is_group else (None, 0)
        elif self.group is not None and int(number) in (1, self.child + 1):
            local, self.child = f"{self.group}.{number}", int(number)  # a row under a dotted group ("3.1" then "1")
        else:
            self.group, local = None, number
        key = tuple(int(p) for p in local.split("."))
        if self.last and key <= self.last:
            return None  # out of order: a number a wrapped cell opens with, not a row
        self.last = key
        return f"{self.roman}.{local}" if self.roman else local
