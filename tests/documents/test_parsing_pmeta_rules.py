"""The issuing body of a header whose two columns a scan or a PDF merged line by line (Decree 30/2020 Điều 8:
the body's name top left over two or three lines, the motto top right; a Party body has the Party's name in the
motto's place). Probe texts of my own."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan

_MOTTO_1 = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
_MOTTO_2 = "Độc lập - Tự do - Hạnh phúc"
_BODY = "Thực hiện Kế hoạch số 12/KH-UBND của tỉnh, yêu cầu:\n1. Các phòng, ban:\n- Triển khai thực hiện.\n"


def _meta(text: str) -> dict[str, Any]:
    meta = extract_plan(text, "dau-van-ban")["meta"]
    assert isinstance(meta, dict)
    return meta


def test_the_last_line_of_a_bodys_name_under_the_mottos_row_belongs_to_the_name() -> None:
    text = (f"UBND TỈNH AN GIANG {_MOTTO_1}\nSỞ Y TẾ VÀ DÂN SỐ {_MOTTO_2}\nKẾ HOẠCH HÓA GIA ĐÌNH\n"
            f"Số: 31/SYT-DS An Giang, ngày 04 tháng 5 năm 2026\nV/v rà soát trạm y tế\n{_BODY}")
    meta = _meta(text)
    assert meta["issuer"] == "UBND TỈNH AN GIANG SỞ Y TẾ VÀ DÂN SỐ KẾ HOẠCH HÓA GIA ĐÌNH"
    assert (meta["number"], meta["level"]) == ("31/SYT-DS", "province")


def test_the_name_under_the_mottos_row_stops_at_a_line_in_running_case() -> None:
    text = (f"BỘ GIÁO DỤC {_MOTTO_1}\nCỤC NHÀ GIÁO {_MOTTO_2}\nHà Nội, ngày 04 tháng 5 năm 2026\n"
            f"Số: 31/NG-CS\nV/v rà soát đội ngũ\n{_BODY}")
    assert _meta(text)["issuer"] == "BỘ GIÁO DỤC CỤC NHÀ GIÁO"


def test_the_partys_name_top_right_is_not_part_of_a_party_bodys_name() -> None:
    text = (f"HUYỆN UỶ TÂN AN          ĐẢNG CỘNG SẢN VIỆT NAM\nBAN TUYÊN GIÁO\n*\nSố 14-KH/BTG\n"
            f"Tân An, ngày 04 tháng 5 năm 2026\nKẾ HOẠCH\n{_BODY}")
    meta = _meta(text)
    assert meta["issuer"] == "HUYỆN UỶ TÂN AN BAN TUYÊN GIÁO"
    assert meta["level"] == "district"


def test_the_rule_printed_under_a_bodys_name_is_not_part_of_it() -> None:
    text = f"| BỘ XÂY DỰNG ------- | {_MOTTO_1} {_MOTTO_2} ------- |\n| Số: 7/QĐ-BXD | Hà Nội, ngày 4 tháng 5 năm 2026 |\nQUYẾT ĐỊNH\n{_BODY}"
    assert _meta(text)["issuer"] == "BỘ XÂY DỰNG"


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["SỞ NỘI VỤ", "BAN QUẢN LÝ DỰ ÁN", "TRUNG TÂM Y TẾ"]),
       st.sampled_from(["VÀ ĐÀO TẠO", "KHU VỰC MỘT", "DỰ PHÒNG"]), st.sampled_from(["", "\n", "\n\n"]),
       st.sampled_from([" ", "   ", " ——— "]))
def test_a_three_line_name_merged_with_the_motto_is_read_whole(second: str, third: str, gap: str, joint: str) -> None:
    text = (f"UBND TỈNH BẾN TRE{joint}{_MOTTO_1}\n{gap}{second}{joint}{_MOTTO_2}\n{gap}{third}\n"
            f"Số: 5/KH-X Bến Tre, ngày 2 tháng 3 năm 2026\nKẾ HOẠCH\n{_BODY}")
    meta = _meta(text)
    assert meta["issuer"] == f"UBND TỈNH BẾN TRE {second} {third}"
    assert (meta["number"], meta["date"], meta["level"]) == ("5/KH-X", "2026-03-02", "province")


def test_a_party_document_names_its_issuing_organ_under_the_type_word() -> None:
    text = ("BAN CHẤP HÀNH TRUNG ƯƠNG          ĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 12-QĐ/TW          Hà Nội, ngày 3 tháng 3 năm 2026\n"
            f"QUY ĐỊNH\nCỦA BAN BÍ THƯ\nvề công tác dân vận\n{_BODY}")
    meta = _meta(text)
    assert (meta["issuer"], meta["level"]) == ("BAN BÍ THƯ", "central")


def test_a_standing_committee_keeps_the_committee_its_header_names() -> None:
    text = ("HUYỆN UỶ TÂN AN          ĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 05-CT/HU          Tân An, ngày 3 tháng 3 năm 2026\n"
            f"CHỈ THỊ\nCỦA BAN THƯỜNG VỤ HUYỆN UỶ\nvề phòng, chống hạn mặn\n{_BODY}")
    meta = _meta(text)
    assert (meta["issuer"], meta["level"]) == ("BAN THƯỜNG VỤ HUYỆN UỶ TÂN AN", "district")


def test_a_plan_citing_the_politburo_in_its_subject_keeps_its_own_issuer() -> None:
    text = (f"ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH BẾN TRE\tĐộc lập - Tự do - Hạnh phúc\n"
            f"Số: 5/KH-UBND\tBến Tre, ngày 2 tháng 3 năm 2026\nKẾ HOẠCH\nThực hiện Kết luận số 75-KL/TW\n"
            f"của Bộ Chính trị về công tác dân vận\n{_BODY}")
    assert _meta(text)["issuer"] == "ỦY BAN NHÂN DÂN TỈNH BẾN TRE"


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["NGHỊ QUYẾT", "KẾT LUẬN", "CHƯƠNG TRÌNH HÀNH ĐỘNG", "CHỈ THỊ"]), st.booleans(),
       st.sampled_from([" VỀ PHÁT TRIỂN DU LỊCH", ""]))
def test_the_politburo_named_with_or_under_the_type_word_is_the_issuer(kind: str, same_line: bool, subject: str) -> None:
    organ = f"{kind} CỦA BỘ CHÍNH TRỊ{subject}" if same_line else f"{kind}\nCỦA BỘ CHÍNH TRỊ{subject}"
    text = (f"BAN CHẤP HÀNH TRUNG ƯƠNG          ĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 31-NQ/TW          Hà Nội, ngày 3 tháng 3 năm"
            f" 2026\n{organ}\n{_BODY}")
    meta = _meta(text)
    assert (meta["issuer"], meta["level"]) == ("BỘ CHÍNH TRỊ", "central")


def test_a_names_second_line_merged_with_the_motto_under_a_first_row_a_bar_kept_apart_is_read() -> None:
    text = (f"BỘ Y TẾ | {_MOTTO_1}\nCỤC DÂN SỐ {_MOTTO_2}\nSố: 8/DS-KH Hà Nội, ngày 2 tháng 3 năm 2026\n"
            f"V/v rà soát số liệu\n{_BODY}")
    meta = _meta(text)
    assert (meta["issuer"], meta["level"]) == ("BỘ Y TẾ CỤC DÂN SỐ", "central")


def test_a_copy_without_its_header_that_directs_every_province_is_central() -> None:
    text = ("QUYẾT ĐỊNH\nVề việc phát triển làng nghề\nCăn cứ Luật Tổ chức chính quyền địa phương;\n"
            "Điều 1. Phê duyệt Đề án.\nĐiều 2. Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương chỉ đạo Sở Công Thương"
            " của tỉnh triển khai; Tỉnh ủy các tỉnh phối hợp.\n")
    assert _meta(text)["level"] == "central"


def test_a_copy_without_its_header_that_only_directs_its_own_departments_is_not_central() -> None:
    text = ("KẾ HOẠCH\nPhát triển làng nghề\nI. NHIỆM VỤ\n1. Các sở, ban, ngành và Ủy ban nhân dân tỉnh phối hợp,"
            " báo cáo các bộ, ngành Trung ương.\n2. Ủy ban nhân dân các huyện triển khai ở thôn, tổ dân phố.\n")
    assert _meta(text)["level"] != "central"


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["Các bộ, cơ quan ngang bộ", "Các bộ, ngành, địa phương", "UBND các tỉnh, thành phố trực thuộc Trung ương",
                        "Cac bo, co quan ngang bo"]),
       st.sampled_from(["thôn", "tổ dân phố", "Tỉnh ủy"]))
def test_whoever_directs_every_ministry_or_province_is_central_whatever_else_the_text_names(addressed: str, other: str) -> None:
    text = f"CHỈ THỊ\nVề an toàn thông tin\n1. {addressed} triển khai đến từng {other}.\n2. Báo cáo kết quả.\n"
    assert _meta(text)["level"] == "central"
