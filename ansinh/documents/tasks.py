"""Background tasks of the documents app, run by ``ansinh worker`` (see ``ansinh.core.jobs``)."""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth import get_user_model
from django_tasks import task


@task()
def import_document(job_id: int, path: str, actor_id: int | None) -> int | None:
    """Read an uploaded plan for ``ImportJob`` ``job_id``; the plan's id, or None when it failed."""
    from ansinh.documents.jobs import run_import_job
    from ansinh.documents.models import ImportJob

    file = Path(path)
    try:
        actor = get_user_model().objects.filter(pk=actor_id).first() if actor_id else None
        run_import_job(job_id, file, actor)
    finally:
        file.unlink(missing_ok=True)  # also when the job row or the user vanished
    return ImportJob.objects.filter(pk=job_id).values_list("plan_id", flat=True).first()
