"""A header names the issuing body under its parent (Decree 30/2020 art. 8; a Party committee under the Party
organisation above it): the most local body named gives the level, and a blank number slot or the Party's motto
ends the body's name."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan

BODY = """KẾ HOẠCH
thực hiện chuyển đổi số năm 2026
-----
Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, Ban Thường vụ ban hành kế hoạch như sau:

I. NHIỆM VỤ
1. Rà soát hạ tầng số.
"""


def meta(header: str) -> dict[str, object]:
    return extract_plan(header + BODY)["meta"]


def test_a_commune_party_committee_under_its_province_is_a_communes_and_its_blank_number_ends_the_name() -> None:
    m = meta("ĐẢNG BỘ TỈNH BÌNH AN\nĐẢNG UỶ XÃ TÂN LỘC\n*\nSố -KH/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
             "Tân Lộc, ngày 13 tháng 02 năm 2026\n")
    assert (m["issuer"], m["level"]) == ("ĐẢNG UỶ XÃ TÂN LỘC", "commune")  # the province's organisation is above it


def test_a_district_party_committee_under_its_province_before_the_reform_is_a_districts() -> None:
    m = meta("ĐẢNG BỘ TỈNH BÌNH AN\nHUYỆN UỶ AN PHÚ\n*\nSố 12-KH/HU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
             "An Phú, ngày 13 tháng 02 năm 2024\n")
    assert (m["issuer"], m["level"]) == ("HUYỆN UỶ AN PHÚ", "district")


def test_a_department_under_its_provincial_committee_stays_the_provinces() -> None:
    m = meta("UBND TỈNH BÌNH AN\nSỞ Y TẾ\nSố: /KH-SYT\nBình An, ngày 13 tháng 02 năm 2026\n")
    assert (m["issuer"], m["level"]) == ("UBND TỈNH BÌNH AN SỞ Y TẾ", "province")


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["BẢO HIỂM XÃ HỘI", "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "BAN QUẢN LÝ DỰ ÁN",
                        "SỞ NỘI VỤ", "BAN DÂN TỘC"]))
def test_a_provincial_body_whose_name_holds_xa_hoi_is_not_read_as_a_communes(body: str) -> None:
    m = meta(f"UBND TỈNH BÌNH AN\n{body}\nSố: 7/KH-UBND\nBình An, ngày 13 tháng 02 năm 2026\n")
    assert m["level"] == "province"
