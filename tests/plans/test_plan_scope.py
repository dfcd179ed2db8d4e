"""Changing a plan is scoped by unit: the reviewer permission is a capability, not a right over every plan.

The cast (units from ``tests/conftest.py``: Hồ Chí Minh City with Phường Sài Gòn, Hà Nội, the country):
- ``city_reviewer``: a plan reviewer of an agency of Hồ Chí Minh City: may change the city's plans, not Hà Nội's;
- ``ward_reviewer``: a plan reviewer of Phường Sài Gòn: may change the ward's plans, not the city's;
- ``alice``: a plan reviewer of a national agency: may change every plan, national ones too;
- ``hcm_admin``: an administrator (role ``admin``, no permission needed): may change everything.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.test import Client

from ansinh.accounts.models import RoleAssignment
from ansinh.core.models import AuditEvent
from ansinh.documents.models import SourceDocument
from ansinh.plans.access import can_change_plan, can_link_plan
from ansinh.plans.actions import do_import_plan
from ansinh.plans.models import Plan, PlanLink
from ansinh.reporting.catalogue import load_catalogue
from ansinh.reporting.linking import do_accept_suggestions
from ansinh.reporting.models import ReportingCycle
from tests.plans.sample_plan import EXTRACTION, TEXT
from tests.reporting.link_fixtures import draft_plan

pytestmark = pytest.mark.django_db
NO_CHANGE = "Bạn không có quyền sửa hoặc phê duyệt kế hoạch này."


def _reviewer(django_user_model: Any, username: str, role: str, unit: Any) -> Any:
    user = django_user_model.objects.create(username=username, full_name=username)
    user.user_permissions.add(Permission.objects.get(codename="change_plan"))
    RoleAssignment.objects.create(user=user, role=role, unit=unit)
    return django_user_model.objects.get(pk=user.pk)


@pytest.fixture
def city_reviewer(django_user_model: Any, hcm: Any) -> Any:
    return _reviewer(django_user_model, "can_bo_so_hcm", "agency", hcm)


@pytest.fixture
def ward_reviewer(django_user_model: Any, ward_a: Any) -> Any:
    return _reviewer(django_user_model, "can_bo_phuong_sai_gon", "commune", ward_a)


def _plan(area: Any) -> Plan:
    """A draft with linked targets (ready to approve) whose area is ``area``."""
    plan = draft_plan()
    do_accept_suggestions(None, plan)
    plan.area = area
    plan.save(update_fields=["area"])
    return plan


@pytest.fixture
def city_plan(hcm: Any) -> Plan:
    return _plan(hcm)


@pytest.fixture
def hanoi_plan(hanoi: Any) -> Plan:
    return _plan(hanoi)


def _as(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _meta(plan: Plan, **changes: str) -> dict[str, str]:
    return {"number": plan.number, "date": "04/08/2025", "issuer": plan.issuer, "level": plan.level, "title": plan.title,
            "period_start": "2025", "period_end": "2026", "implements": "", "area": plan.area.code if plan.area else "",
            **changes}


def _writes(client: Client, plan: Plan, area: Any) -> dict[str, int]:
    """The status of each kind of write on ``plan``: correct, link, add a cycle, approve (web and API)."""
    target = plan.targets.first()
    assert target is not None
    base = f"/ke-hoach/{plan.pk}"
    return {
        "correct": client.post(f"{base}/ra-soat/thong-tin/", _meta(plan, issuer="UBND đã sửa")).status_code,
        "link": client.post(f"{base}/chi-tieu-theo-doi/xac-nhan-goi-y/").status_code,
        "link_api": client.put(f"/api/plans/{plan.pk}/targets/{target.pk}/link", json.dumps({"indicator": "POOR_RATE"}),
                               content_type="application/json").status_code,
        "cycle": client.post(f"{base}/ky-bao-cao/them/", {"kind": "annual", "year": "2027"}).status_code,
        "approve_api": client.post(f"/api/plans/{plan.pk}/approve", json.dumps({"area": area.code, "confirm": True}),
                                   content_type="application/json").status_code,
    }


def test_a_city_reviewer_corrects_links_and_approves_a_plan_of_their_city(city_reviewer: Any, city_plan: Plan,
                                                                          hcm: Any) -> None:
    assert _writes(_as(city_reviewer), city_plan, hcm) == {
        "correct": 302, "link": 302, "link_api": 200, "cycle": 302, "approve_api": 200}
    city_plan.refresh_from_db()
    assert city_plan.issuer == "UBND đã sửa" and not city_plan.is_draft and city_plan.approved_by == city_reviewer


def test_a_city_reviewer_approves_on_the_web_page_too(city_reviewer: Any, city_plan: Plan, ward_a: Any) -> None:
    response = _as(city_reviewer).post(f"/ke-hoach/{city_plan.pk}/phe-duyet/", {"area": str(ward_a.pk), "xac_nhan": "1"})
    city_plan.refresh_from_db()
    assert response.status_code == 302 and not city_plan.is_draft and city_plan.area == ward_a


def test_a_city_reviewer_gets_403_on_every_write_to_a_hanoi_plan(city_reviewer: Any, hanoi_plan: Plan, hanoi: Any) -> None:
    client = _as(city_reviewer)
    assert set(_writes(client, hanoi_plan, hanoi).values()) == {403}
    response = client.post(f"/ke-hoach/{hanoi_plan.pk}/phe-duyet/", {"area": str(hanoi.pk), "xac_nhan": "1"})
    assert response.status_code == 403 and NO_CHANGE in response.content.decode()
    target = hanoi_plan.targets.first()
    assert target is not None
    assert client.post(f"/ke-hoach/{hanoi_plan.pk}/ra-soat/target/{target.pk}/xoa/").status_code == 403
    assert client.post(f"/bao-cao/doi-chieu/{hanoi_plan.pk}/lien-ket/", {"parent": "1"}).status_code == 403
    hanoi_plan.refresh_from_db()
    assert hanoi_plan.is_draft and hanoi_plan.issuer != "UBND đã sửa" and not ReportingCycle.objects.exists()


def test_a_commune_reviewer_may_not_change_the_provincial_plan_of_their_own_city(
    ward_reviewer: Any, city_plan: Plan, ward_a: Any, hcm: Any
) -> None:
    assert not can_change_plan(ward_reviewer, city_plan)
    assert set(_writes(_as(ward_reviewer), city_plan, hcm).values()) == {403}
    ward_plan = _plan(ward_a)
    assert can_change_plan(ward_reviewer, ward_plan)


def test_a_national_plan_is_refused_to_everyone_but_national_reach_and_admins(
    city_reviewer: Any, alice: Any, hcm_admin: Any, vn: Any
) -> None:
    national = _plan(vn)
    assert not can_change_plan(city_reviewer, national)
    assert can_change_plan(alice, national) and can_change_plan(hcm_admin, national)
    assert _as(city_reviewer).post(f"/ke-hoach/{national.pk}/ra-soat/thong-tin/", _meta(national)).status_code == 403


def test_the_permission_alone_or_a_scope_alone_changes_nothing(django_user_model: Any, city_plan: Plan,
                                                                  supervisor: Any, hcm: Any) -> None:
    no_scope = django_user_model.objects.create(username="chi_co_quyen")
    no_scope.user_permissions.add(Permission.objects.get(codename="change_plan"))
    no_permission = django_user_model.objects.create(username="chi_co_pham_vi")
    RoleAssignment.objects.create(user=no_permission, role="agency", unit=hcm)
    supervisor.user_permissions.add(Permission.objects.get(codename="change_plan"))
    for user in (no_scope, no_permission, supervisor):
        assert not can_change_plan(django_user_model.objects.get(pk=user.pk), city_plan)


def test_a_standing_officer_named_for_a_plan_changes_it_wherever_it_applies(django_user_model: Any, hanoi_plan: Plan,
                                                                             hcm: Any) -> None:
    officer = _reviewer(django_user_model, "thuong_truc_ke_hoach", "standing", hcm)
    assert not can_change_plan(officer, hanoi_plan)
    RoleAssignment.objects.create(user=officer, role="standing", plan=hanoi_plan)
    assert can_change_plan(django_user_model.objects.get(pk=officer.pk), hanoi_plan)


def test_a_standing_officer_links_only_the_plans_where_they_stand(hcm_standing: Any, city_plan: Plan,
                                                                   hanoi_plan: Plan) -> None:
    assert can_link_plan(hcm_standing, city_plan) and not can_change_plan(hcm_standing, city_plan)
    assert not can_link_plan(hcm_standing, hanoi_plan)
    with pytest.raises(PermissionDenied):
        do_accept_suggestions(hcm_standing, hanoi_plan)


def _imported(user: Any, issuer: str = "Ủy ban nhân dân phường A") -> Plan:
    document = SourceDocument.objects.create(slug="mau", filename="mau.txt", media_type="text/plain", sha256="0" * 64,
                                             size_bytes=len(TEXT), text=TEXT, uploaded_by=user)
    return do_import_plan(document, {**EXTRACTION, "meta": {**EXTRACTION["meta"], "issuer": issuer}}, user)


def test_the_importer_may_change_their_fresh_plan_with_no_area_and_another_reviewer_may_not(
    ward_reviewer: Any, city_reviewer: Any
) -> None:
    plan = _imported(ward_reviewer)
    assert plan.area is None
    assert can_change_plan(ward_reviewer, plan) and not can_change_plan(city_reviewer, plan)
    assert _as(ward_reviewer).post(f"/ke-hoach/{plan.pk}/ra-soat/thong-tin/", _meta(plan, issuer="UBND phường Sài Gòn")).status_code == 302
    assert _as(city_reviewer).post(f"/ke-hoach/{plan.pk}/ra-soat/thong-tin/", _meta(plan)).status_code == 403


def test_the_importer_gives_their_plan_an_area_of_their_own_and_keeps_it(ward_reviewer: Any, ward_a: Any) -> None:
    plan = _imported(ward_reviewer)
    response = _as(ward_reviewer).post(f"/ke-hoach/{plan.pk}/ra-soat/thong-tin/", _meta(plan, area=ward_a.code))
    plan.refresh_from_db()
    assert response.status_code == 302 and plan.area == ward_a and can_change_plan(ward_reviewer, plan)


def test_choosing_an_area_outside_ones_scope_is_refused_and_nothing_is_stored(ward_reviewer: Any, hanoi: Any) -> None:
    plan = _imported(ward_reviewer)
    client = _as(ward_reviewer)
    page = client.post(f"/ke-hoach/{plan.pk}/ra-soat/thong-tin/", _meta(plan, area=hanoi.code), follow=True).content.decode()
    assert "Bạn không được chọn địa bàn áp dụng «Thành phố Hà Nội (01)»" in page and "ngoài phạm vi" in page
    load_catalogue()
    assert do_accept_suggestions(ward_reviewer, plan)  # ready to approve but for the area
    page = client.post(f"/ke-hoach/{plan.pk}/phe-duyet/", {"area": str(hanoi.pk), "xac_nhan": "1"}).content.decode()
    assert "Bạn không được chọn địa bàn áp dụng «Thành phố Hà Nội (01)»" in page
    page = client.post(f"/ke-hoach/{plan.pk}/phe-duyet/", {"area_mode": "toan-quoc", "xac_nhan": "1"}).content.decode()
    assert "Bạn không được chọn địa bàn áp dụng «toàn quốc»" in page
    response = client.post(f"/api/plans/{plan.pk}/approve", json.dumps({"area": "01", "confirm": True}),
                           content_type="application/json")
    assert response.status_code == 422 and "«Thành phố Hà Nội (01)»" in json.loads(response.content)["detail"]
    plan.refresh_from_db()
    assert plan.area is None and plan.is_draft and plan.issuer == "Ủy ban nhân dân phường A"
    assert not AuditEvent.objects.filter(action__in=["plan.review.update_meta", "plan.set_area", "plan.approve"]).exists()


def test_an_import_keeps_its_suggested_area_only_within_the_importers_reach(ward_reviewer: Any, alice: Any,
                                                                            hanoi: Any) -> None:
    outside = _imported(ward_reviewer, issuer="Ủy ban nhân dân Thành phố Hà Nội")
    assert outside.area is None and can_change_plan(ward_reviewer, outside)
    event = AuditEvent.objects.get(action="plan.import", object_id=str(outside.pk))
    assert event.after is not None and event.after["area_suggested"] == "01"
    assert _imported(alice, issuer="Ủy ban nhân dân Thành phố Hà Nội").area == hanoi


def test_an_admin_may_change_every_plan(hcm_admin: Any, hanoi_plan: Plan, ward_reviewer: Any, hanoi: Any) -> None:
    assert can_change_plan(hcm_admin, hanoi_plan) and can_change_plan(hcm_admin, _imported(ward_reviewer))
    assert _writes(_as(hcm_admin), hanoi_plan, hanoi) == {
        "correct": 302, "link": 302, "link_api": 200, "cycle": 302, "approve_api": 200}


def test_the_pages_show_the_change_buttons_only_to_who_may_use_them(city_reviewer: Any, city_plan: Plan,
                                                                    hanoi_plan: Plan) -> None:
    parent = Plan.objects.create(number="42-NQ/TW", title="Nghị quyết cấp trên")
    for child in (city_plan, hanoi_plan):
        PlanLink.objects.create(child=child, parent=parent)  # suggested, waiting for the child's reviewer
    client = _as(city_reviewer)

    def buttons(plan: Plan) -> dict[str, bool]:
        base = f"/ke-hoach/{plan.pk}"
        detail = client.get(f"{base}/").content.decode()
        review = client.get(f"{base}/ra-soat/").content.decode()
        approve = client.get(f"{base}/phe-duyet/").content.decode()
        return {
            "approve link": f'href="{base}/phe-duyet/" class="primary"' in detail,
            "edit meta": "?sua=meta" in review,
            "view only notice": "Bạn chỉ có quyền xem" in review,
            "approve form": f'action="{base}/phe-duyet/"' in approve,
            "link forms": "/lien-ket/" in client.get(f"{base}/chi-tieu-theo-doi/").content.decode(),
            "add cycle": "/ky-bao-cao/them/" in client.get(f"{base}/ky-bao-cao/").content.decode(),
            "alignment": "/xac-nhan/" in client.get(f"/bao-cao/doi-chieu/{plan.pk}/").content.decode(),
        }

    mine, theirs = buttons(city_plan), buttons(hanoi_plan)
    assert mine == {**{k: True for k in mine}, "view only notice": False}
    assert theirs == {**{k: False for k in theirs}, "view only notice": True}


def test_deciding_for_many_plans_costs_no_query_beyond_the_roles(city_reviewer: Any, hcm: Any, hanoi: Any,
                                                                  django_assert_num_queries: Any) -> None:
    for n in range(20):
        Plan.objects.create(number=f"{n}/KH", title="Kế hoạch", area=hcm if n % 2 else hanoi)
    plans = list(Plan.objects.select_related("area"))
    can_change_plan(city_reviewer, plans[0])  # reads the roles and the permissions once for the request
    with django_assert_num_queries(0):
        answers = [can_change_plan(city_reviewer, p) for p in plans]
    assert answers.count(True) == 10
