"""Issue 10 (lead and partner units, second round): each rule shown on short texts written for it.

The probe texts are composed here from how Vietnamese administrative documents are built (Decree 30/2020: plans,
conclusion notices, decrees and resolutions with a duties article, dispatches), not copied from any corpus document;
each rule is tried on several forms (numbering, diacritics, wrapped lines, central, provincial and commune level).
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


def test_a_slash_between_two_named_bodies_separates_them_but_not_between_levels() -> None:
    assert split_units("Bộ Chỉ huy Quân sự tỉnh/Ban Chỉ huy Bộ đội Biên phòng tỉnh") == [
        "Bộ Chỉ huy Quân sự tỉnh",
        "Ban Chỉ huy Bộ đội Biên phòng tỉnh",
    ]
    assert split_units("Công an xã / Ban Chỉ huy Quân sự xã") == ["Công an xã", "Ban Chỉ huy Quân sự xã"]
    assert split_units("UBND xã/phường") == ["UBND xã/phường"]
    assert split_units("Sở Nội vụ/Lao động") == ["Sở Nội vụ/Lao động"]


def test_central_bodies_of_member_organisations_are_names_of_bodies() -> None:
    assert _clause("Trung ương Hội Liên hiệp Phụ nữ Việt Nam chủ trì tổ chức các chương trình vận động hội viên") == (
        ["Trung ương Hội Liên hiệp Phụ nữ Việt Nam"],
        [],
    )
    assert _clause("Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh phát huy vai trò xung kích") is None or _clause(
        "Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh tổ chức các hoạt động tình nguyện"
    ) == (["Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh"], [])


def test_a_catch_all_after_a_long_name_does_not_make_the_subject_too_long() -> None:
    found = _clause(
        "Bộ Y tế, Bộ Giáo dục và Đào tạo, Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương và các cơ quan "
        "liên quan thực hiện nghiêm các nhiệm vụ được giao"
    )
    assert found is not None
    assert found[0][:2] == ["Bộ Y tế", "Bộ Giáo dục và Đào tạo"]
    assert found[0][2].startswith("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương")
    # The same without diacritics, as a lost font gives it.
    bare = _clause("Bo Y te, Uy ban nhan dan cac tinh va cac co quan lien quan thuc hien nghiem cac nhiem vu")
    assert bare is None or all("thuc hien" not in name for name in bare[0])


# --- an addressee with a colon -----------------------------------------------------------------------------------


def test_a_hand_over_whose_colon_opens_the_duties_names_the_lead_alone() -> None:
    assert _clause("Giao Bộ Công Thương: (i) Nghiên cứu kiến nghị của Thành phố về nâng công suất, bổ sung các dự án") == (
        ["Bộ Công Thương"],
        [],
    )
    assert _clause("Giao Sở Tài chính: a) Cân đối, bố trí kinh phí thực hiện, tham mưu phân bổ vốn") == (["Sở Tài chính"], [])
    assert _clause("Giao UBND xã: Rà soát danh sách hộ nghèo, cập nhật dữ liệu") == (["UBND xã"], [])


def test_a_colon_that_lists_the_places_of_a_shared_head_is_not_the_end_of_the_addressee() -> None:
    found = _clause("Giao UBND các xã: Tân Lập, Hòa Bình:")
    assert found == (["UBND xã Tân Lập", "UBND xã Hòa Bình"], [])


NOTICE = """VĂN PHÒNG CHÍNH PHỦ
Số: 77/TB-VPCP
THÔNG BÁO
Kết luận của Phó Thủ tướng tại buổi làm việc với tỉnh Bình An

