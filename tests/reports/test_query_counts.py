"""Hot pages at scale: the number of queries does not grow with units, targets or cycles.

Each test measures a page (or an approval, or a report) on a small HCMC, then grows the city —
more wards reporting, more linked targets, more annual cycles — and measures again: the count
must not move. (Issue 11: the progress page ran per-target × per-cycle queries, completeness
loaded every commune once per cycle, the roll-up walked ancestors one query per level.)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from ansinh.reporting.actions import do_link_target
from ansinh.reporting.models import ReportingCycle
from ansinh.reports.report_data import collect_report_data
from tests.reporting.factories import annual_cycle, approved, catalogue, make_plan, make_target, unit

pytestmark = pytest.mark.django_db
SUMS = ("SOCIAL_HOUSING", "JOBS_SUPPORTED", "NEW_JOBS", "TEMP_HOUSES")


@dataclass
class Growing:
    plan: Any
    hcm: Any
    wards: list[Any]
    indicators: dict[str, Any]
    codes: list[str] = field(default_factory=list)
    cycles: list[ReportingCycle] = field(default_factory=list)

    def add_target(self) -> None:
        code = SUMS[len(self.codes)]
        target = make_target(self.plan, f"Chỉ tiêu {code}", 100, 2030, unit="", comparator=">=")
        do_link_target(None, target, self.indicators[code])
        self.codes.append(code)

    def add_cycle(self) -> None:
        self.cycles.append(annual_cycle(self.plan, 2025 + len(self.cycles)))

    def add_ward(self) -> None:
        n = len(self.wards)
        self.wards.append(unit(f"2690{n}", f"Phường Mới {n}", "commune", self.hcm))

    def report(self, ward: Any, cycle: ReportingCycle) -> None:
        approved(cycle, ward, [{"indicator": code, "value": 10 + i} for i, code in enumerate(self.codes)])

    def grow(self) -> None:
        """Three more wards, three more targets, two more cycles; every ward reports every cycle."""
        for _ in range(3):
            self.add_ward()
            self.add_target()
        for _ in range(2):
            self.add_cycle()
        from ansinh.reporting.models import Submission

        for cycle in self.cycles:
            for ward in self.wards[1:]:
                if not Submission.objects.filter(cycle=cycle, unit=ward).exists():
                    self.report(ward, cycle)


@pytest.fixture
def city(hcm: Any, ward_a: Any, ward_b: Any) -> Growing:
    ward_a.valid_from = ward_b.valid_from = dt.date(2020, 1, 1)
    ward_a.save()
    ward_b.save()
    world = Growing(make_plan(), hcm, [ward_a, ward_b], catalogue())
    world.add_target()
    world.add_cycle()
    world.report(ward_b, world.cycles[0])
    return world


def count(run: Callable[[], Any]) -> int:
    run()  # warm: session, user, content types
    with CaptureQueriesContext(connection) as queries:
        run()
    return len(queries)


def _same_before_and_after_growing(city: Growing, run: Callable[[], Any]) -> tuple[int, int]:
    before = count(run)
    city.grow()
    return before, count(run)


def test_the_progress_page_costs_the_same_for_a_bigger_city(city: Growing, client: Client, hcm_standing: Any) -> None:
    client.force_login(hcm_standing)
    url = f"/bao-cao-dinh-ky/tien-do/{city.plan.pk}/?don_vi=79"
    before, after = _same_before_and_after_growing(city, lambda: client.get(url))
    assert after == before


def test_the_progress_api_costs_the_same_for_a_bigger_city(city: Growing, client: Client, hcm_standing: Any) -> None:
    client.force_login(hcm_standing)
    url = f"/api/progress/plans/{city.plan.pk}?unit_code=79"
    before, after = _same_before_and_after_growing(city, lambda: client.get(url))
    assert after == before


def test_the_city_dashboard_costs_the_same_for_a_bigger_city(city: Growing, client: Client, hcm_standing: Any) -> None:
    client.force_login(hcm_standing)
    url = f"/bao-cao/bang-dieu-khien/{city.plan.pk}/?unit=79"
    from ansinh.reports.dashboard_cache import clear  # measure the build, not the stored body

    before, after = _same_before_and_after_growing(city, lambda: (clear(), client.get(url)))
    assert after == before


@pytest.mark.parametrize("level", ["", "commune"])
def test_the_country_dashboard_costs_the_same_for_more_provinces(
    city: Growing, client: Client, hcm_admin: Any, vn: Any, level: str
) -> None:
    """The provinces' expected communes are counted by the database, grouped by path, whatever their number."""
    from ansinh.reports.dashboard_cache import clear  # measure the build, not the stored body

    client.force_login(hcm_admin)
    url = f"/bao-cao/bang-dieu-khien/{city.plan.pk}/?unit=VN&level={level}"

    def more_provinces() -> None:
        for n in range(6):
            province = unit(f"9{n}", f"Tỉnh {n}", "province", vn)
            ward = unit(f"9{n}001", f"Phường {n}", "commune", province)
            city.report(ward, city.cycles[0])

    before = count(lambda: (clear(), client.get(url)))
    more_provinces()
    after = count(lambda: (clear(), client.get(url)))
    assert client.get(url).status_code == 200 and after == before


