"""No lost updates in plan review: an edit made from an older form is refused and overwrites nothing.

The cast: ``alice`` and ``carol`` (two reviewers who may change plans) open the same target.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from ansinh.core.versioning import StaleVersion
from ansinh.plans.models import Plan, Target
from ansinh.plans.review import do_delete_item, do_update_item, do_update_plan_meta, item_token
from tests.plans.test_review_views import GOOD_TARGET

pytestmark = pytest.mark.django_db


@pytest.fixture
def target(plan: Plan) -> Target:
    return Target.objects.get(plan=plan)


@pytest.fixture
def carol(django_user_model: Any, vn: Any) -> Any:
    """A second plan reviewer of the same national agency as ``alice``."""
    from ansinh.accounts.models import RoleAssignment

    user = django_user_model.objects.create(username="carol", full_name="Lý Thị Cúc")
    user.user_permissions.add(*Permission.objects.filter(codename__in=["change_plan", "view_plan"]))
    RoleAssignment.objects.create(user=user, role="agency", unit=vn)
    return django_user_model.objects.get(pk=user.pk)


def signed_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def form_token(html: str) -> str:
    match = re.search(r'name="version" value="([0-9a-f]+)"', html)
    assert match, "the review form carries no version"
    return match.group(1)


def test_a_second_reviewer_saving_from_an_older_form_is_refused_with_what_changed(
    plan: Plan, target: Target, alice: Any, carol: Any
) -> None:
    a, c = signed_in(alice), signed_in(carol)
    edit = f"/ke-hoach/{plan.pk}/ra-soat/?sua=target-{target.pk}"
    token_a = form_token(a.get(edit).content.decode())
    token_c = form_token(c.get(edit).content.decode())
    assert token_a == token_c == item_token(target)
    saved = a.post(f"/ke-hoach/{plan.pk}/ra-soat/target/{target.pk}/sua/", {**GOOD_TARGET, "version": token_a})
    assert saved.status_code == 302
    late = c.post(
        f"/ke-hoach/{plan.pk}/ra-soat/target/{target.pk}/sua/",
        {**GOOD_TARGET, "value": "0,5", "indicator_name": "Tỷ lệ hộ nghèo", "version": token_c},
        follow=True,
    )
    html = late.content.decode()
    assert "đã được người khác sửa sau khi bạn mở" in html and "Không có gì được lưu" in html
    assert "Tỷ lệ hộ nghèo → Tỷ lệ hộ nghèo đa chiều" in html
    target.refresh_from_db()
    assert (target.indicator_name, target.value) == ("Tỷ lệ hộ nghèo đa chiều", 0.9)


def test_an_edit_from_the_current_form_is_saved(plan: Plan, target: Target, alice: Any) -> None:
    do_update_item(target, {"unit": "phần trăm"}, alice, expected_token=item_token(target))
    target.refresh_from_db()
    assert target.unit == "phần trăm"


def test_deleting_an_item_someone_just_corrected_is_refused(plan: Plan, target: Target, alice: Any, carol: Any) -> None:
    read = item_token(target)
    do_update_item(target, {"unit": "phần trăm"}, carol, expected_token=read)
    with pytest.raises(StaleVersion) as refused:
        do_delete_item(target, alice, expected_token=read)
    assert "phần trăm" in refused.value.message
    assert Target.objects.filter(pk=target.pk).exists()


def test_the_plans_own_data_is_guarded_too(plan: Plan, alice: Any, carol: Any) -> None:
    read = item_token(plan)
    do_update_plan_meta(plan, {"issuer": "UBND Thành phố Hồ Chí Minh"}, carol, expected_token=read)
    with pytest.raises(StaleVersion):
        do_update_plan_meta(plan, {"title": "Kế hoạch khác"}, alice, expected_token=read)
    plan.refresh_from_db()
    assert plan.issuer == "UBND Thành phố Hồ Chí Minh" and plan.title != "Kế hoạch khác"


def test_a_forged_version_is_refused_and_nothing_is_stored(plan: Plan, target: Target, alice: Any) -> None:
    response = signed_in(alice).post(
        f"/ke-hoach/{plan.pk}/ra-soat/target/{target.pk}/sua/", {**GOOD_TARGET, "version": "khong-phai-ma"}, follow=True
    )
    assert "đã được người khác sửa" in response.content.decode()
    target.refresh_from_db()
    assert target.indicator_name == "Tỷ lệ hộ nghèo"
