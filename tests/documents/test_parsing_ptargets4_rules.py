"""Targets on unseen documents (helper ptargets4): noise a real upload carries, and how Vietnamese plans write
targets. Every snippet here is written for the test, in the style of real plans."""

from __future__ import annotations

from typing import Any

from ansinh.documents.formats.html_text import html_to_text
from ansinh.documents.parsing import extract_plan
from ansinh.lib.text import normalize_text

HEAD = (
    "ỦY BAN NHÂN DÂN\nTỈNH AN HÒA\nSố: 45/KH-UBND\nAn Hòa, ngày 3 tháng 2 năm 2026\n\nKẾ HOẠCH\n"
    "Phát triển du lịch bền vững giai đoạn 2026 - 2030\n\n"
)


def _targets(text: str) -> list[tuple[Any, ...]]:
    got = extract_plan(normalize_text(text), "x")["targets"]
    assert isinstance(got, list)
    return [
        (t["indicator"], t["comparator"], t["value"], t["value_max"], t["unit"], t["year"],
         tuple((m["year"], m["value"]) for m in t["milestones"]))
        for t in got
    ]


def test_a_web_page_keeps_the_columns_of_a_line_laid_out_with_spaces() -> None:
    page = (
        "<html><body><p>TT    Chỉ tiêu        Đơn vị    Năm 2026</p>\n"
        "<p>1     Tỷ lệ hộ nghèo  %  &nbsp;   3,5</p></body></html>"
    )
    assert html_to_text(page) == "TT    Chỉ tiêu        Đơn vị    Năm 2026\n1     Tỷ lệ hộ nghèo  %      3,5"


def test_a_web_page_still_collapses_the_spaces_of_its_markup_and_a_single_double_space() -> None:
    page = "<html><body><p>Tiếp tục  triển khai\n      các chính sách</p>\n<p>Sở Y tế\n   chủ trì</p></body></html>"
    assert html_to_text(page) == "Tiếp tục triển khai các chính sách\nSở Y tế chủ trì"


STAGED_OBJECTIVES = HEAD + (
    "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nPhát triển du lịch nông thôn gắn với xây dựng nông thôn mới.\n"
    "II. NỘI DUNG\n1. Mục tiêu\n- Giai đoạn 2026 - 2027:\n"
    "+ Điều tra, đánh giá tài nguyên du lịch nông thôn tại các xã.\n"
    "+ Hình thành 03 mô hình du lịch nông nghiệp gắn với làng nghề truyền thống tại các xã vùng đồi.\n"
    "- Giai đoạn 2028 - 2030:\n+ Phát triển các sản phẩm du lịch đặc trưng của tỉnh.\n"
    "+ Thành lập mới 12 hợp tác xã du lịch cộng đồng.\n"
    "+ Hình thành 02 - 03 khu du lịch sinh thái có thương hiệu trong vùng.\n"
    "2. Nhiệm vụ và giải pháp\n- Tuyên truyền trên báo tỉnh về du lịch nông thôn.\n"
)


def test_a_count_of_things_an_objective_sets_out_to_create_is_a_target_of_its_stage() -> None:
    got = _targets(STAGED_OBJECTIVES)
    assert ("Số mô hình du lịch nông nghiệp gắn với làng nghề truyền thống", "=", 3, None, "mô hình", 2027, ()) in got
    assert ("Số hợp tác xã du lịch cộng đồng", "=", 12, None, "hợp tác xã", 2030, ()) in got
    assert next(t for t in got if t[2] == 2 and t[3] == 3 and t[5] == 2030)[0] == "Số khu du lịch sinh thái có thương hiệu trong vùng"
    assert len(got) == 3


def _tab_text(rows: list[list[str]]) -> str:
    return HEAD + "PHỤ LỤC\nCÁC CHỈ TIÊU PHÁT TRIỂN DU LỊCH\n" + "\n".join("\t".join(r) for r in rows) + "\n"