def test_the_cycle_page_costs_the_same_for_more_reports(city: Growing, client: Client, hcm_standing: Any) -> None:
    client.force_login(hcm_standing)
    cycle = city.cycles[0]
    before, after = _same_before_and_after_growing(city, lambda: client.get(f"/bao-cao-dinh-ky/ky/{cycle.pk}/"))
    assert after == before


def test_the_report_data_costs_the_same_for_a_bigger_city(city: Growing) -> None:
    before, after = _same_before_and_after_growing(city, lambda: collect_report_data(city.plan, 2025, city.hcm))
    assert after == before


def test_an_approval_costs_the_same_whatever_was_approved_before(city: Growing) -> None:
    from ansinh.reporting.actions import do_approve, do_open_submission, do_save_values, do_submit

    def approval(ward: Any) -> int:
        sub = do_open_submission(None, city.cycles[0], ward)
        do_save_values(None, sub, [{"indicator": code, "value": 5} for code in city.codes])
        do_submit(None, sub)
        with CaptureQueriesContext(connection) as queries:
            do_approve(None, sub)
        return len(queries)

    first = approval(city.wards[0])
    city.grow()
    city.add_ward()
    assert approval(city.wards[-1]) == first


def test_an_approval_deeper_in_the_tree_costs_the_same(city: Growing, vn: Any) -> None:
    """Ancestors are read by path in one query, not one query per level."""
    from ansinh.reporting.actions import do_approve, do_open_submission, do_save_values, do_submit

    province = unit("80", "Tỉnh Thử", "province", vn)
    district = unit("800", "Huyện Thử", "district", province)
    deep = unit("80001", "Xã Thử", "commune", district)
    neighbour = unit("80002", "Xã Bên Cạnh", "commune", district)

    def approval(where: Any) -> int:
        sub = do_open_submission(None, city.cycles[0], where)
        do_save_values(None, sub, [{"indicator": code, "value": 5} for code in city.codes])
        do_submit(None, sub)
        with CaptureQueriesContext(connection) as queries:
            do_approve(None, sub)
        return len(queries)

    approval(neighbour)  # the district's and province's aggregate rows exist, as the city's do
    assert approval(deep) == approval(city.wards[0])


def test_a_plan_wide_report_speaks_for_the_plans_own_city_not_hanoi(city: Growing, hanoi: Any, hanoi_ward: Any) -> None:
    from ansinh.reports.report_data import report_root_unit

    # Hà Nội's figures exist too (one stray report); its code sorts first. Two HCMC wards reported.
    approved(city.cycles[0], hanoi_ward, [{"indicator": city.codes[0], "value": 3}])
    approved(city.cycles[0], city.wards[0], [{"indicator": city.codes[0], "value": 3}])
    assert report_root_unit(city.plan, 2025).code == "79"  # no area: the city whose wards reported
    city.plan.area = hanoi
    city.plan.save()
    assert report_root_unit(city.plan, 2025).code == "01"  # the plan's area decides when it has one


def test_the_countrys_annex_has_one_table_per_province_not_per_commune(city: Growing, vn: Any) -> None:
    city.grow()
    data = collect_report_data(city.plan, 2025, vn)
    assert [table.unit for table in data.annex] == ["Việt Nam", "Thành phố Hồ Chí Minh"]
    wards = collect_report_data(city.plan, 2025, city.hcm).annex[1:]
    assert len(wards) == 4 and all(t.unit.startswith("Phường") for t in wards)
