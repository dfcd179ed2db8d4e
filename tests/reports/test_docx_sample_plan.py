"""End to end: HCMC's bundled plan, imported as the demo does, gives a Decree 30 report for 2025."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from docx import Document

from ansinh.core.demo import SAMPLES_DIR
from ansinh.documents.actions import do_import_document
from tests.reports.test_docx_layout import assert_decree30_layout

pytestmark = pytest.mark.django_db


def test_the_hcmc_sample_plan_gives_a_decree_30_report(tmp_path: Path) -> None:
    plan = do_import_document(SAMPLES_DIR / "hcmc-plan-53.txt")
    out = tmp_path / "hcm-2025.docx"
    call_command("report", "build", "--plan", str(plan.pk), "--cycle", "2025", "--out", str(out),
                 stdout=io.StringIO(), stderr=io.StringIO())
    doc = Document(str(out))
    assert_decree30_layout(doc)
    header = doc.tables[0]
    assert header.cell(0, 0).text.startswith("ỦY BAN NHÂN DÂN THÀNH PHỐ")
    targets = next(t for t in doc.tables if t.rows[0].cells[0].text == "TT")
    assert len(targets.rows) == plan.targets.count() + 1
    assert {row.cells[5].text for row in targets.rows[1:]} <= {"Chưa có số liệu", "Đã đạt", "Đúng tiến độ",
                                                                "Có nguy cơ không đạt", "Chậm tiến độ"}
