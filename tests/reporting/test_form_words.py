"""Words and numbers for officials on the submission form and the progress page.

Names, never catalogue codes; numbers the one Vietnamese way (28.400; 3,5); per indicator the
figure, last year's figure, this year's milestone, status and explanation; tasks folded away; and,
when the report is due before the data cut-off, a plain note that the figures are estimates.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.template import Context, Template
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from ansinh.lib.vnnumbers import parse_vn
from ansinh.reporting.entry import due_date, estimate_note
from ansinh.reporting.models import ReportingCycle
from tests.api.fixtures import World, make_world
from tests.reporting.factories import annual_cycle, approved
from tests.reporting.test_web_cast import ROOT

CODES = ("POOR_RATE", "SOCIAL_HOUSING")


@pytest.fixture
def world(hcm: Any, ward_a: Any, ward_b: Any, hanoi: Any) -> World:
    return make_world()


@pytest.fixture
def officer(client: Client, officer_a: Any) -> Client:
    client.force_login(officer_a)
    return client


def page(client: Client, world: World) -> str:
    return client.get(f"{ROOT}/{world.sub_a.pk}/").content.decode()


@pytest.mark.django_db
def test_the_form_names_indicators_and_never_shows_their_codes(officer: Client, world: World) -> None:
    html = page(officer, world)
    assert "Tỷ lệ hộ nghèo" in html and "Số căn nhà ở xã hội hoàn thành" in html
    assert not any(code in html for code in CODES)
    assert 'Tử số<span class="visually-hidden"> — Tỷ lệ hộ nghèo</span>' in html  # labels name the indicator


@pytest.mark.django_db
def test_each_indicator_shows_last_years_figure_and_this_years_milestone(officer: Client, world: World, ward_a: Any) -> None:
    from ansinh.reporting.actions import do_open_submission

    html = page(officer, world)
    assert "Mốc năm 2025" in html and "từ 40 trở lên" in html
    world.sub_a.delete()
    approved(world.cycle, ward_a, [{"indicator": "SOCIAL_HOUSING", "value": 300000}])
    this_year = do_open_submission(None, annual_cycle(world.plan, 2026), ward_a)
    html = officer.get(f"{ROOT}/{this_year.pk}/").content.decode()
    assert "Kỳ trước" in html and "300.000" in html and "300000,0" not in html


@pytest.mark.django_db
def test_a_read_only_report_writes_its_numbers_the_vietnamese_way(client: Client, world: World, supervisor: Any, ward_a: Any) -> None:
    from ansinh.reporting.actions import do_save_values

    do_save_values(None, world.sub_a, [
        {"indicator": "SOCIAL_HOUSING", "value": 300000, "comment": "Số liệu ước"},
        {"indicator": "POOR_RATE", "numerator": 35, "denominator": 1000, "comment": "Chưa đạt do dịch bệnh"},
    ])
    client.force_login(supervisor)
    html = page(client, world)
    assert "300.000" in html and "3,5" in html
    assert "300000,0" not in html and "3,500" not in html


@pytest.mark.django_db
def test_tasks_are_folded_so_the_form_stays_compact(officer: Client, world: World) -> None:
    html = page(officer, world)
    assert html.count('<details class="task"') == 1 and '<table class="entry">' in html
    assert "<th scope=\"col\">Mã</th>" not in html


@pytest.mark.django_db
def test_a_report_due_before_the_cut_off_says_its_figures_are_estimates(officer: Client, world: World, ward_a: Any) -> None:
    due = due_date(world.cycle, ward_a)
    assert due is not None and due < world.cycle.period_end
    html = page(officer, world)
    assert "số liệu gửi lần này là số ước thực hiện đến ngày" in html
    assert f"{world.cycle.period_end:%d/%m/%Y}" in html and "số liệu chính thức sẽ được yêu cầu bổ sung" in html


def test_no_estimate_note_when_the_report_is_due_after_the_cut_off() -> None:
    cycle = ReportingCycle(period_start=dt.date(2024, 12, 15), period_end=dt.date(2025, 12, 14), label="Năm 2025")
    assert estimate_note(cycle, dt.date(2025, 12, 20)) == ""
    assert estimate_note(cycle, None) == ""
    assert "29/10/2025" in estimate_note(cycle, dt.date(2025, 10, 29))


@pytest.mark.django_db
def test_the_progress_page_names_indicators_without_codes(officer: Client, world: World, hcm_standing: Any, officer_a: Any) -> None:
    from ansinh.reporting.actions import do_approve, do_save_values, do_submit

    do_save_values(officer_a, world.sub_a, [{"indicator": "SOCIAL_HOUSING", "value": 1234}])
    do_approve(hcm_standing, do_submit(officer_a, world.sub_a))
    html = officer.get(f"{ROOT}/tien-do/{world.plan.pk}/?don_vi=26740").content.decode()
    assert "Số căn nhà ở xã hội hoàn thành" in html and "1.234" in html
    assert not any(code in html for code in CODES)


@pytest.mark.django_db
def test_the_plan_page_uses_no_internal_words(client: Client, world: World, alice: Any) -> None:
    client.force_login(alice)
    html = client.get(f"/ke-hoach/{world.plan.pk}/").content.decode()
    assert "gold)" not in html and "(gold" not in html
    assert "1.000" in html and "1000,0" not in html and "1000.0" not in html  # the housing target


@given(st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True), st.integers(-(10**16), 10**16)), st.integers(0, 4))
def test_the_number_filter_always_reads_back_as_the_number_it_shows(value: Any, decimals: int) -> None:
    shown = Template("{% load vn %}{{ v|so:d }}").render(Context({"v": value, "d": decimals}))
    if value is None or (isinstance(value, float) and (value != value or abs(value) == float("inf"))):
        assert shown == "—"
        return
    back = parse_vn(shown)
    assert back is not None and abs(back - round(float(value), decimals)) <= max(1e-9, abs(float(value)) * 1e-12)
    assert "e" not in shown.lower()


@pytest.mark.django_db
def test_a_report_due_after_the_cut_off_defaults_to_final_figures_and_says_nothing_about_estimates(
    officer: Client, ward_a: Any, hcm: Any
) -> None:
    from ansinh.reporting.actions import do_link_target, do_open_submission
    from tests.reporting.factories import catalogue, make_plan, make_target

    indicators = catalogue()
    plan = make_plan(deadline=(20, 12))
    do_link_target(None, make_target(plan, "Số căn nhà ở xã hội", 100, unit="căn"), indicators["SOCIAL_HOUSING"])
    cycle = annual_cycle(plan, 2025)
    submission = do_open_submission(None, cycle, ward_a)
    due = due_date(cycle, ward_a)
    assert due is not None and due >= cycle.period_end
    html = officer.get(f"{ROOT}/{submission.pk}/").content.decode()
    assert "ước thực hiện đến ngày" not in html
    assert '<option value="final" selected>' in html
