"""PDF reading: text layer, tables, running headers, encryption, page limits, OCR."""

from __future__ import annotations

from pathlib import Path

import pytest

from ansinh.documents.formats import DocumentError, read_document
from ansinh.documents.formats import ocr as ocr_module
from tests.documents.ocr_support import needs_font, needs_ocr, text_scan


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_text_pdf(
    path: Path,
    pages: list[list[str]],
    *,
    table: tuple[int, list[list[str]]] | None = None,
    encrypt: bool = False,
    rules: bool = True,
) -> Path:
    """A minimal PDF with a Helvetica text layer; ``table`` = (page index, rows) drawn with rules (or without)."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    pages_id = len(objects) + 1 + 2 * len(pages)  # placeholder id, fixed below
    kids: list[int] = []
    for index, lines in enumerate(pages):
        ops = [b"BT /F1 11 Tf 14 TL 72 770 Td"]
        for line in lines:
            ops.append(b"(" + _escape(line).encode("cp1252") + b") Tj T*")
        ops.append(b"ET")
        if table is not None and table[0] == index:
            rows = table[1]
            top, height, width = 400, 20, 150
            ncols = len(rows[0])
            for r in range(len(rows) + 1 if rules else 0):
                y = top - r * height
                ops.append(f"72 {y} m {72 + ncols * width} {y} l S".encode())
            for c in range(ncols + 1 if rules else 0):
                x = 72 + c * width
                ops.append(f"{x} {top} m {x} {top - len(rows) * height} l S".encode())
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    x, y = 72 + c * width + 5, top - (r + 1) * height + 6
                    ops.append(
                        f"BT /F1 10 Tf {x} {y} Td (".encode() + _escape(cell).encode("cp1252") + b") Tj ET"
                    )
        stream = b"\n".join(ops)
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] "
                b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>" % (pages_id, font, content)
            )
        )
    assert pages_id == len(objects) + 1
    add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids)))
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    extra = b""
    if encrypt:
        # Standard security handler, revision 2; O and U do not match the empty
        # password, so a reader needs the (unknown) user password.
        enc = add(
            b"<< /Filter /Standard /V 1 /R 2 /P -44 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> >>"
        )
        extra = b" /Encrypt %d 0 R /ID [<%s> <%s>]" % (enc, b"ab" * 16, b"ab" * 16)
    return _write_pdf(path, objects, catalog, extra)


def _write_pdf(path: Path, objects: list[bytes], catalog: int, extra: bytes = b"") -> Path:
    """Number the objects 1…N, add the cross-reference table and trailer, and write the file."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, extra, xref)
    path.write_bytes(bytes(out))
    return path


def test_text_layer_and_progress(tmp_path: Path) -> None:
    pdf = make_text_pdf(
        tmp_path / "plan.pdf",
        [["KE HOACH so 63/KH-UBND", "Muc dich, yeu cau"], ["Nhiem vu", "To chuc thuc hien"]],
    )
    calls: list[tuple[int, int]] = []
    res = read_document(pdf, progress=lambda done, total: calls.append((done, total)))
    assert res.media_type == "application/pdf"
    assert res.pages == 2 and not res.ocr_used
    assert res.text.splitlines() == [
        "KE HOACH so 63/KH-UBND",
        "Muc dich, yeu cau",
        "",
        "Nhiem vu",
        "To chuc thuc hien",
    ]
    assert calls == [(1, 2), (2, 2)]


def test_running_headers_and_page_numbers_dropped(tmp_path: Path) -> None:
    pages = [
        ["UY BAN NHAN DAN TINH", f"Noi dung trang {i} dai hon mot chut", f"Dong {'x' * i}", str(i)]
        for i in range(1, 6)
    ]
    res = read_document(make_text_pdf(tmp_path / "run.pdf", pages))
    assert "UY BAN NHAN DAN TINH" not in res.text
    assert "Noi dung trang 3 dai hon mot chut" in res.text
    assert all(line.strip() not in {"1", "2", "3", "4", "5"} for line in res.text.splitlines())


