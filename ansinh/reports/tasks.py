"""Background tasks of the reports app, run by ``ansinh worker`` (see ``ansinh.core.jobs``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django_tasks import task


@task()
def build_report(
    plan_id: int, year: int, out: str, *, unit_id: int | None = None, kind: str = "annual",
    annex: bool = True, pdf: bool = False, signer: str = "", actor_id: int | None = None,
) -> dict[str, Any]:
    """``do_build_report`` as a job: the written paths, or ``error`` with the Vietnamese refusal."""
    from django.contrib.auth import get_user_model

    from ansinh.geo.models import AdministrativeUnit
    from ansinh.plans.models import Plan
    from ansinh.reports.actions import ReportError, do_build_report

    plan = Plan.objects.filter(pk=plan_id).first()
    if plan is None:
        return {"error": f"Không có kế hoạch #{plan_id}."}
    unit = AdministrativeUnit.objects.filter(pk=unit_id).first() if unit_id else None
    actor = get_user_model().objects.filter(pk=actor_id).first() if actor_id else None
    try:
        result = do_build_report(actor, plan, year, Path(out), unit=unit, kind=kind, annex=annex, pdf=pdf, signer=signer)
    except ReportError as err:
        return {"error": err.message}
    return {
        "docx": str(result.docx),
        "xlsx": str(result.xlsx) if result.xlsx else None,
        "pdf": str(result.pdf) if result.pdf else None,
        "notes": list(result.notes),
    }
