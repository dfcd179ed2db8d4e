"""Assignment tables a scanner's OCR ran together row by row (ocr_task_rows.py), with made-up rows."""

from __future__ import annotations

from ansinh.documents.parsing import extract_plan
from ansinh.documents.parsing.clean import prepare
from ansinh.documents.parsing.ocr_row_units import complete_department, row_lead, row_partners
from ansinh.documents.parsing.ocr_task_rows import find_ocr_task_tables

_TABLE = """===== Trang 3 =====
HUYỆN ỦY BẮC SƠN

STT Nhiệm vụ và chỉ tiêu Thời gian hoàn | Lãnh đạo, cơ quan đơn | Lãnh đạo, cơ quan đơn
thành vị chủ trì vị phối hợp Lãnh đạo huyện phụ trách
1L |LĨNH VỰC NÔNG NGHIỆP
¡_ |Xây dựng kế hoạch trồng mới rừng phòng hộ đầu nguồn trên địa bàn | Tháng 6/2026 | Bí thư Đảng uỷ, Giám
các xã vùng cao giai đoạn 2026-2030. đốc Sở Nông nghiệp và Môi trường | các xã UBND huyện
š § ni $ ¬
Hoàn thành 100% chỉ tiêu năm 2026 theo Đề án phát triển chăn nuôi bò thịt của
2 |huyện đến năm 2030 và nhân rộng mô hình hợp tác | Tháng 12/2026 | Bí thư Đảng uỷ, Giám đốc Sở Tài chính
xã chăn nuôi. Phó Chủ tịch UBND huyện
B_ |LĨNH VỰC GIÁO DỤC
IL |Sở Giáo dục và Đào tạo
s _ [Tổ chức bồi dưỡng giáo viên dạy tiếng dân tộc cho các trường tiểu học vùng | Quý 2/2026 | Bí thư Đảng uỷ
sâu trong toàn tỉnh. Giám đốc Sở Giáo dục và Đào tạo
===== Trang 4 =====
Thời gian hoàn | Lãnh đạo, cơ quan đơn | Lãnh đạo, cơ quan đơn
STT Nhiệm vụ và chỉ tiêu thành vị chủ trì vị phối hợp Lãnh đạo huyện phụ trách
2 _ |Mở thêm 05 lớp học xóa mù chữ cho phụ nữ ở các thôn bản xa trung tâm | Tháng 9/2026 | Giám đốc
Sở Giáo dục và Đào tạo
"""


def _tasks() -> list[dict[str, object]]:
    return [t.as_dict() for table in find_ocr_task_tables(prepare(_TABLE)) for t in table.tasks]


def test_a_row_opening_with_a_capital_after_a_smudged_number_cell_is_a_task_under_its_capitalised_field() -> None:
    tasks = _tasks()
    assert tasks[0]["number"] == "A" and tasks[0]["title"] == "LĨNH VỰC NÔNG NGHIỆP"
    assert tasks[1]["number"] == "A.1"
    assert str(tasks[1]["title"]).startswith("Xây dựng kế hoạch trồng mới rừng phòng hộ")


def test_the_legible_number_on_a_rows_middle_line_numbers_the_row_whose_first_line_came_above_it() -> None:
    row = _tasks()[2]
    assert row["number"] == "A.2"
    assert str(row["title"]).startswith("Hoàn thành 100% chỉ tiêu năm 2026 theo Đề án")


def test_a_field_labelled_with_a_letter_letters_the_parts_and_a_labelled_body_heads_its_rows_as_a_roman_sub_part() -> None:
    numbers = [t["number"] for t in _tasks()]
    assert numbers[3:] == ["B", "B.I", "B.I.1", "B.I.2"]


def test_the_header_a_new_page_repeats_is_no_row_and_the_lead_is_the_body_after_the_task_cell() -> None:
    tasks = _tasks()
    assert all("Nhiệm vụ" not in str(t["title"]) for t in tasks)
    assert tasks[1]["lead"] == ["Giám đốc Sở Nông nghiệp và Môi trường"]
    assert tasks[1]["timeline"] == "Tháng 6/2026"


def test_quantities_inside_the_rows_of_such_a_table_are_no_targets() -> None:
    result = extract_plan(_TABLE, "made-up")
    assert result["targets"] == []
    assert len(result["tasks"]) == 7  # type: ignore[arg-type]


def test_a_department_name_the_scan_cut_at_the_column_edge_is_completed_from_the_provincial_departments() -> None:
    assert complete_department("Sở Giáo dục và") == "Sở Giáo dục và Đào tạo"
    assert complete_department("Sở Văn hóa") == "Sở Văn hóa"  # two departments begin so: left as read
    lines = ["Mở rộng mạng lưới cửa hàng tiện lợi ở vùng cao | Quý 3/2026 | Bí thư Đảng uỷ, Giám", "đốc Sở Công"]
    assert row_lead(lines, "Mở rộng mạng lưới cửa hàng tiện lợi ở vùng cao") == ["Giám đốc Sở Công Thương"]


