"""Issue 10 (lead and partner units): each rule shown on a short text written for it.

The texts are composed here from how Vietnamese administrative documents are built (Decree 30/2020: plans,
conclusion notices, resolutions), not copied from any corpus document.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan
from ansinh.documents.parsing.clause_units import read_clause
from ansinh.documents.parsing.clean import fold_same_length
from ansinh.documents.parsing.unit_names import split_units
from ansinh.lib.text import normalize_text
from tests.sizes import size


def _units(text: str) -> dict[str, tuple[list[str], list[str]]]:
    result = extract_plan(normalize_text(text), "probe")
    return {t["number"]: (t["lead"], t["coordinate"]) for t in result["tasks"]}


def _clause(text: str) -> tuple[list[str], list[str]] | None:
    return read_clause(text, fold_same_length(text).lower())


# --- names -----------------------------------------------------------------------------------------------------


def test_a_named_body_and_a_plural_one_joined_by_va_are_two_names() -> None:
    assert split_units("Sở Y tế và Ủy ban nhân dân các xã, phường") == ["Sở Y tế", "Ủy ban nhân dân các xã, phường"]
    assert split_units("các sở, ngành và UBND các phường liên quan") == ["các sở, ngành", "UBND các phường liên quan"]
    assert split_units("Công an tỉnh và các sở, ban, ngành, địa phương") == ["Công an tỉnh", "các sở, ban, ngành, địa phương"]
    assert split_units("Hội Cựu chiến binh và các đoàn thể") == ["Hội Cựu chiến binh", "các đoàn thể"]


def test_a_joint_office_and_a_compound_ministry_stay_one_name() -> None:
    assert split_units("Văn phòng HĐND và UBND xã") == ["Văn phòng HĐND và UBND xã"]
    assert split_units("Bộ Giáo dục và Đào tạo") == ["Bộ Giáo dục và Đào tạo"]
    # pcoord17: the catch-all after a named body is a party of its own (see test_parsing_pcoord17_rules).
    assert split_units("Sở Tư pháp và các cơ quan liên quan") == ["Sở Tư pháp", "các cơ quan liên quan"]
    assert split_units("Bộ Văn hóa, Thể thao và Du lịch và các bộ, ngành, địa phương") == [
        "Bộ Văn hóa, Thể thao và Du lịch",
        "các bộ, ngành, địa phương",
    ]


def test_communes_listed_after_a_colon_are_one_body_each() -> None:
    assert split_units("UBND các xã: Tân Lập, Hòa Bình, Suối Đá và đơn vị tư vấn") == [
        "UBND xã Tân Lập",
        "UBND xã Hòa Bình",
        "UBND xã Suối Đá",
        "đơn vị tư vấn",
    ]
    assert split_units("Sở Xây dựng, Ủy ban nhân dân các phường: An Phú, Long Bình") == [
        "Sở Xây dựng",
        "Ủy ban nhân dân phường An Phú",
        "Ủy ban nhân dân phường Long Bình",
    ]


def test_parts_of_a_council_named_once_at_the_end_each_take_its_name() -> None:
    assert split_units("Thường trực, các ban và các tổ đại biểu Hội đồng nhân dân huyện") == [
        "Thường trực Hội đồng nhân dân huyện",
        "các ban Hội đồng nhân dân huyện",
        "các tổ đại biểu Hội đồng nhân dân huyện",
    ]


_SINGLE = st.sampled_from(
    ["Sở Y tế", "Công an tỉnh", "Sở Tài chính", "Bảo hiểm xã hội tỉnh", "Hội Nông dân tỉnh", "Văn phòng HĐND và UBND xã",
     "Sở Giáo dục và Đào tạo", "Sở Văn hóa, Thể thao và Du lịch", "Nhà đầu tư", "Ban Quản lý dự án số 2"]
)
_PLURAL = st.sampled_from(["các sở, ban, ngành", "các đoàn thể", "UBND các xã, phường", "các tổ chức thành viên"])


@settings(max_examples=size(40, 60), deadline=None)
@given(st.lists(_SINGLE, min_size=1, max_size=4, unique=True), st.one_of(st.none(), _PLURAL))
def test_a_list_of_bodies_splits_back_into_its_names(names: list[str], plural: str | None) -> None:
    text = ", ".join(names) + (f" và {plural}" if plural else "")
    assert split_units(text) == names + ([plural] if plural else [])


# --- the clause that opens a duty ---------------------------------------------------------------------------------


def test_a_topic_label_before_an_addressed_clause_is_skipped() -> None:
    assert _clause("Về tiến độ giải ngân vốn đầu tư công năm nay: Đề nghị Nhà đầu tư phải rà soát hồ sơ") == (["Nhà đầu tư"], [])
    assert _clause("Điều chỉnh tiến độ cấp vốn: Giao Ban Quản lý dự án số 2 chủ trì, phối hợp với Nhà đầu tư để rà soát") == (
        ["Ban Quản lý dự án số 2"],
        ["Nhà đầu tư"],
    )


def test_a_label_naming_a_body_or_addressing_one_gives_the_lead() -> None:
    assert _clause("Sở Xây dựng: Tiếp tục duy trì họp giao ban") == (["Sở Xây dựng"], [])
    assert _clause("Đối với Nhà đầu tư dự án đường tỉnh: Khẩn trương nộp hồ sơ") == (["Nhà đầu tư dự án đường tỉnh"], [])
    assert _clause("Giao UBND các xã: Tân Lập, Hòa Bình:") == (["UBND xã Tân Lập", "UBND xã Hòa Bình"], [])
    assert _clause("Đối với việc lập hồ sơ đề xuất: Khẩn trương hoàn thiện") is None


def test_a_body_whose_name_holds_a_lower_case_verb_ends_at_the_role_cue() -> None:
    lead, partners = _clause("Ban Quản lý dự án đầu tư xây dựng số 1 chủ trì, phối hợp Sở Tài chính rà soát kế hoạch vốn") or ([], [])
    assert lead == ["Ban Quản lý dự án đầu tư xây dựng số 1"]
    assert partners == ["Sở Tài chính"]


NOTICE = """ỦY BAN NHÂN DÂN
TỈNH BÌNH AN
Số: 88/TB-VP
THÔNG BÁO
Kết luận của Phó Chủ tịch UBND tỉnh tại buổi làm việc về tiến độ dự án đường tỉnh 741

