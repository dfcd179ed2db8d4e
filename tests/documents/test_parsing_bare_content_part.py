"""A plan whose work is listed under a bare "II. NỘI DUNG", beside "III. GIẢI PHÁP THỰC HIỆN", and whose money is
"IV. VỐN ĐẦU TƯ" (probe plan of my own, laid out as provincial plans are under Decree 30/2020)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan

_PLAN = """ỦY BAN NHÂN DÂN TỈNH BÌNH AN
Số: 7/KH-UBND
KẾ HOẠCH
Phát triển mạng lưới trợ giúp xã hội giai đoạn 2026 - 2030

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Cụ thể hóa chủ trương của Tỉnh ủy.
II. {content}
1. Hoàn thiện mạng lưới cơ sở trợ giúp xã hội
- Sở Y tế chủ trì rà soát mạng lưới cơ sở trợ giúp xã hội.
2. Nâng cao chất lượng chăm sóc người cao tuổi
- Ủy ban nhân dân cấp xã tổ chức chăm sóc người cao tuổi tại cộng đồng.
III. GIẢI PHÁP THỰC HIỆN
1. Giải pháp về chính sách
- Ban hành chính sách hỗ trợ cơ sở trợ giúp xã hội.
IV. {money}
1. Vốn ngân sách nhà nước: 120 tỷ đồng
2. Vốn xã hội hóa: 30 tỷ đồng
V. TỔ CHỨC THỰC HIỆN
1. Sở Y tế là cơ quan thường trực.
"""


@given(st.sampled_from(["NỘI DUNG", "NỘI DUNG THỰC HIỆN", "CÁC NỘI DUNG TRỌNG TÂM"]),
       st.sampled_from(["VỐN ĐẦU TƯ", "KINH PHÍ THỰC HIỆN", "NGUỒN VỐN"]))
def test_the_bare_content_part_lists_the_work_and_the_money_part_none(content: str, money: str) -> None:
    plan = extract_plan(_PLAN.format(content=content, money=money), "kh")
    titles = [t["title"] for t in plan["tasks"]]
    assert "Hoàn thiện mạng lưới cơ sở trợ giúp xã hội" in titles
    assert "Nâng cao chất lượng chăm sóc người cao tuổi" in titles
    assert "Giải pháp về chính sách" in titles
    assert not any(t.startswith("Vốn") for t in titles)


def test_a_content_part_naming_its_matter_still_gives_way_to_the_work_part() -> None:
    plan = extract_plan(_PLAN.format(content="NỘI DUNG CHỈ SỐ TRỢ GIÚP XÃ HỘI", money="VỐN ĐẦU TƯ"), "kh")
    titles = [t["title"] for t in plan["tasks"]]
    assert "Giải pháp về chính sách" in titles
    assert "Hoàn thiện mạng lưới cơ sở trợ giúp xã hội" not in titles
