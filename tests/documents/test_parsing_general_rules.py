"""General rules of Vietnamese administrative documents, one small text each (no sample-specific strings)."""

from __future__ import annotations

from typing import Any

import pytest

from ansinh.documents.parsing import extract_plan


def _plan(*body: str, head: str = "KẾ HOẠCH\nThực hiện chính sách xã hội\n") -> dict[str, Any]:
    result: dict[str, Any] = extract_plan(head + "\n".join(body) + "\n", "vi-du")
    return result


def _targets(*lines: str) -> list[tuple[object, ...]]:
    result = _plan("II. MỤC TIÊU", "2. Chỉ tiêu cụ thể đến năm 2030", *lines)
    return [(t["comparator"], t["value"], t.get("value_max"), t["unit"], t["year"]) for t in result["targets"]]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("- Có ít nhất 1,8 triệu lượt người được tư vấn việc làm.", [(">=", 1.8, None, "triệu lượt người", 2030)]),
        ("- Tỷ lệ hộ nghèo giảm bình quân 3 - 4%/năm.", [("range", 3, 4, "%/năm", 2030)]),
        ("- Thu nhập bình quân tăng 1,5 lần so với năm 2020.", [("=", 1.5, None, "lần", 2030)]),
        ("- 100% người cao tuổi từ 80 tuổi trở lên được hưởng trợ cấp.", [("=", 100, None, "%", 2030)]),
        ("- Duy trì chất lượng phổ cập giáo dục cho trẻ mẫu giáo từ 3 đến 5 tuổi.", []),
        ("- Ít nhất 90% người cao tuổi được khám sức khỏe ít nhất 01 lần/năm.", [(">=", 90, None, "%", 2030)]),
        ("- Duy trì mức sinh thay thế 2,1 con/phụ nữ.", [("maintain", 2.1, None, "con/phụ nữ", 2030)]),
        ("- Không để xảy ra trường hợp trẻ em bị bỏ rơi.", [("=", 0, None, "trường hợp", 2030)]),
        ("- Giảm nghèo bền vững, không để hộ nào bị bỏ lại phía sau.", []),
        ("- Phấn đấu hỗ trợ xây mới, sửa chữa 40 căn nhà cho hộ nghèo.", [("=", 40, None, "căn nhà", 2030)]),
    ],
)
def test_it_reads_target_values_by_general_rules(line: str, expected: list[tuple[object, ...]]) -> None:
    assert _targets(line) == expected


def test_a_base_year_after_so_voi_is_not_the_target_year() -> None:
    got = _targets("- Thu nhập tăng gấp 2 lần so với năm 2020; tỷ lệ hộ nghèo dưới 2%.")
    assert [t[-1] for t in got] == [2030, 2030]


def test_giao_x_chu_tri_phoi_hop_voi_y_assigns_the_item() -> None:
    result = _plan(
        "III. NHIỆM VỤ, GIẢI PHÁP",
        "1. Hỗ trợ nhà ở cho hộ nghèo",
        "Vận động nguồn lực xây nhà.",
        "Giao Sở Xây dựng chủ trì, phối hợp với Sở Tài chính, Ủy ban nhân dân các xã thực hiện.",
    )
    task = result["tasks"][0]
    assert (task["lead"], task["coordinate"]) == (["Sở Xây dựng"], ["Sở Tài chính", "Ủy ban nhân dân các xã"])


def test_a_closing_paragraph_that_names_points_assigns_those_points() -> None:
    result = _plan(
        "III. NHIỆM VỤ, GIẢI PHÁP",
        "1. Phát triển an sinh xã hội",
        "a) Mở rộng bảo hiểm xã hội.",
        "b) Giảm nghèo bền vững.",
        "Giao Bảo hiểm xã hội tỉnh chủ trì, phối hợp với Sở Y tế thực hiện nội dung tại điểm a; "
        "Sở Nội vụ chủ trì nội dung tại điểm b.",
    )
    leads = {t["number"]: t["lead"] for t in result["tasks"]}
    assert leads == {"1": ["Bảo hiểm xã hội tỉnh", "Sở Nội vụ"], "1.a": ["Bảo hiểm xã hội tỉnh"], "1.b": ["Sở Nội vụ"]}


