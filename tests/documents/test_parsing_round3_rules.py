"""General rules found by reading real public plans at first sight (round 3); made-up wording only."""

from __future__ import annotations

from typing import Any

from ansinh.documents.parsing import extract_plan


def _read(text: str) -> dict[str, Any]:
    result: dict[str, Any] = extract_plan(text, "vi-du")
    return result


def test_a_header_copied_from_a_web_table_keeps_its_date_and_drops_the_cell_bars() -> None:
    meta = _read(
        "ỦY BAN NHÂN DÂN |\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 12/KH-UBND |\n"
        "Hòa Bình, ngày 03 tháng 4 năm 2025 |\nKẾ HOẠCH\nHỗ trợ người cao tuổi năm 2025\n"
    )["meta"]
    assert (meta["date"], meta["issuer"]) == ("2025-04-03", "ỦY BAN NHÂN DÂN")


def test_a_body_without_its_place_takes_its_level_from_the_sentence_that_issues_the_plan() -> None:
    meta = _read(
        "ỦY BAN NHÂN DÂN\nSố: 7/KH-UBND\nKẾ HOẠCH\nChăm lo người có công năm 2025\n"
        "Ủy ban nhân dân tỉnh Mường Xanh ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH\n"
    )["meta"]
    assert meta["level"] == "province"


def test_another_body_issuing_a_programme_does_not_decide_the_level() -> None:
    meta = _read(
        "ỦY BAN NHÂN DÂN\nSố: 8/KH-UBND\nKẾ HOẠCH\nChăm lo người có công\n"
        "Thực hiện Nghị quyết số 5/NQ-CP của Chính phủ ban hành Chương trình hành động;\nI. MỤC ĐÍCH\n"
    )["meta"]
    assert meta["level"] == "other"


def test_the_title_stops_where_the_preamble_sentence_begins() -> None:
    meta = _read(
        "ỦY BAN NHÂN DÂN TỈNH BẮC SƠN\nSố: 9/KH-UBND\nKẾ HOẠCH\nGIẢM NGHÈO BỀN VỮNG NĂM 2026\n"
        "Thực hiện Quyết định số 4/QĐ-TTg ngày 02/01/2025 của Thủ tướng Chính phủ;\n"
        "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\nI. MỤC TIÊU\n"
    )["meta"]
    assert meta["title"] == "GIẢM NGHÈO BỀN VỮNG NĂM 2026"


def test_a_resolution_title_does_not_take_the_enacting_body_line() -> None:
    meta = _read(
        "CHÍNH PHỦ\nSố: 3/NQ-CP\nNGHỊ QUYẾT\nBAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG VỀ AN SINH XÃ HỘI\n"
        "CHÍNH PHỦ\nCăn cứ Luật Tổ chức Chính phủ;\nQUYẾT NGHỊ:\n"
    )["meta"]
    assert meta["title"] == "BAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG VỀ AN SINH XÃ HỘI"


def test_a_party_number_line_without_colon_is_neither_issuer_nor_an_implemented_document() -> None:
    meta = _read(
        "BAN THƯỜNG VỤ TỈNH ỦY\nSố 21-KH/TU\nKẾ HOẠCH\nthực hiện chính sách xã hội\n"
        "Thực hiện Nghị quyết số 42-NQ/TW, ngày 24/11/2023; Nghị quyết số 42-NQ/TW nêu rõ ...\nI- MỤC ĐÍCH\n"
    )["meta"]
    assert meta["issuer"] == "BAN THƯỜNG VỤ TỈNH ỦY"
    assert meta["number"] == "21-KH/TU"
    assert len(meta["implements"]) == 1 and "42-NQ/TW" in meta["implements"][0]


def test_officers_are_the_unit_of_a_staffing_target_not_houses() -> None:
    result = _read(
        "KẾ HOẠCH\nPhát triển công tác xã hội\nI. MỤC TIÊU\n2. Mục tiêu cụ thể đến năm 2030\n"
        "- Mỗi xã bố trí ít nhất 02 cán bộ làm công tác xã hội.\n"
    )
    assert [(t["value"], t["unit"]) for t in result["targets"]] == [(2, "cán bộ")]


