"""Read-side helpers for plans (lists with counts, without N+1 queries)."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, QuerySet

from ansinh.plans.models import Plan


def with_counts(plans: QuerySet[Plan]) -> QuerySet[Plan]:
    return plans.annotate(
        n_targets=Count("targets", distinct=True),
        n_tasks=Count("tasks", distinct=True),
        n_duties=Count("reporting_duties", distinct=True),
    )


def plan_summaries(plans: QuerySet[Plan]) -> list[dict[str, Any]]:
    return [
        {
            "id": p.pk,
            "number": p.number,
            "date": p.date.isoformat() if p.date else None,
            "title": p.title,
            "issuer": p.issuer,
            "level": p.level,
            "status": p.status,
            "status_label": p.get_status_display(),
            "targets": getattr(p, "n_targets", 0),
            "tasks": getattr(p, "n_tasks", 0),
            "reporting_duties": getattr(p, "n_duties", 0),
        }
        for p in with_counts(plans).order_by("id")
    ]
