"""Indicator names as Vietnamese plans build them: the shortest phrase naming what a value measures."""

from __future__ import annotations

from ansinh.documents.parsing import extract_plan


def _names(*lines: str) -> list[tuple[object, object]]:
    text = "KẾ HOẠCH\nPhát triển du lịch\nII. MỤC TIÊU\n2. Chỉ tiêu cụ thể đến năm 2030\n" + "\n".join(lines) + "\n"
    return [(t["indicator"], t["value"]) for t in extract_plan(text, "vi-du")["targets"]]


def test_a_yearly_rate_after_a_level_names_the_growth_of_what_the_level_counts() -> None:
    names = _names("- Đón 5 - 6 triệu lượt khách, tăng 10 - 12%/năm; doanh thu lưu trú đạt khoảng 900 tỷ đồng, tăng 15%/năm.")
    assert ("Tốc độ tăng lượt khách", 10) in names
    assert ("Tốc độ tăng doanh thu lưu trú", 15) in names


def test_a_heading_before_the_measure_word_is_not_part_of_the_name() -> None:
    assert _names("Về xã hội: Tỷ lệ hộ nghèo đa chiều giảm còn dưới 2%.") == [("Tỷ lệ hộ nghèo đa chiều", 2)]


def test_how_a_value_holds_is_not_part_of_the_name() -> None:
    assert _names("- Tỷ lệ che phủ rừng duy trì ổn định 55%.") == [("Tỷ lệ che phủ rừng", 55)]


def test_since_when_a_value_holds_is_not_part_of_the_name() -> None:
    assert _names("- Tỷ lệ hồ sơ được xử lý trực tuyến kể từ ngày 01/7/2026 đạt 90%.") == [
        ("Tỷ lệ hồ sơ được xử lý trực tuyến", 90)
    ]


def test_a_name_made_with_tỷ_lệ_is_spelt_as_the_document_spells_it() -> None:
    names = _names("- Tỉ lệ lao động qua đào tạo đạt 70%.", "- Phấn đấu xây dựng được ít nhất 20% thôn, bản văn hóa kiểu mẫu.")
    assert ("Tỉ lệ thôn, bản văn hóa kiểu mẫu", 20) in names


def test_the_manner_a_thing_is_done_in_is_not_part_of_the_name() -> None:
    assert _names("- Tỷ lệ dữ liệu quan trọng được sao lưu, dự phòng theo quy định đạt 100%.") == [
        ("Tỷ lệ dữ liệu quan trọng được sao lưu, dự phòng", 100)
    ]
    assert _names("- Tỷ lệ thiết bị được cài phần mềm diệt mã độc theo hướng dẫn của Sở đạt 100%.") == [
        ("Tỷ lệ thiết bị được cài phần mềm diệt mã độc", 100)
    ]
    assert _names("- Bố trí tỷ lệ cán bộ nữ trong cấp ủy, hướng tới 30%.") == [("Tỷ lệ cán bộ nữ trong cấp ủy", 30)]


def test_a_verb_before_the_measure_word_is_not_part_of_the_name() -> None:
    assert _names("- Giữ tỷ lệ che phủ rừng ở mức 42%.") == [("Tỷ lệ che phủ rừng", 42)]


def test_a_share_cut_off_what_follows_it_names_the_cut_and_what_is_cut() -> None:
    assert _names("- Số hoá quy trình nội bộ nhằm rút ngắn ít nhất 25% thời gian xử lý hồ sơ theo hướng dẫn của Sở.") == [
        ("Tỷ lệ rút ngắn thời gian xử lý hồ sơ", 25)
    ]
    assert _names("- Cắt giảm trung bình 15% chi phí tuân thủ so với phương thức giấy.") == [
        ("Tỷ lệ cắt giảm chi phí tuân thủ so với phương thức giấy", 15)
    ]


def test_a_call_to_work_for_a_goal_names_the_goal() -> None:
    assert _names("- Các cấp, các ngành đoàn kết, nỗ lực vượt qua khó khăn để thực hiện thắng lợi mục tiêu thu ngân sách 9%.") == [
        ("Thu ngân sách", 9)
    ]


def test_a_level_broken_over_two_lines_still_names_its_growth_rate() -> None:
    names = _names("- Doanh thu lưu trú đạt khoảng 2.800-\n3.000 tỷ đồng, tăng 12 - 15%/năm.")
    assert ("Tốc độ tăng doanh thu lưu trú", 12) in names


