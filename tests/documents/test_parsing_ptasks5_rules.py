"""ptasks5 rules: tasks and their lead and coordinating units, one small text of our own each."""

from __future__ import annotations

from typing import Any

from ansinh.documents.parsing import extract_plan


def _tasks(text: str) -> list[dict[str, Any]]:
    result: dict[str, Any] = extract_plan(text, "vi-du")
    return list(result["tasks"])


def _by_title(text: str) -> dict[str, dict[str, Any]]:
    return {t["title"]: t for t in _tasks(text)}


_HEADER = "ỦY BAN NHÂN DÂN\nTỈNH AN BÌNH\nSố: 21/KH-UBND\nKẾ HOẠCH\nBảo đảm thoát nước mùa mưa năm 2026\n\n"


def test_a_bracketed_number_with_a_full_stop_opens_a_task() -> None:
    text = _HEADER + (
        "I. MỤC ĐÍCH, YÊU CẦU\n1. Chủ động phòng, chống úng ngập.\n"
        "II. NHIỆM VỤ\n"
        "1. Triển khai công tác ứng trực thoát nước:\n"
        "(1). Lập đường dây nóng tại Trung tâm Quản lý hạ tầng để tiếp nhận thông tin.\n"
        "(2). Xây dựng phương án ứng trực cho các điểm úng ngập.\n"
        "2. Nạo vét hệ thống cống, kênh mương trước mùa mưa.\n"
    )
    for variant in (text, text.replace("(1).", "( 1 ) .").replace("(2).", "( 2 ) .")):
        titles = [t["title"] for t in _tasks(variant)]
        assert "Lập đường dây nóng tại Trung tâm Quản lý hạ tầng để tiếp nhận thông tin" in titles
        assert "Xây dựng phương án ứng trực cho các điểm úng ngập" in titles


_EVENT_PLAN = (
    "ỦY BAN NHÂN DÂN\nTỈNH AN BÌNH\nSố: 30/KH-UBND\nKẾ HOẠCH\nTổ chức Tuần lễ Văn hóa tỉnh năm 2026\n\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n- Quảng bá di sản văn hóa của tỉnh.\n"
    "II. CƠ QUAN CHỈ ĐẠO VÀ TỔ CHỨC THỰC HIỆN\n"
    "1. Cơ quan chỉ đạo: Ủy ban nhân dân tỉnh.\n"
    "2. Đơn vị chủ trì thực hiện: Sở Văn hóa và Thể thao.\n"
    "3. Đơn vị phối hợp thực hiện: Công an tỉnh, Sở Y tế.\n"
    "III. NỘI DUNG CÁC HOẠT ĐỘNG\n"
    "1. Các hoạt động chính\n"
    "1.1. Lễ khai mạc Tuần lễ Văn hóa\n"
    "- Thời gian: ngày 10/9/2026.\n"
    "- Đơn vị chủ trì: Sở Văn hóa và Thể thao.\n"
    "- Đơn vị phối hợp: Các Đại sứ quán, tổ chức quốc tế, các tỉnh, thành phố.\n"
    "1.2. Chương trình nghệ thuật đường phố\n"
    "- Đơn vị chủ trì: Nhà hát Ca múa nhạc tỉnh.\n"
    "- Đơn vị phối hợp: các Sở, ngành của tỉnh, đơn vị liên quan.\n"
    "2. Tuyên truyền về Tuần lễ Văn hóa\n"
    "- Đơn vị chủ trì: Báo An Bình.\n"
)


def test_a_heading_naming_a_kind_of_work_after_cac_is_no_lead() -> None:
    # "1. Các hoạt động chính" opens with "Các" as lists of bodies do, but names work, not who does it.
    group = _by_title(_EVENT_PLAN)["Các hoạt động chính"]
    assert "Các hoạt động chính" not in group["lead"]


