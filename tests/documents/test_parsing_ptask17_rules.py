"""Task recall on unseen documents: points after a list of named parties, and other causes of lost items.

Every text here is written for the rule it shows, from how Vietnamese administrative documents are built
(Decree 30/2020 and common practice), not copied from a corpus document.
"""

from __future__ import annotations

from typing import Any

from ansinh.documents.parsing import extract_plan
from ansinh.documents.parsing.pipeline import read_parts
from ansinh.lib.text import normalize_text


def _plan(text: str) -> dict[str, Any]:
    return extract_plan(normalize_text(text), "probe")


def _numbers(text: str) -> list[str]:
    return [str(t["number"]) for t in _plan(text)["tasks"]]


PARTIES_THEN_POINTS = """ỦY BAN NHÂN DÂN TỈNH AN BÌNH
Số: 210/UBND-KT
An Bình, ngày 10 tháng 4 năm 2026
Kính gửi: Các sở, ban, ngành thuộc tỉnh.
Để triển khai Nghị định về quản lý tài sản công, Chủ tịch UBND tỉnh yêu cầu như sau:
1. Công tác phổ biến
Các cơ quan tổ chức phổ biến Nghị định tới cán bộ, công chức.
2. Các sở quản lý chuyên ngành
Giao các sở quản lý chuyên ngành theo lĩnh vực gồm:
- Sở Xây dựng (đối với hạ tầng giao thông đô thị);
- Sở Y tế (đối với hạ tầng cơ sở khám bệnh).
Có trách nhiệm:
a) Rà soát, thống kê tài sản thuộc phạm vi quản lý.
b) Hướng dẫn các đơn vị lập hồ sơ tài sản.
3. Sở Tài chính
Tổng hợp kết quả, báo cáo UBND tỉnh.
"""


def test_points_after_a_list_of_named_parties_belong_to_the_item_above_the_dashes() -> None:
    numbers = _numbers(PARTIES_THEN_POINTS)
    assert "2.a" in numbers and "2.b" in numbers


DASH_ANNOUNCES_POINTS = """ỦY BAN NHÂN DÂN TỈNH AN BÌNH
Số: 211/UBND-KT
An Bình, ngày 10 tháng 4 năm 2026
Kính gửi: Các sở, ban, ngành thuộc tỉnh.
Chủ tịch UBND tỉnh yêu cầu như sau:
1. Công tác thi đua, khen thưởng
- Sở Nội vụ chủ trì tổng hợp kết quả thi đua hằng quý.
- Sở Tài chính thực hiện các việc sau:
a) Bố trí kinh phí khen thưởng.
b) Hướng dẫn quyết toán kinh phí.
2. Chế độ báo cáo
Các đơn vị báo cáo kết quả trước ngày 15/12/2026.
"""


def test_points_a_dash_announces_with_a_colon_stay_under_that_dash() -> None:
    root = read_parts(normalize_text(DASH_ANNOUNCES_POINTS)).root
    points = [n for n in root.walk() if n.style == "lower"]
    assert [p.parent.style for p in points if p.parent] == ["dash", "dash"]


def _with_parts(*parts: str) -> str:
    return RUN_IN_LISTS.replace("II- Giao Ban Chấp hành", "IIa- Giao Ban Chấp hành").split("IIa-")[0] + "".join(parts)


RESOLUTION_PARTS = (
    "II- Thông qua Báo cáo kiểm điểm của Ban Chấp hành khóa XIV. Giao Ban Thường vụ Tỉnh ủy tiếp thu ý kiến của "
    "Đại hội, hoàn chỉnh báo cáo.\n",
    "III- Thông qua kết quả bầu Ban Chấp hành Đảng bộ tỉnh khóa XV gồm 55 đồng chí.\n",
)


def test_a_resolution_part_written_as_one_paragraph_that_gives_work_is_a_task() -> None:
    assert "II" in _numbers(_with_parts(*RESOLUTION_PARTS))


def test_a_resolution_part_that_only_approves_or_records_is_no_task() -> None:
    assert "III" not in _numbers(_with_parts(*RESOLUTION_PARTS))


