"""Rules of Party documents and Government strategies (helper pcentral), one small synthetic text each."""

from __future__ import annotations

from typing import Any

from ansinh.documents.parsing import extract_plan
from ansinh.documents.parsing.ocr_target_rows import drop_number_slots


def _plan(text: str) -> dict[str, Any]:
    result: dict[str, Any] = extract_plan(text, "vi-du")
    return result


_PARTY_HEAD = (
    "BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG CỘNG SẢN VIỆT NAM\n"
    "*\n"
    "Số 12-KL/TW Hà Nội, ngày 5 tháng 3 năm 2026\n\n"
    "KẾT LUẬN\n"
    "CỦA BỘ CHÍNH TRỊ\n"
    "về phát triển giáo dục nghề nghiệp trong thời kỳ mới\n\n"
)


def test_a_party_number_joined_to_the_place_and_date_by_one_space_is_the_number() -> None:
    meta = _plan(_PARTY_HEAD + "I- TÌNH HÌNH\nKết quả bước đầu khá toàn diện.\n")["meta"]
    assert meta["number"] == "12-KL/TW"
    assert "Số 12-KL/TW" not in (meta.get("implements") or [])


def test_a_party_central_document_is_of_the_central_level() -> None:
    assert _plan(_PARTY_HEAD + "I- TÌNH HÌNH\nKết quả bước đầu khá toàn diện.\n")["meta"]["level"] == "central"


_OCR_BODY = (
    "II- NHIỆM VỤ, GIẢI PHÁP\n"
    "1. Nâng cao chất lượng đào tạo nghề cho người lao động\n"
    "- Đổi mới chương trình, giáo trình theo hướng thực hành.\n\n"
    "===== Trang 4 =====\n"
    "18.KLTW12.DOC 4\n\n"
    "- Phát triển đội ngũ nhà giáo đạt chuẩn.\n"
    "2. Mở rộng hợp tác với doanh nghiệp\n"
    "- Gắn đào tạo với nhu cầu của thị trường lao động.\n\n"
    "===== Trang 5 =====\n"
    "18.KLTW12.DOC. 5\n\n"
    "HI- TỔ CHỨC THỰC HIỆN\n"
    "1. Đảng uỷ Chính phủ\n"
    "a) Chỉ đạo xây dựng chương trình hành động thực hiện Kết luận.\n"
    "b) Bố trí nguồn lực bảo đảm thực hiện các nhiệm vụ.\n"
    "2. Ban Tuyên giáo và Dân vận Trung ương\n"
    "a) Hướng dẫn công tác tuyên truyền Kết luận.\n"
)


def test_a_typists_file_name_running_head_on_a_scanned_page_is_not_a_task() -> None:
    titles = [t["title"] for t in _plan(_PARTY_HEAD + _OCR_BODY)["tasks"]]
    assert not any("DOC" in (title or "") for title in titles)


def test_a_roman_three_read_by_ocr_as_hi_still_opens_the_closing_part() -> None:
    tasks = _plan(_PARTY_HEAD + _OCR_BODY)["tasks"]
    assert [t["number"] for t in tasks] == ["II.1", "II.2"] or [t["number"] for t in tasks] == ["1", "2"]


_STRATEGY = (
    "QUYẾT ĐỊNH\nPhê duyệt Chiến lược quốc gia về phát triển lâm nghiệp\n\n"
    "III. MỤC TIÊU\n"
    "2. Mục tiêu cụ thể\n"
    "- Đến năm 2030:\n"
    "Tỷ lệ che phủ rừng đạt ít nhất 40%. Tỷ lệ hộ dân được sử dụng nước sạch đạt 85%. "
    "Tỷ lệ chất thải rắn được xử lý đạt 90%. Lượng phát thải khí mê-tan giảm 30% so với năm 2020.\n"
    "- Đến năm 2050:\n"
    "Tổng lượng phát thải đạt đỉnh vào năm 2040, sau đó giảm nhanh. Trong đó: "
    "tỷ lệ che phủ rừng đạt 45%; tỷ lệ hộ dân được sử dụng nước sạch đạt 100%; "
    "tỷ lệ chất thải rắn được xử lý đạt 100%. Lượng phát thải khí mê-tan giảm 40% so với năm 2030.\n"
)


def test_a_year_an_event_is_dated_in_does_not_carry_to_the_next_sentence() -> None:
    years = {t["year"] for t in _plan(_STRATEGY)["targets"]}
    assert 2040 not in years


def test_a_strategys_2030_and_2050_values_of_one_indicator_are_one_path() -> None:
    targets = _plan(_STRATEGY)["targets"]
    forest = [t for t in targets if "che phủ rừng" in (t["indicator"] or "")]
    assert len(forest) == 1
    assert forest[0]["year"] == 2050 and forest[0]["value"] == 45
    assert [m["year"] for m in forest[0]["milestones"]] == [2030, 2050]


def test_two_values_against_different_base_years_stay_two_targets() -> None:
    methane = [t for t in _plan(_STRATEGY)["targets"] if "mê-tan" in (t["indicator"] or "")]
    assert len(methane) == 2


