"""``ansinh user create USERNAME --role R --unit CODE [--agency ID] [--plan ID]``."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from ansinh.accounts.actions import AccountError, do_create_user
from ansinh.accounts.models import RoleAssignment
from ansinh.core.commands import fail, whole_number
from ansinh.geo.models import AdministrativeUnit, Agency

ROLE_HELP = "; ".join(f"{value}: {label}" for value, label in RoleAssignment.Role.choices)


class Command(BaseCommand):
    help = "Tài khoản người dùng: tạo tài khoản với một vai trò và phạm vi (create)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="VIỆC")
        c = sub.add_parser("create", help="Tạo tài khoản với một vai trò; mật khẩu nhập từ bàn phím hoặc từ tệp.")
        c.add_argument("username", metavar="USERNAME", help="tên đăng nhập")
        c.add_argument("--role", required=True, metavar="ROLE", help=ROLE_HELP)
        c.add_argument("--unit", metavar="CODE", help="mã đơn vị hành chính đang có hiệu lực, ví dụ 79 hoặc 26740")
        c.add_argument("--agency", metavar="ID", help="số hiệu (id) hoặc mã cơ quan, ví dụ 79-SNV")
        c.add_argument("--plan", metavar="ID", type=whole_number("số hiệu kế hoạch"), help="số hiệu kế hoạch (với vai trò standing)")
        c.add_argument("--full-name", default="", help="họ và tên")
        c.add_argument("--password-file", type=Path, metavar="FILE", help="đọc mật khẩu từ dòng đầu của tệp")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["role"] not in RoleAssignment.Role.values:
            fail(self.stderr, f"vai trò “{options['role']}” không hợp lệ; dùng một trong: {ROLE_HELP}.")
        unit = self._unit(options.get("unit"))
        agency = self._agency(options.get("agency"))
        plan = self._plan(options.get("plan"))
        password = self._password(options.get("password_file"))
        try:
            user = do_create_user(
                None,
                options["username"],
                password,
                options["role"],
                full_name=options["full_name"],
                unit=unit,
                agency=agency,
                plan=plan,
            )
        except AccountError as err:
            fail(self.stderr, f"{err.message} Chưa tạo tài khoản nào.")
        role = RoleAssignment.Role(options["role"]).label
        where = f" tại {(agency or unit)}" if (agency or unit) else ""
        self.stdout.write(f"Đã tạo tài khoản {user.username} ({role}{where}).")

    def _unit(self, code: str | None) -> AdministrativeUnit | None:
        if not code:
            return None
        unit = AdministrativeUnit.objects.valid_on(timezone.localdate()).filter(code=code.strip()).first()
        if unit is None:
            fail(self.stderr, f"không có đơn vị hành chính đang có hiệu lực mã “{code}”. Chưa tạo tài khoản nào.")
        return unit

    def _agency(self, ref: str | None) -> Agency | None:
        if not ref:
            return None
        qs = Agency.objects.filter(pk=int(ref)) if ref.isdigit() else Agency.objects.filter(code=ref.strip())
        agency = qs.order_by("-valid_from").first()
        if agency is None:
            fail(self.stderr, f"không có cơ quan “{ref}”. Chưa tạo tài khoản nào.")
        return agency

    def _plan(self, plan_id: int | None) -> Any:
        if plan_id is None:
            return None
        from ansinh.plans.models import Plan

        plan = Plan.objects.filter(pk=plan_id).first()
        if plan is None:
            fail(self.stderr, f"không có kế hoạch số {plan_id}. Chưa tạo tài khoản nào.")
        return plan

    def _password(self, path: Path | None) -> str:
        if path is not None:
            try:
                lines = path.read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError):
                fail(self.stderr, f"không đọc được tệp mật khẩu {path}. Chưa tạo tài khoản nào.")
            password = lines[0].strip() if lines else ""
            if not password:
                fail(self.stderr, "tệp mật khẩu rỗng. Chưa tạo tài khoản nào.")
            return password
        if not sys.stdin.isatty():
            fail(self.stderr, "không có bàn phím để nhập mật khẩu; dùng --password-file FILE.")
        first = getpass.getpass("Mật khẩu: ")
        if first != getpass.getpass("Nhập lại mật khẩu: "):
            fail(self.stderr, "hai lần nhập mật khẩu không khớp. Chưa tạo tài khoản nào.")
        return first
