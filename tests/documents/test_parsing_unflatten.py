"""Flattened text: line breaks put back before inline item marks, only where the evidence is strong."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan
from ansinh.documents.parsing.clean import prepare
from ansinh.documents.parsing.unflatten import restore_lines, unflatten_text
from tests.sizes import size


def lines_of(text: str) -> list[str]:
    return [line.strip() for line in unflatten_text(text).split("\n") if line.strip()]


def test_numbered_items_run_together_after_a_colon_are_put_on_their_own_lines() -> None:
    text = "Điều 9. Tổ chức thực hiện: 1. Bộ Công an chủ trì triển khai. 2. Bộ Tài chính bảo đảm kinh phí. 3. Các bộ phối hợp."
    assert lines_of(text) == [
        "Điều 9. Tổ chức thực hiện:", "1. Bộ Công an chủ trì triển khai.", "2. Bộ Tài chính bảo đảm kinh phí.",
        "3. Các bộ phối hợp.",
    ]


def test_lettered_items_after_semicolons_are_split_inside_a_numbered_item() -> None:
    text = "4. Bộ Công an có trách nhiệm: a) Chủ trì theo dõi, đôn đốc; b) Bảo đảm hệ thống vận hành; c) Bố trí cán bộ."
    assert lines_of(text) == [
        "4. Bộ Công an có trách nhiệm:", "a) Chủ trì theo dõi, đôn đốc;", "b) Bảo đảm hệ thống vận hành;", "c) Bố trí cán bộ.",
    ]


def test_an_article_title_running_into_its_first_item_is_split_from_it() -> None:
    text = "Điều 2. Nguyên tắc phát triển công dân số 1. Tuân thủ Hiến pháp, pháp luật. 2. Bảo đảm đồng bộ, thống nhất."
    assert lines_of(text) == [
        "Điều 2. Nguyên tắc phát triển công dân số", "1. Tuân thủ Hiến pháp, pháp luật.", "2. Bảo đảm đồng bộ, thống nhất.",
    ]


def test_roman_parts_run_together_are_split() -> None:
    text = "KẾ HOẠCH Thực hiện năm 2026. I. MỤC ĐÍCH, YÊU CẦU: Bảo đảm thống nhất. II. NHIỆM VỤ: Triển khai các nội dung. III. TỔ CHỨC THỰC HIỆN: Các sở thực hiện."
    assert [line[:4] for line in lines_of(text)] == ["KẾ H", "I. M", "II. ", "III."]


def test_stray_ocr_marks_between_a_clause_end_and_a_mark_do_not_hide_it() -> None:
    text = "1. Trách nhiệm của các bộ: l a) Thiết kế quy trình; __ b) Bảo đảm các điều kiện; c) Ban hành danh mục."
    assert [line[:2] for line in lines_of(text)] == ["1.", "a)", "b)", "c)"]


def test_a_mark_misread_by_ocr_stays_inline_and_does_not_stop_the_run() -> None:
    text = "Nội dung gồm: a) Truy cập dữ liệu; b) Định danh điện tử; e) Là nền tảng hỗ trợ; d) Liên kết tài khoản; đ) Cung cấp kênh giao tiếp."
    assert [line[:5] for line in lines_of(text)] == ["Nội d", "a) Tr", "b) Đị", "d) Li", "đ) Cu"]


@pytest.mark.parametrize("text", [
    # references to parts of a legal text
    "Theo quy định tại khoản 1 Điều 5 và điểm a khoản 2 Điều 6 Nghị định số 1.2 của Chính phủ: 1 lần. 2 lần.",
    "Thực hiện theo điểm a) và b) khoản 1 Điều 3; điểm c) khoản 2 Điều này.",
    "Áp dụng theo khoản 2. Bộ Y tế hướng dẫn theo khoản 3. Sở Y tế thực hiện theo khoản 4. Các xã triển khai.",
    "Theo Điều 1. Phạm vi điều chỉnh và Điều 2. Đối tượng áp dụng của Nghị định.",
    # dates, decimals, thousands
    "Có hiệu lực từ ngày 01.01.2026; mức 1.5 lần; 1.000 người; tăng 2.5% so với 3.2% năm trước.",
    # a list of conditions in a sentence: items open in lower case
    "Được hỗ trợ khi đáp ứng các điều kiện: a) có hộ khẩu thường trú; b) thuộc hộ nghèo; c) chưa được hỗ trợ.",
    # one mark only, or marks out of sequence
    "Bộ Y tế chủ trì thực hiện. 2. Sở Y tế phối hợp thực hiện nhiệm vụ được giao.",
    "Tỷ lệ đạt 95%. 3. Bộ Tài chính bảo đảm. 1. Bộ Y tế chủ trì. 5. Các tỉnh thực hiện.",
    # inside a quoted title
    "Triển khai Chương trình “1. Tuổi trẻ sáng tạo; 2. Thanh niên tình nguyện; 3. Hiến máu” trên địa bàn.",
    # marks in running text without any clause end
    "Phấn đấu đạt mục tiêu 1. Năm 2025 đạt mục tiêu 2. Năm 2026 đạt mục tiêu 3. Năm 2027 hoàn thành toàn bộ",
    # chapters, parts, annexes
    "Ban hành kèm theo Phụ lục I. Danh mục và Phụ lục II. Nội dung; Chương III. Tổ chức thực hiện.",
    # a table row is left to the table readers
    "1.\tBộ Y tế chủ trì;\t2. Sở Y tế phối hợp;\t3. Các xã thực hiện.",
])
def test_text_without_a_strong_run_of_marks_is_left_as_it_is(text: str) -> None:
    assert unflatten_text(text) == text


def test_items_already_on_their_own_lines_are_left_as_they_are() -> None:
    text = "II. NHIỆM VỤ\n1. Bộ Y tế chủ trì thực hiện.\n2. Bộ Tài chính bảo đảm kinh phí.\na) Sở Y tế phối hợp.\n"
    assert unflatten_text(text) == text


def test_the_callers_text_and_spans_are_untouched_and_tasks_are_read_from_a_flattened_article() -> None:
    text = (
        "NGHỊ QUYẾT\nVề phát triển công dân số\n"
        "### Điều 9. Tổ chức thực hiện - 1. Lấy ngày 15 tháng 10 hằng năm là Ngày Công dân số. "
        "2. Bộ Công an có trách nhiệm: a) Chủ trì theo dõi, đôn đốc, tổng hợp kết quả thực hiện; "
        "b) Bảo đảm hệ thống định danh vận hành thông suốt. 3. Bộ Tài chính chủ trì, phối hợp với các bộ bảo đảm kinh phí.\n"
    )
    doc = restore_lines(prepare(text))
    assert doc.text == text and len(doc.clean) == len(doc.folded) == len(text)
    assert [line.strip()[:2] for line in doc.clean.split("\n") if line.strip()][3:] == ["1.", "2.", "a)", "b)", "3."]
    result = extract_plan(text, "x")
    numbers = [t["number"] for t in result["tasks"]]
    assert "2" in numbers and "2.a" in numbers and "3" in numbers
    for task in result["tasks"]:
        s, e = task["span"]
        assert task["title"][:10] in text[s:e]  # spans point into the caller's text


# Properties -------------------------------------------------------------------------------------------

WORDS = st.sampled_from([
    "Bộ", "Y", "tế", "chủ", "trì", "khoản", "điểm", "Điều", "số", "năm", "2026", "01.01.2026", "1.5", "1.000", "Sở",
    "thực", "hiện", "các", "nhiệm", "vụ", "“", "”", "(", ")", "-", "l", "__", "Phụ", "lục",
])
MARKS = st.sampled_from(["1.", "2.", "3.", "4.", "a)", "b)", "c)", "d)", "đ)", "I.", "II.", "III.", "1,", "2)", "3)",
                         "1.1.", "1.2.", "Điều 1.", "Điều 2.", "MỤC TIÊU"])
PUNCT = st.sampled_from(["", ".", ":", ";", ","])


@st.composite
def flat_lines(draw: st.DrawFn) -> str:
    parts: list[str] = []
    for _ in range(draw(st.integers(1, 12))):
        parts.append(" ".join(draw(st.lists(WORDS, min_size=1, max_size=6))) + draw(PUNCT))
        if draw(st.booleans()):
            parts.append(draw(MARKS))
    return " ".join(parts)


texts = st.lists(flat_lines(), min_size=1, max_size=4).map("\n".join)


@settings(max_examples=size(40, 150), deadline=None)
@given(texts)
def test_only_spaces_before_marks_become_line_breaks(text: str) -> None:
    out = unflatten_text(text)
    assert len(out) == len(text)
    for a, b in zip(text, out, strict=True):
        assert a == b or (a == " " and b == "\n")
    for i, (a, b) in enumerate(zip(text, out, strict=True)):
        if a != b:
            assert re.match(r"(?:Điều \d{1,3}[.:]|\d{1,2}(?:\.\d{1,2}){0,2}[.),]|[a-zđ]\)|[IVX]{1,5}\.) ", text[i + 1 :])


@settings(max_examples=size(40, 150), deadline=None)
@given(texts)
def test_restoring_lines_twice_changes_nothing_more(text: str) -> None:
    once = unflatten_text(text)
    assert unflatten_text(once) == once


@settings(max_examples=size(40, 150), deadline=None)
@given(st.lists(st.sampled_from(["Bộ", "Y", "tế", "khoản", "1", "2.", "số", "1.5", "01.01.2026", ":", ";", "Sở", "a)"]),
                max_size=30).map(" ".join))
def test_a_line_with_at_most_one_mark_of_each_kind_is_never_changed(text: str) -> None:
    kinds = re.findall(r"(?<!\S)(?:\d{1,2}[.),]|[a-zđ]\)|[IVX]{1,5}\.)(?= )", text)
    if len(kinds) <= 1:
        assert unflatten_text(text) == text


@settings(max_examples=size(40, 100), deadline=None)
@given(texts)
def test_restored_views_stay_aligned_with_the_callers_text(text: str) -> None:
    doc = restore_lines(prepare(text))
    assert doc.text == text
    assert len(doc.clean) == len(doc.folded) == len(text)
    assert [i for i, ch in enumerate(doc.clean) if ch == "\n"] == [i for i, ch in enumerate(doc.folded) if ch == "\n"]
    assert doc.line_starts == [0] + [i + 1 for i, ch in enumerate(doc.clean) if ch == "\n"]


def test_sub_numbered_items_run_together_are_split_under_their_parent_number() -> None:
    text = "1. Nhiệm vụ chung: 1.1. Nâng cao chất lượng dịch vụ y tế. 1.2. Tăng cường công tác truyền thông. 1.3. Bảo đảm kinh phí."
    assert [line[:4] for line in lines_of(text)] == ["1. N", "1.1.", "1.2.", "1.3."]


def test_articles_run_together_on_one_line_are_split() -> None:
    text = "Điều 1. Phê duyệt Kế hoạch kèm theo. Điều 2. Giao Sở Y tế chủ trì thực hiện. Điều 3. Quyết định có hiệu lực từ ngày ký."
    assert [line[:7] for line in lines_of(text)] == ["Điều 1.", "Điều 2.", "Điều 3."]


def test_a_whole_plan_on_one_line_gets_its_parts_and_items_back() -> None:
    text = (
        "KẾ HOẠCH Thực hiện công tác năm 2026 I. MỤC ĐÍCH, YÊU CẦU 1. Mục đích: Triển khai kịp thời. 2. Yêu cầu: Bảo đảm "
        "thống nhất. II. NHIỆM VỤ 1. Sở Y tế chủ trì tuyên truyền. 2. Sở Tài chính bảo đảm kinh phí. III. TỔ CHỨC THỰC "
        "HIỆN Các sở báo cáo kết quả."
    )
    assert [line[:4] for line in lines_of(text)] == ["KẾ H", "I. M", "1. M", "2. Y", "II. ", "1. S", "2. S", "III."]


@pytest.mark.parametrize("text", [
    "Theo quy định tại Điều 5. Bộ Y tế hướng dẫn theo Điều 6. Sở Y tế thực hiện theo Điều 7. Các xã triển khai.",
    "Mức tăng bình quân 1.2. Năm 2025 tăng 1.3. Năm 2026 tăng 1.4. Năm 2027 ổn định",
    "Nghị định số 1.2. Thông tư số 1.3. Quyết định số 1.4. Các văn bản khác",
    "Vùng TÂY NGUYÊN, NAM BỘ 2. Sở Y tế thực hiện.",
])
def test_references_to_articles_and_dotted_numbers_in_sentences_are_left_as_they_are(text: str) -> None:
    assert unflatten_text(text) == text


def test_an_item_run_into_the_line_before_continues_the_list_whose_items_open_their_lines() -> None:
    text = (
        "II. NHIỆM VỤ\n1. Sở Y tế chủ trì tuyên truyền.\n"
        "2. Sở Tài chính bảo đảm kinh phí trong tháng 3 năm 2026. 3. Sở Nội vụ hướng dẫn thực hiện.\n"
        "a) Ban Quản lý dự án số 1, UBND các xã phối hợp.\n"
    )
    assert lines_of(text)[3] == "3. Sở Nội vụ hướng dẫn thực hiện."
    assert lines_of(text)[4] == "a) Ban Quản lý dự án số 1, UBND các xã phối hợp."


def test_party_style_parts_and_numbered_points_in_parentheses_run_together_are_split() -> None:
    text = (
        "I- TÌNH HÌNH Trong những năm qua đã đạt nhiều kết quả. II- QUAN ĐIỂM, MỤC TIÊU 1- Quan điểm (1) Xây dựng "
        "thành phố là trách nhiệm chung. (2) Phát triển nhanh và bền vững. 2- Mục tiêu, chỉ tiêu 2.1. Mục tiêu Đến năm "
        "2035 trở thành đô thị hiện đại. 2.2. Chỉ tiêu Tăng trưởng từ 10%/năm trở lên."
    )
    assert [line[:5] for line in lines_of(text)] == ["I- TÌ", "II- Q", "1- Qu", "(1) X", "(2) P", "2- Mụ", "2.1. ", "2.2. "]


@pytest.mark.parametrize("text", [
    "- (1) Tỷ lệ thất nghiệp: dưới 3%.\n- (2) Giải quyết việc làm: 160.000 lượt người/năm.\n",
    "Độc lập - Tự do - Hạnh phúc; khóa XVI - Nhiệm kỳ 2026-2031. Khóa XV- Nhiệm kỳ trước.",
    "Giai đoạn 2021- 2025. Tăng 3- 5% mỗi năm. Đạt 1- Cơ bản hoàn thành; tuổi 15- Thanh niên.",
    "Theo ý kiến (1) Bộ Y tế và ý kiến (2) Bộ Tài chính đã thống nhất.",
])
def test_bullets_before_marks_hyphens_and_cited_numbers_in_parentheses_are_left_as_they_are(text: str) -> None:
    assert unflatten_text(text) == text


def test_a_stray_tab_at_the_end_of_a_flattened_text_does_not_stop_its_items_being_split() -> None:
    body = "Yêu cầu các sở thực hiện các nhiệm vụ cụ thể như sau: 1. Sở Xây dựng chủ trì lập hồ sơ. " * 1
    body += " ".join(f"{i}. Sở số {i} hướng dẫn triển khai thực hiện các nội dung được giao trong tháng." for i in range(2, 30))
    text = body + " Nơi nhận: - Lưu: VT.\tTL. CHỦ TỊCH"
    assert len(lines_of(text)) == 30
