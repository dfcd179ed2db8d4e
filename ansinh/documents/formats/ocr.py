"""OCR with the ``tesseract`` command (Vietnamese model) and image files."""

from __future__ import annotations

import functools
import io
import re
import shutil
import subprocess
import warnings
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from ansinh.lib.text import normalize_text

from ._common import (
    MAX_FILE_BYTES,
    MAX_IMAGE_PIXELS,
    MAX_PAGES,
    MEDIA_JPEG,
    MEDIA_PNG,
    MEDIA_TIFF,
    OCR_PAGE_TIMEOUT,
    DocumentError,
    Progress,
    ReadResult,
    check_file,
)
from .ocr_layout import layout_text, parse_tsv
from .ocr_rules import erase_rules, find_grids

OCR_LANGUAGE = "vie"
_MIN_READABLE_CHARS = 3
# Images narrower than this are upscaled before OCR: tesseract wants text
# with an x-height of 20 pixels or more.
_MIN_OCR_WIDTH = 1600

_NO_TESSERACT = (
    "Máy chủ chưa cài chương trình nhận dạng chữ (OCR) tesseract; "
    "quản trị viên cần cài các gói tesseract-ocr và tesseract-ocr-vie."
)
_NO_VIE = (
    "Chương trình nhận dạng chữ tesseract chưa có dữ liệu tiếng Việt; "
    "quản trị viên cần cài gói tesseract-ocr-vie."
)