def test_the_standing_board_a_task_cell_cites_is_no_lead_and_a_body_heading_leads_its_rows() -> None:
    lines = ["Triển khai kết luận của Ban Thường vụ Tỉnh ủy về chợ biên giới", "Đồng chí Chủ tịch Hội Phụ nữ tỉnh"]
    assert row_lead(lines[:1], "Triển khai kết luận") == []
    assert row_lead(lines, "Triển khai kết luận", "Hội Phụ nữ tỉnh") == ["Chủ tịch Hội Phụ nữ tỉnh"]


def test_a_short_row_under_a_label_ocr_made_of_a_roman_numeral_heads_the_rows_below_it_as_a_body() -> None:
    table = _TABLE.replace("1L |LĨNH VỰC NÔNG NGHIỆP", "HI |Hội Làm vườn huyện")
    tasks = [t.as_dict() for tb in find_ocr_task_tables(prepare(table)) for t in tb.tasks]
    assert tasks[0]["number"] == "A" and tasks[0]["title"] == "Hội Làm vườn huyện"
    assert tasks[1]["lead"] == ["Hội Làm vườn huyện"]


def test_a_small_table_another_reader_found_on_one_page_gives_way_to_the_whole_ocr_table() -> None:
    scrap = "\n| STT | Nhiệm vụ | Cơ quan chủ trì |\n|---|---|---|\n| 1 | Trồng cây | Sở Y tế |\n"
    result = extract_plan(_TABLE + scrap, "made-up")
    assert [t["number"] for t in result["tasks"]][:2] == ["A", "A.1"]  # type: ignore[index]


def test_the_departments_concerned_and_the_communes_a_row_names_after_its_task_are_its_partners() -> None:
    lines = ["Lập quy hoạch vùng trồng chè cổ thụ | Quý 4/2026 | Sở Công Thương | Giám đốc ¡ các sở, ban, ngành liên quan;",
             "Chủ tịch UBND các xã, phường"]
    partners = row_partners(lines, "Lập quy hoạch vùng trồng chè cổ thụ", ["Sở Công Thương"])
    assert partners == ["Giám đốc các sở, ban, ngành liên quan", "Chủ tịch UBND các xã, phường"]


_UNLABELLED = """===== Trang 7 =====
STT Nhiệm vụ và chỉ tiêu Thời gian hoàn | Lãnh đạo, cơ quan đơn | Lãnh đạo, cơ quan đơn
thành vị chủ trì vị phối hợp Lãnh đạo huyện phụ trách
LĨNH VỰC TƯ PHÁP
5 P Ì : Bí thư Đảng uỷ, Giám Đồng chí
Rà soát toàn bộ văn bản quy phạm pháp luật do huyện ban hành trước năm 2020 | Tháng 5/2026 | Sở Tư pháp
: 4 : các sở, ban, ngành liên | Đồng chí Phó Chủ tịch
Tổ chức hai đợt tuyên truyền pháp luật về đất đai cho đồng bào ở vùng sâu | Tháng 8/2026 | Sở Tư pháp
cản các xã, phường UBND huyện
Mở lớp tập huấn nghiệp vụ hòa giải cho tổ hòa giải ở cơ sở trong huyện | Tháng 10/2026 | Sở Tư pháp
===== Trang 8 =====
"""


def test_a_line_whose_task_cell_holds_only_stray_marks_does_not_carry_on_the_task_above_it() -> None:
    tasks = [t.as_dict() for tb in find_ocr_task_tables(prepare(_UNLABELLED)) for t in tb.tasks]
    assert tasks[1]["number"] == "I.1" and str(tasks[1]["title"]).startswith("Rà soát toàn bộ văn bản")


def test_a_line_opening_after_stray_marks_with_the_departments_or_communes_is_a_unit_cell_not_task_text() -> None:
    tasks = [t.as_dict() for tb in find_ocr_task_tables(prepare(_UNLABELLED)) for t in tb.tasks]
    assert [t["number"] for t in tasks] == ["I", "I.1", "I.2", "I.3"]
    assert str(tasks[3]["title"]).startswith("Mở lớp tập huấn nghiệp vụ hòa giải")


