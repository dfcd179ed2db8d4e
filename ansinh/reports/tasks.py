"""Background tasks of the reports app, run by ``ansinh worker`` (see ``ansinh.core.jobs``)."""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path
from typing import Any

from django.conf import settings
from django_tasks import task

log = logging.getLogger(__name__)

PROGRESS_FILE = "tien-do.json"
# What the job page says at each step of ``do_build_report`` (done, total).
STEP_LABELS = ("Đang tổng hợp số liệu", "Đang viết văn bản Word", "Đang viết phụ lục Excel", "Đang chuyển sang PDF")


def web_folder(out: Path) -> Path | None:
    """The job's own folder (``DATA_DIR/reports/<token>/``) when ``out`` lies in one, else None (a CLI path)."""
    root = (Path(settings.DATA_DIR) / "reports").resolve()
    folder = out.resolve().parent
    return folder if folder.parent == root else None


def read_progress(out: Path) -> dict[str, Any]:
    """The last progress written for the job that writes ``out`` (empty before the first step)."""
    folder = web_folder(out)
    try:
        data = json.loads((folder / PROGRESS_FILE).read_text(encoding="utf-8")) if folder else {}
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _progress_writer(folder: Path | None) -> Any:
    def write(done: int, total: int) -> None:
        if folder is None:
            return
        label = STEP_LABELS[min(done, len(STEP_LABELS) - 1)] if done < total else "Đã xong"
        tmp = folder / f".{PROGRESS_FILE}"
        try:
            tmp.write_text(json.dumps({"done": done, "total": total, "label": label}, ensure_ascii=False), encoding="utf-8")
            tmp.replace(folder / PROGRESS_FILE)
        except OSError:  # progress is a courtesy: the build goes on
            log.warning("could not write progress to %s", folder)

    return write


def _clean_failed(out: Path, folder: Path | None) -> None:
    """A failed build leaves nothing behind: the job's folder, or (a CLI path) the files it wrote."""
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)
        return
    for path in (out, out.with_suffix(".xlsx"), out.with_suffix(".pdf")):
        path.unlink(missing_ok=True)


@task()
def build_report(
    plan_id: int, year: int, out: str, *, unit_id: int | None = None, kind: str = "annual",
    annex: bool = True, pdf: bool = False, signer: str = "", actor_id: int | None = None,
) -> dict[str, Any]:
    """``do_build_report`` as a job: the written paths, or ``error`` with the Vietnamese refusal.

    Progress goes to ``tien-do.json`` in the job's folder (the web's job page reads it); a failed
    build removes what it wrote.
    """
    from django.contrib.auth import get_user_model

    from ansinh.geo.models import AdministrativeUnit
    from ansinh.plans.models import Plan
    from ansinh.reports.actions import ReportError, do_build_report

    path = Path(out)
    folder = web_folder(path)
    plan = Plan.objects.filter(pk=plan_id).first()
    if plan is None:
        _clean_failed(path, folder)
        return {"error": f"Không có kế hoạch #{plan_id}."}
    unit = AdministrativeUnit.objects.filter(pk=unit_id).first() if unit_id else None
    actor = get_user_model().objects.filter(pk=actor_id).first() if actor_id else None
    try:
        result = do_build_report(
            actor, plan, year, path, unit=unit, kind=kind, annex=annex, pdf=pdf, signer=signer,
            progress=_progress_writer(folder),
        )
    except ReportError as err:
        _clean_failed(path, folder)
        return {"error": err.message}
    except BaseException:
        log.exception("report build job for plan %s failed", plan_id)
        _clean_failed(path, folder)
        raise
    return {
        "docx": str(result.docx),
        "xlsx": str(result.xlsx) if result.xlsx else None,
        "pdf": str(result.pdf) if result.pdf else None,
        "notes": list(result.notes),
    }
