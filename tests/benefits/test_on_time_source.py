"""The plans' "100% hồ sơ đúng hạn" target is pre-filled from the dossiers through the registry-source mechanism."""

from __future__ import annotations

import datetime as dt
from typing import Any

import time_machine

from ansinh.benefits.actions import do_decide, do_file_dossier
from ansinh.reporting.actions import do_link_target, do_open_submission
from ansinh.reporting.models import IndicatorValue, SourceProposal
from tests.reporting.factories import annual_cycle, catalogue, make_plan, make_target


def test_the_catalogue_names_the_merit_on_time_source_for_the_merit_dossiers_indicator(db: Any) -> None:
    assert catalogue()["MERIT_FILES_ON_TIME"].source_key == "benefits.merit_dossiers_on_time_rate"


def test_a_merit_dossier_gets_a_due_date_from_the_unverified_processing_time_and_its_authority(
    officer_a: Any, grandmother: Any
) -> None:
    from ansinh.benefits.models import Authority

    dossier = do_file_dossier(officer_a, grandmother, "uu-dai-nguoi-co-cong", dt.date(2025, 9, 5))
    assert dossier.processing_time is not None and dossier.processing_time.working_days == 20
    assert not dossier.processing_time.verified and "chưa xác minh" in dossier.processing_time.source
    assert dossier.due_on is not None and dossier.due_on > dt.date(2025, 9, 30)
    authority = Authority.objects.get(programme__code="uu-dai-nguoi-co-cong")
    assert not authority.verified and not authority.decider_role and "chưa xác minh" in authority.role


def test_the_merit_source_counts_only_merit_dossiers_and_the_general_one_counts_all(
    officer_a: Any, chairman_a: Any, ward_a: Any, grandmother: Any
) -> None:
    from ansinh.reporting.sources import compute

    pension = do_file_dossier(officer_a, grandmother, "huu-tri-xa-hoi", dt.date(2025, 9, 5))  # due 19/9
    do_decide(chairman_a, pension, pension.version, signed_on=dt.date(2025, 9, 18), number="1/QĐ", granted=True, category_code="HTXH-75")
    merit = do_file_dossier(officer_a, grandmother, "uu-dai-nguoi-co-cong", dt.date(2025, 9, 5))
    assert merit.due_on is not None
    do_decide(officer_a, merit, merit.version, signed_on=merit.due_on + dt.timedelta(days=1), number="2/QĐ", granted=False,
              reason="không đủ giấy tờ")
    merit_only = compute("benefits.merit_dossiers_on_time_rate", ward_a, dt.date(2025, 12, 1))
    assert merit_only is not None and (merit_only.numerator, merit_only.denominator) == (0, 1)
    assert "người có công" in merit_only.note
    every = compute("benefits.dossiers_on_time_rate", ward_a, dt.date(2025, 12, 1))
    assert every is not None and (every.numerator, every.denominator) == (1, 2)


@time_machine.travel("2025-12-20 09:00 +0700")
def test_opening_a_submission_proposes_the_share_of_merit_dossiers_resolved_on_time(
    officer_a: Any, chairman_a: Any, ward_a: Any, ward_b: Any, grandmother: Any
) -> None:
    dossier = do_file_dossier(officer_a, grandmother, "uu-dai-nguoi-co-cong", dt.date(2025, 9, 5))
    do_decide(officer_a, dossier, dossier.version, signed_on=dt.date(2025, 9, 18), number="1/QĐ", granted=False,
              reason="không đủ giấy tờ")
    plan = make_plan()
    target = make_target(plan, "100% hồ sơ người có công được giải quyết đúng hạn", 100, comparator=">=")
    do_link_target(None, target, catalogue()["MERIT_FILES_ON_TIME"])
    submission = do_open_submission(None, annual_cycle(plan, 2025), ward_a)
    proposal = SourceProposal.objects.get(submission=submission, indicator__code="MERIT_FILES_ON_TIME")
    assert (proposal.numerator, proposal.denominator) == (1, 1) and proposal.source_key == "benefits.merit_dossiers_on_time_rate"
    assert not IndicatorValue.objects.filter(submission=submission).exists()  # proposed, not stored
