"""Demo step: a named cast of test accounts beside the administrator, so scope can be tried by hand.

«can_bo_sai_gon» is the commune officer of Phường Sài Gòn (reads and writes its own reports only);
«giam_sat_hcm» is a supervisor of Hồ Chí Minh City (reads the whole city, writes nothing). Both use
the demo administrator's password (``core.demo.demo_password``). Running it again changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from ansinh.accounts.actions import do_create_user
from ansinh.accounts.models import RoleAssignment, User
from ansinh.geo.models import AdministrativeUnit

Write = Callable[[str], None]
# (user name, full name, role, unit code)
CAST: tuple[tuple[str, str, str, str], ...] = (
    ("can_bo_sai_gon", "Cán bộ Phường Sài Gòn (demo)", RoleAssignment.Role.COMMUNE, "26740"),
    ("giam_sat_hcm", "Giám sát TP. Hồ Chí Minh (demo)", RoleAssignment.Role.SUPERVISOR, "79"),
)


Cast = tuple[tuple[str, str, str, str], ...]


def ensure_cast(write: Write, cast: Cast = CAST, only_new: bool = False) -> None:
    """Create the accounts of ``cast`` that are not there yet (the demo administrator's password) and name each
    (``only_new``: only those just created); a unit not in force is passed over. The other demo steps' casts too."""
    from ansinh.core.demo import demo_password

    password = demo_password()
    for username, full_name, role, code in cast:
        unit = AdministrativeUnit.objects.in_force(code)
        if unit is None:
            continue
        exists = User.objects.filter(username=username).exists()
        if not exists:
            do_create_user(None, username, password, role, full_name=full_name, unit=unit)
        if not (exists and only_new):
            write(f"  «{username}»: {RoleAssignment.Role(role).label} tại {unit.name}")
