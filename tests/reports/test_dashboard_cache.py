"""A dashboard body is built once per data state and scope, and every report sent or approved shows at once."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from ansinh.reporting.actions import do_approve, do_save_values, do_submit
from ansinh.reports import dashboard_cache
from tests.api.fixtures import World, make_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(hcm: Any, ward_a: Any, ward_b: Any) -> World:
    return make_world()


def _read(client: Client, world: World) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/bao-cao/bang-dieu-khien/{world.plan.pk}/?unit=79")
    assert response.status_code == 200
    html = response.content.decode()
    return html[html.index("<main"):], len(queries)  # the header's logout form carries a fresh CSRF token


def _ward_row(html: str, name: str) -> str:
    table = html[html.index('<table class="drill">'):]
    return next(r for r in table[: table.index("</table>")].split("<tr>") if name in r)


def test_a_second_reader_gets_the_stored_body_with_a_few_queries(client: Client, world: World, hcm_standing: Any) -> None:
    client.force_login(hcm_standing)
    first, built = _read(client, world)
    again, stored = _read(client, world)
    assert again == first
    assert stored < built and stored <= 12


def test_an_approval_shows_at_once(client: Client, world: World, hcm_standing: Any, officer_b: Any) -> None:
    client.force_login(hcm_standing)
    before, _ = _read(client, world)
    assert "Đã gửi" not in _ward_row(before, "Phường Bến Thành")
    do_save_values(officer_b, world.sub_b, [{"indicator": "SOCIAL_HOUSING", "value": 50}])
    do_submit(officer_b, world.sub_b)
    sent, _ = _read(client, world)
    assert "Đã gửi" in _ward_row(sent, "Phường Bến Thành")
    do_approve(hcm_standing, world.sub_b)
    approved, _ = _read(client, world)
    assert approved != sent


def test_a_communes_draft_save_keeps_the_stored_body(client: Client, world: World, hcm_standing: Any) -> None:
    client.force_login(hcm_standing)
    first, _ = _read(client, world)
    _, stored = _read(client, world)
    do_save_values(None, world.sub_a, [{"indicator": "SOCIAL_HOUSING", "value": 70}])
    again, queries = _read(client, world)
    assert again == first and queries == stored


def test_readers_with_different_scopes_never_share_a_body(
    client: Client, world: World, hcm_standing: Any, hcm_admin: Any
) -> None:
    client.force_login(hcm_standing)
    _read(client, world)
    client.force_login(hcm_admin)
    _read(client, world)
    assert len(dashboard_cache.store) == 2


def test_a_stored_body_older_than_its_lifetime_is_built_again(monkeypatch: Any) -> None:
    built: list[int] = []

    def build() -> str:
        built.append(1)
        return f"thân {len(built)}"

    assert dashboard_cache.cached(("k",), build) == "thân 1"
    assert dashboard_cache.cached(("k",), build) == "thân 1"
    monkeypatch.setattr(dashboard_cache, "TTL", 0.0)
    assert dashboard_cache.cached(("k",), build) == "thân 2"


def test_a_retyped_target_value_and_a_renamed_indicator_show_at_once(
    client: Client, world: World, hcm_standing: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from ansinh.reporting.models import Indicator

    client.force_login(hcm_standing)
    before, _ = _read(client, world)
    indicator = Indicator.objects.get(code="SOCIAL_HOUSING")
    indicator.name = "Nhà ở xã hội đã bàn giao"
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():  # bumped at commit
        indicator.save()  # in place: no count or highest id changes
    renamed, _ = _read(client, world)
    assert "Nhà ở xã hội đã bàn giao" not in before and "Nhà ở xã hội đã bàn giao" in renamed
    world.housing.indicator_name = "Căn nhà ở xã hội mới"
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        world.housing.save()
    retyped, _ = _read(client, world)
    assert retyped != renamed


def test_a_recompute_of_the_roll_up_shows_at_once(client: Client, world: World, hcm_standing: Any) -> None:
    from ansinh.core.models import PageGeneration
    from ansinh.reporting.recompute import recompute_all

    client.force_login(hcm_standing)
    _read(client, world)
    before = PageGeneration.objects.filter(pk=1).values_list("value", flat=True).first() or 0
    key_before = dashboard_cache.state_token(world.plan, world.plan.area or _city())
    recompute_all()
    assert PageGeneration.objects.get(pk=1).value == before + 1
    assert dashboard_cache.state_token(world.plan, world.plan.area or _city()) != key_before


def _city() -> Any:
    from ansinh.geo.models import AdministrativeUnit

    return AdministrativeUnit.objects.get(code="79", valid_to__isnull=True)


def test_many_definition_edits_in_one_transaction_move_the_generation_once_at_commit(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    from ansinh.core.models import PageGeneration

    start = PageGeneration.objects.filter(pk=1).values_list("value", flat=True).first() or 0
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        for n in range(3):
            world.housing.indicator_name = f"Tên {n}"
            world.housing.save()
        assert (PageGeneration.objects.filter(pk=1).values_list("value", flat=True).first() or 0) == start
    assert len(callbacks) == 1 and PageGeneration.objects.get(pk=1).value == start + 1
