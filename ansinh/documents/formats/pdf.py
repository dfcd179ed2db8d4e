"""PDF files: text layer through pdfplumber, OCR of pages that have none."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

from ansinh.lib.text import fold, normalize_text

from ._common import (
    MAX_FILE_BYTES,
    MAX_OUTPUT_CHARS,
    MAX_PAGES,
    MEDIA_PDF,
    OCR_DPI,
    DocumentError,
    Progress,
    ReadResult,
    check_file,
)
from .ocr import ensure_ocr_available, has_readable_text, ocr_image

# A page whose text layer has fewer visible characters than this is OCR'd.
_MIN_TEXT_LAYER_CHARS = 20
# A scanned page whose hidden text layer was made by an OCR that knows no Vietnamese ("Ke hoach thuc hien",
# "Chuang trinh") is OCR'd again: at least this many letters, of which fewer than this share carry a Vietnamese
# mark, on a page mostly covered by an image. Vietnamese prose has about 27-30 % marked letters.
# (``lib.diacritics.needs_restoration`` is not the test here: it also asks that most words be Vietnamese syllables,
# which such a layer's misreadings are not; on the corpus it missed one such page of vncert-cv-298-2017.)
_UNMARKED_MIN_LETTERS = 200
_UNMARKED_SHARE = 0.03
_SCAN_COVER = 0.5
_VIETNAMESE_MARKED = frozenset("ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")
_NOT_TAB = " \n\r\f\v\u00a0"
# Lines looked at, at the top and at the bottom of each page, for running
# headers / footers; and the share of pages on which such a line must recur.
_EDGE_LINES = 2
_REPEAT_SHARE = 0.6
_MIN_PAGES_FOR_REPEATS = 3
_DIGITS = re.compile(r"\d+")
_SHORT_LINE = 20


def _encrypted(path: Path) -> DocumentError:
    return DocumentError(
        f"Tệp PDF “{path.name}” được đặt mật khẩu (mã hóa); hãy gỡ mật khẩu rồi tải lên lại."
    )


def _corrupt(path: Path) -> DocumentError:
    return DocumentError(f"Tệp “{path.name}” bị hỏng hoặc không phải PDF hợp lệ.")


def read_pdf_file(path: Path, *, progress: Progress | None = None, ocr: bool = True) -> ReadResult:
    """Read every page of a PDF, page by page (bounded memory)."""
    check_file(path, MAX_FILE_BYTES)
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        pdf = pdfplumber.open(str(path))
    except PdfminerException as exc:
        inner = exc.args[0] if exc.args else None
        if isinstance(inner, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise _encrypted(path) from None
        raise _corrupt(path) from None
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise _encrypted(path) from None
    except (PDFSyntaxError, ValueError, KeyError, TypeError, OSError):
        raise _corrupt(path) from None

    warnings_out: list[str] = []
    reread: list[int] = []  # pages whose unmarked text layer was replaced by OCR (one warning for them all)
    pages_lines: list[list[str]] = []
    ocr_used = False
    renderer: Any = None
    with pdf:
        try:
            total = len(pdf.pages)
        except Exception:  # pdfminer raises a wide range of errors on broken page trees
            raise _corrupt(path) from None
        if total == 0:
            raise DocumentError(f"Tệp PDF “{path.name}” không có trang nào.")
        if total > MAX_PAGES:
            raise DocumentError(f"Tệp PDF “{path.name}” có {total} trang, vượt giới hạn {MAX_PAGES} trang.")
        produced = 0
        try:
            for index in range(total):
                page = pdf.pages[index]
                unmarked = False
                try:
                    lines = _page_lines(page)
                    unmarked = ocr and unmarked_scan_layer(lines, page)
                except Exception:  # a broken content stream: fall back to OCR
                    lines = []
                    warnings_out.append(f"Trang {index + 1}: lớp chữ bị lỗi.")
                finally:
                    page.close()
                if unmarked or sum(len(line.strip()) for line in lines) < _MIN_TEXT_LAYER_CHARS:
                    if ocr:
                        if renderer is None:
                            ensure_ocr_available()
                            renderer = _open_renderer(path)
                        text = _ocr_page(renderer, index)
                        ocr_used = True
                        if unmarked and not marked_share(text) > _UNMARKED_SHARE:
                            pass  # OCR found no Vietnamese either: the page's own text layer stays
                        elif has_readable_text(text):
                            if unmarked:
                                reread.append(index + 1)
                            # Trailing TABs are a table row's empty last cells (ocr_layout): keep them.
                            lines = [ln.rstrip(_NOT_TAB) for ln in normalize_text(text).split("\n")]
                        elif not lines:
                            warnings_out.append(f"Trang {index + 1}: không đọc được chữ.")
                    elif not lines:
                        warnings_out.append(
                            f"Trang {index + 1} không có lớp chữ (bản quét); chưa nhận dạng chữ (OCR)."
                        )
                pages_lines.append(lines)
                produced += sum(len(line) + 1 for line in lines)
                if produced > MAX_OUTPUT_CHARS:
                    raise DocumentError(
                        f"Tệp PDF “{path.name}” có quá nhiều chữ (trên "
                        f"{MAX_OUTPUT_CHARS // (1024 * 1024)} triệu ký tự)."
                    )
                if progress is not None:
                    progress(index + 1, total)
        finally:
            if renderer is not None:
                renderer.close()

    if reread:
        warnings_out.append(
            f"{_pages_label(reread)}: lớp chữ của bản quét không có dấu tiếng Việt; đã nhận dạng lại chữ (OCR)."
        )
    pages_lines = _drop_running_lines(pages_lines)
    text = normalize_text("\n\n".join("\n".join(lines).strip("\n") for lines in pages_lines))
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n")
    if not text.strip():
        if not ocr:
            raise DocumentError(
                f"Tệp PDF “{path.name}” là bản quét, không có lớp chữ; cần bật nhận dạng chữ (OCR)."
            )
        raise DocumentError(f"Không đọc được chữ trong tệp PDF “{path.name}”.")
    return ReadResult(
        text=text + "\n",
        media_type=MEDIA_PDF,
        pages=total,
        ocr_used=ocr_used,
        warnings=warnings_out,
        encoding=None,
    )


def _pages_label(pages: list[int]) -> str:
    """"Trang 3", "Trang 1–8", "Trang 2, 5, 7": page numbers as a reader would write them."""
    if len(pages) == 1:
        return f"Trang {pages[0]}"
    if pages == list(range(pages[0], pages[-1] + 1)):
        return f"Trang {pages[0]}–{pages[-1]}"
    return "Trang " + ", ".join(str(p) for p in pages)


def marked_share(text: str) -> float:
    """The share of letters that carry a Vietnamese mark (0.0 for a text without letters)."""
    letters = sum(ch.isalpha() for ch in text)
    return sum(ch in _VIETNAMESE_MARKED for ch in text.lower()) / letters if letters else 0.0


def unmarked_scan_layer(lines: list[str], page: Any) -> bool:
    """Whether a page is a scan whose text layer came from an OCR without Vietnamese (no marks at all)."""
    text = "\n".join(lines)
    if sum(ch.isalpha() for ch in text) < _UNMARKED_MIN_LETTERS or marked_share(text) >= _UNMARKED_SHARE:
        return False
    area = float(page.width) * float(page.height) or 1.0
    covered = sum(
        max(0.0, float(im["x1"]) - float(im["x0"])) * max(0.0, float(im["bottom"]) - float(im["top"]))
        for im in page.images
    )
    return covered / area >= _SCAN_COVER


def _page_lines(page: Any) -> list[str]:
    """Text lines of a page in reading order, with detected tables as TSV rows."""
    tables = []
    try:
        tables = page.find_tables()
    except Exception:  # table detection is best effort
        tables = []
    blocks: list[tuple[float, list[str]]] = []
    if tables:
        bboxes = [t.bbox for t in tables]
        for table in tables:
            rows = []
            for row in table.extract() or []:
                cells = [" ".join((c or "").split()) for c in row]
                if any(cells):
                    rows.append("\t".join(cells))
            if rows:
                blocks.append((float(table.bbox[1]), rows))

        def outside(obj: dict[str, Any]) -> bool:
            cx = (obj.get("x0", 0) + obj.get("x1", 0)) / 2
            cy = (obj.get("top", 0) + obj.get("bottom", 0)) / 2
            return not any(b[0] <= cx <= b[2] and b[1] <= cy <= b[3] for b in bboxes)

        rest = page.filter(outside)
    else:
        rest = page
    for line in rest.extract_text_lines(return_chars=False):
        text = line.get("text", "")
        if text.strip():
            blocks.append((float(line.get("top", 0.0)), [text]))
    if not tables and any(_LAID_TABLE_HEADER.search(fold(text)) for _, texts in blocks for text in texts):
        # An assignment table drawn without rules: keep its columns as runs of spaces, which the
        # extractor reads by position (documents.parsing.layout_tables).
        laid = page.extract_text(layout=True) or ""
        return [drop_unmapped_glyphs(line.rstrip()) for line in laid.split("\n") if line.strip()]
    blocks.sort(key=lambda b: b[0])
    return [drop_unmapped_glyphs(line) for _, lines in blocks for line in lines]


# The header of an assignment table: number, task and lead or time columns (folded).
_LAID_TABLE_HEADER = re.compile(
    r"(?<![a-z])s?tt(?![a-z]).{0,40}(?:nhiem vu|noi dung).{0,80}(?:chu tri|thoi gian|thoi han|phoi hop)"
)


_UNMAPPED_GLYPH = re.compile(r"\(cid:\d+\)")


def drop_unmapped_glyphs(line: str) -> str:
    """Remove pdfminer's ``(cid:N)`` placeholders for glyphs the PDF gives no Unicode for."""
    return _UNMAPPED_GLYPH.sub("", line) if "(cid:" in line else line