I. Đánh giá chung
Tiến độ giải phóng mặt bằng còn chậm.
II. Nhiệm vụ trong thời gian tới
1. Về hồ sơ điều chỉnh dự án đầu tư theo quy mô mới: Đề nghị Chủ đầu tư hoàn thiện hồ sơ, gửi Sở Xây dựng trước ngày 15/5.
2. Về kế hoạch vốn: Giao Ban Quản lý dự án số 2 chủ trì, phối hợp với Sở Tài chính để rà soát nhu cầu vốn.
3. Giao UBND các xã: Tân Lập, Hòa Bình:
- Đẩy nhanh chi trả bồi thường cho người dân.
- Bàn giao mặt bằng trong tháng 6.
4. Sở Nông nghiệp và Môi trường: Hướng dẫn thủ tục chuyển mục đích sử dụng đất.
5. Về báo cáo đánh giá tác động môi trường:
Đề nghị Chủ đầu tư nộp báo cáo trong tháng 5.
Giao Sở Nông nghiệp và Môi trường có trách nhiệm thẩm định báo cáo do Chủ đầu tư nộp.
Trân trọng thông báo./.
"""


def test_a_conclusion_notice_gives_each_point_its_addressed_bodies() -> None:
    units = _units(NOTICE)
    assert units["1"][0] == ["Chủ đầu tư"]
    assert units["2"] == (["Ban Quản lý dự án số 2"], ["Sở Tài chính"])
    assert units["3"][0] == ["UBND xã Tân Lập", "UBND xã Hòa Bình"]
    assert units["4"][0] == ["Sở Nông nghiệp và Môi trường"]
    assert units["5"][0] == ["Chủ đầu tư", "Sở Nông nghiệp và Môi trường"]


def test_partners_of_a_subjectless_duty_end_where_it_reports() -> None:
    text = """ỦY BAN NHÂN DÂN TỈNH BÌNH AN
Số: 5/QĐ-UBND
QUYẾT ĐỊNH
Điều 3. Tổ chức thực hiện
1. Sở Tài chính:
a) Chủ trì, phối hợp với các sở, ngành và Ngân hàng Chính sách xã hội báo cáo UBND tỉnh các vướng mắc phát sinh.
"""
    result = extract_plan(normalize_text(text), "probe")
    assert [t["coordinate"] for t in result["tasks"] if t["number"] == "1.a"] == [["các sở, ngành", "Ngân hàng Chính sách xã hội"]]


INSPECTION = """ỦY BAN NHÂN DÂN
TỈNH BÌNH AN
Số: 12/KH-UBND
KẾ HOẠCH
Kiểm tra công tác chuyển đổi số năm 2026

I. MỤC ĐÍCH, YÊU CẦU
Đánh giá đúng thực chất kết quả chuyển đổi số.
II. NỘI DUNG KIỂM TRA
1. Công tác chỉ đạo, điều hành
a) Việc ban hành kế hoạch chuyển đổi số của cơ quan.
b) Việc bố trí nguồn lực thực hiện.
2. Hạ tầng số
a) Việc trang bị thiết bị cho cán bộ, công chức.
b) Việc bảo đảm an toàn thông tin.
III. ĐOÀN KIỂM TRA
Chủ tịch UBND tỉnh giao Sở Khoa học và Công nghệ chủ trì, phối hợp với Văn phòng UBND tỉnh tổ chức kiểm tra tại các cơ quan.
IV. TỔ CHỨC THỰC HIỆN
Các cơ quan được kiểm tra chuẩn bị báo cáo theo đề cương.
"""


def test_an_inspection_plan_gives_its_declared_doer_to_the_contents_that_name_none() -> None:
    units = _units(INSPECTION)
    assert units["1"] == (["Sở Khoa học và Công nghệ"], ["Văn phòng UBND tỉnh"])
    assert units["2.b"][0] == ["Sở Khoa học và Công nghệ"]


RESPONSIBILITIES = """ỦY BAN NHÂN DÂN
TỈNH BÌNH AN
Số: 30/KH-UBND
KẾ HOẠCH
Nâng cao chỉ số cải cách hành chính năm 2026