EMULATION_PLAN = """ỦY BAN NHÂN DÂN TỈNH AN BÌNH
Số: 30/KH-UBND
An Bình, ngày 20 tháng 1 năm 2026
KẾ HOẠCH
Phát động phong trào thi đua chuyển đổi số năm 2026
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Khơi dậy tinh thần thi đua trong cán bộ, công chức.
II. NỘI DUNG THI ĐUA
1. Thi đua đưa dịch vụ công trực tuyến đến từng người dân.
2. Thi đua số hóa hồ sơ, kết quả giải quyết thủ tục hành chính.
III. THỜI GIAN VÀ TIẾN ĐỘ THỰC HIỆN
1. Thời gian thi đua
Từ tháng 02/2026 đến tháng 11/2026.
2. Tiến độ thực hiện
a) Trong tháng 02/2026, các sở, ngành xây dựng kế hoạch hưởng ứng phong trào.
b) Tháng 12/2026, các sở, ngành tổng kết phong trào, đề nghị khen thưởng.
"""


def test_the_steps_by_date_of_a_nested_progress_item_are_tasks() -> None:
    numbers = _numbers(EMULATION_PLAN)
    assert {"III.2", "III.2.a", "III.2.b"} <= set(numbers) or {"2.a", "2.b"} <= set(numbers)


def test_the_period_item_beside_the_progress_item_is_no_task() -> None:
    numbers = _numbers(EMULATION_PLAN)
    assert "III.1" not in numbers


def test_a_sentence_about_progress_names_no_tasks_part() -> None:
    from ansinh.documents.parsing.part_kinds import classify

    assert classify("tien do thuc hien cac du an con cham", True) is None
    assert classify("tien do thuc hien", True) == "tasks"


RUN_IN_LISTS = """ĐẢNG BỘ TỈNH AN BÌNH
NGHỊ QUYẾT
Đại hội đại biểu Đảng bộ tỉnh lần thứ XV, nhiệm kỳ 2025 - 2030
I- Tán thành những nội dung cơ bản của Báo cáo chính trị, với các nội dung sau:
1. Đánh giá kết quả nhiệm kỳ qua
Kinh tế tăng trưởng khá, quốc phòng, an ninh được giữ vững.
2. Tầm nhìn và định hướng phát triển
Định hướng phát triển tỉnh đến năm 2035:
(1) Phát triển nhanh, bền vững dựa trên khoa học, công nghệ.
(2) Giữ vững ổn định chính trị, bảo đảm quốc phòng, an ninh.
Nhiệm vụ trọng tâm trong nhiệm kỳ 2025 - 2030:
(1) Đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị trong sạch, vững mạnh.
(2) Hoàn thành xây dựng hạ tầng giao thông kết nối vùng.
(3) Nâng cao chất lượng nguồn nhân lực, nhất là nhân lực số.
II- Giao Ban Chấp hành Đảng bộ tỉnh khóa XV lãnh đạo, chỉ đạo tổ chức thực hiện Nghị quyết.
"""


def test_a_run_in_line_naming_the_work_makes_its_numbered_list_the_tasks_part() -> None:
    titles = [t["title"] for t in _plan(RUN_IN_LISTS)["tasks"]]
    assert any(t.startswith("Đẩy mạnh xây dựng") for t in titles)
    assert any(t.startswith("Nâng cao chất lượng nguồn nhân lực") for t in titles)


def test_a_run_in_line_naming_directions_leaves_its_list_out_of_the_tasks() -> None:
    titles = [t["title"] for t in _plan(RUN_IN_LISTS)["tasks"]]
    assert not any(t.startswith("Phát triển nhanh") for t in titles)


def test_a_closing_resolution_part_written_as_a_sentence_that_gives_work_is_a_task() -> None:
    text = _with_parts(*RESOLUTION_PARTS) + (
        "IV- Ban Chấp hành Đảng bộ tỉnh khóa XV và các cấp ủy, tổ chức đảng lãnh đạo, chỉ đạo cụ thể hóa và tổ chức "
        "thực hiện thắng lợi Nghị quyết Đại hội.\n"
    )
    assert "IV" in _numbers(text)


def test_a_short_organisation_part_holding_a_paragraph_is_no_task() -> None:
    text = _with_parts(*RESOLUTION_PARTS) + "IV. Tổ chức thực hiện: Các cấp ủy căn cứ Nghị quyết xây dựng chương trình hành động.\n"
    assert "IV" not in _numbers(text)


SCHEME_DECISION = """BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH
Số: 90/QĐ-BVHTTDL
Hà Nội, ngày 15 tháng 3 năm 2026
QUYẾT ĐỊNH
Ban hành Đề án phát triển du lịch cộng đồng vùng núi phía Bắc
Điều 1. Ban hành Đề án phát triển du lịch cộng đồng vùng núi phía Bắc với các nội dung sau:
1. Mục tiêu
a) Mục tiêu tổng quát: phát triển du lịch cộng đồng thành sinh kế bền vững.
b) Mục tiêu cụ thể: đến năm 2030 có 200 làng du lịch cộng đồng.
2. Các sản phẩm du lịch cộng đồng trọng tâm
a) Sản phẩm trải nghiệm nông nghiệp, làng nghề
b) Sản phẩm lưu trú tại nhà dân
3. Giải pháp thực hiện
a) Giải pháp về đào tạo nguồn nhân lực
b) Giải pháp về xúc tiến, quảng bá
4. Phạm vi áp dụng
Các tỉnh vùng núi phía Bắc.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
"""


