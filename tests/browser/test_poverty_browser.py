"""A ward officer runs a poverty review round through the four steps in a real browser (survey on a phone-sized screen)."""

from __future__ import annotations

from typing import Any

import pytest

from ansinh.poverty.models import HouseholdStatus, ReviewRound
from tests.browser.conftest import log_in
from tests.conftest import PASSWORD
from tests.poverty.conftest import households, standards  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_ward_officer_runs_a_round_through_the_four_steps_in_the_browser(
    page: Any, live_server: Any, officer_a: Any, ward_a: Any, households: list[Any]  # noqa: F811
) -> None:
    log_in(page, live_server, "officer_a", PASSWORD)
    page.goto(f"{live_server.url}/ho-ngheo/")
    page.fill("#id_year", "2025")
    page.get_by_role("button", name="Lập danh sách hộ cần rà soát (bước 1)").click()
    assert "Bước 1" in page.locator("#buoc").inner_text()
    for code in ("H1", "H2"):
        page.fill("#id_them_ho-code", code)
        page.get_by_role("button", name="Thêm vào danh sách").click()
        assert f"Đã thêm hộ {code}" in page.content()

    page.set_viewport_size({"width": 390, "height": 844})  # step 2 on a phone
    for code, income, deprived in (("H1", "1.900.000", 3), ("H2", "2.600.000", 0)):
        page.get_by_role("link", name=code, exact=True).click()
        page.fill("#id_income", income)
        page.fill("#id_surveyed_on", "2025-10-05")
        for box in page.locator("fieldset input[type=checkbox]").all()[:deprived]:
            box.check()
        page.get_by_role("button", name="Lưu phiếu và phân loại").click()
    assert "Hộ có mức sống trung bình" in page.content()
    page.set_viewport_size({"width": 1280, "height": 900})

    page.fill("#id_hop_dan-meeting_date", "2025-10-20")
    page.fill("#id_hop_dan-minutes", "Họp khu phố 3, nhất trí kết quả phân loại.")
    page.get_by_role("button", name="Ghi kết quả họp dân").click()
    page.fill("#id_niem_yet-start", "2025-10-21")  # step 3
    page.fill("#id_niem_yet-end", "2025-10-27")
    page.fill("#id_niem_yet-place", "Nhà văn hóa khu phố 3")
    page.get_by_role("button", name="Ghi niêm yết").click()
    assert "Bước 3" in page.locator("#buoc").inner_text()

    page.fill("#id_cong_nhan-decided_on", "2025-10-25")  # step 4, too early
    page.fill("#id_cong_nhan-decision_number", "QĐ 15/QĐ-UBND")
    page.get_by_role("button", name="Công nhận kết quả").click()
    assert "niêm yết công khai chưa kết thúc" in page.get_by_role("alert").first.inner_text()
    page.fill("#id_cong_nhan-decided_on", "2025-10-30")
    page.fill("#id_cong_nhan-decision_number", "QĐ 15/QĐ-UBND")
    page.get_by_role("button", name="Công nhận kết quả").click()
    assert "Đã công nhận kết quả rà soát của 2 hộ." in page.content()
    assert ReviewRound.objects.get().step == ReviewRound.Step.DONE
    assert dict(HouseholdStatus.objects.values_list("household__code", "klass")) == {"H1": "ngheo", "H2": "trung_binh"}
