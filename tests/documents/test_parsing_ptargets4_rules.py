"""Targets on unseen documents (helper ptargets4): noise a real upload carries, and how Vietnamese plans write
targets. Every snippet here is written for the test, in the style of real plans."""

from __future__ import annotations

from typing import Any

from ansinh.documents.formats.html_text import html_to_text
from ansinh.documents.parsing import extract_plan
from ansinh.lib.text import normalize_text

HEAD = (
    "ỦY BAN NHÂN DÂN\nTỈNH AN HÒA\nSố: 45/KH-UBND\nAn Hòa, ngày 3 tháng 2 năm 2026\n\nKẾ HOẠCH\n"
    "Phát triển du lịch bền vững giai đoạn 2026 - 2030\n\n"
)


def _targets(text: str) -> list[tuple[Any, ...]]:
    got = extract_plan(normalize_text(text), "x")["targets"]
    assert isinstance(got, list)
    return [
        (t["indicator"], t["comparator"], t["value"], t["value_max"], t["unit"], t["year"],
         tuple((m["year"], m["value"]) for m in t["milestones"]))
        for t in got
    ]


def test_a_web_page_keeps_the_columns_of_a_line_laid_out_with_spaces() -> None:
    page = (
        "<html><body><p>TT    Chỉ tiêu        Đơn vị    Năm 2026</p>\n"
        "<p>1     Tỷ lệ hộ nghèo  %  &nbsp;   3,5</p></body></html>"
    )
    assert html_to_text(page) == "TT    Chỉ tiêu        Đơn vị    Năm 2026\n1     Tỷ lệ hộ nghèo  %      3,5"


def test_a_web_page_still_collapses_the_spaces_of_its_markup_and_a_single_double_space() -> None:
    page = "<html><body><p>Tiếp tục  triển khai\n      các chính sách</p>\n<p>Sở Y tế\n   chủ trì</p></body></html>"
    assert html_to_text(page) == "Tiếp tục triển khai các chính sách\nSở Y tế chủ trì"
