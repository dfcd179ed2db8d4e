"""Targets on unseen documents (helper ptargets7): how Vietnamese plans and decisions approving a scheme (đề án) write
their targets. Every snippet here is written for the test, in the style of real plans."""

from __future__ import annotations

from typing import Any

from ansinh.documents.parsing import extract_plan
from ansinh.documents.parsing.part_kinds import classify
from ansinh.lib.text import normalize_text

DECISION = (
    "ỦY BAN NHÂN DÂN\nTỈNH AN HÒA\nSố: 12/QĐ-UBND\nAn Hòa, ngày 3 tháng 7 năm 2017\n\nQUYẾT ĐỊNH\n"
    "Về việc phê duyệt Đề án phát triển cây dược liệu tỉnh An Hòa giai đoạn 2017 - 2025, định hướng đến năm 2030\n\n"
    "QUYẾT ĐỊNH:\n\nĐiều 1. Phê duyệt Đề án phát triển cây dược liệu, với các nội dung chủ yếu như sau:\n\n"
    "I. Mục tiêu\n1. Mục tiêu chung\n- Phát triển bền vững vùng trồng cây dược liệu của tỉnh.\n"
    "2. Mục tiêu đến năm 2025, định hướng đến năm 2030\na. Phát triển\n"
)


def _targets(text: str) -> list[tuple[Any, ...]]:
    got = extract_plan(normalize_text(text), "x")["targets"]
    assert isinstance(got, list)
    return [
        (t["indicator"], t["comparator"], t["value"], t["value_max"], t["unit"], t["year"],
         tuple((m["year"], m["value"]) for m in t["milestones"]), (t["baseline"] or {}).get("value"))
        for t in got
    ]


def test_a_period_named_in_a_nested_heading_does_not_make_it_a_sentence() -> None:
    # The heading is read with the first characters of the next line ("a. Phát triển").
    assert classify("muc tieu den nam 2025, dinh huong den nam 2030\na. ", True) == "objectives"
    assert classify("muc tieu den nam 2025, dinh huong den nam 2030 cua tinh va cac huyen thi xa", True) is None


def test_a_path_from_a_starting_value_with_its_unit_keeps_the_start_as_baseline() -> None:
    text = DECISION + (
        "- Phấn đấu đưa diện tích trồng cây dược liệu từ 1.200 ha lên khoảng 1.800 ha vào năm 2025 và đạt "
        "khoảng 2.500 ha vào năm 2030.\n"
        "- Đưa giá trị kim ngạch xuất khẩu dược liệu từ 15 triệu USD lên khoảng 25 triệu USD vào năm 2025 và đạt "
        "khoảng 40 triệu USD vào năm 2030.\n"
        "II. Nhiệm vụ\n1. Rà soát quy hoạch vùng trồng.\n"
    )
    got = _targets(text)
    values = sorted(t[2] for t in got)
    assert 1200 not in values and 15 not in values  # the starting values are no targets
    area = next(t for t in got if t[2] == 2500)
    assert area[4] == "ha" and area[5] == 2030 and area[6] == ((2025, 1800), (2030, 2500)) and area[7] == 1200
    export = next(t for t in got if t[2] == 40)
    assert export[4] == "triệu USD" and export[5] == 2030 and export[6] == ((2025, 25), (2030, 40))


def test_an_outlook_year_in_the_heading_does_not_date_the_period_targets() -> None:
    text = DECISION + "- Thu hút 3.000 - 4.000 lao động vào các vùng trồng dược liệu.\nII. Nhiệm vụ\n1. Rà soát quy hoạch.\n"
    got = _targets(text)
    assert [(t[2], t[3], t[4], t[5]) for t in got] == [(3000, 4000, "lao động", 2025)]


def test_a_value_restated_in_another_unit_is_no_target_of_its_own() -> None:
    text = DECISION + (
        "- Tổng thu từ dược liệu đạt 3.100 - 3.200 tỷ đồng (tương đương 130 - 135 triệu USD), tăng trưởng "
        "bình quân 11 - 12%/năm.\nII. Nhiệm vụ\n1. Rà soát quy hoạch.\n"
    )
    got = _targets(text)
    assert sorted((t[2], t[3]) for t in got) == [(11, 12), (3100, 3200)]


def test_a_period_of_years_in_a_heading_holds_by_its_last_year() -> None:
    text = (
        "NGHỊ QUYẾT\nĐẠI HỘI ĐẢNG BỘ TỈNH AN HÒA\n\n1. Định hướng các chỉ tiêu chủ yếu 5 năm 2021 - 2025:\n"
        "Tốc độ tăng trưởng kinh tế bình quân đạt khoảng 6,5 - 7%/năm.\n"
    )
    got = _targets(text)
    growth = next(t for t in got if t[2] == 6.5)
    assert growth[5] == 2025


PLAN = (
    "ỦY BAN NHÂN DÂN\nTỈNH AN HÒA\nSố: 45/KH-UBND\nAn Hòa, ngày 3 tháng 2 năm 2017\n\nKẾ HOẠCH\n"
    "Ứng dụng công nghệ thông tin giai đoạn 2017 - 2020\n\n"
)


