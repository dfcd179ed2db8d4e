"""A Party document's header names the organisation above the committee that issues it (Hướng dẫn 36-HD/VPTW)."""

from __future__ import annotations

import pytest

from ansinh.documents.parsing import extract_plan
from ansinh.documents.parsing.meta_party import committee_of, with_organ
from ansinh.lib.text import normalize_text

BODY = """
KẾ HOẠCH
tổ chức hội nghị chuyên đề năm 2026
I. NHIỆM VỤ
1. Tổ chức hội nghị trong quý II năm 2026.
"""


def issuer_of(header: str) -> str | None:
    return extract_plan(normalize_text(header + BODY), "x")["meta"]["issuer"]


def test_a_commune_committee_is_the_issuer_not_the_provincial_organisation_above_it() -> None:
    header = "ĐẢNG BỘ TỈNH BÌNH THUẬN\nĐẢNG UỶ XÃ TÂN MINH\n*\nSố 12-KH/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\nTân Minh, ngày 3 tháng 3 năm 2026\n"
    assert issuer_of(header) == "ĐẢNG UỶ XÃ TÂN MINH"


def test_a_committee_named_by_its_level_alone_takes_the_place_from_the_line_above() -> None:
    assert committee_of(["ĐẢNG BỘ TỈNH BÌNH THUẬN", "ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH"]) == [
        "ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH", "BÌNH THUẬN"]


@pytest.mark.parametrize("parts", [
    ["ỦY BAN NHÂN DÂN", "TỈNH BÌNH THUẬN"],  # one body over two lines
    ["BỘ Y TẾ"],
    ["ĐẢNG BỘ TỈNH BÌNH THUẬN"],  # the organisation alone is all there is
])
def test_a_government_header_or_a_single_line_is_kept_whole(parts: list[str]) -> None:
    assert committee_of(parts) == parts


def test_a_standing_committee_named_under_the_type_word_joins_its_committees_name() -> None:
    assert with_organ("ĐẢNG UỶ XÃ TÂN MINH", "BAN THƯỜNG VỤ ĐẢNG UỶ XÃ") == "BAN THƯỜNG VỤ ĐẢNG UỶ XÃ TÂN MINH"
    assert with_organ("TỈNH UỶ BÌNH THUẬN", "BAN THƯỜNG VỤ TỈNH UỶ") == "BAN THƯỜNG VỤ TỈNH UỶ BÌNH THUẬN"
    assert with_organ("TỈNH UỶ BÌNH THUẬN", "BỘ CHÍNH TRỊ") == "BỘ CHÍNH TRỊ"
