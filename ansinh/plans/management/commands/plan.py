"""``ansinh plan parse|import|list|approve|area|export``: plans from the command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from ansinh.core.commands import fail, whole_number
from ansinh.core.progress import ProgressBar
from ansinh.documents.actions import do_import_document, parse_file
from ansinh.documents.formats import DocumentError
from ansinh.documents.parsing import to_text_summary
from ansinh.plans.models import Plan
from ansinh.plans.queries import plan_summaries


class Command(BaseCommand):
    help = (
        "Làm việc với kế hoạch: trích xuất (parse), nhập (import), liệt kê (list), phê duyệt (approve), "
        "đặt địa bàn áp dụng (area), liên kết chỉ tiêu với danh mục (link), xuất JSON (export)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="VIỆC")
        p = sub.add_parser("parse", help="In kết quả trích xuất một văn bản kế hoạch, không lưu gì.")
        p.add_argument("file", type=Path, help="tệp .txt, .docx, .pdf hoặc ảnh quét")
        p.add_argument("--format", choices=["json", "text"], default="json", help="định dạng in ra (mặc định json)")
        i = sub.add_parser("import", help="Nhập một hay nhiều văn bản thành kế hoạch ở trạng thái nháp.")
        i.add_argument("files", nargs="+", type=Path, metavar="FILE")
        i.add_argument("--skip-existing", action="store_true", help="bỏ qua tệp đã nhập (cùng nội dung)")
        ls = sub.add_parser("list", help="Liệt kê các kế hoạch đã lưu.")
        ls.add_argument("--format", choices=["json", "text"], default="text")
        a = sub.add_parser(
            "approve",
            help="Phê duyệt một kế hoạch nháp (cần địa bàn và ít nhất một chỉ tiêu đã liên kết) và tạo kỳ báo cáo.",
        )
        a.add_argument("plan_id", type=whole_number("mã kế hoạch"), metavar="ID")
        a.add_argument("--area", default="", metavar="MÃ|toan-quoc",
                       help="địa bàn áp dụng: mã đơn vị hành chính đang có hiệu lực, hoặc toan-quoc cho kế hoạch trung ương")
        lk = sub.add_parser("link", help="Xem và xác nhận liên kết chỉ tiêu của kế hoạch với danh mục chỉ tiêu.")
        lk.add_argument("plan_id", type=whole_number("mã kế hoạch"), metavar="ID")
        lk.add_argument("--accept-suggestions", action="store_true", help="xác nhận gợi ý tốt nhất của mỗi chỉ tiêu chưa liên kết")
        lk.add_argument("--min-score", default="0.6", metavar="S", help="điểm tối thiểu của gợi ý được xác nhận (mặc định 0.6)")
        ar = sub.add_parser("area", help="Đặt hoặc bỏ địa bàn áp dụng của một kế hoạch (kể cả kế hoạch đã phê duyệt).")
        ar.add_argument("plan_id", type=whole_number("mã kế hoạch"), metavar="ID")
        ar.add_argument("code", metavar="MÃ", help="mã đơn vị hành chính đang có hiệu lực, ví dụ 79; toan-quoc cho kế hoạch trung ương; «-» để bỏ địa bàn của kế hoạch nháp")
        e = sub.add_parser("export", help="Xuất kế hoạch (đã rà soát) ra JSON theo lược đồ trao đổi, làm dữ liệu chuẩn (gold).")
        e.add_argument("plan_id", type=whole_number("mã kế hoạch"), metavar="ID")
        e.add_argument("--out", type=Path, required=True, metavar="FILE.json", help="tệp JSON sẽ ghi ra")

    def handle(self, *args: Any, **options: Any) -> None:
        getattr(self, f"handle_{options['action']}")(options)

    def handle_parse(self, options: dict[str, Any]) -> None:
        path: Path = options["file"]
        try:
            result, extraction = parse_file(path, ProgressBar(f"Đọc {path.name}", sys.stderr))
        except DocumentError as err:
            fail(self.stderr, err.message)
        for warning in result.warnings:
            self.stderr.write(f"Lưu ý: {warning}")
        if options["format"] == "json":
            self.stdout.write(json.dumps(extraction, ensure_ascii=False, indent=1))
        else:
            self.stdout.write(to_text_summary(extraction))

    def handle_import(self, options: dict[str, Any]) -> None:
        paths: list[Path] = options["files"]
        failures = 0
        for path in paths:
            try:
                plan = do_import_document(
                    path, progress=ProgressBar(f"Đọc {path.name}", sys.stderr), skip_existing=options["skip_existing"]
                )
            except DocumentError as err:
                failures += 1
                self.stderr.write(f"Lỗi: {path}: {err.message}")
                continue
            self.stdout.write(
                f"Đã nhập {path.name}: kế hoạch #{plan.pk} {plan.number or ''} "
                f"({plan.targets.count()} chỉ tiêu, {plan.tasks.count()} nhiệm vụ), trạng thái {plan.get_status_display()}"
            )
            for warning in plan.source_document.read_warnings if plan.source_document is not None else []:
                self.stderr.write(f"Lưu ý: {path.name}: {warning}")
        if failures:
            fail(self.stderr, f"{failures}/{len(paths)} tệp không nhập được; các tệp đó không được lưu.")

    def handle_list(self, options: dict[str, Any]) -> None:
        rows = plan_summaries(Plan.objects.all())
        if options["format"] == "json":
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1))
            return
        if not rows:
            self.stdout.write("Chưa có kế hoạch nào. Dùng `ansinh plan import FILE` để nhập.")
            return
        for r in rows:
            self.stdout.write(
                f"#{r['id']:<4} {r['number'] or '—':<16} {r['status_label']:<16} {r['targets']:>3} chỉ tiêu "
                f"{r['tasks']:>3} nhiệm vụ  {r['issuer'] or ''} — {r['title'][:70]}"
            )

    def handle_approve(self, options: dict[str, Any]) -> None:
        from ansinh.core.errors import UserError
        from ansinh.reporting.approval import area_label, do_approve_with_checklist, resolve_area

        plan = Plan.objects.filter(pk=options["plan_id"]).first()
        if plan is None:
            fail(self.stderr, f"Không có kế hoạch #{options['plan_id']}.")
        try:
            area = resolve_area(options["area"]) if options["area"].strip() else None
            plan, cycles = do_approve_with_checklist(plan, None, area)
        except UserError as err:
            fail(self.stderr, err.message + (" Dùng --area MÃ hoặc --area toan-quoc." if not options["area"].strip() else ""))
        self.stdout.write(f"Đã phê duyệt kế hoạch #{plan.pk}, địa bàn {area_label(area)}; tạo {len(cycles)} kỳ báo cáo:")
        for cycle in cycles:
            dues = ", ".join(f"{d.get_level_display()} {d.due:%d/%m/%Y}" for d in cycle.deadlines.all())
            self.stdout.write(f"  {cycle.label}: hạn {dues}")

    def handle_link(self, options: dict[str, Any]) -> None:
        from ansinh.lib.vnnumbers import format_vn, parse_vn
        from ansinh.reporting.linking import LinkError, do_accept_suggestions, target_rows

        plan = Plan.objects.filter(pk=options["plan_id"]).first()
        if plan is None:
            fail(self.stderr, f"Không có kế hoạch #{options['plan_id']}.")
        raw = options["min_score"].strip()
        min_score = parse_vn(raw.replace(".", ",")) if raw.count(".") <= 1 else None
        if min_score is None or not 0 <= min_score <= 2:
            fail(self.stderr, f"Điểm tối thiểu phải là số từ 0 đến 2, ví dụ 0.6; không phải «{raw}».")
        if options["accept_suggestions"]:
            try:
                made = do_accept_suggestions(None, plan, min_score)
            except LinkError as err:
                fail(self.stderr, err.message)
            self.stdout.write(f"Đã xác nhận {len(made)} gợi ý (điểm ≥ {format_vn(min_score)}).")
        for row in target_rows(plan):
            t = row.target
            if row.link is not None:
                state = "đã liên kết" if row.link.confirmed else "gợi ý chưa xác nhận"
                self.stdout.write(f"#{t.pk} {t.indicator_name} [{t.unit or '—'}]: {state} → {row.link.indicator.code} {row.link.indicator.name}")
                for warning in row.warnings:
                    self.stdout.write(f"    Lưu ý: {warning}")
            else:
                shown = "; ".join(f"{i.code} {format_vn(s, 2)}" for i, s in row.suggestions) or "không có gợi ý"
                self.stdout.write(f"#{t.pk} {t.indicator_name} [{t.unit or '—'}]: chưa liên kết; gợi ý: {shown}")

    def handle_area(self, options: dict[str, Any]) -> None:

        from ansinh.geo.models import AdministrativeUnit
        from ansinh.plans.actions import do_set_plan_area

        plan = Plan.objects.filter(pk=options["plan_id"]).first()
        if plan is None:
            fail(self.stderr, f"Không có kế hoạch #{options['plan_id']}.")
        from ansinh.geo.models import COUNTRY_CODE
        from ansinh.plans.actions import PlanError

        code = options["code"].strip()
        area = None
        if code != "-":
            area = AdministrativeUnit.objects.in_force(COUNTRY_CODE if code.lower() == "toan-quoc" else code)
            if area is None:
                fail(self.stderr, f"Không có đơn vị hành chính đang có hiệu lực mã «{code}». Chưa thay đổi gì.")
        try:
            do_set_plan_area(plan, area, None)
        except PlanError as err:
            fail(self.stderr, err.message)
        where = ("toàn quốc" if area.code == COUNTRY_CODE else f"{area.name} ({area.code})") if area else "chưa chọn"
        self.stdout.write(f"Kế hoạch #{plan.pk}: địa bàn áp dụng {where}.")

    def handle_export(self, options: dict[str, Any]) -> None:
        from ansinh.plans.gold import GoldError, export_gold

        plan = Plan.objects.filter(pk=options["plan_id"]).first()
        if plan is None:
            fail(self.stderr, f"Không có kế hoạch #{options['plan_id']}.")
        out: Path = options["out"]
        if not out.parent.is_dir():
            fail(self.stderr, f"Thư mục «{out.parent}» không tồn tại.")
        try:
            data = export_gold(plan)
        except GoldError as err:
            fail(self.stderr, err.message)
        if out.is_dir():
            fail(self.stderr, f"«{out}» là một thư mục; hãy ghi tên tệp, ví dụ {out / 'ke-hoach.json'}.")
        try:
            out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        except OSError as err:
            fail(self.stderr, f"Không ghi được tệp {out}: {err.strerror or err}.")
        self.stdout.write(
            f"Đã xuất kế hoạch #{plan.pk} ra {out} ({len(data['targets'])} chỉ tiêu, {len(data['tasks'])} nhiệm vụ)."
        )
