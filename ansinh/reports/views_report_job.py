"""A consolidated report built as a background job: queue it, watch it, download it.

``POST …/bao-cao/<year>/nen/`` queues ``reports.tasks.build_report`` with the same choices as the
direct build (``views_report.read_choices``) and opens the job page, which refreshes itself until
``ansinh worker`` has written the file (showing the step it is at, from the job's progress file),
then offers it. Only the person who asked sees the job. «Lập và tải báo cáo» on the build page posts
here: a national report takes seconds to minutes, longer than a request should.
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST
from django_tasks_db.models import DBTaskResult

from ansinh.plans.access import access_plan
from ansinh.reports.tasks import build_report, read_progress
from ansinh.reports.views_report import MEDIA_TYPES, read_choices

UNEXPECTED = "Có lỗi không mong đợi khi lập báo cáo; hãy thử lại hoặc báo quản trị viên."
STATUS_LABELS = {"READY": "Đang chờ", "RUNNING": "Đang lập báo cáo", "SUCCESSFUL": "Đã xong", "FAILED": "Không lập được"}


def output_root() -> Path:
    return Path(settings.DATA_DIR) / "reports"


@login_required
@require_POST
def report_build_background(request: HttpRequest, plan_id: int, year: int) -> HttpResponse:
    plan = access_plan(request.user, plan_id)
    if not 1990 <= year <= 2100:
        raise Http404("Năm kỳ báo cáo không hợp lệ.")
    kind, fmt, _, unit, refused = read_choices(request, plan, year)
    if refused is not None:
        return refused
    folder = output_root() / secrets.token_hex(16)
    folder.mkdir(parents=True)
    out = folder / f"bao-cao-ke-hoach-{plan.pk}-{year}{'-' + unit.code if unit else ''}.docx"
    job = build_report.enqueue(
        plan.pk, year, str(out), unit_id=unit.pk if unit else None, kind=kind, annex=fmt == "xlsx",
        pdf=fmt == "pdf", actor_id=request.user.pk,
    )
    return redirect("reports:report_job", job_id=job.id)


def _own_job(request: HttpRequest, job_id: Any) -> DBTaskResult:
    row = DBTaskResult.objects.filter(pk=job_id, task_path=build_report.module_path).first()
    if row is None or row.args_kwargs.get("kwargs", {}).get("actor_id") != request.user.pk:
        raise Http404("Không tìm thấy việc lập báo cáo này.")
    return row


def _wanted_format(row: DBTaskResult) -> str:
    kwargs = row.args_kwargs.get("kwargs", {})
    return "pdf" if kwargs.get("pdf") else "xlsx" if kwargs.get("annex") else "docx"


@login_required
def report_job(request: HttpRequest, job_id: Any) -> HttpResponse:
    row = _own_job(request, job_id)
    result = row.return_value if isinstance(row.return_value, dict) else {}
    fmt = _wanted_format(row)
    error = result.get("error") or (UNEXPECTED if row.status == "FAILED" else "")
    if row.status == "SUCCESSFUL" and not error and not result.get(fmt):
        error = " ".join(result.get("notes") or []) or "Không tạo được tệp định dạng này."
    progress = read_progress(Path(str(row.args_kwargs["args"][2]))) if row.status == "RUNNING" else {}
    context = {
        "job": row, "label": progress.get("label") or STATUS_LABELS.get(row.status, row.status), "error": error,
        "done": progress.get("done"), "total": progress.get("total"),
        "step": min(int(progress.get("done") or 0) + 1, int(progress.get("total") or 1)),
        "finished": row.status in ("SUCCESSFUL", "FAILED"), "ready": row.status == "SUCCESSFUL" and not error,
        "format": fmt, "plan_id": row.args_kwargs["args"][0], "year": row.args_kwargs["args"][1],
    }
    return render(request, "reports/report_job.html", context)


@login_required
def report_job_file(request: HttpRequest, job_id: Any) -> FileResponse:
    row = _own_job(request, job_id)
    result = row.return_value if isinstance(row.return_value, dict) else {}
    fmt = _wanted_format(row)
    path = Path(str(result.get(fmt) or ""))
    root = output_root().resolve()
    if row.status != "SUCCESSFUL" or not path.is_file() or root not in path.resolve().parents:
        raise Http404("Tệp báo cáo chưa có hoặc đã bị xóa; hãy lập lại.")
    return FileResponse(path.open("rb"), as_attachment=True, filename=path.name, content_type=MEDIA_TYPES[fmt])
