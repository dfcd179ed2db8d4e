"""Scratch data for ``ansinh bench load``, made in a child process pointed at the scratch database.

``python -m ansinh.core.bench_load_data USERS READERS PASSWORD`` runs the demo's steps (units, sample
plans, simulated Hồ Chí Minh City reports), then adds ``USERS`` commune officers (``load_officer_N``),
each with an open draft submission for their commune in the 2026 annual cycle of the city's plan,
and ``READERS`` read-only supervisors of the city (``load_reader_N``), all with ``PASSWORD``.
It prints one JSON line: the plan, the city's code, and each officer's submission id.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from typing import Any
from unittest import mock

LOAD_YEAR = 2026
CITY_CODE = "79"


def seed(users: int, readers: int, password: str, write: Callable[[str], None]) -> dict[str, Any]:
    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command
    from django.db import transaction

    from ansinh.accounts.actions import do_create_user
    from ansinh.accounts.models import RoleAssignment, User
    from ansinh.geo.models import AdministrativeUnit
    from ansinh.reporting.actions import do_open_submission
    from ansinh.reporting.cycles import generate_cycles
    from ansinh.reporting.demo import hcmc_plan
    from ansinh.reporting.models import ReportingCycle

    call_command("demo", no_serve=True, stdout=sys.stderr)
    plan = hcmc_plan()
    city = AdministrativeUnit.objects.in_force(CITY_CODE)
    communes = list(
        AdministrativeUnit.objects.filter(level="commune", valid_to__isnull=True).order_by("path")[: users * 4]
    )
    # the city's communes first; more officers than the city has communes report on other provinces'
    city_path = city.path if city is not None else ""
    communes.sort(key=lambda u: (not str(u.path).startswith(city_path), u.path))
    communes = communes[:users]
    if len(communes) < users:
        raise SystemExit(f"Chỉ có {len(communes)} xã/phường, không đủ cho {users} cán bộ.")
    if plan.area is not None and any(not plan.covers(u) for u in communes):
        plan.area = None
        plan.save(update_fields=["area"])
    cycle = next(c for c in generate_cycles(plan, [LOAD_YEAR]) if c.kind == ReportingCycle.Kind.ANNUAL)
    hashed = make_password(password)  # hashing once: 300 accounts at ~0.3 s each would take minutes

    def fast_password(user: User, raw: str | None) -> None:
        user.password = hashed

    submissions: list[int] = []
    with mock.patch.object(User, "set_password", fast_password), transaction.atomic():
        for n, commune in enumerate(communes):
            name = f"load_officer_{n}"
            user = User.objects.filter(username=name).first() or do_create_user(
                None, name, password, RoleAssignment.Role.COMMUNE, full_name=f"Cán bộ thử tải {n}", unit=commune
            )
            submissions.append(do_open_submission(user, cycle, commune).pk)
        for n in range(readers):
            name = f"load_reader_{n}"
            if city is not None and not User.objects.filter(username=name).exists():
                do_create_user(
                    None, name, password, RoleAssignment.Role.SUPERVISOR, full_name=f"Giám sát thử tải {n}", unit=city
                )
    write(f"  {users} cán bộ xã/phường, {readers} người xem, kỳ {cycle.label} của kế hoạch #{plan.pk}")
    return {"plan": plan.pk, "cycle": cycle.pk, "city": CITY_CODE, "submissions": submissions}


def main(argv: list[str]) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ansinh.settings")
    import django

    django.setup()
    users, readers, password = int(argv[0]), int(argv[1]), argv[2]
    result = seed(users, readers, password, lambda line: print(line, file=sys.stderr))
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