def test_an_assignment_block_assigns_items_by_number_without_labels() -> None:
    result = _plan(
        "Phần II",
        "NHIỆM VỤ, GIẢI PHÁP",
        "1. Tuyên truyền",
        "1.1. Quán triệt nghị quyết.",
        "1.2. Sinh hoạt chuyên đề.",
        "2. Phân công thực hiện",
        "- Ban Tuyên giáo Tỉnh ủy chủ trì nội dung 1.1.",
        "- Đảng đoàn Hội đồng nhân dân tỉnh chủ trì nội dung 1.2.",
    )
    leads = {t["number"]: t["lead"] for t in result["tasks"]}
    assert leads["1.1"] == ["Ban Tuyên giáo Tỉnh ủy"]
    assert leads["1.2"] == ["Đảng đoàn Hội đồng nhân dân tỉnh"]
    assert "2" not in leads


def test_labelled_lines_split_units_without_diacritics_too() -> None:
    result = _plan("III. NHIEM VU", "1. Ra soat ho ngheo", "- Chu tri: Cong chuc Van hoa - Xa hoi.",
                   "- Phoi hop: Truong cac ap, Hoi Nong dan xa, Buu dien xa.", head="KE HOACH\n")
    assert result["tasks"][0]["coordinate"] == ["Truong cac ap", "Hoi Nong dan xa", "Buu dien xa"]


def test_a_task_table_is_recognised_by_its_lead_column_whatever_its_wording() -> None:
    result = _plan(
        "III. NHIỆM VỤ CỤ THỂ",
        "STT\tNhiệm vụ\tĐơn vị thực hiện\tĐơn vị phối hợp\tThời hạn",
        "1\tRà soát danh sách\tPhòng Văn hóa - Xã hội\tCác khu phố\tTháng 01/2026",
    )
    assert [(t["number"], t["lead"], t["timeline"]) for t in result["tasks"]] == [
        ("1", ["Phòng Văn hóa - Xã hội"], "Tháng 01/2026")
    ]


def test_each_period_gets_its_own_deadline_and_a_quarterly_one_may_give_only_the_day() -> None:
    result = _plan(
        "IV. TỔ CHỨC THỰC HIỆN",
        "Định kỳ 6 tháng (trước ngày 15/6) và hằng năm (trước ngày 15/12) báo cáo kết quả về Sở Nội vụ.",
        "Định kỳ hằng quý (trước ngày 20 của tháng cuối quý) các đơn vị báo cáo về Ủy ban nhân dân xã.",
        "Năm 2027 tổ chức sơ kết việc thực hiện Kế hoạch.",
    )
    duties = [(r["frequency"], r["deadline_day"], r["deadline_month"], r["year"]) for r in result["reporting"]]
    assert duties == [("semiannual", 15, 6, None), ("annual", 15, 12, None), ("quarterly", 20, None, None),
                      ("once", None, None, 2027)]


def test_header_number_date_level_in_layout_cells_and_party_style() -> None:
    state = extract_plan("BỘ NỘI VỤ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 5/KH-BNV\tHà Nội, ngày 18 tháng 6 năm 2025\n"
                         "KẾ HOẠCH\nThực hiện nghị quyết\nI. MỤC TIÊU\n", "a")["meta"]
    party = extract_plan("TỈNH ỦY NGHỆ AN\nSố 38-CTr/TU\nNghệ An, ngày 20 tháng 3 năm 2024\nCHƯƠNG TRÌNH HÀNH ĐỘNG\n"
                         "Thực hiện nghị quyết\nPhần I\nMỤC TIÊU\n", "b")["meta"]
    province = extract_plan("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 58/KH-UBND\nKẾ HOẠCH\nVề an sinh\nI. MỤC TIÊU\n"
                            "TM. ỦY BAN NHÂN DÂN\n", "c")["meta"]
    assert isinstance(state, dict) and isinstance(party, dict) and isinstance(province, dict)
    assert (state["number"], state["date"], state["level"]) == ("5/KH-BNV", "2025-06-18", "central")
    assert (party["number"], party["date"]) == ("38-CTr/TU", "2024-03-20")
    assert (province["issuer"], province["level"]) == ("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", "province")