I. ĐÁNH GIÁ CHUNG
Tỉnh đã đạt nhiều kết quả.
II. NHIỆM VỤ THỜI GIAN TỚI
1. Tập trung tháo gỡ khó khăn cho các dự án trọng điểm.
2. Chủ động phối hợp với Bộ Xây dựng nghiên cứu phương án di dời cảng.
III. VỀ CÁC KIẾN NGHỊ CỦA TỈNH
1. Về hạ tầng năng lượng
- Giao Bộ Công Thương: (i) Nghiên cứu kiến nghị của Tỉnh về nâng công suất, bổ sung dự án điện gió; (ii) Chủ trì, phối hợp với các bộ, cơ quan liên quan hướng dẫn Tỉnh xây dựng kho dự trữ.
2. Về nguồn vốn chỉnh trang đô thị
Giao Bộ Tài chính chủ trì, phối hợp với Bộ Nông nghiệp và Môi trường nghiên cứu kiến nghị của Tỉnh, báo cáo cấp có thẩm quyền.
"""


def test_a_conclusion_notice_hands_each_request_to_its_ministry_and_no_further() -> None:
    units = _units(NOTICE)
    assert units["III.1"][0] == ["Bộ Công Thương"]
    assert units["III.2"] == (["Bộ Tài chính"], ["Bộ Nông nghiệp và Môi trường"])
    # A hand-over inside one request is that request's, not the plan's word for the items that name no doer.
    assert units["II.1"] == ([], [])
    assert units["II.2"][0] == []


# --- labelled lines that state both roles ------------------------------------------------------------------------

LABELLED = """UBND TỈNH BÌNH AN
BAN CHỈ ĐẠO
Số: 5/KH-BCĐ
KẾ HOẠCH
Vận hành chính quyền địa phương hai cấp

I. NHIỆM VỤ
1. Rà soát thủ tục hành chính
- Đơn vị thực hiện: Sở Tư pháp chủ trì, phối hợp với Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công tỉnh).
- Thời gian: quý III/2026.
2. Bảo đảm hạ tầng số
- Đơn vi thuc hien: So Khoa hoc va Cong nghe chu tri, phoi hop voi Cong an tinh.
3. Tuyên truyền
- Đơn vị chủ trì: Sở Văn hóa, Thể thao và Du lịch.
"""


def test_a_labelled_line_stating_lead_and_partners_is_read_by_role() -> None:
    units = _units(LABELLED)
    assert units["1"] == (["Sở Tư pháp"], ["Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công tỉnh)"])
    assert units["3"] == (["Sở Văn hóa, Thể thao và Du lịch"], [])
    # Without diacritics the names keep no role word either.
    assert units["2"] == (["So Khoa hoc va Cong nghe"], ["Cong an tinh"])


# --- the lead-in of a list and "Trách nhiệm của …" headings -----------------------------------------------------

PLAN_LEAD_IN = """UBND TỈNH BÌNH AN
Số: 5/KH-UBND
KẾ HOẠCH
Trợ giúp xã hội năm 2026

I. MỤC ĐÍCH
Bảo đảm chi trả kịp thời.
II. NHIỆM VỤ, GIẢI PHÁP
Sở Y tế có trách nhiệm:
1. Rà soát đối tượng hưởng trợ cấp.
2. Tổ chức chi trả trợ cấp hằng tháng.
III. TỔ CHỨC THỰC HIỆN
Các sở báo cáo kết quả.
"""

COMMUNE_LEAD_IN = """UY BAN NHAN DAN XA HOA BINH
So: 5/KH-UBND
KE HOACH
Tro giup xa hoi nam 2026

I. MUC DICH
Bao dam chi tra kip thoi.
II. NHIEM VU
Giao Cong chuc Van hoa - Xa hoi:
1. Ra soat doi tuong huong tro cap.
2. Lap danh sach chi tra tro cap hang thang.
III. TO CHUC THUC HIEN
Cac ban nganh bao cao ket qua.
"""

DECREE = """CHÍNH PHỦ
Số: 9/2026/NĐ-CP
NGHỊ ĐỊNH
Quy định về cơ sở dữ liệu an sinh xã hội

Điều 1. Phạm vi điều chỉnh
Nghị định này quy định việc cập nhật cơ sở dữ liệu.
Điều 2. Tổ chức thực hiện
1. Bộ Nội vụ có trách nhiệm hướng dẫn thi hành Nghị định này.
2. Trách nhiệm của các tổ chức, doanh nghiệp hoạt động trong lĩnh vực có liên quan đến bảo trợ xã hội
a) Thực hiện đúng quy định về chia sẻ dữ liệu.
b) Báo cáo khi có yêu cầu.
"""


def test_the_lead_in_of_a_numbered_list_leads_each_of_its_items() -> None:
    units = _units(PLAN_LEAD_IN)
    assert units["1"][0] == ["Sở Y tế"]
    assert units["2"][0] == ["Sở Y tế"]
    # A commune plan typed without diacritics, the lead-in a hand-over.
    units = _units(COMMUNE_LEAD_IN)
    assert units["1"][0] == units["2"][0] == ["Cong chuc Van hoa - Xa hoi"]


def test_a_duty_heading_names_its_bodies_however_long_their_description() -> None:
    units = _units(DECREE)
    assert units["1"][0] == ["Bộ Nội vụ"]
    assert units["2"][0] == ["các tổ chức, doanh nghiệp hoạt động trong lĩnh vực có liên quan đến bảo trợ xã hội"]


COMMUNE = """ỦY BAN NHÂN DÂN
XÃ HÒA BÌNH
Số: 21/KH-UBND
KẾ HOẠCH
Thực hiện chính sách trợ giúp xã hội năm 2026

