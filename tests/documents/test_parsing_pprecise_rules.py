"""Issue 10 (round 11): the outline read as Decree 30/2020 builds it whatever OCR did to a numeral, and what is not a
duty or a target. Each rule on a short text written here, not copied from the corpus.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan

DECISION_HEAD = """THỦ TƯỚNG CHÍNH PHỦ
Số: 99/QĐ-TTg
Hà Nội, ngày 10 tháng 3 năm 2025
QUYẾT ĐỊNH
Phê duyệt Chiến lược phát triển nghề muối đến năm 2030
Điều 1. Phê duyệt Chiến lược phát triển nghề muối đến năm 2030 với các nội dung chủ yếu sau:
"""

PARTS = ("QUAN ĐIỂM", "MỤC TIÊU", "NHIỆM VỤ VÀ GIẢI PHÁP", "NHIỆM VỤ TRỌNG TÂM")
ROMAN = ("I", "II", "III", "IV")


def _strategy(numerals: tuple[str, ...]) -> str:
    body = DECISION_HEAD
    for numeral, title in zip(numerals, PARTS, strict=True):
        body += f"{numeral}. {title}\n"
        if title.startswith("NHIỆM VỤ"):
            body += "1. Hoàn thiện cơ chế, chính sách về muối.\n2. Đầu tư hạ tầng đồng muối.\n"
        else:
            body += "1. Phát triển bền vững nghề muối.\n"
    return body


def _numbers(result: dict[str, Any]) -> list[str]:
    return [str(t["number"]) for t in result["tasks"]]


def test_a_part_whose_numeral_ocr_misread_takes_the_place_its_order_gives() -> None:
    result = extract_plan(_strategy(("I", "II", "II", "IV")), "probe")
    assert _numbers(result) == ["III.1", "III.2", "IV.1", "IV.2"]


@settings(max_examples=25, deadline=None)
@given(place=st.integers(min_value=1, max_value=2), misread=st.sampled_from(["I", "II", "V", "IH", "Il"]))
def test_parts_numbered_from_i_to_their_count_are_read_in_order_whichever_middle_numeral_is_misread(
    place: int, misread: str
) -> None:
    numerals = list(ROMAN)
    numerals[place] = misread
    result = extract_plan(_strategy(tuple(numerals)), "probe")
    assert _numbers(result) == ["III.1", "III.2", "IV.1", "IV.2"]


def test_parts_that_do_not_run_from_one_to_their_count_keep_their_numerals() -> None:
    # "I. … II. … IV. … V.": the last numeral is not the count of parts (a part may be lost), so no order to trust.
    result = extract_plan(_strategy(("I", "II", "IV", "V")), "probe")
    assert _numbers(result) == ["IV.1", "IV.2", "V.1", "V.2"]


ORGANISATION = """Điều 2. Tổ chức thực hiện
1. Bộ Nông nghiệp và Môi trường
a) Chủ trì tổ chức triển khai Chiến lược.
b) Định kỳ hằng năm báo cáo Thủ tướng Chính phủ kết quả thực hiện.
2. Bộ Tài chính bố trí kinh phí thực hiện Chiến lược.
Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký.
Điều 4. Các Bộ trưởng, Chủ tịch Ủy ban nhân dân các tỉnh chịu trách nhiệm thi hành Quyết định này.
"""


def test_the_article_after_the_parts_an_approving_article_holds_goes_on_beside_it_not_inside_its_last_part() -> None:
    result = extract_plan(_strategy(ROMAN) + ORGANISATION, "probe")
    # The duties of "Điều 2. Tổ chức thực hiện" are the organisation of the strategy, not items of its last part.
    assert _numbers(result) == ["III.1", "III.2", "IV.1", "IV.2"]
    assert [r["frequency"] for r in result["reporting"]] == ["annual"]


def test_a_chapter_keeps_its_own_articles() -> None:
    text = """CHÍNH PHỦ
