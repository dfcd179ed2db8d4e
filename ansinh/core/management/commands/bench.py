"""``ansinh bench NAME``: benchmarks that print measured figures.

Benchmarks are declared as data in ``BENCHMARKS``; each module provides
``add_arguments(parser)`` and ``run(options, write) -> dict``.
"""

from __future__ import annotations

import argparse
import importlib
import json
from types import ModuleType
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from ansinh.core.commands import CommandFailure

BENCHMARKS: dict[str, tuple[str, str]] = {
    "parse": ("ansinh.documents.bench", "Tốc độ và độ chính xác trích xuất kế hoạch (MB/s, văn bản/s, điểm so với gold)."),
    "noise": ("ansinh.documents.noise_bench", "Độ bền của bộ đọc kế hoạch trước nhiễu (in đậm Markdown, HTML, tách từ, ngắt dòng PDF, đầu trang, bảng chép từ trang web, mất dấu, lỗi OCR): F1 từng loại so với bản sạch, chỉ trên phần phát triển."),
    "parse-train": ("ansinh.documents.target_training", "Huấn luyện bộ lọc chỉ tiêu học máy từ gold phần phát triển; in điểm bỏ-một-văn-bản (quy tắc, học máy, kết hợp)."),
    "task-train": ("ansinh.documents.task_training", "Huấn luyện bộ chấm nhiệm vụ học máy từ gold phần phát triển; in điểm bỏ-một-văn-bản (quy tắc, quy tắc và mô hình)."),
    "diacritics": ("ansinh.lib.diacritics_bench", "Độ chính xác khôi phục dấu tiếng Việt (bỏ một văn bản ra để kiểm tra)."),
    "rollup": ("ansinh.reporting.bench", "Tổng hợp số liệu toàn quốc: nạp, tính lại, truy vấn, phê duyệt đến khi hiển thị."),
    "pages": ("ansinh.reports.bench_pages", "Thời gian xử lý các trang nóng (tiến độ, bảng điều khiển, kỳ báo cáo, báo cáo) và số lượt phê duyệt mỗi giây."),
    "approvals": ("ansinh.reporting.bench_approvals", "Số báo cáo phê duyệt mỗi giây: một người và nhiều người cùng lúc, trên dữ liệu toàn quốc mô phỏng; số dòng chết của PostgreSQL."),
    "load": ("ansinh.core.bench_load", "Nhiều cán bộ và người xem cùng lúc trên máy chủ riêng: p50/p95/p99, lỗi, số liệu bị mất, CPU."),
    "registry": ("ansinh.registry.bench", "Hộ và nhân khẩu: tốc độ nhập tệp, thời gian tìm kiếm và mở trang nhân khẩu, bộ nhớ."),
    "poverty": ("ansinh.poverty.bench", "Rà soát hộ nghèo: phân loại hộ đã lưu, tốc độ áp quy tắc, bảng tổng hợp của tỉnh."),
    "dedup": ("ansinh.registry.dedup.bench", "Tìm nhân khẩu trùng (Splink): độ chính xác, độ phủ, F1 theo cặp và theo cụm, thời gian, bộ nhớ."),
    "benefits": ("ansinh.benefits.bench", "Chi trả trợ cấp: tính mức hưởng tháng và lập danh sách chi trả cho N người hưởng, thời gian mở trang danh sách của một xã."),
}


def load(name: str) -> ModuleType:
    return importlib.import_module(BENCHMARKS[name][0])


class Command(BaseCommand):
    help = "Chạy một phép đo hiệu năng và in kết quả đo được: " + "; ".join(
        f"{name} — {doc}" for name, (_, doc) in BENCHMARKS.items()
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="benchmark", required=True, metavar="TÊN", parser_class=argparse.ArgumentParser)
        for name, (_, doc) in BENCHMARKS.items():
            bench_parser = sub.add_parser(name, help=doc, description=doc)
            try:
                load(name).add_arguments(bench_parser)
            except ImportError:
                bench_parser.set_defaults(unavailable=True)

    def handle(self, *args: Any, **options: Any) -> None:
        name = options["benchmark"]
        if options.get("unavailable"):
            raise CommandFailure(f"Phép đo {name} chưa có trong bản cài đặt này.")
        # with --json, stdout carries only the JSON object; progress lines go to stderr
        stream = self.stderr if options.get("json") else self.stdout
        try:
            result = load(name).run(options, lambda line: stream.write(line))
        except FileNotFoundError as err:
            raise CommandFailure(str(err)) from None
        if options.get("json"):
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=1))
