"""The header of a scanned document as OCR reads it (Decree 30/2020 layout, both columns merged line by line):
stamps above the body's row, pen marks around the number, look-alike digits in the date (probe texts of my own)."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan

_MOTTO_1 = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
_MOTTO_2 = "Độc lập - Tự do - Hạnh phúc"


def _meta(text: str) -> dict[str, Any]:
    meta = extract_plan(text, "quet")["meta"]
    assert isinstance(meta, dict)
    return meta


def _scan(body: str, place: str, number_line: str, date_line: str, above: str = "", kind: str = "CHỈ THỊ") -> str:
    """A scanned header: two bodies' lines beside the motto, a blank line between rows as OCR leaves it."""
    first, second = body.split("/")
    return (f"{above}\n\n{first} {_MOTTO_1}\n\n{second} {_MOTTO_2}\n{number_line} {place}, {date_line}\n{kind}\n"
            "Về việc tăng cường công tác phòng, chống thiên tai\n\nThực hiện Chỉ thị số 11/CT-TTg ngày l6 tháng 4 năm 2021"
            " của Thủ tướng Chính phủ, yêu cầu:\n1. Các sở, ban, ngành:\n- Triển khai thực hiện.\n")


def test_a_receiving_stamp_above_the_mottos_row_is_not_the_issuing_body() -> None:
    meta = _meta(_scan("ỦY BAN NHÂN DÂN/TỈNH QUẢNG NGÃI", "Quảng Ngãi", "Số: 16/CT-UBND", "ngày 15 tháng 01 năm 2021",
                       above="TRUNG TÂM CÔNG BÁO VÀ TIN HỌC TỈNH"))
    assert (meta["issuer"], meta["level"]) == ("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", "province")
    assert (meta["number"], meta["date"]) == ("16/CT-UBND", "2021-01-15")


def test_a_ministrys_scan_under_a_provincial_stamp_is_central() -> None:
    meta = _meta(_scan("BỘ TÀI CHÍNH/TỔNG CỤC THUẾ", "Hà Nội", "Số: 4302 /TCT-TTr", "ngày 05 tháng 11 năm 2018",
                       above="CỤC THUẾ TỈNH HÒA BÌNH", kind="V/v tăng cường thanh tra"))
    assert meta["level"] == "central"


def test_a_communes_scan_keeps_its_place_across_the_blank_line_ocr_leaves() -> None:
    meta = _meta(_scan("ỦY BAN NHÂN DÂN/XÃ TÂN PHÚ", "Tân Phú", "Số: 12/KH-UBND", "ngày 3 tháng 2 năm 2025", kind="KẾ HOẠCH"))
    assert (meta["issuer"], meta["level"]) == ("ỦY BAN NHÂN DÂN XÃ TÂN PHÚ", "commune")


def test_a_pen_mark_before_the_number_is_read_through() -> None:
    meta = _meta(_scan("ỦY BAN NHÂN DÂN/TỈNH QUẢNG NGÃI", "Quảng Ngãi", "Sô:⁄11 /CT-UBNĐ", "ngày 11 tháng 5 năm 2021"))
    assert meta["number"] == "11/CT-UBND"


def test_a_number_slot_ocr_garbled_is_left_unread_rather_than_guessed() -> None:
    for slot in ("Số: 2“ /CT-UBND", "Số: ý# /CT-UBND", "Số: 5Ø /KH-UBND", "Số: /2025/NQ-HĐND", "Số: đ /CT-UBND"):
        meta = _meta(_scan("ỦY BAN NHÂN DÂN/TỈNH QUẢNG NGÃI", "Quảng Ngãi", slot, "ngày 15 tháng 01 năm 2021"))
        assert meta["number"] is None, slot
        assert meta["date"] == "2021-01-15", slot  # the printed date beside a garbled number is still read


def test_a_date_slot_ocr_garbled_is_left_unread_and_no_cited_date_takes_its_place() -> None:
    for date_line in ("ngày |2 tháng 3 năm 2018", "ngày 2# tháng năm 2021", "ngày{ tháng 5 năm 2021", "ngày lé tháng 3 năm 2025"):
        meta = _meta(_scan("ỦY BAN NHÂN DÂN/TỈNH QUẢNG NGÃI", "Quảng Ngãi", "Số: 16/CT-UBND", date_line))
        assert meta["date"] is None, date_line