def _open_renderer(path: Path) -> Any:
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError:
        raise _corrupt(path) from None


def _ocr_page(renderer: Any, index: int) -> str:
    page = renderer[index]
    try:
        bitmap = page.render(scale=OCR_DPI / 72, grayscale=True)
        try:
            image = bitmap.to_pil()
            text = ocr_image(image, dpi=OCR_DPI)
            image.close()
        finally:
            bitmap.close()
    finally:
        page.close()
    return text


def _line_key(line: str) -> str:
    key = " ".join(line.split()).lower()
    # Page numbers differ from page to page: "Trang 3", "- 3 -", "3/12".
    return _DIGITS.sub("#", key) if len(key) <= _SHORT_LINE else key


def _drop_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Remove lines recurring at the top or bottom of most pages (running heads, page numbers)."""
    if len(pages) < _MIN_PAGES_FOR_REPEATS:
        return pages
    top: Counter[str] = Counter()
    bottom: Counter[str] = Counter()
    for lines in pages:
        content = [ln for ln in lines if ln.strip()]
        top.update({_line_key(ln) for ln in content[:_EDGE_LINES]})
        bottom.update({_line_key(ln) for ln in content[-_EDGE_LINES:]})
    threshold = max(_MIN_PAGES_FOR_REPEATS, _REPEAT_SHARE * len(pages))
    top_keys = {k for k, n in top.items() if n >= threshold and k}
    bottom_keys = {k for k, n in bottom.items() if n >= threshold and k}
    if not top_keys and not bottom_keys:
        return pages
    out: list[list[str]] = []
    for lines in pages:
        content_idx = [i for i, ln in enumerate(lines) if ln.strip()]
        drop: set[int] = set()
        for i in content_idx[:_EDGE_LINES]:
            if _line_key(lines[i]) in top_keys:
                drop.add(i)
        for i in content_idx[-_EDGE_LINES:]:
            if _line_key(lines[i]) in bottom_keys:
                drop.add(i)
        out.append([ln for i, ln in enumerate(lines) if i not in drop])
    return out
