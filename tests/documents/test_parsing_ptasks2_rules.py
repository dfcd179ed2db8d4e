"""Issue 10, tasks on unseen kinds of documents: conclusion notices, letters that guide, reports of results.

Every text here is written for the rule it shows, from how Vietnamese administrative documents are built
(Decree 30/2020 and common practice), not copied from a corpus document.
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


PROVINCE_CONCLUSION = """ỦY BAN NHÂN DÂN TỈNH AN BÌNH
Số: 12/TB-UBND
An Bình, ngày 05 tháng 3 năm 2026
THÔNG BÁO
Kết luận của đồng chí Phó Chủ tịch UBND tỉnh tại buổi làm việc với Sở Y tế
Ngày 01/3/2026, đồng chí Phó Chủ tịch UBND tỉnh đã làm việc với Sở Y tế. Sau khi nghe báo cáo, đồng chí
Phó Chủ tịch UBND tỉnh kết luận và chỉ đạo như sau:
1. Về công tác khám chữa bệnh
a) Sở Y tế rà soát danh mục kỹ thuật của các bệnh viện tuyến tỉnh.
b) Giao Sở Tài chính bố trí kinh phí mua sắm trang thiết bị.
2. Về y tế cơ sở
Sở Y tế chủ trì, phối hợp với UBND các xã kiện toàn trạm y tế trước ngày 30/6/2026.
Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.
"""


def test_the_numbered_points_of_a_conclusion_notice_are_its_tasks() -> None:
    assert _numbers(PROVINCE_CONCLUSION) == ["1", "1.a", "1.b", "2"]


COMMUNE_CONCLUSION_NO_DIACRITICS = """UY BAN NHAN DAN XA HOA BINH
THONG BAO
Y kien ket luan cua Chu tich UBND xa tai cuoc hop giao ban thang 3
Chu tich UBND xa ket luan nhu sau:
1) Cong chuc Van hoa - xa hoi ra soat danh sach ho ngheo truoc ngay 15/4/2026.
2) Cong chuc Tai chinh - ke toan bo tri kinh phi ho tro hoc sinh.
3) Cac thon to chuc tuyen truyen phong chong duoi nuoc.
"""


def test_a_commune_conclusion_without_diacritics_gives_its_points() -> None:
    assert _numbers(COMMUNE_CONCLUSION_NO_DIACRITICS) == ["1", "2", "3"]


GUIDING_LETTER = """SỞ LAO ĐỘNG
Số: 40/SLĐ-BTXH
V/v hướng dẫn rà soát hộ nghèo năm 2026
Kính gửi: UBND các xã, phường.
Thực hiện Quyết định số 10/QĐ-UBND, Sở hướng dẫn việc rà soát hộ nghèo năm 2026 như sau:
1. Về đối tượng rà soát
a) Hộ nghèo, hộ cận nghèo trong danh sách năm 2025.
b) Hộ có đơn đề nghị.
2. Về thời hạn gửi kết quả
Các xã gửi kết quả về Sở trước ngày 15/11/2026.
Trân trọng./.
"""


def test_a_letter_that_guides_as_follows_gives_its_numbered_points() -> None:
    assert _numbers(GUIDING_LETTER) == ["1", "1.a", "1.b", "2"]


PLAN_WITH_AS_FOLLOWS = """ỦY BAN NHÂN DÂN XÃ AN PHÚ
KẾ HOẠCH
Tuyên truyền phòng chống ma túy năm 2026
Ủy ban nhân dân xã ban hành Kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao nhận thức của người dân.
II. NHIỆM VỤ
1. Tổ chức 04 buổi tuyên truyền tại các thôn.
2. Rà soát người sử dụng trái phép chất ma túy.
III. TỔ CHỨC THỰC HIỆN
1. Công an xã chủ trì.
"""


def test_a_plan_with_a_tasks_part_keeps_it_whatever_its_preamble_says() -> None:
    assert _numbers(PLAN_WITH_AS_FOLLOWS) == ["1", "2"]


@settings(max_examples=30, deadline=None)
@given(
    verb=st.sampled_from(["kết luận và chỉ đạo", "kết luận", "chỉ đạo", "ket luan va chi dao"]),
    mark=st.sampled_from([".", ")", "/"]),
    count=st.integers(min_value=2, max_value=6),
)
def test_every_point_after_a_conclusions_lead_in_is_a_task(verb: str, mark: str, count: int) -> None:
    points = "\n".join(f"{i}{mark} Sở Nội vụ thực hiện việc thứ {i} trong tháng {i}." for i in range(1, count + 1))
    text = f"UBND TỈNH AN BÌNH\nTHÔNG BÁO\nKết luận của Chủ tịch UBND tỉnh\nChủ tịch UBND tỉnh {verb} như sau:\n{points}\n"
    assert _numbers(text) == [str(i) for i in range(1, count + 1)]