I. MỤC ĐÍCH, YÊU CẦU
Bảo đảm chi trả đúng, đủ, kịp thời.
II. NHIỆM VỤ
1. Rà soát đối tượng
2. Chi trả trợ cấp
III. TỔ CHỨC THỰC HIỆN
Giao Công chức Văn hóa - Xã hội là đầu mối tổng hợp, báo cáo kết quả.
"""


def test_a_list_without_a_lead_in_or_doer_gets_none_invented() -> None:
    units = _units(COMMUNE)
    assert units["1"] == ([], [])
    assert units["2"] == ([], [])


# --- properties ----------------------------------------------------------------------------------------------------

_BODY = st.sampled_from(
    ["Sở Y tế", "Bộ Tài chính", "Công an tỉnh", "Ủy ban nhân dân xã Hòa Bình", "Ban Chỉ huy Quân sự xã", "Sở Nội vụ"]
)
_DUTY = st.sampled_from(
    ["(i) Nghiên cứu kiến nghị của tỉnh, bổ sung các dự án", "a) Rà soát, cập nhật danh sách hộ nghèo",
     "Tổ chức kiểm tra, đôn đốc việc thực hiện", "1. Hướng dẫn các xã lập hồ sơ, tổng hợp kết quả"]
)


@settings(max_examples=size(40, 60), deadline=None)
@given(_BODY, _DUTY, st.sampled_from(["Giao", "Giao cho", "Đề nghị", "Yêu cầu"]))
def test_an_addressee_before_a_colon_is_the_whole_lead_whatever_the_duties(body: str, duty: str, verb: str) -> None:
    assert _clause(f"{verb} {body}: {duty}") == ([body], [])


@settings(max_examples=size(40, 60), deadline=None)
@given(st.lists(_BODY, min_size=2, max_size=3, unique=True), st.sampled_from(["/", " / "]))
def test_named_bodies_joined_by_slashes_split_back_into_their_names(names: list[str], slash: str) -> None:
    assert split_units(slash.join(names)) == names


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet="abcdeghiklmnopqrstuvxyđâêôơưàáạảãèéẹẻẽìíịỉĩòóọỏõùúụủũ /:,()", max_size=80))
def test_no_lead_in_text_yields_a_name_that_runs_on_into_a_duty(tail: str) -> None:
    found = _clause("Giao Sở Y tế: " + tail)
    assert found is None or all(":" not in name for name in found[0])


# --- partners ---------------------------------------------------------------------------------------------------


def test_partners_end_where_the_subject_takes_the_lead_again_and_those_it_leads_with_are_partners_too() -> None:
    assert _clause("Bộ Thông tin và Truyền thông phối hợp với Ban Tuyên giáo Trung ương và chủ trì cùng các bộ, ngành, địa phương:") == (
        ["Bộ Thông tin và Truyền thông"],
        ["Ban Tuyên giáo Trung ương", "các bộ, ngành, địa phương"],
    )
    assert _clause("So Y te phoi hop voi Hoi Phu nu xa va chu tri cung cac ban, nganh:") == (
        ["So Y te"],
        ["Hoi Phu nu xa", "cac ban, nganh"],
    )
    assert _clause("Sở Y tế phối hợp với Bảo hiểm xã hội tỉnh tổ chức cấp thẻ") == (["Sở Y tế"], ["Bảo hiểm xã hội tỉnh"])


DIRECTIVE = """THỦ TƯỚNG CHÍNH PHỦ
Số: 8/CT-TTg
CHỈ THỊ
Về phòng, chống dịch bệnh

I. TÌNH HÌNH
Dịch bệnh diễn biến phức tạp.
II. NHIỆM VỤ, GIẢI PHÁP
1. Đẩy mạnh thông tin truyền thông

Bộ Văn hóa, Thể thao và Du lịch phối hợp với Ban Tuyên giáo Trung ương và chủ trì cùng các bộ, ngành, địa phương:

