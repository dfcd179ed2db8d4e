"""Writing the privacy log: one ``PersonAccess`` row (and its persons) per read, in the same request."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ansinh.registry.models_privacy import AccessKind, PersonAccess, PersonAccessItem

PURPOSE_MAX = 300


def log_access(user: Any, kind: str, person_ids: Iterable[int], *, purpose: str = "", query: str = "") -> PersonAccess:
    ids = list(dict.fromkeys(person_ids))
    access = PersonAccess.objects.create(
        user=user if getattr(user, "is_authenticated", False) else None, kind=kind,
        purpose=purpose.strip()[:PURPOSE_MAX], query=query.strip()[:200], count=len(ids),
    )
    PersonAccessItem.objects.bulk_create((PersonAccessItem(access=access, person_id=pk) for pk in ids), batch_size=2000)
    return access


def accesses_of(person_id: int, limit: int = 50) -> list[PersonAccess]:
    """The latest reads of one person (for their page and the data-subject report)."""
    return list(
        PersonAccess.objects.filter(items__person_id=person_id).select_related("user").order_by("-at", "-id")[:limit]
    )


__all__ = ["AccessKind", "accesses_of", "log_access"]
