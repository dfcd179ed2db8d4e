"""General rules found by the second blind round of fixtures (``fixtures/r2-*``), one small text each."""

from __future__ import annotations

from typing import Any

import pytest

from ansinh.documents.parsing import extract_plan
from ansinh.documents.parsing.clean import prepare


def _plan(*body: str, head: str = "KẾ HOẠCH\nThực hiện chính sách xã hội\n") -> dict[str, Any]:
    result: dict[str, Any] = extract_plan(head + "\n".join(body) + "\n", "vi-du")
    return result


def test_a_task_table_typed_with_vertical_bars_is_read_like_a_tab_separated_one() -> None:
    result = _plan(
        "II. NHIỆM VỤ",
        "| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn |",
        "|---|---|---|---|---|",
        "| 1 | Rà soát đối tượng bảo trợ xã hội | Sở Y tế | Sở Tài chính; Công an tỉnh | Quý IV/2025 |",
        "| 2 | Chi trả trợ cấp qua tài khoản | Bưu điện tỉnh | Sở Y tế | Hằng tháng |",
        "III. TỔ CHỨC THỰC HIỆN",
        "Các sở báo cáo kết quả hằng năm trước ngày 15/12.",
    )
    tasks = [(t["number"], t["title"], t["lead"], t["coordinate"]) for t in result["tasks"]]
    assert tasks == [
        ("1", "Rà soát đối tượng bảo trợ xã hội", ["Sở Y tế"], ["Sở Tài chính", "Công an tỉnh"]),
        ("2", "Chi trả trợ cấp qua tài khoản", ["Bưu điện tỉnh"], ["Sở Y tế"]),
    ]
    assert [(r["frequency"], r["deadline_day"], r["deadline_month"]) for r in result["reporting"]] == [("annual", 15, 12)]


def test_a_single_line_with_bars_is_running_text() -> None:
    result = _plan("II. NHIỆM VỤ", "1. Tuyên truyền | phổ biến | chính sách mới", "2. Kiểm tra, giám sát")
    assert [t["number"] for t in result["tasks"]] == ["1", "2"]


def _reports(line: str) -> list[tuple[object, ...]]:
    result = _plan("IV. TỔ CHỨC THỰC HIỆN", line)
    return [(r["frequency"], r["deadline_day"], r["deadline_month"], r["year"]) for r in result["reporting"]]


def test_a_review_dated_by_a_quarter_is_a_one_off_duty_of_that_year() -> None:
    assert _reports("3. Tổ chức sơ kết 03 năm vào quý IV/2027 và tổng kết vào quý IV/2030.") == [
        ("once", None, None, 2027), ("once", None, None, 2030),
    ]


def test_a_bare_year_after_six_months_and_a_deadline_in_the_next_year_are_annual() -> None:
    assert _reports("Các đơn vị báo cáo 6 tháng (trước ngày 10/6/2026) và năm (trước ngày 05/12/2026) về Sở Y tế.") == [
        ("semiannual", 10, 6, None), ("annual", 5, 12, None),
    ]
    assert _reports("Sở Y tế tổng hợp báo cáo Ủy ban nhân dân tỉnh trước ngày 10 tháng 01 năm sau.") == [("annual", 10, 1, None)]


def test_a_dash_before_the_sentence_that_assigns_an_item_does_not_hide_its_lead() -> None:
    result = _plan(
        "II. NHIỆM VỤ, GIẢI PHÁP",
        "1. Chăm sóc sức khỏe",
        "a) Sàng lọc trẻ sơ sinh",
        "- Sở Y tế chủ trì, phối hợp với Hội Chữ thập đỏ tỉnh thực hiện.",
        "- Thời gian: hằng năm.",
        "b) Cấp phát dụng cụ trợ giúp",
        "Bảo hiểm xã hội tỉnh chủ trì, phối hợp với Sở Tài chính thực hiện.",
    )
    tasks = {t["number"]: (t["lead"], t["coordinate"]) for t in result["tasks"]}
    assert tasks["1.a"] == (["Sở Y tế"], ["Hội Chữ thập đỏ tỉnh"])
    assert tasks["1.b"] == (["Bảo hiểm xã hội tỉnh"], ["Sở Tài chính"])


