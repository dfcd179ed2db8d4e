"""Lay out a :class:`ReportData` as a DOCX in the Decree 30/2020 format (Appendix I).

A4 portrait; margins top/bottom 20 mm, left 30 mm, right 15 mm; Times New
Roman everywhere (Latin, East Asian and complex-script slots); body 14 pt;
page numbers centred in the header from page 2; header block and the
"Nơi nhận" / signature block as borderless two-column tables.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm, Pt, Twips
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from ansinh.reports.report_content import ReportData
from ansinh.reports.report_text import vn_date_line

FONT = "Times New Roman"
BODY_PT = 14
TABLE_PT = 12
PAGE_MM = (210, 297)
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
TEXT_WIDTH_MM = PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
TARGET_HEADERS = ("TT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch (mốc)", "Thực hiện", "Đánh giá")
TARGET_WIDTHS_MM = (10, 62, 18, 25, 25, 25)


def build_docx(data: ReportData, out: str | Path | IO[bytes]) -> None:
    """Write the report to ``out`` (a path or a binary stream)."""
    doc = Document()
    _setup_page(doc)
    _setup_fonts(doc)
    _page_numbers(doc)
    _header_block(doc, data)
    _title(doc, data)
    _body(doc, data)
    _recipients_and_signature(doc, data)
    doc.core_properties.title = f"{data.title} {data.subject}"[:250]
    doc.core_properties.author = data.issuing_body[:250]
    doc.save(out)  # type: ignore[arg-type]


def _twips_up(mm: float) -> Twips:
    """A length stored in whole twips, rounded up so a minimum like 15 mm is never undershot."""
    return Twips(math.ceil(mm * 1440 / 25.4))


def _setup_page(doc: DocxDocument) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
    section.top_margin, section.bottom_margin = _twips_up(MARGINS_MM["top"]), _twips_up(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = _twips_up(MARGINS_MM["left"]), _twips_up(MARGINS_MM["right"])
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)


def _set_run_fonts(rpr: BaseOxmlElement) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        if fonts.get(qn(attr)) is not None:
            del fonts.attrib[qn(attr)]


def _setup_fonts(doc: DocxDocument) -> None:
    """Times New Roman in the document defaults and in every style, black, Vietnamese."""
    styles_el = doc.styles.element
    defaults = styles_el.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        if rpr is not None:
            _set_run_fonts(rpr)
            lang = rpr.find(qn("w:lang"))
            if lang is None:
                lang = OxmlElement("w:lang")
                rpr.append(lang)
            lang.set(qn("w:val"), "vi-VN")
    for style in doc.styles:
        if not hasattr(style, "font"):
            continue
        style.font.name = FONT
        _set_run_fonts(style.element.get_or_add_rPr())
    normal = doc.styles["Normal"]
    normal.font.size = Pt(BODY_PT)
    fmt = normal.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(6)
    fmt.line_spacing = 1.15


def _field(paragraph: Paragraph, instruction: str) -> None:
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(begin)
    run._r.append(instr)
    run._r.append(end)
    run.font.size = Pt(BODY_PT)


def _page_numbers(doc: DocxDocument) -> None:
    """Arabic page number centred in the top margin, not on page 1."""
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(paragraph, "PAGE")


def _no_borders(table: Table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.insert_element_before(borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption")


def _widths(table: Table, widths_mm: Iterable[float]) -> None:
    table.autofit = False
    widths = list(widths_mm)
    for col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=False):
        col.set(qn("w:w"), str(int(Mm(width).twips)))
    tbl_w = table._tbl.tblPr.find(qn("w:tblW"))
    if tbl_w is None:
        tbl_w = OxmlElement("w:tblW")
        table._tbl.tblPr.insert_element_before(tbl_w, "w:jc", "w:tblInd", "w:tblBorders", "w:tblLayout", "w:tblLook")
    tbl_w.set(qn("w:type"), "dxa")
    tbl_w.set(qn("w:w"), str(int(Mm(sum(widths)).twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=False):
            cell.width = Mm(width)


def _para(
    container: DocxDocument | _Cell,
    text: str = "",
    *,
    size: float = BODY_PT,
    bold: bool = False,
    italic: bool = False,
    align: WD_ALIGN_PARAGRAPH | None = None,
    indent: bool = False,
    space_after: float | None = None,
    first: bool = False,
) -> Paragraph:
    """A paragraph with one run; ``first`` reuses the empty paragraph a new cell starts with."""
    if first and isinstance(container, _Cell) and not container.paragraphs[0].text:
        paragraph = container.paragraphs[0]
    else:
        paragraph = container.add_paragraph()
    if text:
        run = paragraph.add_run(text)
        run.font.size = Pt(size)
        run.bold = bold
        run.italic = italic
    fmt = paragraph.paragraph_format
    if align is not None:
        paragraph.alignment = align
    if indent:
        fmt.first_line_indent = Mm(10)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if space_after is not None:
        fmt.space_after = Pt(space_after)
    return paragraph


def _rule(container: DocxDocument | _Cell, width_mm: float, cell_mm: float) -> None:
    """A short centred horizontal rule: the bottom border of a tiny indented paragraph."""
    paragraph = container.add_paragraph()
    side = max(0.0, (cell_mm - width_mm) / 2)
    paragraph.paragraph_format.left_indent = Mm(side)
    paragraph.paragraph_format.right_indent = Mm(side)
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.line_spacing = Pt(2)
    ppr = paragraph._p.get_or_add_pPr()
    pbdr = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, val in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), val)
    pbdr.append(bottom)
    ppr.insert_element_before(
        pbdr, "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:spacing", "w:ind", "w:jc", "w:rPr", "w:sectPr"
    )


def _header_block(doc: DocxDocument, data: ReportData) -> None:
    left_mm, right_mm = 66.0, TEXT_WIDTH_MM - 66.0 + 10
    table = doc.add_table(rows=2, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _no_borders(table)
    _widths(table, (left_mm, right_mm))
    center = WD_ALIGN_PARAGRAPH.CENTER
    left, right = table.cell(0, 0), table.cell(0, 1)
    if data.parent_body:
        _para(left, data.parent_body.upper(), size=13, align=center, space_after=0, first=True)
    _para(left, data.issuing_body.upper(), size=13, bold=True, align=center, space_after=0, first=True)
    _rule(left, 22, left_mm)
    _para(right, NATIONAL_TITLE, size=13, bold=True, align=center, space_after=0, first=True)
    _para(right, MOTTO, size=14, bold=True, align=center, space_after=0)
    _rule(right, 58, right_mm)
    _para(table.cell(1, 0), f"Số: {data.number}", size=13, align=center, first=True)
    _para(table.cell(1, 1), vn_date_line(data.place, data.date), size=13, italic=True, align=center, first=True)


def _title(doc: DocxDocument, data: ReportData) -> None:
    center = WD_ALIGN_PARAGRAPH.CENTER
    title = _para(doc, data.title.upper(), size=14, bold=True, align=center, space_after=0)
    title.paragraph_format.space_before = Pt(18)
    _para(doc, data.subject, size=14, bold=True, align=center, space_after=0)
    _rule(doc, 40, TEXT_WIDTH_MM)
    doc.add_paragraph().paragraph_format.space_after = Pt(0)


def _heading(doc: DocxDocument, text: str) -> None:
    paragraph = _para(doc, text, bold=True, space_after=6)
    paragraph.paragraph_format.space_before = Pt(6)
    paragraph.paragraph_format.keep_with_next = True


def _paragraphs(doc: DocxDocument, texts: Iterable[str], empty: str) -> None:
    items = [t for t in texts if t.strip()]
    for text in items or [empty]:
        _para(doc, text, indent=True)


def _body(doc: DocxDocument, data: ReportData) -> None:
    _heading(doc, "I. ĐÁNH GIÁ CHUNG")
    _paragraphs(doc, data.general, "Chưa có nội dung đánh giá chung.")
    _heading(doc, "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP VÀ CHỈ TIÊU")
    for n, group in enumerate(data.task_groups, start=1):
        _para(doc, f"{n}. {group.title}", bold=True, indent=True)
        _paragraphs(doc, group.paragraphs, "Chưa có báo cáo kết quả thực hiện.")
    if not data.task_groups:
        _paragraphs(doc, [], "Kế hoạch chưa có nhiệm vụ được theo dõi.")
    _para(doc, f"{len(data.task_groups) + 1}. {data.targets_caption}", bold=True, indent=True)
    _targets_table(doc, data)
    _heading(doc, "III. KHÓ KHĂN, VƯỚNG MẮC VÀ NGUYÊN NHÂN")
    _para(doc, "1. Khó khăn, vướng mắc", bold=True, indent=True)
    _paragraphs(doc, data.difficulties, "Không có khó khăn, vướng mắc được báo cáo.")
    _para(doc, "2. Nguyên nhân", bold=True, indent=True)
    _paragraphs(doc, data.causes, "Các đơn vị chưa có giải trình về chỉ tiêu chưa đạt mốc của năm.")
    _heading(doc, "IV. ĐỀ XUẤT, KIẾN NGHỊ")
    _paragraphs(doc, data.proposals, "Không có đề xuất, kiến nghị.")


def _cell_text(cell: _Cell, text: str, *, bold: bool = False, align: WD_ALIGN_PARAGRAPH | None = None) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.space_after = Pt(0)
    if align is not None:
        paragraph.alignment = align
    run = paragraph.add_run(text)
    run.font.size = Pt(TABLE_PT)
    run.bold = bold


def _repeat_header(table: Table) -> None:
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _targets_table(doc: DocxDocument, data: ReportData) -> None:
    table = doc.add_table(rows=1, cols=len(TARGET_HEADERS))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    center = WD_ALIGN_PARAGRAPH.CENTER
    for cell, text in zip(table.rows[0].cells, TARGET_HEADERS, strict=True):
        _cell_text(cell, text, bold=True, align=center)
    _repeat_header(table)
    for row in data.targets:
        new_row = table.add_row()
        new_row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        cells = new_row.cells
        values = (row.number, row.target, row.unit_of_measure, row.milestone, row.actual, row.status)
        for i, (cell, text) in enumerate(zip(cells, values, strict=True)):
            _cell_text(cell, text, align=None if i == 1 else center)
    if not data.targets:
        cells = table.add_row().cells
        merged = cells[0].merge(cells[-1])
        _cell_text(merged, "Kế hoạch chưa có chỉ tiêu định lượng.", align=center)
    _widths(table, TARGET_WIDTHS_MM)
    doc.add_paragraph()


def _recipients_and_signature(doc: DocxDocument, data: ReportData) -> None:
    left_mm, right_mm = 80.0, TEXT_WIDTH_MM - 80.0
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    _widths(table, (left_mm, right_mm))
    left, right = table.cell(0, 0), table.cell(0, 1)
    _para(left, "Nơi nhận:", size=12, bold=True, italic=True, space_after=0, first=True)
    recipients = [r.strip().rstrip(";.") for r in data.recipients if r.strip()]
    for name in recipients:
        _para(left, f"- {name};", size=11, space_after=0)
    archive = data.archive.strip().rstrip(".")
    _para(left, f"- {archive}.", size=11, space_after=0)
    center = WD_ALIGN_PARAGRAPH.CENTER
    first = True
    for line in (data.signer_authority, data.signer_title):
        for part in (p for p in line.split("\n") if p.strip()):
            _para(right, part.upper(), size=14, bold=True, align=center, space_after=0, first=first)
            first = False
    for _ in range(4):
        _para(right, "", space_after=0)
    _para(right, data.signer_name, size=14, bold=True, align=center, space_after=0, first=first)
