"""In a real browser: the approver is told of a sent report, finds it in the queue, approves it
there; the ward is told, and its to-do list no longer holds the report."""

from __future__ import annotations

from typing import Any

import pytest

from ansinh.reporting.actions import do_save_values, do_submit
from ansinh.reporting.models import Submission
from tests.api.fixtures import make_world
from tests.browser.conftest import ARTIFACTS, expect, log_in
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_standing_officer_approves_from_the_queue_and_the_ward_is_told(
    page: Any, live_server: Any, hcm: Any, ward_a: Any, ward_b: Any, hanoi: Any, officer_a: Any, hcm_standing: Any
) -> None:
    world = make_world()
    do_save_values(officer_a, world.sub_a, [{"indicator": "SOCIAL_HOUSING", "value": 50}])
    do_submit(officer_a, world.sub_a)

    log_in(page, live_server, "hcm_standing", PASSWORD)
    assert page.locator("#thong-bao .badge").inner_text() == "2"  # the cycle opened, the report sent
    page.goto(f"{live_server.url}/bao-cao-dinh-ky/cho-duyet/")
    page.fill("#id_q", "sai gon")
    page.get_by_role("button", name="Lọc").click()
    row = page.locator("tbody tr", has=page.get_by_role("link", name="Phường Sài Gòn"))
    expect(row).to_have_count(1)  # waits for the filtered page, not the one being left
    page.screenshot(path=str(ARTIFACTS / "queue-approver.png"), full_page=True)
    row.get_by_role("button", name="Phê duyệt").click()
    page.wait_for_load_state()
    assert "Đã phê duyệt báo cáo" in page.locator(".messages").inner_text()
    assert "q=sai+gon" in page.url
    world.sub_a.refresh_from_db()
    assert world.sub_a.status == Submission.Status.APPROVED

    page.get_by_role("button", name="Đăng xuất").click()
    log_in(page, live_server, "officer_a", PASSWORD)
    page.locator("#thong-bao").click()
    assert "Đã phê duyệt báo cáo «" in page.locator("table").inner_text()
    page.get_by_role("button", name="Đánh dấu tất cả là đã đọc").click()
    expect(page.locator("#thong-bao .badge")).to_have_count(0)
    page.goto(f"{live_server.url}/bao-cao-dinh-ky/viec-can-lam/")
    assert "Kế hoạch thử nghiệm" not in page.locator("main").inner_text()
    page.screenshot(path=str(ARTIFACTS / "queue-ward-todo.png"), full_page=True)
