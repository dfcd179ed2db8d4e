"""Demo step: simulated households of three Hồ Chí Minh City wards (tens of thousands of persons).

Runs once: if simulated persons are already there, it changes nothing. Every record is marked
``simulated`` and its pages say so.
"""

from __future__ import annotations

from collections.abc import Callable

from ansinh.accounts.models import RoleAssignment
from ansinh.geo.models import AdministrativeUnit
from ansinh.registry.models import Person
from ansinh.registry.simulate import DEMO_COMMUNES, simulate_to_db

DEMO_HOUSEHOLDS = 9000  # about 30,000 persons over the three wards
DEMO_SEED = 2026


# Beside accounts.demo's cast: a second Sài Gòn officer (approves what «can_bo_sai_gon» files),
# a Bến Thành officer (must not see Sài Gòn's persons) and a city officer (reads masked).
CAST = (
    ("duyet_sai_gon", "Cán bộ Phường Sài Gòn duyệt thay đổi (demo)", RoleAssignment.Role.COMMUNE, "26740"),
    ("can_bo_ben_thanh", "Cán bộ Phường Bến Thành (demo)", RoleAssignment.Role.COMMUNE, "26743"),
    ("can_bo_tp_hcm", "Cán bộ TP. Hồ Chí Minh (demo, số định danh bị che)", RoleAssignment.Role.STANDING, "79"),
)


def ensure_cast(write: Callable[[str], None]) -> None:
    from ansinh.accounts import demo

    demo.ensure_cast(write, CAST)


def load(write: Callable[[str], None]) -> None:
    ensure_cast(write)
    existing = Person.objects.filter(simulated=True).count()
    if existing:
        write(f"  đã có {existing} nhân khẩu mô phỏng, không tạo thêm")
        return
    communes = [code for code in DEMO_COMMUNES if AdministrativeUnit.objects.in_force(code) is not None]
    if not communes:
        write("  chưa có các phường mẫu (hãy nạp đơn vị hành chính), bỏ qua")
        return
    report = simulate_to_db(DEMO_HOUSEHOLDS, communes, DEMO_SEED)
    write(f"  {report.households_created} hộ, {report.persons_created} nhân khẩu mô phỏng tại các phường "
          f"{', '.join(communes)} ({report.seconds:.1f} giây)")
