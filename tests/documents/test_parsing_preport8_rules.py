"""Reporting duties (issue 10, round 12): a cited document's name is no duty and its year no due year.

Decree 30/2020 (Phụ lục II) capitalises a document kind when a text cites one document ("theo Báo cáo thẩm tra của
…") and cites a law by its name and year ("Luật Đất đai năm 2024"). Probe texts written for these rules from the
usual build of a plan; none is copied from a corpus document. Each rule has its negative and its positive.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan
from ansinh.documents.parsing.clean import fold
from ansinh.documents.parsing.report_described import blank_cited

PLAN = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG TRỊ
Số: 41/KH-UBND
Quảng Trị, ngày 03 tháng 4 năm 2026
KẾ HOẠCH
Phát triển làng nghề truyền thống giai đoạn 2026 - 2030
I. NHIỆM VỤ
1. Khảo sát các làng nghề đang hoạt động trên địa bàn.
"""


def _reports(text: str) -> list[tuple[Any, ...]]:
    out: list[dict[str, Any]] = extract_plan(text, "probe")["reporting"]  # type: ignore[assignment]
    return [(r["frequency"], r["deadline_day"], r["deadline_month"], r["year"]) for r in out]


# --- "Báo cáo" capitalised inside a sentence names a document ----------------------------------------------------


def test_a_report_cited_by_its_capitalised_name_inside_a_sentence_is_no_duty() -> None:
    tasks = (
        "2. Giao Sở Công Thương căn cứ ý kiến của các hiệp hội và Báo cáo khảo sát của Viện Kinh tế để xây dựng đề án.\n"
        "3. Thông qua Báo cáo của Sở Văn hóa về kết quả bảo tồn làng nghề.\n"
    )
    assert _reports(PLAN + tasks) == []


def test_a_duty_beside_a_cited_report_stays_a_duty() -> None:
    tasks = "2. Giao Sở Công Thương căn cứ ý kiến của các hiệp hội và Báo cáo khảo sát để hoàn thiện đề án, tiếp tục báo cáo Ủy ban nhân dân tỉnh.\n"
    assert _reports(PLAN + tasks) == [("adhoc", None, None, None)]


def test_a_capitalised_report_after_a_verb_or_opening_a_sentence_is_still_read() -> None:
    # a verb before it ("phải lập", "trách nhiệm") or the sentence's first word: the report owed, capital or not
    for text in ("phải lập Báo cáo định kỳ", "trách nhiệm Báo cáo kết quả", "Báo cáo Ủy ban nhân dân tỉnh"):
        assert blank_cited(text, fold(text)) == fold(text)


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(["và", "theo", "qua", "trong", "tại", "các", ","]),
    st.sampled_from(["thẩm tra", "tổng kết 10 năm", "tiếp thu, giải trình", "chính trị"]),
)
def test_any_report_cited_after_a_citing_word_is_blanked_in_place(before: str, name: str) -> None:
    text = f"Sở Tư pháp căn cứ ý kiến {before} Báo cáo {name} của Bộ"
    folded = blank_cited(text, fold(text))
    assert len(folded) == len(fold(text))
    assert "bao cao" not in folded


# --- the year of a law's name is no year a review is due ------------------------------------------------------------


def test_a_review_of_a_law_named_with_its_year_owes_no_one_off_report_that_year() -> None:
    tasks = "2. Tổng kết việc thực hiện Luật Di sản văn hóa năm 2001, đề xuất sửa đổi các quy định về làng nghề.\n"
    assert _reports(PLAN + tasks) == []


def test_a_review_held_in_a_year_is_still_a_one_off_report_of_that_year() -> None:
    tasks = "2. Tổ chức sơ kết việc thực hiện Luật Di sản văn hóa vào năm 2028, báo cáo Ủy ban nhân dân tỉnh.\n"
    assert ("once", None, None, 2028) in _reports(PLAN + tasks)