def test_a_place_and_date_wrapped_over_lines_by_a_web_copy_is_still_the_date() -> None:
    meta = _read(
        "ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG XANH\n|\nSố: 40/KH-UBND\n|\nĐồng\nXanh, ngày 11 tháng 3 năm\n2025\n|\n"
        "KẾ HOẠCH\nTRỢ GIÚP XÃ HỘI NĂM 2025\nI. MỤC TIÊU\n"
    )["meta"]
    assert meta["date"] == "2025-03-11"


def test_a_cited_document_date_after_the_title_is_not_the_plan_date() -> None:
    meta = _read(
        "ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG XANH\nSố: 41/KH-UBND\nKẾ HOẠCH\nTRỢ GIÚP XÃ HỘI\n"
        "Thực hiện Quyết định số 2/QĐ-TTg, ngày 05 tháng 01 năm 2024 của Thủ tướng Chính phủ;\nI. MỤC TIÊU\n"
    )["meta"]
    assert meta["date"] is None


def test_the_title_stops_at_a_trien_khai_thuc_hien_preamble() -> None:
    meta = _read(
        "ỦY BAN NHÂN DÂN TỈNH ĐỒNG XANH\nSố: 42/KH-UBND\nKẾ HOẠCH\nCAI NGHIỆN MA TÚY TRÊN ĐỊA BÀN TỈNH\n"
        "Triển khai thực hiện Nghị định số 9/2024/NĐ-CP của Chính phủ;\nI. MỤC ĐÍCH\n"
    )["meta"]
    assert meta["title"] == "CAI NGHIỆN MA TÚY TRÊN ĐỊA BÀN TỈNH"


def test_a_party_plan_lists_its_duties_under_cong_tac_quan_triet_with_closing_dates() -> None:
    result = _read(
        "BAN THƯỜNG VỤ TỈNH ỦY\nSố 30-KH/TU\nKẾ HOẠCH\nthực hiện chính sách xã hội\n"
        "I- MỤC ĐÍCH, YÊU CẦU\n1. Thống nhất nhận thức trong toàn Đảng bộ.\n"
        "II- CÔNG TÁC QUÁN TRIỆT NGHỊ QUYẾT VÀ TRIỂN KHAI THỰC HIỆN\n"
        "1. Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Báo tỉnh hướng dẫn học tập nghị quyết (xong trong quý I/2026).\n"
        "2. Ban cán sự đảng Ủy ban nhân dân tỉnh chủ trì xây dựng kế hoạch hành động (hoàn thành trong tháng 3/2026).\n"
    )
    got = [(t["number"], t["lead"], t["coordinate"], t["timeline"]) for t in result["tasks"]]
    assert got == [
        ("1", ["Ban Tuyên giáo Tỉnh ủy"], ["Báo tỉnh"], None),
        ("2", ["Ban cán sự đảng Ủy ban nhân dân tỉnh"], [], "hoàn thành trong tháng 3/2026"),
    ]


def test_a_closing_clause_after_a_semicolon_gives_the_item_its_time() -> None:
    result = _read(
        "KẾ HOẠCH\nChăm lo người cao tuổi\nII. NHIỆM VỤ\n"
        "1. Sở Y tế chủ trì khám sức khỏe định kỳ cho người cao tuổi; thực hiện hằng năm.\n"
        "2. Sở Tài chính chủ trì bố trí kinh phí; thời hạn: quý II/2026.\n"
        "3. Sở Xây dựng chủ trì rà soát nhà ở; hoàn thành trước tháng 9 năm 2026.\n"
    )
    assert [t["timeline"] for t in result["tasks"]] == ["hằng năm", "quý II/2026", "hoàn thành trước tháng 9 năm 2026"]


