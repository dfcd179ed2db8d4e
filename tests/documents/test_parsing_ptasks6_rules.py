"""ptasks6 rules: which part of a text lists its tasks, read from the text's structure rather than its wording."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan


def _titles(text: str) -> list[str]:
    result: dict[str, Any] = extract_plan(text, "vi-du")
    return [t["title"] for t in result["tasks"]]


_PARTY_PLAN = (
    "ĐẢNG BỘ TỈNH AN BÌNH\nSố: 12-KH/TU\nKẾ HOẠCH\nThực hiện Nghị quyết về chuyển đổi số\n\n"
    "I- Mục đích, yêu cầu\n1. Quán triệt sâu sắc nội dung Nghị quyết.\n"
    "II- Nhiệm vụ và giải pháp\n"
    "1. Nâng cao nhận thức về chuyển đổi số\n"
    "2. Hoàn thiện hạ tầng số của tỉnh\n"
    "III- Tổ chức thực hiện\n1. Ban Tuyên giáo Tỉnh ủy chủ trì tuyên truyền Nghị quyết.\n"
)


def test_a_roman_part_in_sentence_case_after_a_dash_is_read_as_a_part() -> None:
    assert _titles(_PARTY_PLAN) == ["Nâng cao nhận thức về chuyển đổi số", "Hoàn thiện hạ tầng số của tỉnh"]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from([".", "-", "–"]), st.booleans())
def test_the_tasks_do_not_depend_on_how_the_roman_parts_are_marked_or_cased(mark: str, capitals: bool) -> None:
    text = _PARTY_PLAN
    for numeral, title in (("I", "Mục đích, yêu cầu"), ("II", "Nhiệm vụ và giải pháp"), ("III", "Tổ chức thực hiện")):
        text = text.replace(f"{numeral}- {title}\n", f"{numeral}{mark} {title.upper() if capitals else title}\n")
    assert _titles(text) == ["Nâng cao nhận thức về chuyển đổi số", "Hoàn thiện hạ tầng số của tỉnh"]
