"""Views reach uploads and import jobs only through these functions.

Importing a plan document needs the ``plans.change_plan`` permission; a background import job
is seen only by the person who started it (or a superuser), anyone else gets a 404.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404

from ansinh.documents.models import ImportJob


def require_importer(user: Any) -> None:
    if not user.has_perm("plans.change_plan"):
        raise PermissionDenied("Bạn không có quyền nhập văn bản kế hoạch.")


def access_import_job(user: Any, job_id: int) -> ImportJob:
    require_importer(user)
    job = ImportJob.objects.filter(pk=job_id).first()
    if job is None or (job.created_by_id != user.pk and not user.is_superuser):
        raise Http404("Không tìm thấy lượt tải lên này.")
    return job
