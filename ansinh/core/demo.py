"""The steps of ``ansinh demo``, declared as data; each step is idempotent.

A step is ``(dotted path of a callable, Vietnamese label)``; the callable takes
``write(line)`` and returns nothing. Running the demo twice changes nothing.
"""

from __future__ import annotations

import importlib
import secrets
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from ansinh.core.models import audit

Write = Callable[[str], None]
SAMPLES_DIR = Path(__file__).resolve().parent.parent / "samples"
DEMO_USERNAME = "admin"

# Units first: importing a plan suggests its area (plans.area) from the units in force.
DEMO_STEPS: list[tuple[str, str]] = [
    ("ansinh.geo.demo.load", "Nạp đơn vị hành chính và cơ quan"),
    ("ansinh.core.demo.import_samples", "Nhập các kế hoạch mẫu"),
    ("ansinh.reporting.demo.simulate", "Tạo số liệu mô phỏng TP. Hồ Chí Minh 2024–2025"),
    ("ansinh.accounts.demo.ensure_cast", "Tài khoản thử (cùng mật khẩu với tài khoản quản trị demo)"),
    ("ansinh.registry.demo.load", "Hộ gia đình và nhân khẩu mô phỏng của ba phường TP. Hồ Chí Minh"),
    ("ansinh.poverty.demo.load", "Rà soát hộ nghèo mô phỏng: năm 2025 đã công nhận, năm 2026 đang làm"),
    ("ansinh.benefits.demo.load", "Người hưởng trợ cấp mô phỏng: hồ sơ, quyết định và một năm chi trả"),
]


def sample_files() -> list[Path]:
    return sorted(SAMPLES_DIR.glob("*.txt"))


def import_samples(write: Write) -> None:
    from ansinh.documents.actions import do_import_document
    from ansinh.plans.actions import do_approve_plan
    from ansinh.plans.models import Plan

    for path in sample_files():
        plan = do_import_document(path, skip_existing=True)
        if plan.status == Plan.Status.DRAFT and path.stem.startswith("hcmc"):
            do_approve_plan(plan, None)
        write(f"  {path.name}: kế hoạch #{plan.pk} ({plan.targets.count()} chỉ tiêu, {plan.tasks.count()} nhiệm vụ)")


def demo_password() -> str:
    """The demo administrator's password, generated once and kept in the data directory."""
    path = Path(settings.DATA_DIR) / "demo-admin-password"
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    password = secrets.token_urlsafe(12)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(password, encoding="utf-8")
    path.chmod(0o600)
    return password


@transaction.atomic
def ensure_admin() -> tuple[str, str]:
    user_model = get_user_model()
    password = demo_password()
    user = user_model.objects.filter(username=DEMO_USERNAME).first()
    if user is None:
        user = user_model.objects.create_superuser(DEMO_USERNAME, email="", password=password)
        user.full_name = "Quản trị hệ thống (demo)"
        user.save(update_fields=["full_name"])
        audit(None, "user.create_demo_admin", user, summary="Tạo tài khoản quản trị demo")
    elif not user.check_password(password):
        user.set_password(password)
        user.save(update_fields=["password"])
        audit(None, "user.reset_demo_admin_password", user, summary="Đặt lại mật khẩu tài khoản quản trị demo")
    return DEMO_USERNAME, password


def run_steps(write: Write) -> None:
    for dotted, label in DEMO_STEPS:
        module_name, func_name = dotted.rsplit(".", 1)
        func = getattr(importlib.import_module(module_name), func_name)
        write(f"{label}…")
        func(write)