def test_so_many_more_of_a_named_thing_and_the_same_thing_counted_again_are_targets_not_levels() -> None:
    text = PLAN + (
        "I. MỤC TIÊU\n- Phát triển thêm 300 dịch vụ công trực tuyến mức độ 3 và 40 dịch vụ công trực tuyến mức độ 4 "
        "đối với các thủ tục hành chính thiết yếu.\nII. NHIỆM VỤ\n1. Rà soát các thủ tục hành chính.\n"
    )
    got = _targets(text)
    assert sorted((t[2], t[4], t[5]) for t in got) == [(40, "dịch vụ", 2020), (300, "dịch vụ", 2020)]
    assert next(t for t in got if t[2] == 300)[0] == "Số dịch vụ công trực tuyến mức độ 3 phát triển thêm"


def test_an_annex_row_under_the_organisation_part_restating_an_objective_count_is_dropped() -> None:
    text = PLAN + (
        "I. MỤC TIÊU\n- Phát triển thêm 300 dịch vụ công trực tuyến mức độ 3 đối với các thủ tục thiết yếu.\n"
        "II. TỔ CHỨC THỰC HIỆN\n1. Sở Thông tin và Truyền thông chủ trì triển khai Kế hoạch.\n"
        "7\tTriển khai thêm 300 dịch vụ công trực tuyến mức độ 3 thiết yếu, tích hợp trên Cổng dịch vụ công\t"
        "Văn phòng UBND tỉnh\tCác sở, ngành\t2017-2020\n"
    )
    got = _targets(text)
    assert [(t[2], t[4]) for t in got] == [(300, "dịch vụ")]


def test_visitors_counted_in_millions_are_a_count_and_hotels_are_not_visitors() -> None:
    text = PLAN + (
        "I. MỤC TIÊU\n- Về các chỉ tiêu chính: Phấn đấu đón 12 triệu khách quốc tế; có ít nhất 30 khách sạn "
        "đạt chuẩn 4 sao trở lên.\nII. NHIỆM VỤ\n1. Quảng bá du lịch.\n"
    )
    got = _targets(text)
    assert (12, "triệu khách") in [(t[2], t[4]) for t in got]
    assert (30, "khách sạn") in [(t[2], t[4]) for t in got]


def test_an_indicator_table_left_under_the_organisation_part_does_not_restate_the_objectives() -> None:
    text = PLAN + (
        "I. MỤC TIÊU\n- Đến năm 2020, tỷ lệ che phủ rừng đạt 45%; giảm 9% phát thải khí nhà kính so với kịch bản "
        "phát triển thông thường.\nII. NHIỆM VỤ\n1. Trồng rừng phòng hộ.\nIII. TỔ CHỨC THỰC HIỆN\n"
        "1. Sở Nông nghiệp chủ trì triển khai Kế hoạch.\nTT\nNội dung\nMục tiêu\n1\n2\nTỷ lệ che phủ\nrừng\n45%\n"
        "Giảm phát thải khí\nnhà kính\n9%\nĐảng ủy UBND tỉnh\n"
    )
    got = _targets(text)
    assert sorted((t[2], t[5]) for t in got) == [(9, 2020), (45, 2020)]


def test_a_span_of_years_in_the_objectives_is_no_count_to_reach() -> None:
    text = DECISION + "- Trong 3 - 5 năm tới, hình thành vùng trồng dược liệu tập trung.\nII. Nhiệm vụ\n1. Rà soát quy hoạch.\n"
    assert _targets(text) == []


def test_the_first_lettered_part_of_an_annual_programme_is_not_part_of_its_title() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH AN HÒA\nSố: 46/CTr-UBND\nAn Hòa, ngày 3 tháng 6 năm 2016\nCHƯƠNG TRÌNH\n\n"
        "Xúc tiến đầu tư vào tỉnh An Hòa năm 2016\n\nA. Đánh giá hoạt động xúc tiến đầu tư năm 2015\n"
        "I. Những kết quả đạt được\nNăm 2015 đã thu hút 20 dự án.\nB. Chương trình xúc tiến đầu tư năm 2016\n"
        "I. Mục tiêu\n1. Mục tiêu cụ thể\n- Thu hút 40 nghìn tỷ đồng vốn đầu tư trong và ngoài nước.\n"
    )
    result = extract_plan(normalize_text(text), "x")
    assert result["meta"]["title"] == "Xúc tiến đầu tư vào tỉnh An Hòa năm 2016"  # type: ignore[index]


def test_the_time_a_digital_signature_stamps_is_no_value() -> None:
    text = PLAN + (
        "I. MỤC TIÊU\n- 100% văn bản được ký số.\nII. NHIỆM VỤ\n1. Triển khai ký số.\nIII. TỔ CHỨC THỰC HIỆN\n"
        "Các cơ quan triển khai thực hiện.\nT/M ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nỦY BAN NHÂN DÂN TỈNH AN HÒA\n"
        "13-02-2017 10:38:07 +07:00\n"
    )
    assert [(t[2], t[4]) for t in _targets(text)] == [(100, "%")]
