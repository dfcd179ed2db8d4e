"""Rendered page parts kept in the web process, under a key that names the state they were built from.

A ``Store`` holds at most ``max_entries`` strings for at most ``ttl`` seconds each (least recently
used dropped first). The key must contain everything the part depends on; the time limit only
bounds how long an edit the key cannot see (an in-place definition change) takes to show. Each
gunicorn worker has its own stores: nothing is shared between processes, nothing is written to disk.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")
_STORES: list[Store] = []


class Store:
    def __init__(self, ttl: float, max_entries: int) -> None:
        self.ttl = ttl
        self.max_entries = max_entries
        self._lock = threading.Lock()
        self._items: OrderedDict[Hashable, tuple[float, Any]] = OrderedDict()
        _STORES.append(self)

    def __len__(self) -> int:
        return len(self._items)

    def cached(self, key: Hashable, build: Callable[[], T]) -> T:
        """The part stored under ``key`` if younger than ``ttl``; else ``build()``, stored.

        A stored value is shared by every thread of the process: store only what nobody changes
        (rendered text, tuples of model instances only read)."""
        now = time.monotonic()
        with self._lock:
            hit = self._items.get(key)
            if hit is not None and now - hit[0] < self.ttl:
                self._items.move_to_end(key)
                value: T = hit[1]
                return value
        part = build()
        with self._lock:
            self._items[key] = (now, part)
            self._items.move_to_end(key)
            while len(self._items) > self.max_entries:
                self._items.popitem(last=False)
        return part

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


def clear_all() -> None:
    """Forget every stored part (tests; after a bulk edit made outside the web)."""
    for store in _STORES:
        store.clear()