def test_a_plan_wide_labelled_lead_and_partners_go_to_the_groups_stating_none() -> None:
    tasks = _by_title(_EVENT_PLAN)
    group = tasks["Các hoạt động chính"]
    assert group["lead"] == ["Sở Văn hóa và Thể thao"]
    assert group["coordinate"] == ["Công an tỉnh", "Sở Y tế"]
    # A group labelling its own lead keeps it; sub-items keep their own labels.
    assert tasks["Tuyên truyền về Tuần lễ Văn hóa"]["lead"] == ["Báo An Bình"]
    assert tasks["Chương trình nghệ thuật đường phố"]["lead"] == ["Nhà hát Ca múa nhạc tỉnh"]


def test_a_plan_wide_lead_is_not_read_where_each_part_labels_its_own() -> None:
    text = _EVENT_PLAN.replace(
        "III. NỘI DUNG", "4. Kinh phí: ngân sách tỉnh.\nIV. TỔ CHỨC\n1. Đơn vị chủ trì: Ban Tổ chức Tuần lễ.\nV. NỘI DUNG"
    )
    group = _by_title(text)["Các hoạt động chính"]
    # Two lead labels outside the items: neither speaks for the whole plan, the group gathers its items' roles.
    assert group["lead"] == ["Sở Văn hóa và Thể thao", "Nhà hát Ca múa nhạc tỉnh"]
    assert "Công an tỉnh" not in group["coordinate"]


def test_a_kind_with_words_of_its_own_ends_a_plural_list_of_kinds() -> None:
    partners = _by_title(_EVENT_PLAN)["Lễ khai mạc Tuần lễ Văn hóa"]["coordinate"]
    assert partners == ["Các Đại sứ quán", "tổ chức quốc tế", "các tỉnh, thành phố"]
    partners = _by_title(_EVENT_PLAN)["Chương trình nghệ thuật đường phố"]["coordinate"]
    assert partners == ["các Sở, ngành của tỉnh", "đơn vị liên quan"]


def test_bare_kinds_in_a_list_stay_one_name() -> None:
    from ansinh.documents.parsing.unit_names import split_units

    assert split_units("Các doanh nghiệp, tổ chức, cá nhân có liên quan") == ["Các doanh nghiệp, tổ chức, cá nhân có liên quan"]
    assert split_units("các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ") == ["các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ"]
    assert split_units("các sở, ban, ngành, địa phương có liên quan") == ["các sở, ban, ngành, địa phương có liên quan"]
    # Words that describe the office before them are not another body.
    assert split_units("Đồng chí Phó Chủ tịch Thường trực, phụ trách công tác giám sát") == [
        "Đồng chí Phó Chủ tịch Thường trực, phụ trách công tác giám sát"
    ]


def test_a_list_of_kinds_splits_the_same_without_diacritics() -> None:
    from ansinh.documents.parsing.unit_names import split_units

    assert split_units("Cac Dai su quan, to chuc quoc te, cac tinh, thanh pho") == [
        "Cac Dai su quan", "to chuc quoc te", "cac tinh, thanh pho"
    ]


def test_inline_numbered_points_in_a_row_of_a_table_laid_out_with_spaces_stay_on_their_line() -> None:
    # A PDF text layer lays an annex table out with spaces; a cell listing "(1) …; (2) …; (3) …" is no flattened list,
    # and breaking its row would end the table there (layout_tables reads the columns line by line).
    from ansinh.documents.parsing.unflatten import unflatten_text

    row = (
        "108.  Hoàn thành các nhiệm vụ chuyển đổi số, bảo đảm kết nối dữ liệu,        Bộ Công an,        2025\n"
        "      gồm: (1) Định danh tàu thuyền; (2) Định danh địa điểm; (3) Xây dựng    Bộ Nông nghiệp\n"
        "      sàn việc làm; (4) Sàn giao dịch bất động sản;                          và Môi trường\n"
    )
    assert unflatten_text(row, row) == row
    # Flattened prose keeps getting its items back on their own lines, also where the clean view joined two wrapped
    # lines and left the gap of spaces the line break stood in (the text as given has no gap on one line there).
    flat = "Nhiệm vụ gồm: 1. Rà soát hồ sơ. 2. Cập nhật dữ liệu. 3. Báo cáo kết quả.\n"
    assert unflatten_text(flat, flat).count("\n") > 1
    joined = "Nhiệm vụ gồm: 1. Rà soát hồ sơ.     2. Cập nhật dữ liệu. 3. Báo cáo kết quả.\n"
    wrapped = "Nhiệm vụ gồm: 1. Rà soát hồ sơ.\n    2. Cập nhật dữ liệu. 3. Báo cáo kết quả.\n"
    assert unflatten_text(joined, wrapped).count("\n") > 1


