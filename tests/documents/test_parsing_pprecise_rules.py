"""Issue 10 (round 11): the outline read as Decree 30/2020 builds it whatever OCR did to a numeral, and what is not a
duty or a target. Each rule on a short text written here, not copied from the corpus.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan

DECISION_HEAD = """THỦ TƯỚNG CHÍNH PHỦ
Số: 99/QĐ-TTg
Hà Nội, ngày 10 tháng 3 năm 2025
QUYẾT ĐỊNH
Phê duyệt Chiến lược phát triển nghề muối đến năm 2030
Điều 1. Phê duyệt Chiến lược phát triển nghề muối đến năm 2030 với các nội dung chủ yếu sau:
"""

PARTS = ("QUAN ĐIỂM", "MỤC TIÊU", "NHIỆM VỤ VÀ GIẢI PHÁP", "NHIỆM VỤ TRỌNG TÂM")
ROMAN = ("I", "II", "III", "IV")


def _strategy(numerals: tuple[str, ...]) -> str:
    body = DECISION_HEAD
    for numeral, title in zip(numerals, PARTS, strict=True):
        body += f"{numeral}. {title}\n"
        if title.startswith("NHIỆM VỤ"):
            body += "1. Hoàn thiện cơ chế, chính sách về muối.\n2. Đầu tư hạ tầng đồng muối.\n"
        else:
            body += "1. Phát triển bền vững nghề muối.\n"
    return body


def _numbers(result: dict[str, Any]) -> list[str]:
    return [str(t["number"]) for t in result["tasks"]]


def test_a_part_whose_numeral_ocr_misread_takes_the_place_its_order_gives() -> None:
    result = extract_plan(_strategy(("I", "II", "II", "IV")), "probe")
    assert _numbers(result) == ["III.1", "III.2", "IV.1", "IV.2"]


@settings(max_examples=25, deadline=None)
@given(place=st.integers(min_value=1, max_value=2), misread=st.sampled_from(["I", "II", "V", "IH", "Il"]))
def test_parts_numbered_from_i_to_their_count_are_read_in_order_whichever_middle_numeral_is_misread(
    place: int, misread: str
) -> None:
    numerals = list(ROMAN)
    numerals[place] = misread
    result = extract_plan(_strategy(tuple(numerals)), "probe")
    assert _numbers(result) == ["III.1", "III.2", "IV.1", "IV.2"]


def test_parts_that_do_not_run_from_one_to_their_count_keep_their_numerals() -> None:
    # "I. … II. … IV. … V.": the last numeral is not the count of parts (a part may be lost), so no order to trust.
    result = extract_plan(_strategy(("I", "II", "IV", "V")), "probe")
    assert _numbers(result) == ["IV.1", "IV.2", "V.1", "V.2"]


ORGANISATION = """Điều 2. Tổ chức thực hiện
1. Bộ Nông nghiệp và Môi trường
a) Chủ trì tổ chức triển khai Chiến lược.
b) Định kỳ hằng năm báo cáo Thủ tướng Chính phủ kết quả thực hiện.
2. Bộ Tài chính bố trí kinh phí thực hiện Chiến lược.
Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký.
Điều 4. Các Bộ trưởng, Chủ tịch Ủy ban nhân dân các tỉnh chịu trách nhiệm thi hành Quyết định này.
"""


def test_the_article_after_the_parts_an_approving_article_holds_goes_on_beside_it_not_inside_its_last_part() -> None:
    result = extract_plan(_strategy(ROMAN) + ORGANISATION, "probe")
    # The duties of "Điều 2. Tổ chức thực hiện" are the organisation of the strategy, not items of its last part.
    assert _numbers(result) == ["III.1", "III.2", "IV.1", "IV.2"]
    assert [r["frequency"] for r in result["reporting"]] == ["annual"]


def test_a_chapter_keeps_its_own_articles() -> None:
    text = """CHÍNH PHỦ
Số: 10/2025/NĐ-CP
NGHỊ ĐỊNH
Quy định chính sách hỗ trợ nghề muối
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Nghị định này quy định chính sách hỗ trợ.
Điều 2. Đối tượng áp dụng
Diêm dân.
Chương II
TỔ CHỨC THỰC HIỆN
Điều 3. Trách nhiệm của Bộ Tài chính
1. Bố trí kinh phí hỗ trợ.
2. Hướng dẫn thanh quyết toán.
"""
    from ansinh.documents.parsing.clean import prepare
    from ansinh.documents.parsing.structure import parse_outline

    root = parse_outline(prepare(text))
    chapters = [n for n in root.children if n.style == "roman"]
    assert [c.label for c in chapters] == ["I", "II"]
    assert [a.label for a in chapters[0].children if a.style == "article"] == ["1", "2"]
    assert [a.label for a in chapters[1].children if a.style == "article"] == ["3"]
