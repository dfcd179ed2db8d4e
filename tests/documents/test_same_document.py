"""The same plan uploaded as .txt and as .docx is recognised by its words, and the existing plan offered.

``alice`` (may import plans) uploads a plan as text, then the same plan saved as Word.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from ansinh.documents import actions, jobs
from ansinh.documents.actions import text_key
from ansinh.documents.formats import read_document
from ansinh.documents.models import SourceDocument
from ansinh.plans.models import Plan
from tests.documents.test_upload_views import fake_extract_plan
from tests.plans.sample_plan import TEXT

URL = "/van-ban/tai-len/"
SAMPLE = Path(actions.__file__).resolve().parents[1] / "samples" / "hcmc-plan-53.txt"


def as_docx(text: str) -> bytes:
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.fixture
def extractor(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(actions, "extract_plan", fake_extract_plan)
    monkeypatch.setattr(actions, "_restore", lambda text: "")
    monkeypatch.setattr(jobs, "launch", lambda job, path, actor: jobs.run_import_job(job.pk, path, actor))
    yield


def upload(client: Client, name: str, content: bytes, **extra: str) -> Any:
    return client.post(URL, {"file": SimpleUploadedFile(name, content), **extra})


@pytest.mark.django_db
def test_the_same_plan_as_docx_is_offered_the_plan_already_imported_from_text(client: Client, alice: Any, extractor: None) -> None:
    client.force_login(alice)
    assert upload(client, "ke-hoach.txt", TEXT.encode("utf-8")).status_code == 302
    plan = Plan.objects.get()
    response = upload(client, "ke-hoach.docx", as_docx(TEXT))
    html = response.content.decode()
    assert response.status_code == 409
    assert "có cùng nội dung với kế hoạch" in html and "«ke-hoach.txt»" in html and "dù định dạng tệp khác" in html
    assert f'href="/ke-hoach/{plan.pk}/ra-soat/"' in html and "Mở kế hoạch đã có" in html
    assert 'name="import_anyway"' in html and "Vẫn nhập thành kế hoạch mới" in html
    assert Plan.objects.count() == 1 and SourceDocument.objects.count() == 1


@pytest.mark.django_db
def test_the_official_may_still_import_it_as_a_new_plan(client: Client, alice: Any, extractor: None) -> None:
    client.force_login(alice)
    upload(client, "ke-hoach.txt", TEXT.encode("utf-8"))
    response = upload(client, "ke-hoach.docx", as_docx(TEXT), import_anyway="True")
    assert response.status_code == 302 and Plan.objects.count() == 2
    assert len(set(SourceDocument.objects.values_list("text_key", flat=True))) == 1


@pytest.mark.django_db
def test_a_different_plan_in_another_format_is_imported(client: Client, alice: Any, extractor: None) -> None:
    client.force_login(alice)
    upload(client, "ke-hoach.txt", TEXT.encode("utf-8"))
    response = upload(client, "khac.docx", as_docx(TEXT.replace("2025", "2026")))
    assert response.status_code == 302 and Plan.objects.count() == 2


def test_a_real_sample_reads_to_the_same_key_as_text_and_as_word(tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    word = tmp_path / "mau.docx"
    word.write_bytes(as_docx(text))
    assert text_key(read_document(SAMPLE).text) == text_key(read_document(word).text)


words = st.lists(st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạếềểễệ0123456789", min_size=1, max_size=8), min_size=1, max_size=30)
gaps = st.sampled_from([" ", "  ", "\n", "\t", " - ", ", ", ". ", "\n\n• ", " | ", " “", "” "])


@given(words, st.data())
def test_layout_punctuation_case_and_unicode_form_do_not_change_the_key(tokens: list[str], data: st.DataObject) -> None:
    plain = " ".join(tokens)
    laid_out = "".join(token + data.draw(gaps) for token in tokens)
    shouting = unicodedata.normalize("NFD", laid_out.upper())
    assert text_key(plain) == text_key(laid_out) == text_key(shouting)


@given(words, st.text(alphabet="xyz", min_size=1, max_size=4))
def test_a_changed_word_changes_the_key(tokens: list[str], extra: str) -> None:
    assert text_key(" ".join(tokens)) != text_key(" ".join([*tokens, extra]))