ONE_VALUE_TABLE = [
    ["TT", "Chỉ tiêu", "Đơn vị", "Kết quả", "Cơ quan chủ trì theo dõi, đánh giá"],
    ["I", "Đến năm 2030", "", "", ""],
    ["1", "Tỷ lệ cơ sở lưu trú du lịch đạt tiêu chuẩn xếp hạng từ 3 sao trở lên", "%", "≥ 40",
     "Sở Văn hóa, Thể thao và Du lịch"],
    ["2", "Số lượt khách du lịch quốc tế đến tỉnh", "Lượt khách", "≥ 500.000", "Sở Văn hóa, Thể thao và Du lịch"],
    ["II", "Đến năm 2045", "", "", ""],
    ["3", "Tỷ trọng đóng góp của du lịch vào tổng sản phẩm trên địa bàn tỉnh", "%", "≥ 12",
     "Cục Thống kê tỉnh"],
]


def test_a_laid_out_target_table_whose_lines_lost_their_indentation_reads_as_its_tab_rows() -> None:
    from ansinh.documents.noise import _layout_rows

    expected = _targets(_tab_text(ONE_VALUE_TABLE))
    assert [(t[0][:20], t[2], t[5]) for t in expected] == [
        ("Tỷ lệ cơ sở lưu trú ", 40, 2030), ("Số lượt khách du lịc", 500000, 2030), ("Tỷ trọng đóng góp củ", 12, 2045),
    ]
    for width in (60, 75, 90):
        lines = [line.strip() for line in _layout_rows(ONE_VALUE_TABLE, width)]  # a page trims every line
        laid = HEAD + "PHỤ LỤC\nCÁC CHỈ TIÊU PHÁT TRIỂN DU LỊCH\n" + "\n".join(lines) + "\n"
        assert [(t[0], t[2], t[5]) for t in _targets(laid)] == [(t[0], t[2], t[5]) for t in expected]


def test_a_line_after_a_laid_out_table_that_starts_at_the_margin_still_ends_it_when_the_table_is_indented() -> None:
    from ansinh.documents.noise import _layout_rows

    lines = _layout_rows(ONE_VALUE_TABLE, 75)
    laid = HEAD + "PHỤ LỤC\nCÁC CHỈ TIÊU\n" + "\n".join(lines) + "\nGhi chú: số liệu năm 2025 đạt 35%\n"
    got = _targets(laid)
    assert [t[2] for t in got] == [40, 500000, 12]


HEALTH = HEAD.replace("Phát triển du lịch bền vững", "Chăm sóc sức khỏe nhân dân") + "I. MỤC TIÊU\n2. Chỉ tiêu cụ thể\n"


def test_a_value_in_the_condition_of_a_rule_up_to_its_then_is_not_a_target() -> None:
    got = _targets(HEALTH + (
        "- Trường hợp tỷ lệ bao phủ bảo hiểm y tế đạt trên 95% thì xem xét điều chỉnh mức hỗ trợ.\n"
        "- Nếu số ca mắc mới giảm dưới 100 ca thì chuyển sang giám sát thường xuyên.\n"
        "- Tỷ lệ trạm y tế xã có bác sĩ làm việc đạt 100%.\n"
    ))
    assert [(t[0], t[2]) for t in got] == [("Tỷ lệ trạm y tế xã có bác sĩ làm việc", 100)]


def test_a_thi_without_its_mark_does_not_close_a_condition() -> None:
    got = _targets(HEALTH + "- Phấn đấu 100% trạm y tế xã, thị trấn đạt chuẩn quốc gia về y tế.\n")
    assert [t[2] for t in got] == [100]


def test_a_name_that_opens_with_who_commits_keeps_the_measure_only() -> None:
    got = _targets(HEALTH + (
        "- Các bệnh viện công lập bảo đảm tỷ lệ hài lòng của người bệnh trên 90%.\n"
        "- Kinh tế số chiếm tỷ trọng ít nhất 20% GRDP vào năm 2030.\n"
    ))
    assert [(t[0], t[1], t[2]) for t in got] == [
        ("Tỷ lệ hài lòng của người bệnh", ">", 90), ("Tỷ trọng kinh tế số", ">=", 20),
    ]


