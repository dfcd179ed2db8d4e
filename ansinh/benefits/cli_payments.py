"""``ansinh benefits run | approve | export | reconcile | recompute``: the monthly run from the command line.

Each goes through the same ``actions_payments.do_*`` as the pages; ``--user`` names the officer who
acts (scope, audit and separation of duties: ``approve`` needs a user other than the preparer).
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model

from ansinh.core.commands import whole_number
from ansinh.core.errors import UserError
from ansinh.lib.vnnumbers import format_vn


def add_parsers(sub: Any) -> None:
    run = sub.add_parser("run", help="Tính mức hưởng tháng và lập danh sách chi trả (nháp) của một xã, phường.")
    run.add_argument("--commune", required=True, metavar="MÃ_XÃ", help="mã xã, phường (5 chữ số)")
    run.add_argument("--month", required=True, metavar="YYYY-MM", help="tháng chi trả")
    run.add_argument("--user", metavar="TÊN_ĐĂNG_NHẬP", help="cán bộ lập danh sách")
    approve = sub.add_parser("approve", help="Duyệt một danh sách chi trả (người duyệt phải khác người lập).")
    approve.add_argument("--list", required=True, type=whole_number("Mã danh sách"), dest="list_id", metavar="SỐ")
    approve.add_argument("--user", required=True, metavar="TÊN_ĐĂNG_NHẬP", help="người duyệt")
    export = sub.add_parser("export", help="Xuất tệp chi trả gửi ngân hàng, ví điện tử hoặc bưu điện (CSV hoặc XLSX).")
    export.add_argument("--list", required=True, type=whole_number("Mã danh sách"), dest="list_id", metavar="SỐ")
    export.add_argument("--format", choices=("csv", "xlsx"), default="csv", help="định dạng tệp (mặc định csv)")
    export.add_argument("--output", required=True, type=Path, metavar="TỆP", help="nơi ghi tệp")
    export.add_argument("--user", metavar="TÊN_ĐĂNG_NHẬP")
    reconcile = sub.add_parser(
        "reconcile", help="Đối soát danh sách với tệp kết quả của đơn vị chi trả (CSV/XLSX: Mã tham chiếu, Số tài khoản, Số tiền, Kết quả, Lý do).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    reconcile.add_argument("file", type=Path, metavar="TỆP_KẾT_QUẢ")
    reconcile.add_argument("--list", required=True, type=whole_number("Mã danh sách"), dest="list_id", metavar="SỐ")
    reconcile.add_argument("--xem-truoc", action="store_true", dest="preview", help="chỉ kiểm tra, không ghi gì")
    reconcile.add_argument("--user", metavar="TÊN_ĐĂNG_NHẬP")
    recompute = sub.add_parser("recompute", help="Tính lại mức hưởng các tháng đã lưu (khi mức chuẩn thay đổi), liệt kê truy lĩnh và chi thừa.")
    recompute.add_argument("--commune", required=True, metavar="MÃ_XÃ")
    recompute.add_argument("--from", required=True, dest="month_from", metavar="YYYY-MM")
    recompute.add_argument("--to", dest="month_to", metavar="YYYY-MM", help="đến tháng (mặc định: bằng --from)")
    recompute.add_argument("--reason", default="", help="lý do (ví dụ: nghị định mới về mức chuẩn)")
    recompute.add_argument("--user", metavar="TÊN_ĐĂNG_NHẬP")


def _user(options: dict[str, Any]) -> Any:
    name = options.get("user")
    if not name:
        return None
    user = get_user_model().objects.filter(username=name).first()
    if user is None:
        raise UserError(f"Không có người dùng «{name}».")
    return user


def _commune(code: str) -> Any:
    from ansinh.geo.models import AdministrativeUnit

    unit = AdministrativeUnit.objects.filter(code=code.strip(), level="commune").first()
    if unit is None:
        raise UserError(f"Không có xã, phường mã «{code}».")
    return unit


def _month(text: str) -> dt.date:
    from ansinh.benefits.management.commands.benefits import parse_month

    year, month = parse_month(text)
    return dt.date(year, month, 1)


def _list(list_id: int) -> Any:
    from ansinh.benefits.models import PaymentList

    plist = PaymentList.objects.filter(pk=list_id).first()
    if plist is None:
        raise UserError(f"Không có danh sách chi trả số {list_id}.")
    return plist


def handle(action: str, options: dict[str, Any], out: Any) -> None:
    from ansinh.benefits import actions_payments as act

    user = _user(options)
    if action == "run":
        commune = _commune(options["commune"])
        result = act.do_prepare_run(user, commune, _month(options["month"]))
        out(f"{commune.name}, tháng {result.month:%m/%Y}: {format_vn(result.entitlements)} dòng mức hưởng, "
            f"{format_vn(result.lines)} người trong {result.lists} danh sách, tổng {format_vn(result.total)} đồng"
            + (f"; {result.skipped_deceased} người đã mất không chi" if result.skipped_deceased else "") + ".")
        from ansinh.benefits.models import PaymentList

        for plist in PaymentList.objects.filter(commune=commune, month=result.month).order_by("channel", "sequence"):
            out(f"- danh sách số {plist.pk}: {plist.get_channel_display()}, {format_vn(plist.lines_count)} người, "
                f"{format_vn(plist.total)} đồng — {plist.get_status_display()}")
    elif action == "approve":
        plist = act.do_approve_list(user, _list(options["list_id"]), _list(options["list_id"]).version)
        out(f"Đã duyệt danh sách số {plist.pk}: {format_vn(plist.lines_count)} người, {format_vn(plist.total)} đồng.")
    elif action == "export":
        plist = _list(options["list_id"])
        name, content, _ = act.do_export_list(user, plist, plist.version, options["format"])
        options["output"].write_bytes(content)
        out(f"Đã ghi tệp chi trả {options['output']} ({name}).")
    elif action == "reconcile":
        plist = _list(options["list_id"])
        try:
            content = options["file"].read_bytes()
        except OSError:
            raise UserError(f"Không đọc được tệp «{options['file']}».") from None
        if options["preview"]:
            result = act.preview_reconciliation(plist, content, options["file"].name)
            if result.errors:
                raise UserError("Tệp kết quả có lỗi:\n" + "\n".join(result.errors[:50]))
        else:
            result = act.do_reconcile(user, plist, plist.version, content, options["file"].name)
        verb = "Kiểm tra xong (chưa ghi)" if options["preview"] else "Đã đối soát"
        out(f"{verb}: {result.paid_count} đã chi, {result.failed_count} không thành công.")
    elif action == "recompute":
        commune = _commune(options["commune"])
        start = _month(options["month_from"])
        end = _month(options["month_to"]) if options.get("month_to") else start
        if end < start:
            raise UserError("Tháng kết thúc trước tháng bắt đầu.")
        months = []
        while start <= end:
            months.append(start)
            start = (start + dt.timedelta(days=32)).replace(day=1)
        found = act.do_recompute(user, commune, months, options["reason"])
        out(f"Đã tính lại {len(months)} tháng của {commune.name}: {len(found)} khoản chênh lệch.")
        for adj in found:
            out(f"- {adj.get_kind_display()} tháng {adj.month:%m/%Y}, người {adj.person_id}: {format_vn(adj.difference)} đồng")
