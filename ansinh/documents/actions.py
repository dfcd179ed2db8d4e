"""Reading a file into a source document and a draft plan, in one transaction."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.db import transaction

from ansinh.core.models import audit
from ansinh.documents.formats import DocumentError, ReadResult, read_document
from ansinh.documents.models import SourceDocument
from ansinh.documents.parsing import extract_plan
from ansinh.lib.text import fold
from ansinh.plans.actions import do_import_plan
from ansinh.plans.models import Plan

Progress = Callable[[int, int], None]


def slug_for(path: Path) -> str:
    """The file name as a slug, Vietnamese letters folded first ("Kế hoạch Đà Nẵng" → "ke-hoach-da-nang")."""
    stem = re.sub(r"[^a-z0-9]+", "-", fold(path.stem)).strip("-")
    return stem[:120] or "van-ban"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def parse_file(path: Path, progress: Progress | None = None) -> tuple[ReadResult, dict[str, Any]]:
    """Read and extract without storing anything; raises ``DocumentError``."""
    result = read_document(path, progress=progress)
    if not result.text.strip():
        raise DocumentError("Văn bản không có nội dung chữ nào để trích xuất.")
    return result, extract_plan(result.text, doc=slug_for(path))


def find_imported(path: Path) -> Plan | None:
    """The plan already imported from a file with the same content, if any."""
    digest = sha256_of(path)
    return Plan.objects.filter(source_document__sha256=digest).order_by("id").first()


_WORDS = re.compile(r"[^\W_]+")


def text_key(text: str) -> str:
    """A digest of a document's words, whatever its format: NFC, case-folded, punctuation and layout dropped.

    A plan saved as .txt and as .docx gets the same key although their bytes (and line breaks,
    table borders, bullets, quotes) differ.
    """
    words = _WORDS.findall(unicodedata.normalize("NFC", text).casefold())
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()


def find_same_text(text: str) -> Plan | None:
    """The plan already imported from a document with the same words, in any format."""
    key = text_key(text)
    return Plan.objects.filter(source_document__text_key=key).select_related("source_document").order_by("id").first()


class SameDocument(DocumentError):
    """The upload has the words of a document already imported (perhaps as another format)."""

    def __init__(self, plan: Plan) -> None:
        document = plan.source_document
        where = f" từ tệp «{document.filename}» ngày {document.uploaded_at:%d/%m/%Y}" if document is not None else ""
        super().__init__(
            f"Văn bản này có cùng nội dung với kế hoạch «{plan.display_title[:160]}» đã nhập{where}, "
            "dù định dạng tệp khác. Hãy mở kế hoạch đã có, hoặc chọn «Vẫn nhập thành kế hoạch mới»."
        )
        self.plan = plan


def _restore(text: str) -> str:
    """Text with OCR confusions fixed and diacritics restored, or "" when the marks are present."""
    from ansinh.lib.diacritics import needs_restoration, restore_diacritics
    from ansinh.lib.ocr_cleanup import clean_ocr

    return restore_diacritics(clean_ocr(text)) if needs_restoration(text) else ""


def _first_paragraph(text: str, limit: int = 300) -> str:
    """The document's opening paragraph, a stand-in title when none was found."""
    lines: list[str] = []
    for line in text.strip().splitlines():
        if not line.strip():
            if lines:
                break
            continue
        lines.append(line.strip())
    joined = " ".join(lines)
    return joined if len(joined) <= limit else joined[:limit].rsplit(" ", 1)[0] + "…"


def display_extraction(extraction: dict[str, Any], text: str, restored: str) -> dict[str, Any]:
    """The extraction as the plan shows it: a stand-in title, and readable names when marks were lost.

    The raw extraction stays on the source document; only the plan's header fields change.
    """
    meta = dict(extraction.get("meta") or {})
    if not meta.get("title"):
        meta["title"] = _first_paragraph(restored or text)
    if restored:
        from ansinh.lib.diacritics import needs_restoration, restore_diacritics
        from ansinh.lib.ocr_cleanup import clean_ocr

        for key in ("title", "issuer"):
            value = meta.get(key)
            if isinstance(value, str) and needs_restoration(value):
                meta[key] = restore_diacritics(clean_ocr(value))
    return {**extraction, "meta": meta}


# A scan of hundreds of pages may warn on each; the reviewer is shown the first ones.
MAX_READ_WARNINGS = 50


def do_import_document(
    path: Path,
    actor: Any = None,
    *,
    filename: str | None = None,
    progress: Progress | None = None,
    skip_existing: bool = False,
    refuse_same_text: bool = False,
) -> Plan:
    """Read, extract and store a draft plan; nothing is stored if any step fails.

    ``refuse_same_text`` raises :class:`SameDocument` when a plan was already imported from a
    document with the same words (the same plan as .txt and as .docx), before extracting.
    """
    if skip_existing:
        existing = find_imported(path)
        if existing is not None:
            return existing
    result = read_document(path, progress=progress)
    if not result.text.strip():
        raise DocumentError("Văn bản không có nội dung chữ nào để trích xuất.")
    if refuse_same_text:
        same = find_same_text(result.text)
        if same is not None:
            raise SameDocument(same)
    extraction = extract_plan(result.text, doc=slug_for(path))
    restored = _restore(result.text)
    with transaction.atomic():
        document = SourceDocument.objects.create(
            slug=slug_for(Path(filename or path.name)),
            filename=filename or path.name,
            media_type=result.media_type,
            sha256=sha256_of(path),
            text_key=text_key(result.text),
            size_bytes=path.stat().st_size,
            text=result.text,
            restored_text=restored,
            ocr_used=result.ocr_used,
            read_warnings=list(result.warnings)[:MAX_READ_WARNINGS],
            extraction=extraction,
            uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        audit(actor, "document.import", document, summary=f"Nhập văn bản {document.filename}")
        return do_import_plan(document, display_extraction(extraction, result.text, restored), actor)
