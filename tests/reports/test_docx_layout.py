"""The consolidated report DOCX follows Decree 30/2020: page, margins, fonts, header, recipients, targets."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import Mm

from ansinh.reports.docx_builder import build_docx
from ansinh.reports.report_content import AnnexRow, AnnexTable, ReportData, TargetRow, TaskGroup


def sample_data() -> ReportData:
    return ReportData(
        parent_body="",
        issuing_body="Ủy ban nhân dân Thành phố Hồ Chí Minh",
        number="…/BC-UBND",
        place="Thành phố Hồ Chí Minh",
        date=dt.date(2025, 12, 5),
        title="Báo cáo",
        subject="Kết quả thực hiện năm 2025 Kế hoạch thực hiện Chương trình hành động số 53-CTrHĐ/TU",
        general=["Năm 2025, các sở, ngành đã triển khai kế hoạch."],
        task_groups=[TaskGroup("Công tác tuyên truyền", ["Đã tổ chức 12 hội nghị."])],
        targets=[TargetRow("1", "Tỷ lệ hộ nghèo", "%", "dưới 1%", "0,8%", "Đạt")],
        difficulties=["=Nguồn lực còn hạn chế"],
        proposals=["Đề nghị Trung ương bổ sung kinh phí."],
        recipients=["Văn phòng Chính phủ", "Bộ Nội vụ"],
        archive="Lưu: VT, VX",
        signer_authority="TM. Ủy ban nhân dân",
        signer_title="KT. Chủ tịch\nPhó Chủ tịch",
        signer_name="Nguyễn Văn A",
        annex=[AnnexTable("Phường Bến Thành", [AnnexRow("Phường Bến Thành", "Tỷ lệ hộ nghèo", "%", "1", "0,8", "Đạt", 0.8, 1.0)])],
        years=(2025, 2025),
    )


def reopen(data: ReportData) -> DocxDocument:
    buf = io.BytesIO()
    build_docx(data, buf)
    buf.seek(0)
    return Document(buf)


def all_text(doc: DocxDocument) -> str:
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(c.text for c in row.cells)
    return "\n".join(parts)


def assert_decree30_layout(doc: DocxDocument) -> None:
    """The checks the issue asks for; shared with the end-to-end report test."""
    section = doc.sections[0]
    width, height = int(section.page_width or 0), int(section.page_height or 0)
    top, bottom = int(section.top_margin or 0), int(section.bottom_margin or 0)
    left, right = int(section.left_margin or 0), int(section.right_margin or 0)
    assert abs(width - Mm(210)) < Mm(0.5) and abs(height - Mm(297)) < Mm(0.5)
    assert Mm(20) <= top <= Mm(25) and Mm(20) <= bottom <= Mm(25)
    assert Mm(30) <= left <= Mm(35) and Mm(15) <= right <= Mm(20)
    for style in doc.styles:
        if hasattr(style, "font") and style.font.name is not None:
            assert style.font.name == "Times New Roman", style.name
    rfonts = doc.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert rfonts.get(qn("w:eastAsia")) == "Times New Roman"
    sizes = set()
    for paragraph in doc.paragraphs:
        for run in paragraph.runs:
            assert run.font.name in (None, "Times New Roman")
            if run.text.strip() and run.font.size:
                sizes.add(run.font.size.pt)
    assert sizes and all(13 <= s <= 14 for s in sizes)
    header = doc.tables[0]
    body_text, national_text = header.cell(0, 0).text, header.cell(0, 1).text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in national_text and "Độc lập - Tự do - Hạnh phúc" in national_text
    assert body_text.strip() and header.cell(1, 0).text.startswith("Số: ")
    date_par = header.cell(1, 1).paragraphs[0]
    assert ", ngày " in date_par.text and " tháng " in date_par.text and all(r.italic for r in date_par.runs)
    national = header.cell(0, 1).paragraphs[0].runs[0]
    assert national.bold
    assert header._tbl.tblPr.find(qn("w:tblBorders")).find(qn("w:top")).get(qn("w:val")) == "nil"
    targets = next(t for t in doc.tables if t.rows[0].cells[0].text == "TT")
    assert [c.text for c in targets.rows[0].cells] == ["TT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch (mốc)", "Thực hiện", "Đánh giá"]
    assert len(targets.rows) >= 2
    closing = doc.tables[-1]
    recipients = closing.cell(0, 0).paragraphs
    assert recipients[0].text == "Nơi nhận:" and recipients[0].runs[0].bold and recipients[0].runs[0].italic
    assert recipients[0].runs[0].font.size.pt == 12
    assert recipients[-1].text.startswith("- Lưu: VT")
    assert all(p.text.startswith("- ") for p in recipients[1:])


def test_the_report_has_the_decree_30_layout() -> None:
    doc = reopen(sample_data())
    assert_decree30_layout(doc)


def test_the_header_block_names_the_issuing_body_and_the_national_title() -> None:
    doc = reopen(sample_data())
    header = doc.tables[0]
    assert header.cell(0, 0).text.strip().splitlines()[0] == "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH"
    assert header.cell(1, 1).text == "Thành phố Hồ Chí Minh, ngày 05 tháng 12 năm 2025"
    assert header.cell(1, 0).text == "Số: …/BC-UBND"


def test_the_targets_table_lists_each_target_with_milestone_actual_and_status() -> None:
    doc = reopen(sample_data())
    targets = doc.tables[1]
    assert [c.text for c in targets.rows[1].cells] == ["1", "Tỷ lệ hộ nghèo", "%", "dưới 1%", "0,8%", "Đạt"]


def test_the_body_has_the_four_sections_in_order() -> None:
    text = all_text(reopen(sample_data()))
    positions = [text.index(h) for h in ("I. ĐÁNH GIÁ CHUNG", "II. KẾT QUẢ", "III. KHÓ KHĂN", "IV. ĐỀ XUẤT")]
    assert positions == sorted(positions)
    assert "1. Công tác tuyên truyền" in text and "Đã tổ chức 12 hội nghị." in text


def test_recipients_end_with_semicolons_and_the_archive_line() -> None:
    doc = reopen(sample_data())
    lines = [p.text for p in doc.tables[-1].cell(0, 0).paragraphs]
    assert lines == ["Nơi nhận:", "- Văn phòng Chính phủ;", "- Bộ Nội vụ;", "- Lưu: VT, VX."]
    signature = doc.tables[-1].cell(0, 1).text
    assert "TM. ỦY BAN NHÂN DÂN" in signature and "PHÓ CHỦ TỊCH" in signature and "Nguyễn Văn A" in signature


def test_page_numbers_start_on_page_two() -> None:
    doc = reopen(sample_data())
    section = doc.sections[0]
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml and "PAGE" not in section.first_page_header._element.xml


def test_a_plan_without_targets_still_gives_a_table_with_a_note(tmp_path: Path) -> None:
    data = sample_data()
    data.targets = []
    out = tmp_path / "r.docx"
    build_docx(data, out)
    doc = Document(str(out))
    assert "Kế hoạch chưa có chỉ tiêu định lượng." in doc.tables[1].rows[1].cells[0].text
