"""In a two-level assignment table, an action row under a group cell merged down (its number and group cells empty)
is a row of its own even when its deadline has no digit ("Liên tục"): it fills every cell from its action on, each
opening as a cell does (probe table of my own)."""

from __future__ import annotations

from ansinh.documents.parsing import extract_plan

_TEXT = (
    "BỘ TƯ PHÁP\nKẾ HOẠCH\nHành động về phổ biến pháp luật\n\nI. MỤC TIÊU\nNâng cao hiệu quả.\n\nPHỤ LỤC\n"
    "STT\tNội dung hành động\tHành động cụ thể\tCơ quan chủ trì\tCơ quan phối hợp\tThời hạn hoàn thành\n"
    "1\tTăng cường hợp tác quốc tế về tư pháp\tTiếp nhận và xử lý kịp thời các yêu cầu tương trợ tư pháp\t"
    "Bộ Công an\tCác bộ, ngành liên quan\tLiên tục\n"
    "\t\tTăng số lượng các yêu cầu tương trợ tư pháp gửi đi\tBộ Tư pháp\tBộ Ngoại giao\tLiên tục\n"
    "\t\tTăng cường ký kết hiệp định tương trợ tư pháp\tBộ Ngoại giao\tBộ Tư pháp\tThường xuyên\n"
)


def test_action_rows_under_a_merged_group_cell_are_tasks_with_their_own_units() -> None:
    tasks = [(t["title"], t["lead"], t["coordinate"]) for t in extract_plan(_TEXT, "kh")["tasks"]]
    assert ("Tăng số lượng các yêu cầu tương trợ tư pháp gửi đi", ["Bộ Tư pháp"], ["Bộ Ngoại giao"]) in tasks
    assert ("Tăng cường ký kết hiệp định tương trợ tư pháp", ["Bộ Ngoại giao"], ["Bộ Tư pháp"]) in tasks


def test_a_page_cut_rest_with_a_scan_mark_under_the_empty_group_cell_carries_on_the_row_above() -> None:
    text = _TEXT.replace(
        "\t\tTăng cường ký kết hiệp định tương trợ tư pháp\tBộ Ngoại giao\tBộ Tư pháp\tThường xuyên\n",
        "\t\tTăng cường ký kết hiệp định tương trợ\tBộ Ngoại giao;\tBộ Tư pháp\tThường xuyên\n\n3\n"
        "\t-\t_ tư pháp với các nước\tBộ Công an\t\t\n",
    )
    tasks = [(t["title"], t["lead"]) for t in extract_plan(text, "kh")["tasks"]]
    assert ("Tăng cường ký kết hiệp định tương trợ tư pháp với các nước", ["Bộ Ngoại giao", "Bộ Công an"]) in tasks
    assert not any(title.startswith(("_", "-")) for title, _ in tasks)


_PARTS = (
    "BỘ TƯ PHÁP\nKẾ HOẠCH\nHành động về phổ biến pháp luật\n\nI. MỤC TIÊU\nNâng cao hiệu quả.\n\nPHỤ LỤC\n"
    "STT\tNội dung hành động\tHành động cụ thể\tCơ quan chủ trì\tCơ quan phối hợp\tThời hạn hoàn thành\n"
    "1.\tHoàn thiện khuôn khổ pháp lý\t:\t\t\t\n"
    "1.\tGiải quyết thiếu hụt của khuôn khổ pháp lý\tSửa đổi Bộ luật Hình sự\tBộ Công an\tBộ Tư pháp\t10/2027\n"
    "\t\tSửa đổi nghị quyết hướng dẫn\tBộ Tư pháp\tBộ Công an\t12/2027\n"
    "1L —\tCác hành động nâng cao hiệu quả công tác\tphòng, chống rửa tiền\t\t\t\n"
    "1\tĐánh giá rủi ro quốc gia\tThực hiện đánh giá rủi ro\tNgân hàng Nhà nước Việt Nam\tBộ Công an\tLiên tục\n"
    "\t\tCập nhật rủi ro\tBộ Tài chính\tBộ Công an\tLiên tục\n"
)


def test_a_part_over_groups_that_ocr_numbered_like_its_first_group_is_numbered_by_its_place_in_roman() -> None:
    tasks = [(t["number"], t["title"]) for t in extract_plan(_PARTS, "kh")["tasks"]]
    assert ("I", "Hoàn thiện khuôn khổ pháp lý") in tasks
    assert ("II", "Các hành động nâng cao hiệu quả công tác phòng, chống rửa tiền") in tasks
    assert ("1", "Đánh giá rủi ro quốc gia") in tasks
