"""Issue 10 (lead and partner units, round 17): each rule shown on short texts written for it.

The probe texts are composed here from how Vietnamese plans assign work (Decree 30/2020: "Sở X chủ trì, phối hợp với
Sở Y và các đơn vị liên quan", a partner column listing bodies and kinds of parties), not copied from any corpus document.
"""

from __future__ import annotations

from ansinh.documents.parsing.unit_names import split_units


def test_the_catch_all_after_a_named_body_is_a_party_of_its_own() -> None:
    assert split_units("Sở Tư pháp và các đơn vị liên quan") == ["Sở Tư pháp", "các đơn vị liên quan"]
    assert split_units("Đài Phát thanh và Truyền hình tỉnh và các cơ quan có liên quan") == [
        "Đài Phát thanh và Truyền hình tỉnh",
        "các cơ quan có liên quan",
    ]
    assert split_units("UBND cấp huyện, cấp xã và các đơn vị liên quan") == ["UBND cấp huyện, cấp xã", "các đơn vị liên quan"]
    # OCR reads "và" as "vả": the same two parties.
    assert split_units("Sở Nội vụ vả các cơ quan liên quan") == ["Sở Nội vụ", "các cơ quan liên quan"]


def test_the_catch_all_after_a_plural_goes_on_its_list() -> None:
    assert split_units("Các sở, ngành và các đơn vị liên quan") == ["Các sở, ngành và các đơn vị liên quan"]


def test_a_kind_of_party_after_a_named_body_opens_a_name() -> None:
    assert split_units("Sở Nông nghiệp và Môi trường, Ủy ban nhân dân tỉnh, chủ rừng, cơ quan liên quan") == [
        "Sở Nông nghiệp và Môi trường",
        "Ủy ban nhân dân tỉnh",
        "chủ rừng",
        "cơ quan liên quan",
    ]
    assert split_units("Bộ Tài chính, nhà tài trợ, tổ chức phi chính phủ") == ["Bộ Tài chính", "nhà tài trợ", "tổ chức phi chính phủ"]
    assert split_units("Ngân hàng Chính sách xã hội tỉnh, doanh nghiệp") == ["Ngân hàng Chính sách xã hội tỉnh", "doanh nghiệp"]
    # After such a party a plural "các …" opens a name too, as after a named body.
    assert split_units("Sở Công Thương, doanh nghiệp, các cơ quan liên quan") == ["Sở Công Thương", "doanh nghiệp", "các cơ quan liên quan"]


def test_a_kind_of_place_after_a_named_body_stays_on_its_list() -> None:
    assert split_units("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương") == [
        "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"
    ]
    assert split_units("UBND các huyện, thị xã, đơn vị liên quan") == ["UBND các huyện, thị xã", "đơn vị liên quan"]


def test_a_plural_opened_by_va_or_an_office_keeps_its_kinds() -> None:
    assert split_units("Ban Dân tộc tỉnh và các cơ quan, đơn vị liên quan") == ["Ban Dân tộc tỉnh", "các cơ quan, đơn vị liên quan"]
    assert split_units("Thủ trưởng cơ quan chuyên môn, đơn vị sự nghiệp") == ["Thủ trưởng cơ quan chuyên môn, đơn vị sự nghiệp"]
    assert split_units("Các sở, ngành, đơn vị liên quan") == ["Các sở, ngành, đơn vị liên quan"]


def _units(text: str) -> dict[str, tuple[list[str], list[str]]]:
    from ansinh.documents.parsing import extract_plan
    from ansinh.lib.text import normalize_text

    result = extract_plan(normalize_text(text), "probe")
    return {t["number"]: (t["lead"], t["coordinate"]) for t in result["tasks"]}


_MINISTRY_DIRECTIVE = """BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG
CHỈ THỊ
Về nhiệm vụ trọng tâm năm 2027

Bộ trưởng yêu cầu các cơ quan, đơn vị thực hiện tốt các nhiệm vụ sau đây:

1. Về hoàn thiện thể chế:

Các cục, vụ thuộc Bộ: Rà soát, đề xuất sửa đổi các văn bản quy phạm pháp luật còn chồng chéo. Việc sửa đổi cần bảo đảm
đúng tiến độ được giao.

2. Về chuyển đổi số

a) Vụ Kế hoạch - Tài chính, Cục Chuyển đổi số, Trung tâm Dữ liệu
quốc gia, Tổng công ty Lâm nghiệp Việt Nam và các cơ quan, đơn vị liên quan:
Xây dựng cơ sở dữ liệu ngành trước quý III năm 2027.

b) Học viện Nông nghiệp Việt Nam; Trường Cán bộ quản lý nông nghiệp;
Trường Cao đẳng Cơ điện: Đổi mới chương trình đào tạo theo hướng số hóa.
"""


