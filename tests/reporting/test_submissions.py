"""Saving, validating, submitting, approving and returning a unit's report."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile

from ansinh.core.models import AuditEvent
from ansinh.reporting.actions import (
    ReportingError,
    ValidationFailed,
    do_add_attachment,
    do_approve,
    do_link_target,
    do_open_submission,
    do_return,
    do_save_task_progress,
    do_save_values,
    do_submit,
)
from ansinh.reporting.models import AggregateValue, IndicatorValue, IndicatorValueRevision, Submission
from tests.reporting.factories import annual_cycle, catalogue, make_plan, make_target

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(hcm: Any, ward_a: Any, ward_b: Any) -> dict[str, Any]:
    indicators = catalogue()
    plan = make_plan()
    return {"plan": plan, "cycle": annual_cycle(plan, 2025), "ind": indicators}


def fields_of(error: ValidationFailed) -> set[tuple[int, str, str]]:
    return {(e.row, e.indicator, e.field) for e in error.errors}


def test_every_invalid_cell_is_reported_and_nothing_is_stored(
    setup: dict[str, Any], officer_a: Any, ward_a: Any
) -> None:
    submission = do_open_submission(officer_a, setup["cycle"], ward_a)
    do_save_values(officer_a, submission, [{"indicator": "SOCIAL_HOUSING", "value": "12"}])
    rows = [
        {"indicator": "SOCIAL_HOUSING", "value": "13"},
        {"indicator": "POOR_RATE", "numerator": 50, "denominator": 40},
        {"indicator": "HI_COVERAGE", "numerator": "abc", "denominator": 100},
        {"indicator": "UNEMPLOYMENT", "numerator": 3},
        {"indicator": "LIFE_EXPECTANCY", "value": "75,5", "status": "guess"},
        {"indicator": "NO_SUCH_CODE", "value": 1},
        {"indicator": "POOR_HH", "value": "2,5"},
        {"indicator": "HEALTH_MANAGED", "numerator": 5, "denominator": 0},
    ]
    with pytest.raises(ValidationFailed) as caught:
        do_save_values(officer_a, submission, rows)
    assert fields_of(caught.value) == {
        (1, "POOR_RATE", "numerator"),
        (2, "HI_COVERAGE", "numerator"),
        (3, "UNEMPLOYMENT", "denominator"),
        (4, "LIFE_EXPECTANCY", "status"),
        (5, "NO_SUCH_CODE", "indicator"),
        (6, "POOR_HH", "value"),
        (7, "HEALTH_MANAGED", "denominator"),
    }
    messages = " ".join(e.message for e in caught.value.errors)
    assert "tử số không được lớn hơn mẫu số" in messages and "mẫu số phải lớn hơn 0" in messages
    assert IndicatorValue.objects.get(submission=submission).value == 12  # untouched


def test_a_percentage_above_100_is_refused(setup: dict[str, Any], ward_a: Any) -> None:
    submission = do_open_submission(None, setup["cycle"], ward_a)
    with pytest.raises(ValidationFailed) as caught:
        do_save_values(
            None, submission, [{"indicator": "SI_COMPULSORY", "numerator": 1, "denominator": 1, "value": 101}]
        )
    assert "không khớp" in caught.value.errors[0].message


def test_a_ratio_value_is_computed_from_numerator_and_denominator(setup: dict[str, Any], ward_a: Any) -> None:
    submission = do_open_submission(None, setup["cycle"], ward_a)
    [value] = do_save_values(
        None, submission, [{"indicator": "POOR_RATE", "numerator": "3", "denominator": "400"}]
    )
    assert value.value == pytest.approx(0.75)


def test_a_value_that_misses_its_milestone_needs_a_comment(setup: dict[str, Any], ward_a: Any) -> None:
    target = make_target(setup["plan"], "Tỷ lệ dân số tham gia bảo hiểm y tế", 95, milestones={2025: 93})
    do_link_target(None, target, setup["ind"]["HI_COVERAGE"])
    submission = do_open_submission(None, setup["cycle"], ward_a)
    row = {"indicator": "HI_COVERAGE", "numerator": 900, "denominator": 1000}
    with pytest.raises(ValidationFailed) as caught:
        do_save_values(None, submission, [row])
    assert fields_of(caught.value) == {(0, "HI_COVERAGE", "comment")}
    [value] = do_save_values(None, submission, [{**row, "comment": "Người dân di cư nhiều"}])
    assert value.flags and value.flags[0].startswith("Chưa đạt mốc năm 2025 (93%")


def test_every_change_keeps_a_revision_with_before_and_after(
    setup: dict[str, Any], officer_a: Any, ward_a: Any
) -> None:
    submission = do_open_submission(officer_a, setup["cycle"], ward_a)
    do_save_values(
        officer_a, submission, [{"indicator": "SOCIAL_HOUSING", "value": 10, "status": "estimate"}]
    )
    do_save_values(officer_a, submission, [{"indicator": "SOCIAL_HOUSING", "value": 12, "status": "final"}])
    do_save_values(officer_a, submission, [{"indicator": "SOCIAL_HOUSING", "value": 12, "status": "final"}])
    revisions = list(IndicatorValueRevision.objects.order_by("id"))
    assert len(revisions) == 2
    assert revisions[0].before is None and revisions[0].after["status"] == "estimate"
    assert revisions[1].before["value"] == 10 and revisions[1].after["value"] == 12
    assert revisions[1].actor == officer_a
    assert AuditEvent.objects.filter(action="reporting.save_values").count() == 2


def test_a_commune_officer_cannot_write_another_communes_report(
    setup: dict[str, Any], officer_a: Any, ward_b: Any
) -> None:
    with pytest.raises(PermissionDenied):
        do_open_submission(officer_a, setup["cycle"], ward_b)
    theirs = do_open_submission(None, setup["cycle"], ward_b)
    for action in (
        lambda: do_save_values(officer_a, theirs, [{"indicator": "SOCIAL_HOUSING", "value": 1}]),
        lambda: do_submit(officer_a, theirs),
        lambda: do_add_attachment(officer_a, theirs, ContentFile(b"x", name="a.pdf")),
    ):
        with pytest.raises(PermissionDenied):
            action()
    assert not IndicatorValue.objects.filter(submission=theirs).exists()


def test_approved_data_is_locked_and_rolls_up(
    setup: dict[str, Any], officer_a: Any, hcm_standing: Any, ward_a: Any, hcm: Any
) -> None:
    submission = do_open_submission(officer_a, setup["cycle"], ward_a)
    do_save_values(officer_a, submission, [{"indicator": "SOCIAL_HOUSING", "value": 7}])
    do_submit(officer_a, submission)
    with pytest.raises(ReportingError):
        do_save_values(officer_a, submission, [{"indicator": "SOCIAL_HOUSING", "value": 8}])
    with pytest.raises(PermissionDenied):
        do_approve(officer_a, submission)  # nobody approves their own commune's report
    do_approve(hcm_standing, submission)
    submission.refresh_from_db()
    assert submission.status == Submission.Status.APPROVED and submission.approved_by == hcm_standing
    assert AggregateValue.objects.get(unit=hcm, indicator__code="SOCIAL_HOUSING").value == 7
    with pytest.raises(ReportingError):
        do_save_values(officer_a, submission, [{"indicator": "SOCIAL_HOUSING", "value": 9}])
    with pytest.raises(ReportingError):
        do_save_task_progress(officer_a, submission, [])
    assert IndicatorValue.objects.get(submission=submission).value == 7


def test_returning_needs_a_reason_and_takes_approved_values_out_of_the_roll_up(
    setup: dict[str, Any], officer_a: Any, hcm_standing: Any, ward_a: Any, hcm: Any
) -> None:
    submission = do_open_submission(officer_a, setup["cycle"], ward_a)
    do_save_values(officer_a, submission, [{"indicator": "SOCIAL_HOUSING", "value": 7}])
    do_submit(officer_a, submission)
    do_approve(hcm_standing, submission)
    with pytest.raises(ValidationFailed):
        do_return(hcm_standing, submission, "   ")
    do_return(hcm_standing, submission, "Số liệu nhà ở xã hội chưa khớp với Sở Xây dựng")
    submission.refresh_from_db()
    assert submission.status == Submission.Status.RETURNED and "Sở Xây dựng" in submission.return_reason
    assert not AggregateValue.objects.filter(unit=hcm).exists()
    do_save_values(officer_a, submission, [{"indicator": "SOCIAL_HOUSING", "value": 6}])
    event = AuditEvent.objects.filter(action="reporting.return").first()
    assert event is not None and event.before["status"] == "approved" and event.after["status"] == "returned"


def test_an_empty_report_cannot_be_submitted(setup: dict[str, Any], ward_a: Any) -> None:
    submission = do_open_submission(None, setup["cycle"], ward_a)
    with pytest.raises(ReportingError):
        do_submit(None, submission)


def test_task_progress_needs_a_completion_date_when_done(setup: dict[str, Any], ward_a: Any) -> None:
    task = setup["plan"].tasks.create(number="1", title="Rà soát hộ nghèo", timeline="Năm 2025")
    submission = do_open_submission(None, setup["cycle"], ward_a)
    with pytest.raises(ValidationFailed):
        do_save_task_progress(None, submission, [{"task": task, "status": "completed"}])
    with pytest.raises(ValidationFailed):
        do_save_task_progress(None, submission, [{"task": 999999, "status": "in_progress"}])
    [progress] = do_save_task_progress(
        None, submission, [{"task": task.pk, "status": "in_progress", "difficulties": "Thiếu cán bộ"}]
    )
    assert progress.difficulties == "Thiếu cán bộ"


def test_an_attachment_is_stored_with_the_submission(
    setup: dict[str, Any], officer_a: Any, ward_a: Any
) -> None:
    submission = do_open_submission(officer_a, setup["cycle"], ward_a)
    attachment = do_add_attachment(officer_a, submission, ContentFile(b"%PDF-1.4", name="bao-cao.pdf"))
    assert attachment.name == "bao-cao.pdf" and attachment.file.read() == b"%PDF-1.4"


def test_a_ward_created_by_the_2025_reform_cannot_open_a_2024_report(
    setup: dict[str, Any], officer_a: Any, ward_a: Any
) -> None:
    cycle_2024 = annual_cycle(setup["plan"], 2024)
    with pytest.raises(ReportingError, match=r"có hiệu lực từ 01/07/2025.*Báo cáo năm 2024"):
        do_open_submission(officer_a, cycle_2024, ward_a)
    assert not Submission.objects.filter(cycle=cycle_2024).exists()
    assert do_open_submission(officer_a, setup["cycle"], ward_a).cycle == setup["cycle"]
