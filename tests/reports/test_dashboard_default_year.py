"""A dashboard opened without a year shows the latest year with figures, else the year under way, never an empty
future year (a 2021–2030 plan opened in July 2026 used to open on 2030)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from ansinh.reporting.cycles import generate_cycles
from ansinh.reports.dashboard_data import annual_cycles, default_year
from tests.reporting.factories import approved, catalogue, make_plan

pytestmark = pytest.mark.django_db
JULY_2026 = dt.date(2026, 7, 20)


@pytest.fixture
def plan(hcm: Any) -> Any:
    catalogue()
    plan = make_plan()
    plan.area = hcm
    plan.save()
    generate_cycles(plan, list(range(2021, 2031)))
    return plan


def test_without_figures_it_opens_on_the_year_under_way(plan: Any) -> None:
    assert default_year(plan, annual_cycles(plan, JULY_2026), JULY_2026) == 2026


def test_before_the_plan_starts_it_opens_on_its_first_year_and_after_it_ends_on_its_last(plan: Any) -> None:
    assert default_year(plan, annual_cycles(plan, dt.date(2019, 5, 1)), dt.date(2019, 5, 1)) == 2021
    assert default_year(plan, annual_cycles(plan, dt.date(2032, 5, 1)), dt.date(2032, 5, 1)) == 2030


def test_it_opens_on_the_latest_year_with_an_approved_figure(plan: Any, ward_a: Any) -> None:
    cycle = next(c for c in annual_cycles(plan, JULY_2026) if c.year == 2025)
    approved(cycle, ward_a, [{"indicator": "SOCIAL_HOUSING", "value": 12}])
    assert default_year(plan, annual_cycles(plan, JULY_2026), JULY_2026) == 2025


def test_the_dashboard_page_names_that_year(client: Client, plan: Any, admin_user: Any) -> None:
    import time_machine

    client.force_login(admin_user)
    with time_machine.travel(dt.datetime(2026, 7, 20, 3, tzinfo=dt.UTC), tick=False):
        page = client.get(f"/bao-cao/bang-dieu-khien/{plan.pk}/?unit=79").content.decode()
    assert "năm 2026" in page and "Lập báo cáo tổng hợp năm 2030" not in page


def test_the_dashboard_judges_a_first_years_figure_on_its_trend_from_the_baseline(
    hcm: Any, ward_a: Any, ward_b: Any, settings: Any
) -> None:
    from ansinh.reports import dashboard_data
    from tests.reporting.factories import first_year_after_baseline

    settings.COVERAGE_MIN_PERCENT = 50
    plan, _, cycle = first_year_after_baseline(hcm, ward_a)
    series = dashboard_data.series_for_units(plan, dashboard_data.linked_targets(plan), [cycle], [hcm, ward_a])
    assert dashboard_data.target_status(series[hcm.pk][0], 2025) == "on_track"  # 80 → 83: 98 by 2030; flat, off track
    assert dashboard_data.forecast(series[hcm.pk][0], 2030)[2030] == pytest.approx(98)
    assert dashboard_data.forecast(series[ward_a.pk][0], 2030) == {}  # a ward's one figure makes no trend of the city's
