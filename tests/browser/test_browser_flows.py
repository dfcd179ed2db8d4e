"""End-to-end flows in a real browser: sign in, read a dashboard, submit a report, download the DOCX."""

from __future__ import annotations

import zipfile
from typing import Any

import pytest
from django.core.management import call_command
from django.urls import NoReverseMatch, reverse

from ansinh.reporting.models import IndicatorValue, Submission
from tests.browser.conftest import ARTIFACTS, expect, log_in
from tests.conftest import PASSWORD
from tests.reports.dashboard_fixtures import build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_standing_officer_reads_the_city_dashboard_and_drills_down_to_a_ward(
    page: Any, live_server: Any, hcm: Any, ward_a: Any, ward_b: Any, hcm_standing: Any
) -> None:
    world = build_world(hcm, ward_a, ward_b)
    log_in(page, live_server, "hcm_standing", PASSWORD)
    page.get_by_role("link", name="Bảng điều khiển").first.click()
    page.get_by_role("link", name="53/KH-UBND", exact=False).click()
    assert page.locator("h1").inner_text() == "Thành phố Hồ Chí Minh · năm 2025"
    charts = page.locator("svg.chart")
    assert charts.count() == 2 and charts.first.is_visible()
    assert page.locator(f"#bieu-do-{world.poverty.pk}-title").text_content() == "Tỷ lệ hộ nghèo"
    card = page.locator("article.ind-card", has=page.locator(f"#bieu-do-{world.poverty.pk}"))
    assert card.locator(".status").inner_text().strip() == "Chậm tiến độ"
    card.get_by_text("Bảng số liệu").click()
    assert card.locator("table").is_visible()
    page.screenshot(path=str(ARTIFACTS / "dashboard-city.png"), full_page=True)

    page.select_option("#f-year", "2024")
    page.get_by_role("button", name="Xem").first.click()
    assert page.locator("h1").inner_text() == "Thành phố Hồ Chí Minh · năm 2024"

    page.locator("table.drill").get_by_role("link", name="Phường Sài Gòn").click()
    assert page.locator("h1").inner_text() == "Phường Sài Gòn · năm 2024"
    assert "Đơn vị trực thuộc" not in page.content()


def test_a_commune_officer_submits_the_report_through_the_form_and_sees_errors_first(
    page: Any, live_server: Any, hcm: Any, ward_a: Any, ward_b: Any, officer_a: Any
) -> None:
    world = build_world(hcm, ward_a, ward_b, ward_reports=False)
    cycle = world.cycles[2025]
    log_in(page, live_server, "officer_a", PASSWORD)
    page.goto(f"{live_server.url}/bao-cao-dinh-ky/ky/{cycle.pk}/")
    page.select_option("#id_unit", str(ward_a.pk))
    page.get_by_role("button", name="Lập báo cáo").click()
    assert "Báo cáo của Phường Sài Gòn" in page.locator("h1").inner_text()

    page.fill('[name="ind-0-value"]', "không rõ")
    page.get_by_role("button", name="Lưu và gửi báo cáo").click()
    expect(page.locator(".field-error").first).to_be_visible()  # waits for the answer page
    submission = Submission.objects.get(cycle=cycle, unit=ward_a)
    assert submission.status == Submission.Status.DRAFT and not IndicatorValue.objects.filter(submission=submission).exists()

    page.fill('[name="ind-0-value"]', "0,45")
    page.get_by_role("button", name="Lưu và gửi báo cáo").click()
    page.wait_for_load_state()
    assert page.locator(".badge.submitted").first.inner_text() == "Đã gửi"
    submission.refresh_from_db()
    assert submission.status == Submission.Status.SUBMITTED
    assert IndicatorValue.objects.get(submission=submission, indicator__code="HN").value == pytest.approx(0.45)


def test_a_standing_officer_downloads_the_consolidated_report_as_docx(
    page: Any, live_server: Any, hcm: Any, ward_a: Any, ward_b: Any, hcm_standing: Any
) -> None:
    world = build_world(hcm, ward_a, ward_b)
    try:
        url = reverse("reports:report_build", args=[world.plan.pk, 2025])
    except NoReverseMatch:
        pytest.skip("Trang lập báo cáo tổng hợp chưa có.")
    log_in(page, live_server, "hcm_standing", PASSWORD)
    page.goto(f"{live_server.url}/bao-cao/bang-dieu-khien/{world.plan.pk}/?unit=79")
    page.get_by_role("link", name="Lập báo cáo tổng hợp năm 2025 (Word, Excel)").click()
    assert page.url.endswith(url)
    page.select_option("#bc-format", "docx")
    page.get_by_role("button", name="Lập và tải báo cáo").click()
    page.wait_for_url("**/bao-cao/viec/**")
    assert page.get_by_role("progressbar").count() == 1  # queued: the page waits for the worker
    call_command("worker", "--batch", verbosity=0)
    page.reload()
    with page.expect_download() as info:
        page.get_by_role("link", name="Tải báo cáo (docx)").click()
    download = info.value
    assert download.suggested_filename.endswith(".docx")
    ARTIFACTS.mkdir(exist_ok=True)
    saved = ARTIFACTS / download.suggested_filename
    download.save_as(str(saved))
    with zipfile.ZipFile(saved) as docx:
        body = docx.read("word/document.xml").decode("utf-8")
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in body and "Nơi nhận" in body
