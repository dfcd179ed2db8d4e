"""The report page's «Lập và tải báo cáo»: the build is queued, the job page shows its step, then offers the file."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django_tasks_db.models import DBTaskResult
from docx import Document

from tests.reports.report_fixtures import Fixture

# the worker closes connections between jobs as a request would: outside a test transaction
pytestmark = pytest.mark.django_db(transaction=True)


def url(fx: Fixture, year: int = 2025) -> str:
    return f"/bao-cao/ke-hoach/{fx.plan.pk}/bao-cao/{year}/nen/"


def test_a_queued_build_is_watched_then_downloaded_by_whoever_asked(
    client: Client, hcm_standing: Any, supervisor: Any, report_plan: Fixture
) -> None:
    client.force_login(hcm_standing)
    response = client.post(url(report_plan), {"kind": "annual", "format": "docx"})
    job = DBTaskResult.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/bao-cao/viec/{job.pk}/"
    waiting = client.get(response["Location"]).content.decode()
    assert "Đang chờ" in waiting and 'http-equiv="refresh"' in waiting
    assert client.get(f"/bao-cao/viec/{job.pk}/tai-ve/").status_code == 404
    call_command("worker", "--batch", verbosity=0)
    done = client.get(response["Location"]).content.decode()
    assert "Đã xong" in done and 'http-equiv="refresh"' not in done and f"/bao-cao/viec/{job.pk}/tai-ve/" in done
    file = client.get(f"/bao-cao/viec/{job.pk}/tai-ve/")
    assert file.status_code == 200 and file["Content-Disposition"].endswith(f'bao-cao-ke-hoach-{report_plan.plan.pk}-2025.docx"')
    assert "Nơi nhận:" in Document(io.BytesIO(b"".join(file.streaming_content))).tables[-1].cell(0, 0).text
    other = Client()
    other.force_login(supervisor)
    assert other.get(f"/bao-cao/viec/{job.pk}/").status_code == 404
    assert other.get(f"/bao-cao/viec/{job.pk}/tai-ve/").status_code == 404


def test_bad_choices_are_refused_in_vietnamese_and_nothing_is_queued(
    client: Client, hcm_standing: Any, report_plan: Fixture
) -> None:
    client.force_login(hcm_standing)
    response = client.post(url(report_plan), {"kind": "hang-thang", "format": "exe"})
    assert response.status_code == 400 and "Loại báo cáo không hợp lệ." in response.content.decode()
    assert client.get(url(report_plan)).status_code == 405
    assert client.post(url(report_plan, 2400), {"kind": "annual"}).status_code == 404
    assert client.get("/bao-cao/viec/00000000-0000-0000-0000-000000000000/").status_code == 404
    assert DBTaskResult.objects.count() == 0


def test_a_refusal_found_by_the_worker_is_shown_on_the_job_page(
    client: Client, hcm_standing: Any, report_plan: Fixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ansinh.reports import actions

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise actions.ReportError("Chưa có kỳ báo cáo năm 2025 cho kế hoạch này.")

    monkeypatch.setattr(actions, "do_build_report", refuse)
    client.force_login(hcm_standing)
    job_page = client.post(url(report_plan), {"kind": "annual", "format": "docx"})["Location"]
    call_command("worker", "--batch", verbosity=0)
    html = client.get(job_page).content.decode()
    assert "Chưa có kỳ báo cáo năm 2025 cho kế hoạch này." in html and "tai-ve" not in html


def test_the_build_pages_main_button_queues_the_build_as_a_job(client: Client, hcm_standing: Any, report_plan: Fixture) -> None:
    client.force_login(hcm_standing)
    html = client.get(f"/bao-cao/ke-hoach/{report_plan.plan.pk}/bao-cao/2025/").content.decode()
    assert f'action="{url(report_plan)}"' in html and "Lập và tải báo cáo" in html


def test_a_running_job_shows_the_step_it_is_at(client: Client, hcm_standing: Any, report_plan: Fixture) -> None:
    from pathlib import Path

    from ansinh.reports.tasks import PROGRESS_FILE

    client.force_login(hcm_standing)
    job_page = client.post(url(report_plan), {"kind": "annual", "format": "xlsx"})["Location"]
    job = DBTaskResult.objects.get()
    DBTaskResult.objects.filter(pk=job.pk).update(status="RUNNING")
    folder = Path(job.args_kwargs["args"][2]).parent
    (folder / PROGRESS_FILE).write_text('{"done": 1, "total": 3, "label": "Đang viết văn bản Word"}', encoding="utf-8")
    html = client.get(job_page).content.decode()
    assert "Đang viết văn bản Word" in html and "bước 2/3" in html and '<progress max="3" value="1"' in html


@pytest.mark.parametrize("failure", ["refusal", "crash"])
def test_a_failed_build_leaves_no_file_behind(
    client: Client, hcm_standing: Any, report_plan: Fixture, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    from pathlib import Path

    from ansinh.reports import actions

    def half_written(actor: Any, plan: Any, year: int, out: Path, **kwargs: Any) -> Any:
        out.write_bytes(b"nua chung")
        kwargs["progress"](1, 2)
        if failure == "refusal":
            raise actions.ReportError("Không ghi được tệp.")
        raise RuntimeError("disk gone")

    monkeypatch.setattr(actions, "do_build_report", half_written)
    client.force_login(hcm_standing)
    job_page = client.post(url(report_plan), {"kind": "annual", "format": "docx"})["Location"]
    job = DBTaskResult.objects.get()
    folder = Path(job.args_kwargs["args"][2]).parent
    assert folder.is_dir()
    call_command("worker", "--batch", verbosity=0)
    assert not folder.exists()
    html = client.get(job_page).content.decode()
    assert ("Không ghi được tệp." if failure == "refusal" else "Có lỗi không mong đợi") in html and "tai-ve" not in html
