"""The review page in headless Chromium: keyboard to the source, and spans taken from a selection."""

from __future__ import annotations

from typing import Any

import pytest

from ansinh.plans.models import FundingSource, Plan, Target
from tests.browser.conftest import log_in
from tests.conftest import PASSWORD
from tests.plans.sample_plan import TEXT, sample_plan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def plan() -> Plan:
    return sample_plan()


def test_a_keyboard_user_reaches_the_highlighted_source_of_a_target(page: Any, live_server: Any, alice: Any, plan: Plan) -> None:
    target = Target.objects.get(plan=plan)
    log_in(page, live_server, "alice", PASSWORD)
    page.goto(f"{live_server.url}/ke-hoach/{plan.pk}/ra-soat/")
    link = page.get_by_role("link", name="Xem nguồn của chỉ tiêu 1")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/ra-soat/?muc=target-{target.pk}#nguon")
    assert page.evaluate("document.activeElement.id") == "nguon"
    assert page.locator("mark#nguon").text_content() == "Tỷ lệ hộ nghèo giảm còn dưới 1% vào năm 2025."


def test_a_missing_funding_source_is_added_with_the_span_of_the_selected_text(page: Any, live_server: Any, alice: Any, plan: Plan) -> None:
    log_in(page, live_server, "alice", PASSWORD)
    page.goto(f"{live_server.url}/ke-hoach/{plan.pk}/ra-soat/?them=funding")
    page.evaluate(
        """() => { const box = document.getElementById('nguon-hop'); const r = document.createRange();
        r.setStart(box.firstChild, 78); r.setEnd(box.firstChild, 94);
        const s = window.getSelection(); s.removeAllRanges(); s.addRange(r); }"""
    )
    form = page.locator("#sua-new-funding")
    form.get_by_role("button", name="Lấy vị trí từ đoạn đang bôi đen trong văn bản nguồn").click()
    assert form.locator("[data-vi-tri-trang-thai]").text_content() == "Đã điền vị trí 78–94."
    form.get_by_label("Nguồn kinh phí").fill("Rà soát hộ nghèo")
    form.get_by_role("button", name="Lưu").click()
    page.wait_for_url("**/ra-soat/?muc=funding-*")
    added = FundingSource.objects.get(plan=plan, text="Rà soát hộ nghèo")
    assert (added.source_start, added.source_end) == (78, 94) and TEXT[78:94] == "Rà soát hộ nghèo"
    assert page.locator("mark#nguon").text_content() == "Rà soát hộ nghèo"


def test_a_reviewer_adds_a_sub_task_with_units_picked_from_the_list(page: Any, live_server: Any, alice: Any, plan: Plan) -> None:
    from ansinh.plans.models import Task

    parent = Task.objects.get(plan=plan, number="1")
    log_in(page, live_server, "alice", PASSWORD)
    page.goto(f"{live_server.url}/ke-hoach/{plan.pk}/ra-soat/")
    page.get_by_role("link", name="Thêm nhiệm vụ con của nhiệm vụ 1").click()
    form = page.locator("#them-con")
    form.get_by_label("Tên nhiệm vụ").fill("Rà soát hộ cận nghèo")
    form.get_by_label("Cơ quan chủ trì 1").fill("Công an xã")
    form.get_by_label("Cơ quan phối hợp 1").fill("Hội Phụ nữ xã")
    form.get_by_role("button", name="Thêm nhiệm vụ").click()
    page.wait_for_url("**/ra-soat/?muc=task-*")
    added = Task.objects.get(plan=plan, title="Rà soát hộ cận nghèo")
    assert added.parent_id == parent.pk and added.lead_names == ["Công an xã"] and added.coordinate_names == ["Hội Phụ nữ xã"]