def test_a_decree_number_keeps_its_year() -> None:
    meta = extract_plan("CHÍNH PHỦ\nSố: 176/2025/NĐ-CP\nNGHỊ ĐỊNH\nQuy định chính sách\n", "d")["meta"]
    assert isinstance(meta, dict) and meta["number"] == "176/2025/NĐ-CP"


def test_a_gazette_page_header_inside_a_table_does_not_break_it() -> None:
    result = _plan(
        "II. MỤC TIÊU",
        "STT\tChỉ tiêu\tĐơn vị tính\tNăm 2026\tNăm 2027",
        "1\tTỷ lệ tham gia bảo hiểm\ty tế\t%\t94\t95",
        "15",
        "CÔNG BÁO/Số 123/Ngày 20-3-2026",
        "2\tSố người được điều dưỡng\tNgười\t1.900\t2.000",
    )
    rows = [(t["indicator"], t["value"], t["unit"], [m["year"] for m in t["milestones"]]) for t in result["targets"]]
    assert rows == [("Tỷ lệ tham gia bảo hiểm y tế", 95, "%", [2026, 2027]),
                    ("Số người được điều dưỡng", 2000, "Người", [2026, 2027])]


def test_word_segmentation_marks_are_read_as_spaces_without_normalising() -> None:
    result = _plan("II. MỤC_TIÊU", "- Tỷ_lệ hộ_nghèo dưới 2%.", head="KẾ_HOẠCH\n")
    assert [(t["comparator"], t["value"]) for t in result["targets"]] == [("<", 2)]


def test_articles_of_a_decree_are_sections_not_tasks() -> None:
    result: dict[str, Any] = extract_plan(
        "CHÍNH PHỦ\nNGHỊ ĐỊNH\nQuy định chính sách\nĐiều 1. Phạm vi điều chỉnh\nNghị định này quy định.\n"
        "Điều 2. Trách nhiệm thi hành\n1. Ủy ban nhân dân cấp tỉnh báo cáo về Bộ Nội vụ trước ngày 15 tháng 12 hằng năm.\n",
        "nd",
    )
    assert result["tasks"] == [] and result["targets"] == []
    assert [(r["frequency"], r["deadline_day"], r["deadline_month"]) for r in result["reporting"]] == [("annual", 15, 12)]


def test_a_task_table_cut_by_a_page_break_is_read_whole() -> None:
    """PDF text: an empty line where the page breaks, then the rest of the cut row with its number cell empty."""
    result = _plan(
        "Phụ lục",
        "STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành",
        "I\tHOÀN\t\t\t",
        "",
        "\tTHIỆN THỂ CHẾ\t\t\t",
        "1\tXây dựng bản tin cung - cầu\tCục Việc làm\tTổng cục Thống kê; Ủy ban\tHằng quý",
        "",
        "\tlao động hằng quý\t\tnhân dân các tỉnh\t",
        "2\tKiểm tra việc thực hiện\tThanh tra Bộ\tCục Việc làm\tHằng năm",
    )
    rows = [(t["number"], t["title"], t["coordinate"]) for t in result["tasks"]]
    assert rows == [
        ("I", "HOÀN THIỆN THỂ CHẾ", []),
        ("1", "Xây dựng bản tin cung - cầu lao động hằng quý", ["Tổng cục Thống kê", "Ủy ban nhân dân các tỉnh"]),
        ("2", "Kiểm tra việc thực hiện", ["Cục Việc làm"]),
    ]


def test_a_sub_row_with_values_is_not_taken_for_the_rest_of_the_row_above() -> None:
    result = _plan(
        "II. MỤC TIÊU",
        "TT\tChỉ tiêu\tNăm 2024\tNăm 2025",
        "1\tTỷ lệ tham gia bảo hiểm xã hội, trong đó:\t40%\t45%",
        "\t- Bảo hiểm xã hội tự nguyện\t2%\t3%",
    )
    assert [t["value"] for t in result["targets"]] == [45, 3]


