"""Caches kept within one document: what a rule reads of a piece of text (a name's fold, a clause's bodies) is read
again by the next rule, so it is remembered; ``pipeline.extract_plan`` forgets it all before each document, so a
bench that reads the same documents again is not sped up by them."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import TypeVar

T = TypeVar("T")

_CLEARS: list[Callable[[], None]] = []


def text_cache(maxsize: int = 4096) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """A decorator: the function remembered per argument until ``clear_text_caches``."""

    def wrap(func: Callable[..., T]) -> Callable[..., T]:
        cached = lru_cache(maxsize=maxsize)(func)
        _CLEARS.append(cached.cache_clear)
        return cached

    return wrap


def clear_text_caches() -> None:
    """Forget what every ``text_cache`` function remembered."""
    for clear in _CLEARS:
        clear()
