"""Issue 10, helper plead7 (lead units of tasks the parser finds): each rule on a short text written for it.

The texts are composed from how Vietnamese administrative documents hand out duties (Decree 30/2020), not copied
from any corpus document.
"""

from __future__ import annotations

from ansinh.documents.parsing import extract_plan
from ansinh.lib.text import normalize_text


def _units(text: str) -> dict[str, tuple[list[str], list[str]]]:
    result = extract_plan(normalize_text(text), "probe")
    return {t["number"]: (t["lead"], t["coordinate"]) for t in result["tasks"]}


_LETTER = """ỦY BAN NHÂN DÂN TỈNH KHÁNH BÌNH
Số: 120/UBND-VX
V/v tăng cường phòng, chống dịch bệnh

Kính gửi: Các sở, ngành; UBND các xã, phường.

Để chủ động phòng, chống dịch bệnh, UBND tỉnh chỉ đạo như sau:

1. Giao Sở Y tế

- Tăng cường giám sát, phát hiện sớm ca bệnh tại cộng đồng.

- Chuẩn bị sẵn sàng thuốc, vật tư, trang thiết bị phục vụ điều trị.

2. Đề nghị UBND các xã, phường

- Tuyên truyền để người dân chủ động phòng bệnh.

3. Yêu cầu đối với các cơ sở kinh doanh dịch vụ ăn uống.

3.1. Bảo đảm vệ sinh an toàn thực phẩm theo quy định.

3.2. Niêm yết công khai nguồn gốc thực phẩm.
"""


def test_a_heading_that_only_hands_the_duties_below_to_bodies_names_its_lead() -> None:
    units = _units(_LETTER)
    assert units["1"][0] == ["Sở Y tế"]
    assert units["2"][0] == ["UBND các xã, phường"]
    assert units["3"][0] == ["các cơ sở kinh doanh dịch vụ ăn uống"]


def test_a_heading_that_addresses_bodies_and_goes_on_with_their_duty_is_not_read_as_names_alone() -> None:
    text = _LETTER.replace("2. Đề nghị UBND các xã, phường", "2. Đề nghị các cơ quan, địa phương triển khai thực hiện")
    assert _units(text).get("2", ([], []))[0] != ["các cơ quan, địa phương triển khai thực hiện"]


_RESOLUTION = """BAN CHẤP HÀNH ĐẢNG BỘ TỈNH KHÁNH BÌNH
Số: 15-NQ/TU

NGHỊ QUYẾT
HỘI NGHỊ LẦN THỨ MƯỜI BAN CHẤP HÀNH ĐẢNG BỘ TỈNH

QUYẾT NGHỊ:

1. Thông qua các dự thảo văn kiện trình Đại hội sau đây:

- Báo cáo chính trị của Ban Chấp hành Đảng bộ tỉnh.

- Báo cáo kiểm điểm của Ban Chấp hành Đảng bộ tỉnh.

Giao Ban Thường vụ Tỉnh ủy căn cứ ý kiến thảo luận của Hội nghị để chỉ đạo hoàn thiện các dự thảo văn kiện.

2. Cơ bản thống nhất Đề án sắp xếp tổ chức bộ máy của hệ thống chính trị tỉnh.

Giao Ban Thường vụ Tỉnh ủy chỉ đạo Đảng ủy Ủy ban nhân dân tỉnh: Hoàn thiện Đề án, trình cấp có thẩm quyền.

Giao ban thường vụ các đảng ủy trực thuộc Tỉnh ủy tập trung lãnh đạo xây dựng đề án của địa phương.

3. Thống nhất chủ trương sửa đổi Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh.
"""


def test_an_item_of_a_resolution_is_led_by_the_bodies_its_own_paragraphs_hand_it_to() -> None:
    units = _units(_RESOLUTION)
    assert units["1"][0] == ["Ban Thường vụ Tỉnh ủy"]
    # A verb before the colon: the body before the verb leads, not "… chỉ đạo Đảng ủy …" as one name.
    assert units["2"][0][0] == "Ban Thường vụ Tỉnh ủy"
    assert len(units["2"][0]) == 2 and units["2"][0][1].startswith("ban thường vụ các đảng ủy trực thuộc")
    assert units["3"][0] == []


