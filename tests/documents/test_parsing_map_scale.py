"""A map's scale ("tỷ lệ 1:50.000") is how the map is drawn, not a value the plan commits to (probe texts of mine)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan

_PLAN = "ỦY BAN NHÂN DÂN TỈNH BÌNH AN\nKẾ HOẠCH\nĐiều tra tài nguyên\n\nI. MỤC TIÊU\n- Đến năm 2030, {sentence}\n"


@given(st.sampled_from(["tỷ lệ", "tỉ lệ"]), st.sampled_from([":", "/"]), st.sampled_from(["10.000", "50.000", "500.000"]))
def test_a_map_scale_gives_no_target_and_the_share_beside_it_does(word: str, sep: str, scale: str) -> None:
    sentence = f"lập bản đồ hiện trạng sử dụng đất {word} 1{sep}{scale} đạt 85% diện tích của tỉnh."
    targets = extract_plan(_PLAN.format(sentence=sentence), "kh")["targets"]
    assert [(t["value"], t["unit"], t["year"]) for t in targets] == [(85, "%", 2030)]
