"""``ansinh user create`` and the audited role actions: good input and bad input that stores nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ansinh.accounts import access
from ansinh.accounts.actions import AccountError, do_assign_role, do_revoke_role
from ansinh.accounts.models import RoleAssignment, User
from ansinh.core.models import AuditEvent
from tests.commands import run_command

pytestmark = pytest.mark.django_db
GOOD_PASSWORD = "bien-hoa-mua-thu-2026"


def run(*args: str) -> tuple[int, str, str]:
    return run_command("user", *args)


@pytest.fixture
def password_file(tmp_path: Path) -> str:
    path = tmp_path / "pw.txt"
    path.write_text(GOOD_PASSWORD + "\n", encoding="utf-8")
    return str(path)


def test_it_creates_a_commune_officer_scoped_to_their_ward(password_file: str, ward_a: Any, ward_b: Any) -> None:
    code, out, err = run("create", "can_bo_sg", "--role", "commune", "--unit", "26740", "--password-file", password_file)
    assert code == 0, err
    assert "Đã tạo tài khoản can_bo_sg (Cán bộ xã, phường tại Phường Sài Gòn)" in out
    user = User.objects.get(username="can_bo_sg")
    assert user.check_password(GOOD_PASSWORD)
    assert access.can_write_unit(user, ward_a) and not access.can_read_unit(user, ward_b)
    assert AuditEvent.objects.filter(action="accounts.assign_role").count() == 1


def test_a_bad_unit_code_fails_in_vietnamese_and_creates_nothing(password_file: str, ward_a: Any) -> None:
    code, _, err = run("create", "x", "--role", "commune", "--unit", "99999", "--password-file", password_file)
    assert code == 1 and "không có đơn vị hành chính đang có hiệu lực mã “99999”" in err
    assert not User.objects.filter(username="x").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--role", "commune", "--unit", "79"], "phải gắn với một đơn vị cấp xã"),
        (["--role", "chairman", "--unit", "79"], "Chủ tịch UBND xã, phường phải gắn với một đơn vị cấp xã"),
        (["--role", "supervisor"], "phải gắn với một đơn vị hành chính hoặc cơ quan"),
        (["--role", "boss", "--unit", "79"], "vai trò “boss” không hợp lệ"),
        (["--role", "agency", "--agency", "khong-co"], "không có cơ quan “khong-co”"),
        (["--role", "standing", "--unit", "79", "--plan", "424242"], "không có kế hoạch số 424242"),
    ],
)
def test_bad_role_scopes_are_refused_and_nothing_is_created(
    password_file: str, ward_a: Any, args: list[str], message: str
) -> None:
    code, _, err = run("create", "x", *args, "--password-file", password_file)
    assert code == 1 and message in err
    assert not User.objects.filter(username="x").exists()
    assert not RoleAssignment.objects.exists()


def test_a_weak_password_is_refused(tmp_path: Path, hcm: Any) -> None:
    weak = tmp_path / "weak.txt"
    weak.write_text("123\n", encoding="utf-8")
    code, _, err = run("create", "x", "--role", "supervisor", "--unit", "79", "--password-file", str(weak))
    assert code == 1 and "Mật khẩu không đạt yêu cầu" in err
    assert not User.objects.filter(username="x").exists()


def test_an_empty_or_missing_password_file_is_refused(tmp_path: Path, hcm: Any) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    code, _, err = run("create", "x", "--role", "supervisor", "--unit", "79", "--password-file", str(empty))
    assert code == 1 and "tệp mật khẩu rỗng" in err
    code, _, err = run("create", "x", "--role", "supervisor", "--unit", "79", "--password-file", str(tmp_path / "no"))
    assert code == 1 and "không đọc được tệp mật khẩu" in err


def test_without_a_terminal_the_password_must_come_from_a_file(hcm: Any) -> None:
    code, _, err = run("create", "x", "--role", "supervisor", "--unit", "79")
    assert code == 1 and "--password-file" in err


def test_an_existing_username_is_refused(password_file: str, bob: Any, hcm: Any) -> None:
    code, _, err = run("create", "bob", "--role", "supervisor", "--unit", "79", "--password-file", password_file)
    assert code == 1 and "Tên đăng nhập “bob” đã có" in err
    assert not RoleAssignment.objects.filter(user=bob).exists()


def test_an_agency_officer_is_created_by_agency_code(password_file: str, hcm: Any, ward_b: Any) -> None:
    from ansinh.geo.models import Agency

    Agency.objects.create(code="79-SYT", name="Sở Y tế", kind="department", unit=hcm, valid_from=hcm.valid_from)
    code, _, err = run("create", "syt", "--role", "agency", "--agency", "79-SYT", "--password-file", password_file)
    assert code == 0, err
    assert access.can_write_unit(User.objects.get(username="syt"), ward_b)


def test_assigning_and_revoking_a_role_is_audited(alice: Any, bob: Any, hcm: Any, ward_a: Any) -> None:
    assignment = do_assign_role(alice, bob, "supervisor", unit=hcm)
    assert do_assign_role(alice, bob, "supervisor", unit=hcm) == assignment
    assert access.can_read_unit(bob, ward_a)
    do_revoke_role(alice, assignment)
    assert not access.can_read_unit(bob, ward_a)
    actions = list(AuditEvent.objects.order_by("id").values_list("action", "actor__username"))
    assert actions == [("accounts.assign_role", "alice"), ("accounts.revoke_role", "alice")]


def test_a_plan_goes_only_with_the_standing_role(bob: Any, ward_a: Any) -> None:
    from ansinh.plans.models import Plan

    plan = Plan.objects.create(title="Kế hoạch")
    with pytest.raises(AccountError, match="Chỉ vai trò cơ quan thường trực"):
        do_assign_role(None, bob, "commune", unit=ward_a, plan=plan)
    with pytest.raises(AccountError, match="không hợp lệ"):
        do_assign_role(None, bob, "king", unit=ward_a)


def test_a_provinces_standing_officer_can_be_made_a_plan_reviewer_of_its_own_plans(
    password_file: str, hcm: Any, hanoi: Any
) -> None:
    from ansinh.plans.models import Plan
    from ansinh.plans.scope import can_change_plan

    code, out, err = run("create", "thuong_truc_hcm", "--role", "standing", "--unit", "79", "--plan-reviewer",
                         "--password-file", password_file)
    assert code == 0, err
    assert "rà soát, phê duyệt kế hoạch" in out
    user = User.objects.get(username="thuong_truc_hcm")
    assert user.has_perm("plans.change_plan")
    assert can_change_plan(user, Plan.objects.create(title="Kế hoạch của Thành phố", area=hcm))
    assert not can_change_plan(user, Plan.objects.create(title="Kế hoạch của Hà Nội", area=hanoi))


def test_a_supervisor_cannot_be_made_a_plan_reviewer_and_nothing_is_stored(password_file: str, hcm: Any) -> None:
    code, _, err = run("create", "giam_sat", "--role", "supervisor", "--unit", "79", "--plan-reviewer",
                       "--password-file", password_file)
    assert code != 0 and "không nhận quyền rà soát, phê duyệt kế hoạch" in err and "Chưa tạo tài khoản nào" in err
    assert not User.objects.filter(username="giam_sat").exists()
