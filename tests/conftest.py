"""Shared fixtures: a data directory per session and a named cast of users.

- ``alice``: a plan reviewer (``plans.change_plan``) of a national agency (role ``agency`` over ``vn``): she may
  review and approve every plan, national ones included (``plans.scope``);
- ``bob``: a signed-in officer who may read but must not change plans.

Units (created directly, in force since 2025-07-01, not the full 3,321-commune load):
``vn`` (country, in force since 1976-07-02), ``hcm`` (79 Thành phố Hồ Chí Minh), ``ward_a`` (26740 Phường Sài Gòn) and
``ward_b`` (26743 Phường Bến Thành) in HCMC, ``hanoi`` (01 Thành phố Hà Nội) and
``hanoi_ward`` (00070 Phường Hoàn Kiếm).

Officers (``ansinh.accounts.access`` decides their scope):
- ``hcm_standing``: standing officer of HCMC (role ``standing``, unit ``hcm``, no plan: every plan);
- ``officer_a`` / ``officer_b``: commune officers of ``ward_a`` / ``ward_b``;
- ``supervisor``: read-only over HCMC (role ``supervisor``, e.g. Ủy ban MTTQ);
- ``hcm_admin``: role ``admin``, every unit.
"""

from __future__ import annotations

import atexit
import datetime as dt
import functools
import os
import shutil
import tempfile

if "ANSINH_DATA_DIR" not in os.environ:  # a directory of this process's own, removed when it exits
    os.environ["ANSINH_DATA_DIR"] = tempfile.mkdtemp(prefix="ansinh-test-")
    atexit.register(shutil.rmtree, os.environ["ANSINH_DATA_DIR"], ignore_errors=True)
os.environ.setdefault("ANSINH_ENV", "test")

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import Permission
from hypothesis import HealthCheck, settings

from tests.migrated import make_template
from tests.sizes import THOROUGH

# 40 examples per property (hypothesis's own 100 with ANSINH_TESTS_THOROUGH=1); a test that asks for more,
# e.g. a fast path checked against its plain form, asks through tests.sizes.size(40, N): N in the thorough run.
settings.register_profile(
    "ansinh", deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=100 if THOROUGH else 40
)
settings.load_profile("ansinh")

PASSWORD = "mat-khau-thu-nghiem-42"
FAST_HASHER = "django.contrib.auth.hashers.MD5PasswordHasher"


@pytest.fixture(autouse=True, scope="session")
def _fast_password_hasher() -> Iterator[None]:
    """MD5 instead of the deliberately slow PBKDF2 in this process: each sign-in of a test costs ~0.3 s less.

    Processes the tests start (``ansinh serve``, benches) keep the real hasher.
    """
    from django.test import override_settings

    with override_settings(PASSWORD_HASHERS=[FAST_HASHER]):
        yield


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """A SQLite database migrated once for the run (``tests.migrated``): copy it, never write to it."""
    base = tmp_path_factory.getbasetemp()
    return make_template(base if worker_id == "master" else base.parent)


