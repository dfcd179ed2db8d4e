"""Articles that are duties themselves ("Điều 3. Giao Bộ Tài chính: a) …"), read as tasks when nothing else is."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan

HEADER = "THỦ TƯỚNG CHÍNH PHỦ\nSố: 12/QĐ-TTg\nHà Nội, ngày 9 tháng 7 năm 2026\nQUYẾT ĐỊNH\nVề việc ban hành Bộ tiêu chí\n"


def tasks_of(text: str) -> list[tuple[str | None, str, list[str]]]:
    return [(t["number"], t["title"], t["lead"]) for t in extract_plan(text, "x")["tasks"]]


def test_articles_addressing_a_body_with_lettered_duties_are_tasks_numbered_by_article() -> None:
    text = HEADER + (
        "Điều 1. Ban hành kèm theo Quyết định này Bộ tiêu chí đánh giá.\n"
        "Điều 2. Giao Bộ Tài chính:\n"
        "a) Chủ trì thu thập, tổng hợp thông tin thống kê;\n"
        "b) Chủ trì, phối hợp với các bộ theo dõi, đánh giá kết quả thực hiện.\n"
        "Điều 3. Giao Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương:\n"
        "a) Chủ trì thu thập thông tin thống kê của địa phương;\n"
        "b) Chỉ đạo các sở tổ chức thu thập dữ liệu.\n"
        "Điều 4. Quyết định này có hiệu lực thi hành kể từ ngày ký.\n"
    )
    tasks = tasks_of(text)
    assert [t[0] for t in tasks] == ["2", "2.a", "2.b", "3", "3.a", "3.b"]
    assert tasks[0][1] == "Giao Bộ Tài chính" and tasks[0][2] == ["Bộ Tài chính"]


def test_an_article_whose_heading_line_is_its_whole_duty_sentence_is_a_task() -> None:
    text = HEADER + (
        "Điều 1. Phê duyệt Chương trình phát triển công nghiệp hỗ trợ.\n"
        "Điều 2. Giao Bộ Công Thương chủ trì, phối hợp với các bộ, ngành triển khai thực hiện Chương trình.\n"
        "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.\n"
        "Điều 4. Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân các tỉnh chịu trách nhiệm thi hành Quyết định này.\n"
    )
    tasks = tasks_of(text)
    assert [t[0] for t in tasks] == ["2"]
    assert tasks[0][2] == ["Bộ Công Thương"]


def test_closing_and_regulatory_articles_give_no_task() -> None:
    text = HEADER + (
        "Điều 1. Phạm vi điều chỉnh: Quyết định này quy định tiêu chí đánh giá.\n"
        "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.\n"
        "Điều 3. Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân các tỉnh chịu trách nhiệm thi hành Quyết định này.\n"
    )
    assert tasks_of(text) == []


def test_a_body_with_duties_in_an_article_is_not_read_when_a_tasks_part_exists() -> None:
    text = HEADER + (
        "Điều 1. Tổ chức thực hiện\n"
        "1. Bộ Y tế chủ trì triển khai thực hiện.\n"
        "2. Bộ Tài chính bảo đảm kinh phí thực hiện.\n"
        "Điều 2. Giao Bộ Tài chính:\n"
        "a) Chủ trì tổng hợp.\n"
        "b) Chủ trì báo cáo.\n"
    )
    numbers = [t[0] for t in tasks_of(text)]
    assert "2.a" not in numbers


def test_an_article_naming_a_body_without_a_duty_verb_is_not_a_task() -> None:
    text = HEADER + (
        "Điều 2. Bộ tiêu chí gồm:\n"
        "a) Tiêu chí về kinh tế;\n"
        "b) Tiêu chí về xã hội.\n"
        "Điều 3. Ủy ban nhân dân các tỉnh, thành phố:\n"
        "a) Thành viên gồm Chủ tịch;\n"
        "b) Các Phó Chủ tịch.\n"
    )
    assert tasks_of(text) == []


BODIES = st.sampled_from(["Bộ Tài chính", "Bộ Y tế", "Ủy ban nhân dân các tỉnh", "các Bộ, cơ quan ngang Bộ", "Sở Nội vụ"])
VERBS = st.sampled_from(["Giao", "Đề nghị", "Yêu cầu"])


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(VERBS, BODIES, st.integers(0, 3)), min_size=1, max_size=4))
def test_every_addressed_article_is_a_task_with_its_items_under_it(articles: list[tuple[str, str, int]]) -> None:
    lines = [HEADER, "Điều 1. Ban hành kèm theo Quyết định này Bộ tiêu chí.\n"]
    expected: list[str] = []
    for i, (verb, body, items) in enumerate(articles, start=2):
        lines.append(f"Điều {i}. {verb} {body}:\n" if items else f"Điều {i}. {verb} {body} chủ trì thực hiện Quyết định này.\n")
        expected.append(str(i))
        for j in range(items):
            letter = "abcd"[j]
            lines.append(f"{letter}) Chủ trì thu thập thông tin thống kê số {j};\n")
            expected.append(f"{i}.{letter}")
    lines.append(f"Điều {len(articles) + 2}. Quyết định này có hiệu lực kể từ ngày ký.\n")
    text = "".join(lines)
    result = extract_plan(text, "x")
    assert [t["number"] for t in result["tasks"]] == expected
    for task in result["tasks"]:
        s, e = task["span"]
        assert 0 <= s < e <= len(text)
