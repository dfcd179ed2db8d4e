"""A plan imported from OCR text without diacritics reads correctly; the original is kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from ansinh.documents.actions import display_extraction, do_import_document

SAMPLES = Path(__file__).resolve().parents[2] / "ansinh" / "samples"


@pytest.mark.django_db
def test_an_ocr_plan_without_marks_gets_a_restored_title_and_issuer_and_keeps_the_original() -> None:
    plan = do_import_document(SAMPLES / "rachgia-plan-50.txt")
    assert plan.title.startswith("Thực hiện Chương trình hành động số 50-CTr/TU")
    assert plan.issuer == "Ban Chấp hành Đảng bộ thành phố"
    document = plan.source_document
    assert document is not None and document.restored_text
    # The raw extraction stays unmarked; the parser already reads the OCR's look-alike letters back ("by" for "bộ").
    assert document.extraction["meta"]["issuer"] == "Ban Chap hanh Dang bo thanh pho"
    assert document.text.startswith("Thyc hien") or "Thyc hien" in document.text[:200]


def test_a_plan_with_marks_is_left_as_extracted() -> None:
    extraction = {"meta": {"title": "Kế hoạch thực hiện", "issuer": "UBND xã"}}
    assert display_extraction(extraction, "KẾ HOẠCH\nKế hoạch thực hiện", "") == extraction


def test_a_missing_title_falls_back_to_the_opening_paragraph() -> None:
    text = "\n\nThực hiện Nghị quyết số 42-NQ/TW\nvề chính sách xã hội\n\nI. MỤC ĐÍCH"
    shown = display_extraction({"meta": {"title": None}}, text, "")
    assert shown["meta"]["title"] == "Thực hiện Nghị quyết số 42-NQ/TW về chính sách xã hội"


def test_a_file_name_in_vietnamese_becomes_a_readable_slug() -> None:
    from pathlib import Path

    from ansinh.documents.actions import slug_for

    assert slug_for(Path("Kế hoạch số 12 Đà Nẵng.pdf")) == "ke-hoach-so-12-da-nang"
    assert slug_for(Path("hcmc-plan-53.txt")) == "hcmc-plan-53"
    assert slug_for(Path("….txt")) == "van-ban"


@pytest.mark.django_db
def test_what_the_reader_warned_of_is_kept_with_the_document(monkeypatch: pytest.MonkeyPatch) -> None:
    from dataclasses import replace

    from ansinh.documents import actions
    from ansinh.documents.formats import ReadResult, read_document

    def read_with_a_warning(path: Path, **kwargs: object) -> ReadResult:
        return replace(read_document(path), warnings=["Trang 2: không đọc được chữ."])

    monkeypatch.setattr(actions, "read_document", read_with_a_warning)
    plan = actions.do_import_document(SAMPLES / "rachgia-plan-50.txt")
    assert plan.source_document is not None
    assert plan.source_document.read_warnings == ["Trang 2: không đọc được chữ."]