def test_table_rows_tab_separated_in_position(tmp_path: Path) -> None:
    rows = [["STT", "Noi dung", "Thoi gian"], ["1", "Ra soat ho ngheo", "Quy I"]]
    pdf = make_text_pdf(tmp_path / "table.pdf", [["Phu luc bang"]], table=(0, rows))
    lines = read_document(pdf).text.splitlines()
    assert lines[0] == "Phu luc bang"
    assert "STT\tNoi dung\tThoi gian" in lines
    assert "1\tRa soat ho ngheo\tQuy I" in lines
    assert lines.index("STT\tNoi dung\tThoi gian") < lines.index("1\tRa soat ho ngheo\tQuy I")


def test_encrypted_pdf_rejected(tmp_path: Path) -> None:
    pdf = make_text_pdf(tmp_path / "secret.pdf", [["bi mat"]], encrypt=True)
    with pytest.raises(DocumentError, match="mật khẩu"):
        read_document(pdf)


def test_broken_pdfs(tmp_path: Path) -> None:
    fake = tmp_path / "fake.pdf"
    fake.write_bytes(b"not a pdf")
    with pytest.raises(DocumentError, match="không phải PDF"):
        read_document(fake)
    truncated = tmp_path / "trunc.pdf"
    truncated.write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog")
    with pytest.raises(DocumentError):
        read_document(truncated)


def test_page_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import ansinh.documents.formats.pdf as pdf_reader

    monkeypatch.setattr(pdf_reader, "MAX_PAGES", 3)
    pdf = make_text_pdf(tmp_path / "long.pdf", [[f"Trang {i}"] for i in range(5)])
    with pytest.raises(DocumentError, match="vượt giới hạn 3 trang"):
        read_document(pdf)


def test_scanned_page_without_ocr_gives_warning(tmp_path: Path) -> None:
    from PIL import Image

    scan = tmp_path / "scan.pdf"
    Image.new("RGB", (200, 280), "white").save(scan)
    with pytest.raises(DocumentError, match="bản quét"):
        read_document(scan, ocr=False)


def test_missing_tesseract_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PIL import Image

    scan = tmp_path / "scan.pdf"
    Image.new("RGB", (200, 280), "white").save(scan)
    monkeypatch.setattr(ocr_module.shutil, "which", lambda name: None)
    with pytest.raises(DocumentError, match="tesseract-ocr-vie"):
        read_document(scan)


def test_missing_vietnamese_language_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PIL import Image

    scan = tmp_path / "scan.pdf"
    Image.new("RGB", (200, 280), "white").save(scan)
    monkeypatch.setattr(ocr_module.shutil, "which", lambda name: "/usr/bin/tesseract")
    monkeypatch.setattr(ocr_module, "_tesseract_languages", lambda exe: frozenset({"eng", "osd"}))
    with pytest.raises(DocumentError, match="tesseract-ocr-vie") as info:
        read_document(scan)
    assert "tiếng Việt" in info.value.message


@needs_ocr
@needs_font
def test_scanned_pdf_is_ocred(tmp_path: Path) -> None:
    image = text_scan((1240, 500), [(80, 80, "KẾ HOẠCH THỰC HIỆN"), (80, 180, "Chính sách xã hội năm 2025")], 40)
    scan = tmp_path / "scan.pdf"
    image.save(scan, resolution=150)
    calls: list[tuple[int, int]] = []
    res = read_document(scan, progress=lambda d, t: calls.append((d, t)))
    assert res.ocr_used and res.pages == 1
    assert calls == [(1, 1)]
    assert "KẾ HOẠCH" in res.text
    assert "xã hội" in res.text