def test_lists_of_names_split_the_same_without_diacritics() -> None:
    from ansinh.documents.parsing.unit_names import split_units

    # "và" before a plural of bodies, communes named after "UBND các xã:", one head shared after "các Bộ:".
    assert split_units("So Ke hoach va Dau tu, cac so, nganh va UBND cac xa lien quan") == [
        "So Ke hoach va Dau tu", "cac so, nganh", "UBND cac xa lien quan"
    ]
    assert split_units("UBND cac xa: Tan Lap, Hoa Binh va don vi tu van") == [
        "UBND xa Tan Lap", "UBND xa Hoa Binh", "don vi tu van"
    ]
    assert split_units("cac Bo: Cong an, Tai chinh va cac co quan lien quan") == [
        "Bo Cong an", "Bo Tai chinh va cac co quan lien quan"
    ]
    # With diacritics a compound ministry name keeps its "và".
    assert split_units("Bộ Văn hóa, Thể thao và Du lịch, Bộ Giáo dục và Đào tạo") == [
        "Bộ Văn hóa, Thể thao và Du lịch", "Bộ Giáo dục và Đào tạo"
    ]


_DECREE = (
    "CHÍNH PHỦ\nSố: 40/2026/NĐ-CP\nNGHỊ ĐỊNH\nQuy định về quản lý người lao động\n\n"
    "Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\nNghị định này quy định về quản lý người lao động.\n"
    "Chương II\nTỔ CHỨC THỰC HIỆN\n"
    "Điều 22. Trách nhiệm của Bộ Nội vụ\n1. Hướng dẫn thực hiện Nghị định này.\n2. Kiểm tra việc thực hiện.\n"
    "Điều 23. Trách nhiệm của Bộ Công an\nPhối hợp quản lý người lao động nước ngoài.\n"
)


def test_a_duty_article_names_its_body_as_lead_with_or_without_diacritics() -> None:
    from ansinh.lib.text import strip_marks

    marked = {t["number"]: t["lead"] for t in _tasks(_DECREE)}
    bare = {t["number"]: t["lead"] for t in _tasks(strip_marks(_DECREE))}
    assert marked["22"] == ["Bộ Nội vụ"] and marked["23"] == ["Bộ Công an"]
    assert bare["22"] == ["Bo Noi vu"] and bare["23"] == ["Bo Cong an"]


def test_a_heading_opening_with_giao_in_giao_duc_is_not_read_as_an_assignment() -> None:
    from ansinh.documents.parsing.subject_leads import _ADDRESS

    assert _ADDRESS.match("Giao Bo Y te chu tri") is not None
    assert _ADDRESS.match("Giáo dục và Đào tạo") is None


def test_an_item_opening_with_its_doer_and_phoi_hop_voi_names_its_partners() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH AN BÌNH\nSố: 66/TB-UBND\nTHÔNG BÁO\n\nKết luận của Chủ tịch UBND tỉnh về xóa nhà tạm\n\n"
        "Sau khi nghe báo cáo, Chủ tịch UBND tỉnh kết luận như sau:\n"
        "1. Sở Tài chính phối hợp với Sở Xây dựng, Ban Dân tộc tỉnh kịp thời tham mưu phân bổ nguồn vốn hỗ trợ.\n"
        "2. Sở Nội vụ hướng dẫn các xã hoàn thiện hồ sơ, phối hợp với Công an tỉnh khi cần.\n"
        "Nay thông báo để các cơ quan biết, thực hiện./.\n"
    )
    tasks = {t["number"]: t for t in _tasks(text)}
    assert tasks["1"]["lead"] == ["Sở Tài chính"]
    assert tasks["1"]["coordinate"] == ["Sở Xây dựng", "Ban Dân tộc tỉnh"]
    # Partners named later in the sentence, not right after the doer, are left to the other rules.
    assert tasks["2"]["lead"] == ["Sở Nội vụ"]


