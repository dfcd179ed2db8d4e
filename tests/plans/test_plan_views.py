"""The plan pages: who may see them, who may approve, and the source highlight."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from ansinh.documents.models import SourceDocument
from ansinh.plans.actions import do_import_plan
from ansinh.plans.models import Plan, Target
from tests.plans.test_plan_actions import EXTRACTION, TEXT

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan() -> Plan:
    document = SourceDocument.objects.create(
        slug="mau", filename="mau.txt", media_type="text/plain", sha256="0" * 64, size_bytes=len(TEXT), text=TEXT
    )
    return do_import_plan(document, EXTRACTION)


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


def test_a_reviewer_approves_a_draft(client: Client, alice: Any, plan: Plan) -> None:
    client.force_login(alice)
    response = client.post(f"/ke-hoach/{plan.pk}/phe-duyet/", follow=True)
    assert "Đã phê duyệt kế hoạch" in response.content.decode()
    plan.refresh_from_db()
    assert plan.status == Plan.Status.ACTIVE


def test_a_wrong_password_is_refused_with_a_vietnamese_message(client: Client, bob: Any) -> None:
    html = client.post("/dang-nhap/", {"username": "bob", "password": "sai"}).content.decode()
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in html