def test_a_scheme_part_between_its_aims_and_its_solutions_lists_work() -> None:
    numbers = _numbers(SCHEME_DECISION)
    assert {"2", "2.a", "2.b"} <= set(numbers)


def test_a_scheme_part_about_its_scope_lists_no_work() -> None:
    assert "4" not in _numbers(SCHEME_DECISION)


def test_a_table_number_cell_ocr_read_as_a_letter_with_a_tone_mark_gives_no_number() -> None:
    from ansinh.documents.parsing.clean import prepare
    from ansinh.documents.parsing.table_groups import table_items
    from ansinh.documents.parsing.tables import find_tables

    text = normalize_text(
        "TT\tNội dung công việc\tThời gian\tĐơn vị thực hiện\n"
        "1\tBan hành kế hoạch khảo sát người học\tTháng 6/2026\tPhòng Đào tạo\n"
        "Ị\tGửi phiếu khảo sát tới người học\tTháng 7/2026\tPhòng Công tác sinh viên\n"
        "3\tTổng hợp kết quả khảo sát\tTháng 8/2026\tTrung tâm Khảo thí\n"
    )
    tables = find_tables(prepare(text))
    assert tables
    table = tables[0]
    col = table.task_column()
    assert col is not None
    numbers = [item.number for item in table_items(table, col, table.column(r"^s?tt$|^stt"))]
    assert numbers == ["1", None, "3"]


SPLIT_ITEM_PLAN = """ỦY BAN NHÂN DÂN PHƯỜNG AN BÌNH
Số: 88/KH-UBND
An Bình, ngày 02 tháng 3 năm 2026
KẾ HOẠCH
Xây dựng phường đạt chuẩn tiếp cận pháp luật năm 2026
I. MỤC ĐÍCH, YÊU CẦU
Nâng cao hiệu quả công tác phổ biến, giáo dục pháp luật trên địa bàn phường.
II. NỘI DUNG THỰC HIỆN
1. Xây dựng, ban hành kế hoạch triển khai và các văn bản hướng dẫn thực hiện.
- Thời gian thực hiện: Quý I năm 2026.
2. Tổ chức đánh giá, chấm điểm\t\tcác chỉ tiêu tiếp cận pháp luật của phường theo quy định hiện hành.
- Thời gian thực hiện: Quý IV năm 2026.
III. TỔ CHỨC THỰC HIỆN
Bộ phận Tư pháp làm đầu mối theo dõi, đôn đốc thực hiện Kế hoạch này.
"""


def test_an_item_whose_sentence_a_tab_gap_splits_is_still_an_item() -> None:
    numbers = _numbers(SPLIT_ITEM_PLAN)
    assert "2" in numbers or "II.2" in numbers


def test_a_table_row_whose_cells_open_in_capitals_keeps_its_tabs() -> None:
    from ansinh.documents.parsing.clean import prepare

    row = "1. Rà soát hồ sơ\tSở Tư pháp\tQuý I năm 2026\n"
    assert "\t" in prepare(normalize_text(row)).clean


SHARES_IN_ORGANISATION = SCHEME_DECISION.replace(
    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n",
    "Điều 2. Tổ chức thực hiện\n"
    "1. Các đơn vị thuộc Bộ\n"
    "1.1. Nhiệm vụ chung\n"
    "Phối hợp triển khai Đề án theo chức năng, nhiệm vụ được giao.\n"
    "1.2. Nhiệm vụ cụ thể\n"
    "a) Cục Du lịch Quốc gia Việt Nam\n"
    "Chủ trì hướng dẫn các địa phương xây dựng sản phẩm du lịch cộng đồng.\n"
    "b) Vụ Kế hoạch, Tài chính\n"
    "Bố trí kinh phí thực hiện Đề án.\n"
    "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.\n",
)


def test_work_headings_inside_a_body_item_of_the_organisation_part_are_no_tasks() -> None:
    numbers = _numbers(SHARES_IN_ORGANISATION)
    assert not any(n.startswith("1.1") or n.startswith("1.2") for n in numbers)
    assert {"2", "3"} <= set(numbers)