def test_an_objectives_item_opening_the_tasks_part_is_no_task() -> None:
    text = _HEADER + (
        "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Phát triển du lịch biển.\n"
        "II. NỘI DUNG\n"
        "1. Mục tiêu\n- Giai đoạn 2026 - 2027: hình thành 02 mô hình du lịch nghỉ dưỡng biển.\n"
        "2. Nhiệm vụ và giải pháp cụ thể\n"
        "2.1. Quy hoạch và đầu tư hạ tầng du lịch\n- Rà soát các quy hoạch có liên quan.\n"
        "2.2. Phát triển đa dạng sản phẩm du lịch biển\n- Khai thác tài nguyên du lịch biển.\n"
    )
    titles = [t["title"] for t in _tasks(text)]
    assert "Mục tiêu" not in titles
    assert "Quy hoạch và đầu tư hạ tầng du lịch" in titles
    assert "Phát triển đa dạng sản phẩm du lịch biển" in titles


def test_an_annex_listing_the_work_is_read_as_the_tasks_part() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH AN BÌNH\nSố: 45/KH-UBND\nKẾ HOẠCH\nCải cách hành chính năm 2026\n\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao chất lượng phục vụ người dân.\n"
        "II. NHIỆM VỤ\nCác nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này.\n"
        "III. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ theo dõi, đôn đốc thực hiện Kế hoạch.\n"
        "Nơi nhận:\n- Như trên;\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n"
        "PHỤ LỤC\nDANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026\n(Kèm theo Kế hoạch số 45/KH-UBND)\n"
        "1. Rà soát, đơn giản hóa thủ tục hành chính\n- Cơ quan chủ trì: Sở Tư pháp.\n- Thời gian: Quý II/2026.\n"
        "2. Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính\n- Cơ quan chủ trì: Văn phòng UBND tỉnh.\n"
        "- Cơ quan phối hợp: UBND các xã.\n"
    )
    tasks = {t["title"]: t for t in _tasks(text)}
    assert tasks["Rà soát, đơn giản hóa thủ tục hành chính"]["lead"] == ["Sở Tư pháp"]
    assert tasks["Rà soát, đơn giản hóa thủ tục hành chính"]["timeline"] == "Quý II/2026"
    assert tasks["Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính"]["coordinate"] == ["UBND các xã"]
    # An annex that is a form ("ĐỀ CƯƠNG BÁO CÁO") still gives no task.
    form = text.replace("DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026", "ĐỀ CƯƠNG BÁO CÁO KẾT QUẢ")
    assert _tasks(form) == []


def test_a_stacked_table_cell_a_pdf_wrapped_inside_a_bracket_stays_one_cell() -> None:
    # A table written one cell per line, its long first cell wrapped by a PDF inside "(gồm: …)": the lines that go on
    # the open bracket are that cell's, so the row keeps its lead.
    text = (
        "ỦY BAN THƯỜNG VỤ QUỐC HỘI\nSố: 95/2025/UBTVQH15\nNGHỊ QUYẾT\nĐiều chỉnh Chương trình lập pháp năm 2025\n\n"
        "QUYẾT NGHỊ:\nĐiều 1. Phân công cơ quan trình đối với các dự án Luật như sau:\n"
        "STT\nTên dự án\nCơ quan trình\nCơ quan chủ trì thẩm tra\nTiến độ trình\n"
        "1\nLuật sửa đổi, bổ sung một số điều của 05 luật về đất đai (gồm:\n"
        "Luật Đất đai, Luật Quy hoạch, Luật Nhà ở, Luật Kinh doanh bất động sản,\n"
        "Luật Xây dựng)\nChính phủ\nỦy ban Kinh tế và Tài chính\nPhiên họp tháng 9/2025\n"
        "2\nLuật sửa đổi, bổ sung một số điều của Luật Điều ước quốc tế\nChính phủ\n"
        "Ủy ban Quốc phòng, An ninh và Đối ngoại\nPhiên họp tháng 9/2025\n"
        "Điều 2. Hiệu lực thi hành\nNghị quyết này có hiệu lực từ ngày ký.\n"
    )
    tasks = {t["number"]: t for t in _tasks(text)}
    assert tasks["1"]["lead"] == ["Chính phủ"]
    assert tasks["1"]["title"].endswith("Luật Xây dựng)")
    assert tasks["2"]["lead"] == ["Chính phủ"]


