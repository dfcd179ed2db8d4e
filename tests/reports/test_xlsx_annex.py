"""The Excel annex: one sheet per unit, frozen header, numbers as numbers, and no formula-like cell."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from ansinh.lib.spreadsheet import safe_text
from ansinh.reports.report_content import AnnexRow, AnnexTable, ReportData
from ansinh.reports.xlsx_annex import build_xlsx, sheet_title
from tests.reports.test_docx_layout import sample_data

FORMULA_STARTS = ("=", "+", "-", "@")


def _workbook(data: ReportData) -> Workbook:
    buf = io.BytesIO()
    build_xlsx(data, buf)
    buf.seek(0)
    return load_workbook(buf)


def _assert_no_formula(wb: Workbook) -> None:
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(FORMULA_STARTS), (ws.title, cell.coordinate, cell.value)
                    assert cell.data_type != "f"


def test_it_writes_a_summary_sheet_and_one_sheet_per_unit() -> None:
    wb = _workbook(sample_data())
    assert wb.sheetnames == ["Tổng hợp", "Phường Bến Thành"]
    ws = wb["Phường Bến Thành"]
    assert [c.value for c in ws[4]] == ["TT", "Đơn vị", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch (mốc)", "Thực hiện", "Đánh giá", "Đơn vị đã báo cáo"]
    assert [c.value for c in ws[5]] == [1, "Phường Bến Thành", "Tỷ lệ hộ nghèo", "%", 1.0, 0.8, "Đạt", None]
    assert ws.freeze_panes == "A5"
    assert ws["F5"].number_format == "#,##0.0#" and ws["E5"].number_format == "#,##0"  # 0,8 and 1, never 1,00
    assert ws.column_dimensions["C"].width == 60


def test_a_unit_without_rows_says_there_is_no_data() -> None:
    data = sample_data()
    data.annex = [AnnexTable("Xã Trống", [])]
    ws = _workbook(data)["Xã Trống"]
    assert ws["C5"].value == "Chưa có số liệu."


def test_user_text_that_looks_like_a_formula_is_neutralised() -> None:
    data = sample_data()
    data.number = "=HYPERLINK(\"http://x\")"
    data.annex = [AnnexTable("=cmd|' /C calc'!A0", [AnnexRow("@SUM(1)", "+1+1", "-", "-5", "=1", "@x", None, None)])]
    wb = _workbook(data)
    _assert_no_formula(wb)
    row = [c.value for c in wb.worksheets[1][5]]
    assert row[1:] == ["'@SUM(1)", "'+1+1", "'-", "'-5", "'=1", "'@x", None]


def test_sheet_names_stay_valid_and_unique() -> None:
    used: set[str] = set()
    names = [sheet_title("Phường [1]: A/B*?", used), sheet_title("Phường [1]: A/B*?", used), sheet_title("x" * 40, used)]
    assert names[0] != names[1] and all(len(n) <= 31 for n in names)
    assert not any(ch in n for n in names for ch in "[]:*?/\\")


@given(st.text())
def test_safe_text_never_starts_like_a_formula(text: str) -> None:
    assert not safe_text(text).startswith(FORMULA_STARTS)


@settings(max_examples=25)
@given(st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=30), st.text(max_size=30))
def test_no_cell_of_the_annex_starts_like_a_formula(unit: str, indicator: str) -> None:
    data = sample_data()
    data.subject = indicator
    data.annex = [AnnexTable(unit, [AnnexRow(unit, indicator, indicator, indicator, indicator, indicator)])]
    _assert_no_formula(_workbook(data))