- Chỉ đạo các cơ quan báo chí cung cấp thông tin chính thống.
- Tăng cường tuyên truyền phòng bệnh.
2. Bảo vệ biên giới
2.1. Bộ Quốc phòng chỉ đạo lực lượng Bộ đội Biên phòng: Phối hợp với cấp ủy, chính quyền địa phương khu vực biên giới tuyên truyền, vận động Nhân dân.
III. TỔ CHỨC THỰC HIỆN
Các bộ báo cáo Thủ tướng Chính phủ.
"""


def test_a_paragraph_after_a_blank_line_under_a_heading_names_its_doer_and_partners() -> None:
    units = _units(DIRECTIVE)
    assert units["1"] == (["Bộ Văn hóa, Thể thao và Du lịch"], ["Ban Tuyên giáo Trung ương", "các bộ, ngành, địa phương"])


def test_a_duty_after_the_doer_s_colon_takes_the_partners_it_names() -> None:
    units = _units(DIRECTIVE)
    assert units["2.1"][1] == ["cấp ủy, chính quyền địa phương khu vực biên giới"]


# --- roles written after an item ------------------------------------------------------------------------------------

_PLAN_HEAD = """UBND TỈNH BÌNH AN
Số: 5/KH-UBND
KẾ HOẠCH
Trợ giúp xã hội năm 2026