Số: 10/2025/NĐ-CP
NGHỊ ĐỊNH
Quy định chính sách hỗ trợ nghề muối
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Nghị định này quy định chính sách hỗ trợ.
Điều 2. Đối tượng áp dụng
Diêm dân.
Chương II
TỔ CHỨC THỰC HIỆN
Điều 3. Trách nhiệm của Bộ Tài chính
1. Bố trí kinh phí hỗ trợ.
2. Hướng dẫn thanh quyết toán.
"""
    from ansinh.documents.parsing.clean import prepare
    from ansinh.documents.parsing.structure import parse_outline

    root = parse_outline(prepare(text))
    chapters = [n for n in root.children if n.style == "roman"]
    assert [c.label for c in chapters] == ["I", "II"]
    assert [a.label for a in chapters[0].children if a.style == "article"] == ["1", "2"]
    assert [a.label for a in chapters[1].children if a.style == "article"] == ["3"]


RESOLUTION = """BAN CHẤP HÀNH TRUNG ƯƠNG
Số: 70-NQ/TW
Hà Nội, ngày 12 tháng 4 năm 2025
NGHỊ QUYẾT
Hội nghị lần thứ mười hai về sắp xếp đơn vị hành chính
Hội nghị quyết nghị:
1. Thống nhất chủ trương sắp xếp đơn vị hành chính cấp tỉnh.
2. Giao Đảng ủy Chính phủ chỉ đạo xây dựng đề án sắp xếp.
3. Giao Ban Tổ chức Trung ương hướng dẫn thực hiện Nghị quyết.
Nơi nhận:
- Các tỉnh ủy, thành ủy,
- Lưu Văn phòng Trung ương Đảng.
"""


def _list_annex(title: str, attached: str, emphasis: str) -> str:
    return f"""{emphasis}{title}{emphasis}

{emphasis}({attached} Nghị quyết số 70-NQ/TW, ngày 12/4/2025){emphasis}

I- Các tỉnh không sắp xếp
1. Tỉnh Sông Hồng.
2. Tỉnh Núi Cao.
II- Các tỉnh mới sau hợp nhất
1. Hợp nhất tỉnh Đồng Bằng và tỉnh Ven Biển, lấy tên là tỉnh Đồng Bằng.
2. Hợp nhất tỉnh Cao Nguyên và tỉnh Trung Du, lấy tên là tỉnh Cao Nguyên.
"""


def test_an_annex_listing_names_under_a_title_and_its_attachment_line_gives_no_task() -> None:
    text = RESOLUTION + _list_annex("DANH SÁCH DỰ KIẾN TÊN GỌI CÁC TỈNH", "Kèm theo", "")
    assert _numbers(extract_plan(text, "probe")) == ["1", "2", "3"]


@settings(max_examples=25, deadline=None)
@given(
    title=st.sampled_from(["DANH SÁCH DỰ KIẾN TÊN GỌI CÁC TỈNH", "DANH SÁCH\nCác tỉnh sau sắp xếp", "BIỂU MẪU THỐNG KÊ"]),
    attached=st.sampled_from(["Kèm theo", "Ban hành kèm theo", "kèm theo"]),
    emphasis=st.sampled_from(["", "**", "*"]),
)
def test_a_list_annex_without_a_phu_luc_line_is_set_aside_whatever_its_title_line_and_emphasis(
    title: str, attached: str, emphasis: str
) -> None:
    text = RESOLUTION + _list_annex(title, attached, emphasis)
    assert _numbers(extract_plan(text, "probe")) == ["1", "2", "3"]


def test_a_programme_attached_to_its_resolution_is_no_form() -> None:
    # "CHƯƠNG TRÌNH HÀNH ĐỘNG (Kèm theo Nghị quyết số …)": the work itself, its items stay tasks.
    text = """CHÍNH PHỦ
Số: 12/NQ-CP
NGHỊ QUYẾT
Ban hành Chương trình hành động
Điều 1. Ban hành kèm theo Nghị quyết này Chương trình hành động.
Điều 2. Nghị quyết này có hiệu lực từ ngày ký.

