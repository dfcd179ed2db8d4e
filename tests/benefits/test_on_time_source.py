"""The plans' "100% hồ sơ đúng hạn" target is pre-filled from the dossiers through the registry-source mechanism."""

from __future__ import annotations

import datetime as dt
from typing import Any

import time_machine

from ansinh.benefits.actions import do_decide, do_file_dossier
from ansinh.reporting.actions import do_link_target, do_open_submission
from ansinh.reporting.models import IndicatorValue, SourceProposal
from tests.reporting.factories import annual_cycle, catalogue, make_plan, make_target


def test_the_catalogue_names_the_on_time_source_for_the_on_time_dossiers_indicator(db: Any) -> None:
    assert catalogue()["MERIT_FILES_ON_TIME"].source_key == "benefits.dossiers_on_time_rate"


@time_machine.travel("2025-12-20 09:00 +0700")
def test_opening_a_submission_proposes_the_share_of_dossiers_resolved_on_time(
    officer_a: Any, chairman_a: Any, ward_a: Any, ward_b: Any, grandmother: Any
) -> None:
    dossier = do_file_dossier(officer_a, grandmother, "huu-tri-xa-hoi", dt.date(2025, 9, 5))  # due 19/9
    do_decide(chairman_a, dossier, dossier.version, signed_on=dt.date(2025, 9, 18), number="1/QĐ", granted=True, category_code="HTXH-75")
    plan = make_plan()
    target = make_target(plan, "100% hồ sơ người có công được giải quyết đúng hạn", 100, comparator=">=")
    do_link_target(None, target, catalogue()["MERIT_FILES_ON_TIME"])
    submission = do_open_submission(None, annual_cycle(plan, 2025), ward_a)
    proposal = SourceProposal.objects.get(submission=submission, indicator__code="MERIT_FILES_ON_TIME")
    assert (proposal.numerator, proposal.denominator) == (1, 1) and proposal.source_key == "benefits.dossiers_on_time_rate"
    assert not IndicatorValue.objects.filter(submission=submission).exists()  # proposed, not stored
