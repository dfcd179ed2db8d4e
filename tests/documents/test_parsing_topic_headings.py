"""A directive that lists its work field by field ("1. Về …" … "8. Về …") keeps every field as a task."""

from __future__ import annotations

from ansinh.documents.parsing import extract_plan

DIRECTIVE_HEAD = """BỘ THÔNG TIN VÀ TRUYỀN THÔNG
Số: 01/CT-BTTTT
Hà Nội, ngày 03 tháng 01 năm 2017
CHỈ THỊ
Về công tác năm 2017
Bộ trưởng yêu cầu toàn Ngành làm tốt các nhiệm vụ trọng tâm sau đây:
"""
DIRECTIVE = DIRECTIVE_HEAD + """1. Về xây dựng cơ chế, chính sách:
1.1. Thực hiện đúng quy trình các đề án.
1.2. Xây dựng văn bản quy phạm pháp luật.
2. Về thực thi quản lý nhà nước trên các lĩnh vực:
a) Cục Thông tin đối ngoại: Triển khai Nghị định số 72/2015/NĐ-CP.
b) Vụ Bưu chính: Triển khai Quyết định số 45/2016/QĐ-TTg.
3. Về công tác thanh tra:
3.1. Thanh tra Bộ triển khai thực hiện tốt Kế hoạch thanh tra năm 2017.
4. Về hoạt động của các tổ chức, doanh nghiệp trong Ngành:
4.1. Các doanh nghiệp hoạt động trong Ngành: Hoàn thành kế hoạch sản xuất kinh doanh.
"""


def numbers(text: str) -> list[str]:
    return [t["number"] for t in extract_plan(text, "ct")["tasks"]]


def test_a_field_named_with_a_tasks_word_does_not_hide_its_peer_fields() -> None:
    found = numbers(DIRECTIVE)
    assert found[:3] == ["1", "1.1", "1.2"]
    assert {"2.a", "3.1", "4", "4.1"} <= set(found)


def test_fields_not_opened_by_ve_are_left_as_they_were() -> None:
    plan = DIRECTIVE.replace("1. Về xây dựng", "1. Căn cứ xây dựng").replace("2. Về thực thi", "2. Bối cảnh thực thi")
    plan = plan.replace("3. Về công tác", "3. Tình hình công tác")
    assert "1" not in numbers(plan)