def test_an_item_that_opens_with_its_lead_and_no_partner_is_assigned_to_it() -> None:
    result = _plan(
        "III. NHIỆM VỤ CỤ THỂ",
        "1. Phòng Bảo trợ xã hội chủ trì, phối hợp với Văn phòng Sở rà soát đối tượng; thời gian: quý I/2026.",
        "2. Văn phòng Sở chủ trì tổng hợp, xây dựng báo cáo kết quả thực hiện; thời gian: tháng 12/2026.",
        "3. Bảo hiểm xã hội tỉnh chủ trì, phối hợp với Sở Y tế thanh toán chi phí dụng cụ trợ giúp.",
    )
    tasks = {t["number"]: (t["lead"], t["coordinate"]) for t in result["tasks"]}
    assert tasks == {
        "1": (["Phòng Bảo trợ xã hội"], ["Văn phòng Sở"]),
        "2": (["Văn phòng Sở"], []),
        "3": (["Bảo hiểm xã hội tỉnh"], ["Sở Y tế"]),
    }


def test_a_lead_named_in_the_middle_of_an_item_without_partners_is_not_its_lead() -> None:
    result = _plan(
        "III. NHIỆM VỤ CỤ THỂ",
        "1. Tuyên truyền chính sách",
        "Nội dung này do Sở Y tế chủ trì tổng hợp kết quả chung của tỉnh.",
    )
    assert result["tasks"][0]["lead"] == []


def _targets(*lines: str) -> list[tuple[object, ...]]:
    result = _plan("II. MỤC TIÊU", "2. Chỉ tiêu cụ thể đến năm 2030", *lines)
    return [(t["comparator"], t["value"], t["unit"], t["year"]) for t in result["targets"]]


def test_a_share_introduced_by_in_which_is_a_target_of_its_own() -> None:
    assert _targets("- Giải quyết việc làm cho 40.000 lao động, trong đó đưa 18.000 người đi làm việc ở nước ngoài.") == [
        ("=", 40000, "lao động", 2030), ("=", 18000, "người", 2030),
    ]


def test_people_counted_as_beneficiaries_are_a_unit() -> None:
    assert _targets("- Hỗ trợ khoảng 12.000 lượt đối tượng yếu thế được tư vấn, trợ giúp.") == [
        ("approx", 12000, "lượt đối tượng", 2030),
    ]


def test_an_indicator_table_flattened_into_spaces_is_read_by_its_year_columns() -> None:
    result = _plan(
        "II. CHỈ TIÊU",
        "STT Chỉ tiêu Đơn vị Năm 2025 Năm 2027 Năm 2030",
        "1 Tỷ lệ hộ nghèo % 4,2 3,0 1,5",
        "2 Số lao động có việc làm mới lượt người 180 200 220",
        "3 Số giường bệnh trên vạn dân Giường/vạn dân 30 31 35",
        "III. NHIỆM VỤ",
        "1. Hỗ trợ sinh kế cho hộ nghèo trong 3 năm 2025 2026 2027",
    )
    targets = [(t["indicator"], t["value"], t["unit"], [m["value"] for m in t["milestones"]]) for t in result["targets"]]
    assert targets == [
        ("Tỷ lệ hộ nghèo", 1.5, "%", [4.2, 3, 1.5]),
        ("Số lao động có việc làm mới", 220, "lượt người", [180, 200, 220]),
        ("Số giường bệnh trên vạn dân", 35, "Giường/vạn dân", [30, 31, 35]),
    ]


def test_a_line_of_years_without_an_indicator_header_stays_running_text() -> None:
    doc = prepare("II. CHỈ TIÊU\nKết quả các năm 2025 2026 2027 đều đạt\n1 Tỷ lệ hộ nghèo % 4,2 3,0 1,5\n")
    assert "\t" not in doc.clean
    doc = prepare("Chỉ tiêu Đơn vị Năm 2025 Năm 2030\nTheo dõi hằng năm các chỉ tiêu\n")
    assert "\t" not in doc.clean


