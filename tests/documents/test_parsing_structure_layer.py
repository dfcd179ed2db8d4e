"""Issue 10 (round 3): the document-structure layer and what is read from it, each rule on a short probe text.

The probes are written here from the issue's list of failure kinds and Decree 30/2020's structure, not copied
from any corpus document.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan
from ansinh.documents.parsing.clean import fold_same_length, prepare
from ansinh.documents.parsing.stacked_tables import stacked_table_tabs
from ansinh.documents.parsing.unit_names import split_units
from tests.sizes import size

HEADER = """ỦY BAN NHÂN DÂN
TỈNH AN GIANG
Số: 12/KH-UBND
An Giang, ngày 05 tháng 3 năm 2025
KẾ HOẠCH
Thực hiện chính sách xã hội năm 2025
"""


def _plan(body: str, header: str = HEADER) -> dict[str, Any]:
    return extract_plan(header + body, "probe")


def _tasks(result: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {str(t["number"]): t for t in result["tasks"]}


def test_items_numbered_with_a_dash_and_wrapped_in_bold_are_tasks() -> None:
    result = _plan("""**A- TÌNH HÌNH**
**1-** Kết quả đạt được còn hạn chế.
**B- NHIỆM VỤ VÀ GIẢI PHÁP**
**1- Đổi mới cơ chế quản lý khoa học**
Nội dung của nhiệm vụ.
**1.1- Đổi mới phương thức đầu tư**
Nội dung.
**2- Phát triển thị trường công nghệ**
**C- TỔ CHỨC THỰC HIỆN**
**1-** Các cấp ủy tổ chức quán triệt.
""")
    assert set(_tasks(result)) == {"1", "1.1", "2"}


def test_a_part_naming_content_progress_and_assignment_is_the_tasks_part_and_its_dash_fields_give_units() -> None:
    result = _plan("""I. MỤC ĐÍCH, YÊU CẦU
- Triển khai đồng bộ.
II. NỘI DUNG, TIẾN ĐỘ, PHÂN CÔNG TRÁCH NHIỆM THỰC HIỆN
1. Xây dựng văn bản hướng dẫn
1.1. Ban hành hướng dẫn công tác bầu cử.
- Thời gian hoàn thành: Tháng 11/2025.
- Đơn vị chủ trì: Văn phòng Ủy ban nhân dân xã
- Đơn vị phối hợp: Các đ/c Phó Chủ tịch, Trưởng đoàn thể xã, các đồng chí chuyên viên.
III. TỔ CHỨC THỰC HIỆN
Các đơn vị triển khai.
""")
    tasks = _tasks(result)
    assert set(tasks) == {"1", "1.1"}
    assert tasks["1.1"]["lead"] == ["Văn phòng Ủy ban nhân dân xã"]
    assert tasks["1.1"]["coordinate"] == ["Các đ/c Phó Chủ tịch", "Trưởng đoàn thể xã", "các đồng chí chuyên viên"]
    assert tasks["1.1"]["timeline"] == "Tháng 11/2025"


def test_an_unnamed_part_after_the_tasks_part_goes_on_listing_tasks_but_time_and_place_do_not() -> None:
    result = _plan("""I. MỤC ĐÍCH, YÊU CẦU
1. Bảo đảm dân chủ.
II. NỘI DUNG
1. Tổ chức hội nghị cử tri.
III. TỔ CHỨC HỘI NGHỊ LẤY Ý KIẾN
1. Triệu tập hội nghị.
2. Lập biên bản.
IV. THỜI GIAN, ĐỊA ĐIỂM
1. Thời gian.
V. TỔ CHỨC THỰC HIỆN
1. Văn phòng tổng hợp.
""")
    titles = [t["title"] for t in result["tasks"]]
    assert titles == ["Tổ chức hội nghị cử tri", "Triệu tập hội nghị", "Lập biên bản"]


def test_a_lettered_item_headed_by_a_body_is_led_by_it_and_a_group_does_not_lend_its_childrens_units() -> None:
    result = _plan("""I. MỤC ĐÍCH
