"""A plan sent as .docx (paragraphs and Word tables with merged header cells) reads like its text export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx

from ansinh.documents.formats import read_document
from ansinh.documents.parsing import extract_plan
from ansinh.lib.text import normalize_text

FIXTURES = Path(__file__).resolve().parent / "fixtures"

TARGETS_TABLE = [
    ["TT", "Chỉ tiêu", "Kết quả năm 2025", "Kế hoạch giai đoạn 2026-2028", "", "", "Cơ quan chủ trì"],
    ["", "", "", "Năm 2026", "Năm 2027", "Năm 2028", ""],
    ["1", "Tỷ lệ dân số tham gia bảo hiểm y tế", "93,2%", "94%", "95%", "96%", "Sở Y tế"],
    ["2", "Tỷ lệ hộ nghèo", "2,1%", "Dưới 2%", "Dưới 1,5%", "Dưới 1%", "Sở Nội vụ"],
]


def _write_docx(path: Path, paragraphs_before: list[str], rows: list[list[str]], paragraphs_after: list[str]) -> None:
    """A .docx whose table header is merged as Word merges it: a span over the year columns, vertical merges."""
    document = docx.Document()
    for text in paragraphs_before:
        document.add_paragraph(text)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    span = table.cell(0, 3).merge(table.cell(0, 5))
    span.text = rows[0][3]
    for c in (0, 1, 2, 6):
        merged = table.cell(0, c).merge(table.cell(1, c))
        merged.text = rows[0][c]
    for text in paragraphs_after:
        document.add_paragraph(text)
    document.save(str(path))


def _as_text(rows: list[list[str]]) -> str:
    return "\n".join("\t".join(row) for row in rows)


BEFORE = ["ỦY BAN NHÂN DÂN", "TỈNH BÌNH ĐỊNH", "Số: 12/KH-UBND", "Bình Định, ngày 10 tháng 01 năm 2026", "",
          "KẾ HOẠCH", "Bảo đảm an sinh xã hội giai đoạn 2026 - 2028", "", "I. MỤC TIÊU",
          "Các chỉ tiêu theo lộ trình tại bảng sau:"]
AFTER = ["", "II. TỔ CHỨC THỰC HIỆN",
         "Định kỳ hằng năm (trước ngày 15/12), các sở báo cáo kết quả thực hiện về Sở Nội vụ để tổng hợp."]


def test_merged_header_cells_keep_their_grid_columns(tmp_path: Path) -> None:
    path = tmp_path / "ke-hoach.docx"
    _write_docx(path, BEFORE, TARGETS_TABLE, AFTER)
    text = read_document(path).text
    rows = [line.split("\t") for line in text.splitlines() if "\t" in line]
    assert rows[0][:4] == ["TT", "Chỉ tiêu", "Kết quả năm 2025", "Kế hoạch giai đoạn 2026-2028"]
    assert all(len(row) == 7 for row in rows)
    assert rows[1][3:6] == ["Năm 2026", "Năm 2027", "Năm 2028"]


def test_a_docx_plan_gives_the_same_targets_as_its_text_export(tmp_path: Path) -> None:
    path = tmp_path / "ke-hoach.docx"
    _write_docx(path, BEFORE, TARGETS_TABLE, AFTER)
    from_docx: dict[str, Any] = extract_plan(normalize_text(read_document(path).text), "docx")
    from_text: dict[str, Any] = extract_plan("\n".join([*BEFORE, _as_text(TARGETS_TABLE), *AFTER]), "txt")

    def key(result: dict[str, Any]) -> list[tuple[object, ...]]:
        return [(t["comparator"], t["value"], t["year"], tuple((m["year"], m["value"]) for m in t["milestones"]))
                for t in result["targets"]]

    assert key(from_docx) == key(from_text)
    assert [t["value"] for t in from_docx["targets"]] == [96, 1]
    assert from_docx["targets"][1]["milestones"][0] == {"year": 2026, "comparator": "<", "value": 2, "value_max": None}
    assert from_docx["meta"]["number"] == "12/KH-UBND"
    assert [(r["frequency"], r["deadline_day"], r["deadline_month"]) for r in from_docx["reporting"]] == [("annual", 15, 12)]


def test_the_ministry_fixture_as_docx_reads_its_annex_task_table(tmp_path: Path) -> None:
    lines = (FIXTURES / "bo-noivu-kh-2025.txt").read_text("utf-8").split("\n")
    document = docx.Document()
    i = 0
    while i < len(lines):
        if "\t" not in lines[i]:
            document.add_paragraph(lines[i])
            i += 1
            continue
        block: list[list[str]] = []
        while i < len(lines) and "\t" in lines[i]:
            block.append(lines[i].split("\t"))
            i += 1
        width = max(len(row) for row in block)
        table = document.add_table(rows=len(block), cols=width)
        for r, row in enumerate(block):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
    path = tmp_path / "bo-noivu.docx"
    document.save(str(path))
    from_docx: dict[str, Any] = extract_plan(normalize_text(read_document(path).text), "docx")
    from_text: dict[str, Any] = extract_plan(normalize_text("\n".join(lines)), "txt")
    assert [(t["number"], t["lead"], t["coordinate"], t["timeline"]) for t in from_docx["tasks"]] == [
        (t["number"], t["lead"], t["coordinate"], t["timeline"]) for t in from_text["tasks"]
    ]
    assert any(t["lead"] == ["Thanh tra Bộ"] for t in from_docx["tasks"])
