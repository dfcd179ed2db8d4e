"""Types, limits and small helpers shared by the format readers."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ansinh.core.errors import UserError

Progress = Callable[[int, int], None]

# --- limits -----------------------------------------------------------------
#: Largest plain-text file accepted (bytes). Checked from the file size alone.
MAX_TEXT_BYTES = 20 * 1024 * 1024
#: Largest .docx / .pdf / image file accepted on disk (bytes).
MAX_FILE_BYTES = 200 * 1024 * 1024
#: Total uncompressed size of all entries of a .docx (bytes).
MAX_DOCX_UNCOMPRESSED = 300 * 1024 * 1024
#: Largest compression ratio allowed for a large .docx entry (zip-bomb guard).
MAX_DOCX_RATIO = 200
#: Entries smaller than this are not ratio-checked (tiny XML parts compress well).
DOCX_RATIO_MIN_SIZE = 1024 * 1024
#: Most entries a .docx zip may hold.
MAX_DOCX_ENTRIES = 5000
#: Most pages of a PDF (or frames of a TIFF) read.
MAX_PAGES = 1000
#: Largest image (pixels) accepted for OCR; A4 at 600 dpi is about 35 Mpx.
MAX_IMAGE_PIXELS = 80_000_000
#: Resolution used to render PDF pages without a text layer for OCR.
OCR_DPI = 300
#: Seconds tesseract may spend on a single page.
OCR_PAGE_TIMEOUT = 180
#: Length of the text produced, after which reading stops (characters).
MAX_OUTPUT_CHARS = 20 * 1024 * 1024

MEDIA_TXT = "text/plain"
MEDIA_PDF = "application/pdf"
MEDIA_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MEDIA_PNG = "image/png"
MEDIA_JPEG = "image/jpeg"
MEDIA_TIFF = "image/tiff"


class DocumentError(UserError):
    """A document that cannot be read; ``message`` is meant for the user (Vietnamese)."""

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class ReadResult:
    """The text of a document and how it was obtained."""

    text: str
    media_type: str
    pages: int
    ocr_used: bool
    warnings: list[str] = field(default_factory=list)
    encoding: str | None = None


def check_file(path: Path, limit: int) -> int:
    """Ensure ``path`` is a readable, non-empty regular file within ``limit`` bytes.

    Returns its size. Only ``stat`` is used, so a huge file is rejected at once.
    """
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise DocumentError(f"Không tìm thấy tệp “{path.name}”.") from None
    except PermissionError:
        raise DocumentError(f"Không có quyền đọc tệp “{path.name}”.") from None
    except OSError as exc:
        raise DocumentError(f"Không mở được tệp “{path.name}” ({exc.strerror}).") from None
    if stat.S_ISDIR(st.st_mode):
        raise DocumentError(f"“{path.name}” là một thư mục, không phải tệp văn bản.")
    if not stat.S_ISREG(st.st_mode):
        raise DocumentError(f"“{path.name}” không phải là tệp thông thường.")
    if st.st_size == 0:
        raise DocumentError(f"Tệp “{path.name}” rỗng, không có nội dung.")
    if st.st_size > limit:
        raise DocumentError(f"Tệp “{path.name}” quá lớn ({mb(st.st_size)}); giới hạn là {mb(limit)}.")
    return st.st_size


def mb(size: int) -> str:
    """A size in megabytes, Vietnamese style (comma as decimal separator)."""
    return f"{size / (1024 * 1024):.1f}".replace(".", ",") + " MB"


def read_head(path: Path, size: int = 8192) -> bytes:
    """The first ``size`` bytes of ``path`` (DocumentError on I/O failure)."""
    try:
        with open(path, "rb") as fh:
            return fh.read(size)
    except OSError as exc:
        raise DocumentError(f"Không đọc được tệp “{path.name}” ({exc.strerror}).") from None