def test_a_list_of_doers_wrapped_over_lines_before_its_colon() -> None:
    units = _units(_MINISTRY_DIRECTIVE)
    assert units["2.a"][0] == [
        "Vụ Kế hoạch - Tài chính",
        "Cục Chuyển đổi số",
        "Trung tâm Dữ liệu quốc gia",
        "Tổng công ty Lâm nghiệp Việt Nam",
        "các cơ quan, đơn vị liên quan",
    ]
    assert units["2.b"][0] == ["Học viện Nông nghiệp Việt Nam", "Trường Cán bộ quản lý nông nghiệp", "Trường Cao đẳng Cơ điện"]


def test_a_topic_heading_closed_by_a_colon_hands_over_to_the_doers_line() -> None:
    assert _units(_MINISTRY_DIRECTIVE)["1"][0] == ["Các cục, vụ thuộc Bộ"]


_COMMUNE_LETTER = """ỦY BAN NHÂN DÂN XÃ AN PHÚ
CHỈ THỊ
Về triển khai ký số văn bản

Để đẩy mạnh chuyển đổi số, Chủ tịch Ủy ban nhân dân xã yêu cầu:

1. Các cơ quan, đơn vị khẩn trương rà soát danh sách cán bộ được cấp chữ ký số, gửi Văn phòng trước ngày 10/5/2027.

2. Các chi bộ trực thuộc tăng cường sử dụng hệ thống điều hành điện tử trong mọi hoạt động.

3. Các cơ quan, tổ chức, cá nhân được giao quản lý chứng thư số bảo đảm an toàn thông tin.
"""


def test_a_plural_of_kinds_that_opens_the_sentence_is_its_doer() -> None:
    units = _units(_COMMUNE_LETTER)
    assert units["1"][0] == ["Các cơ quan, đơn vị"]
    assert units["2"][0] == ["Các chi bộ trực thuộc"]


def test_a_kind_after_a_comma_is_no_verb_closing_the_subject() -> None:
    # "tổ chức" after "Các cơ quan," is the next kind of the list, not the verb "tổ chức" (to organise).
    assert _units(_COMMUNE_LETTER)["3"][0] == ["Các cơ quan, tổ chức, cá nhân được giao quản lý chứng thư số"]


_REMEDY_PLAN = """ỦY BAN NHÂN DÂN THỊ XÃ BÌNH AN
KẾ HOẠCH
Khắc phục tồn tại sau kiểm tra công tác lưu trữ

I. MỤC ĐÍCH, YÊU CẦU
Khắc phục kịp thời các tồn tại được chỉ ra.

II. NỘI DUNG KHẮC PHỤC
1. Việc lập hồ sơ công việc chưa đầy đủ.
- Nguyên nhân: công chức chưa nắm vững quy định.
- Giải pháp thực hiện:
+ Giao Phòng Nội vụ chủ trì, rà soát danh mục hồ sơ của các phòng, ban.
- Thời gian thực hiện: quý II năm 2027.
2. Việc chỉnh lý tài liệu tồn đọng còn chậm.
- Giải pháp thực hiện:
+ Giao Ban quản lý dự án đầu tư xây dựng thị xã chủ trì, hướng dẫn chỉnh lý tài liệu dự án.
"""


def test_giao_x_chu_tri_then_a_verb_after_a_comma_under_a_list_mark() -> None:
    units = _units(_REMEDY_PLAN)
    assert units["1"][0] == ["Phòng Nội vụ"]


def test_a_verb_inside_the_name_before_chu_tri_comma_does_not_cut_it() -> None:
    # "đầu tư xây dựng" is part of the board's name, not its duty: the clause is left to other readers, never read as "Ban".
    assert "Ban" not in _units(_REMEDY_PLAN)["2"][0]


