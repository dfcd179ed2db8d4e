"""An item whose heading lists its doers before a colon ("a) Cục …, Trung tâm …: Triển khai …") has them as its lead."""

from __future__ import annotations

from ansinh.documents.parsing import extract_plan
from ansinh.lib.text import normalize_text
from tests.documents.test_parsing_topic_headings import DIRECTIVE_HEAD

HEAD = DIRECTIVE_HEAD + "1. Về công nghệ thông tin:\n"


def leads(items: str) -> dict[str, list[str]]:
    second = "" if "\nb) " in items else "b) Vụ Bưu chính: Triển khai Quyết định số 45/2016/QĐ-TTg.\n"
    tail = second + "2. Về công tác thanh tra:\nThanh tra Bộ kiểm tra.\n"
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


def test_a_heading_that_only_addresses_its_doers_gives_them_as_lead_with_or_without_a_colon() -> None:
    for colon in ("", ":"):
        found = leads(
            f"a) Giao Sở Y tế{colon}\n- Tăng cường các biện pháp phòng, chống dịch.\n- Theo dõi chặt chẽ tình hình.\n"
            "b) Giao Sở Văn hóa, Thể thao và Du lịch, Báo Đắk Nông, Đài Phát thanh và Truyền hình Đắk Nông\n"
            "- Tăng cường truyền thông nguy cơ.\n"
        )
        assert found["1.a"] == ["Sở Y tế"], colon
        assert found["1.b"] == ["Sở Văn hóa, Thể thao và Du lịch", "Báo Đắk Nông", "Đài Phát thanh và Truyền hình Đắk Nông"]


def test_an_addressed_heading_whose_sentence_runs_on_is_left_to_the_clause_readers() -> None:
    found = leads("a) Đề nghị Ủy ban MTTQ tỉnh, Bộ Chỉ huy Quân sự tỉnh, Bộ\nChỉ huy Bộ đội biên phòng tỉnh phối hợp vận động.\n")
    assert "Bộ" not in found["1.a"]
