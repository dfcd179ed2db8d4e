"""The simulated HCMC demo data: labelled, approved through the actions, idempotent."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from ansinh.geo.models import UnitCrosswalk
from ansinh.reporting.demo import simulate
from ansinh.reporting.models import (
    SIMULATED_LABEL,
    AggregateValue,
    IndicatorValue,
    Submission,
    TargetIndicatorLink,
)
from ansinh.reports.dashboard_data import task_progress_for
from tests.conftest import REFORM
from tests.reporting.factories import unit

BEFORE = dt.date(1976, 7, 2)

pytestmark = pytest.mark.django_db


@pytest.fixture
def old_city(vn: Any) -> Any:
    """Hồ Chí Minh City as it stood before the 2025 reform, with one ward that now lies in ``ward_a``."""
    city = unit("79", "Thành phố Hồ Chí Minh", "province", vn, valid_from=BEFORE, valid_to=REFORM)
    old_ward = unit("26737", "Phường Đa Kao", "commune", city, valid_from=BEFORE, valid_to=REFORM)
    return city, old_ward


def test_the_demo_fills_hcmc_with_labelled_simulated_reports_once(
    hcm: Any, ward_a: Any, ward_b: Any, old_city: Any
) -> None:
    city_2024, old_ward = old_city
    UnitCrosswalk.objects.create(predecessor=old_ward, successor=ward_a, weight=1.0, effective=REFORM)
    UnitCrosswalk.objects.create(predecessor=city_2024, successor=hcm, weight=1.0, effective=REFORM)
    lines: list[str] = []
    simulate(lines.append)
    assert SIMULATED_LABEL in lines[-1]
    submissions = Submission.objects.all()
    # 2024: the units then in force (the old city and its ward); 2025: today's two wards and the city
    assert sorted((s.cycle.year, s.unit_id) for s in submissions) == sorted(
        [(2024, city_2024.pk), (2024, old_ward.pk), (2025, hcm.pk), (2025, ward_a.pk), (2025, ward_b.pk)]
    )
    assert all(s.simulated and s.status == Submission.Status.APPROVED for s in submissions)
    assert not IndicatorValue.objects.exclude(comment=SIMULATED_LABEL).exists()
    assert TargetIndicatorLink.objects.filter(indicator__code="HI_COVERAGE").exists()
    # the old ward's 2024 figures reach today's city through the crosswalk
    assert AggregateValue.objects.filter(unit=hcm, indicator__code="HI_COVERAGE").count() == 2
    assert any("trước sắp xếp" in line for line in lines)
    # the old city's 2024 task report shows on today's city dashboard
    report_2024 = Submission.objects.get(unit=city_2024)
    assert task_progress_for(report_2024.cycle.plan, report_2024.cycle, hcm)
    before = (Submission.objects.count(), IndicatorValue.objects.count(), AggregateValue.objects.count())
    simulate(lines.append)
    assert (
        Submission.objects.count(),
        IndicatorValue.objects.count(),
        AggregateValue.objects.count(),
    ) == before
    assert "0 báo cáo mới" in lines[-1]


def test_without_units_in_force_for_a_year_the_demo_files_nothing_for_it(hcm: Any, ward_a: Any) -> None:
    lines: list[str] = []
    simulate(lines.append)
    assert {s.cycle.year for s in Submission.objects.all()} == {2025}
    assert any("Báo cáo năm 2024: 0 xã/phường" in line for line in lines)
