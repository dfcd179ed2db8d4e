"""Background tasks of the reporting app, run by ``ansinh worker`` (see ``ansinh.core.jobs``)."""

from __future__ import annotations

from django_tasks import task


@task()
def recompute(cycle_ids: list[int] | None = None) -> int:
    """Rebuild every aggregate (of ``cycle_ids`` only, when given) from approved values; rows written."""
    from ansinh.reporting.rollup import recompute_all

    return recompute_all(cycle_ids=cycle_ids)