1. Mục đích.
II. PHÂN CÔNG NHIỆM VỤ
1. Hoàn thiện pháp luật
1.1. Rà soát các luật liên quan.
1.2. Các cơ quan thực hiện như sau:
a) Lãnh đạo Ban Dân nguyện
Tổng hợp kiến nghị cử tri.
b) Các Đoàn đại biểu Quốc hội, các đại biểu Quốc hội
Giám sát việc thực hiện.
III. TỔ CHỨC THỰC HIỆN
Văn phòng theo dõi.
""")
    tasks = _tasks(result)
    assert tasks["1.2.a"]["lead"] == ["Lãnh đạo Ban Dân nguyện"]
    assert tasks["1.2.b"]["lead"] == ["Các Đoàn đại biểu Quốc hội", "các đại biểu Quốc hội"]
    assert tasks["1.1"]["lead"] == []


def test_a_shared_head_before_a_colon_is_given_to_every_name() -> None:
    assert split_units("các Bộ: Văn hóa, Thể thao và Du lịch, Công an, Tài chính và các cơ quan liên quan") != []
    assert split_units("các Bộ: Quốc phòng, Xây dựng và các cơ quan liên quan") == [
        "Bộ Quốc phòng", "Bộ Xây dựng và các cơ quan liên quan",
    ]


STACKED = """Điều 2. Tổ chức thực hiện
Phân công cơ quan trình và tiến độ như sau:
STT
Tên dự án
Cơ quan trình
Cơ quan chủ trì
thẩm tra
Cơ quan tham gia thẩm tra
Tiến độ trình
1.
Luật Thủ đô (sửa đổi)
Chính phủ
Ủy ban
Pháp luật và Tư pháp
Hội đồng Dân tộc, các Ủy ban khác của Quốc hội
Phiên họp tháng 3/2026
2
Luật Nhà ở (sửa đổi)
Chính phủ
Ủy ban Kinh tế và Tài chính
Hội đồng Dân tộc, các Ủy ban khác của Quốc hội
Phiên họp tháng 9/2026
Điều 3. Hiệu lực thi hành
Nghị quyết này có hiệu lực từ ngày thông qua.
"""


def test_a_table_written_one_cell_per_line_is_read_as_rows_with_their_units() -> None:
    tasks = _tasks(_plan(STACKED))
    assert tasks["1"]["title"] == "Luật Thủ đô (sửa đổi)"
    assert tasks["1"]["lead"] == ["Chính phủ"]
    assert tasks["1"]["coordinate"] == ["Ủy ban Pháp luật và Tư pháp", "Hội đồng Dân tộc", "các Ủy ban khác của Quốc hội"]
    assert tasks["2"]["timeline"] == "Phiên họp tháng 9/2026"


def test_a_stack_of_short_lines_without_a_header_is_left_alone() -> None:
    text = "STT\n1.\nMột\nHai\n2.\nBa\n"
    chars = list(text)
    stacked_table_tabs(text, fold_same_length, chars)
    assert "".join(chars) == text


@settings(max_examples=size(40, 60), deadline=None)
@given(st.lists(st.sampled_from(["STT", "Tên dự án", "Cơ quan chủ trì", "thẩm tra", "Thời gian", "1.", "2", "Ủy ban",
                                 "Chính phủ", "Bộ Y tế", "", "x", "3."]), max_size=40))
def test_reading_stacked_tables_keeps_the_length_and_never_fails(lines: list[str]) -> None:
    text = "\n".join(lines)
    chars = list(text)
    stacked_table_tabs(text, fold_same_length, chars)
    assert len(chars) == len(text)
    assert all(c == o or (o == "\n" and c in "\t ") or o.isdigit() for c, o in zip(chars, text, strict=True))
    doc = prepare(text)
    assert len(doc.clean) == len(text) and doc.line_starts[0] == 0


def test_an_indicator_table_with_one_value_column_gives_one_target_per_valued_row() -> None:
    result = _plan("""PHỤ LỤC
| TT | Chỉ tiêu | Đơn vị | Kết quả | Cơ quan chủ trì theo dõi |
| --- | --- | --- | --- | --- |
| **I** | **Đến năm 2030** | | | |
| 1 | Trình độ công nghệ của doanh nghiệp | Thứ bậc | Đạt mức trung bình | Bộ Khoa học và Công nghệ |
| 2 | Xếp hạng năng lực cạnh tranh số | Thứ bậc | ≤ 3 Đông Nam Á; ≤ 50 Thế giới | Bộ Thông tin và Truyền thông |
| 3 | Tỉ lệ giao dịch không dùng tiền mặt | % | ≥ 80 | Ngân hàng Nhà nước |
| **II** | **Đến năm 2045** | | | |
| 4 | Quy mô kinh tế số | % GDP | ≥ 50 | Bộ Kế hoạch và Đầu tư |
""")
    got = [(t["indicator"], t["comparator"], t["value"], t["unit"], t["year"]) for t in result["targets"]]
    assert got == [
        ("Xếp hạng năng lực cạnh tranh số (Đông Nam Á)", "<=", 3, "Thứ bậc", 2030),
        ("Xếp hạng năng lực cạnh tranh số (Thế giới)", "<=", 50, "Thứ bậc", 2030),
        ("Tỉ lệ giao dịch không dùng tiền mặt", ">=", 80, "%", 2030),
        ("Quy mô kinh tế số", ">=", 50, "% GDP", 2045),
    ]


def _reports(result: dict[str, Any]) -> list[tuple[object, ...]]:
    return [(r["frequency"], r["deadline_day"], r["deadline_month"], r["year"]) for r in result["reporting"]]


def test_a_task_owing_a_report_to_a_named_superior_within_a_month_is_a_one_off_duty() -> None:
    result = _plan("""I. NHIỆM VỤ, GIẢI PHÁP
