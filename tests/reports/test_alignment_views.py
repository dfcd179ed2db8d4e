"""The alignment page: suggested parents from cited numbers, confirmation by a person, comparison tables."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from ansinh.core.models import AuditEvent
from ansinh.plans.models import Plan, PlanLink
from ansinh.reporting.models import Indicator, TargetIndicatorLink
from tests.reports.report_fixtures import make_plan

pytestmark = pytest.mark.django_db

PARENT = {
    "meta": {"number": "53-CTrHĐ/TU", "issuer": "Thành ủy Thành phố Hồ Chí Minh", "level": "province",
             "title": "Chương trình hành động thực hiện Nghị quyết 42-NQ/TW"},
    "targets": [
        {"text": "Tỷ lệ hộ nghèo dưới 1%", "indicator": "Tỷ lệ hộ nghèo", "comparator": "<", "value": 1, "unit": "%",
         "year": 2025},
        {"text": "100% người có công được chăm lo", "indicator": "Tỷ lệ gia đình người có công có mức sống trung bình",
         "comparator": ">=", "value": 100, "unit": "%", "year": 2025},
    ],
    "tasks": [
        {"number": "1", "title": "Đẩy mạnh công tác tuyên truyền chính sách xã hội", "lead": [], "coordinate": []},
        {"number": "2", "title": "Phát triển hệ thống bảo hiểm xã hội đa tầng", "lead": [], "coordinate": []},
    ],
}
CHILD = {
    "meta": {"number": "77/KH-UBND", "issuer": "Ủy ban nhân dân phường Sài Gòn", "level": "commune",
             "title": "Kế hoạch thực hiện", "implements": ["Chương trình hành động số 53-CTRHD/TU của Thành ủy"]},
    "targets": [
        {"text": "Hộ nghèo dưới 0,5%", "indicator": "Hộ nghèo theo chuẩn", "comparator": "<", "value": 0.5, "unit": "%",
         "year": 2025},
    ],
    "tasks": [{"number": "1", "title": "Tăng cường tuyên truyền về chính sách xã hội", "lead": [], "coordinate": []}],
}


@pytest.fixture
def plans(db: None) -> tuple[Plan, Plan]:
    parent, child = make_plan(PARENT, "cha"), make_plan(CHILD, "con")
    poor = Indicator.objects.create(code="HN", name="Tỷ lệ hộ nghèo", unit="%", direction="lower")
    TargetIndicatorLink.objects.create(target=parent.targets.get(position=0), indicator=poor, confirmed=True)
    TargetIndicatorLink.objects.create(target=child.targets.get(), indicator=poor, confirmed=True)
    return parent, child


def test_the_cited_parent_is_suggested_and_a_reviewer_confirms_it(client: Client, alice: Any, plans: tuple[Plan, Plan]) -> None:
    parent, child = plans
    client.force_login(alice)
    html = client.get(f"/bao-cao/doi-chieu/{child.pk}/").content.decode()
    assert "Gợi ý từ số, ký hiệu" in html and "53-CTrHĐ/TU" in html
    response = client.post(f"/bao-cao/doi-chieu/{child.pk}/lien-ket/", {"parent": parent.pk, "reference": "53-CTRHD/TU"})
    assert response.status_code == 302
    link = PlanLink.objects.get(child=child, parent=parent)
    assert link.confirmed and AuditEvent.objects.filter(action="plans.link", actor=alice).exists()
    html = client.get(f"/bao-cao/doi-chieu/{child.pk}/").content.decode()
    assert "Cao hơn cấp trên" in html and "cùng chỉ tiêu danh mục" in html and "Thiếu chỉ tiêu" in html
    assert "Phát triển hệ thống bảo hiểm xã hội đa tầng" in html
    assert html.count("Đẩy mạnh công tác tuyên truyền") == 0


def test_an_officer_without_the_right_cannot_link_or_confirm(client: Client, bob: Any, plans: tuple[Plan, Plan]) -> None:
    parent, child = plans
    client.force_login(bob)
    assert "Xác nhận là kế hoạch cấp trên" not in client.get(f"/bao-cao/doi-chieu/{child.pk}/").content.decode()
    assert client.post(f"/bao-cao/doi-chieu/{child.pk}/lien-ket/", {"parent": parent.pk}).status_code == 403
    assert not PlanLink.objects.exists()


def test_a_suggested_link_can_be_confirmed_and_withdrawn(client: Client, alice: Any, plans: tuple[Plan, Plan]) -> None:
    parent, child = plans
    link = PlanLink.objects.create(child=child, parent=parent, reference="53-CTrHĐ/TU", confirmed=False)
    client.force_login(alice)
    client.post(f"/bao-cao/doi-chieu/{child.pk}/xac-nhan/{link.pk}/", {"confirmed": "1"})
    link.refresh_from_db()
    assert link.confirmed
    client.post(f"/bao-cao/doi-chieu/{child.pk}/xac-nhan/{link.pk}/", {"confirmed": "0"})
    link.refresh_from_db()
    assert not link.confirmed
    assert AuditEvent.objects.filter(action="plans.confirm_link").count() == 2


def test_bad_link_requests_are_refused_without_storing(client: Client, alice: Any, plans: tuple[Plan, Plan]) -> None:
    _, child = plans
    client.force_login(alice)
    client.post(f"/bao-cao/doi-chieu/{child.pk}/lien-ket/", {"parent": "abc"})
    response = client.post(f"/bao-cao/doi-chieu/{child.pk}/lien-ket/", {"parent": child.pk}, follow=True)
    assert "không thể thực hiện chính nó" in response.content.decode()
    assert client.post(f"/bao-cao/doi-chieu/{child.pk}/lien-ket/", {"parent": 99999}).status_code == 404
    assert client.post(f"/bao-cao/doi-chieu/{child.pk}/xac-nhan/99999/", {}, follow=True).status_code == 200
    assert not PlanLink.objects.exists()


def test_a_parent_that_is_not_a_number_is_refused_in_vietnamese(client: Client, alice: Any, plans: tuple[Plan, Plan]) -> None:
    _, child = plans
    client.force_login(alice)
    response = client.post(f"/bao-cao/doi-chieu/{child.pk}/lien-ket/", {"parent": "abc"}, follow=True)
    assert "Kế hoạch cấp trên không hợp lệ." in response.content.decode()
    response = client.post(f"/bao-cao/doi-chieu/{child.pk}/xac-nhan/99999/", {}, follow=True)
    assert "Không tìm thấy liên kết kế hoạch." in response.content.decode()
    assert not PlanLink.objects.exists() and not AuditEvent.objects.filter(action__startswith="plans.").exists()


def test_a_target_is_described_in_words_not_comparator_codes() -> None:
    from ansinh.reports.alignment import TargetSpec
    from ansinh.reports.views_alignment import describe

    def spec(comparator: str, value: float, value_max: float | None = None) -> TargetSpec:
        return TargetSpec(id=1, name="Tỷ lệ", comparator=comparator, value=value, value_max=value_max, unit="%", year=2025)

    assert describe(spec("range", 95, 98)) == "95 – 98% (2025)"
    assert describe(spec("maintain", 100)) == "duy trì 100% (2025)"
    assert describe(spec("<", 1)) == "dưới 1% (2025)"
