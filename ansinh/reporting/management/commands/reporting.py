"""``ansinh reporting``: catalogue seed, cycle generation and a from-scratch roll-up."""

from __future__ import annotations

import argparse
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from ansinh.core.commands import CommandFailure
from ansinh.core.progress import ProgressBar


class Command(BaseCommand):
    help = (
        "Báo cáo định kỳ: nạp danh mục chỉ tiêu (catalogue), tạo kỳ báo cáo của một kế hoạch (cycles), "
        "tính lại toàn bộ số liệu tổng hợp (recompute)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(
            dest="action", required=True, metavar="VIỆC", parser_class=argparse.ArgumentParser
        )
        sub.add_parser("catalogue", help="nạp hoặc cập nhật danh mục chỉ tiêu từ tệp dữ liệu đi kèm")
        cycles = sub.add_parser(
            "cycles", help="tạo kỳ báo cáo từ chế độ báo cáo của kế hoạch (chạy lại không đổi)"
        )
        cycles.add_argument("plan", help="mã số (ID) kế hoạch")
        cycles.add_argument("years", nargs="+", help="các năm, ví dụ 2024 2025")
        recompute = sub.add_parser(
            "recompute", help="tính lại toàn bộ số liệu tổng hợp từ số liệu đã phê duyệt"
        )
        recompute.add_argument("--cycle", action="append", default=None, help="chỉ tính lại kỳ có ID này")
        recompute.add_argument(
            "--background", action="store_true", help="xếp thành việc nền cho `ansinh worker` chạy rồi thoát ngay"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "catalogue":
            from ansinh.reporting.catalogue import load_catalogue

            self.stdout.write(f"Đã cập nhật {load_catalogue()} chỉ tiêu trong danh mục.")
        elif action == "cycles":
            self._cycles(options["plan"], options["years"])
        else:
            self._recompute(options["cycle"], background=options["background"])

    def _cycles(self, plan_ref: str, years: list[str]) -> None:
        from ansinh.plans.models import Plan
        from ansinh.reporting.cycles import generate_cycles

        if not plan_ref.isdigit():
            raise CommandFailure(f"Mã kế hoạch phải là số nguyên dương, không phải «{plan_ref}».")
        plan = Plan.objects.filter(pk=int(plan_ref)).first()
        if plan is None:
            raise CommandFailure(f"Không có kế hoạch mã {plan_ref}.")
        bad = [y for y in years if not (y.isdigit() and 2000 <= int(y) <= 2100)]
        if bad:
            raise CommandFailure(f"Năm không hợp lệ: {', '.join(bad)} (cần năm từ 2000 đến 2100).")
        for cycle in generate_cycles(plan, [int(y) for y in years]):
            dues = ", ".join(f"{d.get_level_display()} {d.due:%d/%m/%Y}" for d in cycle.deadlines.all())
            self.stdout.write(
                f"{cycle.label}: {cycle.period_start:%d/%m/%Y}–{cycle.period_end:%d/%m/%Y}; hạn: {dues}"
            )

    def _recompute(self, cycles: list[str] | None, background: bool = False) -> None:
        from ansinh.reporting.models import ReportingCycle
        from ansinh.reporting.rollup import recompute_all

        ids: list[int] | None = None
        if cycles is not None:
            if not all(c.isdigit() for c in cycles):
                raise CommandFailure("Mã kỳ báo cáo phải là số nguyên dương.")
            ids = [int(c) for c in cycles]
            missing = set(ids) - set(ReportingCycle.objects.filter(pk__in=ids).values_list("pk", flat=True))
            if missing:
                raise CommandFailure(f"Không có kỳ báo cáo mã {', '.join(map(str, sorted(missing)))}.")
        if background:
            from ansinh.reporting.tasks import recompute

            job = recompute.enqueue(ids)
            self.stdout.write(f"Đã xếp việc tính lại số liệu tổng hợp (mã việc {job.id}); `ansinh worker` sẽ chạy.")
            return
        bar = ProgressBar("Tính lại số liệu tổng hợp", stream=self.stderr)  # type: ignore[arg-type]
        started = time.monotonic()
        bar(0, 1)
        rows = recompute_all(cycle_ids=ids)
        bar(1, 1)
        self.stdout.write(f"Đã tính lại {rows} dòng tổng hợp trong {time.monotonic() - started:.1f} giây.")
