"""A generation counter for the per-process page caches (``lib.page_cache``).

A cached page part is keyed by a state token: one query over what it depends on (versions, counts,
highest ids). An in-place edit of a definition — a renamed indicator, a retyped target value, a moved
deadline, ``ansinh recompute`` rewriting the roll-up — changes none of those; such writes call
:func:`bump` (the definitions' ``post_save``/``post_delete`` signals, through
:func:`bump_after_commit`, once per transaction; see ``reporting.apps``), and
the token reads the counter through :func:`sql`, so every web process sees the edit on its next
request. Bulk ``QuerySet.update()`` calls send no signal: code doing those calls :func:`bump` itself.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.db import connections, transaction
from django.db.models import F

from ansinh.core.models import PageGeneration


def bump(using: str = "default") -> None:
    """One more edit the state tokens cannot see (inside the caller's transaction, if any)."""
    rows = PageGeneration.objects.using(using)
    if not rows.filter(pk=1).update(value=F("value") + 1):
        rows.get_or_create(pk=1, defaults={"value": 1})


def sql(using: str = "default") -> str:
    """A scalar subquery giving the current generation (0 before the first bump)."""
    table = connections[using].ops.quote_name(PageGeneration._meta.db_table)
    return f"(SELECT COALESCE(MAX(g.value), 0) FROM {table} g)"


_AFTER_COMMIT: dict[str, Callable[[], None]] = {}


def bump_after_commit(using: str = "default") -> None:
    """:func:`bump` once when the current transaction commits (at once outside one).

    Bumping after the commit keeps the counter's row unlocked during long imports (no writer waits on
    another's transaction for it); a reader between the commit and the bump sees the new data anyway.
    """
    callback = _AFTER_COMMIT.setdefault(using, functools.partial(bump, using))
    connection = connections[using]
    # once per transaction (per savepoint level: a savepoint rolled back drops only its own callbacks)
    level = set(connection.savepoint_ids)
    if connection.in_atomic_block and any(e[1] is callback and e[0] == level for e in connection.run_on_commit):
        return
    transaction.on_commit(callback, using=using)


def on_definition_change(sender: Any, using: str = "default", **kwargs: Any) -> None:
    """``post_save``/``post_delete`` receiver for the models cached pages show."""
    bump_after_commit(using)
