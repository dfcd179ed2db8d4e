"""An issuer printed in capitals in a header is written as running text writes it when a report cites the plan."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ansinh.lib.organ_case import organ_in_running_text, place_in_running_text


@pytest.mark.parametrize(("header", "cited"), [
    ("ỦY BAN NHÂN DÂN THÀNH PHỐ HUẾ", "Ủy ban nhân dân thành phố Huế"),
    ("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "Ủy ban nhân dân tỉnh Lâm Đồng"),
    ("HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "Hội đồng nhân dân Thành phố Hồ Chí Minh"),  # named after a person
    ("ỦY BAN NHÂN DÂN QUẬN 1", "Ủy ban nhân dân Quận 1"),  # named by a number
    ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Sở Lao động - Thương binh và Xã hội"),
    ("BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Bộ Văn hóa, Thể thao và Du lịch"),
    ("BỘ Y TẾ", "Bộ Y tế"),
    ("VĂN PHÒNG CHÍNH PHỦ", "Văn phòng Chính phủ"),
    ("BAN CHẤP HÀNH ĐẢNG BỘ TỈNH LÀO CAI", "Ban Chấp hành Đảng bộ tỉnh Lào Cai"),
    ("BAN THƯỜNG VỤ TỈNH ỦY", "Ban Thường vụ Tỉnh ủy"),
    ("ĐẢNG UỶ XÃ CÔNG HẢI", "Đảng uỷ xã Công Hải"),
    ("ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM XÃ LƯƠNG MINH", "Ủy ban Mặt trận Tổ quốc Việt Nam xã Lương Minh"),
    ("THỦ TƯỚNG CHÍNH PHỦ", "Thủ tướng Chính phủ"),
])
def test_a_header_in_capitals_reads_as_a_sentence_writes_it(header: str, cited: str) -> None:
    assert organ_in_running_text(header) == cited


def test_a_name_already_in_ordinary_case_is_left_as_it_is() -> None:
    assert organ_in_running_text("Ủy ban nhân dân xã A") == "Ủy ban nhân dân xã A"
    assert organ_in_running_text("UBND tỉnh") == "UBND tỉnh" and organ_in_running_text("") == ""


@given(st.lists(st.sampled_from(["ỦY", "BAN", "NHÂN", "DÂN", "TỈNH", "SỞ", "Y", "TẾ", "VÀ", "-", ",", "XÃ", "HỘI",
                                 "ĐẢNG", "BỘ", "HUẾ", "35"]), min_size=1, max_size=9))
def test_only_the_case_of_letters_changes(words: list[str]) -> None:
    name = " ".join(words)
    written = organ_in_running_text(name)
    assert written.lower() == name.lower() and written[:1] == written[:1].upper()


@pytest.mark.parametrize(("name", "kind", "written"), [
    ("Xã Công Hải", "xã", "xã Công Hải"),
    ("Phường Sài Gòn", "phường", "phường Sài Gòn"),
    ("Đặc khu Côn Đảo", "đặc khu", "đặc khu Côn Đảo"),
    ("Thành phố Hà Nội", "thành phố", "thành phố Hà Nội"),
    ("Khánh Hòa", "tỉnh", "tỉnh Khánh Hòa"),
    ("Thành phố Hồ Chí Minh", "thành phố", "Thành phố Hồ Chí Minh"),
    ("Phường Điện Biên Phủ", "phường", "Phường Điện Biên Phủ"),
    ("Phường 12", "phường", "Phường 12"),
    ("Việt Nam", "quốc gia", "Việt Nam"),
])
def test_a_units_name_in_a_sentence_lowers_its_kind_unless_named_by_a_number_or_a_person(
    name: str, kind: str, written: str
) -> None:
    assert place_in_running_text(name, kind) == written


@given(st.sampled_from(["Xã", "Phường", "Thành phố", "Tỉnh", "Đặc khu", "Thị trấn", ""]),
       st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyAĐHLMNQSTV 0123456789", min_size=1, max_size=20))
def test_a_units_name_only_loses_its_kinds_capital_or_gains_a_province_kind(kind: str, place: str) -> None:
    name = f"{kind} {place}".strip()
    written = place_in_running_text(name, "tỉnh" if not kind else kind.lower())
    assert written.lower() in (name.lower(), f"tỉnh {name}".lower())
    assert written.endswith(name[len(kind):].rstrip()) or written.endswith(name)
