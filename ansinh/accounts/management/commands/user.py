"""``ansinh user create USERNAME --role R --unit CODE [--agency ID] [--plan ID] [--plan-reviewer]`` and API keys.

``ansinh user token create USERNAME --name TÊN`` prints a new API key once; ``token list USERNAME``
shows the user's keys (prefix only); ``token revoke PREFIX`` revokes one.
"""

from __future__ import annotations

import getpass
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from ansinh.accounts.actions import AccountError, do_create_api_token, do_create_user, do_revoke_api_token
from ansinh.accounts.models import ApiToken, RoleAssignment, User
from ansinh.core.commands import fail, whole_number
from ansinh.geo.models import AdministrativeUnit, Agency

ROLE_HELP = "; ".join(f"{value}: {label}" for value, label in RoleAssignment.Role.choices)


class Command(BaseCommand):
    help = (
        "Tài khoản người dùng: tạo tài khoản với một vai trò và phạm vi (create); "
        "tạo, liệt kê, thu hồi khóa API (token create|list|revoke); xóa xác thực hai bước (two-factor-reset); "
        "mở khóa đăng nhập (unlock)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="VIỆC")
        c = sub.add_parser("create", help="Tạo tài khoản với một vai trò; mật khẩu nhập từ bàn phím hoặc từ tệp.")
        c.add_argument("username", metavar="USERNAME", help="tên đăng nhập")
        c.add_argument("--role", required=True, metavar="ROLE", help=ROLE_HELP)
        c.add_argument("--unit", metavar="CODE", help="mã đơn vị hành chính đang có hiệu lực, ví dụ 79 hoặc 26740")
        c.add_argument("--agency", metavar="ID", help="số hiệu (id) hoặc mã cơ quan, ví dụ 79-SNV")
        c.add_argument("--plan", metavar="ID", type=whole_number("số hiệu kế hoạch"), help="số hiệu kế hoạch (với vai trò standing)")
        c.add_argument("--full-name", default="", help="họ và tên")
        c.add_argument("--plan-reviewer", action="store_true",
                       help="được tải văn bản, rà soát và phê duyệt kế hoạch của các đơn vị trong phạm vi của mình "
                            "(quyền plans.change_plan)")
        c.add_argument("--password-file", type=Path, metavar="FILE", help="đọc mật khẩu từ dòng đầu của tệp")
        t = sub.add_parser("token", help="Khóa API: dùng với tiêu đề «Authorization: Bearer <khóa>».")
        tsub = t.add_subparsers(dest="token_action", required=True, metavar="VIỆC")
        tc = tsub.add_parser("create", help="Tạo khóa API cho một tài khoản; khóa chỉ in ra một lần.")
        tc.add_argument("username", metavar="USERNAME", help="tên đăng nhập")
        tc.add_argument("--name", required=True, metavar="TÊN", help="tên gợi nhớ, ví dụ «Hệ thống của Sở Y tế»")
        tl = tsub.add_parser("list", help="Liệt kê khóa API của một tài khoản (chỉ phần đầu của khóa).")
        tl.add_argument("username", metavar="USERNAME", help="tên đăng nhập")
        tr = tsub.add_parser("revoke", help="Thu hồi một khóa API ngay lập tức.")
        tr.add_argument("prefix", metavar="PHẦN_ĐẦU", help="phần đầu của khóa như «token list» in ra, ví dụ ansinh_AbC12")
        r = sub.add_parser("two-factor-reset", help="Xóa thiết bị xác thực hai bước (mất điện thoại); lần đăng nhập sau đăng ký lại.")
        r.add_argument("username", metavar="USERNAME", help="tên đăng nhập")
        u = sub.add_parser("unlock", help="Mở khóa tên đăng nhập bị tạm khóa vì nhập sai mật khẩu nhiều lần.")
        u.add_argument("username", metavar="USERNAME", help="tên đăng nhập")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "token":
            self._token(options)
            return
        if options["action"] in ("two-factor-reset", "unlock"):
            self._security(options["action"], options["username"])
            return
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
                plan_reviewer=options.get("plan_reviewer", False),
            )
        except AccountError as err:
            fail(self.stderr, f"{err.message} Chưa tạo tài khoản nào.")
        role = RoleAssignment.Role(options["role"]).label
        where = f" tại {(agency or unit)}" if (agency or unit) else ""
        reviewer = "; rà soát, phê duyệt kế hoạch" if options.get("plan_reviewer") else ""
        self.stdout.write(f"Đã tạo tài khoản {user.username} ({role}{where}{reviewer}).")

    def _unit(self, code: str | None) -> AdministrativeUnit | None:
        if not code:
            return None
        unit = AdministrativeUnit.objects.in_force(code)
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

    def _token(self, options: dict[str, Any]) -> None:
        action = options["token_action"]
        if action == "revoke":
            prefix = options["prefix"].strip().rstrip("…")
            matches = list(ApiToken.objects.filter(prefix=prefix).select_related("user")[:2])
            if len(matches) != 1:
                what = "không có khóa API nào" if not matches else "có nhiều khóa API"
                fail(self.stderr, f"{what} với phần đầu «{prefix}». Chưa thu hồi khóa nào.")
            try:
                do_revoke_api_token(None, matches[0])
            except AccountError as err:
                fail(self.stderr, err.message)
            self.stdout.write(f"Đã thu hồi khóa API {prefix}… của {matches[0].user.username}.")
            return
        user = User.objects.filter(username=options["username"]).first()
        if user is None:
            fail(self.stderr, f"không có tài khoản «{options['username']}».")
        if action == "list":
            tokens = list(ApiToken.objects.filter(user=user))
            if not tokens:
                self.stdout.write(f"Tài khoản {user.username} chưa có khóa API.")
            for token in tokens:
                used = f"dùng lần cuối {timezone.localtime(token.last_used_at):%d/%m/%Y %H:%M}" if token.last_used_at else "chưa dùng"
                state = "đang dùng" if token.is_active else "đã thu hồi"
                self.stdout.write(f"{token.prefix}…  {token.name}  tạo {timezone.localtime(token.created_at):%d/%m/%Y}  {used}  {state}")
            return
        try:
            _, key = do_create_api_token(None, user, options["name"])
        except AccountError as err:
            fail(self.stderr, f"{err.message} Chưa tạo khóa nào.")
        self.stdout.write(f"Khóa API mới của {user.username} (chỉ hiện một lần, hãy lưu lại ngay):")
        self.stdout.write(key)

    def _security(self, action: str, username: str) -> None:
        from ansinh.accounts.two_factor import do_reset_two_factor, do_unlock

        user = User.objects.filter(username=username).first()
        if user is None:
            fail(self.stderr, f"không có tài khoản «{username}».")
        if action == "unlock":
            count = do_unlock(None, user)
            self.stdout.write(f"Đã mở khóa «{username}» (xóa {count} lần đăng nhập sai).")
            return
        count = do_reset_two_factor(None, user)
        self.stdout.write(f"Đã xóa {count} thiết bị xác thực hai bước của «{username}»; lần đăng nhập sau sẽ đăng ký lại.")
