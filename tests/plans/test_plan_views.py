"""The plan pages: who may see them, who may approve, and the source highlight."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from ansinh.plans.models import Plan, Target

pytestmark = pytest.mark.django_db



def test_an_anonymous_visitor_is_sent_to_the_login_page(client: Client, plan: Plan) -> None:
    response = client.get(f"/ke-hoach/{plan.pk}/")
    assert response.status_code == 302 and "/dang-nhap/" in response["Location"]


def test_the_list_shows_the_plan_with_its_counts(client: Client, bob: Any, plan: Plan) -> None:
    client.force_login(bob)
    html = client.get("/ke-hoach/").content.decode()
    assert "12/KH-UBND" in html and "Kế hoạch mẫu" in html and "Bản nháp" in html


def test_the_plan_page_shows_targets_milestones_and_the_task_tree(client: Client, bob: Any, plan: Plan) -> None:
    client.force_login(bob)
    html = client.get(f"/ke-hoach/{plan.pk}/").content.decode()
    assert "Tỷ lệ hộ nghèo" in html and "2024: 1,5" in html
    assert "Rà soát hộ nghèo" in html and "UBND xã" in html and "Công an xã" in html


def test_a_target_links_to_its_highlighted_source(client: Client, bob: Any, plan: Plan) -> None:
    client.force_login(bob)
    target = Target.objects.get(plan=plan)
    html = client.get(f"/ke-hoach/{plan.pk}/nguon/target/{target.pk}/").content.decode()
    assert '<mark class="source" id="nguon" tabindex="0">Tỷ lệ hộ nghèo giảm còn dưới 1% vào năm 2025.</mark>' in html


def test_an_unknown_item_kind_is_not_found(client: Client, bob: Any, plan: Plan) -> None:
    client.force_login(bob)
    assert client.get(f"/ke-hoach/{plan.pk}/nguon/khac/1/").status_code == 404


def test_an_officer_without_the_right_cannot_approve(client: Client, bob: Any, plan: Plan) -> None:
    client.force_login(bob)
    assert client.post(f"/ke-hoach/{plan.pk}/phe-duyet/").status_code == 403
    plan.refresh_from_db()
    assert plan.status == Plan.Status.DRAFT


def test_a_reviewer_approves_a_draft_once_it_has_an_area_and_a_linked_indicator(client: Client, alice: Any, plan: Plan, hcm: Any) -> None:
    from ansinh.reporting.catalogue import load_catalogue
    from ansinh.reporting.linking import do_confirm_link
    from ansinh.reporting.models import Indicator

    client.force_login(alice)
    response = client.post(f"/ke-hoach/{plan.pk}/phe-duyet/", {"xac_nhan": "1"}, follow=True)
    assert "chưa chọn địa bàn áp dụng" in response.content.decode()
    load_catalogue()
    do_confirm_link(alice, Target.objects.get(plan=plan), Indicator.objects.get(code="POOR_RATE"))
    response = client.post(f"/ke-hoach/{plan.pk}/phe-duyet/", {"xac_nhan": "1", "area": str(hcm.pk)}, follow=True)
    assert "Đã phê duyệt kế hoạch" in response.content.decode()
    plan.refresh_from_db()
    assert plan.status == Plan.Status.ACTIVE and plan.area == hcm


def test_a_wrong_password_is_refused_with_a_vietnamese_message(client: Client, bob: Any) -> None:
    html = client.post("/dang-nhap/", {"username": "bob", "password": "sai"}).content.decode()
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in html


@pytest.fixture
def two_plans(plan: Plan) -> Plan:
    other = Plan.objects.create(number="99/KH-UBND", title="Kế hoạch chăm sóc người cao tuổi", issuer="UBND tỉnh B", level=Plan.Level.PROVINCE, status=Plan.Status.ACTIVE)
    return other


def test_the_list_finds_plans_by_text_typed_without_diacritics(client: Client, bob: Any, two_plans: Plan) -> None:
    client.force_login(bob)
    html = client.get("/ke-hoach/", {"q": "nguoi cao tuoi"}).content.decode()
    assert "chăm sóc người cao tuổi" in html and "Kế hoạch mẫu" not in html and "1 kế hoạch khớp điều kiện lọc" in html


@pytest.mark.parametrize(("params", "shown", "hidden"), [({"cap": "province"}, "99/KH-UBND", "12/KH-UBND"), ({"trang_thai": "draft"}, "12/KH-UBND", "99/KH-UBND")])
def test_the_list_filters_by_level_and_status(client: Client, bob: Any, two_plans: Plan, params: dict[str, str], shown: str, hidden: str) -> None:
    client.force_login(bob)
    html = client.get("/ke-hoach/", params).content.decode()
    assert shown in html and hidden not in html


def test_an_unknown_filter_value_is_ignored_and_no_match_is_said_plainly(client: Client, bob: Any, two_plans: Plan) -> None:
    client.force_login(bob)
    html = client.get("/ke-hoach/", {"cap": "sao-hoa", "q": "'; drop table"}).content.decode()
    assert "Không có kế hoạch nào khớp điều kiện lọc." in html


def test_the_plan_page_has_section_anchors_captions_and_review_links(client: Client, bob: Any, plan: Plan) -> None:
    client.force_login(bob)
    html = client.get(f"/ke-hoach/{plan.pk}/").content.decode()
    assert 'href="#nhiem-vu"' in html and 'id="nhiem-vu"' in html and "<caption" in html
    assert f'href="/ke-hoach/{plan.pk}/ra-soat/"' in html and f'href="/ke-hoach/{plan.pk}/gold.json"' in html
    assert "Phê duyệt kế hoạch" not in html


def test_a_subject_line_read_in_lower_case_is_shown_as_a_title_starting_upper_case() -> None:
    """Under "KẾ HOẠCH" a plan's subject line often starts lower case ("thực hiện …"); pages show it as a heading."""
    from ansinh.plans.models import Plan

    assert Plan(title="thực hiện chuyển đổi số năm 2026").display_title == "Thực hiện chuyển đổi số năm 2026"
    assert Plan(title="UBND xã giao chỉ tiêu").display_title == "UBND xã giao chỉ tiêu"
    assert Plan(title="", number="45-KH/ĐU").display_title == "45-KH/ĐU"
