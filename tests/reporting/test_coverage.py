"""Honest aggregates: every rolled-up figure carries its coverage; a partial one is never "Đã đạt".

The story of issue 9: one ward of a city reported 91,5 % health-insurance coverage and the
city showed "Đã đạt". Here the city has ten wards, one reports, and every channel — the
progress page and API, the dashboard, the DOCX report and the XLSX annex — says "1/10 đơn vị
đã báo cáo" and "Số liệu chưa đầy đủ" instead.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from ansinh.reporting.actions import do_link_target
from ansinh.reporting.coverage import PARTIAL_LABEL, Coverage, honest_status
from ansinh.reporting.models import ReportingCycle
from ansinh.reporting.progress import TargetStatus, target_progress
from ansinh.reports.report_data import collect_report_data
from ansinh.reports.xlsx_annex import build_xlsx
from tests.reporting.factories import annual_cycle, approved, catalogue, make_plan, make_target, unit


@dataclass
class City:
    plan: Any
    target: Any
    cycle: ReportingCycle
    hcm: Any


@pytest.fixture
def city(hcm: Any, ward_a: Any, ward_b: Any) -> City:
    """Ten wards in HCMC; only Phường Sài Gòn reports (915 of 1.000 people insured)."""
    for n in range(8):
        unit(f"2680{n}", f"Phường Thử {n + 1}", "commune", hcm)
    indicators = catalogue()
    plan = make_plan()
    target = make_target(plan, "Tỷ lệ dân số tham gia bảo hiểm y tế", 90, 2025, comparator=">=")
    do_link_target(None, target, indicators["HI_COVERAGE"])
    cycle = annual_cycle(plan, 2025)
    approved(cycle, ward_a, [{"indicator": "HI_COVERAGE", "numerator": 915, "denominator": 1000, "comment": "Giải trình"}])
    return City(plan, target, cycle, hcm)


# --- the rule ---------------------------------------------------------------------------------


@given(st.integers(0, 5000), st.integers(0, 5000), st.integers(0, 100))
def test_a_figure_is_partial_exactly_when_its_share_is_below_the_setting(reporting: int, expected: int, percent: int) -> None:
    from django.test import override_settings

    with override_settings(COVERAGE_MIN_PERCENT=percent):
        coverage = Coverage(reporting, expected)
        share = min(reporting, expected) / expected * 100 if expected else None
        assert coverage.partial == (share is not None and share < percent)
        for status in TargetStatus:
            shown = honest_status(status, coverage)
            if coverage.partial:
                assert shown in (TargetStatus.PARTIAL, TargetStatus.NO_DATA)
            else:
                assert shown == status


def test_the_default_threshold_is_eighty_per_cent_and_the_label_is_vietnamese() -> None:
    assert Coverage(134, 168).partial and not Coverage(135, 168).partial
    assert Coverage(12, 168).label == "12/168 đơn vị đã báo cáo"
    assert Coverage(12, 168).note == f"{PARTIAL_LABEL} (12/168 đơn vị đã báo cáo)"
    assert Coverage(1_200, 3_321).label == "1.200/3.321 đơn vị đã báo cáo"
    assert not Coverage(1, 1, own=True).partial


def test_the_threshold_is_a_declared_and_documented_setting() -> None:
    from pathlib import Path

    from ansinh.conf import SETTINGS

    assert any(s.name == "ANSINH_COVERAGE_MIN_PERCENT" and s.default == "80" for s in SETTINGS)
    docs = Path(__file__).resolve().parents[2] / "docs" / "configuration.md"
    assert "`ANSINH_COVERAGE_MIN_PERCENT`" in docs.read_text(encoding="utf-8")


# --- every channel ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_one_wards_report_does_not_make_the_city_achieve_its_target(city: City) -> None:
    result = target_progress(city.target, city.hcm)
    assert result.actual == pytest.approx(91.5) and result.source == "rollup"
    assert result.status == TargetStatus.PARTIAL and result.status_label == "Số liệu chưa đầy đủ"
    assert result.coverage_label == "1/10 đơn vị đã báo cáo"


@pytest.mark.django_db
def test_a_lower_threshold_lets_the_same_figure_be_assessed(city: City, settings: Any) -> None:
    settings.COVERAGE_MIN_PERCENT = 10
    result = target_progress(city.target, city.hcm)
    assert result.status == TargetStatus.ACHIEVED and result.coverage_label == "1/10 đơn vị đã báo cáo"


@pytest.mark.django_db
def test_a_wards_own_figure_is_complete(city: City, ward_a: Any) -> None:
    result = target_progress(city.target, ward_a)
    assert result.status == TargetStatus.ACHIEVED and result.coverage is not None and not result.coverage.partial


@pytest.mark.django_db
def test_the_progress_page_and_api_show_the_coverage_and_no_status(city: City, client: Client, hcm_standing: Any) -> None:
    client.force_login(hcm_standing)
    html = client.get(f"/bao-cao-dinh-ky/tien-do/{city.plan.pk}/?don_vi=79").content.decode()
    assert "1/10 đơn vị đã báo cáo" in html and "Số liệu chưa đầy đủ" in html and "Đã đạt" not in html
    data = client.get(f"/api/progress/plans/{city.plan.pk}?unit_code=79").json()
    [row] = data["targets"]
    assert row["status"] == "partial" and row["status_label"] == "Số liệu chưa đầy đủ"
    assert row["coverage"] == {
        "reporting_units": 1, "expected_units": 10, "share": 10.0, "own_figure": False, "partial": True,
        "label": "1/10 đơn vị đã báo cáo",
    }


@pytest.mark.django_db
def test_the_dashboard_card_carries_the_coverage_and_counts_no_achieved_target(
    city: City, client: Client, hcm_standing: Any
) -> None:
    client.force_login(hcm_standing)
    html = client.get(f"/bao-cao/bang-dieu-khien/{city.plan.pk}/?unit=79&nam=2025").content.decode()
    assert "1/10 đơn vị đã báo cáo" in html, re.sub(r"<svg.*?</svg>", "", "".join(re.findall(r"status-summary.*?</ul>", html, re.S)))
    assert re.search(r"<strong>0</strong> Đã đạt", html) and re.search(r"<strong>1</strong> Số liệu chưa đầy đủ", html), re.sub(r"<svg.*?</svg>", "", "".join(re.findall(r"status-summary.*?</ul>", html, re.S)))
    assert "status-border-partial" in html and "status-border-achieved" not in html


@pytest.mark.django_db
def test_the_docx_and_xlsx_report_say_the_figure_is_partial(city: City) -> None:
    data = collect_report_data(city.plan, 2025, unit=city.hcm, today=dt.date(2025, 12, 20))
    [row] = data.targets
    assert row.status == "Số liệu chưa đầy đủ" and row.actual == "91,5 (1/10 đơn vị đã báo cáo)"
    assert any("chưa đánh giá" in p for p in data.general)
    out = io.BytesIO()
    build_xlsx(data, out)
    sheet = load_workbook(io.BytesIO(out.getvalue()))["Tổng hợp"]
    cells = [c.value for c in sheet[5]]
    assert cells[6] == "Số liệu chưa đầy đủ" and cells[7] == "1/10 đơn vị đã báo cáo"




@pytest.mark.django_db
def test_expected_communes_are_the_same_counted_in_the_database_read_by_path_or_walked(
    vn: Any, hcm: Any, ward_a: Any, ward_b: Any
) -> None:
    from ansinh.geo.models import AdministrativeUnit
    from ansinh.reporting.coverage import ExpectedUnits
    from ansinh.reporting.progress import expected_on

    gone = unit("11111", "Phường đã giải thể", "commune", hcm, dt.date(2000, 1, 1), dt.date(2025, 7, 1))
    unit("11111", "Phường đã giải thể", "commune", hcm, dt.date(2026, 3, 1))  # the same path again, later
    other = unit("01", "Tỉnh khác", "province", vn)
    unit("01001", "Phường tỉnh khác", "commune", other)
    plan = make_plan()
    cycles = [annual_cycle(plan, 2024), annual_cycle(plan, 2025), annual_cycle(plan, 2026)]
    more = [unit(f"0{n}", f"Tỉnh {n}", "province", vn) for n in (2, 3, 4)]
    everyone = [vn, hcm, other, *more, ward_a, ward_b, gone]  # six above communes, two path lengths: grouped
    district = unit("760", "Quận cũ", "district", hcm, dt.date(2000, 1, 1), dt.date(2025, 7, 1))
    unit("26800", "Phường của quận cũ", "commune", district, dt.date(2000, 1, 1), dt.date(2025, 7, 1))
    long_code = unit("100", "Tỉnh mã dài", "province", vn)
    unit("10001", "Xã của tỉnh mã dài", "commune", long_code)
    communes = list(AdministrativeUnit.objects.filter(level="commune"))
    lengths = [*everyone, district, long_code]  # four path lengths above communes: walked in Python
    for units in ([vn], [hcm, ward_a], [vn, hcm, other, gone], everyone, [ward_b, gone], lengths, [district, other, *more]):
        seen = ExpectedUnits(units, cycles)
        for u in units:
            for c in cycles:
                walked = sum(
                    1 for x in communes if x.path.startswith(u.path) and expected_on(x.valid_from, x.valid_to, c.period_end)
                )
                assert seen.expected(u, c) == walked, (u.code, c.year)