1. Bộ Tài chính nghiên cứu giảm phí, báo cáo Thủ tướng Chính phủ trong tháng 3 năm 2020.
2. Bộ Y tế xây dựng báo cáo chuyên đề về dịch bệnh.
II. TỔ CHỨC THỰC HIỆN
Các bộ, ngành kịp thời báo cáo Thủ tướng Chính phủ những vấn đề phát sinh.
""")
    assert _reports(result) == [("adhoc", None, None, None), ("once", None, 3, 2020)]


def test_a_report_after_an_event_and_a_report_by_a_dated_day_are_one_off() -> None:
    result = _plan("""I. NỘI DUNG KIỂM TRA
1. Kiểm tra việc lập danh sách cử tri.
II. TỔ CHỨC THỰC HIỆN
1. Kết thúc cuộc bầu cử, Ban Thường trực tổng hợp báo cáo gửi về Ban Thường trực Ủy ban MTTQ tỉnh.
2. Các thôn gửi báo cáo về Ban Thường trực chậm nhất ngày 04/02/2026.
""")
    assert sorted(_reports(result), key=str) == sorted([("once", None, None, None), ("once", 4, 2, 2026)], key=str)


def test_an_article_quoted_by_an_amendment_keeps_its_items_and_its_reporting_regime() -> None:
    result = _plan("""Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 71/2020/NĐ-CP
1. Sửa đổi, bổ sung Điều 12 như sau:
“Điều 12. Chế độ báo cáo
1. Báo cáo kết quả đào tạo của cơ sở giáo dục.
a) Đơn vị nhận báo cáo: Sở Giáo dục và Đào tạo;
b) Thời hạn gửi báo cáo: Trước ngày 05 tháng 11 của năm báo cáo.
2. Báo cáo theo khoản 1 Điều này là căn cứ để xây dựng kế hoạch hằng năm.”
2. Sửa đổi khoản 1 Điều 17 như sau: học phí được thanh toán.
Điều 2. Hiệu lực thi hành
""", header=HEADER.replace("KẾ HOẠCH", "NGHỊ ĐỊNH"))
    assert _reports(result) == [("annual", 5, 11, None)]


def test_a_header_split_by_empty_paragraphs_names_a_commune_body() -> None:
    header = """ỦY BAN MTTQ VIỆT NAM

XÃ LƯƠNG MINH

BAN THƯỜNG TRỰC

Số: 16/KH-MTTQ-BTT
Lương Minh, ngày 18 tháng 11 năm 2025
KẾ HOẠCH
Thực hiện công tác bầu cử
"""
    meta = _plan("I. MỤC ĐÍCH\n1. Bảo đảm dân chủ.\n", header=header)["meta"]
    assert meta["level"] == "commune"
    assert meta["issuer"].startswith("ỦY BAN MTTQ VIỆT NAM XÃ LƯƠNG MINH")


def test_a_resolution_without_a_date_line_is_dated_where_it_was_adopted() -> None:
    header = """ỦY BAN THƯỜNG VỤ QUỐC HỘI
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Nghị quyết số: 97/2025/UBTVQH15
NGHỊ QUYẾT
Điều chỉnh Chương trình lập pháp năm 2025
"""
    meta = _plan("Điều 1. Nội dung\nNghị quyết này được thông qua ngày 06 tháng 02 năm 2026.\n", header=header)["meta"]
    assert meta["date"] == "2026-02-06"
    assert meta["level"] == "central"


def test_a_condition_for_adjusting_a_target_is_not_a_target_and_a_path_named_after_its_values_is_one_target() -> None:
    result = _plan("""I. MỤC TIÊU
2. Chỉ tiêu cụ thể
- Năm 2026 đạt 40%, năm 2028 đạt 45% và năm 2030 đạt 50% số hộ có việc làm bền vững.
- Trường hợp kinh tế biến động, chỉ tiêu tỷ lệ hộ nghèo có thể được điều chỉnh khi giảm dưới 2%.
- Đến năm 2025, tỷ lệ người dân có hồ sơ sức khỏe điện tử đạt 90%.
""")
    got = [(t["indicator"], t["value"], t["year"], len(t["milestones"])) for t in result["targets"]]
    assert got == [
        ("Tỷ lệ hộ có việc làm bền vững", 50, 2030, 3),
        ("Tỷ lệ người dân có hồ sơ sức khỏe điện tử", 90, 2025, 0),
    ]


def test_html_word_segmented_and_ocr_numerals_still_give_the_outline_and_its_units() -> None:
    result = _plan("""<p><b>II. NHIỆM VỤ, GIẢI PHÁP</b></p>