I. MỤC ĐÍCH
Bảo đảm chi trả kịp thời.
II. NHIỆM VỤ, GIẢI PHÁP
"""
_PLAN_TAIL = "2. Tổng hợp kết quả chi trả.\nIII. TỔ CHỨC THỰC HIỆN\nCác sở báo cáo kết quả.\n"


def test_roles_in_brackets_or_after_a_dash_closing_an_item_give_its_units() -> None:
    cases = {
        "1. Rà soát đối tượng hưởng trợ cấp (Sở Nội vụ chủ trì).": (["Sở Nội vụ"], []),
        "1. Rà soát đối tượng hưởng trợ cấp (Sở Nội vụ chủ trì, phối hợp với Công an tỉnh).": (["Sở Nội vụ"], ["Công an tỉnh"]),
        "1. Rà soát đối tượng hưởng trợ cấp.\n(Sở Nội vụ chủ trì; Công an tỉnh, UBND các xã phối hợp)": (
            ["Sở Nội vụ"],
            ["Công an tỉnh", "UBND các xã"],
        ),
        "1. Rà soát đối tượng hưởng trợ cấp – Sở Nội vụ chủ trì.": (["Sở Nội vụ"], []),
        "1. Ra soat doi tuong huong tro cap (So Noi vu chu tri, phoi hop voi Cong an tinh).": (["So Noi vu"], ["Cong an tinh"]),
    }
    for item, expected in cases.items():
        assert _units(_PLAN_HEAD + item + "\n" + _PLAN_TAIL)["1"] == expected, item


def test_a_bracket_or_dash_that_states_no_role_of_a_body_gives_nothing() -> None:
    for item in (
        "1. Rà soát đối tượng hưởng trợ cấp (theo Quyết định số 12/QĐ-UBND).",
        "1. Rà soát đối tượng - kiểm tra chéo giữa các xã.",
        "1. Phối hợp với Phòng Văn hóa - Xã hội chủ trì tổng hợp.",
    ):
        assert _units(_PLAN_HEAD + item + "\n" + _PLAN_TAIL)["1"][0] in ([], ["Phòng Văn hóa - Xã hội"]), item


# --- one body, every form of its name ----------------------------------------------------------------------------


def test_a_body_named_in_two_forms_is_one_unit() -> None:
    from ansinh.documents.parsing.unit_names import name_key

    forms = ["UBND tỉnh", "Ủy ban nhân dân tỉnh", "Uỷ ban nhân dân tỉnh", "Uy ban nhan dan tinh", "UỶ BAN NHÂN DÂN TỈNH"]
    assert len({name_key(f) for f in forms}) == 1
    assert name_key("Ủy ban MTTQ Việt Nam xã") == name_key("Ủy ban Mặt trận Tổ quốc Việt Nam xã")
    assert name_key("HĐND tỉnh") == name_key("Hội đồng nhân dân tỉnh") != name_key("UBND tỉnh")
    text = _PLAN_HEAD + "1. Rà soát đối tượng\n- Cơ quan chủ trì: UBND tỉnh.\n- Cơ quan phối hợp: Công an tỉnh.\n(Ủy ban nhân dân tỉnh chủ trì)\n" + _PLAN_TAIL
    assert _units(text)["1"][0] == ["UBND tỉnh"]


@settings(max_examples=size(40, 60), deadline=None)
@given(st.sampled_from(["UBND", "Ủy ban nhân dân", "Uỷ ban nhân dân", "Uy ban nhan dan", "ỦY BAN NHÂN DÂN"]),
       st.sampled_from(["tỉnh", "xã Hòa Bình", "phường 3", "thành phố"]))
def test_every_form_of_a_people_s_committee_reads_the_same(form: str, place: str) -> None:
    from ansinh.documents.parsing.unit_names import name_key

    assert name_key(f"{form} {place}") == name_key(f"Ủy ban nhân dân {place}")


def test_names_keep_no_colon_role_noun_or_duty_that_follows_them() -> None:
    cases = {
        "1. Sở Y tế: chủ trì, phối hợp với Sở Tài chính hướng dẫn rà soát đối tượng.": (["Sở Y tế"], ["Sở Tài chính"]),
        "1. Về rà soát đối tượng\nSở Nội vụ là cơ quan thường trực, chủ trì tham mưu UBND tỉnh.": (["Sở Nội vụ"], []),
        "1. Về rà soát đối tượng\nSở Nội vụ là cơ quan đầu mối, phối hợp với các sở rà soát.": (["Sở Nội vụ"], ["các sở"]),
        "1. Rà soát đối tượng\nTrách nhiệm thực hiện: Sở Nội vụ; UBND các xã.": (["Sở Nội vụ", "UBND các xã"], []),
    }
    for item, expected in cases.items():
        assert _units(_PLAN_HEAD + item + "\n" + _PLAN_TAIL)["1"] == expected, item


def test_a_purpose_before_the_subject_is_skipped_but_an_address_is_not_a_purpose() -> None:
    assert _clause("Để thể chế hóa đầy đủ nghị quyết, Đảng đoàn Quốc hội xác định các nhiệm vụ trọng tâm sau:") == (
        ["Đảng đoàn Quốc hội"],
        [],
    )
    assert _clause("Để phát triển khoa học, công nghệ, Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính xây dựng đề án") == (
        ["Sở Khoa học và Công nghệ"],
        ["Sở Tài chính"],
    )
    assert _clause("De bao dam an sinh, UBND cac xa ra soat ho ngheo") == (["UBND cac xa"], [])
    assert _clause("Để bảo đảm an sinh xã hội, cần rà soát hộ nghèo") is None
    assert _clause("Đề nghị Viện Kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh phối hợp chặt chẽ với Công an tỉnh") is not None
    found = _clause("Đề nghị Viện Kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh phối hợp chặt chẽ với Công an tỉnh")
    assert found is not None and found[0] == ["Viện Kiểm sát nhân dân tỉnh", "Tòa án nhân dân tỉnh"]


def test_the_doer_s_sentence_that_goes_on_with_va_phoi_hop_voi_names_a_partner() -> None:
    text = _PLAN_HEAD + (
        "1. Giao Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện và phối hợp với Sở Nội vụ tổng hợp, báo cáo kết quả.\n"
    ) + _PLAN_TAIL
    assert _units(text)["1"] == (["Văn phòng UBND tỉnh"], ["Sở Nội vụ"])
    # "và phối hợp với" a thing that is not a body names no partner.
    text = _PLAN_HEAD + "1. Sở Y tế tổ chức khám sàng lọc và phối hợp với kết quả điều tra để lập danh sách.\n" + _PLAN_TAIL
    assert _units(text)["1"] == (["Sở Y tế"], [])


def test_a_subject_wrapped_over_the_heading_line_is_read_whole_and_a_unit_heading_keeps_its_duty_apart() -> None:
    cases = {
        "1.\nThường trực, các ban, các tổ đại biểu\nHội đồng nhân dân tỉnh giám sát việc thực\nhiện Nghị quyết.": [
            "Thường trực Hội đồng nhân dân tỉnh",
            "các ban Hội đồng nhân dân tỉnh",
            "các tổ đại biểu Hội đồng nhân dân tỉnh",
        ],
        "1. Ủy ban nhân dân tỉnh\ntổ chức triển khai thực hiện Nghị quyết.": ["Ủy ban nhân dân tỉnh"],
        "1. Sở Y tế\nNâng cao chất lượng khám, chữa bệnh bảo hiểm y tế, bảo đảm quyền lợi người bệnh.": ["Sở Y tế"],
        "1. Bảo hiểm xã hội tỉnh\nChủ trì hướng dẫn thủ tục cấp thẻ bảo hiểm y tế.": ["Bảo hiểm xã hội tỉnh"],
        "1. Sở Y tế\nSở Y tế chủ trì, phối hợp với Sở Tài chính rà soát.": ["Sở Y tế"],
        "1. Rà soát đối tượng hưởng trợ cấp theo\nquy định của Chính phủ.": [],
    }
    for item, expected in cases.items():
        assert _units(_PLAN_HEAD + item + "\n" + _PLAN_TAIL)["1"][0] == expected, item


def test_parties_a_decree_binds_lead_only_as_the_subject_of_co_trach_nhiem() -> None:
    assert _clause("Khách hàng vay vốn có trách nhiệm sử dụng vốn vay đúng mục đích") == (["Khách hàng vay vốn"], [])
    assert _clause("Người sử dụng lao động có trách nhiệm đóng bảo hiểm xã hội đầy đủ") == (["Người sử dụng lao động"], [])
    assert _clause("Doanh nghiep co trach nhiem bao cao dinh ky") == (["Doanh nghiep"], [])
    # Without the cue such a subject is not read as a doer.
    assert _clause("Khách hàng vay vốn trả nợ gốc và lãi tiền vay lần đầu") is None
    assert _clause("Người dân có trách nhiệm chấp hành") is None


KINDS = """CHÍNH PHỦ
Số: 9/2026/NĐ-CP
NGHỊ ĐỊNH
Quy định về dịch vụ việc làm