def test_a_web_copy_without_the_type_word_takes_the_capital_lines_after_the_date_as_title() -> None:
    result = _read(
        "ỦY BAN NHÂN DÂN |\nSố: 50/KH-UBND |\nĐồng Xanh, ngày 02 tháng 12 năm 2025 |\n"
        "TRỢ GIÚP XÃ HỘI GIAI ĐOẠN 2026 - 2030\nTRÊN ĐỊA BÀN TỈNH\n"
        "Thực hiện Quyết định số 7/QĐ-TTg của Thủ tướng Chính phủ.\n"
        "1. Mục tiêu cụ thể\n- Đạt 80% xã có cộng tác viên công tác xã hội.\n"
    )
    assert result["meta"]["title"] == "TRỢ GIÚP XÃ HỘI GIAI ĐOẠN 2026 - 2030 TRÊN ĐỊA BÀN TỈNH"
    assert [(t["value"], t["year"]) for t in result["targets"]] == [(80, 2030)]


def test_a_provincial_party_organisation_is_not_a_ministry() -> None:
    meta = _read("ĐẢNG BỘ TỈNH ĐỒNG XANH\nBAN THƯỜNG VỤ TỈNH ỦY\nSố 5-KH/TU\nKẾ HOẠCH\nthực hiện chính sách xã hội\n")["meta"]
    assert meta["level"] == "province"


def test_a_lead_followed_by_a_common_verb_outside_the_old_list_still_assigns_the_item() -> None:
    result = _read(
        "KẾ HOẠCH\nVí dụ\nII. NHIỆM VỤ, GIẢI PHÁP\n"
        "1. Sở Tài chính chủ trì bố trí kinh phí thực hiện.\n"
        "2. Sở Y tế chủ trì, phối hợp với Sở Nội vụ bồi dưỡng kỹ năng cho nhân viên.\n"
        "3. Sở Nội vụ chủ trì, phối hợp với Sở Giáo dục và Đào tạo tập huấn cho giáo viên.\n"
    )
    assert [(t["lead"], t["coordinate"]) for t in result["tasks"]] == [
        (["Sở Tài chính"], []),
        (["Sở Y tế"], ["Sở Nội vụ"]),
        (["Sở Nội vụ"], ["Sở Giáo dục và Đào tạo"]),
    ]


def test_a_whole_web_page_pasted_with_the_plan_is_read_from_the_issuing_body_down() -> None:
    site = "\n".join([
        "Đang tải văn bản...", "Số hiệu:", "|", "77/KH-UBND", "|", "Loại văn bản:", "|", "Kế hoạch", "|",
        "Nơi ban hành:", "|", "Tỉnh Đồng Xanh", "|", "Ngày ban hành:", "|", "02/02/2025", "|", "X", "|",
    ])
    meta = _read(
        site + "\nỦY BAN NHÂN DÂN\nTỈNH ĐỒNG XANH\n-------\n|\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\n|\n"
        "Số: 77/KH-UBND\n|\nĐồng Xanh, ngày 02 tháng 02 năm 2025\n|\nKẾ HOẠCH\nTRỢ GIÚP XÃ HỘI NĂM 2025\n"
        "Thực hiện Kế hoạch 77/KH-UBND và Quyết định số 6/QĐ-TTg của Thủ tướng Chính phủ;\nI. MỤC TIÊU\n"
    )["meta"]
    assert (meta["number"], meta["date"], meta["issuer"], meta["level"], meta["title"]) == (
        "77/KH-UBND", "2025-02-02", "ỦY BAN NHÂN DÂN TỈNH ĐỒNG XANH", "province", "TRỢ GIÚP XÃ HỘI NĂM 2025"
    )
    assert [ref for ref in meta["implements"] if "77/KH" in ref] == []


def test_a_cited_body_that_issued_a_programme_is_not_the_issuer() -> None:
    meta = _read(
        "Căn cứ Nghị quyết số 9/NQ-CP của Chính phủ (sau đây gọi tắt là Nghị quyết 9) ban hành Chương trình hành động;\n"
        "KẾ HOẠCH\nChăm lo người có công\nI. MỤC TIÊU\n"
    )["meta"]
    assert meta["level"] != "central"