def test_ocr_marks_before_headings_and_ocr_spelt_unit_openers_are_read() -> None:
    result = _plan(
        "Phan II",
        "• NHIEM VU, GIAI PHAP",
        "^ 1. Tuyen truyen",
        "1.1. Quan triet nghi quyet.",
        "2. Phan cong thuc hien",
        "- Ban Tuyen giao Tinh uy chu tri noi dung 1.1.",
        "- Phoi hop: Uy ban Mat tran To quoc Viet Nam tinh, cdc doan the chinh tri - xa hoi tinh.",
        head="CHUONG TRINH HANH DONG\n",
    )
    tasks = {t["number"]: (t["lead"], t["coordinate"]) for t in result["tasks"]}
    assert tasks["1.1"] == (["Ban Tuyen giao Tinh uy"],
                            ["Uy ban Mat tran To quoc Viet Nam tinh", "cdc doan the chinh tri - xa hoi tinh"])


def test_a_bullet_before_running_text_is_kept_as_a_list_item() -> None:
    result = _plan("II. MỤC TIÊU", "• Tỷ lệ hộ nghèo dưới 2%.", "• Tỷ lệ hộ cận nghèo dưới 3%.")
    assert [t["value"] for t in result["targets"]] == [2, 3]


def test_a_value_going_from_one_level_to_another_gives_the_target_and_its_baseline() -> None:
    result = _plan("II. MỤC TIÊU", "Tỷ lệ thấp còi giảm từ 18,2% xuống còn 17,5%. Tăng thêm 5.000 người được quản lý bệnh.")
    got = [(t["comparator"], t["value"], t["unit"], t["baseline"]) for t in result["targets"]]
    assert got == [("<=", 17.5, "%", {"year": None, "value": 18.2, "text": "18,2%"}), ("=", 5000, "người", None)]


def test_a_two_row_assignment_header_and_group_rows_give_every_task() -> None:
    result = _plan(
        "II. NHIỆM VỤ CỤ THỂ",
        "STT\tNhiệm vụ\tPhân công\t\tThời gian",
        "\t\tChủ trì\tPhối hợp",
        "I\tNhóm nhiệm vụ về giảm nghèo",
        "1.1\tRà soát hộ nghèo\tSở Nông nghiệp và Môi trường\tỦy ban nhân dân các xã\tHằng năm",
        "II\tNhóm nhiệm vụ về bảo hiểm xã hội",
        "2.1\tPhát triển người tham gia\tBảo hiểm xã hội tỉnh\tSở Nội vụ\tHằng năm",
        "IV. TỔ CHỨC THỰC HIỆN",
        "Giữa năm 2028 tổ chức sơ kết; năm 2030 tổ chức tổng kết.",
    )
    assert [(t["number"], t["lead"]) for t in result["tasks"]] == [
        ("I", []), ("1.1", ["Sở Nông nghiệp và Môi trường"]), ("II", []), ("2.1", ["Bảo hiểm xã hội tỉnh"])
    ]
    assert [(r["frequency"], r["year"]) for r in result["reporting"]] == [("once", 2028), ("once", 2030)]


def test_roles_stated_in_parentheses_after_each_unit_are_followed() -> None:
    result = _plan("III. NHIỆM VỤ", "1. Tuyên truyền", "Đơn vị thực hiện: Ban Tuyên giáo (chủ trì), Văn phòng (phối hợp).")
    task = result["tasks"][0]
    assert (task["lead"], task["coordinate"]) == (["Ban Tuyên giáo"], ["Văn phòng"])