def test_placeholders_for_glyphs_without_unicode_are_dropped() -> None:
    from ansinh.documents.formats.pdf import drop_unmapped_glyphs

    assert drop_unmapped_glyphs("Trạm Y tế (cid:3)theo nguyên lý củ(cid:11)a") == "Trạm Y tế theo nguyên lý của"
    assert drop_unmapped_glyphs("không có gì") == "không có gì"


def _scan_with_hidden_layer(path: Path, image_jpeg: bytes, size: tuple[int, int], hidden: list[str]) -> Path:
    """A one-page PDF: a full-page scan image under an invisible text layer (what OCR'd scans carry)."""
    width, height = size
    objects: list[bytes] = []
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    objects.append(
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 "
        b"/Filter /DCTDecode /Length %d >>\nstream\n" % (width, height, len(image_jpeg)) + image_jpeg + b"\nendstream"
    )
    ops = [b"q 612 0 0 792 0 0 cm /Im1 Do Q", b"BT 3 Tr /F1 11 Tf 14 TL 72 740 Td"]
    ops += [b"(" + _escape(line).encode("cp1252") + b") Tj T*" for line in hidden]
    ops.append(b"ET")
    stream = b"\n".join(ops)
    objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects.append(
        b"<< /Type /Page /Parent 5 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 1 0 R >> /XObject << /Im1 2 0 R >> >> /Contents 3 0 R >>"
    )
    objects.append(b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>")
    objects.append(b"<< /Type /Catalog /Pages 5 0 R >>")
    return _write_pdf(path, objects, 6)


_UNMARKED_LAYER = [
    "Bo truong Bo Thong tin va Truyen thong yeu cau toan Nganh lam tot cac nhiem vu trong tam sau day",
    "1.Ve xay dung co che, chinh sach, van ban quy pham phap luat cua Bo trong nam",
    "Cac co quan, don vi thuoc Bo xay dung trinh cap co tham quyen ban hanh kip thoi",
] * 2


@needs_ocr
@needs_font
def test_a_scan_whose_hidden_layer_has_no_vietnamese_marks_is_read_again_by_ocr(tmp_path: Path) -> None:
    import io

    image = text_scan(
        (1275, 1650),
        [(100, 100, "KẾ HOẠCH THỰC HIỆN"), (100, 200, "Chính sách xã hội năm 2025"), (100, 300, "Về xây dựng cơ chế")],
        44,
    )
    jpeg = io.BytesIO()
    image.save(jpeg, format="JPEG", quality=90)
    scan = _scan_with_hidden_layer(tmp_path / "scan.pdf", jpeg.getvalue(), image.size, _UNMARKED_LAYER)
    res = read_document(scan)
    assert res.ocr_used
    assert "KẾ HOẠCH" in res.text and "xã hội" in res.text
    assert "Bo truong" not in res.text
    assert res.warnings == ["Trang 1: lớp chữ của bản quét không có dấu tiếng Việt; đã nhận dạng lại chữ (OCR)."]


def test_a_text_layer_without_marks_on_a_page_without_a_scan_is_kept() -> None:
    from ansinh.documents.formats.pdf import marked_share, unmarked_scan_layer

    class Page:  # a typed page: letters, no image
        width, height, images = 612.0, 792.0, []

    assert not unmarked_scan_layer(_UNMARKED_LAYER, Page())
    Page.images = [{"x0": 0, "x1": 612, "top": 0, "bottom": 792}]
    assert unmarked_scan_layer(_UNMARKED_LAYER, Page())
    assert not unmarked_scan_layer(["Kế hoạch thực hiện chính sách xã hội năm 2025 của tỉnh"] * 10, Page())
    assert marked_share("Kế hoạch") > 0.2 and marked_share("") == 0.0


def test_pages_read_again_are_named_in_one_warning() -> None:
    from ansinh.documents.formats.pdf import _pages_label

    assert _pages_label([3]) == "Trang 3"
    assert _pages_label([1, 2, 3, 4]) == "Trang 1–4"
    assert _pages_label([2, 5, 7]) == "Trang 2, 5, 7"
