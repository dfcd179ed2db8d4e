"""Rules of helper ptask18 (round 18): how assigning sentences and lists of doers are built, one made-up text each."""

from __future__ import annotations

from typing import Any

from ansinh.documents.parsing import extract_plan


def _plan(text: str) -> dict[str, Any]:
    result: dict[str, Any] = extract_plan(text, "vi-du")
    return result


def _task(result: dict[str, Any], number: str) -> dict[str, Any]:
    return next(t for t in result["tasks"] if t["number"] == number)


_CONGRESS = (
    "ĐẢNG BỘ TỈNH HÒA LAM\n"
    "ĐẢNG CỘNG SẢN VIỆT NAM\n"
    "Số 01-NQ/ĐH Hòa Lam, ngày 12 tháng 10 năm 2025\n\n"
    "NGHỊ QUYẾT\n"
    "ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ TỈNH HÒA LAM LẦN THỨ XV\n\n"
    "QUYẾT NGHỊ:\n"
    "I- Thông qua Báo cáo chính trị của Ban Chấp hành Đảng bộ tỉnh khoá XIV trình Đại hội.\n\n"
    "II- Thông qua Báo cáo kiểm điểm của Ban Chấp hành Đảng bộ tỉnh khoá XIV nhiệm kỳ 2020 - 2025. "
    "Giao Ban Chấp hành Đảng bộ tỉnh khoá XV tiếp thu ý kiến của Đại hội, phát huy ưu điểm, khắc phục hạn chế "
    "trong nhiệm kỳ tới.\n\n"
    "III- Ban Chấp hành Đảng bộ tỉnh khoá XV và các cấp uỷ, tổ chức đảng lãnh đạo, chỉ đạo tổ chức thực hiện "
    "thắng lợi Nghị quyết Đại hội.\n"
)


def test_a_paragraph_that_adopts_a_report_and_then_hands_it_over_is_led_by_the_body_it_addresses() -> None:
    # "II- Thông qua Báo cáo …. Giao Ban Chấp hành … tiếp thu …": the address opens the second sentence of the heading.
    task = _task(_plan(_CONGRESS), "II")
    assert task["lead"] == ["Ban Chấp hành Đảng bộ tỉnh khoá XV"]


def test_tổ_chức_đảng_after_a_comma_in_the_list_of_doers_is_a_kind_of_body_not_the_verb() -> None:
    # "Ban Chấp hành … và các cấp uỷ, tổ chức đảng lãnh đạo …": "tổ chức đảng" goes on the list, "lãnh đạo" is the duty.
    task = _task(_plan(_CONGRESS), "III")
    assert task["lead"][0] == "Ban Chấp hành Đảng bộ tỉnh khoá XV"
    assert any("tổ chức đảng" in name for name in task["lead"])


_PLAN = (
    "ỦY BAN NHÂN DÂN\n"
    "TỈNH HÒA LAM\n"
    "Số: 15/KH-UBND Hòa Lam, ngày 3 tháng 2 năm 2026\n\n"
    "KẾ HOẠCH\n"
    "Thực hiện chuyển đổi số năm 2026\n\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n"
    "1. Mục đích\n"
    "Nâng cao hiệu quả quản lý.\n\n"
    "II. NHIỆM VỤ, GIẢI PHÁP\n"
)
_CLOSING = "\n\nIII. TỔ CHỨC THỰC HIỆN\nCác sở, ngành triển khai thực hiện.\n"


def _item(body: str) -> dict[str, Any]:
    return _task(_plan(_PLAN + body + _CLOSING), "1")


def test_a_request_to_bodies_that_act_nghiêm_túc_names_them_as_the_lead() -> None:
    # "Yêu cầu X nghiêm túc, quyết liệt …": "nghiêm túc" opens the duty, as "khẩn trương" or "tập trung" does.
    task = _item("1. Yêu cầu các phòng chuyên môn, đơn vị sự nghiệp thuộc huyện nghiêm túc, quyết liệt triển khai "
                 "phần mềm quản lý văn bản.\n")
    assert task["lead"][0].startswith("các phòng chuyên môn")
    assert any(name.endswith("đơn vị sự nghiệp thuộc huyện") for name in task["lead"])


def test_how_closely_partners_work_with_the_lead_is_not_part_of_their_name() -> None:
    # "X chủ trì, phối hợp chặt chẽ với Y": "chặt chẽ" (or "tốt") says how, Y is the partner.
    task = _item("1. Rà soát hạ tầng mạng nội bộ\nSở Khoa học và Công nghệ chủ trì, phối hợp chặt chẽ với Công an tỉnh, "
                 "Sở Tài chính rà soát hạ tầng mạng.\n")
    assert task["lead"] == ["Sở Khoa học và Công nghệ"]
    assert task["coordinate"] == ["Công an tỉnh", "Sở Tài chính"]
    task = _item("1. Rà soát hạ tầng mạng nội bộ (Sở Khoa học và Công nghệ chủ trì, phối hợp tốt với Công an tỉnh).\n")
    assert task["coordinate"] == ["Công an tỉnh"]
    task = _item("1. Rà soát hạ tầng mạng nội bộ\n- Đơn vị thực hiện: Sở Khoa học và Công nghệ chủ trì, phối hợp chặt chẽ "
                 "với Công an tỉnh.\n")
    assert task["coordinate"] == ["Công an tỉnh"]