@functools.lru_cache(maxsize=1)
def _tesseract_languages(executable: str) -> frozenset[str]:
    try:
        proc = subprocess.run([executable, "--list-langs"], capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    lines = (proc.stdout + proc.stderr).decode("utf-8", "replace").splitlines()
    return frozenset(line.strip() for line in lines[1:] if line.strip())


def ensure_ocr_available() -> str:
    """Return the tesseract executable, or raise a DocumentError saying what to install."""
    executable = shutil.which("tesseract")
    if executable is None:
        raise DocumentError(_NO_TESSERACT)
    if OCR_LANGUAGE not in _tesseract_languages(executable):
        raise DocumentError(_NO_VIE)
    return executable


def ocr_available() -> bool:
    """True when tesseract and its Vietnamese model are installed."""
    try:
        ensure_ocr_available()
    except DocumentError:
        return False
    return True


def ocr_image(image: Image.Image, *, dpi: int = 300) -> str:
    """Recognise the text of ``image`` with tesseract (Vietnamese); returns raw text.

    Ruled tables are found on the image first and their rules erased before tesseract reads
    it (documents.formats.ocr_rules); tesseract gives its words with their boxes (TSV); each
    table comes out as rows of TAB-separated cells, its first row read again cell by cell,
    and the rest of the page as tesseract reads it (documents.formats.ocr_layout). A page
    without a ruled table reads as before.
    """
    executable = ensure_ocr_available()
    gray = ImageOps.grayscale(image) if image.mode != "L" else image
    if gray.width < _MIN_OCR_WIDTH:
        factor = min(4, -(-_MIN_OCR_WIDTH // max(gray.width, 1)))
        gray = gray.resize((gray.width * factor, gray.height * factor), Image.Resampling.LANCZOS)
        dpi *= factor
    text, confidence = _read_page(executable, gray, dpi)
    turned = upright(executable, gray, dpi)
    if turned is not gray:
        # Orientation detection also turns some upright pages (a half-empty last page with a seal): the turned
        # reading is kept only when tesseract is surer of its words than of the page as it lies.
        turned_text, turned_confidence = _read_page(executable, turned, dpi)
        if turned_confidence > confidence:
            return turned_text
    return text


def _read_page(executable: str, gray: Image.Image, dpi: int) -> tuple[str, float]:
    """The page's text (tables as TAB-separated rows) and tesseract's mean confidence in its words."""
    grids = find_grids(gray, dpi)
    page = erase_rules(gray, grids, dpi) if grids else gray
    proc = _tesseract(executable, page, dpi, psm=3, tsv=True)
    if proc.returncode != 0:
        detail = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise DocumentError(
            "Chương trình nhận dạng chữ tesseract báo lỗi" + (f": {detail[-1]}" if detail else ".")
        )

    def read_box(box: tuple[int, int, int, int]) -> str:
        left, top, right, bottom = box
        inset = max(2, dpi // 100)
        if right - left <= 4 * inset or bottom - top <= 4 * inset:
            return ""
        try:
            cell = _tesseract(executable, page.crop((left + inset, top + inset, right - inset, bottom - inset)), dpi, psm=6)
        except DocumentError:
            return ""
        return cell.stdout.decode("utf-8", "replace") if cell.returncode == 0 else ""

    tsv = proc.stdout.decode("utf-8", "replace")
    return layout_text(parse_tsv(tsv), grids, read_box), _mean_confidence(tsv)


def _mean_confidence(tsv: str) -> float:
    """Mean of tesseract's confidence (0-100) over the words of its TSV output; 0 when it read none."""
    values = []
    for row in tsv.splitlines()[1:]:
        fields = row.split("\t")
        if len(fields) >= 12 and fields[0] == "5" and fields[11].strip():
            try:
                values.append(float(fields[10]))
            except ValueError:
                continue
    return sum(values) / len(values) if values else 0.0


# tesseract's orientation detection (--psm 0) is asked from this confidence on: upright pages of scanned plans read
# 16-29, a landscape annex page scanned sideways 10-15 — and a half-empty upright last page 11 for "turn 180", which
# is why ocr_image keeps a turned reading only when its words are surer. A page with little text is not judged.
_ORIENTATION_CONFIDENCE = 5.0
_ROTATE = re.compile(r"Rotate:\s*(\d+)")
_ORIENTATION = re.compile(r"Orientation confidence:\s*([\d.]+)")


def upright(executable: str, image: Image.Image, dpi: int) -> Image.Image:
    """The page turned upright when tesseract finds it lies sideways or upside down.

    A landscape annex (a task table) is often scanned on a portrait page, its lines running up the page; read as it
    lies, it gives nothing. tesseract's orientation detection says by how many degrees clockwise to turn the page.
    Without its "osd" data, or on a page it cannot judge, the page is read as it lies.
    """
    try:
        proc = _tesseract(executable, image, dpi, psm=0, language="osd")
    except DocumentError:
        return image
    report = proc.stdout.decode("utf-8", "replace")
    rotate, confidence = _ROTATE.search(report), _ORIENTATION.search(report)
    if proc.returncode != 0 or rotate is None or confidence is None:
        return image
    degrees = int(rotate.group(1)) % 360
    if degrees not in (90, 180, 270) or float(confidence.group(1)) < _ORIENTATION_CONFIDENCE:
        return image
    return image.rotate(-degrees, expand=True, fillcolor=255)


def _tesseract(executable: str, image: Image.Image, dpi: int, *, psm: int, tsv: bool = False,
               language: str = OCR_LANGUAGE) -> subprocess.CompletedProcess[bytes]:
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    command = [executable, "-", "-", "-l", language, "--dpi", str(dpi), "--psm", str(psm)]
    try:
        return subprocess.run(
            command + (["tsv"] if tsv else []),
            input=buf.getvalue(),
            capture_output=True,
            timeout=OCR_PAGE_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise DocumentError(f"Nhận dạng chữ một trang mất quá {OCR_PAGE_TIMEOUT} giây; đã dừng.") from None
    except OSError as exc:
        raise DocumentError(f"Không chạy được chương trình nhận dạng chữ tesseract ({exc}).") from None


def has_readable_text(text: str) -> bool:
    return sum(ch.isalnum() for ch in text) >= _MIN_READABLE_CHARS


_IMAGE_MEDIA = {"PNG": MEDIA_PNG, "JPEG": MEDIA_JPEG, "MPO": MEDIA_JPEG, "TIFF": MEDIA_TIFF}


def open_image(path: Path) -> Image.Image:
    """Open an image lazily, rejecting unknown formats and decompression bombs."""
    check_file(path, MAX_FILE_BYTES)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(path)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise DocumentError(_too_big(path)) from None
    except UnidentifiedImageError:
        raise DocumentError(f"Tệp “{path.name}” không phải ảnh hợp lệ hoặc đã bị hỏng.") from None
    except OSError as exc:
        raise DocumentError(f"Không mở được ảnh “{path.name}” ({exc}).") from None
    width, height = image.size
    if width * height > MAX_IMAGE_PIXELS or width <= 0 or height <= 0:
        image.close()
        raise DocumentError(_too_big(path))
    return image


def _too_big(path: Path) -> str:
    return (
        f"Ảnh “{path.name}” quá lớn (trên {MAX_IMAGE_PIXELS // 1_000_000} triệu điểm ảnh) "
        "hoặc là ảnh độc hại; hãy quét lại ở độ phân giải 300 dpi."
    )


def read_image_file(path: Path, *, progress: Progress | None = None, ocr: bool = True) -> ReadResult:
    """OCR an image file (every frame of a multi-page TIFF)."""
    image = open_image(path)
    with image:
        media_type = _IMAGE_MEDIA.get(image.format or "", "image/" + (image.format or "").lower())
        frames = min(getattr(image, "n_frames", 1), MAX_PAGES)
        warnings_out: list[str] = []
        if getattr(image, "n_frames", 1) > MAX_PAGES:
            raise DocumentError(f"Ảnh “{path.name}” có quá {MAX_PAGES} trang.")
        if not ocr:
            raise DocumentError(f"“{path.name}” là ảnh; cần bật nhận dạng chữ (OCR) để đọc được nội dung.")
        ensure_ocr_available()
        parts: list[str] = []
        dpi_info = image.info.get("dpi")
        for index in range(frames):
            try:
                image.seek(index)
                with warnings.catch_warnings():
                    warnings.simplefilter("error", Image.DecompressionBombWarning)
                    frame = image.convert("RGB") if image.mode not in ("L", "RGB") else image.copy()
            except (Image.DecompressionBombError, Image.DecompressionBombWarning):
                raise DocumentError(_too_big(path)) from None
            except (OSError, ValueError, SyntaxError) as exc:
                raise DocumentError(f"Ảnh “{path.name}” bị hỏng, không giải mã được ({exc}).") from None
            dpi = 300
            if isinstance(dpi_info, tuple) and dpi_info and 70 <= float(dpi_info[0]) <= 1200:
                dpi = int(float(dpi_info[0]))
            text = ocr_image(frame, dpi=dpi)
            frame.close()
            if has_readable_text(text):
                parts.append(text.strip("\n"))
            elif frames > 1:
                warnings_out.append(f"Không đọc được chữ ở trang {index + 1}.")
            if progress is not None:
                progress(index + 1, frames)
    if not parts:
        raise DocumentError(
            f"Không đọc được chữ trong ảnh “{path.name}”; hãy kiểm tra ảnh có rõ nét, "
            "đúng chiều và có chữ hay không."
        )
    return ReadResult(
        text=normalize_text("\n\n".join(parts)),
        media_type=media_type,
        pages=frames,
        ocr_used=True,
        warnings=warnings_out,
        encoding=None,
    )
