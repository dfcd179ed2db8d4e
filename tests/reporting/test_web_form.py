"""The submission form: values, task progress, per-field Vietnamese errors, attachments."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from ansinh.core.models import AuditEvent
from ansinh.reporting.actions import do_save_values
from ansinh.reporting.models import IndicatorValue, Submission, SubmissionAttachment, TaskProgress
from tests.api.fixtures import World, make_world
from tests.reporting.test_web_cast import ROOT, form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(hcm: Any, ward_a: Any, ward_b: Any, hanoi: Any) -> World:
    return make_world()


@pytest.fixture
def signed_in(client: Client, officer_a: Any) -> Client:
    client.force_login(officer_a)
    return client


def field_error(html: str, name: str) -> str:
    """The error text shown for field ``name``, checking the aria wiring on the way."""
    match = re.search(rf'<[^>]+name="{re.escape(name)}"[^>]*>', html)
    assert match, name
    tag = match.group(0)
    assert 'aria-invalid="true"' in tag, tag
    described = re.search(r'aria-describedby="([^"]+)"', tag)
    assert described, tag
    error = re.search(rf'id="{described.group(1)}">(.*?)</span>', html, re.S)
    assert error, described.group(1)
    return error.group(1)


def test_the_form_shows_indicators_with_milestones_and_ratio_fields(signed_in: Client, world: World) -> None:
    html = signed_in.get(f"{ROOT}/{world.sub_a.pk}/").content.decode()
    assert "Tỷ lệ hộ nghèo" in html and "dưới 1,5" in html
    assert "Số căn nhà ở xã hội hoàn thành" in html and "từ 40 trở lên" in html
    assert 'name="ind-0-numerator"' in html and 'name="ind-0-denominator"' in html
    assert 'name="ind-1-numerator"' not in html
    assert "Rà soát hộ nghèo" in html and f'name="task-{world.task.pk}-status"' in html


def test_saving_stores_values_and_task_progress_through_the_actions(signed_in: Client, world: World) -> None:
    data = form_data(**{f"task-{world.task.pk}-status": "in_progress", f"task-{world.task.pk}-result": "Đã rà soát 3 khu phố"})
    response = signed_in.post(f"{ROOT}/{world.sub_a.pk}/", data, follow=True)
    assert "Đã lưu số liệu." in response.content.decode()
    poor = IndicatorValue.objects.get(submission=world.sub_a, indicator__code="POOR_RATE")
    assert (poor.numerator, poor.denominator, poor.value) == (12, 1000, pytest.approx(1.2))
    housing = IndicatorValue.objects.get(submission=world.sub_a, indicator__code="SOCIAL_HOUSING")
    assert housing.value == 45 and housing.status == "estimate"
    progress = TaskProgress.objects.get(submission=world.sub_a)
    assert progress.result == "Đã rà soát 3 khu phố"
    assert AuditEvent.objects.filter(action="reporting.save_values", object_id=str(world.sub_a.pk)).exists()
    world.sub_a.refresh_from_db()
    assert world.sub_a.status == Submission.Status.DRAFT


def test_saving_and_submitting_sends_the_report(signed_in: Client, world: World) -> None:
    response = signed_in.post(f"{ROOT}/{world.sub_a.pk}/", form_data(submit="1"), follow=True)
    assert "Đã gửi báo cáo" in response.content.decode()
    world.sub_a.refresh_from_db()
    assert world.sub_a.status == Submission.Status.SUBMITTED


def test_a_value_that_is_not_a_number_is_shown_next_to_its_field_and_nothing_is_stored(
    signed_in: Client, world: World
) -> None:
    response = signed_in.post(f"{ROOT}/{world.sub_a.pk}/", form_data(**{"ind-1-value": "bốn mươi"}))
    html = response.content.decode()
    assert response.status_code == 400
    assert field_error(html, "ind-1-value") == "Giá trị phải là số."
    assert '<a href="#id_ind-1-value">Số căn nhà ở xã hội hoàn thành — Giá trị: Giá trị phải là số.</a>' in html
    assert 'value="bốn mươi"' in html
    assert not IndicatorValue.objects.exists()


def test_a_numerator_above_the_denominator_is_refused_next_to_the_numerator(signed_in: Client, world: World) -> None:
    response = signed_in.post(f"{ROOT}/{world.sub_a.pk}/", form_data(**{"ind-0-numerator": "1200"}))
    html = response.content.decode()
    assert response.status_code == 400
    assert "tử số không được lớn hơn mẫu số" in field_error(html, "ind-0-numerator")
    assert not IndicatorValue.objects.exists()


def test_a_value_below_its_milestone_needs_a_comment_before_the_report_is_sent(signed_in: Client, world: World) -> None:
    response = signed_in.post(f"{ROOT}/{world.sub_a.pk}/", form_data(**{"ind-1-value": "10", "submit": "1"}))
    assert response.status_code == 400
    assert "Cần ghi giải trình" in field_error(response.content.decode(), "ind-1-comment")
    assert not IndicatorValue.objects.exists()
    response = signed_in.post(
        f"{ROOT}/{world.sub_a.pk}/",
        form_data(**{"ind-1-value": "10", "ind-1-comment": "Dự án chậm giải phóng mặt bằng", "submit": "1"}),
    )
    assert response.status_code == 302
    assert IndicatorValue.objects.get(indicator__code="SOCIAL_HOUSING").comment == "Dự án chậm giải phóng mặt bằng"


def test_a_draft_keeps_a_missed_milestone_flagged_and_sending_it_later_asks_for_the_explanation(
    signed_in: Client, world: World
) -> None:
    response = signed_in.post(f"{ROOT}/{world.sub_a.pk}/", form_data(**{"ind-1-value": "10"}))
    assert response.status_code == 302
    stored = IndicatorValue.objects.get(indicator__code="SOCIAL_HOUSING")
    assert stored.value == 10 and any("Chưa đạt mốc" in f for f in stored.flags)
    # Sending the draft as it is (the row unchanged) is refused with the indicator named; nothing is sent.
    response = signed_in.post(f"{ROOT}/{world.sub_a.pk}/", form_data(**{"ind-1-value": "10", "version": "2", "submit": "1"}))
    assert response.status_code == 400
    assert "chưa đạt mốc mà chưa có giải trình" in response.content.decode()
    world.sub_a.refresh_from_db()
    assert world.sub_a.status == "draft"


def test_a_completed_task_needs_its_completion_date(signed_in: Client, world: World) -> None:
    key = world.task.pk
    response = signed_in.post(f"{ROOT}/{world.sub_a.pk}/", form_data(**{f"task-{key}-status": "completed"}))
    assert response.status_code == 400
    assert "cần ghi ngày hoàn thành" in field_error(response.content.decode(), f"task-{key}-completed_on")
    assert not IndicatorValue.objects.exists() and not TaskProgress.objects.exists()
    response = signed_in.post(
        f"{ROOT}/{world.sub_a.pk}/",
        form_data(**{f"task-{key}-status": "completed", f"task-{key}-completed_on": "20/11/2025"}),
    )
    assert response.status_code == 302
    assert str(TaskProgress.objects.get().completed_on) == "2025-11-20"


def test_a_badly_written_date_is_refused(signed_in: Client, world: World) -> None:
    key = world.task.pk
    response = signed_in.post(f"{ROOT}/{world.sub_a.pk}/", form_data(**{f"task-{key}-deadline": "31/02/2025"}))
    assert "ngày không hợp lệ" in field_error(response.content.decode(), f"task-{key}-deadline")


def test_an_unknown_status_is_refused(signed_in: Client, world: World) -> None:
    response = signed_in.post(f"{ROOT}/{world.sub_a.pk}/", form_data(**{"ind-1-status": "doan"}))
    assert response.status_code == 400 and field_error(response.content.decode(), "ind-1-status")
    assert not IndicatorValue.objects.exists()


def test_submitting_an_empty_report_is_refused_with_a_message(signed_in: Client, world: World) -> None:
    empty = {"version": "1", "ind-0-status": "final", "ind-1-status": "final", "submit": "1"}
    response = signed_in.post(f"{ROOT}/{world.sub_a.pk}/", empty)
    assert response.status_code == 400 and "chưa gửi được" in response.content.decode()
    world.sub_a.refresh_from_db()
    assert world.sub_a.status == Submission.Status.DRAFT


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("virus.exe", b"MZ\x90\x00", "Không nhận loại tệp “.exe”"),
        ("bien-ban.pdf", b"<html>not a pdf</html>", "Nội dung tệp không đúng định dạng .pdf."),
        ("rong.pdf", b"", "Tệp rỗng."),
    ],
)
def test_a_bad_attachment_is_refused_next_to_the_field(
    signed_in: Client, world: World, name: str, content: bytes, message: str
) -> None:
    upload = SimpleUploadedFile(name, content)
    response = signed_in.post(f"{ROOT}/{world.sub_a.pk}/dinh-kem/", {"tep-file": upload})
    assert response.status_code == 400
    assert message in field_error(response.content.decode(), "tep-file")
    assert not SubmissionAttachment.objects.exists()


def test_a_too_large_attachment_is_refused(signed_in: Client, world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ansinh.reporting.forms.MAX_ATTACHMENT_BYTES", 10)
    upload = SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 " + b"x" * 20)
    response = signed_in.post(f"{ROOT}/{world.sub_a.pk}/dinh-kem/", {"tep-file": upload})
    assert response.status_code == 400 and "Tệp quá lớn" in response.content.decode()


def test_a_valid_attachment_is_stored_and_listed(signed_in: Client, world: World) -> None:
    upload = SimpleUploadedFile("Biên bản họp.pdf", b"%PDF-1.4 ok")
    response = signed_in.post(f"{ROOT}/{world.sub_a.pk}/dinh-kem/", {"tep-file": upload}, follow=True)
    assert "Đã đính kèm tệp." in response.content.decode() and "Biên bản họp.pdf" in response.content.decode()
    assert SubmissionAttachment.objects.get().uploaded_by is not None


def test_stored_values_are_prefilled_the_vietnamese_way_and_resave_unchanged(signed_in: Client, world: World) -> None:
    do_save_values(None, world.sub_a, [
        {"indicator": "POOR_RATE", "numerator": 217, "denominator": 32739},
        {"indicator": "SOCIAL_HOUSING", "value": 1234567},
    ])
    html = signed_in.get(f"{ROOT}/{world.sub_a.pk}/").content.decode()
    assert 'name="ind-1-value" value="1.234.567"' in html and 'name="ind-0-denominator" value="32.739"' in html
    assert "Số hộ nghèo / Tổng số hộ dân cư = 0,66" in html  # a rate is entered as its parts, its value shown
    data = {m.group(1): m.group(2) for m in re.finditer(r'name="(ind-\d-(?:value|numerator|denominator)|version)" value="([^"]*)"', html)}
    assert data["version"] == "2"
    response = signed_in.post(f"{ROOT}/{world.sub_a.pk}/", form_data(**data, **{"ind-0-status": "final", "ind-1-status": "final"}))
    assert response.status_code == 302
    assert IndicatorValue.objects.get(indicator__code="SOCIAL_HOUSING").value == 1234567


def test_the_submission_page_title_is_the_unit_and_cycle_only(client: Any, officer_a: Any, ward_a: Any) -> None:
    from ansinh.reporting.actions import do_open_submission
    from tests.reporting.factories import annual_cycle, catalogue, make_plan

    catalogue()
    cycle = annual_cycle(make_plan(), 2025)
    submission = do_open_submission(None, cycle, ward_a)
    client.force_login(officer_a)
    html = client.get(f"/bao-cao-dinh-ky/{submission.pk}/").content.decode()
    title = html.split("<title>")[1].split("</title>")[0]
    assert "Phường Sài Gòn · Báo cáo năm 2025" in title and "<table" not in title and "Lịch sử" not in title
    assert html.count('id="lich-su"') == 1


def _fields(html: str) -> dict[str, str]:
    """The posted form as the browser would send it back unchanged (inputs, selected options, textareas)."""
    from ansinh.core.bench_http import form_fields

    return dict(form_fields(html, form_index=0))


def test_a_save_rewrites_only_the_rows_the_officer_changed(signed_in: Client, world: World) -> None:
    key = world.task.pk
    url = f"{ROOT}/{world.sub_a.pk}/"
    first = form_data(**{f"task-{key}-status": "in_progress", f"task-{key}-result": "Đã rà soát"})
    assert signed_in.post(url, first).status_code == 302
    revisions = {v.pk: v.revisions.count() for v in IndicatorValue.objects.all()}
    audits = AuditEvent.objects.count()
    again = _fields(signed_in.get(url).content.decode())
    again["ind-1-value"] = "46"
    assert signed_in.post(url, again).status_code == 302
    housing = IndicatorValue.objects.get(indicator__code="SOCIAL_HOUSING")
    poor = IndicatorValue.objects.get(indicator__code="POOR_RATE")
    assert housing.value == 46 and housing.revisions.count() == revisions[housing.pk] + 1
    assert (poor.numerator, poor.denominator) == (12, 1000) and poor.revisions.count() == revisions[poor.pk]
    assert TaskProgress.objects.get().result == "Đã rà soát"
    assert AuditEvent.objects.count() == audits + 1  # the values' save only, no task progress rewritten
    world.sub_a.refresh_from_db()
    assert world.sub_a.version == 4


def test_an_unchanged_form_saves_nothing_and_keeps_the_version(signed_in: Client, world: World) -> None:
    url = f"{ROOT}/{world.sub_a.pk}/"
    assert signed_in.post(url, form_data()).status_code == 302
    world.sub_a.refresh_from_db()
    version, audits = world.sub_a.version, AuditEvent.objects.count()
    assert signed_in.post(url, _fields(signed_in.get(url).content.decode())).status_code == 302
    world.sub_a.refresh_from_db()
    assert world.sub_a.version == version and AuditEvent.objects.count() == audits


def test_a_bad_figure_typed_into_an_empty_row_is_still_refused_and_the_whole_form_shown_back(
    signed_in: Client, world: World
) -> None:
    url = f"{ROOT}/{world.sub_a.pk}/"
    assert signed_in.post(url, form_data()).status_code == 302
    posted = _fields(signed_in.get(url).content.decode())
    posted["ind-1-value"] = "1e400"
    response = signed_in.post(url, posted)
    html = response.content.decode()
    assert response.status_code == 400 and field_error(html, "ind-1-value")
    assert 'name="ind-0-numerator" value="12"' in html  # the unchanged rows are shown back too
    assert IndicatorValue.objects.get(indicator__code="SOCIAL_HOUSING").value == 45


def test_a_stale_form_is_still_refused_when_its_changed_row_was_not_touched_since(
    signed_in: Client, world: World
) -> None:
    url = f"{ROOT}/{world.sub_a.pk}/"
    assert signed_in.post(url, form_data()).status_code == 302
    stale = _fields(signed_in.get(url).content.decode())
    do_save_values(None, world.sub_a, [{"indicator": "POOR_RATE", "numerator": 10, "denominator": 1000}])
    stale["ind-1-value"] = "47"
    response = signed_in.post(url, stale)
    assert response.status_code == 409
    assert IndicatorValue.objects.get(indicator__code="SOCIAL_HOUSING").value == 45
    assert IndicatorValue.objects.get(indicator__code="POOR_RATE").numerator == 10
