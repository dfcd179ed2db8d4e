"""The named cast through the web pages: who may read, write, approve and return a submission.

``officer_a`` (Phường Sài Gòn) must neither read nor write ``officer_b``'s (Phường Bến Thành)
report; ``supervisor`` reads both but writes neither; ``hcm_standing`` approves and returns.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from ansinh.reporting.actions import do_save_values, do_submit
from ansinh.reporting.models import IndicatorValue, Submission, SubmissionAttachment
from tests.api.fixtures import World, make_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(hcm: Any, ward_a: Any, ward_b: Any, hanoi: Any) -> World:
    return make_world()
ROOT = "/bao-cao-dinh-ky"
PDF = b"%PDF-1.4 bien ban hop\n%%EOF"


def form_data(**extra: str) -> dict[str, str]:
    """A filled form as read from a fresh report (version 1); pass ``version=`` for a later one."""
    data = {
        "version": "1",
        "ind-0-numerator": "12",
        "ind-0-denominator": "1000",
        "ind-0-value": "",
        "ind-0-status": "final",
        "ind-0-comment": "",
        "ind-1-value": "45",
        "ind-1-status": "estimate",
        "ind-1-comment": "",
    }
    data.update(extra)
    return data


def submitted(world: World, who: Any) -> Submission:
    submission = world.sub_b
    do_save_values(who, submission, [{"indicator": "SOCIAL_HOUSING", "value": 50}])
    return do_submit(who, submission)


def test_an_anonymous_visitor_is_sent_to_the_login_page(client: Client, world: World) -> None:
    response = client.get(f"{ROOT}/{world.sub_a.pk}/")
    assert response.status_code == 302 and "/dang-nhap/" in response["Location"]


def test_the_list_shows_an_officer_only_the_reports_of_their_own_commune(
    client: Client, world: World, officer_a: Any
) -> None:
    client.force_login(officer_a)
    html = client.get(f"{ROOT}/").content.decode()
    assert f'href="{ROOT}/{world.sub_a.pk}/"' in html
    assert f'href="{ROOT}/{world.sub_b.pk}/"' not in html
    html = client.get(f"{ROOT}/ky/{world.cycle.pk}/").content.decode()
    assert "Phường Sài Gòn" in html and "Phường Bến Thành" not in html


def test_an_officer_cannot_open_another_communes_report(client: Client, world: World, officer_a: Any) -> None:
    client.force_login(officer_a)
    assert client.get(f"{ROOT}/{world.sub_a.pk}/").status_code == 200
    for url in (f"{ROOT}/{world.sub_b.pk}/", f"{ROOT}/{world.sub_b.pk}/excel/"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert "Phường Bến Thành" not in response.content.decode()


def test_an_officer_cannot_write_into_another_communes_report(
    client: Client, world: World, officer_a: Any, ward_b: Any
) -> None:
    client.force_login(officer_a)
    b = world.sub_b.pk
    assert client.post(f"{ROOT}/{b}/", form_data(submit="1")).status_code == 404
    upload = SimpleUploadedFile("bien-ban.pdf", PDF, content_type="application/pdf")
    assert client.post(f"{ROOT}/{b}/dinh-kem/", {"tep-file": upload}).status_code == 404
    assert client.post(f"{ROOT}/ky/{world.cycle.pk}/lap-bao-cao/", {"unit": ward_b.pk}).status_code == 404
    assert not IndicatorValue.objects.filter(submission_id=b).exists()
    assert not SubmissionAttachment.objects.exists()
    world.sub_b.refresh_from_db()
    assert world.sub_b.status == Submission.Status.DRAFT


def test_an_officer_cannot_download_another_communes_attachment(
    client: Client, world: World, officer_a: Any, officer_b: Any
) -> None:
    client.force_login(officer_b)
    upload = SimpleUploadedFile("bien-ban.pdf", PDF, content_type="application/pdf")
    assert client.post(f"{ROOT}/{world.sub_b.pk}/dinh-kem/", {"tep-file": upload}).status_code == 302
    attachment = SubmissionAttachment.objects.get()
    url = f"{ROOT}/{world.sub_b.pk}/dinh-kem/{attachment.pk}/"
    assert b"".join(client.get(url).streaming_content) == PDF  # type: ignore[attr-defined]
    client.force_login(officer_a)
    assert client.get(url).status_code == 404
    assert client.get(f"{ROOT}/{world.sub_a.pk}/dinh-kem/{attachment.pk}/").status_code == 404


def test_a_commune_officer_cannot_approve_their_own_report(client: Client, world: World, officer_b: Any) -> None:
    submitted(world, officer_b)
    client.force_login(officer_b)
    assert client.post(f"{ROOT}/{world.sub_b.pk}/phe-duyet/").status_code == 403
    assert "Phê duyệt báo cáo" not in client.get(f"{ROOT}/{world.sub_b.pk}/").content.decode()
    world.sub_b.refresh_from_db()
    assert world.sub_b.status == Submission.Status.SUBMITTED


def test_a_supervisor_reads_every_commune_but_writes_none(client: Client, world: World, supervisor: Any) -> None:
    client.force_login(supervisor)
    for submission in (world.sub_a, world.sub_b):
        html = client.get(f"{ROOT}/{submission.pk}/").content.decode()
        assert "chế độ chỉ đọc" in html and 'name="ind-0-numerator"' not in html
        assert client.get(f"{ROOT}/{submission.pk}/excel/").status_code == 200
    response = client.post(f"{ROOT}/{world.sub_a.pk}/", form_data())
    assert response.status_code == 403
    upload = SimpleUploadedFile("bien-ban.pdf", PDF, content_type="application/pdf")
    assert client.post(f"{ROOT}/{world.sub_a.pk}/dinh-kem/", {"tep-file": upload}).status_code == 403
    assert not IndicatorValue.objects.exists() and not SubmissionAttachment.objects.exists()


def test_a_supervisor_cannot_approve(client: Client, world: World, supervisor: Any, officer_b: Any) -> None:
    submitted(world, officer_b)
    client.force_login(supervisor)
    assert client.post(f"{ROOT}/{world.sub_b.pk}/phe-duyet/").status_code == 403
    assert client.post(f"{ROOT}/{world.sub_b.pk}/tra-lai/", {"reason": "Sai số liệu"}).status_code == 403
    world.sub_b.refresh_from_db()
    assert world.sub_b.status == Submission.Status.SUBMITTED


def test_the_standing_officer_approves_and_the_report_becomes_read_only(
    client: Client, world: World, hcm_standing: Any, officer_b: Any
) -> None:
    submitted(world, officer_b)
    client.force_login(hcm_standing)
    html = client.get(f"{ROOT}/{world.sub_b.pk}/").content.decode()
    assert "Phê duyệt báo cáo" in html
    response = client.post(f"{ROOT}/{world.sub_b.pk}/phe-duyet/", follow=True)
    assert "Đã phê duyệt báo cáo" in response.content.decode()
    world.sub_b.refresh_from_db()
    assert world.sub_b.status == Submission.Status.APPROVED
    client.force_login(officer_b)
    html = client.get(f"{ROOT}/{world.sub_b.pk}/").content.decode()
    assert "đã được phê duyệt nên không sửa được" in html and 'name="ind-1-value"' not in html
    response = client.post(f"{ROOT}/{world.sub_b.pk}/", form_data())
    assert response.status_code == 400 and "không sửa được" in response.content.decode()
    assert IndicatorValue.objects.get(submission=world.sub_b).value == 50


def test_the_standing_officer_returns_a_report_with_a_reason(
    client: Client, world: World, hcm_standing: Any, officer_b: Any
) -> None:
    submitted(world, officer_b)
    client.force_login(hcm_standing)
    response = client.post(f"{ROOT}/{world.sub_b.pk}/tra-lai/", {"reason": "Thiếu mẫu số hộ nghèo"}, follow=True)
    assert "Đã trả lại báo cáo" in response.content.decode()
    world.sub_b.refresh_from_db()
    assert world.sub_b.status == Submission.Status.RETURNED
    client.force_login(officer_b)
    html = client.get(f"{ROOT}/{world.sub_b.pk}/").content.decode()
    assert "Thiếu mẫu số hộ nghèo" in html and 'name="ind-1-value"' in html


def test_returning_without_a_reason_is_refused_next_to_the_field(
    client: Client, world: World, hcm_standing: Any, officer_b: Any
) -> None:
    submitted(world, officer_b)
    client.force_login(hcm_standing)
    response = client.post(f"{ROOT}/{world.sub_b.pk}/tra-lai/", {"reason": "  "})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Hãy ghi lý do trả lại báo cáo." in html
    assert 'aria-invalid="true"' in html and 'aria-describedby="id_reason-loi"' in html and 'id="id_reason-loi"' in html
    world.sub_b.refresh_from_db()
    assert world.sub_b.status == Submission.Status.SUBMITTED


def test_an_officer_opens_a_report_only_for_their_own_commune(
    client: Client, world: World, officer_a: Any, ward_a: Any
) -> None:
    world.sub_a.delete()
    client.force_login(officer_a)
    response = client.post(f"{ROOT}/ky/{world.cycle.pk}/lap-bao-cao/", {"unit": ward_a.pk})
    created = Submission.objects.get(cycle=world.cycle, unit=ward_a)
    assert response.status_code == 302 and response["Location"] == f"{ROOT}/{created.pk}/"
    response = client.post(f"{ROOT}/ky/{world.cycle.pk}/lap-bao-cao/", {"unit": "abc"}, follow=True)
    assert "Hãy chọn đơn vị để lập báo cáo." in response.content.decode()


def test_a_supervisor_cannot_open_a_report(client: Client, world: World, supervisor: Any, ward_a: Any) -> None:
    world.sub_a.delete()
    client.force_login(supervisor)
    assert client.post(f"{ROOT}/ky/{world.cycle.pk}/lap-bao-cao/", {"unit": ward_a.pk}).status_code == 403
    assert not Submission.objects.filter(unit=ward_a).exists()


def test_the_history_shows_who_did_what(client: Client, world: World, hcm_standing: Any, officer_b: Any) -> None:
    submitted(world, officer_b)
    client.force_login(hcm_standing)
    client.post(f"{ROOT}/{world.sub_b.pk}/phe-duyet/")
    html = client.get(f"{ROOT}/{world.sub_b.pk}/").content.decode()
    history = html[html.index('id="lich-su"'):]
    assert "Lê Thị Thường Trực</td><td>Phê duyệt" in history
    assert "Võ Thị Bến</td><td>Gửi báo cáo" in history and "Võ Thị Bến</td><td>Lưu số liệu" in history


def test_the_standing_officer_can_reopen_an_approved_report(
    client: Client, world: World, hcm_standing: Any, officer_b: Any
) -> None:
    submitted(world, officer_b)
    client.force_login(hcm_standing)
    client.post(f"{ROOT}/{world.sub_b.pk}/phe-duyet/")
    html = client.get(f"{ROOT}/{world.sub_b.pk}/").content.decode()
    assert "Phê duyệt báo cáo</button>" not in html and "Trả lại báo cáo</button>" in html
    client.post(f"{ROOT}/{world.sub_b.pk}/tra-lai/", {"reason": "Cần sửa số nhà ở xã hội"})
    world.sub_b.refresh_from_db()
    assert world.sub_b.status == Submission.Status.RETURNED


def test_refusals_are_explained_in_vietnamese(client: Client, world: World, officer_a: Any, supervisor: Any) -> None:
    client.force_login(officer_a)
    html = client.get(f"{ROOT}/{world.sub_b.pk}/").content.decode()
    assert "Không tìm thấy báo cáo hoặc bạn không có quyền xem báo cáo này." in html
    assert "Trang bạn tìm không có" in client.get("/khong-co-trang-nay/").content.decode()
    client.force_login(supervisor)
    response = client.post(f"{ROOT}/{world.sub_a.pk}/", form_data())
    assert response.status_code == 403
    assert "Bạn chỉ được xem báo cáo này, không được nhập hoặc sửa số liệu." in response.content.decode()