def test_a_share_that_qualifies_whom_a_change_counts_is_not_a_target() -> None:
    assert _targets3("- Các xã có tỷ lệ hộ nghèo trên 30% giảm bình quân từ 2,5 - 3,0%/năm.") == [
        ("range", 2.5, 3, "%/năm", "Các xã có tỷ lệ hộ nghèo trên 30% giảm bình quân từ 2,5 - 3,0%/năm")
    ]


def test_an_aside_in_brackets_is_its_own_clause_and_a_decimal_comma_does_not_cut_one() -> None:
    assert _targets3("- Tỷ lệ hộ nghèo giảm trên 2% mỗi năm (riêng các xã vùng cao giảm 4 - 5%).") == [
        (">", 2, None, "%/năm", "Tỷ lệ hộ nghèo giảm trên 2% mỗi năm"),  # "mỗi năm" after a share: a yearly rate
        ("range", 4, 5, "%", "riêng các xã vùng cao giảm 4 - 5%"),
    ]


def _targets3(line: str) -> list[tuple[object, ...]]:
    result = _read("KẾ HOẠCH\nGiảm nghèo\nI. MỤC TIÊU\n2. Mục tiêu cụ thể đến năm 2030\n" + line + "\n")
    return [(t["comparator"], t["value"], t["value_max"], t["unit"], t["text"]) for t in result["targets"]]


def test_a_heading_without_a_value_is_not_part_of_the_target_text_under_it() -> None:
    result = _read(
        "KẾ HOẠCH\nGiảm nghèo\nI. MỤC TIÊU\n2. Mục tiêu cụ thể\n"
        "Phấn đấu đến năm 2030, tỷ lệ hộ nghèo giảm còn 1,8%; khu vực miền núi dưới 4%.\n"
    )
    assert [t["text"] for t in result["targets"]] == ["Phấn đấu đến năm 2030, tỷ lệ hộ nghèo giảm còn 1,8%", "khu vực miền núi dưới 4%"]


def _milestones3(line: str) -> list[list[tuple[object, ...]]]:
    result = _read("KẾ HOẠCH\nGiảm nghèo\nI. MỤC TIÊU\n2. Mục tiêu cụ thể đến năm 2030\n" + line + "\n")
    return [[(m["comparator"], m["value"], m["year"]) for m in t["milestones"]] for t in result["targets"]]


def test_an_age_up_to_which_children_are_counted_is_not_a_target_and_the_next_value_keeps_its_first_digit() -> None:
    # A yearly path in prose is one target with its milestones (issue 10), the age bracket none of them.
    line = "- Tỷ lệ trẻ em đến 6 tuổi được khám sàng lọc đạt 85% vào năm 2027 và 92% vào năm 2030."
    assert _targets3(line) == [
        ("=", 92, None, "%", "Tỷ lệ trẻ em đến 6 tuổi được khám sàng lọc đạt 85% vào năm 2027 và 92% vào năm 2030"),
    ]
    assert _milestones3(line) == [[("=", 85, 2027), ("=", 92, 2030)]]


def test_a_closed_aside_does_not_cut_the_next_clause() -> None:
    got = _targets3("- Giảm tỷ lệ thừa cân ở trẻ em xuống dưới 9% (vùng đô thị), 4% (vùng nông thôn).")
    assert [t[1] for t in got] == [9, 4]
    assert got[1][-1].startswith("4%")


def test_a_bare_body_takes_its_level_from_the_place_its_title_names() -> None:
    meta = _read(
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 60/KH-UBND | Đồng Xanh, ngày 01 tháng 6 năm 2025 |\n"
        "KẾ HOẠCH\nCHĂM SÓC TRẺ EM TRÊN ĐỊA BÀN TỈNH ĐỒNG XANH NĂM 2025\nI. MỤC TIÊU\n"
    )["meta"]
    assert meta["level"] == "province"