def test_the_responsibilities_part_assigns_items_it_names_by_number() -> None:
    result = _plan(
        "II. NHIỆM VỤ TRỌNG TÂM",
        "1. Kiện toàn mạng lưới y tế cơ sở",
        "2. Truyền thông giáo dục sức khỏe",
        "III. TRÁCH NHIỆM THỰC HIỆN",
        "1. Sở Y tế: chủ trì thực hiện nhiệm vụ tại mục 1 Phần II; báo cáo kết quả.",
        "2. Sở Văn hóa, Thể thao và Du lịch: chủ trì nhiệm vụ tại mục 2 Phần II; phối hợp với Sở Y tế tổ chức truyền thông.",
        "3. Ủy ban nhân dân các xã: phối hợp thực hiện các nhiệm vụ tại mục 1, 2 Phần II.",
        "4. Sở Tài chính: bố trí kinh phí.",
    )
    got = {t["number"]: (t["lead"], t["coordinate"]) for t in result["tasks"]}
    assert got == {
        "1": (["Sở Y tế"], ["Ủy ban nhân dân các xã"]),
        "2": (["Sở Văn hóa, Thể thao và Du lịch"], ["Sở Y tế", "Ủy ban nhân dân các xã"]),
    }


def test_a_party_style_number_with_a_colon_keeps_both_parts() -> None:
    meta = extract_plan("HỘI LHPN TỈNH\nSố: 45-KH/HPN\nKẾ HOẠCH\nHỗ trợ phụ nữ\n", "h")["meta"]
    assert isinstance(meta, dict) and meta["number"] == "45-KH/HPN"


def test_items_restarting_under_roman_groups_are_numbered_from_the_group_and_assigned_by_a_part_of_their_own() -> None:
    result = _plan(
        "A. MỤC TIÊU",
        "1. Tỷ lệ dân số tham gia bảo hiểm y tế đạt 100% vào năm 2027 và duy trì đến năm 2030.",
        "B. NHIỆM VỤ, GIẢI PHÁP",
        "I. Hoàn thiện thể chế",
        "1. Xây dựng chính sách hỗ trợ.",
        "II. Phát triển dịch vụ xã hội",
        "1. Nâng cấp Trung tâm Công tác xã hội.",
        "C. PHÂN CÔNG NHIỆM VỤ",
        "1. Sở Y tế chủ trì nhiệm vụ I.1; Sở Nội vụ chủ trì nhiệm vụ II.1.",
        "2. Phối hợp: Bảo hiểm xã hội thành phố.",
        "D. TỔ CHỨC THỰC HIỆN",
        "Các đơn vị báo cáo định kỳ 6 tháng, hằng năm về Sở Nội vụ trước ngày 10/6 và 10/12.",
    )
    got = {t["number"]: (t["lead"], t["coordinate"]) for t in result["tasks"]}
    assert got["I.1"] == (["Sở Y tế"], ["Bảo hiểm xã hội thành phố"])
    assert got["II.1"] == (["Sở Nội vụ"], ["Bảo hiểm xã hội thành phố"])
    assert [(t["value"], t["year"]) for t in result["targets"]] == [(100, 2027)]
    duties = [(r["frequency"], r["deadline_day"], r["deadline_month"]) for r in result["reporting"]]
    assert duties == [("semiannual", 10, 6), ("annual", 10, 12)]


def test_items_numbered_after_a_naming_word_and_fractions_of_a_whole() -> None:
    result = _plan(
        "I. CHỈ TIÊU",
        "Chỉ tiêu 1: Có ít nhất 18/21 xã đạt tiêu chuẩn phù hợp với trẻ em.",
        "II. NHIỆM VỤ",
        "Nhiệm vụ 1. Truyền thông về quyền trẻ em",
        "Chủ trì: Công an huyện; phối hợp: Huyện đoàn.",
        "III. CHẾ ĐỘ BÁO CÁO",
        "Báo cáo quý gửi trước ngày 15 của tháng cuối quý; báo cáo năm gửi trước ngày 10/12/2024.",
    )
    assert [(t["comparator"], t["value"], t["unit"]) for t in result["targets"]] == [(">=", 18, "xã")]
    assert [(t["number"], t["lead"], t["coordinate"]) for t in result["tasks"]] == [("1", ["Công an huyện"], ["Huyện đoàn"])]
    duties = [(r["frequency"], r["deadline_day"], r["deadline_month"]) for r in result["reporting"]]
    assert duties == [("quarterly", 15, None), ("annual", 10, 12)]


def test_a_date_written_with_a_slash_is_still_not_a_target() -> None:
    assert _targets("- Phấn đấu đến ngày 30/6 hoàn thành rà soát hộ nghèo.") == []


