"""The review page: items beside their source, corrections through forms, locks and rights."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from ansinh.core.models import AuditEvent
from ansinh.plans.actions import do_approve_plan
from ansinh.plans.models import Plan, Target, Task
from tests.plans.sample_plan import TEXT

pytestmark = pytest.mark.django_db

GOOD_TARGET = {
    "indicator_name": "Tỷ lệ hộ nghèo đa chiều",
    "text": "Tỷ lệ hộ nghèo giảm còn dưới 1% vào năm 2025",
    "comparator": "<",
    "value": "0,9",
    "value_max": "",
    "unit": "%",
    "year": "2025",
    "baseline_year": "2023",
    "baseline_value": "1,8",
    "baseline_text": "",
    "source_start": "9",
    "source_end": "54",
    "moc-TOTAL_FORMS": "2",
    "moc-INITIAL_FORMS": "1",
    "moc-MIN_NUM_FORMS": "0",
    "moc-MAX_NUM_FORMS": "1000",
    "moc-0-year": "2024",
    "moc-0-comparator": "<",
    "moc-0-value": "1,4",
    "moc-0-value_max": "",
    "moc-1-year": "",
    "moc-1-comparator": "",
    "moc-1-value": "",
    "moc-1-value_max": "",
}



@pytest.fixture
def target(plan: Plan) -> Target:
    return Target.objects.get(plan=plan)


def _review(plan: Plan) -> str:
    return f"/ke-hoach/{plan.pk}/ra-soat/"


def _field_errors(html: str, field: str) -> str:
    """The error list Django renders next to one field (linked by aria-describedby)."""
    marker = f'id="id_{field}_error"'
    assert marker in html, f"no error next to {field}"
    return html.split(marker, 1)[1].split("</ul>", 1)[0]


def test_the_review_page_lists_every_kind_of_item_with_a_link_to_its_source(client: Client, alice: Any, plan: Plan, target: Target) -> None:
    client.force_login(alice)
    html = client.get(_review(plan)).content.decode()
    for title in ("Thông tin chung", "Chỉ tiêu (1)", "Nhiệm vụ (2)", "Chế độ báo cáo (1)", "Nguồn kinh phí (1)", "Dự án đầu tư (1)", "Văn bản cần ban hành (0)"):
        assert title in html
    assert f'href="?muc=target-{target.pk}#nguon"' in html and f'id="muc-target-{target.pk}"' in html
    assert "Rà soát hộ nghèo" in html and "Nhà văn hóa" in html


def test_selecting_an_item_highlights_its_span_in_the_full_source(client: Client, bob: Any, plan: Plan, target: Target) -> None:
    client.force_login(bob)
    html = client.get(_review(plan), {"muc": f"target-{target.pk}"}).content.decode()
    assert 'KẾ HOẠCH\n<mark class="source" id="nguon" tabindex="-1">Tỷ lệ hộ nghèo giảm còn dưới 1% vào năm 2025.</mark>\n1. Nhiệm vụ chung' in html
    assert 'class="review-item selected"' in html and 'aria-current="true"' in html


def test_restored_text_is_shown_labelled_with_the_original_one_click_away(client: Client, bob: Any, plan: Plan, target: Target) -> None:
    document = plan.source_document
    assert document is not None
    document.restored_text = TEXT.upper()
    document.save()
    client.force_login(bob)
    html = client.get(_review(plan), {"muc": f"target-{target.pk}"}).content.decode()
    assert "Văn bản đã khôi phục dấu (tự động)" in html and "TỶ LỆ HỘ NGHÈO" in html
    assert "Xem văn bản gốc" in html
    original = client.get(_review(plan), {"muc": f"target-{target.pk}", "ban": "goc"}).content.decode()
    assert "<h2>Văn bản gốc</h2>" in original and ">Tỷ lệ hộ nghèo giảm" in original


def test_an_edit_form_opens_beside_the_item_with_its_current_values(client: Client, alice: Any, plan: Plan, target: Target) -> None:
    client.force_login(alice)
    html = client.get(_review(plan), {"sua": f"target-{target.pk}"}).content.decode()
    assert f'action="/ke-hoach/{plan.pk}/ra-soat/target/{target.pk}/sua/"' in html
    assert 'value="Tỷ lệ hộ nghèo"' in html and 'name="moc-0-value" value="1,5"' in html


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"year": "3000"}, "year", "Năm phải nằm trong khoảng 1990–2100."),
        ({"baseline_year": "1850"}, "baseline_year", "Năm phải nằm trong khoảng 1990–2100."),
        ({"year": "năm sau"}, "year", "Năm phải là số có bốn chữ số"),
        ({"value": "5", "value_max": "3"}, "value_max", "Giá trị cận trên phải lớn hơn hoặc bằng giá trị."),
        ({"comparator": "range", "value_max": ""}, "value_max", "So sánh «trong khoảng» cần giá trị cận trên."),
        ({"comparator": "xấp xỉ"}, "comparator", "Cách so sánh «xấp xỉ» không có trong danh sách"),
        ({"indicator_name": "  "}, "indicator_name", "Hãy nhập tên chỉ tiêu."),
        ({"value": "một phẩy năm"}, "value", "Hãy nhập một số"),
        ({"source_end": "5000"}, "source_end", "Vị trí vượt quá độ dài văn bản nguồn"),
        ({"source_end": ""}, "source_end", "Hãy nhập cả vị trí bắt đầu và vị trí kết thúc"),
        ({"moc-0-year": "2200"}, "moc-0-year", "Năm phải nằm trong khoảng 1990–2100."),
        ({"moc-1-year": "2024", "moc-1-value": "1"}, "moc-1-year", "Năm 2024 đã có mốc khác"),
    ],
)
def test_an_invalid_target_edit_is_refused_with_a_message_next_to_the_field(
    client: Client, alice: Any, plan: Plan, target: Target, changes: dict[str, str], field: str, message: str
) -> None:
    client.force_login(alice)
    response = client.post(f"{_review(plan)}target/{target.pk}/sua/", {**GOOD_TARGET, **changes})
    html = response.content.decode()
    assert response.status_code == 400
    assert message in _field_errors(html, field)
    assert 'aria-invalid="true" aria-describedby="' in html and "Chưa lưu được" in html
    target.refresh_from_db()
    assert (target.indicator_name, target.value, target.year) == ("Tỷ lệ hộ nghèo", 1, 2025)
    assert not AuditEvent.objects.filter(action__startswith="plan.review.").exists()


def test_a_valid_target_edit_is_saved_and_audited_with_before_and_after(client: Client, alice: Any, plan: Plan, target: Target) -> None:
    client.force_login(alice)
    response = client.post(f"{_review(plan)}target/{target.pk}/sua/", GOOD_TARGET)
    assert response.status_code == 302 and response["Location"].endswith(f"?muc=target-{target.pk}#muc-target-{target.pk}")
    target.refresh_from_db()
    assert (target.indicator_name, target.value, target.baseline_value) == ("Tỷ lệ hộ nghèo đa chiều", 0.9, 1.8)
    assert [(m.year, m.value) for m in target.milestones.all()] == [(2024, 1.4)]
    event = AuditEvent.objects.get(action="plan.review.update_target")
    assert event.actor == alice
    assert (event.before["indicator_name"], event.after["indicator_name"]) == ("Tỷ lệ hộ nghèo", "Tỷ lệ hộ nghèo đa chiều")
    assert (event.before["value"], event.after["value"]) == (1, 0.9)


def test_a_missing_item_is_added_through_the_form(client: Client, alice: Any, plan: Plan) -> None:
    client.force_login(alice)
    html = client.get(_review(plan), {"them": "task"}).content.decode()
    assert f'action="/ke-hoach/{plan.pk}/ra-soat/task/them/"' in html
    data = {"number": "1.2", "title": "Hỗ trợ nhà ở", "body": "", "timeline": "2025", "lead": "UBND xã\n", "coordinate": "Mặt trận Tổ quốc xã\nĐoàn Thanh niên", "source_start": "", "source_end": ""}
    response = client.post(f"{_review(plan)}task/them/", data)
    task = Task.objects.get(plan=plan, number="1.2")
    assert response.status_code == 302 and task.parent is not None and task.parent.number == "1"
    assert task.coordinate_names == ["Mặt trận Tổ quốc xã", "Đoàn Thanh niên"]
    assert AuditEvent.objects.filter(action="plan.review.add_task", object_id=str(task.pk)).exists()


def test_an_empty_task_title_is_refused(client: Client, alice: Any, plan: Plan) -> None:
    client.force_login(alice)
    response = client.post(f"{_review(plan)}task/them/", {"number": "9", "title": ""})
    assert response.status_code == 400 and "Hãy nhập tên nhiệm vụ." in _field_errors(response.content.decode(), "title")
    assert not Task.objects.filter(number="9").exists()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"deadline_day": "31", "deadline_month": "2"}, "deadline_day", "Ngày 31/2 không có trong lịch."),
        ({"deadline_day": "10", "deadline_month": ""}, "deadline_month", "Hãy nhập cả ngày và tháng"),
        ({"deadline_month": "13"}, "deadline_month", "Tháng phải từ 1 đến 12."),
        ({"frequency": "weekly"}, "frequency", "Giá trị «weekly» không có trong danh sách"),
    ],
)
def test_an_invalid_reporting_duty_is_refused(client: Client, alice: Any, plan: Plan, changes: dict[str, str], field: str, message: str) -> None:
    duty = plan.reporting_duties.get()
    client.force_login(alice)
    data = {"text": duty.text, "frequency": "annual", "deadline_day": "10", "deadline_month": "11", "year": "", "recipient": "", **changes}
    response = client.post(f"{_review(plan)}duty/{duty.pk}/sua/", data)
    assert response.status_code == 400 and message in _field_errors(response.content.decode(), field)
    duty.refresh_from_db()
    assert (duty.deadline_day, duty.deadline_month, duty.frequency) == (10, 11, "annual")


def test_the_plan_meta_is_corrected_with_a_vietnamese_date(client: Client, alice: Any, plan: Plan) -> None:
    client.force_login(alice)
    data = {"number": "12/KH-UBND", "date": "03/05/2024", "issuer": "UBND xã A", "level": "commune", "title": "Kế hoạch mẫu", "period_start": "2024", "period_end": "2023", "implements": ""}
    response = client.post(f"{_review(plan)}thong-tin/", data)
    assert response.status_code == 400 and "Năm kết thúc phải bằng hoặc sau năm bắt đầu." in _field_errors(response.content.decode(), "period_end")
    response = client.post(f"{_review(plan)}thong-tin/", {**data, "period_end": "2025"})
    plan.refresh_from_db()
    assert response.status_code == 302 and str(plan.date) == "2024-05-03" and plan.issuer == "UBND xã A"


def test_the_area_is_picked_from_a_searchable_list_not_typed_as_a_code(client: Client, alice: Any, plan: Plan, ward_b: Any) -> None:
    client.force_login(alice)
    html = client.get(_review(plan), {"sua": "meta", "dia-ban-q": "ben thanh"}).content.decode()
    assert 'data-unit-picker' in html and 'form="sua-meta" name="area" value="26743"' in html
    assert "mã đơn vị hành chính" not in html


def test_the_plan_area_is_set_by_its_unit_code_and_a_wrong_code_stores_nothing(
    client: Client, alice: Any, plan: Plan, hcm: Any
) -> None:
    client.force_login(alice)
    data = {"number": "12/KH-UBND", "date": "", "issuer": "UBND xã A", "level": "commune", "title": "Kế hoạch mẫu",
            "period_start": "2024", "period_end": "2025", "implements": "", "area": "99999"}
    response = client.post(f"{_review(plan)}thong-tin/", data)
    assert response.status_code == 400
    assert "Không có đơn vị hành chính đang có hiệu lực mã «99999»." in _field_errors(response.content.decode(), "area")
    plan.refresh_from_db()
    assert plan.area is None and plan.issuer != "UBND xã A"
    assert client.post(f"{_review(plan)}thong-tin/", {**data, "area": "79"}).status_code == 302
    plan.refresh_from_db()
    assert plan.area == hcm
    assert AuditEvent.objects.filter(action="plan.review.update_meta").latest("id").after["area"] == "79"


def test_deleting_asks_for_confirmation_then_removes_the_item(client: Client, alice: Any, plan: Plan) -> None:
    funding = plan.funding_sources.get()
    client.force_login(alice)
    url = f"{_review(plan)}funding/{funding.pk}/xoa/"
    assert "Xóa nguồn kinh phí?" in client.get(url).content.decode()
    assert plan.funding_sources.count() == 1
    assert client.post(url).status_code == 302
    assert plan.funding_sources.count() == 0
    assert AuditEvent.objects.get(action="plan.review.delete_funding").before["text"] == "Ngân sách xã"


def test_an_active_plan_shows_why_it_is_locked_and_refuses_edits(client: Client, alice: Any, plan: Plan, target: Target) -> None:
    do_approve_plan(plan, alice)
    client.force_login(alice)
    html = client.get(_review(plan), {"sua": f"target-{target.pk}"}).content.decode()
    assert "Đã khóa." in html and "đang thực hiện nên các mục trích xuất bị khóa" in html
    assert "/sua/" not in html and "Thêm chỉ tiêu" not in html
    response = client.post(f"{_review(plan)}target/{target.pk}/sua/", GOOD_TARGET, follow=True)
    assert "bị khóa" in response.content.decode()
    client.post(f"{_review(plan)}target/{target.pk}/xoa/")
    target.refresh_from_db()
    assert target.indicator_name == "Tỷ lệ hộ nghèo"
    assert not AuditEvent.objects.filter(action__startswith="plan.review.").exists()


def test_an_officer_without_the_right_reads_the_review_page_without_edit_controls(client: Client, bob: Any, plan: Plan) -> None:
    client.force_login(bob)
    html = client.get(_review(plan), {"sua": "meta"}).content.decode()
    assert "Bạn chỉ có quyền xem" in html and "Sửa thông tin chung" not in html and "/sua/" not in html


def test_an_officer_without_the_right_gets_403_on_every_write(client: Client, bob: Any, plan: Plan, target: Target) -> None:
    client.force_login(bob)
    base = _review(plan)
    writes = [
        ("post", f"{base}thong-tin/", {"title": "Đổi", "level": "commune"}),
        ("post", f"{base}target/{target.pk}/sua/", GOOD_TARGET),
        ("post", f"{base}target/them/", GOOD_TARGET),
        ("post", f"{base}funding/them/", {"text": "Xã hội hóa"}),
        ("get", f"{base}target/{target.pk}/xoa/", {}),
        ("post", f"{base}target/{target.pk}/xoa/", {}),
        ("post", f"/ke-hoach/{plan.pk}/phe-duyet/", {}),
        ("get", "/van-ban/tai-len/", {}),
        ("post", "/van-ban/tai-len/", {}),
    ]
    for method, url, data in writes:
        assert getattr(client, method)(url, data).status_code == 403, url
    target.refresh_from_db()
    plan.refresh_from_db()
    assert target.indicator_name == "Tỷ lệ hộ nghèo" and plan.title == "Kế hoạch mẫu" and plan.is_draft
    assert plan.funding_sources.count() == 1 and not AuditEvent.objects.filter(action__startswith="plan.").exclude(action="plan.import").exists()


def test_an_item_of_another_plan_or_kind_is_not_found(client: Client, alice: Any, plan: Plan, target: Target) -> None:
    client.force_login(alice)
    assert client.post(f"{_review(plan)}khac/{target.pk}/sua/", {}).status_code == 404
    assert client.post(f"{_review(plan)}task/{target.pk + 999}/sua/", {}).status_code == 404
    assert client.get(_review(plan), {"muc": "target-999999"}).status_code == 404


def test_the_review_history_shows_who_changed_which_field_from_what_to_what(client: Client, alice: Any, bob: Any, plan: Plan, target: Target) -> None:
    client.force_login(alice)
    client.post(f"{_review(plan)}target/{target.pk}/sua/", GOOD_TARGET)
    client.force_login(bob)
    html = client.get(_review(plan)).content.decode()
    history = html.split('id="lich-su"', 1)[1]
    assert "Sửa chỉ tiêu «Tỷ lệ hộ nghèo đa chiều» của kế hoạch" in history and "Nguyễn Thị An" in history
    assert "chỉ tiêu: <del>Tỷ lệ hộ nghèo</del> → <ins>Tỷ lệ hộ nghèo đa chiều</ins>" in history
    assert "giá trị: <del>1</del> → <ins>0,9</ins>" in history
    assert "lộ trình: <del>2024: &lt; 1,5</del> → <ins>2024: &lt; 1,4</ins>" in history


def test_restored_text_of_another_length_is_shown_unmarked_with_a_pointer_to_the_original(client: Client, bob: Any, plan: Plan, target: Target) -> None:
    document = plan.source_document
    assert document is not None
    document.restored_text = "Văn bản khôi phục ngắn hơn."
    document.save()
    client.force_login(bob)
    html = client.get(_review(plan), {"muc": f"target-{target.pk}"}).content.decode()
    assert "không đánh dấu được vị trí" in html and '<mark class="source"' not in html


@pytest.mark.parametrize(
    ("kind", "data", "field", "message"),
    [
        ("project", {"name": "Nhà văn hóa", "amount_million_vnd": "một tỷ"}, "amount_million_vnd", "Hãy nhập một số"),
        ("project", {"name": "Nhà văn hóa", "amount_million_vnd": "-5"}, "amount_million_vnd", "Tổng mức đầu tư không được âm."),
        ("project", {"name": " "}, "name", "Hãy nhập tên dự án."),
        ("funding", {"text": ""}, "text", "Hãy nhập nguồn kinh phí."),
        ("document", {"title": ""}, "title", "Hãy nhập tên văn bản cần ban hành."),
        ("funding", {"text": "Ngân sách", "source_start": "-1", "source_end": "5"}, "source_start", "Vị trí không được âm."),
        ("funding", {"text": "Ngân sách", "source_start": "20", "source_end": "10"}, "source_end",
         "Vị trí kết thúc phải lớn hơn vị trí bắt đầu."),
    ],
)
def test_an_invalid_new_item_is_refused_in_vietnamese_and_nothing_is_added(
    client: Client, alice: Any, plan: Plan, kind: str, data: dict[str, str], field: str, message: str
) -> None:
    counts = (plan.projects.count(), plan.funding_sources.count(), plan.documents_to_issue.count())
    client.force_login(alice)
    response = client.post(f"{_review(plan)}{kind}/them/", data)
    assert response.status_code == 400 and message in _field_errors(response.content.decode(), field)
    assert (plan.projects.count(), plan.funding_sources.count(), plan.documents_to_issue.count()) == counts
    assert not AuditEvent.objects.filter(action__startswith="plan.review.").exists()


@pytest.mark.parametrize(("start", "end", "shown"), [(2026, 2026, "<dd>2026</dd>"), (2021, 2025, "<dd>2021–2025</dd>")])
def test_a_one_year_plan_shows_its_year_once_and_a_longer_one_its_span(plan: Any, alice: Any, start: int, end: int, shown: str) -> None:
    plan.period_start, plan.period_end = start, end
    plan.save(update_fields=["period_start", "period_end"])
    client = Client()
    client.force_login(alice)
    for url in (f"/ke-hoach/{plan.pk}/ra-soat/", f"/ke-hoach/{plan.pk}/"):
        assert shown in client.get(url).content.decode()


def test_pages_the_reader_could_not_read_are_listed_beside_the_source(client: Client, bob: Any, plan: Plan) -> None:
    document = plan.source_document
    assert document is not None
    document.read_warnings = ["Trang 3: không đọc được chữ."]
    document.save()
    client.force_login(bob)
    html = client.get(_review(plan)).content.decode()
    assert "Khi đọc tệp, hệ thống ghi nhận" in html and "Trang 3: không đọc được chữ." in html


def test_a_source_read_without_warnings_shows_no_notice(client: Client, bob: Any, plan: Plan) -> None:
    client.force_login(bob)
    assert "Khi đọc tệp" not in client.get(_review(plan)).content.decode()
