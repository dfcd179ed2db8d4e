"""A dependency-free progress bar for long CLI work (OCR, imports, recomputation)."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class ProgressBar:
    """``bar(done, total)`` redraws one line on a terminal, or prints sparse lines otherwise."""

    def __init__(self, label: str, stream: TextIO | None = None, width: int = 30) -> None:
        self.label = label
        self.stream = stream or sys.stderr
        self.width = width
        self.started = time.monotonic()
        self._last_pct = -1
        self._tty = bool(getattr(self.stream, "isatty", lambda: False)())

    def __call__(self, done: int, total: int) -> None:
        total = max(total, 1)
        pct = min(100, int(done * 100 / total))
        if not self._tty and pct < 100 and pct - self._last_pct < 10:
            return
        if pct == self._last_pct and done < total:
            return
        self._last_pct = pct
        filled = int(self.width * pct / 100)
        elapsed = time.monotonic() - self.started
        line = f"{self.label} [{'#' * filled}{'.' * (self.width - filled)}] {done}/{total} ({pct}%) {elapsed:.1f}s"
        if self._tty:
            self.stream.write("\r" + line + ("\n" if done >= total else ""))
        else:
            self.stream.write(line + "\n")
        self.stream.flush()
