"""Rules added in round 17 (issue 10), each from how documents are built, tested on made-up text."""

from __future__ import annotations

import random
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.noise import headers, pdf
from ansinh.documents.parsing.clean import prepare
from ansinh.documents.parsing.target_layout import find_layout_target_tables

_WORK = (
    "TT\tNội dung hành động\tHành động cụ thể\tBộ ngành chủ trì\tBộ ngành phối hợp\tThời hạn hoàn thành\n"
    "1.\tHoàn thiện quy định về bảo trợ xã hội\tRà soát, đề xuất sửa đổi các nghị định về trợ giúp xã hội\tBộ Y tế"
    "\tBộ Tư pháp; Bộ Tài chính\t12/2026\n"
    "2.\tChi trả trợ cấp không dùng tiền mặt\tMở tài khoản cho người hưởng trợ cấp xã hội tại các xã, phường\t"
    "Ngân hàng Nhà nước Việt Nam\tBộ Công an; Ủy ban nhân dân cấp tỉnh\t6/2027\n"
)


def _rows(text: str) -> list[list[str]]:
    return [[c.text for c in r.cells[3:5]] for t in find_layout_target_tables(prepare(text)) for r in t.rows]


def test_a_running_header_between_the_wrapped_labels_of_a_laid_out_table_does_not_lose_the_table() -> None:
    text = "KẾ HOẠCH\nTrợ giúp xã hội giai đoạn 2026 - 2030\n\nPHỤ LỤC\nCÁC HÀNH ĐỘNG\n" + _WORK + "\nNơi nhận:\n"
    for seed in range(4):
        laid = pdf(text, random.Random(seed)).split("\n")
        head = next(i for i, line in enumerate(laid) if line.startswith("TT"))
        broken = "\n".join([*laid[: head + 1], "Trang 5/12", *laid[head + 1 :]])
        want = _rows("\n".join(laid))
        assert len(want) == 2
        assert _rows(broken) == want


def test_the_running_header_noise_never_cuts_a_line_laid_out_in_columns() -> None:
    laid = pdf(_WORK * 60, random.Random(0))
    printed = Counter(line for line in laid.split("\n") if "  " in line.strip())
    for seed in range(20):
        noisy = Counter(headers(laid, random.Random(seed)).split("\n"))
        assert all(noisy[line] == n for line, n in printed.items())


def test_a_lettered_item_after_a_table_whose_cells_stand_one_per_line_is_the_next_item_not_a_cell() -> None:
    from ansinh.documents.parsing import extract_plan

    text = (
        "KẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2026\n\nII. NHIỆM VỤ\n"
        "1. Xây dựng chương trình phát thanh\n"
        "a) Tổ chức chương trình đối thoại với các sở\n"
        "Đài Phát thanh tỉnh chủ trì, phối hợp với các sở thực hiện theo lịch dưới đây.\n\n"
        "TT\nNội dung\nCơ quan chủ trì\nThời gian thực hiện\n"
        "1\nĐối thoại về thủ tục cấp phép xây dựng\nSở Xây dựng\nTháng 3\n"
        "2\nĐối thoại về chi trả trợ cấp xã hội\nSở Y tế\nTháng 6\n"
        "b) Tổ chức chương trình đối thoại với các xã, phường\n"
        "Đài Phát thanh tỉnh chủ trì, phối hợp với Ủy ban nhân dân các xã, phường thực hiện.\n"
        "2. Tổ chức cuộc thi tìm hiểu về cải cách hành chính\n"
        "Sở Nội vụ chủ trì thực hiện.\n"
        "III. TỔ CHỨC THỰC HIỆN\nSở Nội vụ theo dõi, tổng hợp.\n"
    )
    tasks = extract_plan(text, "t")["tasks"]
    assert ("1.b", "Tổ chức chương trình đối thoại với các xã, phường") in [(t["number"], t["title"]) for t in tasks]
    leads = {t["title"]: t["lead"] for t in tasks}
    assert leads["Đối thoại về chi trả trợ cấp xã hội"] == ["Sở Y tế"]
    assert leads["Tổ chức chương trình đối thoại với các xã, phường"] == ["Đài Phát thanh tỉnh"]


def test_a_table_copied_one_cell_per_line_keeps_its_roman_group_rows_and_a_header_cell_naming_a_document() -> None:
    from ansinh.documents.parsing import extract_plan

    text = (
        "KẾ HOẠCH\nChuyển đổi số trong 100 ngày\n\nPHỤ LỤC\nDANH MỤC NHIỆM VỤ\n"
        "STT\nNhiệm vụ\nCơ quan chủ trì\nCơ quan phối hợp\nThời hạn\nNV theo KH 12-KH/BCĐ\n"
        "**I**\n**NHÓM THỂ CHẾ**\n"
        "1\nBan hành quy chế chia sẻ dữ liệu an sinh xã hội\nSở Y tế\nCông an tỉnh\n30/9/2026\nNV 2\n"
        "2\nRà soát thủ tục chi trả trợ cấp\nSở Tư pháp\nCác sở, ngành\n30/10/2026\nNV 4\n"
        "**II**\n**NHÓM DỮ LIỆU**\n"
        "3\nLàm sạch dữ liệu người hưởng trợ cấp\nSở Y tế\nUBND các xã, phường\n30/11/2026\nNV 7\n"
        "\nNơi nhận:\n- Như trên.\n"
    )
    tasks = extract_plan(text, "t")["tasks"]
    assert [(t["number"], t["lead"], t["coordinate"]) for t in tasks] == [
        ("I", [], []),
        ("1", ["Sở Y tế"], ["Công an tỉnh"]),
        ("2", ["Sở Tư pháp"], ["Các sở, ngành"]),
        ("II", [], []),
        ("3", ["Sở Y tế"], ["UBND các xã, phường"]),
    ]