def test_bodies_that_open_an_unassigned_item_lead_it_and_so_does_a_generic_subject() -> None:
    result = _read(
        "BAN THƯỜNG VỤ TỈNH ỦY\nSố 31-KH/TU\nKẾ HOẠCH\nthực hiện chính sách xã hội\n"
        "II- CÔNG TÁC QUÁN TRIỆT NGHỊ QUYẾT VÀ TRIỂN KHAI THỰC HIỆN\n"
        "1. Thường trực Tỉnh ủy, Ban Tổ chức Tỉnh ủy tổ chức hội nghị quán triệt nghị quyết (tháng 4/2026).\n"
        "2. Các cấp ủy, tổ chức đảng tổ chức học tập nghị quyết đến đảng viên.\n"
    )
    # pcoord17: a plural of kinds that opens the sentence leads too (the dev gold lists "Các cơ quan, đơn vị" so).
    assert [t["lead"] for t in result["tasks"]] == [["Thường trực Tỉnh ủy", "Ban Tổ chức Tỉnh ủy"], ["Các cấp ủy, tổ chức đảng"]]


def test_a_bare_value_right_after_a_bounded_one_shares_its_bound() -> None:
    got = _milestones3("- Giảm tỷ lệ trẻ em thấp còi xuống dưới 14% vào năm 2027 và 12% vào năm 2030.")
    assert got == [[("<", 14, 2027), ("<", 12, 2030)]]
    got = _milestones3("- Tỷ lệ trẻ em được tiêm chủng đạt 95% vào năm 2027 và 98% vào năm 2030.")
    assert got == [[("=", 95, 2027), ("=", 98, 2030)]]


def test_a_value_that_continues_the_previous_one_keeps_its_indicator_and_a_line_label_is_dropped() -> None:
    result = _read(
        "KẾ HOẠCH\nVì trẻ em\nI. MỤC TIÊU\n2. Mục tiêu cụ thể\n"
        "- Chỉ tiêu 3: Tỷ lệ trẻ em được đăng ký khai sinh đúng hạn đạt 97% vào năm 2027 và 99% vào năm 2030.\n"
    )
    got = [(t["value"], t["year"], t["indicator"], t["text"][:9]) for t in result["targets"]]
    indicator = "Tỷ lệ trẻ em được đăng ký khai sinh đúng hạn"
    assert [g[:2] for g in got] == [(99, 2030)]
    assert [(m["value"], m["year"]) for m in result["targets"][0]["milestones"]] == [(97, 2027), (99, 2030)]
    assert got[0][2].startswith(indicator)
    assert got[0][3] == "Tỷ lệ trẻ"


def test_enumerated_values_share_the_year_written_after_the_last() -> None:
    result = _read("KẾ HOẠCH\nVí dụ\nI. MỤC TIÊU\n2. Mục tiêu cụ thể đến năm 2030\n"
                   "- Giảm tỷ lệ béo phì ở học sinh xuống dưới 8% (thành thị), 4% (nông thôn) vào năm 2027.\n")
    got = [(t["comparator"], t["value"], t["year"]) for t in result["targets"]]
    assert got == [("<", 8, 2027), ("<", 4, 2027)]


def test_a_value_with_its_own_subject_or_unit_keeps_its_own_indicator() -> None:
    from ansinh.documents.parsing import extract_plan

    text = (
        "KẾ HOẠCH\nThực hiện chính sách xã hội\nI. MỤC TIÊU\n2. Chỉ tiêu đến năm 2030\n"
        "- Tỷ lệ lao động tham gia bảo hiểm xã hội đạt 60%; trên 95% dân số tham gia bảo hiểm y tế.\n"
        "- Có 30 giường bệnh, 12 bác sĩ, 4 dược sĩ trên 10.000 dân.\n"
        "- Tỷ lệ hộ nghèo đạt dưới 3% vào năm 2025 và dưới 1% vào năm 2030.\n"
    )
    targets = extract_plan(text, "x")["targets"]
    names = {t["value"]: t["indicator"] for t in targets}
    assert "bảo hiểm y tế" in names[95] and "bảo hiểm xã hội" not in names[95]
    assert "viện" not in names[12] and names[12] != names[30]
    # A bare second value continues the first one's indicator: one path, the first value a milestone.
    poor = next(t for t in targets if t["value"] == 1)
    assert [m["value"] for m in poor["milestones"]] == [3, 1] and 3 not in names