def test_a_heading_a_pdf_wrapped_after_a_comma_keeps_its_next_line() -> None:
    # "… thông báo cho các sở,\nChủ tịch Ủy ban nhân dân các xã …" is one sentence: the wrapped line is no paragraph
    # naming a doer, and the body the lead-in names leads the item.
    text = _HEADER + (
        "I. MỤC ĐÍCH, YÊU CẦU\n1. Cắt giảm giấy tờ cho người dân.\n"
        "II. NHIỆM VỤ\n"
        "1. Sở Tư pháp có trách nhiệm:\n"
        "a) Cập nhật kịp thời thông tin trong cơ sở dữ liệu; đồng thời thông báo cho các sở,\n"
        "Chủ tịch Ủy ban nhân dân các xã để rà soát quy trình giải quyết thủ tục hành chính.\n"
        "b) Hướng dẫn các xã kết nối để khai thác cơ sở dữ liệu.\n"
    )
    tasks = {t["number"]: t for t in _tasks(text)}
    assert tasks["1.a"]["lead"] == ["Sở Tư pháp"]


_DIRECTIVE = (
    "ỦY BAN NHÂN DÂN\nTỈNH AN BÌNH\nSố: 09/CT-UBND\nCHỈ THỊ\nVề tổ chức Tết Nguyên đán\n\n"
    "Để nhân dân đón Tết vui tươi, Chủ tịch UBND tỉnh yêu cầu:\n"
    "1. Các sở, ban, ngành, căn cứ theo chức năng, nhiệm vụ, phối hợp với Sở Công Thương, Sở Y tế trong việc "
    "bình ổn giá cả thị trường.\n"
    "2. Công ty Điện lực An Bình, Công ty Cổ phần Xây dựng và Cấp thoát nước tỉnh khẩn trương rà soát kế hoạch "
    "cung ứng điện, nước.\n"
)


def test_a_capitalised_word_that_spells_a_verb_goes_on_a_name() -> None:
    # "Xây dựng" in "Công ty Cổ phần Xây dựng và Cấp thoát nước tỉnh" is part of the name, not the duty's verb.
    tasks = {t["number"]: t for t in _tasks(_DIRECTIVE)}
    assert tasks["2"]["lead"] == ["Công ty Điện lực An Bình", "Công ty Cổ phần Xây dựng và Cấp thoát nước tỉnh"]


def test_the_doers_remit_between_them_and_phoi_hop_voi_is_no_name() -> None:
    tasks = {t["number"]: t for t in _tasks(_DIRECTIVE)}
    assert tasks["1"]["lead"] == ["Các sở, ban, ngành"]
    assert tasks["1"]["coordinate"] == ["Sở Công Thương", "Sở Y tế"]


def test_an_item_number_ocr_read_with_a_comma_opens_the_item_after_a_segmenter_space_too() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH AN BÌNH\nSố: 08/CT-UBND\nCHỈ THỊ\nVề tháo gỡ khó khăn cho các dự án đầu tư\n\n"
        "Chủ tịch UBND tỉnh chỉ thị các sở, ngành thực hiện các nhiệm vụ sau đây:\n\n"
        "1. Sở Tài chính rà soát các dự án chậm tiến độ.\n\n"
        "2. Sở Nông nghiệp và Môi trường giải quyết thủ tục đất đai cho nhà đầu tư.\n\n"
        "3 , Đối với các dự án chậm tiến độ kéo dài, UBND các xã đề xuất thu hồi chủ trương đầu tư.\n"
    )
    numbers = [t["number"] for t in _tasks(text)]
    assert numbers == ["1", "2", "3"]