def test_a_cell_for_both_roles_names_the_lead_first() -> None:
    from ansinh.documents.parsing.table_unit_cells import lead_then_partners

    assert lead_then_partners("Phòng Khảo thí; các khoa; cố vấn học tập") == (["Phòng Khảo thí"], ["các khoa", "cố vấn học tập"])
    assert lead_then_partners("Sở Y tế, Sở Tài chính") == (["Sở Y tế"], ["Sở Tài chính"])
    # Roles the cell states stand as stated.
    assert lead_then_partners("Công an tỉnh (phối hợp); Sở Y tế (chủ trì)") == (["Sở Y tế"], ["Công an tỉnh"])


_SCHEDULE_PLAN = """TRƯỜNG CAO ĐẲNG KỸ THUẬT AN BÌNH
KẾ HOẠCH
Khảo sát sự hài lòng của người học năm 2027

I. MỤC ĐÍCH
Đánh giá mức độ hài lòng của người học.

II. TIẾN ĐỘ THỰC HIỆN
| TT | Nội dung công việc | Thời gian thực hiện | Đơn vị chủ trì/phối hợp |
|---|---|---|---|
| 1 | Ban hành kế hoạch khảo sát và danh sách người học được chọn | Trước ngày 10/4/2027 | Phòng Khảo thí; Phòng Đào tạo |
| 2 | Triển khai khảo sát trực tuyến và đôn đốc người học tham gia | Tháng 5/2027 | Phòng Khảo thí; các khoa; cố vấn học tập |
"""


def test_a_schedule_table_with_one_column_for_both_roles() -> None:
    units = {title[:9]: roles for title, roles in _titled(_SCHEDULE_PLAN).items()}
    assert units["Ban hành "] == (["Phòng Khảo thí"], ["Phòng Đào tạo"])
    assert units["Triển kha"] == (["Phòng Khảo thí"], ["các khoa", "cố vấn học tập"])


def _titled(text: str) -> dict[str, tuple[list[str], list[str]]]:
    from ansinh.documents.parsing import extract_plan
    from ansinh.lib.text import normalize_text

    result = extract_plan(normalize_text(text), "probe")
    return {t["title"]: (t["lead"], t["coordinate"]) for t in result["tasks"]}


def test_two_ministries_run_together_by_a_joined_cell_are_two_names() -> None:
    assert split_units("Bộ Tài chính Bộ Nội vụ") == ["Bộ Tài chính", "Bộ Nội vụ"]
    assert split_units("Sở Xây dựng Sở Công Thương, Công an tỉnh") == ["Sở Xây dựng", "Sở Công Thương", "Công an tỉnh"]
    # A scan's mark left at the break goes with it.
    assert split_units("Bộ Ngoại giao: ˆ Bộ Quốc phòng") == ["Bộ Ngoại giao", "Bộ Quốc phòng"]


def test_a_body_inside_a_ministry_or_a_command_keeps_its_name() -> None:
    assert split_units("Vụ Tổ chức cán bộ Bộ Y tế") == ["Vụ Tổ chức cán bộ Bộ Y tế"]
    assert split_units("Bộ Chỉ huy Bộ đội Biên phòng tỉnh") == ["Bộ Chỉ huy Bộ đội Biên phòng tỉnh"]


_GOVERNMENT_DIRECTIVE = """THỦ TƯỚNG CHÍNH PHỦ
CHỈ THỊ
Về các giải pháp thúc đẩy giải ngân vốn đầu tư công

Thủ tướng Chính phủ yêu cầu:

1. Các bộ, ngành:

a) Bộ Tài chính:

- Chủ trì, phối hợp với Bộ Xây dựng rà soát các dự án chậm giải ngân.

- Thường xuyên kiểm tra tình hình thanh toán vốn tại các địa phương.

- Chủ trì phối hợp với Kiểm toán Nhà nước tổng hợp báo cáo Thủ tướng Chính phủ.

b) Bộ Xây dựng: Hướng dẫn các địa phương tháo gỡ vướng mắc về định mức, đơn giá xây dựng.

2. Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương tập trung đẩy nhanh công tác giải phóng mặt bằng.

3. Bộ Tài chính theo dõi, đôn đốc việc thực hiện Chỉ thị này, báo cáo Thủ tướng Chính phủ hằng tháng.
"""


