"""Long builds as background jobs: ``--background`` only queues; ``ansinh worker`` writes the files."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult
from docx import Document

from ansinh.core.commands import Failure
from tests.commands import run_command
from tests.reports.report_fixtures import Fixture

# the worker closes connections between jobs as a request would: outside a test transaction
pytestmark = pytest.mark.django_db(transaction=True)


def test_a_background_report_build_is_queued_and_the_worker_writes_it(report_plan: Fixture, tmp_path: Path) -> None:
    out = tmp_path / "bao-cao-nen.docx"
    code, text, _ = run_command(
        "report", "build", "--plan", str(report_plan.plan.pk), "--cycle", "2025", "--out", str(out), "--background"
    )
    job = DBTaskResult.objects.get()
    assert code == 0 and str(job.id) in text and "ansinh worker" in text and not out.exists()
    call_command("worker", "--batch", verbosity=0)
    job.refresh_from_db()
    assert job.status == "SUCCESSFUL" and job.return_value["docx"] == str(out.resolve())
    assert Document(str(out)).paragraphs and out.with_suffix(".xlsx").exists()


def test_a_background_build_to_a_folder_that_does_not_exist_is_refused_at_once(report_plan: Fixture, tmp_path: Path) -> None:
    with pytest.raises(Failure):
        call_command(
            "report", "build", "--plan", str(report_plan.plan.pk), "--cycle", "2025",
            "--out", str(tmp_path / "khong-co" / "x.docx"), "--background", stdout=io.StringIO(), stderr=io.StringIO(),
        )
    assert DBTaskResult.objects.count() == 0


def test_a_background_recompute_is_queued_and_the_worker_runs_it(
    report_plan: Fixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[Any] = []

    def recompute_all(using: str = "default", cycle_ids: Any = None) -> int:
        calls.append(cycle_ids)
        return 7

    monkeypatch.setattr("ansinh.reporting.rollup.recompute_all", recompute_all)
    code, text, _ = run_command("reporting", "recompute", "--background", "--cycle", str(report_plan.cycle.pk))
    assert code == 0 and "mã việc" in text and calls == []
    call_command("worker", "--batch", verbosity=0)
    job = DBTaskResult.objects.get()
    assert (job.status, job.return_value, calls) == ("SUCCESSFUL", 7, [[report_plan.cycle.pk]])
