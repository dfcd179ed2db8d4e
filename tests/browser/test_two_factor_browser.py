"""Two-factor in a real browser, as production requires it: an approver signs in, is sent to enrolment, sees
the QR code and the key as text (under the CSP), types the code and reaches the plans; wrong passwords
lock the name with a Vietnamese message."""

from __future__ import annotations

from typing import Any

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.browser.conftest import ARTIFACTS
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_in(page: Any, live_server: Any, username: str, password: str) -> None:
    page.goto(f"{live_server.url}/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_load_state()


def test_an_approver_enrols_an_authenticator_and_then_works(
    page: Any, live_server: Any, hcm_standing: Any, settings: Any
) -> None:
    settings.TWO_FACTOR_REQUIRED = True
    _sign_in(page, live_server, "hcm_standing", PASSWORD)
    assert page.locator("h1").inner_text() == "Xác thực hai bước"
    assert page.locator("figure.qr svg").is_visible()
    secret = page.locator("#totp-secret").inner_text().replace(" ", "")
    device = TOTPDevice.objects.get(user=hcm_standing, confirmed=False)
    assert len(secret) == 32
    page.screenshot(path=str(ARTIFACTS / "two-factor-enrolment.png"), full_page=True)
    page.fill("#id_code", "000000" if totp(device.bin_key) != 0 else "111111")
    page.get_by_role("button", name="Xác nhận").click()
    assert "Mã xác thực không đúng" in page.locator(".form-error").inner_text()
    page.fill("#id_code", f"{totp(device.bin_key):06d}")
    page.get_by_role("button", name="Xác nhận").click()
    page.wait_for_load_state()
    assert page.url.startswith(f"{live_server.url}/ke-hoach/")


def test_five_wrong_passwords_lock_the_name_in_vietnamese(page: Any, live_server: Any, officer_a: Any) -> None:
    for _ in range(5):
        _sign_in(page, live_server, "officer_a", "sai-mat-khau")
    _sign_in(page, live_server, "officer_a", PASSWORD)
    assert "Tài khoản tạm bị khóa" in page.locator("[role=alert]").first.inner_text()
