"""Writes of the reports app: building a consolidated report.

Each ``do_*`` runs in one transaction and leaves an audit row. Report files are written to a
temporary name next to the target and renamed at the end, so a failure never leaves a
half-written report behind.
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction

from ansinh.core.errors import UserError
from ansinh.core.models import audit
from ansinh.geo.models import AdministrativeUnit
from ansinh.plans.models import Plan
from ansinh.reports.docx_builder import build_docx
from ansinh.reports.report_content import ReportData
from ansinh.reports.report_data import ReportDataError, collect_report_data
from ansinh.reports.xlsx_annex import build_xlsx

Progress = Callable[[int, int], None]
PDF_TIMEOUT_S = 120
NO_SOFFICE = "Không tạo được PDF: máy chưa cài LibreOffice (lệnh soffice). Cài gói libreoffice-writer rồi chạy lại."


class ReportError(UserError):
    """A report action was refused; ``message`` is Vietnamese, for the user."""


@dataclass
class BuiltReport:
    docx: Path
    xlsx: Path | None = None
    pdf: Path | None = None
    notes: list[str] = field(default_factory=list)
    data: ReportData | None = None


def check_output(out: Path) -> Path:
    """The resolved output path, or a Vietnamese error if it cannot be written."""
    if out.suffix.lower() != ".docx":
        raise ReportError(f"Tệp kết quả phải có đuôi .docx: {out}")
    parent = out.expanduser().resolve().parent
    if not parent.is_dir():
        raise ReportError(f"Thư mục {parent} không tồn tại; không ghi được tệp báo cáo.")
    if not os.access(parent, os.W_OK) or (out.exists() and not os.access(out, os.W_OK)):
        raise ReportError(f"Không có quyền ghi vào {out}.")
    if out.exists() and out.is_dir():
        raise ReportError(f"{out} là một thư mục, không phải tệp.")
    return out.expanduser().resolve()


def _write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    # Not mkstemp: the file is created by open() and so gets the usual permissions (umask).
    tmp = path.with_name(f".{path.stem}.{os.getpid()}.{secrets.token_hex(4)}{path.suffix}")
    try:
        write(tmp)
        os.replace(tmp, path)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise ReportError(f"Không ghi được tệp {path}: {err.strerror or err}.") from err
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def convert_to_pdf(docx: Path, soffice: str | None = None) -> Path:
    """Convert with LibreOffice headless next to ``docx``; raise :class:`ReportError` when impossible."""
    exe = soffice or shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        raise ReportError(NO_SOFFICE)
    with tempfile.TemporaryDirectory(prefix="ansinh-lo-") as profile, tempfile.TemporaryDirectory() as outdir:
        cmd = [
            exe,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            outdir,
            str(docx),
        ]
        try:
            subprocess.run(cmd, check=True, capture_output=True, timeout=PDF_TIMEOUT_S)
        except (subprocess.SubprocessError, OSError) as err:
            raise ReportError(f"LibreOffice không chuyển được sang PDF: {err}") from err
        produced = Path(outdir) / (docx.stem + ".pdf")
        if not produced.exists():
            raise ReportError("LibreOffice không tạo ra tệp PDF.")
        target = docx.with_suffix(".pdf")
        shutil.move(str(produced), target)
    return target


def do_build_report(
    actor: Any,
    plan: Plan,
    year: int,
    out: Path,
    *,
    unit: AdministrativeUnit | None = None,
    kind: str = "annual",
    annex: bool = True,
    pdf: bool = False,
    signer: str = "",
    progress: Progress | None = None,
) -> BuiltReport:
    """Write ``out`` (DOCX), its ``.xlsx`` annex and optionally a PDF; audited."""
    step = progress or (lambda done, total: None)
    total = 2 + int(annex) + int(pdf)
    out = check_output(out)
    step(0, total)
    try:
        data = collect_report_data(plan, year, unit, kind)
    except ReportDataError as err:
        raise ReportError(err.message) from err
    data.signer_name = signer or data.signer_name
    step(1, total)
    _write_atomically(out, lambda p: build_docx(data, p))
    result = BuiltReport(docx=out, data=data)
    step(2, total)
    if annex:
        result.xlsx = out.with_suffix(".xlsx")
        _write_atomically(result.xlsx, lambda p: build_xlsx(data, p))
        step(3, total)
    if pdf:
        try:
            result.pdf = convert_to_pdf(out)
        except ReportError as err:
            result.notes.append(err.message)
        step(total, total)
    with transaction.atomic():  # only the audit row: the files (and LibreOffice) stay outside the transaction
        _audit_build(actor, plan, year, kind, unit, result)
    return result


def _audit_build(actor: Any, plan: Plan, year: int, kind: str, unit: AdministrativeUnit | None, result: BuiltReport) -> None:
    audit(
        actor,
        "reports.build",
        plan,
        summary=f"Lập báo cáo {kind} năm {year} cho kế hoạch #{plan.pk}" + (f", đơn vị {unit.code}" if unit else ""),
        after={"year": year, "kind": kind, "unit": unit.code if unit else None, "files": [str(p) for p in
               (result.docx, result.xlsx, result.pdf) if p]},
    )
