"""An item whose heading lists its doers before a colon ("a) Cục …, Trung tâm …: Triển khai …") has them as its lead."""

from __future__ import annotations

from ansinh.documents.parsing import extract_plan
from ansinh.lib.text import normalize_text
from tests.documents.test_parsing_topic_headings import DIRECTIVE_HEAD

HEAD = DIRECTIVE_HEAD + "1. Về công nghệ thông tin:\n"


def leads(items: str) -> dict[str, list[str]]:
    tail = "b) Vụ Bưu chính: Triển khai Quyết định số 45/2016/QĐ-TTg.\n2. Về công tác thanh tra:\nThanh tra Bộ kiểm tra.\n"
    plan = extract_plan(normalize_text(HEAD + items + tail), "ct")
    return {str(t["number"]): list(t["lead"]) for t in plan["tasks"]}


def test_a_lower_case_word_inside_a_listed_name_is_not_read_as_its_verb() -> None:
    found = leads(
        "a) Cục An toàn thông tin, Trung tâm Ứng cứu\nkhẩn cấp máy tính Việt Nam (VNCERT): Triển khai Luật An toàn thông tin mạng.\n"
    )
    assert found["1.a"] == ["Cục An toàn thông tin", "Trung tâm Ứng cứu khẩn cấp máy tính Việt Nam (VNCERT)"]


def test_a_duty_begun_before_the_colon_leaves_the_lead_to_the_clause_readers() -> None:
    found = leads("a) Ủy ban nhân dân tỉnh, chỉ đạo các cơ quan, đơn vị có liên quan: Rà soát danh mục.\n")
    assert found["1.a"] == ["Ủy ban nhân dân tỉnh"]
