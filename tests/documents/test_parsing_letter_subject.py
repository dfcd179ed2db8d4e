"""A letter's subject ("V/v …", Decree 30/2020) is its title, wherever its PDF text put it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan

BODY = """Kính gửi: Ủy ban nhân dân các xã, phường.

Căn cứ Kế hoạch số 12/KH-UBND ngày 03/02/2026 của Ủy ban nhân dân tỉnh, Sở Y tế đề nghị:
1. Ủy ban nhân dân các xã, phường rà soát danh sách người cao tuổi trên địa bàn.
2. Trung tâm Y tế khu vực phối hợp thực hiện.
"""


def title_of(header: str) -> str | None:
    title: str | None = extract_plan(header + BODY)["meta"]["title"]
    return title


def test_a_letters_subject_wrapped_under_its_number_is_its_title() -> None:
    header = (
        "UBND TỈNH AN GIANG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "SỞ Y TẾ\tĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 215/SYT-NVY\tAn Giang, ngày 05 tháng 3 năm 2026\n"
        "V/v rà soát danh sách người cao tuổi\n"
        "được khám sức khỏe định kỳ năm 2026\n\n"
    )
    assert title_of(header) == "V/v rà soát danh sách người cao tuổi được khám sức khỏe định kỳ năm 2026"


def test_a_subject_sharing_its_lines_with_the_right_column_keeps_only_its_own_words() -> None:
    header = (
        "SỞ Y TẾ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Số: 215/SYT-NVY\tĐộc lập - Tự do - Hạnh phúc\n"
        "V/v rà soát danh sách người cao tuổi\tAn Giang, ngày 05 tháng 3 năm 2026\n\n"
    )
    assert title_of(header) == "V/v rà soát danh sách người cao tuổi"


def test_a_subject_after_the_number_on_a_merged_header_line_ends_at_the_column_break() -> None:
    header = (
        "UBND TỈNH AN GIANG SỞ Y TẾ Số: /SYT V/v rà soát danh sách người cao tuổi năm 2026\t"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc An Giang, ngày tháng 3 năm 2026\n\n"
    )
    assert title_of(header) == "V/v rà soát danh sách người cao tuổi năm 2026"


def test_a_subject_in_a_web_tables_cell_is_read_without_its_emphasis() -> None:
    header = (
        "| SỞ Y TẾ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        "| Số: 215/SYT-NVY *V/v rà soát danh sách người cao tuổi* | *An Giang, ngày 05 tháng 3 năm 2026* |\n\n"
    )
    assert title_of(header) == "V/v rà soát danh sách người cao tuổi"


def test_a_plan_keeps_the_title_under_its_type_word() -> None:
    header = (
        "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH AN GIANG\tĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 40/KH-UBND\tAn Giang, ngày 05 tháng 3 năm 2026\n\nKẾ HOẠCH\nChăm sóc sức khỏe người cao tuổi năm 2026\n\n"
    )
    assert title_of(header) == "Chăm sóc sức khỏe người cao tuổi năm 2026"


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(["V/v", "v/v", " ", "\t", "\n", "|", "*", "rà soát", "Kính gửi:", "Số: 1/SYT",
                                 "Căn cứ", "năm 2026", ","]), max_size=25).map("".join))
def test_any_header_reads_to_a_title_or_none_and_never_fails(header: str) -> None:
    title = title_of(header + "\n\n")
    assert title is None or (title.strip() == title and "\n" not in title)
