"""``ansinh notify due``: the daily reminders of reports due in 7/3/1 days and overdue."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone


def iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"ngày phải có dạng NĂM-THÁNG-NGÀY, ví dụ 2025-10-27, không phải «{text}»") from None


class Command(BaseCommand):
    help = (
        "Thông báo: gửi nhắc hạn các báo cáo đến hạn trong 7, 3, 1 ngày và quá hạn (due); "
        "chạy mỗi ngày một lần, chạy lại trong ngày không gửi trùng."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="VIỆC", parser_class=argparse.ArgumentParser)
        due = sub.add_parser("due", help="nhắc các đơn vị về báo cáo sắp đến hạn và quá hạn")
        due.add_argument("--date", type=iso_date, default=None, help="tính cho ngày này (mặc định: hôm nay)")

    def handle(self, *args: Any, **options: Any) -> None:
        from ansinh.notifications.jobs import send_due_reminders

        run = send_due_reminders(options["date"] or timezone.localdate())
        self.stdout.write(
            f"Ngày {run.day:%d/%m/%Y}: đã tạo {run.created} thông báo nhắc hạn; "
            f"{run.already_sent} nhắc hạn đã gửi trước đó nên không gửi lại."
        )