def test_a_dated_report_without_a_period_is_the_default_annual_duty() -> None:
    assert _reports("Phòng Văn hóa - Xã hội báo cáo kết quả thực hiện về Ủy ban nhân dân phường trước ngày 25/11/2026.") == [
        ("annual", 25, 11, None),
    ]
    assert _reports("Nếu có vướng mắc, các đơn vị báo cáo Ủy ban nhân dân phường.") == [("adhoc", None, None, None)]


def test_roles_written_after_their_bodies_and_a_responsibility_label_assign_an_item() -> None:
    result = _plan(
        "II. NHIỆM VỤ",
        "1. Rà soát hộ nghèo: Phòng Kinh tế chủ trì; Phòng Văn hóa - Xã hội, Công an xã phối hợp; hoàn thành trong quý I/2026.",
        "2. Chi trả trợ cấp",
        "Trách nhiệm: Phòng Văn hóa - Xã hội (chủ trì); Bưu điện xã (phối hợp).",
    )
    tasks = {t["number"]: (t["lead"], t["coordinate"]) for t in result["tasks"]}
    assert tasks == {
        "1": (["Phòng Kinh tế"], ["Phòng Văn hóa - Xã hội", "Công an xã"]),
        "2": (["Phòng Văn hóa - Xã hội"], ["Bưu điện xã"]),
    }


def test_labels_after_a_full_stop_on_one_line_are_read_apart() -> None:
    result = _plan(
        "II. NỘI DUNG THỰC HIỆN",
        "1. Chi trả không dùng tiền mặt",
        "Đơn vị chủ trì: Bưu điện tỉnh. Đơn vị phối hợp: Sở Y tế, Kho bạc Nhà nước khu vực. Thời gian: Quý II/2026.",
    )
    task = result["tasks"][0]
    assert (task["lead"], task["coordinate"], task["timeline"]) == (
        ["Bưu điện tỉnh"], ["Sở Y tế", "Kho bạc Nhà nước khu vực"], "Quý II/2026",
    )


def test_a_task_table_cell_may_state_who_leads_and_who_takes_part() -> None:
    result = _plan(
        "II. NHIỆM VỤ",
        "TT\tNội dung công việc\tCơ quan thực hiện\tThời gian",
        "1\tRà soát đối tượng\tSở Y tế (chủ trì); Công an tỉnh, Sở Tài chính (phối hợp)\tQuý I",
        "2\tChi trả trợ cấp\tBưu điện tỉnh chủ trì, phối hợp Sở Y tế\tHằng tháng",
        "3\tKiểm tra\tThanh tra tỉnh\tQuý IV",
    )
    assert [(t["lead"], t["coordinate"]) for t in result["tasks"]] == [
        (["Sở Y tế"], ["Công an tỉnh", "Sở Tài chính"]),
        (["Bưu điện tỉnh"], ["Sở Y tế"]),
        (["Thanh tra tỉnh"], []),
    ]


def test_six_months_then_year_in_a_list_are_two_duties() -> None:
    assert _reports("Định kỳ 6 tháng, năm, các đơn vị gửi báo cáo về Sở Y tế trước ngày 15/6 và 15/12.") == [
        ("semiannual", 15, 6, None), ("annual", 15, 12, None),
    ]


def test_items_numbered_with_a_parenthesis_and_indented_keep_the_lead_they_open_with() -> None:
    result = _plan(
        "    III. NHIỆM VỤ CỤ THỂ",
        "    1) Phòng Người có công chủ trì, phối hợp với Phòng Kế hoạch - Tài chính tham mưu chi trả trợ cấp.",
        "    2) Văn phòng Sở chủ trì tổng hợp báo cáo kết quả thực hiện.",
    )
    assert [(t["lead"], t["coordinate"]) for t in result["tasks"]] == [
        (["Phòng Người có công"], ["Phòng Kế hoạch - Tài chính"]),
        (["Văn phòng Sở"], []),
    ]


