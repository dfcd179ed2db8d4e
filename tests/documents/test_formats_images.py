"""Images (OCR), decompression bombs and content sniffing of unknown extensions."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from ansinh.documents.formats import DocumentError, read_document
from tests.documents.ocr_support import needs_font, needs_ocr, needs_osd, text_scan


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def make_bomb_png(path: Path, width: int = 40_000, height: int = 40_000) -> Path:
    """A tiny PNG that declares a huge canvas (1.6 gigapixels)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\0" * 1024)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", ihdr)
        + _png_chunk(b"IDAT", idat)
        + _png_chunk(b"IEND", b"")
    )
    return path


def test_decompression_bomb_rejected(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="quá lớn"):
        read_document(make_bomb_png(tmp_path / "bomb.png"))


def test_image_just_over_our_limit_rejected(tmp_path: Path) -> None:
    # 9,000 x 9,000 = 81 Mpx: under Pillow's own bomb threshold, over ours.
    with pytest.raises(DocumentError, match="quá lớn"):
        read_document(make_bomb_png(tmp_path / "big.png", 9_000, 9_000))


def test_corrupted_image(tmp_path: Path) -> None:
    path = tmp_path / "broken.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0 this is not really a jpeg")
    with pytest.raises(DocumentError):
        read_document(path)


def test_image_without_ocr_flag(tmp_path: Path) -> None:
    path = tmp_path / "white.png"
    Image.new("L", (100, 100), 255).save(path)
    with pytest.raises(DocumentError, match="OCR"):
        read_document(path, ocr=False)


@needs_ocr
def test_blank_image_has_no_text(tmp_path: Path) -> None:
    path = tmp_path / "white.png"
    Image.new("L", (400, 300), 255).save(path)
    with pytest.raises(DocumentError, match="Không đọc được chữ trong ảnh"):
        read_document(path)


@needs_ocr
@needs_font
def test_png_is_ocred_in_vietnamese(tmp_path: Path) -> None:
    image = text_scan((1300, 260), [(60, 60, "Người có công với cách mạng"), (60, 150, "Ủy ban nhân dân tỉnh")], 44)
    path = tmp_path / "scan.png"
    image.save(path, dpi=(300, 300))
    res = read_document(path)
    assert res.ocr_used and res.media_type == "image/png" and res.pages == 1
    assert "Người có công" in res.text
    assert "Ủy ban nhân dân" in res.text


_ANNEX = [
    "Phụ lục: Danh mục nhiệm vụ thực hiện chương trình",
    "1. Rà soát danh sách hộ nghèo, hộ cận nghèo năm 2026",
    "Cơ quan chủ trì: Sở Nội vụ; phối hợp: Ủy ban nhân dân các xã",
    "2. Chi trả trợ cấp xã hội không dùng tiền mặt",
    "Cơ quan chủ trì: Bảo hiểm xã hội tỉnh; thời gian: năm 2026",
    "3. Cập nhật dữ liệu người có công với cách mạng",
    "Cơ quan chủ trì: Sở Nội vụ; phối hợp: Công an tỉnh",
]


@needs_ocr
@needs_osd
@needs_font
@pytest.mark.parametrize("turned", [90, 270, 180])
def test_a_page_scanned_sideways_or_upside_down_is_turned_upright_before_it_is_read(tmp_path: Path, turned: int) -> None:
    page = text_scan((1800, 900), [(50, 60 + 110 * k, line) for k, line in enumerate(_ANNEX)], 40)
    path = tmp_path / "phu-luc.png"
    page.rotate(turned, expand=True, fillcolor=255).save(path, dpi=(300, 300))
    text = read_document(path).text
    assert "Danh mục nhiệm vụ" in text and "Bảo hiểm xã hội tỉnh" in text


# --- dispatch and sniffing -----------------------------------------------------


def test_unknown_extension_text_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "plan.dat"
    path.write_text("Kế hoạch số 207/KH-UBND\n", encoding="utf-8")
    res = read_document(path)
    assert res.media_type == "text/plain" and res.text == "Kế hoạch số 207/KH-UBND\n"


def test_unknown_extension_pdf_is_sniffed(tmp_path: Path) -> None:
    from tests.documents.test_formats_pdf import make_text_pdf

    # a text layer long enough that the reader never falls back to OCR (a machine may lack tesseract)
    path = make_text_pdf(tmp_path / "upload", [["Ke hoach so 1 ve cham soc nguoi co cong"]])
    assert read_document(path).media_type == "application/pdf"


def test_unknown_extension_docx_is_sniffed(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Kế hoạch")
    path = tmp_path / "upload.bin"
    document.save(str(path))
    res = read_document(path)
    assert res.text == "Kế hoạch\n"


def test_unknown_extension_garbage(tmp_path: Path) -> None:
    path = tmp_path / "blob.xyz"
    path.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(DocumentError, match="không phải văn bản"):
        read_document(path)


def test_legacy_formats_explained(tmp_path: Path) -> None:
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    with pytest.raises(DocumentError, match=r"\.docx"):
        read_document(path)
    same = tmp_path / "old-noext"
    same.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    with pytest.raises(DocumentError, match="97-2003"):
        read_document(same)


def test_unknown_missing_and_directory(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="Không tìm thấy"):
        read_document(tmp_path / "nothing")
    with pytest.raises(DocumentError, match="thư mục"):
        read_document(tmp_path)
