"""The header block read through the ways copies break it: dotted numbers, "Số:" wrapped from its number,
a body's name read across both columns, a provincial body under its superior's line (probe texts of my own)."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan


def _meta(text: str) -> dict[str, Any]:
    meta = extract_plan(text, "dau")["meta"]
    assert isinstance(meta, dict)
    return meta


@given(st.integers(1, 999), st.integers(1, 99), st.sampled_from(["NQ-CP", "QĐ-TTg", "NĐ-CP"]))
def test_a_dotted_special_resolution_number_is_read_whole(whole: int, part: int, kind: str) -> None:
    meta = _meta(f"CHÍNH PHỦ\nSố: {whole}.{part}/2025/{kind}\nHà Nội, ngày 15 tháng 11 năm 2025\nNGHỊ QUYẾT\nVề việc thí điểm\n")
    assert meta["number"] == f"{whole}.{part}/2025/{kind}"
    assert meta["level"] == "central"


def test_a_number_wrapped_onto_the_line_after_so_is_read() -> None:
    meta = _meta("HỘI ĐỒNG NHÂN DÂN\nTỈNH QUẢNG NINH\nSố:\n99/2025/NQ-HĐND\nQuảng Ninh, ngày 16 tháng 12 năm 2025\n"
                 "NGHỊ QUYẾT\nQuy định mức chi\n")
    assert (meta["number"], meta["date"], meta["level"]) == ("99/2025/NQ-HĐND", "2025-12-16", "province")


def test_a_so_line_without_a_number_does_not_take_the_next_lines_number() -> None:
    meta = _meta("ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố:\nLào Cai, ngày 10 tháng 01 năm 2026\nKẾ HOẠCH\nThực hiện 12/KH-UBND\n")
    assert meta["number"] is None


def test_a_body_read_across_both_columns_keeps_its_place_from_the_mottos_second_line() -> None:
    meta = _meta("UỶ BAN NHÂN DÂN CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH LÀO CAI Độc lập - Tự do - Hạnh phúc\n"
                 "Số: 193/UBND-KT Lào Cai, ngày 10 tháng 01 năm 2026\nV/v tăng cường quản lý\n")
    assert (meta["issuer"], meta["level"]) == ("UỶ BAN NHÂN DÂN TỈNH LÀO CAI", "province")


def test_a_body_under_its_provinces_peoples_committee_is_provincial() -> None:
    meta = _meta("UBND TỈNH LÂM ĐỒNG BAN CHỈ ĐẠO PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ VÀ CHUYỂN ĐỔI SỐ Số: /BCĐ\n"
                 "Kính gửi: UBND các xã, phường, đặc khu.\nCăn cứ Công văn của ubnd tỉnh.\n")
    assert meta["level"] == "province"



@given(st.sampled_from(["KH-UBND", "TB-UBND", "UBND-NC", "QĐ-MTTQ-BTT"]), st.sampled_from(["", "12"]))
def test_a_body_and_its_number_in_one_flattened_cell_give_the_body_alone(symbol: str, number: str) -> None:
    meta = _meta(f"ỦY BAN NHÂN DÂN TỈNH BÌNH AN Số: {number}/{symbol}\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM "
                 "Độc lập - Tự do - Hạnh phúc Bình An, ngày tháng năm 2026\nKẾ HOẠCH\nVề việc thi đua\n")
    assert meta["issuer"] == "ỦY BAN NHÂN DÂN TỈNH BÌNH AN"
    assert meta["level"] == "province"


def test_a_notice_takes_the_line_under_thong_bao_as_its_title_and_not_the_word_as_part_of_the_body() -> None:
    meta = _meta("ỦY BAN NHÂN DÂN TỈNH BÌNH AN Số: /TB-UBND\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                 "THÔNG BÁO\nKết luận của Chủ tịch UBND tỉnh tại cuộc họp về giảm nghèo\n\nNgày 02/3/2026, …\n")
    assert meta["issuer"] == "ỦY BAN NHÂN DÂN TỈNH BÌNH AN"
    assert meta["title"].startswith("Kết luận của Chủ tịch UBND tỉnh")
