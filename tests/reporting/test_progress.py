"""Target statuses, forecasts, task statuses, completeness and reminders."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from ansinh.reporting.actions import do_link_target, do_open_submission, do_save_values, do_submit
from ansinh.reporting.models import Submission
from ansinh.reporting.progress import (
    Goal,
    TargetStatus,
    TaskStatus,
    completeness,
    due_soon,
    linear_forecast,
    meets,
    reminder_bucket,
    target_progress,
    target_status,
    task_deadline,
    task_status,
)
from tests.reporting.factories import (
    annual_cycle,
    approved,
    catalogue,
    first_year_after_baseline,
    make_plan,
    make_target,
    unit,
)

FINITE = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)


def test_statuses_follow_the_direction_of_the_indicator() -> None:
    final_higher = Goal("=", 95)
    assert target_status("higher", "percent", 96, None, final_higher) == TargetStatus.ACHIEVED
    assert target_status("higher", "percent", 93, Goal("=", 93), final_higher) == TargetStatus.ON_TRACK
    assert target_status("higher", "percent", 91.5, Goal("=", 93), final_higher) == TargetStatus.AT_RISK
    assert target_status("higher", "percent", 80, Goal("=", 93), final_higher) == TargetStatus.OFF_TRACK
    final_lower = Goal("<", 1)
    assert target_status("lower", "percent", 0.8, None, final_lower) == TargetStatus.ACHIEVED
    assert target_status("lower", "percent", 1.5, Goal("<=", 2), final_lower) == TargetStatus.ON_TRACK
    assert target_status("lower", "percent", 3.5, Goal("<=", 2), final_lower) == TargetStatus.AT_RISK
    assert target_status("lower", "percent", 9, Goal("<=", 2), final_lower) == TargetStatus.OFF_TRACK
    assert target_status("lower", "percent", None, Goal("<=", 2), final_lower) == TargetStatus.NO_DATA


@given(actual=FINITE, goal=FINITE)
def test_exceeding_a_goal_in_the_good_direction_never_worsens_the_status(actual: float, goal: float) -> None:
    order = [TargetStatus.OFF_TRACK, TargetStatus.AT_RISK, TargetStatus.ON_TRACK, TargetStatus.ACHIEVED]
    up = target_status("higher", "number", actual, Goal("=", goal), Goal("=", goal * 2 + 1))
    more = target_status("higher", "number", actual + 10, Goal("=", goal), Goal("=", goal * 2 + 1))
    assert order.index(more) >= order.index(up)
    down = target_status("lower", "number", actual, Goal("=", goal), Goal("=", goal / 2 - 1))
    less = target_status("lower", "number", actual - 10, Goal("=", goal), Goal("=", goal / 2 - 1))
    assert order.index(less) >= order.index(down)
    assert meets("=", "higher", actual, goal) == (actual >= goal)
    assert meets("=", "lower", actual, goal) == (actual <= goal)


@given(
    slope=st.floats(-100, 100),
    intercept=st.floats(-1e4, 1e4),
    years=st.sets(st.integers(2015, 2030), min_size=2),
)
def test_the_forecast_recovers_a_straight_line(slope: float, intercept: float, years: set[int]) -> None:
    points = [(y, intercept + slope * (y - 2020)) for y in sorted(years)]
    assert linear_forecast(points, 2035) == pytest.approx(intercept + slope * 15, abs=1e-6)


def test_a_single_point_forecast_is_flat_and_no_points_give_none() -> None:
    assert linear_forecast([(2024, 3.0)], 2030) == 3.0
    assert linear_forecast([], 2030) is None


def test_task_statuses_come_from_dates_only() -> None:
    deadline = dt.date(2025, 6, 30)
    assert task_status(deadline, dt.date(2025, 6, 30), dt.date(2025, 12, 1)) == TaskStatus.DONE_ON_TIME
    assert task_status(deadline, dt.date(2025, 7, 1), dt.date(2025, 12, 1)) == TaskStatus.DONE_LATE
    assert task_status(deadline, None, dt.date(2025, 6, 30)) == TaskStatus.IN_PROGRESS
    assert task_status(deadline, None, dt.date(2025, 7, 1)) == TaskStatus.OVERDUE
    assert task_status(None, None, dt.date(2030, 1, 1)) == TaskStatus.IN_PROGRESS


def test_task_deadlines_are_read_from_the_timeline() -> None:
    assert task_deadline("Năm 2025") == dt.date(2025, 12, 31)
    assert task_deadline("Quý IV/2024") == dt.date(2024, 12, 31)
    assert task_deadline("2024-2026") == dt.date(2026, 12, 31)
    assert task_deadline("Hằng năm") is None
    assert task_deadline("") is None


def test_reminders_fall_into_7_3_1_day_buckets_or_overdue() -> None:
    today = dt.date(2025, 11, 1)
    assert [reminder_bucket(today + dt.timedelta(days=d), today) for d in (-1, 0, 1, 2, 3, 5, 7, 8)] == [
        0,
        1,
        1,
        3,
        3,
        7,
        7,
        None,
    ]


@pytest.mark.django_db
def test_target_progress_uses_the_roll_up_and_the_milestone(hcm: Any, ward_a: Any, ward_b: Any, settings: Any) -> None:
    settings.COVERAGE_MIN_PERCENT = 50  # one ward of two is enough here
    indicators = catalogue()
    plan = make_plan()
    target = make_target(
        plan, "Tỷ lệ dân số tham gia bảo hiểm y tế", 95, 2030, milestones={2024: 90, 2025: 92}
    )
    do_link_target(None, target, indicators["HI_COVERAGE"])
    ward_a.valid_from = dt.date(2020, 1, 1)  # a ward whose boundaries the 2025 reform kept: it reported in 2024
    ward_a.save()
    for year, covered in ((2024, 890), (2025, 915)):
        cycle = annual_cycle(plan, year)
        approved(
            cycle,
            ward_a,
            [
                {
                    "indicator": "HI_COVERAGE",
                    "numerator": covered,
                    "denominator": 1000,
                    "comment": "Giải trình",
                }
            ],
        )
    result = target_progress(target, hcm)
    assert result.source == "rollup" and result.actual == pytest.approx(91.5)
    assert result.milestone == Goal("=", 92)
    assert result.status == TargetStatus.AT_RISK
    assert result.coverage_label == "1/2 đơn vị đã báo cáo"
    assert result.forecast == 100  # the straight line gives 104 %, a percentage stops at 100
    assert [y for y, _ in result.series] == [2024, 2025]


@pytest.mark.django_db
def test_a_target_without_an_indicator_has_no_data(hcm: Any) -> None:
    target = make_target(make_plan(), "Chỉ tiêu chưa gắn", 1)
    assert target_progress(target, hcm).status == TargetStatus.NO_DATA


@pytest.mark.django_db
def test_completeness_counts_only_units_in_force_and_timeliness_uses_the_due_date(
    hcm: Any, ward_a: Any, ward_b: Any
) -> None:
    catalogue()
    plan = make_plan()
    cycle = annual_cycle(plan, 2025)
    unit("11111", "Phường đã giải thể", "commune", hcm, dt.date(2000, 1, 1), dt.date(2025, 7, 1))
    unit("22222", "Phường mới 2026", "commune", hcm, dt.date(2026, 1, 1))
    with time_machine.travel(dt.datetime(2025, 10, 20, 3, tzinfo=dt.UTC), tick=False):
        approved(cycle, ward_a, [{"indicator": "SOCIAL_HOUSING", "value": 1}])
    with time_machine.travel(dt.datetime(2025, 11, 20, 3, tzinfo=dt.UTC), tick=False):
        late = do_open_submission(None, cycle, ward_b)
        do_save_values(None, late, [{"indicator": "SOCIAL_HOUSING", "value": 1}])
        do_submit(None, late)
    result = completeness(cycle, hcm)
    assert (result.expected, result.received, result.on_time) == (2, 2, 1)
    assert result.completeness == 100 and result.timeliness == 50


@pytest.mark.django_db
def test_completeness_counted_in_the_database_matches_the_listed_units_at_the_local_deadline(
    vn: Any, hcm: Any, ward_a: Any, ward_b: Any
) -> None:
    from ansinh.reporting.progress_data import completeness_many

    catalogue()
    plan = make_plan()
    cycles = [annual_cycle(plan, 2025), annual_cycle(plan, 2026)]  # communes due 29/10 of the year
    gone = unit("11111", "Phường đã giải thể", "commune", hcm, dt.date(2000, 1, 1), dt.date(2025, 7, 1))
    draft_ward = unit("33333", "Phường còn nháp", "commune", hcm)
    elsewhere = unit("01001", "Phường tỉnh khác", "commune", unit("01", "Tỉnh khác", "province", vn))
    sent_at = {  # 23:30 on the due day in Hà Nội time is on time, 00:30 the next day is late
        ward_a: dt.datetime(2025, 10, 29, 16, 30, tzinfo=dt.UTC),
        ward_b: dt.datetime(2025, 10, 29, 17, 30, tzinfo=dt.UTC),
        gone: dt.datetime(2025, 10, 1, 3, tzinfo=dt.UTC),
        elsewhere: dt.datetime(2025, 10, 1, 3, tzinfo=dt.UTC),
    }
    for where, at in sent_at.items():
        with time_machine.travel(at, tick=False):
            sub = do_open_submission(None, cycles[0], where)
            do_save_values(None, sub, [{"indicator": "SOCIAL_HOUSING", "value": 1}])
            do_submit(None, sub)
    do_open_submission(None, cycles[0], draft_ward)
    counted = completeness_many(cycles, hcm)
    listed = completeness_many(cycles, hcm, with_missing=True)
    for c in cycles:
        assert (counted[c.pk].expected, counted[c.pk].received, counted[c.pk].on_time) == (
            listed[c.pk].expected, listed[c.pk].received, listed[c.pk].on_time
        )
    assert (counted[cycles[0].pk].expected, counted[cycles[0].pk].received, counted[cycles[0].pk].on_time) == (3, 2, 1)
    assert [u.code for u in listed[cycles[0].pk].missing] == ["33333"]
    assert (counted[cycles[1].pk].expected, counted[cycles[1].pk].received) == (3, 0)


@pytest.mark.django_db
def test_due_soon_lists_what_a_commune_still_owes(officer_a: Any, ward_a: Any) -> None:
    catalogue()
    plan = make_plan()
    cycle = annual_cycle(plan, 2025)  # communes due 29/10/2025
    with time_machine.travel(dt.datetime(2025, 10, 27, 2, tzinfo=dt.UTC), tick=False):
        items = due_soon(officer_a, timezone.localdate())
        assert [(i.level, i.due, i.bucket) for i in items] == [("commune", dt.date(2025, 10, 29), 3)]
    with time_machine.travel(dt.datetime(2025, 11, 2, 2, tzinfo=dt.UTC), tick=False):
        [item] = due_soon(officer_a, timezone.localdate())
        assert item.overdue and item.bucket == 0
        approved(cycle, ward_a, [{"indicator": "SOCIAL_HOUSING", "value": 1}])
        assert Submission.objects.get(unit=ward_a).status == "approved"
        assert due_soon(officer_a, timezone.localdate()) == []


@pytest.mark.django_db
def test_a_units_own_figure_wins_over_its_agencys_on_every_database(hcm: Any) -> None:
    from ansinh.geo.models import Agency
    from ansinh.reporting.models import Indicator, IndicatorValue
    from ansinh.reporting.progress import actual_value

    indicators = catalogue()
    cycle = annual_cycle(make_plan(), 2025)
    agency = Agency.objects.create(code="79-SYT", name="Sở Y tế", unit=hcm, valid_from=dt.date(2025, 7, 1))
    indicator: Indicator = indicators["SOCIAL_HOUSING"]
    for who, value in ((agency, 7.0), (None, 12.0)):
        sub = Submission.objects.create(cycle=cycle, unit=hcm, agency=who, status=Submission.Status.APPROVED)
        IndicatorValue.objects.create(submission=sub, indicator=indicator, value=value)
    assert actual_value(cycle.pk, indicator.pk, hcm.pk) == (12.0, "own")


@pytest.mark.django_db
def test_a_citys_task_is_completed_when_every_wards_latest_report_says_so(
    hcm: Any, ward_a: Any, ward_b: Any
) -> None:
    from ansinh.plans.models import Task
    from ansinh.reporting.models import TaskProgress
    from ansinh.reporting.progress_report import _task_reports

    plan = make_plan()
    first, second = annual_cycle(plan, 2025), annual_cycle(plan, 2026)
    task = Task.objects.create(plan=plan, number="1", title="Rà soát hộ nghèo", timeline="Năm 2030")
    other = Task.objects.create(plan=plan, number="2", title="Hỗ trợ nhà ở", timeline="Năm 2030")

    def report(cycle: Any, where: Any, task: Any, status: str, done: dt.date | None = None, due: dt.date | None = None) -> None:
        sub, _ = Submission.objects.get_or_create(cycle=cycle, unit=where, defaults={"status": Submission.Status.APPROVED})
        TaskProgress.objects.create(submission=sub, task=task, status=status, completed_on=done, deadline=due)

    report(first, ward_a, task, "completed", dt.date(2025, 9, 1), dt.date(2026, 12, 31))
    report(second, ward_a, task, "in_progress", due=dt.date(2027, 6, 30))  # the later report wins
    report(first, ward_b, task, "completed", dt.date(2025, 10, 1))
    report(first, ward_b, other, "completed", dt.date(2025, 11, 5))
    Submission.objects.create(cycle=second, unit=ward_b, status=Submission.Status.DRAFT)  # a draft says nothing
    assert _task_reports(plan, hcm) == {
        task.pk: (dt.date(2027, 6, 30), None, "1/2 đơn vị báo cáo đã hoàn thành"),
        other.pk: (None, dt.date(2025, 11, 5), "1/1 đơn vị báo cáo đã hoàn thành"),
    }
    TaskProgress.objects.filter(submission__cycle=second, submission__unit=ward_a).update(
        status="completed", completed_on=dt.date(2026, 8, 1)
    )
    assert _task_reports(plan, hcm)[task.pk] == (dt.date(2027, 6, 30), dt.date(2026, 8, 1), "2/2 đơn vị báo cáo đã hoàn thành")
    report(second, hcm, task, "in_progress")  # the city's own report wins
    assert _task_reports(plan, hcm)[task.pk] == (None, None, "Đang thực hiện")


@pytest.mark.django_db
def test_a_first_years_figure_is_judged_on_its_trend_from_the_baseline(hcm: Any, ward_a: Any, ward_b: Any, settings: Any) -> None:
    settings.COVERAGE_MIN_PERCENT = 50
    _, target, _ = first_year_after_baseline(hcm, ward_a)
    result = target_progress(target, hcm)
    assert result.actual == pytest.approx(83) and result.forecast == pytest.approx(98)  # 80 → 83, 3 a year: 98 by 2030
    assert result.status == TargetStatus.ON_TRACK  # flat at 83 it read "Chậm tiến độ"
    assert target_progress(target, ward_a).forecast == pytest.approx(83)  # the baseline is the city's, not the ward's