def test_no_break_spaces_from_a_word_processor_read_as_spaces() -> None:
    result = _plan(
        "II.\u00a0MỤC TIÊU",
        "2.\u00a0Chỉ tiêu cụ thể đến năm\u00a02030",
        "-\u00a0Tỷ lệ hộ nghèo giảm còn dưới\u00a01%.",
        "III.\u00a0NHIỆM VỤ",
        "1.\u00a0Rà soát hộ nghèo",
        "-\u00a0Chủ trì:\u00a0Phòng Kinh tế.",
    )
    assert [(t["comparator"], t["value"], t["year"]) for t in result["targets"]] == [("<", 1, 2030)]
    assert [(t["number"], t["lead"]) for t in result["tasks"]] == [("1", ["Phòng Kinh tế"])]


def test_bar_and_flattened_tables_survive_an_empty_line_after_each_line() -> None:
    result = _plan(
        "II. CHỈ TIÊU",
        "",
        "STT Chỉ tiêu Đơn vị Năm 2025 Năm 2030",
        "",
        "1 Tỷ lệ hộ nghèo % 4,2 1,5",
        "",
        "III. NHIỆM VỤ",
        "",
        "STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn",
        "",
        "I | HOÀN THIỆN THỂ CHẾ | | |",
        "",
        "1 | Sửa đổi quy định về trợ giúp xã hội | Sở Y tế | Sở Tư pháp | Quý IV/2025",
    )
    assert [(t["value"], t["year"]) for t in result["targets"]] == [(1.5, 2030)]
    assert [(t["number"], t["lead"]) for t in result["tasks"]] == [("I", []), ("1", ["Sở Y tế"])]


def test_a_tab_table_with_an_empty_line_after_each_line_keeps_its_broken_rows() -> None:
    result = _plan(
        "II. CHỈ TIÊU",
        "",
        "STT\tChỉ tiêu\tĐơn vị tính\tThực hiện năm 2025\tNăm 2026\tNăm 2030",
        "",
        "1\tTỷ lệ dân số tham gia bảo hiểm\ty tế\t%\t93,2\t94\t98",
        "",
        "2\tTỷ lệ trạm y tế xã có bác sĩ làm",
        "",
        "việc\t%\t88\t90\t100",
    )
    assert [(t["value"], t["year"], t["baseline"]["value"]) for t in result["targets"]] == [(98, 2030, 93.2), (100, 2030, 88)]


def test_an_assignment_by_item_number_wrapped_over_two_lines_still_assigns() -> None:
    result = _plan(
        "II. NHIỆM VỤ",
        "1. Công tác giảm nghèo",
        "1.1. Rà soát hộ nghèo",
        "1.2. Hỗ trợ nhà ở",
        "2. Phân công thực hiện",
        "- Ban cán sự đảng Ủy ban nhân dân tỉnh chủ trì nội",
        "dung 1.1 và 1.2.",
    )
    tasks = {t["number"]: t["lead"] for t in result["tasks"]}
    assert tasks["1.1"] == ["Ban cán sự đảng Ủy ban nhân dân tỉnh"]
    assert tasks["1.2"] == ["Ban cán sự đảng Ủy ban nhân dân tỉnh"]


def test_a_double_spaced_table_goes_on_past_a_page_number_and_a_gazette_header() -> None:
    result = _plan(
        "II. CHỈ TIÊU",
        "",
        "STT\tChỉ tiêu\tĐơn vị tính\tThực hiện năm 2025\tNăm 2026\tNăm 2030",
        "",
        "1\tTỷ lệ dân số tham gia bảo hiểm y tế\t%\t93,2\t94\t98",
        "",
        "15",
        "",
        "CÔNG BÁO/Số 123/Ngày 20-3-2026",
        "",
        "2\tSố người có công được điều dưỡng\tNgười\t1.850\t1.900\t2.200",
    )
    assert [t["value"] for t in result["targets"]] == [98, 2200]