def test_a_shared_head_stops_at_a_body_of_another_kind_in_the_list() -> None:
    # "các Sở: Nội vụ, Tài chính, Ban Dân tộc tỉnh, Công an tỉnh": "Sở" goes on the names after the colon only up to
    # the first body that carries its own kind ("Ban …", "Công an tỉnh", "Công ty …").
    task = _item("1. Rà soát hạ tầng mạng nội bộ\nSở Khoa học và Công nghệ chủ trì, phối hợp với các Sở: Nội vụ, Tài chính, "
                 "Ban Dân tộc tỉnh, Công an tỉnh rà soát hạ tầng mạng.\n")
    assert task["coordinate"] == ["Sở Nội vụ", "Sở Tài chính", "Ban Dân tộc tỉnh", "Công an tỉnh"]



def test_a_dashed_body_name_broken_at_its_dash_by_the_line_end_opens_no_dash_item() -> None:
    # "… của Bộ Lao động" / "– Thương binh và Xã hội, đề nghị UBND các huyện …": the dash line carries the name on; read as
    # a dash item it would cut the item's sentence before the bodies it addresses.
    text = (_PLAN + "1. Trên cơ sở Thông tư số 05/2026/TT-BLĐTBXH ngày 10/3/2026 của Bộ Lao động\n"
            "– Thương binh và Xã hội, đề nghị Ủy ban nhân dân các huyện, thị xã, thành phố chỉ đạo các phòng chuyên môn "
            "xây dựng kế hoạch điều tra lao động.\n" + _CLOSING)
    task = _task(_plan(text), "1")
    assert task["lead"] == ["Ủy ban nhân dân các huyện, thị xã, thành phố"]


def test_a_later_duty_of_the_addressed_body_that_leads_with_partners_gives_them() -> None:
    # "Giao X: (i) Nghiên cứu …; (ii) Chủ trì, phối hợp với Y, Z hướng dẫn …": X's second duty names its partners.
    task = _item("1. Về phát triển hạ tầng số\n- Giao Sở Khoa học và Công nghệ: (i) Nghiên cứu kiến nghị của các huyện về "
                 "hạ tầng; (ii) Chủ trì, phối hợp với Sở Tài chính, Sở Nội vụ hướng dẫn các huyện xây dựng trung tâm dữ liệu.\n")
    assert task["lead"] == ["Sở Khoa học và Công nghệ"]
    assert task["coordinate"] == ["Sở Tài chính", "Sở Nội vụ"]


def test_each_doer_named_by_a_dash_line_brings_the_partners_its_line_names() -> None:
    # The item's work shared among its doers, one dash line each; the second doer's line goes on "…; Chủ trì, phối hợp
    # với Y …": Y is a partner of the item.
    task = _item("1. Hoàn thiện hạ tầng các cụm công nghiệp\n"
                 "- Sở Công Thương tập trung hoàn thiện quy hoạch các cụm công nghiệp.\n"
                 "- Ủy ban nhân dân cấp xã: đầu tư hạ tầng kỹ thuật các cụm công nghiệp; chủ trì, phối hợp với Sở Xây dựng "
                 "tổ chức giải phóng mặt bằng.\n")
    assert task["lead"] == ["Sở Công Thương", "Ủy ban nhân dân cấp xã"]
    assert task["coordinate"] == ["Sở Xây dựng"]


def test_triệu_tập_ends_the_partners_as_a_verb_of_the_duty() -> None:
    task = _item("1. Tổ chức hội nghị cử tri\n"
                 "- Ban Thường trực Ủy ban Mặt trận Tổ quốc xã chủ trì hội nghị.\n"
                 "- Ban Thường trực Ủy ban Mặt trận Tổ quốc xã phối hợp với Ủy ban nhân dân xã triệu tập (gửi giấy mời) "
                 "cử tri dự hội nghị.\n")
    assert task["coordinate"] == ["Ủy ban nhân dân xã"]


def test_an_unassigned_item_whose_later_sentence_opens_with_the_doer_is_led_by_it() -> None:
    # A conclusion's point: "Thống nhất chủ trương …. Sở X hoàn thiện hồ sơ, trình …": the second sentence names who acts.
    task = _item("1. Về trung tâm dữ liệu của tỉnh\nThống nhất chủ trương xây dựng trung tâm dữ liệu dùng chung. "
                 "Sở Khoa học và Công nghệ hoàn thiện hồ sơ, trình Ủy ban nhân dân tỉnh trong tháng 6/2026.\n")
    assert task["lead"] == ["Sở Khoa học và Công nghệ"]
    # A programme's line under its dashed content: "- Nghị quyết về …" then "Văn phòng Đảng ủy tham mưu, trình …".
    task = _item("1. Quý IV năm 2026\n- Nghị quyết về nâng cao chất lượng sinh hoạt chi bộ.\n"
                 "Văn phòng Đảng ủy tham mưu, trình trong tháng 12/2026.\n")
    assert task["lead"] == ["Văn phòng Đảng ủy"]


