"""Uploading a plan document: a good file becomes a draft; a bad one is refused next to the field."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from ansinh.documents import actions, jobs
from ansinh.documents.models import SourceDocument
from ansinh.plans.models import Plan
from tests.plans.sample_plan import EXTRACTION, TEXT

pytestmark = pytest.mark.django_db

URL = "/van-ban/tai-len/"


def fake_extract_plan(text: str, doc: str = "") -> dict[str, Any]:
    return {**copy.deepcopy(EXTRACTION), "doc": doc}


@pytest.fixture
def extractor(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A fixed extraction, so these tests check the upload path and not the parser.

    Background imports (PDF, images) run inline so their outcome is visible at once.
    """
    monkeypatch.setattr(actions, "extract_plan", fake_extract_plan)
    monkeypatch.setattr(actions, "_restore", lambda text: "")
    monkeypatch.setattr(jobs, "launch", lambda job, path, actor: jobs.run_import_job(job.pk, path, actor))
    yield


def _post(client: Client, name: str, content: bytes, follow: bool = False) -> Any:
    return client.post(URL, {"file": SimpleUploadedFile(name, content)}, follow=follow)


def _nothing_stored() -> bool:
    return SourceDocument.objects.count() == 0 and Plan.objects.count() == 0


def _leftover_temp_files() -> list[Path]:
    folder = Path(django_settings.MEDIA_ROOT) / "tmp"
    return list(folder.iterdir()) if folder.is_dir() else []


def test_the_upload_page_has_a_labelled_field_with_help_and_a_processing_status(client: Client, alice: Any) -> None:
    client.force_login(alice)
    html = client.get(URL).content.decode()
    assert '<label for="id_file">Tệp văn bản kế hoạch:</label>' in html
    assert 'aria-describedby="id_file_helptext"' in html and ".txt, .docx, .pdf" in html
    assert "Đang xử lý văn bản" in html and 'role="status"' in html
    assert "Tải văn bản lên" in html  # the navigation entry


def test_a_good_text_file_becomes_a_draft_and_opens_its_review(client: Client, alice: Any, extractor: None) -> None:
    client.force_login(alice)
    response = _post(client, "ke-hoach-mau.txt", TEXT.encode("utf-8"))
    plan = Plan.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/ke-hoach/{plan.pk}/ra-soat/"
    assert plan.status == Plan.Status.DRAFT and plan.number == "12/KH-UBND"
    document = SourceDocument.objects.get()
    assert document.filename == "ke-hoach-mau.txt" and document.text == TEXT and document.uploaded_by == alice
    assert _leftover_temp_files() == []


def test_uploading_the_same_file_twice_reopens_the_existing_plan(client: Client, alice: Any, extractor: None) -> None:
    client.force_login(alice)
    _post(client, "mau.txt", TEXT.encode("utf-8"))
    response = _post(client, "mau-ban-sao.txt", TEXT.encode("utf-8"))
    plan = Plan.objects.get()
    assert response["Location"] == f"/ke-hoach/{plan.pk}/ra-soat/"
    assert SourceDocument.objects.count() == 1


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("rong.txt", b"", "Tệp rỗng, không có nội dung."),
        ("trang.txt", b"   \n\n  ", "Tệp không có nội dung (chỉ có khoảng trắng)."),
        ("nhi-phan.txt", bytes(range(256)) * 40, "Tệp không phải văn bản"),
        ("ke-hoach.exe", b"MZ\x90\x00", "Không nhận tệp đuôi «.exe»"),
        ("ke-hoach.doc", b"\xd0\xcf\x11\xe0 old word", "Không nhận tệp đuôi «.doc»"),
        ("khong-duoi", TEXT.encode(), "Không nhận tệp đuôi «(không có đuôi)»"),
        ("gia.pdf", b"day khong phai pdf", "không phải PDF hợp lệ"),
    ],
)
def test_a_bad_upload_is_refused_next_to_the_field_and_stores_nothing(
    client: Client, alice: Any, extractor: None, name: str, content: bytes, message: str
) -> None:
    client.force_login(alice)
    response = _post(client, name, content, follow=True)
    html = response.content.decode()
    assert response.status_code in (200, 400) and "Chưa nhập được văn bản" in html
    error_list = html.split('id="id_file_error"', 1)[1].split("</ul>", 1)[0]
    assert message in error_list
    assert 'aria-invalid="true"' in html
    assert _nothing_stored() and _leftover_temp_files() == []


def test_a_file_over_the_size_limit_is_refused(client: Client, alice: Any, extractor: None, settings: Any) -> None:
    settings.MAX_UPLOAD_BYTES = 1024
    client.force_login(alice)
    response = _post(client, "lon.txt", ("Kế hoạch " * 400).encode("utf-8"))
    assert response.status_code == 400
    assert "Tệp quá lớn" in response.content.decode() and "tối đa 1 KB" in response.content.decode()
    assert _nothing_stored()


def test_posting_without_a_file_asks_for_one(client: Client, alice: Any) -> None:
    client.force_login(alice)
    response = client.post(URL, {})
    assert response.status_code == 400 and "Hãy chọn một tệp để tải lên." in response.content.decode()
    assert _nothing_stored()


def test_an_officer_without_the_right_cannot_upload(client: Client, bob: Any, extractor: None) -> None:
    client.force_login(bob)
    assert client.get(URL).status_code == 403
    assert _post(client, "mau.txt", TEXT.encode("utf-8")).status_code == 403
    assert _nothing_stored()
    assert "Tải văn bản lên" not in client.get("/ke-hoach/").content.decode()


def test_an_anonymous_visitor_is_sent_to_the_login_page(client: Client) -> None:
    response = client.get(URL)
    assert response.status_code == 302 and "/dang-nhap/" in response["Location"]


SAMPLE = Path(__file__).resolve().parents[2] / "ansinh" / "samples" / "quangtri-phuong2-plan-63.txt"


def test_a_bundled_sample_goes_through_the_real_reader_and_parser_to_a_review_page(client: Client, alice: Any) -> None:
    client.force_login(alice)
    response = _post(client, SAMPLE.name, SAMPLE.read_bytes())
    plan = Plan.objects.get()
    assert response.status_code == 302 and plan.targets.exists() and plan.tasks.exists()
    target = plan.targets.exclude(source_start=None).first()
    assert target is not None
    html = client.get(f"/ke-hoach/{plan.pk}/ra-soat/", {"muc": f"target-{target.pk}"}).content.decode()
    assert '<mark class="source" id="nguon"' in html


def test_an_unexpected_failure_is_reported_next_to_the_field_and_stores_nothing(
    client: Client, alice: Any, extractor: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(text: str, doc: str = "") -> dict[str, Any]:
        raise RuntimeError("parser bug")

    monkeypatch.setattr(actions, "extract_plan", broken)
    client.force_login(alice)
    response = _post(client, "mau.txt", TEXT.encode("utf-8"))
    assert response.status_code == 400 and jobs.UNEXPECTED in response.content.decode()
    assert _nothing_stored() and _leftover_temp_files() == []
