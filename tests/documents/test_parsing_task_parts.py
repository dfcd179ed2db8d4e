"""Which numbered items are tasks: the tasks part of a decree, a resolution in articles, a plan with annexes.

Each rule is shown on a short text written for it from how Vietnamese administrative documents are built
(Decree 30/2020 and the drafting of legal texts), not copied from any corpus document.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan
from ansinh.lib.text import normalize_text


def _plan(text: str) -> dict[str, Any]:
    return extract_plan(normalize_text(text), "probe")


def _numbers(text: str) -> list[str]:
    return [t["number"] for t in _plan(text)["tasks"]]


DECREE_HEAD = """CHÍNH PHỦ
Số: 99/2025/NĐ-CP
Hà Nội, ngày 10 tháng 9 năm 2025

NGHỊ ĐỊNH
Quy định về trung tâm hỗ trợ nông dân

Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Nghị định này quy định về tổ chức và hoạt động của trung tâm hỗ trợ nông dân.
Chương II
TỔ CHỨC VÀ HOẠT ĐỘNG CỦA TRUNG TÂM
Điều 2. Nội dung hoạt động của trung tâm
1. Hoạt động tư vấn, gồm:
a) Tư vấn kỹ thuật canh tác;
b) Tư vấn tiêu thụ nông sản.
2. Trung tâm có con dấu và tài khoản riêng.
Điều 3. Trách nhiệm của trung tâm
1. Công khai quy trình cung cấp dịch vụ.
2. Báo cáo kết quả hoạt động với cơ quan quản lý.
"""

DECREE_DUTIES = """Chương III
{chapter}
Điều 4. Trách nhiệm của Bộ Nông nghiệp và Môi trường
1. Chủ trì hướng dẫn thi hành Nghị định này.
2. Kiểm tra hoạt động của các trung tâm trong cả nước.
Điều 5. Thẩm quyền và trách nhiệm của Ủy ban nhân dân cấp tỉnh
1. Quyết định thành lập trung tâm trên địa bàn.
2. Bố trí kinh phí hoạt động cho trung tâm.
3. Kiểm tra việc thực hiện Nghị định này.
Điều 6. Hiệu lực thi hành
Nghị định này có hiệu lực từ ngày 01 tháng 01 năm 2026.
"""


def test_a_decree_s_duties_chapter_gives_its_articles_and_clauses_as_tasks() -> None:
    numbers = _numbers(DECREE_HEAD + DECREE_DUTIES.format(chapter="TỔ CHỨC THỰC HIỆN"))
    assert numbers == ["4", "4.1", "4.2", "5", "5.1", "5.2", "5.3"]


def test_a_chapter_naming_its_matter_with_a_content_word_lists_no_tasks() -> None:
    # "TỔ CHỨC VÀ HOẠT ĐỘNG CỦA TRUNG TÂM", "1. Hoạt động tư vấn, gồm:" describe the matter the decree rules on.
    numbers = _numbers(DECREE_HEAD + DECREE_DUTIES.format(chapter="TỔ CHỨC THỰC HIỆN"))
    assert not any(n.startswith(("1", "2", "3")) or n in ("a", "b") for n in numbers)


def test_the_parties_rights_and_responsibilities_chapter_is_not_the_duties_chapter() -> None:
    text = DECREE_HEAD + DECREE_DUTIES.format(chapter="QUYỀN, TRÁCH NHIỆM CỦA CÁC CƠ QUAN, TỔ CHỨC, CÁ NHÂN")
    assert not any(n.startswith(("4", "5")) for n in _numbers(text))


CHAPTER_TITLES = st.sampled_from([
    "TỔ CHỨC THỰC HIỆN", "TỔ CHỨC THI HÀNH", "THẨM QUYỀN VÀ TRÁCH NHIỆM", "TRÁCH NHIỆM QUẢN LÝ NHÀ NƯỚC",
    "ĐIỀU KHOẢN THI HÀNH",
])


@settings(max_examples=10, deadline=None)
@given(chapter=CHAPTER_TITLES, bodies=st.lists(st.sampled_from(["Bộ Tài chính", "Bộ Y tế", "Bộ Công an"]), min_size=1,
                                               max_size=3, unique=True))
def test_every_duty_article_of_the_closing_chapter_is_a_task(chapter: str, bodies: list[str]) -> None:
    articles = "".join(
        f"Điều {4 + i}. Trách nhiệm của {body}\n1. Hướng dẫn thực hiện trong ngành.\n2. Kiểm tra việc thực hiện.\n"
        for i, body in enumerate(bodies)
    )
    text = DECREE_HEAD + f"Chương III\n{chapter}\n" + articles + f"Điều {4 + len(bodies)}. Hiệu lực thi hành\nCó hiệu lực.\n"
    expected = [x for i in range(len(bodies)) for x in (f"{4 + i}", f"{4 + i}.1", f"{4 + i}.2")]
    assert _numbers(text) == expected


RESOLUTION = """CHÍNH PHỦ
Số: 70/NQ-CP
Hà Nội, ngày 01 tháng 10 năm 2025

NGHỊ QUYẾT
Về cắt giảm giấy tờ trong thủ tục hành chính

CHÍNH PHỦ
QUYẾT NGHỊ:
Điều 1. Phạm vi điều chỉnh
Nghị quyết này quy định việc cắt giảm giấy tờ dựa trên dữ liệu.
Điều 2. Nguyên tắc cắt giảm
1. Cá nhân không phải nộp giấy tờ đã có trong cơ sở dữ liệu.
2. Thông tin được khai thác có giá trị như bản chính.
Điều 3. Cập nhật và chia sẻ dữ liệu
Các cơ quan quản lý cơ sở dữ liệu có trách nhiệm:
1. Cập nhật đầy đủ dữ liệu trong năm 2026.
2. Kết nối, chia sẻ dữ liệu với các bộ, tỉnh.
Điều 4. Tái cấu trúc quy trình
1. Bộ trưởng, Thủ trưởng cơ quan ngang bộ có trách nhiệm:
a) Rà soát quy trình giải quyết thủ tục hành chính;
b) Công bố quy trình đã tái cấu trúc.
2. Chủ tịch Ủy ban nhân dân cấp tỉnh có trách nhiệm công bố quy trình nội bộ.
Điều 5. Hiệu lực thi hành
1. Nghị quyết này có hiệu lực từ ngày ký.
2. Trường hợp luật có quy định khác thì áp dụng theo luật.
"""


def test_duties_spread_over_several_articles_are_numbered_by_article() -> None:
    assert _numbers(RESOLUTION) == ["3.1", "3.2", "4.1", "4.1.a", "4.1.b", "4.2"]