Điều 1. Phạm vi điều chỉnh
Nghị định này quy định về dịch vụ việc làm.
Điều 2. Tổ chức thực hiện
1. Cơ quan chủ quản chương trình:
a) Lập kế hoạch thực hiện chương trình hằng năm.
b) Báo cáo kết quả thực hiện.
2. Trách nhiệm của cơ quan trung ương tổ chức chính trị - xã hội
a) Rà soát, sắp xếp các tổ chức dịch vụ việc làm.
3. Cơ quan thuế các cấp
Tăng cường kiểm tra.
"""


def test_a_kind_of_body_heads_an_item_only_where_the_heading_addresses_it() -> None:
    units = _units(KINDS)
    assert units["1"][0] == ["Cơ quan chủ quản chương trình"]
    assert units["1.a"][0] == ["Cơ quan chủ quản chương trình"]
    assert units["2"][0] == ["cơ quan trung ương tổ chức chính trị - xã hội"]
    assert units["3"][0] == []


def test_a_dash_line_is_not_read_as_a_closing_dash_and_bracketed_partners_end_at_the_verb() -> None:
    text = _PLAN_HEAD + "1. Sàng lọc trẻ sơ sinh\n- Sở Y tế chủ trì, phối hợp với Hội Chữ thập đỏ tỉnh thực hiện.\n" + _PLAN_TAIL
    assert _units(text)["1"] == (["Sở Y tế"], ["Hội Chữ thập đỏ tỉnh"])
    text = _PLAN_HEAD + "1. Sàng lọc trẻ sơ sinh (Sở Y tế chủ trì, phối hợp với Hội Chữ thập đỏ tỉnh thực hiện).\n" + _PLAN_TAIL
    assert _units(text)["1"] == (["Sở Y tế"], ["Hội Chữ thập đỏ tỉnh"])


def test_partners_keep_the_triad_of_body_kinds_and_drop_a_duty_carried_on_after_them() -> None:
    found = _clause("Ủy ban bầu cử có trách nhiệm phối hợp với cơ quan, tổ chức, đơn vị trực tiếp quản lý người đó xác minh")
    assert found is not None and found[1] and found[1][0].startswith("cơ quan, tổ chức, đơn vị")
    text = _PLAN_HEAD + (
        "1. Hỗ trợ ngành du lịch\nBộ Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với các bộ, ngành liên quan có các giải "
        "pháp cụ thể tháo gỡ khó khăn.\n"
    ) + _PLAN_TAIL
    assert _units(text)["1"] == (["Bộ Văn hóa, Thể thao và Du lịch"], ["các bộ, ngành liên quan"])


def test_labels_of_the_advising_body_and_of_participants_give_lead_and_partners() -> None:
    for lead_label, partner_label in (
        ("Cơ quan tham mưu", "Cơ quan phối hợp"),
        ("Đơn vị đầu mối", "Đơn vị phối hợp"),
        ("Cơ quan thực hiện", "Cơ quan tham gia"),
        ("Don vi tham muu", "Co quan, to chuc tham gia"),
        ("Bộ phận tham mưu", "Bộ phận phối hợp"),  # a ward's plan: its offices are "bộ phận"
    ):
        item = f"1. Rà soát đối tượng\n- {lead_label}: Sở Nội vụ.\n- {partner_label}: Công an tỉnh, UBND các xã.\n"
        assert _units(_PLAN_HEAD + item + _PLAN_TAIL)["1"] == (["Sở Nội vụ"], ["Công an tỉnh", "UBND các xã"]), lead_label


def test_a_kind_of_body_alone_is_never_a_unit() -> None:
    for label in ("Đơn vị hướng dẫn", "Đơn vị tổ chức", "Cơ quan kiểm tra"):
        item = f"1. Rà soát đối tượng\n- {label}: Sở Nội vụ.\n- Thời gian hoàn thành: Quý II/2026.\n"
        lead, partners = _units(_PLAN_HEAD + item + _PLAN_TAIL)["1"]
        assert not {"Đơn vị", "Cơ quan", "Tổ chức"} & set(lead + partners), label


_ASSIGNED_BY_NUMBER = """UBND TỈNH BÌNH AN
Số: 5/KH-UBND
KẾ HOẠCH
Trợ giúp xã hội năm 2026

