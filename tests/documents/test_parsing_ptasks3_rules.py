"""ptasks3 rules: tasks of conclusion notices and directives, one small text of our own each."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan


def _tasks(text: str) -> list[str]:
    result: dict[str, Any] = extract_plan(text, "vi-du")
    return [t["title"] for t in result["tasks"]]


_NOTICE = (
    "ỦY BAN NHÂN DÂN\nTỈNH AN BÌNH\nSố: 12/TB-UBND\n"
    "THÔNG BÁO\n{gap}Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc về xóa nhà tạm\n\n"
    "Ngày 5 tháng 3, Chủ tịch UBND tỉnh làm việc với các sở. Sau khi nghe báo cáo, Chủ tịch UBND tỉnh kết luận như sau:\n"
    "1. Sở Xây dựng hướng dẫn các xã hoàn thiện hồ sơ hỗ trợ nhà ở trước ngày 30 tháng 4.\n"
    "2. Sở Tài chính bố trí kinh phí hỗ trợ xây mới nhà ở cho hộ nghèo.\n"
    "3. UBND các xã rà soát danh sách hộ nghèo có nhà tạm.\n"
    "Nay thông báo để các cơ quan biết, thực hiện./.\n"
)


def test_a_conclusion_notice_reads_its_points_when_a_blank_line_follows_thong_bao() -> None:
    # Decree 30/2020 lays the kind line ("THÔNG BÁO") and the summary line apart; scans and PDFs often keep a blank
    # line between them. The points are tasks either way.
    tight = _tasks(_NOTICE.format(gap=""))
    spaced = _tasks(_NOTICE.format(gap="\n"))
    two = _tasks(_NOTICE.format(gap="\n \n"))
    assert len(tight) == 3
    assert spaced == tight == two


def test_a_plain_notice_without_a_conclusion_line_reads_no_duties() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH AN BÌNH\nSố: 13/TB-UBND\nTHÔNG BÁO\n\nLịch tiếp công dân tháng 5\n\n"
        "UBND tỉnh thông báo lịch tiếp công dân như sau:\n"
        "1. Ngày 5 tháng 5: Chủ tịch UBND tỉnh tiếp công dân.\n"
        "2. Ngày 20 tháng 5: Phó Chủ tịch UBND tỉnh tiếp công dân.\n"
    )
    assert _tasks(text) == []


_DIRECTIVE = (
    "ỦY BAN NHÂN DÂN\nTỈNH AN BÌNH\nSố: 08/CT-UBND\nCHỈ THỊ\nVề tháo gỡ khó khăn cho các dự án đầu tư\n\n"
    "Để cải thiện môi trường đầu tư, Chủ tịch UBND tỉnh chỉ thị các sở, ngành thực hiện các nhiệm vụ sau đây:\n\n"
    "1. Sở Kế hoạch và Đầu tư rà soát các dự án chậm tiến độ.\n\n"
    "2. Sở Tài nguyên và Môi trường giải quyết thủ tục đất đai cho nhà đầu tư theo khoản 4,\n"
    "{wrap}\n\n"
    "{third}Đối với các dự án chậm tiến độ kéo dài, UBND các huyện đề xuất thu hồi chủ trương đầu tư.\n"
)


def test_an_item_number_ocr_read_with_a_comma_opens_the_next_item() -> None:
    text = _DIRECTIVE.format(wrap="Điều 5 Nghị định số 31/2021/NĐ-CP.", third="3, ")
    got = _tasks(text)
    assert len(got) == 3
    assert got[2].startswith("Đối với các dự án chậm tiến độ")


def test_a_comma_number_out_of_sequence_or_inside_a_sentence_stays_text() -> None:
    # "3, Điều 7 …" wraps a list of clauses: the line before does not end a sentence; 7 is not the next number.
    wrapped = _DIRECTIVE.format(wrap="3, Điều 7 Nghị định số 31/2021/NĐ-CP.", third="")
    assert len(_tasks(wrapped)) == 2
    skipped = _DIRECTIVE.format(wrap="Điều 5 Nghị định số 31/2021/NĐ-CP.", third="7, ")
    assert len(_tasks(skipped)) == 2


_DECREE = (
    "CHÍNH PHỦ\nSố: 99/2025/NĐ-CP\nNGHỊ ĐỊNH\nQuy định về sổ lao động điện tử\n"
    "Chương I\nQUY ĐỊNH CHUNG\n"
    "Điều 1. Phạm vi điều chỉnh\nNghị định này quy định về sổ lao động điện tử.\n"
    "Điều 2. Đối tượng áp dụng\nNgười lao động, người sử dụng lao động.\n"
    "Chương II\n{chapter}\n"
    "Điều 3. Quyền và trách nhiệm của người sử dụng lao động\n"
    "1. Người sử dụng lao động có các quyền sau đây:\n"
    "a) Tra cứu dữ liệu sổ lao động điện tử của mình.\n"
    "b) Sử dụng dữ liệu để báo cáo tình hình sử dụng lao động.\n"
    "2. Người sử dụng lao động có trách nhiệm sau đây:\n"
    "a) Cập nhật đầy đủ thông tin người lao động.\n"
    "b) Bảo mật dữ liệu sổ lao động điện tử.\n"
    "Điều 4. Trách nhiệm của Bộ Nội vụ\n"
    "1. Chủ trì xây dựng cơ sở dữ liệu sổ lao động điện tử.\n"
    "2. Hướng dẫn các địa phương thực hiện Nghị định này.\n"
    "Chương III\nĐIỀU KHOẢN THI HÀNH\nĐiều 5. Hiệu lực thi hành\nNghị định này có hiệu lực từ ngày 01 tháng 7 năm 2026.\n"
)


def _decree(chapter: str) -> dict[str, Any]:
    result: dict[str, Any] = extract_plan(_DECREE.format(chapter=chapter), "vi-du")
    return result


def test_a_parties_rights_and_duties_article_of_the_duties_chapter_gives_its_duties_not_its_rights() -> None:
    numbers = [t["number"] for t in _decree("TỔ CHỨC THỰC HIỆN")["tasks"]]
    assert numbers == ["3", "3.2", "3.2.a", "3.2.b", "4", "4.1", "4.2"]


def test_the_rights_khoan_gives_no_report() -> None:
    # "Sử dụng dữ liệu để báo cáo …" is what the party may do, not a reporting duty.
    assert _decree("TỔ CHỨC THỰC HIỆN")["reporting"] == []


def test_rights_articles_outside_a_duties_chapter_give_no_tasks() -> None:
    got = [t["number"] for t in _decree("SỔ LAO ĐỘNG ĐIỆN TỬ")["tasks"]]
    assert not any(n.startswith("3") for n in got)


_CLOSING = (
    "CHÍNH PHỦ\nSố: 98/2025/NĐ-CP\nHà Nội, ngày 16 tháng 10 năm 2025\nNGHỊ ĐỊNH\nQuy định về trợ cấp thất nghiệp\n"
    "Căn cứ Luật Việc làm số 74/2025/QH15;\nTheo đề nghị của Bộ trưởng Bộ Nội vụ;\n"
    "Chính phủ ban hành Nghị định quy định về trợ cấp thất nghiệp.\n"
    "Chương I\nQUY ĐỊNH CHUNG\n"
    "Điều 1. Phạm vi điều chỉnh\nNghị định này quy định về trợ cấp thất nghiệp.\n"
    "Chương II\nĐIỀU KHOẢN THI HÀNH\n"
    "Điều 2. Hiệu lực thi hành\nNghị định này có hiệu lực từ ngày 01 tháng 7 năm 2026.\n"
    "Điều 3. Trách nhiệm thi hành\n"
    "1. Bộ trưởng Bộ Nội vụ có trách nhiệm hướng dẫn, kiểm tra việc thi hành Nghị định này.\n"
    "2. Bảo hiểm xã hội Việt Nam có trách nhiệm:\n"
    "a) Tổ chức chi trả trợ cấp thất nghiệp.\n"
    "b) Giải quyết khiếu nại về trợ cấp thất nghiệp.\n"
    "3. Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân các tỉnh{tail}\n"
    "TM. CHÍNH PHỦ\nTHỦ TƯỚNG\n"
)


def test_the_closing_formula_of_a_decree_is_not_a_task() -> None:
    got = _tasks(_CLOSING.format(tail=" chịu trách nhiệm thi hành Nghị định này./."))
    assert len(got) == 4
    assert got[0].startswith("Bộ trưởng Bộ Nội vụ")


def test_an_item_that_goes_on_after_the_closing_formula_stays_a_task() -> None:
    tail = " chịu trách nhiệm thi hành Nghị định này; định kỳ hằng năm tổng kết việc chi trả trợ cấp."
    assert len(_tasks(_CLOSING.format(tail=tail))) == 5


_PARTIES = ["Các Bộ trưởng", "Thủ trưởng cơ quan ngang bộ", "Thủ trưởng cơ quan thuộc Chính phủ",
            "Chủ tịch Ủy ban nhân dân các tỉnh", "các cơ quan, tổ chức và cá nhân có liên quan"]


@settings(max_examples=15, deadline=None)
@given(st.lists(st.sampled_from(_PARTIES), min_size=1, max_size=4, unique=True), st.sampled_from([".", "./.", ""]))
def test_the_closing_formula_is_never_a_task_whoever_it_names(parties: list[str], end: str) -> None:
    tail = ", " + ", ".join(parties) + " chịu trách nhiệm thi hành Nghị định này" + end
    got = _tasks(_CLOSING.format(tail=tail))
    assert len(got) == 4
    assert not any("chịu trách nhiệm thi hành" in t for t in got)


@settings(max_examples=15, deadline=None)
@given(st.integers(min_value=4, max_value=60))
def test_a_comma_number_that_does_not_follow_on_is_never_an_item(number: int) -> None:
    text = _DIRECTIVE.format(wrap="Điều 5 Nghị định số 31/2021/NĐ-CP.", third=f"{number}, ")
    assert len(_tasks(text)) == 2


_LETTERED = (
    "ỦY BAN NHÂN DÂN\nTỈNH AN BÌNH\nSố: 09/CT-UBND\nCHỈ THỊ\nVề bảo đảm đón Tết\n\n"
    "Chủ tịch UBND tỉnh yêu cầu:\n\n"
    "1. Sở Công Thương chủ trì, phối hợp thực hiện:\n"
    "a) Rà soát nguồn cung hàng hóa thiết yếu.\n"
    "b) Theo dõi giá cả thị trường.\n"
    "{third}) Phối hợp với Cục Quản lý thị trường kiểm tra hàng giả.\n"
    "{fourth}) Bảo đảm cung cấp điện trong dịp Tết.\n"
    "2. Sở Y tế bảo đảm công tác khám chữa bệnh.\n"
)


def _numbers(text: str) -> list[str]:
    result: dict[str, Any] = extract_plan(text, "vi-du")
    return [t["number"] for t in result["tasks"]]


def test_a_letter_misread_between_two_that_fix_its_place_takes_its_place() -> None:
    assert _numbers(_LETTERED.format(third="e", fourth="d")) == ["1", "1.a", "1.b", "1.c", "1.d", "2"]


def test_letters_that_do_not_fix_a_place_are_kept() -> None:
    # "b)", "e)", "g)": e follows on from đ, not from b; nothing says which letters were lost.
    assert _numbers(_LETTERED.format(third="e", fourth="g")) == ["1", "1.a", "1.b", "1.e", "1.g", "2"]
