"""``ansinh report build``: a DOCX, its Excel annex and PDF from a plan and a cycle; bad inputs fail clearly."""

from __future__ import annotations

import datetime as dt
import io
import shutil
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from docx import Document
from openpyxl import load_workbook

from ansinh.core.commands import Failure
from ansinh.core.models import AuditEvent
from ansinh.reporting.models import (
    Submission,
)
from ansinh.reports.report_data import collect_report_data
from tests.reports.report_fixtures import HCMC_EXTRACTION, Fixture, make_plan
from tests.reports.test_docx_layout import assert_decree30_layout

pytestmark = pytest.mark.django_db

def test_it_collects_actuals_and_statuses_from_the_roll_up(report_plan: Fixture) -> None:
    data = collect_report_data(report_plan.plan, 2025, today=dt.date(2025, 12, 10))
    rows = {r.target: r for r in data.targets}
    poor = rows["Tỷ lệ hộ nghèo"]
    assert (poor.milestone, poor.actual, poor.status) == ("dưới 1", "0,8 (2/2 đơn vị đã báo cáo)", "Đã đạt")
    bhyt = rows["Tỷ lệ dân số tham gia bảo hiểm y tế"]
    assert (bhyt.actual, bhyt.status) == ("93 (2/2 đơn vị đã báo cáo)", "Có nguy cơ không đạt")
    assert rows["Số nhà văn hóa xây mới"].status == "Chưa có số liệu"
    assert data.issuing_body == "Ủy ban nhân dân Thành phố Hồ Chí Minh" and data.place == "Thành phố Hồ Chí Minh"
    assert data.number == "…/BC-UBND" and data.recipients == ["Thành ủy"]
    assert [g.title for g in data.task_groups] == ["Công tác tuyên truyền", "Giảm nghèo bền vững"]
    assert "Phường Sài Gòn: Đã tổ chức 3 hội nghị quán triệt." in data.task_groups[0].paragraphs
    assert data.difficulties == ["Phường Sài Gòn: =Thiếu kinh phí"]
    assert [t.unit for t in data.annex] == ["Thành phố Hồ Chí Minh", "Phường Sài Gòn"]
    assert "Tình hình báo cáo của cấp xã: 1/2 xã, phường, đặc khu đã gửi báo cáo" in data.general[-1]


def test_the_causes_are_the_explanations_units_gave_for_missed_milestones(report_plan: Fixture, hcm: Any) -> None:
    from ansinh.reporting.models import Indicator, IndicatorValue, Submission

    sub = Submission.objects.get(cycle=report_plan.cycle)
    bhyt = Indicator.objects.get(code="BHYT")
    poor = Indicator.objects.get(code="HN")
    IndicatorValue.objects.create(
        submission=sub, indicator=bhyt, value=90, comment="Nhiều lao động tự do chưa tham gia.",
        flags=["Chưa đạt mốc năm 2025 (95 %)."],
    )
    IndicatorValue.objects.create(submission=sub, indicator=poor, value=0.4, comment="Ghi chú thường, không phải giải trình.")
    data = collect_report_data(report_plan.plan, 2025, today=dt.date(2025, 12, 10))
    assert data.causes == ["Phường Sài Gòn – Tỷ lệ tham gia BHYT: Nhiều lao động tự do chưa tham gia."]


def test_simulated_figures_are_said_to_be_simulated(report_plan: Fixture, tmp_path: Path) -> None:
    assert not collect_report_data(report_plan.plan, 2025).simulated
    Submission.objects.filter(cycle=report_plan.cycle).update(simulated=True)
    data = collect_report_data(report_plan.plan, 2025)
    assert data.simulated and data.general[0].startswith("Lưu ý: số liệu trong báo cáo này là số liệu mô phỏng")
    out = tmp_path / "r.docx"
    call_command("report", "build", "--plan", str(report_plan.plan.pk), "--cycle", "2025", "--out", str(out),
                 stdout=io.StringIO(), stderr=io.StringIO())
    assert "số liệu mô phỏng" in load_workbook(out.with_suffix(".xlsx")).worksheets[1]["A3"].value


def test_a_midterm_review_covers_every_year_of_the_period(report_plan: Fixture) -> None:
    data = collect_report_data(report_plan.plan, 2025, kind="midterm")
    assert data.years == (2024, 2025)
    assert "Sơ kết giai đoạn 2024–2025" in data.subject
    poor = next(r for r in data.targets if r.target == "Tỷ lệ hộ nghèo")
    assert poor.actual == "2024: 1,2; 2025: 0,8 (2/2 đơn vị đã báo cáo)"


