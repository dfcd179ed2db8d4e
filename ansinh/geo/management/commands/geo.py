"""``ansinh geo load | crosswalk import FILE | agencies import FILE``."""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from ansinh.core.commands import fail
from ansinh.core.progress import ProgressBar
from ansinh.geo.actions import do_import_agencies, do_import_crosswalk, do_load_units
from ansinh.geo.imports import AGENCY_COLUMNS, CsvImportError

CROSSWALK_HELP = """\
Cột của tệp CSV (UTF-8, có dòng tiêu đề):
  kind                    unit (đơn vị hành chính) hoặc agency (cơ quan)
  predecessor_code        mã đơn vị/cơ quan cũ (còn hiệu lực ngày trước ngày hiệu lực)
  predecessor_name        tên; chỉ cần khi đơn vị/cơ quan cũ chưa có (khi đó sẽ được tạo)
  predecessor_level       khi tạo đơn vị cũ: province, district hoặc commune;
                          khi tạo cơ quan cũ: loại cơ quan (department, people_committee…)
  predecessor_parent      khi tạo đơn vị cũ: mã đơn vị cấp trên; khi tạo cơ quan cũ: mã địa bàn
  predecessor_valid_from  khi tạo mới: ngày bắt đầu hiệu lực (YYYY-MM-DD)
  successor_code          mã đơn vị/cơ quan mới, còn hiệu lực vào ngày hiệu lực
  weight                  tỷ trọng dữ liệu chuyển sang, trong (0; 1], mặc định 1;
                          các dòng của cùng một đơn vị cũ và cùng ngày phải có tổng bằng 1
  effective               ngày hiệu lực của thay đổi (YYYY-MM-DD)
  note                    ghi chú (ví dụ nhiệm vụ chuyển giao)
Chỉ cần một dòng sai là cả tệp bị từ chối, không lưu gì. Nhập lại cùng tệp không tạo bản sao.
Ví dụ: ansinh/geo/data/sample-crosswalk-hcmc.csv (dữ liệu minh họa, không phải bảng chính thức)."""

AGENCIES_HELP = f"""\
Cột của tệp CSV (UTF-8, có dòng tiêu đề): {", ".join(AGENCY_COLUMNS)}.
  kind: people_committee, department, social_insurance, fatherland_front, party, other
  unit_code: mã đơn vị hành chính (ví dụ 79); valid_from/valid_to: YYYY-MM-DD (valid_to có thể trống)
Cơ quan được nhận diện theo (code, valid_from): nhập lại thì cập nhật, không tạo bản sao.
Chỉ cần một dòng sai là cả tệp bị từ chối, không lưu gì."""


class Command(BaseCommand):
    help = "Đơn vị hành chính và cơ quan: nạp danh mục (load), nhập bảng chuyển đổi (crosswalk), nhập cơ quan (agencies)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="VIỆC")
        load = sub.add_parser(
            "load", help="Nạp 34 tỉnh, thành phố và 3.321 xã, phường, đặc khu có hiệu lực từ 01/07/2025 (chạy lại không đổi gì)."
        )
        load.add_argument("--province", action="append", metavar="MÃ", help="chỉ nạp tỉnh này (lặp lại được), ví dụ 79")
        cw = sub.add_parser("crosswalk", help="Bảng chuyển đổi đơn vị, cơ quan cũ sang mới.")
        cw_sub = cw.add_subparsers(dest="crosswalk_action", required=True, metavar="VIỆC")
        cwi = cw_sub.add_parser(
            "import", help="Nhập bảng chuyển đổi từ tệp CSV.", description=CROSSWALK_HELP,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        cwi.add_argument("file", type=Path, metavar="FILE")
        ag = sub.add_parser("agencies", help="Danh mục cơ quan.")
        ag_sub = ag.add_subparsers(dest="agencies_action", required=True, metavar="VIỆC")
        agi = ag_sub.add_parser(
            "import", help="Nhập cơ quan từ tệp CSV.", description=AGENCIES_HELP,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        agi.add_argument("file", type=Path, metavar="FILE")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "load":
            self.handle_load(options)
        elif action == "crosswalk":
            self.stderr.write("Nhập bảng chuyển đổi; nếu đã có số liệu được phê duyệt, số liệu tổng hợp sẽ được tính lại…")
            self.handle_import(options["file"], do_import_crosswalk, "bảng chuyển đổi")
        else:
            self.handle_import(options["file"], do_import_agencies, "cơ quan")

    def handle_load(self, options: dict[str, Any]) -> None:
        provinces: list[str] | None = options.get("province")
        if provinces and not all(p.isdigit() for p in provinces):
            fail(self.stderr, "mã tỉnh phải là số, ví dụ --province 79.")
        started = time.monotonic()
        result = do_load_units(provinces=provinces, progress=ProgressBar("Nạp đơn vị hành chính"))
        if provinces and result.total <= 1:
            fail(self.stderr, f"không có tỉnh, thành phố nào có mã {', '.join(provinces)}.")
        self.stdout.write(
            f"Đơn vị hành chính: {result.created} mới, {result.updated} cập nhật, {result.unchanged} không đổi "
            f"({time.monotonic() - started:.1f} giây)."
        )

    def handle_import(self, path: Path, func: Any, label: str) -> None:
        if not path.is_file():
            fail(self.stderr, f"không tìm thấy tệp {path}.")
        try:
            result = func(path)
        except CsvImportError as err:
            for line in err.errors:
                self.stderr.write(f"  {line}")
            fail(self.stderr, f"tệp {path.name} có {len(err.errors)} lỗi; không lưu gì.")
        extra = ""
        if result.units_created or result.agencies_created:
            extra = f"; tạo {result.units_created} đơn vị cũ, {result.agencies_created} cơ quan cũ"
        self.stdout.write(f"Đã nhập {label} từ {path.name}: {result.created} mới, {result.updated} cập nhật{extra}.")
        for note in result.notes:
            self.stdout.write(note)
