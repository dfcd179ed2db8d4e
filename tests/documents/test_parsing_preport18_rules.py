"""Reporting duties and targets (issue 10, preport18): how Vietnamese plans state them, in layouts and wordings the
rules missed. Probe texts are made up for these rules, none copied from a corpus document.
"""

from __future__ import annotations

from typing import Any

from ansinh.documents.parsing import extract_plan
from tests.documents.test_parsing_preport9_rules import PLAN  # the same plan head


def _reports(text: str) -> list[tuple[Any, ...]]:
    out: list[dict[str, Any]] = extract_plan(text, "probe")["reporting"]  # type: ignore[assignment]
    return [(r["frequency"], r["deadline_day"], r["deadline_month"], r["year"]) for r in out]


def test_an_organising_part_whose_every_line_a_converter_indented_with_a_tab_is_running_text_not_a_table() -> None:
    # A word processor's first-line indent, exported as a tab at the start of each wrapped line; a line of the
    # paragraph mentions "nhiệm vụ", which a table's header would, yet no row of cells is there.
    part = (
        "II. TỔ CHỨC THỰC HIỆN\n\n"
        "\t1. Các phòng, ban chuyên môn căn cứ chức năng, nhiệm vụ được giao triển khai thực hiện\n"
        "\tnghiêm túc các nội dung của Kế hoạch này, chủ động rà soát những việc còn tồn đọng.\n"
        "\t2. Giao Phòng Kinh tế chủ trì, theo dõi, đôn đốc việc thực hiện, tổng hợp kết quả,\n"
        "\tbáo cáo Ủy ban nhân dân huyện trước 15/11/2026.\n"
    )
    assert _reports(PLAN + part) == [("once", 15, 11, 2026)]
