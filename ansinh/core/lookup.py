"""The one way an access function turns "not there, or not yours" into a Vietnamese 404."""

from __future__ import annotations

from typing import TypeVar

from django.db.models import Model, QuerySet
from django.http import Http404

M = TypeVar("M", bound=Model)


def first_or_404(queryset: QuerySet[M], message: str) -> M:
    """The first object of ``queryset`` (already narrowed to the user's scope), or ``Http404(message)``."""
    found = queryset.first()
    if found is None:
        raise Http404(message)
    return found
