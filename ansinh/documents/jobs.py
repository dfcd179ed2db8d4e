"""Reading an upload as a background job, with a status row the upload page polls.

Scanned PDFs and photos go through OCR, which can take minutes; the request only
creates the ``ImportJob`` row and queues the task ``documents.tasks.import_document``
(django-tasks, database backend), which ``ansinh worker`` runs: ``do_import_document``
(all or nothing), recording progress, the resulting plan or the Vietnamese error.
A queued job survives a restart; one cut off mid-run is run again by the next worker.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from ansinh.core.models import audit
from ansinh.documents.formats import DocumentError
from ansinh.documents.models import ImportJob

log = logging.getLogger(__name__)

# A running job not updated for this long was cut off (the server restarted).
STALE_AFTER = dt.timedelta(minutes=30)
INTERRUPTED = "Việc xử lý văn bản bị gián đoạn (máy chủ có thể đã khởi động lại); hãy tải tệp lên lại."
UNEXPECTED = "Có lỗi không mong đợi khi xử lý văn bản; không có gì được lưu. Hãy thử lại hoặc báo quản trị viên."


@transaction.atomic
def do_create_import_job(filename: str, actor: Any) -> ImportJob:
    user = actor if getattr(actor, "is_authenticated", False) else None
    job = ImportJob.objects.create(filename=filename[:255], created_by=user)
    audit(actor, "document.import_job", job, summary=f"Tải lên {filename} để xử lý nền")
    return job


def _update(job_id: int, **values: Any) -> None:
    ImportJob.objects.filter(pk=job_id).update(updated_at=timezone.now(), **values)


def run_import_job(job_id: int, path: Path, actor: Any) -> None:
    """Import ``path`` for job ``job_id``; always ends with the job done or failed and the file removed."""
    from ansinh.documents.actions import do_import_document

    def progress(done: int, total: int) -> None:
        _update(job_id, done=done, total=total)

    job = ImportJob.objects.get(pk=job_id)
    _update(job_id, status=ImportJob.Status.RUNNING)
    try:
        plan = do_import_document(path, actor, filename=job.filename, progress=progress)
    except DocumentError as err:
        _update(job_id, status=ImportJob.Status.FAILED, message=err.message)
    except Exception:
        log.exception("import job %s failed", job_id)
        _update(job_id, status=ImportJob.Status.FAILED, message=UNEXPECTED)
    else:
        _update(job_id, status=ImportJob.Status.DONE, plan=plan, message="")
    finally:
        path.unlink(missing_ok=True)


def launch(job: ImportJob, path: Path, actor: Any) -> Any:
    """Queue the import for ``ansinh worker`` (tests replace this to run it inline); the task result."""
    from ansinh.documents.tasks import import_document

    return import_document.enqueue(job.pk, str(path), getattr(actor, "pk", None))


def job_state(job: ImportJob) -> dict[str, Any]:
    """What the polling page needs; a job cut off by a restart reads as failed."""
    status, message = job.status, job.message
    if not job.finished and timezone.now() - job.updated_at > STALE_AFTER:
        status, message = ImportJob.Status.FAILED, INTERRUPTED
    return {
        "status": status,
        "label": ImportJob.Status(status).label,
        "done": job.done,
        "total": job.total,
        "percent": job.percent,
        "message": message,
        "plan_id": job.plan_id,
        "finished": status in (ImportJob.Status.DONE, ImportJob.Status.FAILED),
    }