def test_the_command_writes_a_decree_30_docx_and_a_safe_annex(report_plan: Fixture, tmp_path: Path) -> None:
    out = tmp_path / "bao-cao.docx"
    stdout, stderr = io.StringIO(), io.StringIO()
    call_command("report", "build", "--plan", str(report_plan.plan.pk), "--cycle", "2025", "--out", str(out),
                 "--signer", "Nguyễn Văn Ký", stdout=stdout, stderr=stderr)
    assert "Đã ghi báo cáo" in stdout.getvalue() and "Lập báo cáo" in stderr.getvalue()
    doc = Document(str(out))
    assert_decree30_layout(doc)
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "TT")
    assert [c.text for c in table.rows[1].cells] == ["1", "Tỷ lệ hộ nghèo", "%", "dưới 1", "0,8 (2/2 đơn vị đã báo cáo)", "Đã đạt"]
    assert doc.tables[-1].cell(0, 1).paragraphs[-1].text == "Nguyễn Văn Ký"
    wb = load_workbook(out.with_suffix(".xlsx"))
    assert wb.sheetnames == ["Tổng hợp", "Thành phố Hồ Chí Minh", "Phường Sài Gòn"]
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            assert not any(isinstance(v, str) and v.startswith(("=", "+", "-", "@")) for v in row)
    assert AuditEvent.objects.filter(action="reports.build", object_id=str(report_plan.plan.pk)).exists()


def test_a_unit_report_reads_that_units_figures(report_plan: Fixture, tmp_path: Path) -> None:
    out = tmp_path / "phuong.docx"
    call_command("report", "build", "--plan", str(report_plan.plan.pk), "--cycle", "2025", "--unit", "26740",
                 "--no-annex", "--out", str(out), stdout=io.StringIO(), stderr=io.StringIO())
    table = next(t for t in Document(str(out)).tables if t.rows[0].cells[0].text == "TT")
    assert table.rows[1].cells[4].text == "0,5" and not out.with_suffix(".xlsx").exists()


def test_a_plan_without_figures_still_gives_a_report(tmp_path: Path, db: None) -> None:
    plan = make_plan(slug="trong")
    out = tmp_path / "r.docx"
    call_command("report", "build", "--plan", str(plan.pk), "--cycle", "2025", "--out", str(out),
                 stdout=io.StringIO(), stderr=io.StringIO())
    table = next(t for t in Document(str(out)).tables if t.rows[0].cells[0].text == "TT")
    assert table.rows[1].cells[4].text == "chưa có số liệu"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--plan", "9999", "--cycle", "2025"], "Không có kế hoạch #9999"),
        (["--cycle", "2031"], "không có kỳ báo cáo năm 2031"),
        (["--cycle", "2025", "--unit", "XYZ"], "Không có đơn vị hành chính mã «XYZ»"),
        (["--cycle", "1800"], "không hợp lệ"),
    ],
)
def test_bad_inputs_fail_in_vietnamese_and_write_nothing(
    report_plan: Fixture, tmp_path: Path, capsys: Any, args: list[str], message: str
) -> None:
    out = tmp_path / "x.docx"
    base = ["--plan", str(report_plan.plan.pk)] if "--plan" not in args else []
    with pytest.raises(Failure):
        call_command("report", "build", *base, *args, "--out", str(out), stdout=io.StringIO())
    assert message in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_a_plan_id_or_year_that_is_not_a_number_is_refused_in_vietnamese(report_plan: Fixture, capsys: Any) -> None:
    with pytest.raises((SystemExit, CommandError)) as caught:
        call_command("report", "build", "--plan", "abc", "--cycle", "2025", "--out", "/tmp/x.docx")
    assert "mã kế hoạch phải là số nguyên, không phải «abc»" in str(caught.value) + capsys.readouterr().err


@pytest.mark.parametrize(
    ("name", "message"), [("thieu/x.docx", "không tồn tại"), ("x.pdf", "phải có đuôi .docx")]
)
def test_an_unwritable_output_is_refused(report_plan: Fixture, tmp_path: Path, capsys: Any, name: str, message: str) -> None:
    with pytest.raises(Failure):
        call_command("report", "build", "--plan", str(report_plan.plan.pk), "--cycle", "2025", "--out",
                     str(tmp_path / name), stdout=io.StringIO())
    assert message in capsys.readouterr().err
    assert not AuditEvent.objects.filter(action="reports.build").exists()