_OCR_ANNEX = (
    "II- NHIỆM VỤ\n1. Nâng cao chất lượng đào tạo nghề cho người lao động\n\n"
    "Phụ lục\n"
    "CÁC CHỈ TIÊU CHỦ YẾU GIAI ĐOẠN 2026 - 2030\n\n"
    "TT Chỉ tiêu Mục tiêu\n"
    "1 Tỉ lệ lao động qua đào tạo có bằng cấp, chứng chỉ trong tổng | Tối thiểu\n"
    "'_ | số lao động đang làm việc 35%\n"
    "Tỉ lệ người học nghề có việc làm sau khi tốt nghiệp tại các\n"
    "2. R - 90%\n"
    "cơ sở công lập\n"
    "3. | Tỉ lệ giảm tiêu hao nguyên liệu tính trên sản phẩm 1-1,5%\n"
    "4 Tỉ lệ học sinh bỏ học so với tổng số học sinh nhập học <5%\n"
    "` | trong năm\n"
)


def test_an_ocr_target_annex_is_read_row_by_row_with_the_period_end_as_year() -> None:
    targets = _plan(_PARTY_HEAD + _OCR_ANNEX)["targets"]
    got = [(t["comparator"], t["value"], t["value_max"], t["unit"], t["year"]) for t in targets]
    assert got == [(">=", 35, None, "%", 2030), ("=", 90, None, "%", 2030), ("range", 1, 1.5, "%", 2030),
                   ("<", 5, None, "%", 2030)]
    assert targets[1]["indicator"].startswith("Tỉ lệ người học nghề có việc làm")
    assert "trong năm" in targets[3]["indicator"]


_OCR_ANNEX_WITH_BODIES = (
    "Phụ lục 1\n"
    "CÁC CHỈ TIÊU CHỦ YẾU GIAI ĐOẠN 2026 - 2030\n\n"
    "STT Chỉ tiêu Mục tiêu | Cơ quan theo\n"
    "dõi, tổng hợp\n"
    "1. | Tỉ lệ lao động qua đào tạo nghề 35% Bộ Nội vụ\n"
    "Tỉ lệ người học nghề có việc làm sau khi Đảng uỷ\n"
    "+ tốt nghiệp tại các cơ sở công lập 90% Bộ Giáo dục\n\n\n\n"
    "===== Trang 9 =====\n\n"
    "STT Chỉ tiêu Mục tiêu | Cơ quan theo\n"
    "3. | Tỉ lệ học sinh bỏ học trong năm <5% Bộ Giáo dục\n"
)


def test_an_ocr_target_annex_with_a_column_of_bodies_goes_on_over_the_page() -> None:
    targets = _plan(_PARTY_HEAD + _OCR_ANNEX_WITH_BODIES)["targets"]
    assert [(t["comparator"], t["value"], t["year"]) for t in targets] == [("=", 35, 2030), ("=", 90, 2030), ("<", 5, 2030)]
    assert "học nghề có việc làm" in targets[1]["indicator"]


def test_an_emission_cap_written_not_to_exceed_is_at_most_and_keeps_its_scale_in_the_unit() -> None:
    targets = _plan(
        "KẾ HOẠCH\nGiảm phát thải khí nhà kính\n\nII. MỤC TIÊU\n2. Mục tiêu cụ thể đến năm 2030\n"
        "- Lĩnh vực giao thông giảm 20%, lượng phát thải không vượt quá 45 triệu tấn CO2tđ.\n"
    )["targets"]
    cap = [t for t in targets if t["comparator"] == "<="]
    assert [(t["value"], t["unit"], t["year"]) for t in cap] == [(45, "triệu tấn", 2030)]


def test_a_handwritten_number_slot_ocr_read_as_a_percentage_is_not_a_target() -> None:
    text = (
        "THỦ TƯỚNG CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Số: †0% QĐ- -TTg Hà Nội, ngày 2 tháng 4 năm 2026\n\nQUYẾT ĐỊNH\nBan hành Kế hoạch hành động\n\n"
        "I. MỤC TIÊU\n- Đến năm 2030, 100% cán bộ được tập huấn.\n"
    )
    assert [t["value"] for t in _plan(text)["targets"]] == [100]


def test_a_lettered_part_h_is_not_read_as_roman_two() -> None:
    parts = "".join(f"{letter}. PHẦN {letter}\n1. Nội dung công việc thứ {k}\n" for k, letter in enumerate("ABCDEFGH", 1))
    numbers = [t["number"] for t in _plan("KẾ HOẠCH\nThực hiện chương trình\n\n" + parts)["tasks"]]
    assert "II.1" not in numbers


def test_a_number_slot_is_dropped_only_in_the_header_block_above_the_title() -> None:
    slot = {"indicator": "BỘ Y TẾ Số: †0%", "value": 0, "unit": "%", "span": [0, 40]}
    later = {"indicator": "Kết quả đợt rà soát Số: 5%", "value": 5, "unit": "%", "span": [900, 960]}
    assert drop_number_slots([slot, later], title_start=120) == [later]
    assert drop_number_slots([slot, later]) == []  # no title found: the slot shape is dropped wherever it stands