def test_a_reviewer_splits_a_target_makes_a_part_a_milestone_merges_another_and_downloads_the_gold(
    page: Any, live_server: Any, alice: Any, plan: Plan
) -> None:
    import json

    log_in(page, live_server, "alice", PASSWORD)
    page.goto(f"{live_server.url}/ke-hoach/{plan.pk}/ra-soat/")
    page.get_by_role("link", name="Tách, gộp, thành mốc chỉ tiêu 1").click()
    box = page.locator("div.quick").first
    for k, (value, year) in enumerate([("1", "2025"), ("0,8", "2027"), ("0,9", "2026")], start=1):
        box.get_by_label(f"Tên chỉ tiêu phần {k}").fill("Tỷ lệ hộ nghèo")
        box.get_by_label("Giá trị").nth(k - 1).fill(value)
        box.get_by_label("Năm").nth(k - 1).fill(year)
    box.get_by_role("button", name="Tách chỉ tiêu").click()
    page.wait_for_url("**/ra-soat/?muc=target-*")
    assert sorted(y or 0 for y in Target.objects.filter(plan=plan).values_list("year", flat=True)) == [2025, 2026, 2027]
    first = Target.objects.get(plan=plan, year=2025)

    part_2026 = Target.objects.get(plan=plan, year=2026)
    page.goto(f"{live_server.url}/ke-hoach/{plan.pk}/ra-soat/?sua-nhanh=target-{part_2026.pk}#sua-nhanh-target-{part_2026.pk}")
    box = page.locator(f"#sua-nhanh-target-{part_2026.pk}")
    box.get_by_label("Chỉ tiêu đích").select_option(str(first.pk))
    box.get_by_role("button", name="Chuyển thành mốc lộ trình").click()
    page.wait_for_url(f"**/ra-soat/?muc=target-{first.pk}*")
    assert not Target.objects.filter(pk=part_2026.pk).exists()

    page.goto(f"{live_server.url}/ke-hoach/{plan.pk}/ra-soat/?sua-nhanh=target-{first.pk}#sua-nhanh-target-{first.pk}")
    box = page.locator(f"#sua-nhanh-target-{first.pk}")
    box.get_by_role("checkbox").check()
    box.get_by_role("button", name="Gộp vào chỉ tiêu này").click()
    page.wait_for_url(f"**/ra-soat/?muc=target-{first.pk}*")
    assert Target.objects.filter(plan=plan).count() == 1

    with page.expect_download() as info:
        page.get_by_role("link", name="Tải kết quả đã rà soát (JSON chuẩn)").click()
    gold = json.loads(open(info.value.path(), encoding="utf-8").read())
    (target,) = gold["targets"]
    assert (target["indicator"], target["year"], target["value"]) == ("Tỷ lệ hộ nghèo", 2027, 0.8)
    assert {2025, 2026, 2027} <= {m["year"] for m in target["milestones"]}


def test_a_reviewer_pastes_the_assignment_table_copied_from_excel(page: Any, live_server: Any, alice: Any, plan: Plan) -> None:
    from ansinh.plans.models import Task

    rows = ("STT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian\n"
            "II\tNhiệm vụ thường xuyên\t\t\t\n"
            "1\tRà soát hộ cận nghèo hằng năm\tUBND các xã, phường\tHội Phụ nữ\tHằng năm\n")
    log_in(page, live_server, "alice", PASSWORD)
    page.goto(f"{live_server.url}/ke-hoach/{plan.pk}/ra-soat/")
    page.get_by_role("link", name="Dán bảng phân công nhiệm vụ (chép từ Word, Excel)").click()
    page.get_by_label("Bảng hoặc danh sách nhiệm vụ").fill(rows)
    page.get_by_role("button", name="Thêm các nhiệm vụ trong bảng").click()
    page.wait_for_url("**/ra-soat/?muc=task-*")
    assert "Đã thêm 2 nhiệm vụ từ bảng đã dán (1 nhiệm vụ có cơ quan chủ trì)" in page.content()
    added = Task.objects.get(plan=plan, number="II.1")
    assert added.parent == Task.objects.get(plan=plan, number="II") and added.lead_names == ["UBND các xã, phường"]