@settings(max_examples=40)
@given(st.integers(1, 31), st.integers(1, 12), st.integers(2000, 2030), st.sampled_from(["Ø", "O", "Q", "o"]),
       st.sampled_from(["", " "]))
def test_a_leading_zero_read_as_a_letter_is_still_the_date(day: int, month: int, year: int, zero: str, gap: str) -> None:
    day_slot = f"{zero}{day}" if day < 10 else f"{day}"
    meta = _meta(_scan("ỦY BAN NHÂN DÂN/TỈNH QUẢNG NGÃI", "Quảng Ngãi", "Số: 2“ /CT-UBND",
                       f"ngày{gap or ' '}{day_slot} tháng {month} năm {year}"))
    assert meta["date"] == f"{year:04d}-{month:02d}-{day:02d}"


@settings(max_examples=40)
@given(st.text(alphabet="ý#“”‘’`|đĐ?!", min_size=1, max_size=3))
def test_a_number_slot_without_a_real_digit_never_gives_a_number(slot: str) -> None:
    meta = _meta(_scan("ỦY BAN NHÂN DÂN/TỈNH QUẢNG NGÃI", "Quảng Ngãi", f"Số: {slot} /CT-UBND", "ngày 15 tháng 01 năm 2021"))
    assert meta["number"] is None


def test_a_copy_without_its_header_takes_its_level_from_whose_proposal_it_cites() -> None:
    central = _meta("# QUYẾT ĐỊNH\n\n## Về việc ban hành Bộ tiêu chí\n\nCăn cứ Luật Tổ chức Chính phủ;\n"
                    "Xét đề nghị của Bộ trưởng Bộ Tài chính.\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Ban hành Bộ tiêu chí.\n")
    province = _meta("QUYẾT ĐỊNH\nVề việc phê duyệt kế hoạch\nCăn cứ Luật Tổ chức chính quyền địa phương;\n"
                     "Theo đề nghị của Giám đốc Sở Y tế tại Tờ trình số 5/TTr-SYT.\nQUYẾT ĐỊNH:\nĐiều 1. Phê duyệt.\n")
    headed = _meta("ỦY BAN NHÂN DÂN\nXÃ TÂN PHÚ\nSố: 12/QĐ-UBND\nTân Phú, ngày 3 tháng 2 năm 2025\nQUYẾT ĐỊNH\n"
                   "Về việc phê duyệt\nTheo đề nghị của Giám đốc Sở Y tế.\nQUYẾT ĐỊNH:\nĐiều 1. Phê duyệt.\n")
    assert (central["level"], province["level"], headed["level"]) == ("central", "province", "commune")


def _body_level(body: str) -> object:
    first, _, second = body.partition("/")
    text = f"{first}\n{second}\nSố: 12/KH-ABC\nHà Nội, ngày 3 tháng 2 năm 2025\nKẾ HOẠCH\nVề việc triển khai\n" if second else (
        f"{first}\nSố: 12/KH-ABC\nHà Nội, ngày 3 tháng 2 năm 2025\nKẾ HOẠCH\nVề việc triển khai\n")
    return _meta(text)["level"]


def test_a_bodys_words_that_are_not_a_places_kind_do_not_decide_its_level() -> None:
    assert _body_level("BẢO HIỂM XÃ HỘI/TỈNH QUẢNG NGÃI") == "province"
    assert _body_level("BỘ CHỈ HUY QUÂN SỰ/TỈNH QUẢNG NGÃI") == "province"
    assert _body_level("BỘ CHỈ HUY BỘ ĐỘI BIÊN PHÒNG/TỈNH QUẢNG NGÃI") == "province"
    assert _body_level("ỦY BAN MTTQ VIỆT NAM/TỈNH LÀO CAI") == "province"
    assert _body_level("ỦY BAN NHÂN DÂN/QUẬN BA ĐÌNH") == "district"
    assert _body_level("ĐẢNG ỦY/XÃ TÂN PHÚ") == "commune"


