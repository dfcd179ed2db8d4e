"""Accounts: login throttling and lockout (django-axes), the password policy, idle session expiry and
two-factor (TOTP) for administrators and approvers. Cast: ``officer_a`` (commune officer, no second factor
needed), ``hcm_standing`` (approver) and ``hcm_admin`` (administrator)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.conf import settings
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from ansinh.accounts.actions import AccountError, do_create_user
from ansinh.core.models import AuditEvent
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC)


def _login(client: Client, username: str, password: str) -> Any:
    return client.post("/dang-nhap/", {"username": username, "password": password})


# --- throttling -------------------------------------------------------------------------------------------


def test_after_five_wrong_passwords_even_the_right_one_is_refused_in_vietnamese(client: Client, officer_a: Any) -> None:
    with time_machine.travel(NOW, tick=False):
        answers = [_login(client, "officer_a", "sai-mat-khau").status_code for _ in range(settings.AXES_FAILURE_LIMIT)]
        assert answers == [200] * (settings.AXES_FAILURE_LIMIT - 1) + [429]
        response = _login(client, "officer_a", PASSWORD)
    html = response.content.decode()
    assert response.status_code == 429 and "Tài khoản tạm bị khóa" in html and "15 phút" in html
    assert "_auth_user_id" not in client.session


def test_the_lockout_ends_after_the_cool_off(client: Client, officer_a: Any) -> None:
    with time_machine.travel(NOW, tick=False):
        for _ in range(settings.AXES_FAILURE_LIMIT):
            _login(client, "officer_a", "sai-mat-khau")
    with time_machine.travel(NOW + dt.timedelta(minutes=16), tick=False):
        assert _login(client, "officer_a", PASSWORD).status_code == 302


def test_a_lockout_of_one_name_does_not_lock_another(client: Client, officer_a: Any, officer_b: Any) -> None:
    with time_machine.travel(NOW, tick=False):
        for _ in range(settings.AXES_FAILURE_LIMIT + 1):
            _login(client, "officer_a", "sai-mat-khau")
        assert _login(Client(), "officer_b", PASSWORD).status_code == 302


def test_a_right_password_before_the_limit_resets_the_count(client: Client, officer_a: Any) -> None:
    with time_machine.travel(NOW, tick=False):
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            _login(client, "officer_a", "sai-mat-khau")
        assert _login(client, "officer_a", PASSWORD).status_code == 302
        other = Client()
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            _login(other, "officer_a", "sai-mat-khau")
        assert _login(other, "officer_a", PASSWORD).status_code == 302


def test_the_admin_login_is_throttled_too(client: Client, hcm_admin: Any) -> None:
    with time_machine.travel(NOW, tick=False):
        for _ in range(settings.AXES_FAILURE_LIMIT):
            client.post("/quan-tri/login/", {"username": "hcm_admin", "password": "sai"})
        response = client.post("/quan-tri/login/", {"username": "hcm_admin", "password": PASSWORD})
    assert response.status_code == 429 and "Tài khoản tạm bị khóa" in response.content.decode()


# --- password policy --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("password", "words"),
    [
        ("ngan-qua", "quá ngắn"),
        ("12345678901234", "chỉ gồm chữ số"),
        ("password1234", "quá phổ biến"),
        ("nguyenvanan2025", "quá giống"),
    ],
)
def test_a_weak_password_is_refused_in_vietnamese_and_no_user_is_made(db: Any, password: str, words: str) -> None:
    from ansinh.accounts.models import User

    with pytest.raises(AccountError) as refused:
        do_create_user(None, "nguyenvanan2025", password, "admin")
    assert words in refused.value.message
    assert not User.objects.filter(username="nguyenvanan2025").exists()


# --- idle sessions ----------------------------------------------------------------------------------------


def test_a_session_ends_after_the_idle_time_and_lives_on_while_used(client: Client, officer_a: Any) -> None:
    idle = dt.timedelta(seconds=settings.SESSION_COOKIE_AGE)
    with time_machine.travel(NOW, tick=False):
        assert _login(client, "officer_a", PASSWORD).status_code == 302
    with time_machine.travel(NOW + idle - dt.timedelta(minutes=5), tick=False):
        assert client.get("/ke-hoach/").status_code == 200  # used: the deadline moves on
    with time_machine.travel(NOW + 2 * idle - dt.timedelta(minutes=10), tick=False):
        assert client.get("/ke-hoach/").status_code == 200
    with time_machine.travel(NOW + 3 * idle, tick=False):
        response = client.get("/ke-hoach/")
    assert response.status_code == 302 and response["Location"].startswith("/dang-nhap/")


# --- two-factor -------------------------------------------------------------------------------------------


def _code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):0{device.digits}d}"


@pytest.fixture
def required(settings: Any) -> None:
    settings.TWO_FACTOR_REQUIRED = True


def test_when_required_an_approver_must_enrol_before_anything_else(
    client: Client, hcm_standing: Any, required: None
) -> None:
    with time_machine.travel(NOW, tick=False):
        assert _login(client, "hcm_standing", PASSWORD).status_code == 302
        response = client.get("/ke-hoach/")
        assert response.status_code == 302 and response["Location"].startswith("/tai-khoan/xac-thuc-hai-buoc/")
        page = client.get("/tai-khoan/xac-thuc-hai-buoc/").content.decode()
        assert "<svg" in page and 'id="totp-secret"' in page and "cần xác thực hai bước" in page
        device = TOTPDevice.objects.get(user=hcm_standing, confirmed=False)
        wrong = client.post("/tai-khoan/xac-thuc-hai-buoc/", {"code": "000000" if _code(device) != "000000" else "111111"})
        assert wrong.status_code == 400 and "Mã xác thực không đúng" in wrong.content.decode()
        assert not TOTPDevice.objects.filter(user=hcm_standing, confirmed=True).exists()
        done = client.post("/tai-khoan/xac-thuc-hai-buoc/", {"code": _code(device), "next": "/ke-hoach/"})
        assert done.status_code == 302 and done["Location"] == "/ke-hoach/"
        assert client.get("/ke-hoach/").status_code == 200
    assert AuditEvent.objects.filter(action="accounts.two_factor_enrol", actor=hcm_standing).count() == 1


def test_an_enrolled_administrator_is_asked_for_a_code_at_each_login(
    client: Client, hcm_admin: Any, required: None
) -> None:
    device = TOTPDevice.objects.create(user=hcm_admin, name="x", confirmed=True)
    with time_machine.travel(NOW, tick=False):
        _login(client, "hcm_admin", PASSWORD)
        response = client.get("/bao-cao-dinh-ky/")
        assert response["Location"].startswith("/tai-khoan/xac-thuc-hai-buoc/nhap-ma/")
        for bad in ("", "12345", "abcdef", "1234567"):
            refused = client.post("/tai-khoan/xac-thuc-hai-buoc/nhap-ma/", {"code": bad})
            assert refused.status_code == 400 and "đúng 6 chữ số" in refused.content.decode()
        ok = client.post("/tai-khoan/xac-thuc-hai-buoc/nhap-ma/", {"code": _code(device), "next": "https://evil.example/"})
        assert ok.status_code == 302 and ok["Location"] == "/"


def test_repeated_wrong_codes_are_throttled(client: Client, hcm_admin: Any) -> None:
    TOTPDevice.objects.create(user=hcm_admin, name="x", confirmed=True)
    with time_machine.travel(NOW, tick=False):
        _login(client, "hcm_admin", PASSWORD)
        answers = [client.post("/tai-khoan/xac-thuc-hai-buoc/nhap-ma/", {"code": "000001"}).content.decode()
                   for _ in range(4)]
    assert "quá nhiều lần" in answers[-1]


def test_an_unverified_session_cannot_use_the_api(client: Client, hcm_admin: Any, required: None) -> None:
    with time_machine.travel(NOW, tick=False):
        _login(client, "hcm_admin", PASSWORD)
        response = client.get("/api/cycles/")
    assert response.status_code == 403 and "xác thực hai bước" in response.json()["detail"]


def test_a_commune_officer_is_not_asked_for_a_second_factor(client: Client, officer_a: Any, required: None) -> None:
    with time_machine.travel(NOW, tick=False):
        _login(client, "officer_a", PASSWORD)
        assert client.get("/ke-hoach/").status_code == 200


def test_outside_production_approvers_work_without_a_second_factor(client: Client, hcm_standing: Any) -> None:
    assert settings.TWO_FACTOR_REQUIRED is False
    with time_machine.travel(NOW, tick=False):
        _login(client, "hcm_standing", PASSWORD)
        assert client.get("/ke-hoach/").status_code == 200


def test_the_two_factor_pages_need_a_signed_in_user(client: Client, db: Any) -> None:
    for url in ("/tai-khoan/xac-thuc-hai-buoc/", "/tai-khoan/xac-thuc-hai-buoc/nhap-ma/"):
        assert client.get(url)["Location"].startswith("/dang-nhap/")


def test_a_plan_reviewer_counts_as_an_approver(client: Client, alice: Any, required: None) -> None:
    with time_machine.travel(NOW, tick=False):
        _login(client, "alice", PASSWORD)
        assert client.get("/ke-hoach/")["Location"].startswith("/tai-khoan/xac-thuc-hai-buoc/")


def test_anyone_may_enrol_and_is_then_asked_for_a_code(client: Client, officer_a: Any) -> None:
    with time_machine.travel(NOW, tick=False):
        _login(client, "officer_a", PASSWORD)
        assert "Xác thực hai bước" in client.get("/ke-hoach/").content.decode()
        client.get("/tai-khoan/xac-thuc-hai-buoc/")
        device = TOTPDevice.objects.get(user=officer_a)
        client.post("/tai-khoan/xac-thuc-hai-buoc/", {"code": _code(device)})
        fresh = Client()
        _login(fresh, "officer_a", PASSWORD)
        assert fresh.get("/ke-hoach/")["Location"].startswith("/tai-khoan/xac-thuc-hai-buoc/nhap-ma/")


# --- the commands an operator uses --------------------------------------------------------------------


def test_ansinh_user_unlock_ends_a_lockout_and_is_audited(client: Client, officer_a: Any) -> None:
    from tests.commands import run_command

    with time_machine.travel(NOW, tick=False):
        for _ in range(settings.AXES_FAILURE_LIMIT):
            _login(client, "officer_a", "sai-mat-khau")
        code, out, err = run_command("user", "unlock", "officer_a")
        assert code == 0 and "Đã mở khóa «officer_a»" in out, err
        assert _login(Client(), "officer_a", PASSWORD).status_code == 302
    assert AuditEvent.objects.filter(action="accounts.unlock", object_id=str(officer_a.pk)).count() == 1


def test_ansinh_user_two_factor_reset_removes_the_device_and_is_audited(hcm_admin: Any) -> None:
    from tests.commands import run_command

    TOTPDevice.objects.create(user=hcm_admin, name="x", confirmed=True)
    code, out, err = run_command("user", "two-factor-reset", "hcm_admin")
    assert code == 0 and "Đã xóa 1 thiết bị" in out, err
    assert not TOTPDevice.objects.filter(user=hcm_admin).exists()
    event = AuditEvent.objects.get(action="accounts.two_factor_reset")
    assert event.before["devices"][0]["confirmed"] is True and event.after == {"devices": []}


@pytest.mark.parametrize("action", ["unlock", "two-factor-reset"])
def test_an_unknown_user_name_is_refused_in_vietnamese_and_nothing_is_audited(db: Any, action: str) -> None:
    from tests.commands import run_command

    code, _, err = run_command("user", action, "khong_co_ai")
    assert code != 0 and "không có tài khoản «khong_co_ai»" in err
    assert not AuditEvent.objects.exists()