def test_a_bar_table_with_a_two_line_header_whose_second_line_opens_with_a_bar() -> None:
    result = _plan(
        "II. NHIỆM VỤ",
        "STT | Nhiệm vụ | Phân công |  | Thời gian",
        " |  | Chủ trì | Phối hợp | ",
        "1 | Rà soát hộ nghèo | Sở Nông nghiệp và Môi trường | Ủy ban nhân dân các xã | Hằng năm",
        "2 | Hỗ trợ nhà ở cho hộ nghèo | Sở Xây dựng | Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh | 2026",
    )
    assert [(t["number"], t["lead"], t["coordinate"]) for t in result["tasks"]] == [
        ("1", ["Sở Nông nghiệp và Môi trường"], ["Ủy ban nhân dân các xã"]),
        ("2", ["Sở Xây dựng"], ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"]),
    ]


def test_a_task_table_laid_out_with_runs_of_spaces_is_read_by_its_gaps() -> None:
    result = _plan(
        "II. NHIỆM VỤ",
        "STT   Nhiệm vụ                          Đơn vị chủ trì      Đơn vị phối hợp     Thời gian",
        "1     Rà soát đối tượng bảo trợ xã hội  Sở Y tế             Công an tỉnh        Quý I/2026",
        "2     Chi trả trợ cấp qua tài khoản     Bưu điện tỉnh       Sở Y tế             Hằng tháng",
        "III. TỔ CHỨC THỰC HIỆN",
        "Các sở báo cáo kết quả hằng năm trước ngày 15/12.  Sở Y tế tổng hợp.",
    )
    assert [(t["number"], t["lead"], t["coordinate"]) for t in result["tasks"]] == [
        ("1", ["Sở Y tế"], ["Công an tỉnh"]),
        ("2", ["Bưu điện tỉnh"], ["Sở Y tế"]),
    ]


def test_double_spaces_in_running_text_are_not_a_table() -> None:
    doc = prepare("II. NHIỆM VỤ\nNội dung  chủ yếu  gồm tuyên truyền.  Thời gian  thực hiện cả năm.\nKết thúc.\n")
    assert "\t" not in doc.clean


def test_a_header_date_written_with_slashes_and_a_special_zone_issuer() -> None:
    meta = extract_plan(
        "ỦY BAN NHÂN DÂN\nĐẶC KHU PHÚ QUỐC\nSố: 12/KH-UBND\nPhú Quốc, ngày 20/01/2026\nKẾ HOẠCH\nChăm lo người có công năm 2026\n",
        "vi-du",
    )["meta"]
    assert (meta["date"], meta["level"]) == ("2026-01-20", "commune")


def test_a_part_named_content_and_assignment_of_tasks_holds_the_tasks() -> None:
    result = _plan(
        "II. NỘI DUNG VÀ PHÂN CÔNG NHIỆM VỤ",
        "1. Tuyên truyền chính sách",
        "Chủ trì: Phòng Văn hóa - Xã hội.",
        "2. Kiểm tra, giám sát",
        "Chủ trì: Văn phòng UBND.",
    )
    assert [(t["number"], t["lead"]) for t in result["tasks"]] == [("1", ["Phòng Văn hóa - Xã hội"]), ("2", ["Văn phòng UBND"])]


def test_where_an_indicator_stands_now_in_brackets_is_its_baseline_not_a_target() -> None:
    result = _plan("II. MỤC TIÊU", "2. Chỉ tiêu đến năm 2030", "- Giảm tỷ lệ hộ nghèo xuống còn 1,5% (năm 2025 là 4,2%).")
    assert [(t["value"], t["year"], (t["baseline"] or {}).get("value")) for t in result["targets"]] == [(1.5, 2030, 4.2)]


@pytest.mark.parametrize(
    "line",
    [
        "Giao Sở Y tế là cơ quan chủ trì, phối hợp với Công an tỉnh thực hiện.",
        "Sở Y tế làm đầu mối, phối hợp với Công an tỉnh triển khai.",
        "(Sở Y tế chủ trì, Công an tỉnh phối hợp)",
    ],
)
def test_other_ways_of_naming_the_lead_and_its_partner(line: str) -> None:
    result = _plan("II. NHIỆM VỤ", "1. Rà soát đối tượng", line)
    assert (result["tasks"][0]["lead"], result["tasks"][0]["coordinate"]) == (["Sở Y tế"], ["Công an tỉnh"])


def test_a_name_keeps_no_bracket_it_did_not_open() -> None:
    from ansinh.documents.parsing.unit_names import split_units

    assert split_units("Hội Nông dân xã)") == ["Hội Nông dân xã"]
    assert split_units("Trung tâm Y tế (cơ sở 2), Công an xã") == ["Trung tâm Y tế (cơ sở 2)", "Công an xã"]