def test_a_table_copied_one_cell_per_line_keeps_rows_whose_empty_cells_were_dropped_and_dotted_sub_rows() -> None:
    from ansinh.documents.parsing import extract_plan

    text = (
        "KẾ HOẠCH\nBảo đảm an sinh xã hội năm 2026\n\nPHỤ LỤC\nDANH MỤC NHIỆM VỤ\n"
        "TT\nTên nhiệm vụ\nCơ quan chủ trì\nCơ quan phối hợp\nKết quả\nThời gian hoàn thành\n"
        "I.\nHoàn thiện thể chế về trợ giúp xã hội\n"
        "1.\nXây dựng quy định chi trả trợ cấp xã hội qua tài khoản\nSở Y tế\nSở Tài chính\nQuyết định\n6/2026\n"
        "2.\nCập nhật danh sách người hưởng trợ cấp hằng tháng trên hệ thống\nỦy ban nhân dân các xã\nDanh sách\nThường xuyên\n"
        "3.\nRà soát chế độ đối với người có công với cách mạng\nSở Nội vụ\nCác sở, ngành\nBáo cáo\n9/2026\n"
        "II.\nChuyển đổi số dữ liệu người hưởng\nnăm 2026\n"
        "4.\nSố hóa hồ sơ người hưởng chính sách\n"
        "4.1.\nSố hóa hồ sơ người cao tuổi hưởng trợ cấp xã hội\nSở Y tế\nBưu điện tỉnh\nDữ liệu số\n12/2026\n"
        "4.2.\nSố hóa hồ sơ người có công với cách mạng tại xã\nSở Nội vụ\nCông an tỉnh\nDữ liệu số\n12/2026\n"
        "5.\nKết nối dữ liệu an sinh với cơ sở dữ liệu dân cư\nCông an tỉnh\nSở Y tế\nDữ liệu kết nối\n12/2026\n"
        "\nNơi nhận:\n- Như trên.\n"
    )
    leads = {t["number"]: t["lead"] for t in extract_plan(text, "t")["tasks"]}
    assert leads["1"] == ["Sở Y tế"]
    assert leads["2"] == ["Ủy ban nhân dân các xã"]  # its partner cell empty: the next row still opens at "3."
    assert leads["3"] == ["Sở Nội vụ"]
    assert leads["4.1"] == ["Sở Y tế"]
    assert leads["4.2"] == ["Sở Nội vụ"]
    assert leads["5"] == ["Công an tỉnh"]


def test_a_year_opening_a_sentence_on_a_new_pdf_line_holds_for_the_values_of_the_lines_below() -> None:
    from ansinh.documents.parsing import extract_plan

    text = (
        "KẾ HOẠCH\nThực hiện chính sách xã hội giai đoạn 2021 - 2025\n\nI. MỤC TIÊU\n"
        "- Đến năm 2045, trở thành tỉnh phát triển, thu nhập cao.\n"
        "Các chỉ tiêu chủ yếu: Tốc độ tăng thu nhập bình quân đạt khoảng 7%/năm.\n"
        "Đến năm 2025, tỷ lệ hộ nghèo đa chiều giảm còn dưới 2%; tỷ lệ lao động qua đào\n"
        "tạo đạt 70%; tỷ lệ tham gia bảo hiểm y tế đạt 95% dân số.\n"
        "II. NHIỆM VỤ\n1. Sở Y tế rà soát đối tượng bảo trợ xã hội.\n"
    )
    years = {t["value"]: t["year"] for t in extract_plan(text, "t")["targets"]}
    assert years[70] == years[95] == years[2] == 2025


_STACKED_LINES = st.sampled_from([
    "TT", "STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian", "NV theo KH 05-KH/BCĐ", "I", "**II**",
    "III.", "1", "2.", "3", "11", "11.1", "11.2.", "12", "a)", "b) Tổ chức hội nghị", "-", "+ Rà soát hồ sơ", "",
    "Sở Y tế", "Ủy ban nhân dân các xã", "Rà soát danh sách hộ nghèo trên địa bàn các xã, phường", "30/9/2026",
    "Thường xuyên", "- 3 -", "Trang 2/9", "các sở, ngành liên quan", "Bộ", "(Kèm theo Kế hoạch số 12/KH-UBND",
])


@settings(max_examples=60, deadline=None)
@given(st.lists(_STACKED_LINES, min_size=1, max_size=40))
def test_any_run_of_table_like_lines_is_read_without_failing_and_keeps_the_text_length(lines: list[str]) -> None:
    from ansinh.documents.parsing import extract_plan

    text = "KẾ HOẠCH\nHỗ trợ hộ nghèo năm 2026\n\nPHỤ LỤC\n" + "\n".join(lines) + "\n"
    doc = prepare(text)
    assert len(doc.clean) == len(doc.text) == len(doc.folded)
    extract_plan(text, "t")