def test_a_share_by_which_something_is_reduced_names_the_reduction() -> None:
    assert _names("- Giảm từ 20% đến 40% chi phí in ấn, gửi nhận văn bản giấy.") == [
        ("Tỷ lệ giảm chi phí in ấn, gửi nhận văn bản giấy", 20)
    ]


def test_a_rate_named_before_its_fall_keeps_its_name() -> None:
    assert _names("- Tỷ lệ hộ cận nghèo giảm 1,5% mỗi năm.") == [("Tỷ lệ hộ cận nghèo", 1.5)]


def test_a_per_cent_of_the_whole_before_it_is_the_share_of_the_part_it_names() -> None:
    names = _names("- Đón 3 triệu lượt khách, trong đó khách nội địa đạt 60%.")
    assert ("Tỷ lệ khách nội địa", 60) in names


def test_a_unit_cell_holding_a_measures_name_names_the_target() -> None:
    text = (
        "KẾ HOẠCH\nPhát triển văn hóa\nII. MỤC TIÊU\n2. Các chỉ tiêu chủ yếu đến năm 2030\n"
        "| STT | Chỉ tiêu | Đơn vị | Mục tiêu |\n| 1 | Tỷ lệ thôn có nhà văn hóa | % | 100 |\n"
        "| 2 | Văn hóa, con người của tỉnh phát triển toàn diện, duy trì | Chỉ số hạnh phúc của người dân | > 0,8 |\n"
    )
    targets = [(t["indicator"], t["value"], t["unit"]) for t in extract_plan(text, "vi-du")["targets"]]
    assert ("Chỉ số hạnh phúc của người dân", 0.8, None) in targets
    assert ("Tỷ lệ thôn có nhà văn hóa", 100, "%") in targets


def test_the_act_a_target_carries_out_and_a_duty_joined_after_a_comma_are_not_part_of_the_name() -> None:
    assert _names(
        "- Tỷ lệ cán bộ đăng ký sáng kiến gắn với vị trí việc làm, thực hiện Nghị quyết số 12-NQ/TU của Tỉnh ủy đạt 100%."
    ) == [("Tỷ lệ cán bộ đăng ký sáng kiến gắn với vị trí việc làm", 100)]
    assert _names("- Cắt giảm trung bình 20% thời gian giải quyết hồ sơ đất đai, mọi hồ sơ phải được công khai.") == [
        ("Tỷ lệ cắt giảm thời gian giải quyết hồ sơ đất đai", 20)
    ]


def test_a_share_of_things_done_on_time_names_what_is_done_and_how() -> None:
    names = _names(
        "- Bảo đảm chất lượng và trình đúng tiến độ 100% các đề án được giao; hoàn thành đúng thời hạn 100% các "
        "nhiệm vụ khác do Ủy ban nhân dân tỉnh giao trong năm."
    )
    assert names == [
        ("Tỷ lệ đề án được giao được trình đúng tiến độ", 100),
        ("Tỷ lệ nhiệm vụ khác do Ủy ban nhân dân tỉnh giao được hoàn thành đúng thời hạn", 100),
    ]


def test_a_per_cent_of_a_budget_given_to_a_purpose_is_the_share_spent_on_it() -> None:
    assert _names("- Bố trí tối thiểu 3% tổng chi ngân sách địa phương hằng năm cho sự nghiệp văn hóa.") == [
        ("Tỷ lệ chi cho sự nghiệp văn hóa trong tổng chi ngân sách địa phương hằng năm", 3)
    ]


def test_a_per_cent_of_the_product_is_the_weight_in_it_unless_it_is_an_amount_spent() -> None:
    assert _names(
        "- Kinh tế số đạt khoảng 25% GRDP; tỷ trọng ngành dịch vụ chiếm khoảng 40% GRDP của tỉnh; "
        "tổng đầu tư xã hội cho khoa học đạt 2% GRDP."
    ) == [
        ("Tỷ trọng kinh tế số trong GRDP", 25),
        ("Tỷ trọng ngành dịch vụ trong GRDP", 40),
        ("Tổng đầu tư xã hội cho khoa học", 2),
    ]


def test_a_share_of_places_where_something_is_done_names_the_places_first() -> None:
    names = _names("- Thành lập đoàn kiểm tra, giám sát công tác bầu cử ở 100% nơi tổ chức bầu cử lại.")
    assert len(names) == 1 and str(names[0][0]).startswith("Tỷ lệ nơi tổ chức bầu cử lại")
