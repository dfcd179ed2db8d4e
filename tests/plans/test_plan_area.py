"""A plan's area: suggested from its issuer, title or date line; set by hand; bounding who reports to it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine

from ansinh.core.models import AuditEvent
from ansinh.plans.actions import do_set_plan_area
from ansinh.plans.area import place_of, suggest_area
from ansinh.plans.models import Plan
from ansinh.reporting.actions import ReportingError, do_open_submission
from ansinh.reporting.progress import due_soon
from tests.commands import run_command
from tests.reporting.factories import annual_cycle, make_plan

pytestmark = pytest.mark.django_db


def test_the_area_is_the_one_unit_named_in_full_in_the_issuer_or_title(hcm: Any, hanoi: Any, ward_a: Any) -> None:
    assert suggest_area("Ủy ban nhân dân Thành phố", "Thực hiện … trên địa bàn Thành phố Hồ Chí Minh") == hcm
    assert suggest_area("UBND Thành phố Hà Nội", "Kế hoạch thực hiện chính sách xã hội") == hanoi
    assert suggest_area("UBND phường Sài Gòn", "") == ward_a
    assert suggest_area("UY BAN NHAN DAN THANH PHO HA NOI", "") == hanoi  # a text without any diacritics


@pytest.mark.parametrize(
    "texts",
    [
        ("UBND phường", "Kế hoạch thực hiện chính sách xã hội"),  # names no place
        ("Ban Chấp hành Đảng bộ thành phố Rạch Giá", ""),  # a unit abolished in 2025: not today's units
        ("UBND Thành phố Hà Nội", "trên địa bàn Thành phố Hồ Chí Minh"),  # two places: no guess
        ("", "chính sách xã hội, phương án hỗ trợ, tình hình"),  # "xã hội" is not a commune, "phương" not "phường"
    ],
)
def test_anything_uncertain_suggests_no_area(hcm: Any, hanoi: Any, ward_a: Any, texts: tuple[str, str]) -> None:
    assert suggest_area(*texts) is None


def test_the_date_line_names_a_province_when_nothing_else_does(hanoi: Any) -> None:
    header = "Số: 207/KH-UBND\n\nHà Nội, ngày 08 tháng 9 năm 2021\n\nKẾ HOẠCH\n"
    assert place_of(header) == "Hà Nội"
    assert suggest_area("UBND Thành phố", "Thực hiện Chương trình số 08-CTr/TU", place=place_of(header)) == hanoi
    assert place_of("về thực hiện Nghị quyết số 42-NQ/TW, ngày 24/11/2023") == ""


def test_setting_the_area_by_hand_is_audited_and_works_on_an_active_plan(hcm: Any) -> None:
    plan = make_plan()
    do_set_plan_area(plan, hcm, None)
    plan.refresh_from_db()
    assert plan.area == hcm and plan.status == Plan.Status.ACTIVE
    event = AuditEvent.objects.get(action="plan.set_area")
    assert (event.before, event.after) == ({"area": None}, {"area": "79"})


def test_the_area_command_sets_clears_and_refuses_unknown_codes(hcm: Any) -> None:
    plan = make_plan()
    assert run_command("plan", "area", str(plan.pk), "79")[1].strip().endswith("Thành phố Hồ Chí Minh (79).")
    code, _, err = run_command("plan", "area", str(plan.pk), "99999")
    assert code == 1 and "Không có đơn vị hành chính đang có hiệu lực mã «99999»" in err
    plan.refresh_from_db()
    assert plan.area == hcm  # a refusal changes nothing
    code, _, err = run_command("plan", "area", str(plan.pk), "-")
    assert code == 1 and "phải có địa bàn áp dụng" in err  # an active plan never silently applies everywhere
    plan.refresh_from_db()
    assert plan.area == hcm
    plan.status = Plan.Status.DRAFT
    plan.save()
    run_command("plan", "area", str(plan.pk), "-")
    plan.refresh_from_db()
    assert plan.area is None
    assert run_command("plan", "area", "424242", "79")[0] == 1


def test_the_area_command_accepts_nationwide(vn: Any) -> None:
    plan = make_plan()
    assert run_command("plan", "area", str(plan.pk), "toan-quoc")[1].strip().endswith("toàn quốc.")
    plan.refresh_from_db()
    assert plan.area == vn


def test_a_unit_outside_the_plans_area_cannot_open_a_report_for_it(hcm: Any, ward_a: Any, hanoi_ward: Any) -> None:
    plan = make_plan()
    do_set_plan_area(plan, hcm, None)
    cycle = annual_cycle(plan, 2025)
    with pytest.raises(ReportingError, match="Phường Hoàn Kiếm không thuộc địa bàn đó"):
        do_open_submission(None, cycle, hanoi_ward)
    assert do_open_submission(None, cycle, ward_a).unit == ward_a


@time_machine.travel(dt.datetime(2025, 10, 27, 9, 0, tzinfo=dt.UTC), tick=False)
def test_a_commune_owes_reports_only_to_plans_of_its_area(
    hcm: Any, hanoi: Any, ward_a: Any, officer_a: Any
) -> None:
    ours, theirs = make_plan(), make_plan()
    do_set_plan_area(ours, hcm, None)
    do_set_plan_area(theirs, hanoi, None)
    for plan in (ours, theirs):
        annual_cycle(plan, 2024)
        annual_cycle(plan, 2025)
    owed = due_soon(officer_a, dt.date(2025, 10, 27))
    # only our plan, and only 2025: ward_a was created on 1/7/2025, so it never owed the 2024 report
    assert [(i.cycle.plan_id, i.cycle.year) for i in owed] == [(ours.pk, 2025)]


def test_the_dashboard_opens_on_the_plans_area_when_the_user_may_read_it(
    hcm: Any, hanoi: Any, ward_a: Any, hcm_standing: Any, officer_a: Any
) -> None:
    from ansinh.accounts.access import readable_units
    from ansinh.reporting.access import default_unit

    plan = make_plan()
    do_set_plan_area(plan, hcm, None)
    plan.refresh_from_db()
    assert default_unit(plan, readable_units(hcm_standing)) == hcm
    assert default_unit(plan, readable_units(officer_a)) == ward_a  # the city is not theirs to read
