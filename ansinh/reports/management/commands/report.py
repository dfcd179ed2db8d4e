"""``ansinh report build``: the consolidated report of a plan (Decree 30/2020 DOCX, Excel annex, PDF)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TextIO, cast

from django.core.management.base import BaseCommand, CommandParser

from ansinh.core.commands import fail, whole_number
from ansinh.core.progress import ProgressBar
from ansinh.geo.models import AdministrativeUnit
from ansinh.plans.models import Plan
from ansinh.reports.actions import ReportError, do_build_report

KINDS = ("annual", "midterm", "final")


class Command(BaseCommand):
    help = "Lập báo cáo tổng hợp của một kế hoạch: DOCX theo Nghị định 30/2020, phụ lục Excel, PDF."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="VIỆC")
        b = sub.add_parser("build", help="Lập báo cáo của một kế hoạch cho một kỳ (năm).")
        b.add_argument("--plan", required=True, type=whole_number("mã kế hoạch"), metavar="ID", help="mã kế hoạch như trong `ansinh plan list`")
        b.add_argument("--cycle", required=True, type=whole_number("năm kỳ báo cáo"), metavar="NĂM", help="năm của kỳ báo cáo, ví dụ 2025")
        b.add_argument("--unit", metavar="MÃ", help="mã đơn vị hành chính (mặc định: toàn địa bàn của kế hoạch)")
        b.add_argument(
            "--kind", choices=KINDS, default="annual", help="annual (hằng năm), midterm (sơ kết), final (tổng kết)"
        )
        b.add_argument("--out", required=True, type=Path, metavar="FILE.docx", help="tệp DOCX sẽ ghi")
        b.add_argument("--annex", action="store_true", default=True, help="ghi kèm phụ lục FILE.xlsx (mặc định)")
        b.add_argument("--no-annex", dest="annex", action="store_false", help="không ghi phụ lục Excel")
        b.add_argument("--pdf", action="store_true", help="chuyển sang FILE.pdf bằng LibreOffice (nếu đã cài)")
        b.add_argument("--signer", default="", metavar="HỌ TÊN", help="họ tên người ký (mặc định để trống để ký tay)")
        b.add_argument(
            "--background", action="store_true", help="xếp thành việc nền cho `ansinh worker` chạy rồi thoát ngay"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        getattr(self, f"handle_{options['action']}")(options)

    def handle_build(self, options: dict[str, Any]) -> None:
        plan = Plan.objects.filter(pk=options["plan"]).first()
        if plan is None:
            fail(self.stderr, f"Không có kế hoạch #{options['plan']}. Xem danh sách bằng `ansinh plan list`.")
        year: int = options["cycle"]
        if not 1990 <= year <= 2100:
            fail(self.stderr, f"Năm kỳ báo cáo {year} không hợp lệ.")
        unit = None
        if options["unit"]:
            code = str(options["unit"]).strip()
            unit = AdministrativeUnit.objects.filter(code=code).order_by("-valid_from").first()
            if unit is None:
                fail(self.stderr, f"Không có đơn vị hành chính mã «{code}».")
        if options["background"]:
            self._enqueue(plan, year, unit, options)
            return
        bar = ProgressBar("Lập báo cáo", cast(TextIO, self.stderr._out))
        try:
            result = do_build_report(
                None,
                plan,
                year,
                options["out"],
                unit=unit,
                kind=options["kind"],
                annex=options["annex"],
                pdf=options["pdf"],
                signer=str(options["signer"]).strip()[:100],
                progress=bar,
            )
        except ReportError as err:
            fail(self.stderr, err.message)
        self.stdout.write(f"Đã ghi báo cáo: {result.docx}")
        if result.xlsx:
            self.stdout.write(f"Đã ghi phụ lục: {result.xlsx}")
        if result.pdf:
            self.stdout.write(f"Đã ghi PDF: {result.pdf}")
        for note in result.notes:
            self.stderr.write(note)

    def _enqueue(self, plan: Plan, year: int, unit: AdministrativeUnit | None, options: dict[str, Any]) -> None:
        from ansinh.reports.actions import check_output
        from ansinh.reports.tasks import build_report

        try:
            out = check_output(options["out"])
        except ReportError as err:
            fail(self.stderr, err.message)
        job = build_report.enqueue(
            plan.pk, year, str(out), unit_id=unit.pk if unit else None, kind=options["kind"],
            annex=options["annex"], pdf=options["pdf"], signer=str(options["signer"]).strip()[:100],
        )
        self.stdout.write(f"Đã xếp việc lập báo cáo (mã việc {job.id}); `ansinh worker` sẽ ghi {out}.")
