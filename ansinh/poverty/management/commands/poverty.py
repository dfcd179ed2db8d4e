"""``ansinh poverty load | classify``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from ansinh.core.commands import fail, whole_number
from ansinh.core.errors import UserError
from ansinh.lib.vnnumbers import format_vn

CLASSIFY_HELP = """Cột của tệp CSV: ma_ho, khu_vuc (thanh_thi / nong_thon), thu_nhap_binh_quan (đồng/người/tháng)
và hoặc đủ các cột chỉ số thiếu hụt của chuẩn (mỗi cột 0 hoặc 1; với nd07-2021: viec_lam, nguoi_phu_thuoc,
dinh_duong, bao_hiem_y_te, trinh_do_giao_duc_nguoi_lon, tinh_trang_di_hoc_tre_em, chat_luong_nha_o,
dien_tich_nha_o_binh_quan, nguon_nuoc_sinh_hoat, nha_tieu_hop_ve_sinh, su_dung_dich_vu_vien_thong,
phuong_tien_tiep_can_thong_tin), hoặc cột so_chi_so_thieu_hut; tùy chọn ngay_khao_sat (DD/MM/YYYY).
Tệp kết quả thêm cột phan_loai (ngheo, can_ngheo, trung_binh, khong) và ly_do. Một ô sai là cả tệp bị
từ chối và không ghi gì."""


class Command(BaseCommand):
    help = "Chuẩn nghèo và phân loại hộ: nạp chuẩn nghèo (load), phân loại một tệp khảo sát (classify)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="VIỆC")
        sub.add_parser("load", help="Nạp (hoặc nạp lại) chuẩn nghèo và thẩm quyền công nhận từ tệp dữ liệu kèm theo.")
        cls = sub.add_parser(
            "classify", help="Phân loại hộ trong một tệp khảo sát CSV theo một chuẩn nghèo.", description=CLASSIFY_HELP,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        cls.add_argument("file", type=Path, metavar="FILE.csv")
        which = cls.add_mutually_exclusive_group(required=True)
        which.add_argument("--standard", metavar="MÃ", help="mã chuẩn: nd07-2021, nd351-2025, qd59-2015 hoặc mã chuẩn của tỉnh")
        which.add_argument("--year", type=whole_number("Năm"), metavar="YYYY", help="dùng chuẩn quốc gia áp dụng trong năm này")
        cls.add_argument("--out", type=Path, required=True, metavar="OUT.csv", help="tệp kết quả")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            getattr(self, "handle_" + options["action"])(options)
        except UserError as err:
            for line in getattr(err, "errors", [])[:200]:
                self.stderr.write(line)
            fail(self.stderr, err.message)

    def handle_load(self, options: dict[str, Any]) -> None:
        from ansinh.poverty.standards import load_standards

        counts = load_standards()
        self.stdout.write(
            f"Đã nạp {counts['standards']} chuẩn nghèo, {counts['bands']} ngưỡng thu nhập, {counts['indicators']} chỉ số thiếu hụt."
        )

    def handle_classify(self, options: dict[str, Any]) -> None:
        from ansinh.poverty.rules import CLASSES
        from ansinh.poverty.standards import by_code, national_for_year
        from ansinh.poverty.survey_file import classify_file

        standard = by_code(options["standard"]) if options.get("standard") else national_for_year(options["year"])
        counts = classify_file(options["file"], standard, options["out"])
        shown = ", ".join(f"{c}: {format_vn(counts.get(c, 0))}" for c in CLASSES)
        note = "" if standard.verified and all(b.verified for b in standard.bands.all()) else " (có ngưỡng chưa xác minh)"
        self.stdout.write(f"Đã phân loại {format_vn(sum(counts.values()))} hộ theo chuẩn {standard.code}{note} — {shown}. Kết quả: {options['out']}")
