"""A resolution whose "Điều 1." heading OCR lost keeps the numbered clauses before "Điều 2." as its duties."""

from __future__ import annotations

from ansinh.documents.parsing import extract_plan
from ansinh.lib.text import normalize_text

RESOLUTION = """CHÍNH PHỦ
Số: 115/NQ-CP
Hà Nội, ngày 13 tháng 5 năm 2026
NGHỊ QUYẾT
Về việc chuyển giao Vườn quốc gia Ba Vì về Ủy ban nhân dân Thành phố Hà Nội quản lý
CHÍNH PHỦ
Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;
QUYẾT NGHỊ:
1. Đồng ý chủ trương chuyển giao chủ thể quản lý Vườn quốc gia Ba Vì về Ủy ban nhân dân Thành phố Hà Nội.
2. Giao Bộ Nông nghiệp và Môi trường chủ trì, phối hợp với các cơ quan có liên quan tổ chức bàn giao nguyên trạng.
3. Giao Ủy ban nhân dân Thành phố Hà Nội:
a) Phối hợp với Bộ Nông nghiệp và Môi trường tổ chức tiếp nhận và quản lý Vườn quốc gia Ba Vì.
b) Chủ trì, phối hợp với Ủy ban nhân dân tỉnh Phú Thọ thống nhất quản lý toàn bộ diện tích Vườn quốc gia.
Điều 2. Nghị quyết này có hiệu lực thi hành kể từ ngày ký ban hành.
Điều 3. Các Bộ trưởng, Chủ tịch Ủy ban nhân dân Thành phố Hà Nội chịu trách nhiệm thi hành Nghị quyết này./.
"""


def test_the_clauses_before_article_2_are_the_duties_when_most_name_their_doer() -> None:
    tasks = {t["number"]: t for t in extract_plan(normalize_text(RESOLUTION), "nq")["tasks"]}
    assert {"1", "2", "3", "3.a", "3.b"} <= set(tasks)
    assert tasks["2"]["lead"] == ["Bộ Nông nghiệp và Môi trường"]
    assert tasks["3"]["lead"] == ["Ủy ban nhân dân Thành phố Hà Nội"]


def test_clauses_that_name_no_doer_are_not_made_duties() -> None:
    plain = RESOLUTION.replace("2. Giao Bộ Nông nghiệp và Môi trường chủ trì, phối hợp", "2. Việc bàn giao phối hợp")
    plain = plain.replace("3. Giao Ủy ban nhân dân Thành phố Hà Nội:", "3. Nội dung tiếp nhận:")
    numbers = {t["number"] for t in extract_plan(normalize_text(plain), "nq")["tasks"]}
    assert not {"1", "2"} & numbers
