"""Playwright against a live server, driving Debian's Chromium headless (never a downloaded browser).

Every test gets a fresh browser context; at the end its page is saved as a full-page screenshot
in ``test-artifacts/`` (git-ignored). Requests to anything but the live server are aborted, so a
test can never reach the network.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls made by fixtures and by
# the live server are still synchronous and safe here.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"


def _chromium() -> Path | None:
    """Debian's chromium found on PATH (so a PATH without it counts as a machine without it)."""
    found = shutil.which("chromium")
    return Path(found) if found else None

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    executable = _chromium()
    if executable is None:
        pytest.skip("Máy chưa cài chromium (gói Debian chromium); bỏ qua kiểm thử trình duyệt.")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("Chưa cài gói Python playwright; bỏ qua kiểm thử trình duyệt.")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(executable), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium: Any, live_server: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    context = chromium.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900}, accept_downloads=True)
    origin = live_server.url.rstrip("/")
    context.route(re.compile(r"^(?!" + re.escape(origin) + r")"), lambda route: route.abort())
    pg = context.new_page()
    pg.set_default_timeout(10_000)
    yield pg
    ARTIFACTS.mkdir(exist_ok=True)
    name = re.sub(r"[^\w.-]+", "_", request.node.name)
    try:
        pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    finally:
        context.close()


def log_in(page: Any, live_server: Any, username: str, password: str) -> None:
    page.goto(f"{live_server.url}/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_load_state()
    assert page.get_by_role("button", name="Đăng xuất").is_visible()


def expect(locator: Any) -> Any:
    """Playwright's retrying assertions, imported late so that a machine without playwright skips, not fails."""
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(locator)
