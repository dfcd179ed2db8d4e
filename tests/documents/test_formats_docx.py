"""Word .docx reading: order, tables, numbering, headers/footers, zip guards."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from ansinh.documents.formats import DocumentError, read_document
from ansinh.documents.formats.docx import check_docx_zip

NUMBERING_XML = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:abstractNum w:abstractNumId="10">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="11">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\u2022"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="5"><w:abstractNumId w:val="10"/></w:num>
  <w:num w:numId="6"><w:abstractNumId w:val="11"/></w:num>
</w:numbering>
"""


def _number(paragraph: Paragraph, num_id: int, ilvl: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    lvl = OxmlElement("w:ilvl")
    lvl.set(qn("w:val"), str(ilvl))
    nid = OxmlElement("w:numId")
    nid.set(qn("w:val"), str(num_id))
    numpr.append(lvl)
    numpr.append(nid)
    ppr.append(numpr)


def _install_numbering(document: Document) -> None:
    from docx.oxml import parse_xml

    # The default template already has a numbering part: replace its definitions.
    document.part.numbering_part._element = parse_xml(NUMBERING_XML.encode("utf-8"))


def make_plan_docx(path: Path) -> Path:
    document = docx.Document()
    _install_numbering(document)
    section = document.sections[0]
    section.header.paragraphs[0].text = "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ"
    section.footer.paragraphs[0].text = "Trang chân"
    document.add_paragraph("KẾ HOẠCH thực hiện chính sách xã hội")
    _number(document.add_paragraph("MỤC ĐÍCH, YÊU CẦU"), 5, 0)
    _number(document.add_paragraph("Mục đích"), 5, 1)
    _number(document.add_paragraph("bảo đảm an sinh"), 5, 2)
    _number(document.add_paragraph("giảm nghèo bền vững"), 5, 2)
    _number(document.add_paragraph("Yêu cầu"), 5, 1)
    _number(document.add_paragraph("NHIỆM VỤ"), 5, 0)
    _number(document.add_paragraph("Tuyên truyền"), 6, 0)
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).text = "STT"
    table.cell(0, 1).text = "Nội dung"
    table.cell(0, 2).text = "Thời gian"
    table.cell(1, 0).text = "1"
    table.cell(1, 1).text = "Rà soát hộ nghèo"
    table.cell(1, 2).text = "Quý I"
    merged = table.cell(2, 0).merge(table.cell(2, 1))
    merged.text = "Tổng cộng"
    table.cell(2, 2).text = "2025"
    document.add_paragraph("TỔ CHỨC THỰC HIỆN sau bảng")
    # A second section with the header linked to the first: must not repeat.
    document.add_section()
    document.add_paragraph("Phụ lục")
    document.save(str(path))
    return path


def test_docx_order_numbering_tables_headers(tmp_path: Path) -> None:
    res = read_document(make_plan_docx(tmp_path / "plan.docx"))
    lines = res.text.splitlines()
    assert res.media_type.endswith("wordprocessingml.document")
    assert lines[0] == "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ"
    assert res.text.count("ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ") == 1
    assert res.text.count("Trang chân") == 1
    body = lines[1:]
    assert body[:9] == [
        "KẾ HOẠCH thực hiện chính sách xã hội",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "a) bảo đảm an sinh",
        "b) giảm nghèo bền vững",
        "2. Yêu cầu",
        "II. NHIỆM VỤ",
        "- Tuyên truyền",
        "STT\tNội dung\tThời gian",
    ]
    assert body[9] == "1\tRà soát hộ nghèo\tQuý I"
    assert body[10] == "Tổng cộng\t\t2025"  # the merged cell is not repeated; its grid column stays, empty
    assert body[11] == "TỔ CHỨC THỰC HIỆN sau bảng"
    assert "Phụ lục" in body
    assert not res.ocr_used and res.encoding is None


def test_docx_vertical_merge_not_repeated(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "Sở LĐ-TB&XH"
    table.cell(0, 1).text = "Nhiệm vụ 1"
    table.cell(1, 1).text = "Nhiệm vụ 2"
    path = tmp_path / "v.docx"
    document.save(str(path))
    text = read_document(path).text
    assert text.count("Sở LĐ-TB&XH") == 1
    assert "\tNhiệm vụ 2" in text


def test_zip_bomb_rejected_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(40):  # 40 MB of zeros, about 40 KB compressed
                fh.write(chunk)
    assert path.stat().st_size < 2 * 1024 * 1024
    with pytest.raises(DocumentError, match=r"bom nén|tỉ lệ nén"):
        check_docx_zip(path)
    with pytest.raises(DocumentError):
        read_document(path)


def test_total_uncompressed_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import ansinh.documents.formats.docx as docx_reader

    good = make_plan_docx(tmp_path / "good.docx")
    monkeypatch.setattr(docx_reader, "MAX_DOCX_UNCOMPRESSED", 1000)
    with pytest.raises(DocumentError, match="giải nén quá lớn"):
        read_document(good)


def test_corrupted_docx(tmp_path: Path) -> None:
    good = make_plan_docx(tmp_path / "good.docx")
    broken = tmp_path / "broken.docx"
    broken.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(DocumentError, match="bị hỏng"):
        read_document(broken)
    notzip = tmp_path / "notzip.docx"
    notzip.write_bytes(b"this is not a zip file at all")
    with pytest.raises(DocumentError, match="bị hỏng"):
        read_document(notzip)


def test_zip_without_word_document(tmp_path: Path) -> None:
    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(DocumentError, match="bảng tính"):
        read_document(path)


def test_docx_with_bad_xml(tmp_path: Path) -> None:
    good = make_plan_docx(tmp_path / "good.docx")
    bad = tmp_path / "bad.docx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                data = data[: len(data) // 2]
            dst.writestr(info, data)
    with pytest.raises(DocumentError):
        read_document(bad)
