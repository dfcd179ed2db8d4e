"""Views reach uploads and import jobs only through these functions.

Importing a plan document needs the ``plans.change_plan`` permission; a background import job
is seen only by the person who started it (or a superuser), anyone else gets a 404. The imported
plan is then its importer's to change while it has no area, and within their units once it has
one (``plans.scope``: the permission alone changes no plan).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied

from ansinh.core.lookup import first_or_404
from ansinh.documents.models import ImportJob


def require_importer(user: Any) -> None:
    if not user.has_perm("plans.change_plan"):
        raise PermissionDenied("Bạn không có quyền nhập văn bản kế hoạch.")


def access_import_job(user: Any, job_id: int) -> ImportJob:
    require_importer(user)
    jobs = ImportJob.objects.filter(pk=job_id)
    if not user.is_superuser:
        jobs = jobs.filter(created_by=user)
    return first_or_404(jobs, "Không tìm thấy lượt tải lên này.")
