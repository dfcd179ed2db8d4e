"""The submission form in a real browser: compact with many tasks, no clipped status box, no lost update."""

from __future__ import annotations

from typing import Any

import pytest

from ansinh.plans.models import Task
from ansinh.reporting.models import IndicatorValue
from tests.api.fixtures import make_world
from tests.browser.conftest import ARTIFACTS, log_in
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
TASKS = 45  # about as many as a provincial plan lists


def test_the_form_of_a_plan_with_many_tasks_stays_compact_and_its_status_boxes_are_whole(
    page: Any, live_server: Any, hcm: Any, ward_a: Any, ward_b: Any, hanoi: Any, officer_a: Any
) -> None:
    world = make_world()
    for n in range(2, TASKS + 1):
        Task.objects.create(
            plan=world.plan, number=str(n), position=n,
            title=f"Nhiệm vụ số {n}: triển khai chính sách trợ giúp xã hội, rà soát và cập nhật đối tượng trên địa bàn",
        )
    log_in(page, live_server, "officer_a", PASSWORD)
    page.goto(f"{live_server.url}/bao-cao-dinh-ky/{world.sub_a.pk}/")
    height = page.evaluate("document.documentElement.scrollHeight")
    page.screenshot(path=str(ARTIFACTS / "submission-form-compact.png"), full_page=True)
    page.locator("table.entry").screenshot(path=str(ARTIFACTS / "submission-form-indicators.png"))
    print(f"submission page height with {TASKS} tasks: {height} px")
    assert height < 4500, height
    clipped = page.evaluate(
        """() => [...document.querySelectorAll('table.entry select')].filter(s => {
            const box = s.getBoundingClientRect(), cell = s.closest('td').getBoundingClientRect();
            return s.scrollWidth > s.clientWidth + 1 || box.right > cell.right + 1 || box.left < cell.left - 1;
        }).length"""
    )
    assert clipped == 0
    page.locator("details.task summary").nth(3).click()
    assert page.locator(f'[name="task-{Task.objects.get(number="4").pk}-result"]').is_visible()


def test_two_officers_in_two_browsers_cannot_erase_each_others_figures(
    chromium: Any, page: Any, live_server: Any, hcm: Any, ward_a: Any, ward_b: Any, hanoi: Any, officer_a: Any, hcm_standing: Any
) -> None:
    world = make_world()
    url = f"{live_server.url}/bao-cao-dinh-ky/{world.sub_a.pk}/"
    other = chromium.new_context(locale="vi-VN").new_page()
    log_in(page, live_server, "officer_a", PASSWORD)
    log_in(other, live_server, "hcm_standing", PASSWORD)
    page.goto(url)
    other.goto(url)
    page.fill('[name="ind-1-value"]', "100")
    page.fill('[name="ind-1-comment"]', "Số liệu Ban quản lý dự án")
    page.get_by_role("button", name="Lưu nháp").click()
    page.wait_for_load_state()
    other.fill('[name="ind-0-numerator"]', "12")
    other.fill('[name="ind-0-denominator"]', "1000")
    other.get_by_role("button", name="Lưu nháp").click()
    other.wait_for_load_state()
    alert = other.locator("#xung-dot")
    assert alert.is_visible() and "trống → 100" in alert.inner_text()
    other.screenshot(path=str(ARTIFACTS / "submission-conflict.png"), full_page=True)
    assert IndicatorValue.objects.get(indicator__code="SOCIAL_HOUSING").value == 100
    assert not IndicatorValue.objects.filter(indicator__code="POOR_RATE").exists()
    other.context.close()


def test_a_draft_keeps_a_missed_milestone_and_sending_asks_for_its_explanation(
    page: Any, live_server: Any, hcm: Any, ward_a: Any, ward_b: Any, hanoi: Any, officer_a: Any
) -> None:
    world = make_world()
    log_in(page, live_server, "officer_a", PASSWORD)
    page.goto(f"{live_server.url}/bao-cao-dinh-ky/{world.sub_a.pk}/")
    page.fill('[name="ind-1-value"]', "10")  # under the year's milestone
    page.get_by_role("button", name="Lưu nháp").click()
    page.wait_for_load_state()
    assert "Đã lưu số liệu" in page.locator(".messages").inner_text()
    assert IndicatorValue.objects.get(indicator__code="SOCIAL_HOUSING").value == 10
    assert "Chưa đạt mốc năm 2025 (từ 40 căn trở lên)" in page.locator("table.entry").inner_text()
    page.get_by_role("button", name="Lưu và gửi báo cáo").click()
    page.wait_for_load_state()
    assert "chưa đạt mốc mà chưa có giải trình" in page.locator("main").inner_text()
    page.screenshot(path=str(ARTIFACTS / "submission-missed-milestone.png"), full_page=True)
    world.sub_a.refresh_from_db()
    assert world.sub_a.status == "draft"
    page.fill('[name="ind-1-comment"]', "Dự án chậm giải phóng mặt bằng")
    page.get_by_role("button", name="Lưu và gửi báo cáo").click()
    page.wait_for_load_state()
    world.sub_a.refresh_from_db()
    assert world.sub_a.status == "submitted", page.locator("main").inner_text()[:1500]