I. NHIỆM VỤ, GIẢI PHÁP
1. Cải cách thủ tục hành chính
Sở Tư pháp chủ trì, phối hợp với các sở, ngành rà soát thủ tục hành chính.
2. Trách nhiệm của các sở, ban, ngành, UBND các xã, phường
a) Khi có kết quả chỉ số, giao Sở Nội vụ chủ trì cùng với các đơn vị phân tích từng chỉ số thành phần.
b) Quán triệt cán bộ, công chức thực hiện nghiêm kỷ luật hành chính.
II. TỔ CHỨC THỰC HIỆN
Các cơ quan báo cáo kết quả trước ngày 15/12/2026.
"""


def test_a_heading_naming_whose_duties_follow_and_a_hand_over_inside_a_sentence_give_the_units() -> None:
    units = _units(RESPONSIBILITIES)
    assert units["2"][0] == ["các sở, ban, ngành", "UBND các xã, phường"]
    assert units["2.a"] == (["Sở Nội vụ"], ["các đơn vị"])


def test_office_holders_named_as_a_heading_lead_the_points_below() -> None:
    text = """ỦY BAN NHÂN DÂN TỈNH BÌNH AN
Số: 70/UBND-NC
V/v nhân rộng mô hình cải cách hành chính
1. Thủ trưởng các cơ quan chuyên môn thuộc UBND tỉnh, Trưởng Ban Quản lý các khu kinh tế và Chủ tịch UBND các xã, phường, đặc khu
a) Chủ động nhân rộng các mô hình cải cách hành chính phù hợp.
b) Tập trung giải quyết hồ sơ đúng hạn.
2. Văn phòng UBND tỉnh
a) Theo dõi, tổng hợp kết quả thực hiện.
"""
    units = _units(text)
    assert units["1"][0] == [
        "Thủ trưởng các cơ quan chuyên môn thuộc UBND tỉnh",
        "Trưởng Ban Quản lý các khu kinh tế",
        "Chủ tịch UBND các xã, phường, đặc khu",
    ]


def test_a_front_and_its_member_organisations_are_two_leads_not_a_cut_name() -> None:
    text = """ỦY BAN NHÂN DÂN TỈNH BÌNH AN
Số: 41/KH-UBND
KẾ HOẠCH
Hỗ trợ giải quyết việc làm năm 2026
I. NHIỆM VỤ
1. Sở Nội vụ chủ trì hướng dẫn thực hiện Kế hoạch này.
2. Mặt trận Tổ quốc Việt Nam và các tổ chức thành viên trong phạm vi chức năng, nhiệm vụ của mình tuyên truyền, vận động người lao động.
"""
    units = _units(text)
    assert units["2"][0] == ["Mặt trận Tổ quốc Việt Nam", "các tổ chức thành viên"]


def test_partners_named_commune_by_commune_after_a_colon_are_each_a_partner() -> None:
    assert _clause("Các sở, ngành liên quan có trách nhiệm phối hợp với UBND các xã: Tân Lập, Hòa Bình và đơn vị tư vấn, cung cấp số liệu") == (
        ["Các sở, ngành liên quan"],
        ["UBND xã Tân Lập", "UBND xã Hòa Bình", "đơn vị tư vấn"],
    )


def test_whole_kinds_of_bodies_in_a_list_are_names_of_their_own() -> None:
    assert split_units("các tổ chức chính trị - xã hội, các cơ sở giáo dục đại học, cơ sở giáo dục nghề nghiệp") == [
        "các tổ chức chính trị - xã hội",
        "các cơ sở giáo dục đại học",
        "cơ sở giáo dục nghề nghiệp",
    ]
    assert split_units("các bộ, ngành, địa phương") == ["các bộ, ngành, địa phương"]


def test_a_lettered_duty_under_a_body_heading_takes_its_partners_from_chu_tri_phoi_hop_mid_sentence() -> None:
    text = """ỦY BAN NHÂN DÂN TỈNH BÌNH AN
Số: 8/QĐ-UBND
QUYẾT ĐỊNH
Điều 5. Tổ chức thực hiện
1. Sở Tài chính:
a) Hướng dẫn hồ sơ, thủ tục cấp kinh phí hỗ trợ.
b) Trên cơ sở báo cáo của các xã, chủ trì, phối hợp với các sở, ngành liên quan tham mưu bố trí kinh phí.
2. Các cơ sở giáo dục đại học, cơ sở giáo dục nghề nghiệp:
a) Xác nhận cho người học theo mẫu.
"""
    units = _units(text)
    assert units["1.b"] == (["Sở Tài chính"], ["các sở, ngành liên quan"])
    assert units["2"][0] == ["Các cơ sở giáo dục đại học", "cơ sở giáo dục nghề nghiệp"]
