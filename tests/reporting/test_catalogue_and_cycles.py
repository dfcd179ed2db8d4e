"""Indicator catalogue, target suggestions, cycle windows and per-level due dates."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.core.exceptions import PermissionDenied

from ansinh.core.models import AuditEvent
from ansinh.reporting.actions import do_link_target
from ansinh.reporting.catalogue import load_catalogue, suggest_for, suggest_indicator
from ansinh.reporting.cycles import (
    add_working_days,
    annual_window,
    dated_holidays,
    day_on_or_after,
    generate_cycles,
    level_due_dates,
    monthly_window,
    quarterly_window,
    semiannual_window,
)
from ansinh.reporting.models import CycleDeadline, Indicator, ReportingCycle
from tests.reporting.factories import catalogue, make_plan, make_target

pytestmark = pytest.mark.django_db


def test_loading_the_catalogue_twice_changes_nothing_the_second_time() -> None:
    assert load_catalogue() > 30
    assert load_catalogue() == 0
    poor = Indicator.objects.get(code="POOR_RATE")
    assert (poor.direction, poor.aggregation, poor.scale) == ("lower", "ratio", 100)


def test_it_suggests_the_poor_household_rate_for_a_city_poverty_target() -> None:
    catalogue()
    plan = make_plan()
    target = make_target(plan, "Tỷ lệ hộ nghèo theo chuẩn nghèo Thành phố", 0.5, 2025, comparator="<")
    suggestions = suggest_indicator(target)
    assert suggestions[0][0].code == "POOR_RATE"
    assert suggestions[0][1] > 0.8


def test_suggestions_ignore_missing_diacritics_and_prefer_matching_units() -> None:
    indicators = list(Indicator.objects.all()) if Indicator.objects.exists() else list(catalogue().values())
    best = suggest_for("ty le dan so tham gia bao hiem y te", "%", indicators)
    assert best[0][0].code == "HI_COVERAGE"
    counts = suggest_for("Số lượt người được giải quyết việc làm", "lượt người", indicators)
    assert counts[0][0].code == "JOBS_SUPPORTED"
    assert suggest_for("Một điều hoàn toàn khác", "", indicators) == []


def test_confirming_a_link_records_who_confirmed_it_and_audits(hcm_standing: Any, hcm: Any) -> None:
    indicators = catalogue()
    plan = make_plan()
    plan.area = hcm  # the standing officer of the city links the city's plans
    plan.save(update_fields=["area"])
    target = make_target(plan, "Tỷ lệ dân số tham gia bảo hiểm y tế", 95)
    link = do_link_target(hcm_standing, target, indicators["HI_COVERAGE"], confirmed=True, score=0.9)
    assert link.confirmed and link.confirmed_by == hcm_standing and link.confirmed_at is not None
    relinked = do_link_target(hcm_standing, target, indicators["SI_PARTICIPATION"], confirmed=False)
    assert relinked.pk == link.pk and not relinked.confirmed
    event = AuditEvent.objects.filter(action="reporting.link_target").first()
    assert event is not None and event.before == {"indicator": "HI_COVERAGE", "confirmed": True}


def test_a_commune_officer_cannot_link_plan_targets(officer_a: Any) -> None:
    indicators = catalogue()
    target = make_target(make_plan(), "Tỷ lệ hộ nghèo", 1)
    with pytest.raises(PermissionDenied):
        do_link_target(officer_a, target, indicators["POOR_RATE"])


def test_the_annual_window_runs_from_15_december_to_14_december() -> None:
    window = annual_window(2025)
    assert (window.start, window.end) == (dt.date(2024, 12, 15), dt.date(2025, 12, 14))
    half = semiannual_window(2025)
    assert (half.start, half.end) == (dt.date(2024, 12, 15), dt.date(2025, 6, 14))


def test_quarters_and_months_run_from_the_15th_before_to_the_14th() -> None:
    first = quarterly_window(2026, 1)
    assert (first.start, first.end, first.label) == (dt.date(2025, 12, 15), dt.date(2026, 3, 14), "Báo cáo quý I năm 2026")
    fourth = quarterly_window(2026, 4)
    assert (fourth.start, fourth.end) == (dt.date(2026, 9, 15), dt.date(2026, 12, 14))
    january, july = monthly_window(2026, 1), monthly_window(2026, 7)
    assert (january.start, january.end) == (dt.date(2025, 12, 15), dt.date(2026, 1, 14))
    assert (july.start, july.end, july.label) == (dt.date(2026, 6, 15), dt.date(2026, 7, 14), "Báo cáo tháng 7 năm 2026")


def test_a_monthly_deadline_day_falls_on_or_after_the_end_of_the_window() -> None:
    assert day_on_or_after(dt.date(2026, 7, 14), 20) == dt.date(2026, 7, 20)
    assert day_on_or_after(dt.date(2026, 7, 14), 5) == dt.date(2026, 8, 5)  # "trước ngày 5 hằng tháng": the next month
    assert day_on_or_after(dt.date(2026, 1, 14), 31) == dt.date(2026, 1, 31)
    assert day_on_or_after(dt.date(2026, 2, 14), 30) == dt.date(2026, 2, 28)  # a short month ends earlier
    dues = level_due_dates("province", monthly_window(2026, 7), (20, 1))
    assert dues[CycleDeadline.Level.PROVINCE] == dt.date(2026, 7, 20)
    assert dues[CycleDeadline.Level.COMMUNE] < dues[CycleDeadline.Level.PROVINCE] < dues[CycleDeadline.Level.STANDING]


@pytest.mark.parametrize("month", range(1, 13))
@pytest.mark.parametrize("day", [14, 15, 20, 25])
def test_no_level_of_a_monthly_report_is_due_before_the_months_figures_close(month: int, day: int) -> None:
    window = monthly_window(2026, month)
    dues = level_due_dates("province", window, (day, 1))
    assert all(due > window.end for due in dues.values())
    assert dues[CycleDeadline.Level.COMMUNE] <= dues[CycleDeadline.Level.PROVINCE] < dues[CycleDeadline.Level.STANDING]


@time_machine.travel(dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC), tick=False)
def test_quarterly_and_monthly_duties_make_their_cycles_once() -> None:
    plan = make_plan()
    plan.reporting_duties.create(text="Báo cáo hằng quý trước ngày 20 tháng cuối quý", frequency="quarterly", deadline_day=20)
    plan.reporting_duties.create(text="Báo cáo hằng tháng", frequency="monthly")
    first = generate_cycles(plan, [2026])
    assert generate_cycles(plan, [2026]) == first
    assert sum(c.kind == "quarterly" for c in first) == 4 and sum(c.kind == "monthly" for c in first) == 12
    third = ReportingCycle.objects.get(plan=plan, kind="quarterly", period_end=dt.date(2026, 9, 14))
    assert third.label == "Báo cáo quý III năm 2026"
    assert third.deadlines.get(level=CycleDeadline.Level.PROVINCE).due == dt.date(2026, 9, 20)
    march = ReportingCycle.objects.get(plan=plan, kind="monthly", period_end=dt.date(2026, 3, 14))
    assert march.deadlines.get(level=CycleDeadline.Level.STANDING).due == dt.date(2026, 3, 25)


def test_working_days_skip_the_lunar_new_year_holidays_listed_as_data() -> None:
    assert add_working_days(dt.date(2026, 2, 13), 1) == dt.date(2026, 2, 23)  # Tết Bính Ngọ: 14/2–22/2
    assert add_working_days(dt.date(2025, 2, 3), -1) == dt.date(2025, 1, 24)  # Tết Ất Tỵ: 25/1–2/2
    assert all(d.weekday() < 5 for d in dated_holidays())  # weekends are off anyway: only weekdays are listed


def test_working_days_skip_weekends_and_fixed_holidays() -> None:
    assert add_working_days(dt.date(2025, 11, 7), 1) == dt.date(2025, 11, 10)  # Friday → Monday
    assert add_working_days(dt.date(2025, 4, 29), 1) == dt.date(2025, 5, 2)  # 30/4 and 1/5 are holidays
    assert add_working_days(dt.date(2025, 11, 5), 0) == dt.date(2025, 11, 5)


def test_communes_are_due_before_the_province_before_the_standing_agency() -> None:
    dues = level_due_dates("province", annual_window(2025), (5, 11))
    assert dues[CycleDeadline.Level.PROVINCE] == dt.date(2025, 11, 5)
    assert dues[CycleDeadline.Level.COMMUNE] == dt.date(2025, 10, 29)  # 5 working days earlier
    assert dues[CycleDeadline.Level.STANDING] == dt.date(2025, 11, 12)
    commune_plan = level_due_dates("commune", annual_window(2025), (10, 11))
    assert set(commune_plan) == {CycleDeadline.Level.COMMUNE, CycleDeadline.Level.STANDING}


def test_without_a_stated_deadline_the_standing_agency_is_due_on_the_25th() -> None:
    dues = level_due_dates("province", semiannual_window(2025), None)
    assert dues[CycleDeadline.Level.STANDING] == dt.date(2025, 6, 25)
    assert (
        dues[CycleDeadline.Level.COMMUNE]
        < dues[CycleDeadline.Level.PROVINCE]
        < dues[CycleDeadline.Level.STANDING]
    )


@time_machine.travel(dt.datetime(2025, 3, 1, 9, 0, tzinfo=dt.UTC), tick=False)
def test_generating_cycles_is_idempotent_and_honours_reviews() -> None:
    plan = make_plan()
    plan.reporting_duties.create(text="Sơ kết năm 2025", frequency="once", year=2025)
    plan.reporting_duties.create(text="Tổng kết năm 2030", frequency="once", year=2030)
    plan.reporting_duties.create(text="Báo cáo 6 tháng", frequency="semiannual")
    first = generate_cycles(plan, [2024, 2025, 2030])
    again = generate_cycles(plan, [2024, 2025, 2030])
    assert [c.pk for c in first] == [c.pk for c in again]
    kinds = sorted((c.kind, c.year) for c in first)
    assert ("midterm", 2025) in kinds and ("final", 2030) in kinds and ("semiannual", 2024) in kinds
    final = ReportingCycle.objects.get(plan=plan, kind="final")
    assert final.period_start == dt.date(2020, 12, 15) and final.period_end == dt.date(2030, 12, 14)
    assert (
        CycleDeadline.objects.filter(cycle__plan=plan).count()
        == 3 * ReportingCycle.objects.filter(plan=plan).count()
    )


@pytest.mark.django_db
def test_a_review_due_before_the_year_ends_closes_its_figures_before_it_is_due() -> None:
    """A 100-day plan of 2026 asks "báo cáo … trước ngày 30/10/2026": its figures close on 14 October, not on
    14 December after the report is due, and its one year reads "năm 2026", not "2026–2026"."""
    plan = make_plan(deadline=None)
    plan.period_start = plan.period_end = 2026
    plan.save(update_fields=["period_start", "period_end"])
    plan.reporting_duties.all().delete()
    plan.reporting_duties.create(text="Báo cáo kết quả trước ngày 30/10/2026", frequency="once", year=2026,
                                 deadline_day=30, deadline_month=10)
    plan.reporting_duties.create(text="Báo cáo sơ kết trước ngày 10/01", frequency="once", year=2026,
                                 deadline_day=10, deadline_month=1)  # due before any figure closes: left as it is
    cycles = {c.period_end: c for c in generate_cycles(plan, [2026])}
    review = cycles[dt.date(2026, 10, 14)]
    assert review.label == "Báo cáo tổng kết năm 2026" and review.period_start == dt.date(2025, 12, 15)
    assert all(d.due > review.period_end for d in review.deadlines.all())
    assert dt.date(2026, 12, 14) in cycles  # the January one keeps the year's window