def test_parts_named_with_ordinal_words_are_sections() -> None:
    result = _plan("PHẦN THỨ NHẤT", "MỤC TIÊU", "- Tỷ lệ hộ nghèo dưới 2%.", "PHẦN THỨ HAI", "NHIỆM VỤ, GIẢI PHÁP",
                   "1. Tuyên truyền về giảm nghèo")
    assert [t["value"] for t in result["targets"]] == [2]
    assert [t["number"] for t in result["tasks"]] == ["1"]


def test_hard_wrapped_lines_of_a_pdf_export_keep_their_names_and_deadlines() -> None:
    """A number opening a wrapped line is not an item; a name wrapped over two lines stays whole."""
    result = _plan(
        "III. NHIỆM VỤ",
        "1. Phát triển an sinh xã hội",
        "a) Mở rộng bảo hiểm xã hội.",
        "b) Giảm nghèo bền vững.",
        "Giao Bảo hiểm xã hội tỉnh chủ trì, phối hợp với Sở Lao động - Thương binh và",
        "Xã hội thực hiện nội dung tại điểm a; Sở Lao động - Thương binh và",
        "Xã hội chủ trì nội dung tại điểm b.",
        "2. Hỗ trợ nhà ở",
        "IV. TỔ CHỨC THỰC HIỆN",
        "Sở Nội vụ là cơ quan thường trực; định kỳ hằng năm (trước ngày 15 tháng",
        "12) tổng hợp, báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện.",
    )
    leads = {t["number"]: t["lead"] for t in result["tasks"]}
    assert leads["1.b"] == ["Sở Lao động - Thương binh và Xã hội"]
    assert [t["number"] for t in result["tasks"]] == ["1", "1.a", "1.b", "2"]
    assert [(r["frequency"], r["deadline_day"], r["deadline_month"]) for r in result["reporting"]] == [("annual", 15, 12)]


def test_a_rule_line_under_the_title_ends_the_title() -> None:
    from ansinh.documents.parsing import extract_plan
    from ansinh.lib.text import normalize_text

    text = normalize_text(
        "ỦY BAN NHÂN DÂN\nXÃ AN BÌNH\n\nKẾ HOẠCH\nThực hiện chính sách xã hội\ntrên địa bàn xã An Bình\n"
        "________________\n\nThực hiện Nghị quyết số 42-NQ/TW ngày 24 tháng 11 năm 2023;\n\nI. MỤC ĐÍCH, YÊU CẦU\n"
    )
    title = extract_plan(text)["meta"]["title"]
    assert title == "Thực hiện chính sách xã hội trên địa bàn xã An Bình"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Nhiệm vụ thứ nhất: Rà soát hộ nghèo, hộ cận nghèo", "Nhiệm vụ thứ hai. Hỗ trợ nhà ở cho người có công"),
        ("Nhiem vu thu nhat: Ra soat ho ngheo, ho can ngheo", "Nhiem vu thu hai: Ho tro nha o cho nguoi co cong"),
        ("Giải pháp thứ nhất - Rà soát hộ nghèo, hộ cận nghèo", "Giải pháp thứ hai - Hỗ trợ nhà ở cho người có công"),
    ],
)
def test_tasks_numbered_with_ordinal_words_are_items(first: str, second: str) -> None:
    result = _plan("II. NHIỆM VỤ, GIẢI PHÁP", first, "Chủ trì: Sở Nội vụ.", second, "Chủ trì: Sở Xây dựng.")
    assert [(t["number"], t["lead"]) for t in result["tasks"]][:2] == [("1", ["Sở Nội vụ"]), ("2", ["Sở Xây dựng"])]


def test_a_table_headed_by_an_stt_cell_is_read() -> None:
    result = _plan(
        "Phụ lục: Danh mục dự án",
        "STT\tDanh mục\tKinh phí (tỷ đồng)",
        "1\tXây nhà văn hóa xã\t12",
        "2\tSửa trường tiểu học\t5",
    )
    assert [(p["name"], p["amount_million_vnd"]) for p in result["projects"]] == [
        ("Xây nhà văn hóa xã", 12000.0),
        ("Sửa trường tiểu học", 5000.0),
    ]
