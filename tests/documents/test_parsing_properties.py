"""Properties: the extractor never raises and always returns schema-valid output."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan, to_text_summary
from ansinh.lib.text import normalize_text
from tests.sizes import size

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[2] / "ansinh" / "documents" / "schema" / "plan-extract.schema.json").read_text("utf-8")
)
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)

FRAGMENTS = [
    "KẾ HOẠCH\n", "I. MỤC TIÊU\n", "II. NHIỆM VỤ, GIẢI PHÁP\n", "IV. TỔ CHỨC THỰC HIỆN\n", "1. ", "1.1. ", "a) ",
    "- ", "+ ", "(3) ", "Tỷ lệ hộ nghèo ", "dưới ", "trên ", "khoảng ", "từ ", "trở lên", "3,5%", "160.000",
    "30 - 35", "73-75%", "8‰", "gấp 2 lần", " lượt người", " đến năm 2030", " giai đoạn 2021-2025", "; ", ", ",
    ".\n", "\n\n", "Chủ trì: ", "Phối hợp: ", "Sở Y tế", "Thời gian thực hiện: ", "báo cáo ", "hằng năm ",
    "trước ngày 10/11", "sơ kết ", "năm 2027", "Số: 12/KH-UBND\n", "Hà Nội, ngày 1 tháng 2 năm 2024\n",
    "\tTT\tTiêu chí\tCuối năm 2025\n", "1\tTỷ lệ\t95%\n", "Ill- ", "r7r95% ", "^F•", "**", "<i>", "không còn hộ nghèo",
    "Phân công thực hiện\n", "Đơn vị chủ trì: Sở A chủ trì nội dung 1.1 và 1.2; ", "Kinh phí thực hiện\n",
]


def _check(text: str) -> None:
    result = extract_plan(text, "x")
    VALIDATOR.validate(result)
    for key in ("targets", "tasks", "reporting", "documents_to_issue", "projects"):
        for item in result[key]:
            s, e = item["span"]
            assert 0 <= s <= e <= len(text)
    assert isinstance(to_text_summary(result), str)


@settings(max_examples=size(40, 60))
@given(st.text(max_size=400))
def test_it_never_raises_on_arbitrary_text(text: str) -> None:
    _check(text)


@settings(max_examples=size(40, 80))
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join))
def test_it_returns_valid_output_for_text_built_from_plan_fragments(text: str) -> None:
    _check(normalize_text(text))


def test_it_survives_a_large_input() -> None:
    repeats = size(1000, 4000)  # 2,000 targets (8,000 with ANSINH_TESTS_THOROUGH=1)
    text = ("II. MỤC TIÊU\n- Tỷ lệ hộ nghèo dưới 1% đến năm 2030; 100% hộ dân dùng nước sạch.\n" * repeats)
    result = extract_plan(text)
    assert len(result["targets"]) == 2 * repeats