@pytest.mark.skipif(
    shutil.which("soffice") is None and shutil.which("libreoffice") is None,
    reason="Máy chưa cài LibreOffice (lệnh soffice); bỏ qua kiểm thử chuyển DOCX sang PDF.",
)
def test_with_libreoffice_the_docx_converts_to_a_pdf(report_plan: Fixture, tmp_path: Path) -> None:
    out = tmp_path / "r.docx"
    call_command("report", "build", "--plan", str(report_plan.plan.pk), "--cycle", "2025", "--pdf", "--out",
                 str(out), stdout=io.StringIO(), stderr=io.StringIO())
    pdf = out.with_suffix(".pdf")
    assert pdf.read_bytes()[:5] == b"%PDF-"


def test_without_libreoffice_the_pdf_step_says_so(report_plan: Fixture, tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    stderr = io.StringIO()
    out = tmp_path / "r.docx"
    call_command("report", "build", "--plan", str(report_plan.plan.pk), "--cycle", "2025", "--pdf", "--out",
                 str(out), stdout=io.StringIO(), stderr=stderr)
    assert "chưa cài LibreOffice" in stderr.getvalue() and out.exists() and not out.with_suffix(".pdf").exists()


def test_the_place_and_a_short_subject_come_from_the_plan_title() -> None:
    from ansinh.reports.report_text import place_in, short_title

    title = "Thực hiện Chương trình số 53-CTrHĐ/TU trên địa bàn Thành phố Hồ Chí Minh _ _ Thực hiện Nghị quyết số 42"
    assert place_in(title) == "Thành phố Hồ Chí Minh"
    assert place_in("Kế hoạch trên địa bàn tỉnh") == ""
    assert short_title(title) == "Thực hiện Chương trình số 53-CTrHĐ/TU trên địa bàn Thành phố Hồ Chí Minh"
    assert short_title("chữ " * 100).endswith("…") and len(short_title("chữ " * 100)) <= 181


def test_a_short_issuer_name_is_completed_from_the_title(db: None) -> None:
    plan = make_plan({**HCMC_EXTRACTION, "meta": {**HCMC_EXTRACTION["meta"], "number": "", "issuer": "Ủy ban nhân dân Thành phố",
                      "title": "Thực hiện Chương trình trên địa bàn Thành phố Hồ Chí Minh"}}, slug="ngan")
    data = collect_report_data(plan, 2025)
    assert data.issuing_body == "Ủy ban nhân dân Thành phố Hồ Chí Minh" and data.place == "Thành phố Hồ Chí Minh"
    assert data.subject.startswith("Kết quả thực hiện năm 2025 Kế hoạch thực hiện Chương trình")


def test_a_failed_write_keeps_the_previous_report_and_leaves_no_temporary_file(
    report_plan: Fixture, tmp_path: Path, capsys: Any, monkeypatch: Any
) -> None:
    out = tmp_path / "r.docx"
    out.write_bytes(b"ban cu")

    def broken(data: Any, path: Path) -> None:
        Path(path).write_bytes(b"nua chung")
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("ansinh.reports.actions.build_docx", broken)
    with pytest.raises(Failure):
        call_command("report", "build", "--plan", str(report_plan.plan.pk), "--cycle", "2025", "--out", str(out),
                     stdout=io.StringIO())
    assert "Không ghi được tệp" in capsys.readouterr().err
    assert out.read_bytes() == b"ban cu" and [p.name for p in tmp_path.iterdir()] == ["r.docx"]


def test_bulk_figures_agree_with_the_dashboards_progress_rules(report_plan: Fixture, hcm: Any, ward_a: Any) -> None:
    from ansinh.reporting.progress import target_progress
    from ansinh.reports.report_figures import Figures

    fig = Figures.load(report_plan.plan, 2025, hcm)
    for unit in (hcm, ward_a):
        for target in report_plan.plan.targets.all():
            tp = target_progress(target, unit, report_plan.cycle)
            assert fig.progress(target, unit, report_plan.cycle.year) == (tp.actual, tp.status_label, tp.series)