def test_giao_nhiệm_vụ_cho_and_giao_trách_nhiệm_cho_address_the_doer() -> None:
    # "Giao nhiệm vụ cho X …", "Giao trách nhiệm cho X …" hand the work over as "Giao X …" does, in the heading or in a
    # later sentence of the item; the partners it names come with it.
    task = _item("1. Rà soát hạ tầng mạng nội bộ. Giao nhiệm vụ cho Sở Khoa học và Công nghệ phối hợp tốt với Công an tỉnh "
                 "triển khai rà soát.\n")
    assert task["lead"] == ["Sở Khoa học và Công nghệ"]
    assert task["coordinate"] == ["Công an tỉnh"]
    task = _item("1. Giao trách nhiệm cho Sở Nội vụ tổ chức tập huấn kỹ năng số cho công chức.\n")
    assert task["lead"] == ["Sở Nội vụ"]


def test_a_generic_doer_bound_by_phải_after_when_its_duty_applies_leads() -> None:
    # "Các đoàn công tác trong quá trình làm việc tại cơ sở phải lập biên bản …": "trong quá trình …" says when, not
    # who; "phải" binds the bodies named before it, as "có trách nhiệm" does.
    task = _item("1. Các đoàn công tác liên ngành trong quá trình làm việc tại cơ sở phải lập biên bản, ghi nhận đầy đủ "
                 "các vi phạm.\n")
    assert task["lead"] == ["Các đoàn công tác liên ngành"]


def test_a_closing_aside_that_hands_the_item_over_is_read_before_a_name_that_opens_a_wrapped_line() -> None:
    # "1. Kiểm tra việc thực hiện Kết luận của" / "Ban Thường vụ Tỉnh ủy tại các chi bộ (Giao Ban Xây dựng Đảng chủ trì,
    # tham mưu trong quý II/2026).": the aside names the doer; the body opening the wrapped line is the text's author.
    task = _item("1. Kiểm tra việc thực hiện Kết luận của\n"
                 "Ban Thường vụ Tỉnh ủy tại các chi bộ (Giao Ban Xây dựng Đảng chủ trì, tham mưu trong quý II/2026).\n")
    assert task["lead"] == ["Ban Xây dựng Đảng"]
    # The aside may run over two lines.
    task = _item("1. Giám sát việc thực hiện Chỉ thị số 05-CT/TU về phát triển du lịch cộng đồng (Giao Hội đồng nhân dân xã\n"
                 "chủ trì, phối hợp với Ủy ban Mặt trận Tổ quốc xã tham mưu trong quý I/2026).\n")
    assert task["lead"] == ["Hội đồng nhân dân xã"]
    assert task["coordinate"] == ["Ủy ban Mặt trận Tổ quốc xã"]


def test_investors_named_after_a_plural_of_public_bodies_are_a_partner_of_their_own() -> None:
    # "phối hợp với các sở, ban ngành, nhà đầu tư hạ tầng khu công nghiệp": the investors are no kind of the sở's list.
    task = _item("1. Giải phóng mặt bằng các cụm công nghiệp\nỦy ban nhân dân cấp xã chủ trì, phối hợp với các sở, ban ngành, "
                 "nhà đầu tư hạ tầng cụm công nghiệp tổ chức giải phóng mặt bằng.\n")
    assert task["coordinate"] == ["các sở, ban ngành", "nhà đầu tư hạ tầng cụm công nghiệp"]


def test_a_shared_head_without_a_colon_goes_on_every_name_of_its_list() -> None:
    # "phối hợp với các Sở Tài chính, Nội vụ, Tư pháp": "Sở" is shared as in "các Sở: Tài chính, Nội vụ, Tư pháp".
    task = _item("1. Rà soát hạ tầng mạng nội bộ\nSở Khoa học và Công nghệ chủ trì, phối hợp với các Sở Tài chính, Nội vụ, "
                 "Tư pháp rà soát hạ tầng mạng.\n")
    assert task["coordinate"] == ["Sở Tài chính", "Sở Nội vụ", "Sở Tư pháp"]


def test_a_capitalised_verb_word_in_a_shared_head_list_is_a_name_of_the_list() -> None:
    # "các Sở Tài chính, Nội vụ, Xây dựng rà soát …": "Xây dựng" (capitalised) names Sở Xây dựng; "rà soát" opens the duty.
    task = _item("1. Rà soát hạ tầng mạng nội bộ\nSở Khoa học và Công nghệ chủ trì, phối hợp với các Sở Tài chính, Nội vụ, "
                 "Xây dựng rà soát hạ tầng mạng.\n")
    assert task["coordinate"] == ["Sở Tài chính", "Sở Nội vụ", "Sở Xây dựng"]