<p><b>1. Hoàn thiện thể chế</b></p>
<p>Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ rà soát văn bản.</p>
Il. ĐÀO TẠO NHÂN LỰC
1 . Đào_tạo cán_bộ công_chức
Sở Nội_vụ chủ_trì , phối_hợp với Trường Chính_trị tỉnh thực_hiện .
IV. TỔ CHỨC THỰC HIỆN
Kết thúc năm 2030, Sở Nội vụ tổng hợp báo cáo Ủy ban nhân dân tỉnh.
""")
    tasks = _tasks(result)
    assert set(tasks) == {"II.1", "III.1"}
    assert tasks["II.1"]["lead"] == ["Sở Tư pháp"] and tasks["II.1"]["coordinate"] == ["Sở Nội vụ"]
    assert tasks["III.1"]["title"] == "Đào tạo cán bộ công chức" and tasks["III.1"]["lead"] == ["Sở Nội vụ"]
    assert _reports(result) == [("once", None, None, 2030)]


def test_labelled_sub_blocks_give_units_whatever_their_marks_and_are_never_tasks() -> None:
    result = _plan("""II. NHIỆM VỤ VÀ GIẢI PHÁP
**1. Nâng cao chất lượng y tế cơ sở**
a) Nội dung: Tăng cường y tế cơ sở.
b) Cơ quan chủ trì: Sở Y tế.
c) Cơ quan phối hợp: Sở Tài chính, UBND các huyện, thị xã, thành phố.
d) Thời gian thực hiện: 2025 - 2030.
2. Giảm nghèo bền vững
- Cơ quan chủ trì:
Sở Lao động - Thương binh và Xã hội
- Cơ quan phối hợp:
Sở Nông nghiệp và Phát triển nông thôn; Ngân hàng Chính sách xã hội chi nhánh tỉnh
**Thời gian thực hiện:** hằng năm
III. TỔ CHỨC THỰC HIỆN
Các sở, ngành định kỳ hằng năm gửi báo cáo về Sở Kế hoạch và Đầu tư trước ngày 15 tháng 12.
""")
    tasks = _tasks(result)
    assert set(tasks) == {"1", "2"}
    assert (tasks["1"]["lead"], tasks["1"]["coordinate"], tasks["1"]["timeline"]) == (
        ["Sở Y tế"], ["Sở Tài chính", "UBND các huyện, thị xã, thành phố"], "2025 - 2030")
    assert tasks["2"]["coordinate"] == ["Sở Nông nghiệp và Phát triển nông thôn", "Ngân hàng Chính sách xã hội chi nhánh tỉnh"]
    assert _reports(result) == [("annual", 15, 12, None)]


def test_a_resolution_in_articles_takes_the_duties_of_its_organising_article_as_tasks() -> None:
    header = """QUỐC HỘI
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Nghị quyết số: 248/2025/QH15
NGHỊ QUYẾT
Về một số cơ chế đặc thù
QUYẾT NGHỊ:
"""
    result = _plan("""- Căn cứ Hiến pháp.
Điều 1. Phạm vi điều chỉnh
1. Nghị quyết này quy định cơ chế đặc thù.
Điều 2. Xử lý nội dung chuyển tiếp khi kết thúc hoạt động của hội đồng
1. Trong thời hạn 06 tháng, cơ quan quản lý quyết định.
Điều 3. Tổ chức thực hiện
1. Chính phủ hướng dẫn thực hiện Nghị quyết này.
2. Hội đồng nhân dân, Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương có trách nhiệm tổ chức thực hiện.
Điều 4. Hiệu lực thi hành
1. Nghị quyết này có hiệu lực từ ngày 01 tháng 01 năm 2026.
""", header=header)
    tasks = _tasks(result)
    assert set(tasks) == {"1", "2"}
    assert tasks["1"]["lead"] == ["Chính phủ"]
    assert tasks["2"]["lead"] == ["Hội đồng nhân dân", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"]


def test_a_long_stacked_table_inside_a_duty_is_read_row_by_row() -> None:
    # (its speed is measured by ``ansinh bench parse``, not asserted here)
    rows = "\n".join(f"{k}.\nLuật số {k} (sửa đổi)\nChính phủ\nỦy ban Kinh tế và Tài chính\nHội đồng Dân tộc\nPhiên họp tháng 9/2026"
                     for k in range(1, 40))
    body = STACKED.split("STT")[0] + "STT\nTên dự án\nCơ quan trình\nCơ quan chủ trì thẩm tra\nCơ quan tham gia thẩm tra\nTiến độ trình\n"
    result = _plan("Điều 1. Tổ chức thực hiện\n1. Chính phủ chỉ đạo thực hiện.\n" + body + rows + "\nĐiều 3. Hiệu lực thi hành\n")
    assert len(result["tasks"]) >= 39
