"""``ansinh registry import | simulate | stats | report | purge``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandParser

from ansinh.core.commands import fail, whole_number
from ansinh.core.errors import UserError
from ansinh.core.progress import ProgressBar
from ansinh.lib.vnnumbers import format_vn as format_int
from ansinh.registry.tabular import COLUMNS, LABELS, REQUIRED

IMPORT_HELP = "Cột (dòng tiêu đề; tên tiếng Việt có dấu hay không dấu đều được):\n" + "\n".join(
    f"  {c:<14} {LABELS[c]}{' (bắt buộc)' if c in REQUIRED else ''}" for c in COLUMNS
) + """
Ngày sinh: YYYY-MM-DD, DD/MM/YYYY hoặc YYYY. Giới tính: Nam / Nữ. Khu vực: thanh_thi / nong_thon.
Bảng mã: UTF-8 (có hoặc không BOM), UTF-16, Windows-1258. Chỉ cần một dòng sai là cả tệp bị từ
chối, không lưu gì. Nhập lại cùng tệp không thay đổi gì; dòng khác dữ liệu đang lưu thành yêu cầu
thay đổi chờ duyệt, không ghi đè."""


class Command(BaseCommand):
    help = "Hộ gia đình và nhân khẩu: nhập tệp (import), dữ liệu mô phỏng (simulate), thống kê (stats), báo cáo cho chủ thể dữ liệu (report), xóa hẳn bản ghi quá hạn lưu (purge), tìm nhân khẩu trùng (dedup), chất lượng dữ liệu (quality)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="VIỆC")
        imp = sub.add_parser(
            "import", help="Nhập hộ và nhân khẩu từ tệp CSV hoặc XLSX (một dòng một người).", description=IMPORT_HELP,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        imp.add_argument("file", type=Path, metavar="FILE")
        imp.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra và đếm, không lưu gì")
        imp.add_argument("--map", action="append", default=[], metavar="TIÊU_ĐỀ=CỘT", help="ghép một cột khác mẫu, ví dụ «Tên người=ho_ten»")
        imp.add_argument("--user", metavar="TÊN_ĐĂNG_NHẬP", help="nhập với quyền của người dùng này (chỉ các xã họ được ghi)")
        imp.add_argument("--cho-phep-trung", default="", metavar="LÝ_DO",
                         help="cán bộ quản lý (--user có quyền cho phép) cho nhập các dòng nghi trùng, ghi lý do")
        sim = sub.add_parser("simulate", help="Tạo hộ và nhân khẩu mô phỏng (ghi rõ là dữ liệu mô phỏng).")
        sim.add_argument("--households", type=whole_number("Số hộ"), required=True, metavar="N", help="số hộ cần tạo")
        sim.add_argument("--communes", default="", metavar="MÃ,MÃ", help="mã các xã, phường (mặc định: ba phường của TP. Hồ Chí Minh)")
        sim.add_argument("--seed", type=whole_number("Hạt giống"), default=1, metavar="S", help="hạt giống ngẫu nhiên")
        sim.add_argument("--out", type=Path, metavar="FILE.csv", help="ghi ra tệp CSV để nhập thay vì ghi vào cơ sở dữ liệu")
        st = sub.add_parser("stats", help="Số hộ và số nhân khẩu trong phạm vi của người dùng.")
        st.add_argument("--json", action="store_true", help="in một đối tượng JSON (khóa households, persons)")
        st.add_argument("--user", metavar="TÊN_ĐĂNG_NHẬP", help="phạm vi của người dùng này (mặc định: toàn bộ)")
        rep = sub.add_parser("report", help="Báo cáo cho chủ thể dữ liệu: mọi thông tin về một người và ai đã xem (JSON).")
        rep.add_argument("code", metavar="MÃ_SỐ_AN_SINH")
        rep.add_argument("--purpose", required=True, metavar="MỤC_ĐÍCH", help="mục đích (ghi vào nhật ký truy cập)")
        rep.add_argument("--out", type=Path, metavar="FILE.json", help="ghi ra tệp thay vì màn hình")
        pur = sub.add_parser("purge", help="Xóa hẳn hộ và nhân khẩu đã xóa mềm quá thời hạn lưu giữ.")
        pur.add_argument("--days", type=whole_number("Số ngày"), metavar="N", help="thời hạn lưu giữ (mặc định ANSINH_REGISTRY_RETENTION_DAYS)")
        pur.add_argument("--dry-run", action="store_true", help="chỉ đếm, không xóa")
        ded = sub.add_parser(
            "dedup", help="Tìm nhân khẩu nghi trùng (Splink, DuckDB): lưu các cặp để cán bộ xem xét, không tự gộp.",
            description="Đọc nhân khẩu trong phạm vi, dùng mô hình đã huấn luyện (hoặc huấn luyện nếu chưa có), chấm điểm các "
            "cặp, gom cụm và lưu các cặp vượt ngưỡng vào hàng đợi xem xét. Không gộp bản ghi nào.",
        )
        scope = ded.add_mutually_exclusive_group()
        scope.add_argument("--commune", metavar="MÃ_XÃ", help="chỉ một xã, phường")
        scope.add_argument("--province", metavar="MÃ_TỈNH", help="chỉ một tỉnh, thành phố (mã hai chữ số)")
        ded.add_argument("--out", type=Path, metavar="FILE.csv", help="ghi «ma_ban_ghi,cluster» cho mọi nhân khẩu")
        ded.add_argument("--json", action="store_true", help="in một đối tượng JSON (persons, pairs_scored, pairs_above_threshold, clusters, seconds, peak_rss_mb)")
        ded.add_argument("--train", action="store_true", help="huấn luyện lại mô hình dù đã có tệp mô hình")
        qua = sub.add_parser("quality", help="Chất lượng dữ liệu (đúng, đủ, sạch, sống) theo xã, phường; lưu số liệu của ngày.")
        qua.add_argument("--snapshot", action="store_true", help="lưu số liệu hôm nay của mọi xã, phường (để xem diễn biến)")
        qua.add_argument("--json", action="store_true", help="in JSON: mỗi xã, phường một đối tượng")
        qua.add_argument("--user", metavar="TÊN_ĐĂNG_NHẬP", help="phạm vi của người dùng này (mặc định: toàn bộ)")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            getattr(self, "handle_" + options["action"])(options)
        except UserError as err:
            fail(self.stderr, err.message)

    def user(self, username: str | None) -> Any:
        if not username:
            return None
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            fail(self.stderr, f"không có người dùng «{username}».")
        return user

    def handle_import(self, options: dict[str, Any]) -> None:
        from ansinh.registry.importer import ImportRefused, import_file

        mapping = {}
        for item in options["map"]:
            header, sep, column = item.partition("=")
            if not sep or column.strip() not in COLUMNS:
                fail(self.stderr, f"--map «{item}» không hợp lệ; dạng «Tiêu đề=cột», cột là một trong: {', '.join(COLUMNS)}.")
            mapping[header.strip()] = column.strip()
        path: Path = options["file"]
        total = _count_lines(path)
        try:
            report = import_file(
                path, mapping=mapping, user=self.user(options.get("user")), dry_run=options["dry_run"],
                progress=ProgressBar("Nhập nhân khẩu"), total=total, override_reason=options["cho_phep_trung"],
            )
        except ImportRefused as err:
            for line in err.errors:
                self.stderr.write(line)
            if err.error_count > len(err.errors):
                self.stderr.write(f"… và {format_int(err.error_count - len(err.errors))} lỗi khác.")
            fail(self.stderr, err.message)
        for line in report.warnings:
            self.stdout.write(f"Cảnh báo: {line}")
        if report.warning_count > len(report.warnings):
            self.stdout.write(f"… và {format_int(report.warning_count - len(report.warnings))} cảnh báo khác.")
        verb = "Kiểm tra xong (không lưu gì)" if report.dry_run else "Đã nhập"
        self.stdout.write(
            f"{verb}: {format_int(report.rows)} dòng, bảng mã {report.encoding}; {format_int(report.persons_created)} nhân khẩu mới, "
            f"{format_int(report.households_created)} hộ mới, {format_int(report.unchanged)} không đổi, "
            f"{format_int(report.change_requests)} yêu cầu thay đổi chờ duyệt; {report.seconds:.1f} giây."
        )

    def handle_simulate(self, options: dict[str, Any]) -> None:
        from ansinh.registry.simulate import simulate_to_csv, simulate_to_db

        communes = [c.strip() for c in options["communes"].split(",") if c.strip()] or None
        if options.get("out"):
            n = simulate_to_csv(options["out"], options["households"], communes, options["seed"])
            self.stdout.write(f"Đã ghi {format_int(n)} nhân khẩu mô phỏng vào {options['out']}.")
            return
        report = simulate_to_db(options["households"], communes, options["seed"], progress=ProgressBar("Mô phỏng"))
        self.stdout.write(
            f"Đã tạo {format_int(report.households_created)} hộ, {format_int(report.persons_created)} nhân khẩu mô phỏng "
            f"({report.seconds:.1f} giây)."
        )

    def handle_stats(self, options: dict[str, Any]) -> None:
        from ansinh.registry.access import registry_stats

        stats = registry_stats(self.user(options.get("user")))
        if options["json"]:
            self.stdout.write(json.dumps(stats, ensure_ascii=False))
            return
        self.stdout.write(f"Hộ gia đình: {format_int(stats['households'])}\nNhân khẩu: {format_int(stats['persons'])}")

    def handle_report(self, options: dict[str, Any]) -> None:
        from ansinh.registry.subject import subject_report_by_code

        data = subject_report_by_code(options["code"], None, options["purpose"])
        text = json.dumps(data, ensure_ascii=False, indent=1)
        if options.get("out"):
            options["out"].write_text(text, encoding="utf-8")
            self.stdout.write(f"Đã ghi báo cáo vào {options['out']}.")
        else:
            self.stdout.write(text)

    def handle_dedup(self, options: dict[str, Any]) -> None:
        from ansinh.registry.dedup.run import run_dedup

        commune = (options.get("commune") or "").strip() or None
        province = (options.get("province") or "").strip() or None
        if (options.get("commune") is not None and commune is None) or (options.get("province") is not None and province is None):
            fail(self.stderr, "mã xã, phường hoặc mã tỉnh không được để trống.")
        result = run_dedup(commune, province, train=options["train"], out=options.get("out"))
        if options["json"]:
            self.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False))
            return
        self.stdout.write(_dedup_summary(result))
        if options.get("out"):
            self.stdout.write(f"Đã ghi cụm của từng nhân khẩu vào {options['out']}.")

    def handle_quality(self, options: dict[str, Any]) -> None:
        from django.utils import timezone

        from ansinh.registry.models import Person
        from ansinh.registry.quality import FIGURES, quality_by_commune, quality_rows
        from ansinh.registry.quality_snapshot import take_snapshot

        if options["snapshot"]:
            self.stdout.write(f"Đã lưu số liệu chất lượng ngày {timezone.localdate():%d/%m/%Y}: {take_snapshot(timezone.localdate())}.")
            return
        user = self.user(options.get("user"))
        rows = quality_by_commune(user) if user is not None else quality_rows(Person.objects.filter(deleted_at__isnull=True))
        if options["json"]:
            self.stdout.write(json.dumps(rows, ensure_ascii=False))
            return
        for r in rows:
            self.stdout.write(f"{r['commune__name']}: " + ", ".join(f"{k} {format_int(r[k])}" for k in FIGURES))

    def handle_purge(self, options: dict[str, Any]) -> None:
        from ansinh.registry.actions import do_purge

        result = do_purge(days=options.get("days"), dry_run=options["dry_run"])
        verb = "Sẽ xóa hẳn" if options["dry_run"] else "Đã xóa hẳn"
        self.stdout.write(f"{verb} {format_int(result['persons'])} nhân khẩu và {format_int(result['households'])} hộ quá thời hạn lưu giữ.")


def _dedup_summary(result: Any) -> str:
    return (
        f"Đã so sánh {format_int(result.pairs_scored)} cặp trong {format_int(result.persons)} nhân khẩu; "
        f"{format_int(result.pairs_above_threshold)} cặp vượt ngưỡng, {format_int(result.clusters)} cụm; "
        f"{format_int(result.pairs_stored)} cặp trong hàng đợi xem xét; {result.seconds:.1f} giây, "
        f"bộ nhớ tối đa {format_int(result.peak_rss_mb)} MB. Không gộp bản ghi nào."
    )


def _count_lines(path: Path) -> int:
    """Rows in a CSV (for the progress bar): newlines counted a megabyte at a time."""
    if path.suffix.lower() != ".csv" or not path.is_file():
        return 0
    n = 0
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            n += chunk.count(b"\n")
    return max(n - 1, 0)