I. MỤC ĐÍCH
Bảo đảm chi trả kịp thời.
II. NHIỆM VỤ, GIẢI PHÁP
1. Rà soát đối tượng hưởng trợ cấp.
2. Chi trả trợ cấp hằng tháng.
3. Tuyên truyền chính sách.
III. TỔ CHỨC THỰC HIỆN
"""


def test_the_responsibilities_part_assigns_items_by_number_whatever_the_form_of_its_items() -> None:
    forms = (
        "1. Sở Y tế: chủ trì thực hiện nhiệm vụ 1, 2 Mục II.\n2. Sở Văn hóa: chủ trì thực hiện nhiệm vụ 3.\n",
        "1. Sở Y tế\nChủ trì thực hiện các nhiệm vụ tại mục 1, 2 phần II Kế hoạch này.\n2. Sở Văn hóa\nChủ trì nhiệm vụ tại mục 3.\n",
        "1. Sở Y tế chủ trì thực hiện nội dung tại mục 1 và mục 2 Phần II.\n2. Sở Văn hóa chủ trì thực hiện nội dung tại mục 3.\n",
        "1. So Y te chu tri thuc hien noi dung tai muc 1 va muc 2 Phan II.\n2. So Van hoa chu tri thuc hien noi dung tai muc 3.\n",
    )
    for org in forms:
        units = _units(_ASSIGNED_BY_NUMBER + org)
        assert units["1"][0] == units["2"][0] and units["1"][0] in (["Sở Y tế"], ["So Y te"]), org
        assert units["3"][0] in (["Sở Văn hóa"], ["So Van hoa"]), org


def test_a_responsibilities_item_that_names_no_item_number_assigns_nothing() -> None:
    units = _units(_ASSIGNED_BY_NUMBER + "1. Sở Y tế\nTham mưu UBND tỉnh chỉ đạo thực hiện kế hoạch.\n")
    assert units["1"] == units["2"] == units["3"] == ([], [])


def test_acronyms_after_a_named_body_are_bodies_of_their_own_but_not_inside_a_description() -> None:
    assert split_units("VTV, VOV, TTXVN, các địa phương") == ["VTV", "VOV", "TTXVN", "các địa phương"]
    assert split_units("Sở Y tế, BHXH tỉnh") == ["Sở Y tế", "BHXH tỉnh"]
    assert split_units("UBND các tỉnh, TP trực thuộc TW") == ["UBND các tỉnh, TP trực thuộc TW"]
    assert split_units("các tổ chức, doanh nghiệp kinh doanh VLNCN, TCTN") == ["các tổ chức, doanh nghiệp kinh doanh VLNCN, TCTN"]