def test_each_dash_line_chu_tri_phoi_hop_names_more_partners_of_the_item() -> None:
    lead, partners = _units(_GOVERNMENT_DIRECTIVE)["1.a"]
    assert lead == ["Bộ Tài chính"]
    assert partners == ["Bộ Xây dựng", "Kiểm toán Nhà nước"]


def test_a_basis_before_the_address_is_not_the_doer() -> None:
    from ansinh.documents.parsing.clause_units import read_clause
    from ansinh.documents.parsing.clean import fold_same_length

    text = (
        "Trên cơ sở Kế hoạch số 12/KH-UBND của Ủy ban nhân dân tỉnh, đề nghị Ủy ban nhân dân các huyện, thị xã chỉ đạo "
        "các phòng chuyên môn xây dựng kế hoạch điều tra lao động"
    )
    assert read_clause(text, fold_same_length(text).lower()) == (["Ủy ban nhân dân các huyện, thị xã"], [])
    text = "Căn cứ chức năng, nhiệm vụ được giao, Sở Tư pháp hướng dẫn các xã rà soát thủ tục chứng thực"
    assert read_clause(text, fold_same_length(text).lower()) == (["Sở Tư pháp"], [])


def test_forces_named_by_their_branch_are_bodies_of_their_own() -> None:
    assert split_units("Bộ đội biên phòng, Kiểm lâm, Quản lý thị trường") == ["Bộ đội biên phòng", "Kiểm lâm", "Quản lý thị trường"]
    assert split_units("Bộ Quốc phòng, Công an, Quân đội") == ["Bộ Quốc phòng", "Công an", "Quân đội"]
    assert split_units("các lực lượng Công an, Hải quan") == ["các lực lượng Công an", "Hải quan"]


def test_a_kind_named_by_its_work_is_a_partner_whole() -> None:
    from ansinh.documents.parsing.clause_units import read_clause
    from ansinh.documents.parsing.clean import fold_same_length

    text = "Văn phòng Huyện ủy phối hợp các cơ quan tham mưu giúp việc của Huyện ủy, các tổ chức cơ sở đảng chuẩn bị nội dung"
    assert read_clause(text, fold_same_length(text).lower()) == (
        ["Văn phòng Huyện ủy"],
        ["các cơ quan tham mưu giúp việc của Huyện ủy", "các tổ chức cơ sở đảng"],
    )


def test_a_plural_of_kinds_before_its_role_is_the_doer() -> None:
    from ansinh.documents.parsing.clause_units import read_clause
    from ansinh.documents.parsing.clean import fold_same_length

    text = "Các cơ quan tham mưu, giúp việc Huyện ủy phối hợp chuẩn bị báo cáo chính trị."
    assert read_clause(text, fold_same_length(text).lower()) == (["Các cơ quan tham mưu, giúp việc Huyện ủy"], [])
    text = "Các phòng chuyên môn chủ trì, phối hợp với Công an huyện rà soát hồ sơ"
    assert read_clause(text, fold_same_length(text).lower()) == (["Các phòng chuyên môn"], ["Công an huyện"])


_ASSET_LETTER = """ỦY BAN NHÂN DÂN TỈNH AN GIANG
CHỈ THỊ
Về quản lý tài sản kết cấu hạ tầng

Để quản lý chặt chẽ tài sản kết cấu hạ tầng, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:

1. Sở Tài chính chủ trì hướng dẫn việc kê khai tài sản kết cấu hạ tầng.

2. Các sở quản lý chuyên ngành
Giao các sở quản lý chuyên ngành theo lĩnh vực gồm:
- Sở Xây dựng (đối với hạ tầng giao thông, hạ tầng đô thị);
- Sở Y tế (đối với hạ tầng cơ sở khám bệnh, chữa bệnh);
- Ban Quản lý Khu kinh tế (đối với hạ tầng khu kinh tế).
Rà soát, thống kê tài sản thuộc phạm vi quản lý.

3. Ủy ban nhân dân các xã, phường cập nhật dữ liệu tài sản trên địa bàn.
"""


def test_members_listed_after_gom_lead_the_item_named_by_their_kind() -> None:
    assert _units(_ASSET_LETTER)["2"][0] == ["Sở Xây dựng", "Sở Y tế", "Ban Quản lý Khu kinh tế"]
