"""``ansinh benefits load | entitlement``."""

from __future__ import annotations

import argparse
import datetime as dt
import re
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandParser

from ansinh.core.commands import fail, whole_number
from ansinh.core.errors import UserError
from ansinh.lib.vnnumbers import format_vn

ENTITLEMENT_HELP = """In mức trợ cấp hằng tháng của một nhân khẩu trong sổ hộ tịch an sinh, có giải thích: chương trình,
đối tượng, hệ số, mức chuẩn, căn cứ pháp lý và cờ «chưa xác minh». Tuổi lấy từ ngày sinh; phân loại hộ
(nghèo, cận nghèo) lấy từ kết quả rà soát hộ nghèo của hộ đang ở vào ngày đầu tháng. Các điều kiện khác
(khuyết tật, không có lương hưu…) chưa có hồ sơ nên ghi bằng --dieu-kien, ví dụ:
  --dieu-kien khong_luong_huu --dieu-kien khuyet_tat_nang"""

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def parse_month(text: str) -> tuple[int, int]:
    match = _MONTH.match(text.strip())
    if not match or not 1 <= int(match.group(2)) <= 12 or not 1900 <= int(match.group(1)) <= 2200:
        raise UserError(f"Tháng «{text}» không hợp lệ; ghi theo dạng YYYY-MM, ví dụ 2024-07.")
    return int(match.group(1)), int(match.group(2))


class Command(BaseCommand):
    help = (
        "Chính sách trợ cấp: nạp chương trình, mức chuẩn và đối tượng (load), tính mức hưởng hằng tháng của một người "
        "(entitlement), lập, duyệt, xuất và đối soát danh sách chi trả hằng tháng (run, approve, export, reconcile), "
        "tính lại khi mức chuẩn thay đổi (recompute)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="VIỆC")
        load = sub.add_parser("load", help="Nạp (hoặc nạp lại) các chương trình trợ cấp từ tệp dữ liệu kèm theo.")
        load.add_argument("--file", type=Path, metavar="FILE.json", help="tệp dữ liệu khác (mặc định: benefits/data/programmes.json)")
        ent = sub.add_parser(
            "entitlement", help="In mức hưởng hằng tháng của một nhân khẩu trong một tháng, có giải thích.",
            description=ENTITLEMENT_HELP, formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        ent.add_argument("code", metavar="MÃ_SỐ_AN_SINH")
        ent.add_argument("--month", required=True, metavar="YYYY-MM", help="tháng tính trợ cấp")
        ent.add_argument("--dieu-kien", action="append", default=[], metavar="MÃ", dest="conditions",
                         help="một điều kiện của người này (lặp lại nếu nhiều), ví dụ khong_luong_huu")
        ent.add_argument("--so-con", type=whole_number("Số con"), default=1, metavar="N", dest="children",
                         help="số con đang nuôi (đối tượng tính theo mỗi con, K4)")
        ent.add_argument("--theo-quyet-dinh", action="store_true", dest="by_decision",
                         help="chỉ tính các đối tượng có quyết định hưởng còn hiệu lực trong tháng (điều kiện lấy từ quyết định)")
        ent.add_argument("--user", metavar="TÊN_ĐĂNG_NHẬP", help="xem với quyền của người dùng này (chỉ nhân khẩu trong phạm vi)")
        from ansinh.benefits.cli_payments import add_parsers

        add_parsers(sub)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if options["action"] in ("run", "approve", "export", "reconcile", "recompute"):
                from ansinh.benefits.cli_payments import handle

                handle(options["action"], options, self.stdout.write)
                return
            getattr(self, "handle_" + options["action"])(options)
        except UserError as err:
            fail(self.stderr, err.message)

    def handle_load(self, options: dict[str, Any]) -> None:
        from ansinh.benefits.programmes import load_programmes

        counts = load_programmes(options.get("file"))
        self.stdout.write(
            f"Đã nạp {counts['programmes']} chương trình, {counts['base_levels']} mức chuẩn, {counts['categories']} dòng đối tượng, {counts['authorities']} dòng thẩm quyền."
        )

    def handle_entitlement(self, options: dict[str, Any]) -> None:
        from ansinh.benefits.facts import facts_for
        from ansinh.benefits.programmes import programme_rules
        from ansinh.benefits.rules import CLASS_LABELS, UNVERIFIED, monthly
        from ansinh.registry import codes
        from ansinh.registry.access import access_persons
        from ansinh.registry.models import Person
        from ansinh.registry.models_privacy import AccessKind
        from ansinh.registry.privacy import log_access

        year, month = parse_month(options["month"])
        if options["children"] < 1:
            raise UserError("Số con phải từ 1 trở lên.")
        user = None
        if options.get("user"):
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise UserError(f"Không có người dùng «{options['user']}».")
        persons = access_persons(user) if user is not None else Person.objects.filter(deleted_at__isnull=True)
        person = persons.filter(registry_code=codes.normalise(options["code"])).first()
        if person is None:
            raise UserError(f"Không có nhân khẩu mã số an sinh «{options['code']}», hoặc bạn không có quyền xem người này.")
        first = dt.date(year, month, 1)
        facts = facts_for(person, first, options["conditions"], options["children"], by_decision=options["by_decision"])
        from ansinh.benefits.topups import load_topups

        result = monthly(programme_rules(), facts, year, month, load_topups())
        log_access(user, AccessKind.VIEW, [person.pk], purpose=f"tính trợ cấp tháng {month:02d}/{year}")
        out = self.stdout.write
        mode = "theo quyết định đã ký" if options["by_decision"] else "theo điều kiện (chưa cần quyết định)"
        out(f"{person.full_name} ({person.registry_code}), tháng {month:02d}/{year} — {mode}")
        out(f"Ngày sinh: {person.birth_display()}; phân loại hộ: {CLASS_LABELS.get(facts.household_class, facts.household_class)}")
        for note in result.notes:
            out(note)
        if not result.lines:
            out("Không đủ điều kiện hưởng trợ cấp hằng tháng nào trong tháng này (theo dữ liệu và điều kiện đã ghi).")
        for line in result.lines:
            out("- " + line.explain())
        for reason in result.reasons:
            out("Không cộng: " + reason)
        flag = "" if result.verified else f" (có mức {UNVERIFIED})"
        out(f"Tổng: {format_vn(result.total)} đồng/tháng{flag}")