@given(st.sampled_from(["HÀ NỘI", "HẢI PHÒNG", "ĐÀ NẴNG", "CẦN THƠ", "HỒ CHÍ MINH", "HUẾ"]))
def test_the_people_s_committee_of_a_centrally_run_city_is_of_the_province_level(city: str) -> None:
    assert _body_level(f"ỦY BAN NHÂN DÂN/THÀNH PHỐ {city}") == "province"


def test_a_central_city_stays_a_province_when_its_plan_speaks_of_provinces() -> None:
    text = ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\nSố: 12/KH-UBND\nHà Nội, ngày 3 tháng 2 năm 2026\nKẾ HOẠCH\n"
            "Phối hợp với các tỉnh lân cận và Ủy ban nhân dân tỉnh Hưng Yên\n")
    assert _meta(text)["level"] == "province"


def test_a_ward_or_district_of_a_central_city_keeps_its_own_level() -> None:
    assert _body_level("ỦY BAN NHÂN DÂN/PHƯỜNG HOÀN KIẾM") == "commune"
    assert _body_level("ỦY BAN NHÂN DÂN/QUẬN 1 THÀNH PHỐ HỒ CHÍ MINH") == "district"


def test_a_national_body_without_a_place_is_central() -> None:
    assert _body_level("BẢO HIỂM XÃ HỘI VIỆT NAM") == "central"
    assert _body_level("NGÂN HÀNG NHÀ NƯỚC/VIỆT NAM") == "central"
    assert _body_level("ĐẢNG CỘNG SẢN VIỆT NAM/BAN BÍ THƯ") == "central"
    assert _body_level("BỘ Y TẾ") == "central"


@given(st.sampled_from(["CT", "KH", "QĐ", "NQ"]), st.sampled_from(["UBND", "HĐND", "TTg", "BCA-C04"]),
       st.sampled_from(["-", " - ", " -", "- "]))
def test_stray_spaces_around_a_symbols_hyphen_are_read_through(kind: str, body: str, hyphen: str) -> None:
    meta = _meta(f"ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 16/{kind}{hyphen}{body}\nQuảng Ngãi, ngày 15 tháng 01 năm 2021\n"
                 "CHỈ THỊ\nVề việc tăng cường\n")
    assert meta["number"] == f"16/{kind}-{body}"


def test_a_place_after_a_spaced_hyphen_is_not_part_of_the_number() -> None:
    meta = _meta("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 16/CT-UBND - Quảng Ngãi, ngày 15 tháng 01 năm 2021\nCHỈ THỊ\nVề việc\n")
    assert meta["number"] == "16/CT-UBND"


def test_a_merged_number_without_its_colon_is_read_only_beside_the_place_and_date() -> None:
    merged = _meta("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố 16/CT-UBND Quảng Ngãi, ngày 15 tháng 01 năm 2021\nCHỈ THỊ\nVề việc\n")
    cited = _meta("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố:      /CT-UBND Quảng Ngãi, ngày 15 tháng 01 năm 2021\nCHỈ THỊ\n"
                  "Về việc tăng cường\nThực hiện Chỉ thị\nsố 16/CT-TTg Hà Nội, ngày 2 tháng 3 năm 2020 của Thủ tướng\n")
    assert (merged["number"], cited["number"]) == ("16/CT-UBND", None)


@given(st.sampled_from([("QUẬN 1", "Quận 1", "district"), ("PHƯỜNG 12", "Phường 12", "commune"), ("QUẬN 10", "Quận 10", "district")]),
       st.integers(1, 28), st.integers(1, 12))
def test_a_numbered_ward_or_district_as_the_place_keeps_the_date(unit: tuple[str, str, str], day: int, month: int) -> None:
    body, place, level = unit
    meta = _meta(f"ỦY BAN NHÂN DÂN\n{body}\nSố: 16/KH-UBND\n{place}, ngày {day} tháng {month} năm 2021\nKẾ HOẠCH\nVề việc\n")
    assert (meta["date"], meta["level"]) == (f"2021-{month:02d}-{day:02d}", level)
