"""Read any plan document (.txt, .docx, .pdf, scanned images) into normalised text.

>>> from ansinh.documents.formats import read_document
>>> result = read_document(Path("ke-hoach.pdf"), progress=lambda done, total: ...)
>>> result.text, result.pages, result.ocr_used

Every failure the user can act on is a :class:`DocumentError` whose ``message``
is Vietnamese. The module is framework-free (no Django).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ._common import (
    MAX_DOCX_RATIO,
    MAX_DOCX_UNCOMPRESSED,
    MAX_FILE_BYTES,
    MAX_IMAGE_PIXELS,
    MAX_PAGES,
    MAX_TEXT_BYTES,
    DocumentError,
    Progress,
    ReadResult,
    check_file,
    read_head,
)
from .docx import read_docx_file
from .ocr import ocr_available, read_image_file
from .pdf import read_pdf_file
from .plaintext import read_text_file

__all__ = [
    "MAX_DOCX_RATIO",
    "MAX_DOCX_UNCOMPRESSED",
    "MAX_FILE_BYTES",
    "MAX_IMAGE_PIXELS",
    "MAX_PAGES",
    "MAX_TEXT_BYTES",
    "SUPPORTED_EXTENSIONS",
    "DocumentError",
    "ReadResult",
    "ocr_available",
    "read_document",
]

_TEXT_EXT = {".txt", ".text", ".csv", ".tsv", ".md"}
_IMAGE_EXT = {".png", ".jpg", ".jpeg", ".tif", ".tiff"}
SUPPORTED_EXTENSIONS = frozenset({".docx", ".pdf", *_TEXT_EXT, *_IMAGE_EXT})

_LEGACY = {
    ".doc": "Word 97-2003 (.doc)",
    ".rtf": "RTF",
    ".odt": "OpenDocument (.odt)",
    ".xls": "Excel",
    ".xlsx": "Excel",
    ".ppt": "PowerPoint",
    ".pptx": "PowerPoint",
}


def read_document(path: Path, *, progress: Progress | None = None, ocr: bool = True) -> ReadResult:
    """Read ``path`` into text, choosing the reader by extension and content.

    ``progress(done, total)`` is called as pages are read (PDF and images);
    with ``ocr=False`` scanned pages are skipped with a warning instead.
    """
    path = Path(path)
    ext = path.suffix.lower()
    kind = _kind_from_extension(path, ext)
    if kind is None:
        check_file(path, max(MAX_FILE_BYTES, MAX_TEXT_BYTES))
        kind = _sniff(path)
    if kind == "text":
        return read_text_file(path)
    if kind == "docx":
        return read_docx_file(path)
    if kind == "pdf":
        return read_pdf_file(path, progress=progress, ocr=ocr)
    return read_image_file(path, progress=progress, ocr=ocr)


def _kind_from_extension(path: Path, ext: str) -> str | None:
    if ext in _TEXT_EXT:
        return "text"
    if ext in _IMAGE_EXT:
        return "image"
    if ext == ".docx":
        return "docx"
    if ext == ".pdf":
        check_file(path, MAX_FILE_BYTES)
        if b"%PDF-" not in read_head(path, 1024):
            raise DocumentError(f"Tệp “{path.name}” có đuôi .pdf nhưng không phải PDF hợp lệ.")
        return "pdf"
    if ext in _LEGACY:
        raise DocumentError(
            f"Chưa hỗ trợ định dạng {_LEGACY[ext]}; hãy lưu tệp dưới dạng .docx hoặc .pdf rồi tải lên lại."
        )
    return None


def _sniff(path: Path) -> str:
    head = read_head(path, 8192)
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as zf:
                names = set(zf.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            raise DocumentError(f"Tệp “{path.name}” là tệp nén bị hỏng.") from None
        if "word/document.xml" in names:
            return "docx"
        raise DocumentError(
            f"Tệp “{path.name}” là tệp nén, không phải văn bản Word (.docx); hãy giải nén trước."
        )
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise DocumentError(
            f"Tệp “{path.name}” có dạng Word/Excel cũ (97-2003); hãy lưu lại dưới dạng .docx hoặc .pdf."
        )
    if (
        head.startswith(b"\x89PNG\r\n\x1a\n")
        or head.startswith(b"\xff\xd8\xff")
        or head[:4] in (b"II*\x00", b"MM\x00*")
    ):
        return "image"
    return "text"