def test_a_scanned_table_without_field_rows_numbers_its_rows_plainly_and_a_typed_text_without_page_marks_is_left_alone() -> None:
    scanned = _UNLABELLED.replace("LĨNH VỰC TƯ PHÁP\n", "")
    body = "\n".join(line for line in scanned.splitlines() if not line.startswith("====="))
    tasks = [t.as_dict() for tb in find_ocr_task_tables(prepare(scanned)) for t in tb.tasks]
    assert [t["number"] for t in tasks] == ["1", "2", "3"]
    assert find_ocr_task_tables(prepare(body)) == []


def test_a_body_name_stops_before_the_lowercase_words_of_the_next_cell_or_phrase() -> None:
    lines = ["Giảm 10% số vụ trộm cắp tài sản so với năm trước | Tháng 12/2026 | Công an tỉnh trực thuộc UBND tỉnh"]
    assert row_lead(lines, "Giảm 10% số vụ trộm cắp tài sản so với năm trước") == ["Công an tỉnh"]


def test_a_line_opening_with_a_departments_name_is_a_unit_cell_but_one_opening_with_the_word_number_is_not() -> None:
    table = _UNLABELLED.replace("cản các xã, phường UBND huyện", "Sở Tư pháp phường UBND huyện Đồng chí Phó")
    tasks = [t.as_dict() for tb in find_ocr_task_tables(prepare(table)) for t in tb.tasks]
    assert [t["number"] for t in tasks] == ["I", "I.1", "I.2", "I.3"]


def test_a_number_cell_read_as_one_stray_letter_before_the_tasks_capital_is_dropped_from_the_title() -> None:
    table = _UNLABELLED.replace("Tổ chức hai đợt", "F Tổ chức hai đợt").replace("cản các xã", ": : các xã")
    tasks = [t.as_dict() for tb in find_ocr_task_tables(prepare(table)) for t in tb.tasks]
    assert str(tasks[2]["title"]).startswith("Tổ chức hai đợt tuyên truyền") and tasks[2]["number"] == "I.2"


def test_the_first_capital_line_under_a_field_opens_a_row_even_after_a_stray_line_and_a_smudge_opens_none() -> None:
    table = _UNLABELLED.replace("5 P Ì : Bí thư Đảng uỷ, Giám Đồng chí", "Trong thắng  Í n/ tự ĐẢng, Trướn")
    table = table.replace(": 4 : các sở, ban, ngành liên | Đồng chí Phó Chủ tịch", "Sai +: š Souia 6⁄3). tiến s.š XG à")
    tasks = [t.as_dict() for tb in find_ocr_task_tables(prepare(table)) for t in tb.tasks]
    assert [t["number"] for t in tasks] == ["I", "I.1", "I.2", "I.3"]
    assert str(tasks[1]["title"]).startswith("Rà soát toàn bộ")


def test_a_department_leading_a_row_is_named_with_its_director_whatever_title_another_cell_puts_before_it() -> None:
    lines = ["Mở rộng điểm trường mầm non ở thôn xa | Tháng 9/2026 | Chủ tịch Sở Nội vụ |"]
    assert row_lead(lines, "Mở rộng điểm trường mầm non ở thôn xa") == ["Giám đốc Sở Nội vụ"]


def test_a_full_department_name_followed_by_another_cells_debris_is_cut_to_the_name() -> None:
    assert complete_department("Sở Tài chính DU NN") == "Sở Tài chính"


def test_a_partner_phrase_cut_after_lien_reads_lien_quan_and_takes_the_head_some_words_before_it() -> None:
    lines = ["Kiểm kê rừng trồng trên địa bàn xã | Quý 2/2026 | Sở Tư pháp | Bí thư Đảng uỷ, Thủ trưởng Đồng chí",
             "Lò Văn A - TUV các sở, ngành liên | UBND huyện"]
    partners = row_partners(lines, "Kiểm kê rừng trồng trên địa bàn xã", ["Giám đốc Sở Tư pháp"])
    assert partners == ["Thủ trưởng các sở, ngành liên quan"]  # the debris between is left out


def test_outside_a_scans_text_paragraphs_under_capital_headings_below_a_header_are_no_rows_without_number_cells() -> None:
    typed = "\n".join(line for line in _UNLABELLED.splitlines() if not line.startswith("====="))
    assert find_ocr_task_tables(prepare(typed)) == []


def test_the_recipients_list_under_the_table_ends_it() -> None:
    table = _UNLABELLED + "Nơi nhận:\nBan Thường vụ Huyện ủy. Lưu văn phòng và các phòng chuyên môn của huyện.\n"
    table += "Các đồng chí ủy viên ban chấp hành nhận để biết và thực hiện theo chức năng.\n"
    tasks = [t.as_dict() for tb in find_ocr_task_tables(prepare(table)) for t in tb.tasks]
    assert [t["number"] for t in tasks] == ["I", "I.1", "I.2", "I.3"]
