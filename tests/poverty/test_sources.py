"""The poverty rate reaches a commune's submission as a proposed value the officer confirms or explains."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.test import Client

from ansinh.poverty import actions
from ansinh.registry.models import Household
from ansinh.reporting import sources
from ansinh.reporting.actions import ValidationFailed, do_save_values
from ansinh.reporting.models import IndicatorValue, SourceProposal
from tests.api.fixtures import make_world
from tests.poverty.test_review import run_to_posting
from tests.reporting.test_web_cast import ROOT, form_data


@pytest.fixture
def recognised(chairman_a: Any, officer_a: Any, ward_a: Any, ward_b: Any, households: list[Any]) -> None:
    with time_machine.travel("2025-11-05 09:00 +0700"):
        round_ = run_to_posting(officer_a, ward_a, households)
        actions.do_recognise(chairman_a, round_, dt.date(2025, 10, 30), "QĐ 12")
    # 200 more households in the registry: the rate (1 of 203) meets the plan's milestone
    Household.objects.bulk_create(Household(code=f"K{i}", commune=ward_a, province_code="79") for i in range(200))


def test_the_poverty_sources_are_registered_at_start_up() -> None:
    keys = {s.key for s in sources.registered()}
    assert {"poverty.poor_rate", "poverty.near_poor_rate", "poverty.poor_households"} <= keys


def test_opening_a_submission_proposes_the_recognised_poverty_rate(recognised: None, officer_a: Any, client: Client) -> None:
    world = make_world()
    proposal = SourceProposal.objects.get(submission=world.sub_a, indicator__code="POOR_RATE")
    assert (proposal.numerator, proposal.denominator) == (1, 203) and proposal.source_key == "poverty.poor_rate"
    assert "1/1 xã, phường đã công nhận" in proposal.note
    assert not IndicatorValue.objects.filter(submission=world.sub_a).exists()  # proposed, not stored
    client.force_login(officer_a)
    html = client.get(f"{ROOT}/{world.sub_a.pk}/").content.decode()
    assert "Đề xuất từ cơ sở dữ liệu" in html and 'name="ind-0-numerator" value="1"' in html


def test_a_different_figure_must_be_explained_and_a_typed_value_is_never_overwritten(recognised: None, officer_a: Any) -> None:
    world = make_world()
    row = {"indicator": "POOR_RATE", "numerator": 2, "denominator": 203, "status": "final", "comment": ""}
    with pytest.raises(ValidationFailed) as err:
        do_save_values(officer_a, world.sub_a, [row])
    assert "khác số đề xuất từ cơ sở dữ liệu (1 / 203); hãy giải trình" in err.value.errors[0].message
    do_save_values(officer_a, world.sub_a, [row | {"comment": "Thêm một hộ phát sinh sau ngày công nhận"}])
    proposal = SourceProposal.objects.get(submission=world.sub_a, indicator__code="POOR_RATE")
    assert proposal.decision == SourceProposal.Decision.EXPLAINED
    sources.propose_values(world.sub_a)  # opening again
    assert IndicatorValue.objects.get(submission=world.sub_a, indicator__code="POOR_RATE").numerator == 2


def test_confirming_the_proposed_figure_records_the_confirmation(recognised: None, officer_a: Any, client: Client) -> None:
    world = make_world()
    client.force_login(officer_a)
    data = form_data(**{"ind-0-numerator": "1", "ind-0-denominator": "203"})
    client.post(f"{ROOT}/{world.sub_a.pk}/", data, follow=True)
    proposal = SourceProposal.objects.get(submission=world.sub_a, indicator__code="POOR_RATE")
    assert proposal.decision == SourceProposal.Decision.CONFIRMED and proposal.decided_by == officer_a


def test_reporting_never_imports_a_registry_app() -> None:
    root = Path(__file__).resolve().parents[2] / "ansinh" / "reporting"
    found = subprocess.run(["grep", "-rlE", r"ansinh\.(poverty|registry|benefits)", str(root)], capture_output=True, text=True).stdout
    assert found == ""


def test_the_confirmed_poverty_rate_reaches_the_city_roll_up_on_the_dashboard(recognised: None, officer_a: Any, hcm: Any) -> None:
    from ansinh.reporting.actions import do_approve, do_submit
    from ansinh.reporting.models import AggregateValue

    world = make_world()
    proposal = SourceProposal.objects.get(submission=world.sub_a, indicator__code="POOR_RATE")
    do_save_values(officer_a, world.sub_a, [{"indicator": "POOR_RATE", "numerator": proposal.numerator, "denominator": proposal.denominator, "status": "final"}])
    do_submit(officer_a, world.sub_a)
    do_approve(None, world.sub_a)
    city = AggregateValue.objects.get(cycle=world.cycle, indicator__code="POOR_RATE", unit=hcm)
    assert (city.numerator, city.denominator) == (1, 203) and city.value == pytest.approx(100 / 203)