_SHARED_WORK = """ỦY BAN NHÂN DÂN TỈNH KHÁNH BÌNH
Số: 88/KH-UBND

KẾ HOẠCH
Phát triển các cụm công nghiệp giai đoạn 2026 - 2030

I. MỤC ĐÍCH, YÊU CẦU

Phát triển bền vững các cụm công nghiệp.

II. NỘI DUNG

1. Hoàn thiện hạ tầng các cụm công nghiệp đã thành lập
- Sở Công Thương chủ trì tham mưu hoàn thiện hạ tầng kỹ thuật các cụm công nghiệp.
- Ủy ban nhân dân cấp xã: bố trí vốn hoàn thiện hạ tầng, thu hút nhà đầu tư thứ cấp.
- Sở Tài chính tham mưu cân đối nguồn vốn ngân sách hằng năm.

2. Thu hút đầu tư vào các cụm công nghiệp
- Trung tâm Xúc tiến đầu tư tỉnh tổ chức các hội nghị xúc tiến đầu tư.
- Tăng cường quảng bá hình ảnh các cụm công nghiệp trên các phương tiện thông tin.
"""


def test_each_dash_line_that_opens_with_a_body_adds_a_lead_of_the_item() -> None:
    units = _units(_SHARED_WORK)
    assert units["1"][0] == ["Sở Công Thương", "Ủy ban nhân dân cấp xã", "Sở Tài chính"]
    assert units["2"][0] == ["Trung tâm Xúc tiến đầu tư tỉnh"]


_REMEDY = """ỦY BAN NHÂN DÂN XÃ AN BÌNH
Số: 45/KH-UBND

KẾ HOẠCH
Khắc phục hạn chế sau kiểm tra công tác văn thư, lưu trữ

I. MỤC ĐÍCH, YÊU CẦU

Khắc phục kịp thời các hạn chế đã được Đoàn kiểm tra chỉ ra.

II. NỘI DUNG HẠN CHẾ VÀ BIỆN PHÁP KHẮC PHỤC

1. Việc lưu trữ hồ sơ công việc còn chậm, chưa đúng quy định.

- Nguyên nhân: công chức kiêm nhiệm nhiều việc.

- Biện pháp: lập danh mục hồ sơ lưu trữ theo từng năm.

- Thời gian thực hiện: Đã khắc phục xong từ tháng 6/2024; giao Văn
phòng HĐND và UBND xã chủ trì tham mưu duy trì thực hiện.

2. Việc sao chụp tài liệu chưa mở sổ theo dõi.

- Biện pháp: mở sổ theo dõi theo mẫu.

- Thời gian thực hiện: trong quý III năm 2024; giao Công an xã chủ trì hướng dẫn thực hiện.
"""


def test_a_clause_giao_x_chu_tri_hands_the_item_to_x_wherever_it_stands() -> None:
    units = _units(_REMEDY)
    assert units["1"][0] == ["Văn phòng HĐND và UBND xã"]
    assert units["2"][0] == ["Công an xã"]


_COMMUNE_PLAN = """ỦY BAN NHÂN DÂN PHƯỜNG AN HÒA
Số: 30/KH-UBND

KẾ HOẠCH
Thực hiện công tác phổ biến, giáo dục pháp luật năm 2026

I. MỤC ĐÍCH, YÊU CẦU

Nâng cao hiệu quả công tác phổ biến, giáo dục pháp luật.

II. NHIỆM VỤ

1. Xây dựng, ban hành kế hoạch triển khai và văn bản hướng dẫn
- Bộ phận tham mưu: bộ phận Văn hóa - Xã hội.
- Bộ phận phối hợp: Các ban, ngành, đoàn thể có liên quan.
- Thời gian thực hiện: Quý I năm 2026.
2. Tổ chức tập huấn cho đội ngũ báo cáo viên, tuyên truyền viên
- Bộ phận chủ trì: Công an phường.
- Thời gian thực hiện: Quý II năm 2026.
"""


def test_a_bo_phan_tham_muu_label_names_the_lead_as_co_quan_tham_muu_does() -> None:
    units = _units(_COMMUNE_PLAN)
    assert units["1"][0] == ["bộ phận Văn hóa - Xã hội"]
    assert units["2"][0] == ["Công an phường"]


_NOTICE = """ỦY BAN NHÂN DÂN TỈNH KHÁNH BÌNH
Số: 12/TB-UBND

THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh tại cuộc họp về phương án sắp xếp trụ sở

Sau khi nghe Sở Nội vụ báo cáo và ý kiến của các đại biểu dự họp, Chủ tịch UBND tỉnh kết luận như sau:

1. Thống nhất chủ trương sắp xếp trụ sở làm việc của các cơ quan cấp tỉnh.

2. Giao Sở Nội vụ tiếp thu các ý kiến tại cuộc họp, chủ trì, phối hợp với Sở Tài chính hoàn thiện phương án, trình UBND tỉnh trước ngày 15/3/2026.
"""