CHƯƠNG TRÌNH HÀNH ĐỘNG
(Kèm theo Nghị quyết số 12/NQ-CP ngày 09 tháng 01 năm 2025 của Chính phủ)
I. MỤC TIÊU
1. Phát triển hạ tầng số.
II. NHIỆM VỤ, GIẢI PHÁP
1. Hoàn thiện thể chế về dữ liệu.
2. Phát triển nhân lực số.
"""
    assert _numbers(extract_plan(text, "probe")) == ["1", "2"]


PLAN_HEAD = """ỦY BAN NHÂN DÂN
TỈNH BIỂN XANH
Số: 15/KH-UBND
Biển Xanh, ngày 05 tháng 3 năm 2025
KẾ HOẠCH
Phát triển du lịch đến năm 2030
I. MỤC TIÊU
"""


def _targets(line: str) -> list[tuple[object, ...]]:
    result = extract_plan(PLAN_HEAD + line + "\nII. NHIỆM VỤ\n1. Quảng bá du lịch.\n", "probe")
    return [(t["comparator"], t["value"], t["value_max"], t["unit"]) for t in result["targets"]]


def test_a_count_in_millions_keeps_its_scale_word_in_the_unit_as_the_document_writes_it() -> None:
    assert _targets("- Đến năm 2030 tạo ra khoảng 4,5 triệu việc làm.") == [("approx", 4.5, None, "triệu việc làm")]


def test_a_range_in_millions_takes_the_scale_word_written_after_its_second_value() -> None:
    assert _targets("- Đến năm 2030 phấn đấu đón 10 - 12 triệu lượt người.") == [("range", 10, 12, "triệu lượt người")]


@settings(max_examples=25, deadline=None)
@given(
    scale=st.sampled_from(["triệu", "nghìn"]),
    whole=st.integers(min_value=1, max_value=99),
    tenth=st.integers(min_value=0, max_value=9),
    noun=st.sampled_from(["lượt người", "việc làm", "người"]),
)
def test_a_scaled_count_is_read_as_written_whatever_its_scale_and_noun(scale: str, whole: int, tenth: int, noun: str) -> None:
    written = f"{whole},{tenth}" if tenth else str(whole)
    value = whole + tenth / 10
    targets = _targets(f"- Đến năm 2030 có ít nhất {written} {scale} {noun} được hỗ trợ.")
    assert [(v, u) for _, v, _, u in targets] == [(value, f"{scale} {noun}")]


def test_money_and_measures_keep_their_scale_in_the_unit_as_before() -> None:
    assert _targets("- Đến năm 2030 thu nhập bình quân đầu người đạt 120 triệu đồng.") == [("=", 120, None, "triệu đồng")]


def test_a_list_annex_that_lists_work_is_not_set_aside_as_a_form() -> None:
    annex = """DANH SÁCH CÁC NHIỆM VỤ TRỌNG TÂM

(Kèm theo Nghị quyết số 70-NQ/TW, ngày 12/4/2025)

1. Xây dựng đề án sắp xếp đơn vị hành chính.
2. Hoàn thiện thể chế về chính quyền địa phương.
"""
    from ansinh.documents.parsing.clean import prepare
    from ansinh.documents.parsing.structure import parse_outline

    root = parse_outline(prepare(RESOLUTION + annex))
    assert not any(node.kind == "form" for node in root.walk())


def test_a_count_in_millions_is_named_by_what_it_counts_without_the_scale_word() -> None:
    result = extract_plan(PLAN_HEAD + "- Đến năm 2030 tạo ra khoảng 4,5 triệu việc làm, trong đó khoảng 1,5 triệu việc làm"
                          " trực tiếp.\nII. NHIỆM VỤ\n1. Quảng bá du lịch.\n", "probe")
    names = {t["value"]: t["indicator"] for t in result["targets"]}
    assert names[1.5] == "Số việc làm trực tiếp"
