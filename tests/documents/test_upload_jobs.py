"""Scans and PDFs are read in a background job whose progress the upload page polls."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from ansinh.documents import jobs
from ansinh.documents.models import ImportJob, SourceDocument
from ansinh.plans.models import Plan
from tests.documents.test_formats_pdf import make_text_pdf
from tests.documents.test_upload_views import extractor  # noqa: F401  (fixture)

URL = "/van-ban/tai-len/"
REAL_LAUNCH = jobs.launch  # before any fixture replaces it


def _pdf_bytes(tmp_path: Path) -> bytes:
    pdf = make_text_pdf(tmp_path / "ke-hoach.pdf", [["KE HOACH so 12/KH-UBND", "Ty le ho ngheo duoi 1%"], ["Nhiem vu", "To chuc thuc hien"]])
    return pdf.read_bytes()


@pytest.mark.django_db
def test_a_pdf_is_read_as_a_job_that_records_its_pages_and_opens_the_review(
    client: Client, alice: Any, tmp_path: Path, extractor: None  # noqa: F811
) -> None:
    client.force_login(alice)
    response = client.post(URL, {"file": SimpleUploadedFile("ke-hoach.pdf", _pdf_bytes(tmp_path))})
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/van-ban/tai-len/{job.pk}/"
    assert (job.status, job.done, job.total, job.created_by) == ("done", 2, 2, alice)
    state = client.get(f"/van-ban/tai-len/{job.pk}/trang-thai/").json()
    assert state["finished"] and state["percent"] == 100 and state["label"] == "Đã xong"
    page = client.get(f"/van-ban/tai-len/{job.pk}/")
    assert page.status_code == 302 and page["Location"] == f"/ke-hoach/{job.plan_id}/ra-soat/"
    assert Plan.objects.get().source_document is not None


@pytest.mark.django_db
def test_a_running_job_shows_a_live_status_and_progress(client: Client, alice: Any) -> None:
    job = ImportJob.objects.create(filename="quet.png", status=ImportJob.Status.RUNNING, done=1, total=4, created_by=alice)
    client.force_login(alice)
    html = client.get(f"/van-ban/tai-len/{job.pk}/").content.decode()
    assert 'role="status" aria-live="polite"' in html and "Đang xử lý" in html and "trang 1/4" in html
    assert 'value="25"' in html and f"/van-ban/tai-len/{job.pk}/trang-thai/" in html


@pytest.mark.django_db
def test_a_failed_job_shows_the_message_next_to_the_field_and_stores_nothing(
    client: Client, alice: Any, extractor: None  # noqa: F811
) -> None:
    client.force_login(alice)
    response = client.post(URL, {"file": SimpleUploadedFile("quet.png", b"\x89PNG\r\n\x1a\n hong")}, follow=True)
    html = response.content.decode()
    error = html.split('id="id_file_error"', 1)[1].split("</ul>", 1)[0]
    assert "«quet.png»:" in error and 'aria-invalid="true"' in html
    assert ImportJob.objects.get().status == ImportJob.Status.FAILED
    assert SourceDocument.objects.count() == 0 and Plan.objects.count() == 0


@pytest.mark.django_db
def test_an_unexpected_error_fails_the_job_with_a_plain_message(alice: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ansinh.documents import actions

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("boom")

    monkeypatch.setattr(actions, "do_import_document", broken)
    job = jobs.do_create_import_job("x.pdf", alice)
    path = tmp_path / "x.pdf"
    path.write_bytes(b"%PDF-1.4")
    jobs.run_import_job(job.pk, path, alice)
    job.refresh_from_db()
    assert job.status == "failed" and job.message == jobs.UNEXPECTED and not path.exists()


@pytest.mark.django_db
def test_a_job_cut_off_by_a_restart_reads_as_failed(alice: Any) -> None:
    job = ImportJob.objects.create(filename="quet.png", status=ImportJob.Status.RUNNING, created_by=alice)
    with time_machine.travel(job.updated_at + dt.timedelta(hours=1)):
        state = jobs.job_state(job)
    assert state["status"] == "failed" and state["message"] == jobs.INTERRUPTED


@pytest.mark.django_db
def test_someone_else_cannot_see_a_job_and_a_reader_is_refused(client: Client, alice: Any, bob: Any, django_user_model: Any) -> None:
    job = ImportJob.objects.create(filename="quet.png", created_by=alice)
    client.force_login(bob)
    assert client.get(f"/van-ban/tai-len/{job.pk}/").status_code == 403
    carol = django_user_model.objects.create(username="carol")
    carol.user_permissions.set(alice.user_permissions.all())
    client.force_login(carol)
    assert client.get(f"/van-ban/tai-len/{job.pk}/trang-thai/").status_code == 404


@pytest.mark.django_db(transaction=True)  # the worker closes connections between jobs, as a request does
def test_the_upload_only_queues_the_job_and_the_worker_runs_it(
    client: Client, alice: Any, tmp_path: Path, extractor: None, monkeypatch: pytest.MonkeyPatch  # noqa: F811
) -> None:
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    monkeypatch.setattr(jobs, "launch", REAL_LAUNCH)
    client.force_login(alice)
    client.post(URL, {"file": SimpleUploadedFile("ke-hoach.pdf", _pdf_bytes(tmp_path))})
    job = ImportJob.objects.get()
    queued = DBTaskResult.objects.get()
    assert job.status == "pending" and queued.status == "READY" and queued.task_path.endswith("import_document")
    assert client.get(f"/van-ban/tai-len/{job.pk}/trang-thai/").json()["label"] == "Đang chờ"
    path = Path(queued.args_kwargs["args"][1])
    assert path.exists()
    call_command("worker", "--batch", verbosity=0)
    job.refresh_from_db()
    queued.refresh_from_db()
    assert job.status == "done" and job.plan_id is not None and queued.status == "SUCCESSFUL"
    assert queued.return_value == job.plan_id and not path.exists()


@pytest.mark.django_db
def test_a_document_read_in_the_background_is_announced_with_its_counts_like_one_read_at_once(
    client: Client, alice: Any, tmp_path: Path, extractor: None  # noqa: F811
) -> None:
    client.force_login(alice)
    client.post(URL, {"file": SimpleUploadedFile("ke-hoach.pdf", _pdf_bytes(tmp_path))})
    job = ImportJob.objects.get()
    plan = Plan.objects.get()
    review = client.get(f"/van-ban/tai-len/{job.pk}/", follow=True).content.decode()
    assert f"Đã đọc «ke-hoach.pdf»: {plan.targets.count()} chỉ tiêu, {plan.tasks.count()} nhiệm vụ." in review