def test_a_yearly_path_in_brackets_leaves_no_bracket_in_the_name() -> None:
    got = _targets(HEALTH + "- Tỷ lệ người dân trưởng thành có chữ ký số (năm 2026: 40%; năm 2027: 50%; năm 2030: 70%).\n")
    assert got == [("Tỷ lệ người dân trưởng thành có chữ ký số", "=", 70, None, "%", 2030,
                    ((2026, 40), (2027, 50), (2030, 70)))]


def test_a_target_table_with_a_period_column_gives_each_row_the_end_of_its_period() -> None:
    got = _targets(_tab_text([
        ["TT", "Chỉ tiêu", "Đơn vị", "Giai đoạn", "Mục tiêu", "Cơ quan chủ trì theo dõi"],
        ["1", "Tỷ lệ hộ nghèo giảm bình quân", "%/năm", "2026 - 2030", "1 - 1,5", "Sở Nông nghiệp và Môi trường"],
        ["2", "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "Đến năm 2030", "≥ 95", "Bảo hiểm xã hội tỉnh"],
        ["3", "Tỷ lệ trường học đạt chuẩn quốc gia", "%", "2026 - 2027", "80", "Sở Giáo dục và Đào tạo"],
    ]))
    assert [(t[2], t[3], t[5]) for t in got] == [(1, 1.5, 2030), (95, None, 2030), (80, None, 2027)]


def test_a_count_from_which_a_group_is_named_keeps_its_tro_len_in_the_name() -> None:
    got = _targets(HEALTH + "- Tỷ lệ sinh con thứ 3 trở lên giảm bình quân 0,5‰/năm.\n"
                   "- Tỷ lệ lao động qua đào tạo đạt 70% trở lên.\n")
    assert [(t[0], t[2], t[4]) for t in got] == [
        ("Tỷ lệ sinh con thứ 3 trở lên", 0.5, "‰/năm"), ("Tỷ lệ lao động qua đào tạo", 70, "%"),
    ]


def test_an_indicator_given_for_two_periods_of_a_path_others_run_through_is_one_target_with_milestones() -> None:
    got = _targets(HEAD.replace("Phát triển du lịch bền vững giai đoạn 2026 - 2030", "Phát triển kinh tế đến năm 2045")
                   + "I. MỤC TIÊU\n"
                   "Giai đoạn 2026 - 2030: Đến năm 2030, quy mô GRDP đạt 20 tỉ USD; tỉ trọng kinh tế số trong GRDP đạt "
                   "tối thiểu 25%.\n"
                   "Giai đoạn 2031 - 2035: Đến năm 2035, quy mô GRDP đạt 32 tỉ USD; tỉ trọng kinh tế số trong GRDP đạt "
                   "tối thiểu 35%.\n"
                   "Tầm nhìn đến năm 2045: quy mô GRDP đạt 70 tỉ USD.\n")
    assert [(t[2], t[5], t[6]) for t in got] == [
        (35, 2035, ((2030, 25), (2035, 35))), (70, 2045, ((2030, 20), (2035, 32), (2045, 70))),
    ]


def test_a_share_after_a_verb_is_named_by_what_follows_and_its_repeat_in_the_tasks_is_dropped() -> None:
    got = _targets(HEAD.replace("Phát triển du lịch bền vững giai đoạn 2026 - 2030", "Phòng, chống ma túy năm 2026")
                   + "I. MỤC TIÊU\n- Phấn đấu đến năm 2030 đạt ít nhất 60% số xã, phường trên toàn tỉnh không có ma "
                   "túy, riêng năm 2026 phấn đấu xây dựng được ít nhất 25% xã, phường không có ma túy.\n"
                   "II. NHIỆM VỤ, GIẢI PHÁP\n- Triển khai đồng bộ các giải pháp chuyển hóa địa bàn, phấn đấu xây dựng "
                   "được ít nhất 25% xã, phường không có ma túy ngay trong năm 2026 và xây dựng lộ trình thực hiện "
                   "hằng năm.\n")
    assert [(t[2], t[5], t[6]) for t in got] == [(60, 2030, ((2026, 25), (2030, 60)))]


TASKS = HEAD.replace("Phát triển du lịch bền vững giai đoạn 2026 - 2030", "Bảo đảm trật tự an toàn giao thông năm 2026") + (
    "I. MỤC ĐÍCH, YÊU CẦU\nNâng cao ý thức chấp hành pháp luật.\nII. NHIỆM VỤ, GIẢI PHÁP\n"
)


def test_a_task_that_places_or_grants_land_has_no_cue_of_reaching_a_value() -> None:
    got = _targets(TASKS + "1. Ủy ban nhân dân cấp xã lắp đặt 50 camera giám sát tại các nút giao.\n"
                   "2. Sở Nông nghiệp và Môi trường giao đất 12 ha cho các hộ tái định cư.\n"
                   "3. Các cơ sở giáo dục tổ chức 100 buổi ngoại khóa về an toàn giao thông.\n"
                   "4. Công an tỉnh phấn đấu xử lý đạt 100% các trường hợp vi phạm được phát hiện.\n")
    assert [t[2] for t in got] == [100]


def test_a_comparison_with_a_year_leaves_no_so_voi_in_the_name_and_a_placed_thing_keeps_its_verb() -> None:
    got = _targets(HEAD + "I. MỤC TIÊU\n- Kéo giảm từ 5% đến 10% số người chết do tai nạn giao thông so với năm 2025.\n"
                   "- Số camera được lắp đặt đạt 200 camera.\n")
    assert [t[0] for t in got] == ["Tỷ lệ số người chết do tai nạn giao thông", "Số camera được lắp đặt"]


def test_a_count_an_objective_has_each_unit_make_is_named_by_what_is_made_and_for_whom() -> None:
    got = _targets(HEAD + "I. MỤC TIÊU\n- Mỗi xã xây dựng ít nhất 01 mô hình tự quản về an toàn giao thông.\n"
                   "- Tổ chức ít nhất 02 lớp tập huấn nghiệp vụ cho hướng dẫn viên du lịch.\n")
    assert [(t[0], t[1], t[2]) for t in got] == [
        ("Số mô hình tự quản về an toàn giao thông mỗi xã", ">=", 1),
        ("Số lớp tập huấn nghiệp vụ cho hướng dẫn viên du lịch", ">=", 2),
    ]


def test_a_share_an_action_reaches_is_named_by_what_it_reaches_without_its_deadline() -> None:
    got = _targets(TASKS + "1. Công an tỉnh phấn đấu xử lý 100% các trường hợp vi phạm được phát hiện.\n"
                   "2. Sở Xây dựng bảo đảm hoàn thành việc khắc phục 100% điểm đen giao thông trước ngày 30/6/2026.\n")
    assert [t[0] for t in got] == [
        "Tỷ lệ trường hợp vi phạm được phát hiện được xử lý", "Tỷ lệ điểm đen giao thông được khắc phục",
    ]


def test_a_share_names_what_it_counts_without_so_or_cac_but_an_amount_keeps_so() -> None:
    got = _targets(HEALTH + "- Trên 80% số trạm y tế xã có bác sĩ làm việc.\n"
                   "- Tỷ lệ số thuế nợ được thu hồi đạt 90%.\n")
    assert [t[0] for t in got] == ["Tỷ lệ trạm y tế xã có bác sĩ làm việc", "Tỷ lệ số thuế nợ được thu hồi"]


def test_a_count_a_task_strives_for_after_a_comma_is_kept_whatever_the_model_says() -> None:
    got = _targets(TASKS + "1. Rà soát, hỗ trợ hộ nghèo về nhà ở, phấn đấu hoàn thành 800 căn nhà trong năm 2026.\n"
                   "2. Rà soát, hỗ trợ hộ nghèo về nhà ở trên địa bàn 12 xã.\n")
    assert [(t[2], t[4], t[5]) for t in got] == [(800, "căn nhà", 2026)]
