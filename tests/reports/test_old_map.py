"""A plan's figures on the map before the 2025 reform: as reported, rolled up the old tree, or shared back."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from ansinh.geo.models import AdministrativeUnit, UnitCrosswalk
from ansinh.plans.models import Plan
from ansinh.reporting.actions import do_link_target
from ansinh.reports.old_map import ESTIMATED, REPORTED, ROLLED, OldMap, build_old_map
from tests.conftest import REFORM
from tests.reporting.factories import annual_cycle, approved, catalogue, make_plan, make_target, unit

pytestmark = pytest.mark.django_db
BEFORE = dt.date(1976, 7, 2)


@pytest.fixture
def world(vn: Any, hcm: Any, ward_a: Any, ward_b: Any) -> dict[str, Any]:
    """Old District 1 with two wards: the first became part of ward_a, the second was split between ward_a and ward_b."""
    old_city = unit("79", "Thành phố Hồ Chí Minh", "province", vn, valid_from=BEFORE, valid_to=REFORM)
    district = unit("760", "Quận 1", "district", old_city, valid_from=BEFORE, valid_to=REFORM)
    first = unit("26734", "Phường Tân Định", "commune", district, valid_from=BEFORE, valid_to=REFORM)
    second = unit("26746", "Phường Nguyễn Thái Bình", "commune", district, valid_from=BEFORE, valid_to=REFORM)
    for old, new, weight in ((first, ward_a, 1.0), (second, ward_a, 0.5), (second, ward_b, 0.5), (old_city, hcm, 1.0)):
        UnitCrosswalk.objects.create(predecessor=old, successor=new, weight=weight, effective=REFORM)
    indicators = catalogue()
    plan = make_plan()
    do_link_target(None, make_target(plan, "Số căn nhà ở xã hội hoàn thành", 1000, unit="căn"), indicators["SOCIAL_HOUSING"])
    do_link_target(None, make_target(plan, "Tỷ lệ dân số tham gia bảo hiểm y tế", 95), indicators["HI_COVERAGE"])
    c2024, c2025 = annual_cycle(plan, 2024), annual_cycle(plan, 2025)

    def rows(houses: float, covered: float, people: float) -> list[dict[str, Any]]:
        return [
            {"indicator": "SOCIAL_HOUSING", "value": houses},
            {"indicator": "HI_COVERAGE", "numerator": covered, "denominator": people, "comment": "Giải trình"},
        ]

    approved(c2024, first, rows(10, 90, 100))
    approved(c2024, second, rows(30, 40, 50))
    approved(c2025, ward_a, rows(100, 900, 1000))
    approved(c2025, ward_b, rows(50, 450, 500))
    return {"plan": plan, "first": first, "second": second, "district": district}


def cells(board: OldMap, unit: AdministrativeUnit) -> list[tuple[float | None, str]]:
    row = next(r for r in board.rows if r.unit.pk == unit.pk)
    return [(None if c.value is None else round(c.value, 2), c.source) for c in row.cells]


def everything() -> Any:
    return AdministrativeUnit.objects.all()


def test_a_year_before_the_reform_shows_what_the_old_wards_reported(world: dict[str, Any]) -> None:
    board = build_old_map(world["plan"], everything(), year=2024, level="commune")
    assert [key for key, _ in board.levels] == ["commune", "district", "province"]
    assert cells(board, world["first"]) == [(10, REPORTED), (90.0, REPORTED)]
    assert cells(board, world["second"]) == [(30, REPORTED), (80.0, REPORTED)]
    assert not board.has_estimates


def test_an_old_district_adds_up_its_old_wards_and_a_ratio_is_a_ratio_of_sums(world: dict[str, Any]) -> None:
    board = build_old_map(world["plan"], everything(), year=2024, level="district")
    assert cells(board, world["district"]) == [(40, ROLLED), (round(130 / 150 * 100, 2), ROLLED)]


def test_a_year_after_the_reform_shares_todays_figures_back_by_the_crosswalk_weights(world: dict[str, Any]) -> None:
    board = build_old_map(world["plan"], everything(), year=2025, level="commune")
    # ward_a came 1.0 from the first ward and 0.5 from the second: shares 2/3 and 1/3; ward_b is all the second's
    assert cells(board, world["first"]) == [(66.67, ESTIMATED), (90.0, ESTIMATED)]
    assert cells(board, world["second"]) == [(83.33, ESTIMATED), (90.0, ESTIMATED)]
    assert board.has_estimates


def test_the_page_marks_estimates_and_stays_inside_the_users_scope(
    world: dict[str, Any], hcm_standing: Any, officer_a: Any, officer_b: Any
) -> None:
    url = f"/bao-cao/bang-dieu-khien/{world['plan'].pk}/dia-gioi-cu/?nam=2025&cap=commune"
    client = Client()
    client.force_login(hcm_standing)
    page = client.get(url).content.decode()
    # counts show with the indicator's decimals (none): 66.67 houses → 67
    assert "Phường Tân Định" in page and "ước tính" in page and ">67<abbr" in page and ">83<abbr" in page
    # ward_a's officer reads the two old wards it took over; the second also went partly into
    # ward_b, which they may not read, so it gets no estimate (it would reveal ward_b's figures)
    client.force_login(officer_a)
    page = client.get(url).content.decode()
    assert "Phường Tân Định" in page and "Phường Nguyễn Thái Bình" in page
    assert ">67<abbr" in page and ">83<abbr" not in page
    client.force_login(officer_b)
    page = client.get(url).content.decode()
    assert "Phường Tân Định" not in page and "Phường Nguyễn Thái Bình" in page and ">83<abbr" not in page


def test_an_old_district_is_not_rolled_up_for_someone_who_cannot_read_all_its_wards(
    world: dict[str, Any], officer_a: Any, ward_a: Any, ward_b: Any
) -> None:
    from ansinh.accounts.access import readable_units

    third = unit("26749", "Phường Phạm Ngũ Lão", "commune", world["district"], valid_from=BEFORE, valid_to=REFORM)
    UnitCrosswalk.objects.create(predecessor=third, successor=ward_b, weight=1.0, effective=REFORM)
    UnitCrosswalk.objects.create(predecessor=world["district"], successor=ward_a, weight=1.0, effective=REFORM)
    approved(annual_cycle(world["plan"], 2024), third, [{"indicator": "SOCIAL_HOUSING", "value": 5}])
    mine = build_old_map(world["plan"], readable_units(officer_a), year=2024, level="district")
    assert cells(mine, world["district"]) == [(None, ""), (None, "")]  # the third ward is ward_b's
    everyone = build_old_map(world["plan"], everything(), year=2024, level="district")
    assert cells(everyone, world["district"])[0] == (45, ROLLED)


def test_a_plan_without_cycles_or_old_units_shows_an_explanation(hcm_standing: Any) -> None:
    plan = Plan.objects.create(title="Kế hoạch trống", level="province", status=Plan.Status.ACTIVE)
    client = Client()
    client.force_login(hcm_standing)
    response = client.get(f"/bao-cao/bang-dieu-khien/{plan.pk}/dia-gioi-cu/?nam=abc&cap=xyz")
    assert response.status_code == 200
    assert "không có đơn vị hành chính nào đã hết hiệu lực" in response.content.decode()
