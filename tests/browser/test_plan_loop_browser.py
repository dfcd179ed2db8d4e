"""The whole loop in a browser for a plan no demo loads: upload a .docx → review → link → approve with the
checklist → cycles → a ward officer fills and submits → the city approves → dashboard → DOCX download.

Screenshots of each step are saved in ``test-artifacts/loop-*.png``.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from ansinh.plans.models import Plan
from ansinh.reporting.models import IndicatorValue, ReportingCycle, Submission, TargetIndicatorLink
from tests.browser.conftest import ARTIFACTS, log_in
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PLAN_LINES = [
    "ỦY BAN NHÂN DÂN",
    "THÀNH PHỐ HỒ CHÍ MINH",
    "Số: 318/KH-UBND",
    "Thành phố Hồ Chí Minh, ngày 15 tháng 9 năm 2025",
    "KẾ HOẠCH",
    "Hỗ trợ người lao động mất việc làm và hộ nghèo giai đoạn 2025–2026",
    "I. MỤC TIÊU",
    "Phấn đấu đến năm 2026, tỷ lệ hộ nghèo giảm còn dưới 0,5%; tỷ lệ dân số tham gia bảo hiểm y tế đạt trên 95%; "
    "giải quyết việc làm cho 2.000 lượt người.",
    "II. NHIỆM VỤ, GIẢI PHÁP",
    "1. Rà soát hộ nghèo, hộ cận nghèo và người lao động mất việc làm",
    "2. Tổ chức sàn giao dịch việc làm hằng quý tại các phường",
    "III. TỔ CHỨC THỰC HIỆN",
    "Định kỳ hằng năm, Ủy ban nhân dân các phường, xã báo cáo kết quả thực hiện về Sở Nội vụ trước ngày 20/11 "
    "để tổng hợp, báo cáo Ủy ban nhân dân Thành phố.",
]


def write_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    for line in PLAN_LINES:
        document.add_paragraph(line)
    document.save(str(path))
    return path


def shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"loop-{name}.png"), full_page=True)


def log_out(page: Any) -> None:
    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_load_state()


def test_a_plan_of_ones_own_runs_from_upload_to_the_docx_report(
    page: Any, live_server: Any, tmp_path: Path, alice: Any, vn: Any, hcm: Any, ward_a: Any, ward_b: Any,
    officer_a: Any, hcm_standing: Any,
) -> None:
    from ansinh.reporting.catalogue import load_catalogue

    load_catalogue()
    source = write_docx(tmp_path / "ke-hoach-318.docx")

    # 1. upload and review
    log_in(page, live_server, "alice", PASSWORD)
    page.get_by_role("link", name="Tải văn bản lên").click()
    page.set_input_files('input[type="file"]', str(source))
    page.get_by_role("button", name="Tải lên và trích xuất").click()
    page.wait_for_load_state()
    assert "3 chỉ tiêu" in page.locator(".messages").inner_text()
    plan = Plan.objects.get(number="318/KH-UBND")
    assert "/ra-soat/" in page.url
    shot(page, "1-review")

    # 2. link: bulk-confirm the strong suggestions, then pick one by a search typed without diacritics
    page.goto(f"{live_server.url}/ke-hoach/{plan.pk}/")
    page.get_by_role("link", name="Chỉ tiêu theo dõi").click()
    page.get_by_role("button", name="gợi ý mạnh").click()
    page.wait_for_load_state()
    assert "Đã xác nhận" in page.locator(".messages").inner_text()
    jobs_target = plan.targets.get(unit="lượt người")
    section = page.locator(f"#chi-tieu-{jobs_target.pk}")
    section.get_by_text("Chọn chỉ tiêu khác trong danh mục").click()
    section.locator('input[type="search"]').fill("viec lam moi")
    section.get_by_role("button", name="Tìm").click()
    page.wait_for_load_state()
    page.locator(f"#chi-tieu-{jobs_target.pk} .search-results").get_by_role("button", name="Số việc làm mới").click()
    page.wait_for_load_state()
    assert "Đơn vị tính khác nhau" in page.locator(".messages").inner_text()
    shot(page, "2-link-warning")
    section = page.locator(f"#chi-tieu-{jobs_target.pk}")
    section.get_by_role("button", name="Số lượt người được giải quyết việc làm").click()
    page.wait_for_load_state()
    assert TargetIndicatorLink.objects.get(target=jobs_target).indicator.code == "JOBS_SUPPORTED"
    assert TargetIndicatorLink.objects.filter(target__plan=plan, confirmed=True).count() == 3
    shot(page, "2-link")

    # 3. approve with the checklist: the area from the searchable picker
    page.get_by_role("link", name="Tiếp: phê duyệt kế hoạch").click()
    page.wait_for_load_state("load")
    assert page.locator("table.checklist").is_visible()
    page.get_by_label("Toàn quốc (kế hoạch trung ương)").check()
    page.get_by_role("combobox").fill("thanh pho ho chi minh")
    page.get_by_role("option", name="Thành phố Hồ Chí Minh").click()
    assert page.locator("[data-unit-chosen]").inner_text() == "Thành phố Hồ Chí Minh (79)"
    assert page.get_by_label("Một đơn vị hành chính:").is_checked()
    assert "Thành phố Hồ Chí Minh" in page.locator("[data-area-row]").inner_text()
    page.get_by_label("Tôi đã rà soát").check()
    shot(page, "3-approve")
    page.get_by_role("button", name="Phê duyệt kế hoạch").click()
    page.wait_for_load_state()

    # 4. the cycles, editable with buttons
    assert "Kỳ báo cáo của kế hoạch" in page.locator("h1").inner_text()
    assert "Báo cáo năm 2025" in page.content() and "Báo cáo năm 2026" in page.content()
    plan.refresh_from_db()
    assert plan.status == Plan.Status.ACTIVE and plan.area == hcm
    cycle = ReportingCycle.objects.get(plan=plan, year=2025)
    shot(page, "4-cycles")
    first_due = page.locator('input[name="due"]').first
    first_due.fill("01/12/2024")
    page.get_by_role("button", name="Dời hạn").first.click()
    page.wait_for_load_state()
    assert "trước ngày mở kỳ" in page.locator(".messages").inner_text()
    shot(page, "4-cycles-refused")
    log_out(page)

    # 5. the ward officer fills and submits
    log_in(page, live_server, "officer_a", PASSWORD)
    page.get_by_role("link", name="Báo cáo định kỳ").first.click()
    page.locator("#ky-bao-cao ~ table").get_by_role("link", name="Báo cáo năm 2025").click()
    assert page.url.endswith(f"/bao-cao-dinh-ky/ky/{cycle.pk}/")
    page.get_by_role("button", name="Lập báo cáo").click()
    page.wait_for_load_state()
    for i in range(3):
        numerator = page.locator(f'[name="ind-{i}-numerator"]')
        if numerator.count():
            numerator.fill("12" if i == 0 else "2.850")
            page.fill(f'[name="ind-{i}-denominator"]', "3.000")
        else:
            page.fill(f'[name="ind-{i}-value"]', "150")
    page.get_by_role("button", name="Lưu và gửi báo cáo").click()
    page.wait_for_load_state()
    shot(page, "5-submitted")
    submission = Submission.objects.get(cycle=cycle, unit=ward_a)
    assert submission.status == Submission.Status.SUBMITTED, page.locator("main").inner_text()[:2000]
    log_out(page)

    # 6. the city approves it from the reporting pages
    log_in(page, live_server, "hcm_standing", PASSWORD)
    page.get_by_role("link", name="Báo cáo định kỳ").first.click()
    page.locator("#bao-cao-cua-toi ~ table").first.get_by_role("link", name="Báo cáo năm 2025").click()
    assert page.url.endswith(f"/bao-cao-dinh-ky/{submission.pk}/")
    page.get_by_role("button", name="Phê duyệt báo cáo").click()
    page.wait_for_load_state()
    submission.refresh_from_db()
    assert submission.status == Submission.Status.APPROVED
    jobs = IndicatorValue.objects.get(submission=submission, indicator__code="JOBS_SUPPORTED")
    assert jobs.value == 150

    # 7. the dashboard shows the figure; 8. the DOCX report downloads
    page.goto(f"{live_server.url}/ke-hoach/{plan.pk}/")
    page.get_by_role("link", name="Bảng điều khiển", exact=True).last.click()
    page.wait_for_load_state()
    if "nam=2025" not in page.url and "năm 2025" not in page.locator("h1").inner_text():
        page.goto(f"{live_server.url}/bao-cao/bang-dieu-khien/{plan.pk}/?unit=79&nam=2025")
    assert "Thành phố Hồ Chí Minh" in page.locator("h1").inner_text()
    assert "Số lượt người được giải quyết việc làm" in page.content() and "150" in page.locator("main").inner_text()
    shot(page, "6-dashboard")
    page.goto(f"{live_server.url}/ke-hoach/{plan.pk}/")
    page.get_by_role("link", name="Báo cáo năm 2025").click()
    page.select_option("#bc-format", "docx")
    page.get_by_role("button", name="Lập và tải báo cáo").click()
    page.wait_for_url("**/bao-cao/viec/**")
    call_command("worker", "--batch", verbosity=0)
    page.reload()
    with page.expect_download() as info:
        page.get_by_role("link", name="Tải báo cáo (docx)").click()
    saved = ARTIFACTS / f"loop-{info.value.suggested_filename}"
    info.value.save_as(str(saved))
    with zipfile.ZipFile(saved) as docx_file:
        body = docx_file.read("word/document.xml").decode("utf-8")
    assert "318/KH-UBND" in body or "Hỗ trợ người lao động" in body


def test_approving_a_plan_without_linked_indicators_is_refused_on_the_page(
    page: Any, live_server: Any, alice: Any, vn: Any, hcm: Any
) -> None:
    from tests.reporting.link_fixtures import draft_plan

    plan = draft_plan()
    log_in(page, live_server, "alice", PASSWORD)
    page.goto(f"{live_server.url}/ke-hoach/{plan.pk}/")
    page.get_by_role("link", name="Phê duyệt kế hoạch").click()
    page.wait_for_load_state("load")
    page.get_by_label("Toàn quốc (kế hoạch trung ương)").check()
    assert "Toàn quốc" in page.locator("[data-area-row]").inner_text()
    page.get_by_label("Tôi đã rà soát").check()
    page.get_by_role("button", name="Phê duyệt kế hoạch").click()
    page.wait_for_load_state()
    message = page.locator(".messages").inner_text()
    assert "Chưa phê duyệt được kế hoạch" in message and "chưa có chỉ tiêu nào được liên kết" in message
    shot(page, "refused-no-link")
    plan.refresh_from_db()
    assert plan.is_draft and plan.area is None and not ReportingCycle.objects.filter(plan=plan).exists()
