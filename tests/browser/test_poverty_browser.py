"""A poverty review round for one simulated ward through the four steps in a real browser.

The ward officer lists and surveys households on a phone-sized screen (one by typed income, one by
the scored form, whose scores are marked unverified), records the village meeting and the posting;
the ward's chairman — the competent authority since 1/7/2025 — is refused before the posting ends,
then recognises, and downloads the certificates.
"""

from __future__ import annotations

from typing import Any

import pytest

from ansinh.poverty.models import HouseholdStatus, ReviewEntry, ReviewRound
from tests.browser.conftest import log_in
from tests.conftest import PASSWORD
from tests.poverty.conftest import chairman_a, standards  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def simulated_ward(ward_a: Any, standards: None) -> list[str]:  # noqa: F811
    """Phường Sài Gòn (a demo ward) with a few simulated households, imported like the demo's."""
    from ansinh.registry.models import Household
    from ansinh.registry.simulate import simulate_to_db

    simulate_to_db(4, [ward_a.code], seed=13)
    codes = list(Household.objects.filter(commune=ward_a, simulated=True).order_by("code").values_list("code", flat=True))
    assert len(codes) == 4
    return codes


def test_a_round_for_a_simulated_ward_runs_through_the_four_steps_and_the_chairman_recognises(
    page: Any, live_server: Any, officer_a: Any, chairman_a: Any, simulated_ward: list[str]  # noqa: F811
) -> None:
    first, second = simulated_ward[:2]
    log_in(page, live_server, "officer_a", PASSWORD)
    page.goto(f"{live_server.url}/ho-ngheo/")
    page.fill("#id_year", "2025")
    page.get_by_role("button", name="Lập danh sách hộ cần rà soát (bước 1)").click()
    assert "Bước 1" in page.locator("#buoc").inner_text()
    for code in (first, second):
        page.fill("#id_them_ho-code", code)
        with page.expect_navigation():  # the answer page, not the one being left
            page.get_by_role("button", name="Thêm vào danh sách").click()
        assert f"Đã thêm hộ {code}" in page.content()

    page.set_viewport_size({"width": 390, "height": 844})  # step 2 on a phone
    page.get_by_role("link", name=first, exact=True).click()
    page.fill("#id_income", "1.900.000")
    page.fill("#id_surveyed_on", "2025-10-05")
    for box in page.locator("fieldset input[type=checkbox]").all()[:3]:
        box.check()
    with page.expect_navigation():  # the answer page, not the one being left
        page.get_by_role("button", name="Lưu phiếu và phân loại").click()
    assert "Hộ nghèo" in page.content()

    page.get_by_role("link", name=second, exact=True).click()  # the scored form, its scores unverified
    assert "Bảng điểm chưa xác minh" in page.locator("#bang-diem").inner_text()
    page.get_by_label("Chấm điểm theo").check()
    page.select_option("#id_region", "dnb")
    for select in page.locator("#bang-diem select[id^=id_diem_]").all():
        options = select.locator("option").all()
        select.select_option(options[-1].get_attribute("value"))  # the last option of each question
    page.fill("#id_surveyed_on", "2025-10-06")
    with page.expect_navigation():  # the answer page, not the one being left
        page.get_by_role("button", name="Lưu phiếu và phân loại").click()
    assert "chưa xác minh" in page.get_by_role("status").first.inner_text() or "theo bảng điểm" in page.content()
    page.set_viewport_size({"width": 1280, "height": 900})

    page.fill("#id_hop_dan-meeting_date", "2025-10-20")
    page.fill("#id_hop_dan-minutes", "Họp khu phố 3, nhất trí kết quả phân loại.")
    page.get_by_role("button", name="Ghi kết quả họp dân").click()
    page.fill("#id_niem_yet-start", "2025-10-21")  # step 3
    page.fill("#id_niem_yet-end", "2025-10-27")
    page.fill("#id_niem_yet-place", "Nhà văn hóa khu phố 3")
    page.get_by_role("button", name="Ghi niêm yết").click()
    assert "Bước 3" in page.locator("#buoc").inner_text()
    assert "Danh sách chờ người có thẩm quyền công nhận" in page.content()  # the officer has no step-4 form
    round_url = page.url

    page.context.clear_cookies()  # step 4: the ward's chairman
    log_in(page, live_server, "chairman_a", PASSWORD)
    page.goto(round_url)
    assert "Chủ tịch Ủy ban nhân dân cấp xã" in page.locator("#tham-quyen").inner_text()
    page.fill("#id_cong_nhan-decided_on", "2025-10-25")  # too early: the posting runs to 27/10
    page.fill("#id_cong_nhan-decision_number", "QĐ 15/QĐ-UBND")
    page.get_by_role("button", name="Công nhận kết quả").click()
    assert "niêm yết công khai chưa kết thúc" in page.get_by_role("alert").first.inner_text()
    page.fill("#id_cong_nhan-decided_on", "2025-10-30")
    page.fill("#id_cong_nhan-decision_number", "QĐ 15/QĐ-UBND")
    with page.expect_navigation():  # the answer page, not the one being left
        page.get_by_role("button", name="Công nhận kết quả").click()
    assert "Đã công nhận kết quả rà soát của 2 hộ." in page.content()
    assert "người ký: Trần Văn Chủ Tịch" in page.content()
    round_ = ReviewRound.objects.get()
    assert round_.step == ReviewRound.Step.DONE and round_.recognised_by == chairman_a
    scored = ReviewEntry.objects.get(household__code=second)
    assert scored.income_method == "bang_diem" and scored.income_score is not None
    assert dict(HouseholdStatus.objects.values_list("household__code", "klass")) == {first: "ngheo", second: scored.proposed_class}
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải giấy chứng nhận hộ nghèo, hộ cận nghèo của đợt (DOCX)").click()
    assert download.value.suggested_filename == "giay-chung-nhan-26740-2025.docx"
