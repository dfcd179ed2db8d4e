"""Merge guards: other apps say why two persons must not be merged now.

A guard is a function ``fn(person_ids) -> str | None`` that returns a Vietnamese refusal (for
example "this person is on an open payment run") or ``None``. Apps register theirs once, in their
``AppConfig.ready``::

    from ansinh.registry.dedup.guards import register_merge_guard
    register_merge_guard(open_payment_run_guard)

``do_merge`` calls every guard inside its transaction, after locking both persons, and refuses
with the first message returned; nothing is changed then. Undoing a merge is not guarded (it puts
back what was there).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

MergeGuard = Callable[[Sequence[int]], "str | None"]

_guards: list[MergeGuard] = []


def register_merge_guard(fn: MergeGuard) -> MergeGuard:
    """Add ``fn`` (once; registering the same function again does nothing). Usable as a decorator."""
    if fn not in _guards:
        _guards.append(fn)
    return fn


def unregister_merge_guard(fn: MergeGuard) -> None:
    if fn in _guards:
        _guards.remove(fn)


def merge_guards() -> list[MergeGuard]:
    return list(_guards)


def merge_refusal(person_ids: Sequence[int]) -> str | None:
    """The first guard's refusal for merging ``person_ids``, or ``None`` when every guard allows it."""
    for guard in _guards:
        message = guard(list(person_ids))
        if message:
            return message
    return None