@pytest.fixture
def premigrated_scratch(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bench's fresh SQLite scratch database (``core.bench_db``) starts as a copy of ``migrated_sqlite``.

    The bench still runs ``migrate`` on it, which then finds nothing to apply. PostgreSQL is left alone.
    """
    from django.db import connection

    from ansinh.core import bench_db

    if connection.vendor != "sqlite":
        return
    template: Path = request.getfixturevalue("migrated_sqlite")
    real = bench_db.call_command

    def call_command(name: str, *args: Any, **kwargs: Any) -> Any:
        config = bench_db.connections[bench_db.ALIAS].settings_dict
        if name == "migrate" and config["ENGINE"].endswith("sqlite3") and not Path(config["NAME"]).exists():
            shutil.copyfile(template, config["NAME"])
        return real(name, *args, **kwargs)

    monkeypatch.setattr(bench_db, "call_command", call_command)


@pytest.fixture(autouse=True)
def _fresh_page_cache() -> Any:
    """Each test starts with no stored page part (ids repeat across rolled-back tests)."""
    from ansinh.lib.page_cache import clear_all

    clear_all()
    yield
    clear_all()


@pytest.fixture
def alice(django_user_model: Any, vn: Any) -> Any:
    from ansinh.accounts.models import RoleAssignment

    user = django_user_model.objects.create(username="alice", password=_password_hash(), full_name="Nguyễn Thị An")
    user.user_permissions.add(*Permission.objects.filter(codename__in=["change_plan", "view_plan"]))
    RoleAssignment.objects.create(user=user, role="agency", unit=vn)
    return django_user_model.objects.get(pk=user.pk)


@pytest.fixture
def bob(django_user_model: Any) -> Any:
    return django_user_model.objects.create(username="bob", password=_password_hash(), full_name="Trần Văn Bình")


REFORM = dt.date(2025, 7, 1)


def _unit(code: str, name: str, level: str, parent: Any = None, kind: str = "", valid_from: Any = REFORM) -> Any:
    from ansinh.geo.models import AdministrativeUnit

    return AdministrativeUnit.objects.create(
        code=code, name=name, level=level, parent=parent, kind=kind, valid_from=valid_from
    )


@pytest.fixture
def vn(db: Any) -> Any:
    return _unit("VN", "Việt Nam", "country", kind="quốc gia", valid_from=dt.date(1976, 7, 2))


@pytest.fixture
def hcm(vn: Any) -> Any:
    return _unit("79", "Thành phố Hồ Chí Minh", "province", vn, "thành phố trung ương")


@pytest.fixture
def hanoi(vn: Any) -> Any:
    return _unit("01", "Thành phố Hà Nội", "province", vn, "thành phố trung ương")


@pytest.fixture
def ward_a(hcm: Any) -> Any:
    return _unit("26740", "Phường Sài Gòn", "commune", hcm, "phường")


@pytest.fixture
def ward_b(hcm: Any) -> Any:
    return _unit("26743", "Phường Bến Thành", "commune", hcm, "phường")


@pytest.fixture
def hanoi_ward(hanoi: Any) -> Any:
    return _unit("00070", "Phường Hoàn Kiếm", "commune", hanoi, "phường")


@functools.cache
def _password_hash() -> str:
    """``PASSWORD`` hashed once per session: the officers' fixtures stay fast, ``client.login`` works."""
    from django.contrib.auth.hashers import make_password

    return make_password(PASSWORD)


def _officer(django_user_model: Any, username: str, full_name: str, role: str, unit: Any) -> Any:
    from ansinh.accounts.models import RoleAssignment

    user = django_user_model.objects.create(username=username, password=_password_hash(), full_name=full_name)
    RoleAssignment.objects.create(user=user, role=role, unit=unit)
    return user


@pytest.fixture
def hcm_standing(django_user_model: Any, hcm: Any) -> Any:
    return _officer(django_user_model, "hcm_standing", "Lê Thị Thường Trực", "standing", hcm)


@pytest.fixture
def officer_a(django_user_model: Any, ward_a: Any) -> Any:
    return _officer(django_user_model, "officer_a", "Phạm Văn Sài", "commune", ward_a)


@pytest.fixture
def officer_b(django_user_model: Any, ward_b: Any) -> Any:
    return _officer(django_user_model, "officer_b", "Võ Thị Bến", "commune", ward_b)


@pytest.fixture
def supervisor(django_user_model: Any, hcm: Any) -> Any:
    return _officer(django_user_model, "supervisor", "Đỗ Văn Giám Sát", "supervisor", hcm)


@pytest.fixture
def hcm_admin(django_user_model: Any, db: Any) -> Any:
    return _officer(django_user_model, "hcm_admin", "Quản Trị Viên", "admin", None)