def test_the_doer_before_chu_tri_ends_at_its_first_verb() -> None:
    assert _units(_NOTICE)["2"] == (["Sở Nội vụ"], ["Sở Tài chính"])


_DECREE = """CHÍNH PHỦ
Số: 99/2026/NĐ-CP

NGHỊ ĐỊNH
Quy định về hợp đồng điện tử trong lĩnh vực dịch vụ công

Chương III
TRÁCH NHIỆM THI HÀNH

Điều 12. Trách nhiệm của Nhà cung cấp dịch vụ chứng thực hợp đồng điện tử
1. Bảo đảm hệ thống hoạt động liên tục, an toàn.
2. Lưu trữ dữ liệu hợp đồng điện tử theo quy định.

Điều 13. Trách nhiệm của Bộ Công Thương
1. Hướng dẫn, kiểm tra việc thực hiện Nghị định này.
"""


def test_an_article_on_the_duties_of_a_supplier_is_led_by_that_supplier() -> None:
    units = _units(_DECREE)
    assert units["12"][0] == ["Nhà cung cấp dịch vụ chứng thực hợp đồng điện tử"]
    assert units["13"][0] == ["Bộ Công Thương"]


def test_a_bare_place_kind_goes_on_the_list_of_the_named_body_after_va() -> None:
    from ansinh.documents.parsing.unit_names import split_units

    assert split_units("các đơn vị lực lượng vũ trang tỉnh và UBND các huyện, thành phố") == [
        "các đơn vị lực lượng vũ trang tỉnh",
        "UBND các huyện, thành phố",
    ]
    assert split_units("các sở, ngành và UBND các xã, phường") == ["các sở, ngành", "UBND các xã, phường"]


_CLOSING = """ỦY BAN NHÂN DÂN TỈNH KHÁNH BÌNH
Số: 210/UBND-NC
V/v triển khai dịch vụ cai nghiện tại cộng đồng

Kính gửi: Các sở, ngành; UBND các xã, phường.

Để triển khai dịch vụ cai nghiện ma túy tại cộng đồng, UBND tỉnh chỉ đạo như sau:

1. Giao Công an tỉnh tổ chức thẩm định hồ sơ đăng ký của các đơn vị cung cấp dịch vụ.
2. Giao Sở Tài chính tham mưu bố trí kinh phí cho các đơn vị được lựa chọn.
Yêu cầu các sở, ngành và Ủy ban nhân dân các xã, phường tổ chức thực hiện tốt các nội dung trên./.
"""


def test_the_closing_charge_that_points_at_the_whole_letter_assigns_no_item() -> None:
    assert _units(_CLOSING)["2"][0] == ["Sở Tài chính"]


_CONCLUSION = """ỦY BAN NHÂN DÂN TỈNH KHÁNH BÌNH
Số: 44/TB-UBND

THÔNG BÁO
Kết luận của Phó Chủ tịch UBND tỉnh tại cuộc họp về dự án dữ liệu dùng chung

Sau khi nghe Sở Khoa học và Công nghệ báo cáo và ý kiến của các đại biểu, Phó Chủ tịch UBND tỉnh kết luận như sau:

1. Đối với triển khai dự án dữ liệu dùng chung
a) Yêu cầu Sở Khoa học và Công nghệ khẩn trương hoàn thiện hồ sơ dự án, bảo đảm tiến độ. Sở Khoa học và Công nghệ chịu trách nhiệm xác định khối lượng; Sở Tài chính chịu trách nhiệm thẩm định dự toán kinh phí; trình UBND tỉnh phê duyệt đúng thời gian quy định.
b) Giao Sở Nội vụ tổng hợp kết quả thực hiện, báo cáo UBND tỉnh.

2. Đối với ứng dụng trí tuệ nhân tạo
a) Giao Sở Khoa học và Công nghệ chủ trì xây dựng đề án ứng dụng trí tuệ nhân tạo.
b) Giao Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện.
"""


def test_a_later_sentence_of_a_point_whose_named_body_has_trach_nhiem_adds_a_lead() -> None:
    units = _units(_CONCLUSION)
    assert units["1.a"][0] == ["Sở Khoa học và Công nghệ", "Sở Tài chính"]
    assert units["2.b"][0] == ["Văn phòng UBND tỉnh"]
