"""Linking a plan's targets to catalogue indicators: the rules, the audited actions and the web step."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from ansinh.core.models import AuditEvent
from ansinh.plans.models import Plan, Target
from ansinh.reporting.linking import (
    LinkError,
    do_accept_suggestions,
    do_confirm_link,
    do_create_indicator_from_target,
    indicator_field_errors,
    link_warnings,
    new_code,
    proposed_indicator,
    target_direction,
    type_conflict,
)
from ansinh.reporting.models import Indicator, TargetIndicatorLink
from tests.reporting.link_fixtures import draft_plan

VALUE_TYPES = st.sampled_from(list(Indicator.ValueType.values))


@given(st.text(max_size=20), VALUE_TYPES)
def test_a_type_conflict_is_found_only_between_a_share_and_an_amount(unit: str, value_type: str) -> None:
    message = type_conflict(unit, value_type)
    assert message == "" or ("tỷ lệ" in message or "số lượng" in message)


@pytest.mark.parametrize(("unit", "value_type", "refused"), [
    ("%", "count", True), ("%", "number", True), ("%", "percent", False), ("‰", "ratio", False),
    ("người", "percent", True), ("hộ", "count", False), ("điểm", "percent", False), ("", "count", False),
])
def test_the_value_type_rule_per_unit(unit: str, value_type: str, refused: bool) -> None:
    assert bool(type_conflict(unit, value_type)) is refused


@pytest.mark.parametrize(("comparator", "name", "direction"), [
    ("<", "Tỷ lệ hộ nghèo", "lower"), (">=", "Tỷ lệ bao phủ", "higher"),
    ("", "Giảm tỷ lệ trẻ suy dinh dưỡng", "lower"), ("=", "Số việc làm mới", "higher"),
])
def test_the_direction_a_target_asks_for(comparator: str, name: str, direction: str) -> None:
    assert target_direction(comparator, name) == direction


@given(st.dates(min_value=dt.date(1900, 1, 1)))
def test_a_due_date_reads_back_from_how_the_page_writes_it(day: Any) -> None:
    from ansinh.reporting.views_cycles import _date

    assert _date(f"{day:%d/%m/%Y}") == day and _date(day.isoformat()) == day


@given(st.text(max_size=12))
def test_an_unreadable_due_date_is_none_never_an_error(text: str) -> None:
    from ansinh.reporting.views_cycles import _date

    result = _date(text)
    assert result is None or result.year >= 1


@given(st.text(max_size=120), st.sets(st.text(alphabet="ABCDEFGHIJ_K", min_size=1, max_size=40), max_size=5))
def test_a_new_code_is_short_ascii_and_unique(name: str, taken: set[str]) -> None:
    code = new_code(name, taken)
    assert code not in taken and len(code) <= 40 and code.isascii() and code.startswith("KH")


@pytest.fixture
def plan(db: Any) -> Plan:
    return draft_plan()


def _target(plan: Plan, position: int) -> Target:
    return plan.targets.get(position=position)


def test_confirming_a_suggestion_links_it_and_writes_an_audit_row(plan: Plan, alice: Any) -> None:
    target = _target(plan, 0)
    link, warnings = do_confirm_link(alice, target, Indicator.objects.get(code="POOR_RATE"), 1.15)
    assert link.confirmed and link.confirmed_by == alice and warnings == []
    assert AuditEvent.objects.filter(action="reporting.link_target", actor=alice).count() == 1


def test_linking_a_rate_to_a_count_indicator_is_refused_and_nothing_is_stored(plan: Plan, alice: Any) -> None:
    with pytest.raises(LinkError, match="không thể theo dõi bằng chỉ tiêu kiểu «Số đếm»"):
        do_confirm_link(alice, _target(plan, 0), Indicator.objects.get(code="POOR_HH"))
    assert not TargetIndicatorLink.objects.exists() and not AuditEvent.objects.exists()


def test_a_unit_or_direction_that_contradicts_the_target_is_warned(plan: Plan, alice: Any) -> None:
    target = _target(plan, 1)  # lượt người, higher
    _, warnings = do_confirm_link(alice, target, Indicator.objects.get(code="SOCIAL_ASSISTANCE_PEOPLE"))
    assert any("Đơn vị tính khác nhau" in w for w in warnings)
    target.comparator = "<"
    assert any("Chiều tốt khác nhau" in w for w in link_warnings(target, Indicator.objects.get(code="JOBS_SUPPORTED")))


def test_an_officer_without_the_right_cannot_link(plan: Plan, bob: Any) -> None:
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        do_confirm_link(bob, _target(plan, 0), Indicator.objects.get(code="POOR_RATE"))
    assert not TargetIndicatorLink.objects.exists()


def test_bulk_confirmation_takes_only_strong_compatible_suggestions(plan: Plan, alice: Any) -> None:
    made = do_accept_suggestions(alice, plan, 0.6)
    codes = {link.target.indicator_name: link.indicator.code for link in made}
    assert codes == {"Tỷ lệ hộ nghèo": "POOR_RATE", "Số lượt người được giải quyết việc làm": "JOBS_SUPPORTED"}
    assert do_accept_suggestions(alice, plan, 0.6) == []


def test_a_minimum_score_out_of_range_is_refused(plan: Plan, alice: Any) -> None:
    with pytest.raises(LinkError, match="Điểm tối thiểu"):
        do_accept_suggestions(alice, plan, -1)


def test_a_catalogue_indicator_is_created_from_the_target_and_linked(plan: Plan, alice: Any) -> None:
    target = _target(plan, 2)
    fields = proposed_indicator(target)
    assert fields["unit"] == "điểm" and fields["direction"] == "higher" and fields["value_type"] == "number"
    indicator, _ = do_create_indicator_from_target(alice, target, fields)
    assert indicator.code.startswith("KH_CHI_SO_HAI_LONG") and indicator.name == target.indicator_name
    assert TargetIndicatorLink.objects.get(target=target).indicator == indicator
    assert AuditEvent.objects.filter(action="reporting.create_indicator").exists()


@pytest.mark.parametrize(("change", "message"), [
    ({"name": ""}, "Cần nhập tên chỉ tiêu"),
    ({"direction": "sideways"}, "không thuộc các lựa chọn của chiều tốt"),
    ({"aggregation": "ratio", "value_type": "count"}, "chỉ dùng cho tỷ lệ"),
    ({"name": "Tỷ lệ hộ nghèo"}, "Danh mục đã có chỉ tiêu tên"),
])
def test_a_bad_new_indicator_is_refused_and_nothing_is_stored(plan: Plan, alice: Any, change: dict[str, str], message: str) -> None:
    target = _target(plan, 2)
    before = Indicator.objects.count()
    with pytest.raises(LinkError, match=message):
        do_create_indicator_from_target(alice, target, {**proposed_indicator(target), **change})
    assert Indicator.objects.count() == before and not TargetIndicatorLink.objects.exists()


def test_field_errors_name_each_bad_field() -> None:
    assert set(indicator_field_errors({})) == {"name", "direction", "value_type", "aggregation", "time_aggregation"}


# --- the web step ---------------------------------------------------------------------------------


def test_the_step_shows_each_target_with_suggestions_and_scores(client: Client, plan: Plan, alice: Any,
                                                                 django_assert_max_num_queries: Any) -> None:
    client.force_login(alice)
    with django_assert_max_num_queries(12):
        html = client.get(f"/ke-hoach/{plan.pk}/chi-tieu-theo-doi/").content.decode()
    assert "Chỉ tiêu theo dõi" in html and "Tỷ lệ hộ nghèo" in html and "1,15" in html
    assert "Xác nhận 2 gợi ý mạnh" in html and "Đã liên kết <strong>0/3</strong>" in html
    assert "Mục tiêu: từ 1.200 lượt người trở lên (năm 2026)" in html and "Mục tiêu: dưới 0,5% (năm 2026)" in html


def test_the_plan_page_links_the_step_cycles_dashboard_and_reports(client: Client, plan: Plan, alice: Any) -> None:
    client.force_login(alice)
    html = client.get(f"/ke-hoach/{plan.pk}/").content.decode()
    assert f'/ke-hoach/{plan.pk}/chi-tieu-theo-doi/' in html and f'/ke-hoach/{plan.pk}/ky-bao-cao/' in html
    assert f'/ke-hoach/{plan.pk}/phe-duyet/' in html
    plan.status = Plan.Status.ACTIVE
    plan.save()
    from ansinh.reporting.cycles import generate_cycles

    generate_cycles(plan, [2025])
    html = client.get(f"/ke-hoach/{plan.pk}/").content.decode()
    assert f"/bao-cao/bang-dieu-khien/{plan.pk}/" in html and f"/bao-cao/ke-hoach/{plan.pk}/bao-cao/2025/" in html


def test_picking_another_indicator_is_searchable_without_diacritics(client: Client, plan: Plan, alice: Any) -> None:
    client.force_login(alice)
    target = _target(plan, 2)
    html = client.get(f"/ke-hoach/{plan.pk}/chi-tieu-theo-doi/", {"chi_tieu": target.pk, "q": "tuoi tho"}).content.decode()
    assert "Tuổi thọ trung bình" in html
    response = client.post(f"/ke-hoach/{plan.pk}/chi-tieu-theo-doi/{target.pk}/lien-ket/", {"indicator": "LIFE_EXPECTANCY"}, follow=True)
    html = response.content.decode()
    assert "Đã liên kết «Chỉ số hài lòng" in html and "Đơn vị tính khác nhau" in html
    assert TargetIndicatorLink.objects.get(target=target).indicator.code == "LIFE_EXPECTANCY"


def test_a_web_link_of_another_value_type_is_refused_in_vietnamese(client: Client, plan: Plan, alice: Any) -> None:
    client.force_login(alice)
    target = _target(plan, 0)
    html = client.get(f"/ke-hoach/{plan.pk}/chi-tieu-theo-doi/", {"chi_tieu": target.pk, "q": "so ho ngheo"}).content.decode()
    assert "Khác kiểu giá trị: chỉ tiêu đo bằng «%» (một tỷ lệ)" in html
    html = client.post(f"/ke-hoach/{plan.pk}/chi-tieu-theo-doi/{target.pk}/lien-ket/", {"indicator": "POOR_HH"}, follow=True).content.decode()
    assert "Không liên kết được «Tỷ lệ hộ nghèo»" in html and not TargetIndicatorLink.objects.exists()


def test_an_unknown_indicator_code_is_not_found(client: Client, plan: Plan, alice: Any) -> None:
    client.force_login(alice)
    target = _target(plan, 0)
    response = client.post(f"/ke-hoach/{plan.pk}/chi-tieu-theo-doi/{target.pk}/lien-ket/", {"indicator": "KHONG_CO"})
    assert response.status_code == 404 and not TargetIndicatorLink.objects.exists()


def test_the_web_bulk_confirmation_and_unlink(client: Client, plan: Plan, alice: Any) -> None:
    client.force_login(alice)
    html = client.post(f"/ke-hoach/{plan.pk}/chi-tieu-theo-doi/xac-nhan-goi-y/", follow=True).content.decode()
    assert "Đã xác nhận 2 gợi ý mạnh" in html and TargetIndicatorLink.objects.count() == 2
    target = _target(plan, 0)
    client.post(f"/ke-hoach/{plan.pk}/chi-tieu-theo-doi/{target.pk}/bo-lien-ket/")
    assert TargetIndicatorLink.objects.count() == 1
    html = client.post(f"/ke-hoach/{plan.pk}/chi-tieu-theo-doi/{target.pk}/bo-lien-ket/", follow=True).content.decode()
    assert "chưa được liên kết" in html


def test_creating_from_the_web_with_a_blank_name_shows_the_error_and_stores_nothing(client: Client, plan: Plan, alice: Any) -> None:
    client.force_login(alice)
    target = _target(plan, 2)
    before = Indicator.objects.count()
    data = {**proposed_indicator(target), "name": "  "}
    response = client.post(f"/ke-hoach/{plan.pk}/chi-tieu-theo-doi/{target.pk}/tao-chi-tieu/", data)
    assert response.status_code == 400 and "Cần nhập tên chỉ tiêu" in response.content.decode()
    assert Indicator.objects.count() == before
    response = client.post(f"/ke-hoach/{plan.pk}/chi-tieu-theo-doi/{target.pk}/tao-chi-tieu/", proposed_indicator(target), follow=True)
    assert "Đã tạo chỉ tiêu" in response.content.decode() and Indicator.objects.count() == before + 1


def test_a_reader_sees_the_step_without_buttons_and_cannot_post(client: Client, plan: Plan, bob: Any) -> None:
    client.force_login(bob)
    html = client.get(f"/ke-hoach/{plan.pk}/chi-tieu-theo-doi/").content.decode()
    assert "Bạn chỉ được xem" in html and "Xác nhận 2 gợi ý mạnh" not in html
    target = _target(plan, 0)
    assert client.post(f"/ke-hoach/{plan.pk}/chi-tieu-theo-doi/{target.pk}/lien-ket/", {"indicator": "POOR_RATE"}).status_code == 403
    assert client.post(f"/ke-hoach/{plan.pk}/chi-tieu-theo-doi/xac-nhan-goi-y/").status_code == 403
    assert not TargetIndicatorLink.objects.exists()


def test_a_link_changed_by_someone_else_meanwhile_is_refused(client: Client, plan: Plan, alice: Any) -> None:
    client.force_login(alice)
    target = _target(plan, 0)
    do_confirm_link(None, target, Indicator.objects.get(code="NEAR_POOR_RATE"))
    url = f"/ke-hoach/{plan.pk}/chi-tieu-theo-doi/{target.pk}/lien-ket/"
    html = client.post(url, {"indicator": "POOR_RATE", "was": ""}, follow=True).content.decode()
    assert "vừa được người khác đổi («NEAR_POOR_RATE»)" in html
    assert TargetIndicatorLink.objects.get(target=target).indicator.code == "NEAR_POOR_RATE"
    client.post(url, {"indicator": "POOR_RATE", "was": "NEAR_POOR_RATE"})
    assert TargetIndicatorLink.objects.get(target=target).indicator.code == "POOR_RATE"


def test_the_step_and_the_approval_page_do_not_query_more_with_more_targets(client: Client, plan: Plan, alice: Any,
                                                                             django_assert_max_num_queries: Any) -> None:
    for n in range(40):
        Target.objects.create(plan=plan, position=10 + n, text=f"Chỉ tiêu {n}", indicator_name=f"Tỷ lệ hộ nghèo nhóm {n}", unit="%")
    do_accept_suggestions(alice, plan)
    client.force_login(alice)
    with django_assert_max_num_queries(12):
        assert client.get(f"/ke-hoach/{plan.pk}/chi-tieu-theo-doi/").status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get(f"/ke-hoach/{plan.pk}/phe-duyet/").status_code == 200


def test_a_link_with_reported_figures_can_be_neither_changed_nor_removed(plan: Plan, alice: Any, ward_a: Any) -> None:
    from ansinh.reporting.actions import do_open_submission, do_save_values
    from ansinh.reporting.cycles import generate_cycles
    from ansinh.reporting.linking import do_unlink_target

    target = _target(plan, 1)
    do_confirm_link(alice, target, Indicator.objects.get(code="JOBS_SUPPORTED"))
    plan.area = ward_a
    plan.status = Plan.Status.ACTIVE
    plan.save()
    cycle = generate_cycles(plan, [2025])[0]
    submission = do_open_submission(None, cycle, ward_a)
    do_save_values(None, submission, [{"indicator": "JOBS_SUPPORTED", "value": 40}])
    with pytest.raises(LinkError, match="Đã có 1 số liệu được báo cáo"):
        do_confirm_link(alice, target, Indicator.objects.get(code="NEW_JOBS"))
    with pytest.raises(LinkError, match="không đổi hoặc bỏ liên kết được nữa"):
        do_unlink_target(alice, target)
    assert TargetIndicatorLink.objects.get(target=target).indicator.code == "JOBS_SUPPORTED"
    do_confirm_link(alice, target, Indicator.objects.get(code="JOBS_SUPPORTED"))  # confirming the same one again is fine


def test_the_new_indicator_form_is_prefilled_from_the_target_without_asking(client: Client, plan: Plan, alice: Any) -> None:
    client.force_login(alice)
    html = client.get(f"/ke-hoach/{plan.pk}/chi-tieu-theo-doi/").content.decode()
    first = _target(plan, 0)  # "dưới 0,5%": lower is better, a share
    form = html[html.index(f'id="chieu-{first.pk}"'):]
    form = form[: form.index("</select>")]
    assert 'value="lower" selected' in form
    assert f'id="dvt-{first.pk}" name="unit" maxlength="60" value="%"' in html


def test_a_suggestion_below_the_strong_score_is_marked_weak_beside_its_confirm_button(
    client: Client, plan: Plan, alice: Any
) -> None:
    import re

    from ansinh.reporting.linking import STRONG_SCORE

    Target.objects.create(plan=plan, position=9, indicator_name="Tỷ lệ hộ gia đình có nước sạch", unit="%", value=90)
    client.force_login(alice)
    html = client.get(f"/ke-hoach/{plan.pk}/chi-tieu-theo-doi/").content.decode()
    cells = re.findall(r'<td class="num">([\d,]+)(<br><span[^>]*>gợi ý yếu</span>)?</td>', html)
    assert cells and any(weak for _, weak in cells) and any(not weak for _, weak in cells)
    for score, weak in cells:
        assert bool(weak) == (float(score.replace(",", ".")) < STRONG_SCORE)
