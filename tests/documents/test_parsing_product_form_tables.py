"""A Government programme's task annex names each row's product and its form ("Sản phẩm, hình thức văn bản"):
its rows are tasks with lead and partners, not documents to issue; a table with "Cơ quan ban hành" still lists
documents (probe tables of my own)."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan

_HEAD = "CHÍNH PHỦ\nSố: 12/NQ-CP\nNGHỊ QUYẾT\nBan hành Chương trình hành động\n\nPHỤ LỤC\nDANH MỤC NHIỆM VỤ\n"


def _plan(text: str) -> dict[str, Any]:
    return extract_plan(text, "nq")


@given(st.sampled_from(["Sản phẩm, hình thức văn bản", "Hình thức văn bản", "Sản phẩm"]),
       st.sampled_from([" | ", "\t"]))
def test_a_work_table_with_a_product_form_column_gives_tasks(product: str, bar: str) -> None:
    rows = [
        ["TT", "Nội dung công việc", product, "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian trình"],
        ["1", "Xây dựng Đề án hỗ trợ hộ nghèo", "Quyết định của Thủ tướng Chính phủ", "Bộ Nông nghiệp và Môi trường",
         "Bộ Tài chính, Bộ Y tế", "Quý III năm 2026"],
        ["2", "Sửa đổi chính sách trợ giúp xã hội", "Nghị định", "Bộ Y tế", "Bộ Tư pháp", "Năm 2027"],
    ]
    plan = _plan(_HEAD + "\n".join(bar.join(r) for r in rows) + "\n")
    titles = {t["title"]: t for t in plan["tasks"]}
    assert titles["Xây dựng Đề án hỗ trợ hộ nghèo"]["lead"] == ["Bộ Nông nghiệp và Môi trường"]
    assert titles["Sửa đổi chính sách trợ giúp xã hội"]["coordinate"] == ["Bộ Tư pháp"]
    assert plan["documents_to_issue"] == []


def test_a_table_naming_the_issuing_body_still_lists_documents() -> None:
    rows = [
        ["TT", "Nội dung", "Cơ quan ban hành", "Cơ quan chủ trì", "Cơ quan, đơn vị phối hợp"],
        ["1", "Quy định mức hỗ trợ người cao tuổi", "HĐND tỉnh", "Sở Y tế", "Sở Tài chính"],
    ]
    plan = _plan(_HEAD + "\n".join("\t".join(r) for r in rows) + "\n")
    assert [d["title"] for d in plan["documents_to_issue"]] == ["Quy định mức hỗ trợ người cao tuổi"]
