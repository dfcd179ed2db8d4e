"""Issue 10, helper plead3 (lead and partner recall): each rule on a short text written for it.

The texts are composed from how Vietnamese administrative documents name and assign bodies (Decree 30/2020), not
copied from any corpus document.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan
from ansinh.documents.parsing.unit_names import opens_with_agency, split_units
from ansinh.lib.text import normalize_text, strip_marks


def _units(text: str) -> dict[str, tuple[list[str], list[str]]]:
    result = extract_plan(normalize_text(text), "probe")
    return {t["number"]: (t["lead"], t["coordinate"]) for t in result["tasks"]}


# --- shared readers --------------------------------------------------------------------------------------------


@given(st.sampled_from(["Sở Y tế", "Các sở, ngành", "Công an tỉnh", "Ủy ban nhân dân xã", "Bảo hiểm xã hội tỉnh", "Trung tâm Y tế"]),
       st.booleans())
def test_a_table_cell_line_opens_a_new_body_with_the_same_heads_as_every_name_reader(name: str, marks: bool) -> None:
    text = name if marks else strip_marks(name)  # OCR and copies without marks read the same
    assert opens_with_agency(text)
    assert not opens_with_agency(text.lower())  # a name opens with a capital
    assert not opens_with_agency("Tổ chức thực hiện")


def test_short_kinds_of_body_keep_a_plural_list_of_kinds_as_one_name() -> None:
    # "vụ", "tổ", "báo", "đài" are kinds a list shares ("các bộ, ngành, vụ, cục liên quan"); measured on the dev part,
    # taking them out changes no extraction, and keeping them keeps these lists whole.
    assert split_units("các bộ, ngành, vụ, cục liên quan") == ["các bộ, ngành, vụ, cục liên quan"]
    assert split_units("các đơn vị, tổ, nhóm liên quan") == ["các đơn vị, tổ, nhóm liên quan"]
    assert split_units("các sở, ngành, bảo đảm an toàn") == ["các sở, ngành, bảo đảm an toàn"]


# --- partners in a later clause of the doer's sentence --------------------------------------------------------------

_DOERS = ["Sở Văn hóa và Thể thao", "Công an tỉnh", "Bộ Giáo dục và Đào tạo", "Ủy ban nhân dân các xã"]
_PARTNERS = ["Sở Tài chính", "các hội nghề nghiệp", "Đài Phát thanh và Truyền hình tỉnh", "Bộ Y tế"]


@given(st.sampled_from(_DOERS), st.sampled_from(_PARTNERS), st.booleans())
def test_a_clause_after_a_semicolon_that_opens_with_phoi_hop_voi_names_partners_of_the_items_doer(
    doer: str, partner: str, colon: bool
) -> None:
    heading = f"2. {doer}:\nChỉ đạo" if colon else f"2. {doer} chỉ đạo"
    text = (
        "KẾ HOẠCH\nPhòng chống thiên tai năm 2027\n\nI. NHIỆM VỤ\n"
        "1. Ủy ban nhân dân tỉnh chỉ đạo chung công tác phòng chống thiên tai.\n"
        f"{heading} các đơn vị trực thuộc rà soát phương án ứng phó; phối hợp với {partner} xây dựng "
        "tài liệu tuyên truyền cho người dân.\n"
    )
    lead, partners = _units(text)["2"]
    assert lead == [doer]
    assert partners == [partner]


def test_a_semicolon_clause_with_its_own_subject_names_no_partners() -> None:
    text = (
        "KẾ HOẠCH\nPhòng chống thiên tai năm 2027\n\nI. NHIỆM VỤ\n"
        "1. Sở Y tế:\nBảo đảm thuốc men; Sở Tài chính phối hợp với Kho bạc Nhà nước bố trí kinh phí.\n"
    )
    assert _units(text)["1"][1] == []


# --- a letter's recipients lead the points that open with their names ---------------------------------------------

_RECIPIENTS = ["Vườn quốc gia Bạch Mã", "Cảng vụ Hàng hải tỉnh", "Các Công ty Lâm nghiệp", "Kho lưu trữ lịch sử tỉnh"]


def _letter(first: str, second: str, point: str) -> str:
    return (
        "ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG\nSố: 15/UBND-KT\nV/v bảo vệ rừng mùa khô năm 2027\n\n"
        f"Kính gửi:\n- Các sở, ban, ngành tỉnh;\n- {first};\n- {second};\n- Ủy ban nhân dân các xã, phường.\n\n"
        "Thực hiện chỉ đạo của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh yêu cầu:\n"
        "1. Sở Nông nghiệp và Môi trường chủ trì hướng dẫn việc bảo vệ rừng.\n"
        f"2. {point}\n"
    )


@given(st.sampled_from(_RECIPIENTS), st.sampled_from(_RECIPIENTS), st.booleans())
def test_a_point_headed_by_recipients_of_the_letter_has_them_as_its_lead(first: str, second: str, heading: bool) -> None:
    if first == second:
        return
    point = f"{first}\n- Kiểm tra các khu rừng trọng điểm." if heading else f"{first}, {second.lower() if second.startswith('Các') else second} chủ động kiểm tra các khu rừng."
    lead = _units(_letter(first, second, point))["2"][0]
    names = [first] if heading else [first, second.lower() if second.startswith("Các") else second]
    assert lead == names


def test_a_point_may_shorten_a_recipients_name_and_list_several_after_a_semicolon() -> None:
    point = "Các cơ quan tham mưu, giúp việc Đảng ủy; các chi bộ trực thuộc\nQuán triệt nội dung Chương trình."
    text = _letter("Các cơ quan tham mưu, giúp việc Đảng ủy Ủy ban nhân dân tỉnh", "Các chi bộ trực thuộc", point)
    assert _units(text)["2"][0] == ["Các cơ quan tham mưu, giúp việc Đảng ủy", "các chi bộ trực thuộc"]


def test_a_point_that_only_mentions_a_recipient_after_its_own_words_has_no_lead_from_it() -> None:
    point = "Tăng cường kiểm tra tại Vườn quốc gia Bạch Mã trong mùa khô."
    assert _units(_letter("Vườn quốc gia Bạch Mã", "Cảng vụ Hàng hải tỉnh", point))["2"][0] == []


# --- partners in a later sentence of the doer's paragraph ----------------------------------------------------------


@given(st.sampled_from(_PARTNERS), st.sampled_from(["Phối hợp với", "Chủ trì, phối hợp với", "Khẩn trương phối hợp với"]))
def test_a_later_sentence_without_a_subject_that_opens_with_phoi_hop_voi_names_partners_of_the_items_doer(
    partner: str, opening: str
) -> None:
    text = (
        "KẾ HOẠCH\nPhòng chống thiên tai năm 2027\n\nI. NHIỆM VỤ\n"
        "1. Ủy ban nhân dân tỉnh chỉ đạo chung công tác phòng chống thiên tai.\n"
        f"2. Giao Công an tỉnh rà soát phương án bảo đảm an ninh vùng lũ. {opening} {partner} tổ chức diễn tập "
        "cứu hộ tại các xã ven sông.\n"
    )
    assert _units(text)["2"] == (["Công an tỉnh"], [partner])


def test_a_later_sentence_with_a_subject_of_its_own_names_no_partners_of_the_item() -> None:
    text = (
        "KẾ HOẠCH\nPhòng chống thiên tai năm 2027\n\nI. NHIỆM VỤ\n"
        "1. Giao Công an tỉnh rà soát phương án bảo đảm an ninh vùng lũ. Sở Tài chính phối hợp với Kho bạc Nhà nước "
        "bố trí kinh phí.\n"
    )
    assert _units(text)["1"][1] == []


# --- plural openers after a named body -----------------------------------------------------------------------------


@given(st.sampled_from(["các tỉnh, thành phố trực thuộc trung ương", "các phường, xã ven biển", "các thị xã, thị trấn",
                        "một số trường đại học", "một số hiệp hội ngành hàng"]))
def test_a_lower_case_plural_of_bodies_after_a_named_body_is_a_name_of_its_own(group: str) -> None:
    assert split_units(f"Bộ Xây dựng, Sở Tài chính, {group}") == ["Bộ Xây dựng", "Sở Tài chính", group]


def test_a_group_opened_by_mot_so_ends_a_list_of_kinds_before_it() -> None:
    assert split_units("Các sở, ngành tỉnh, một số tổ chức quốc tế") == ["Các sở, ngành tỉnh", "một số tổ chức quốc tế"]


def test_a_duty_carried_on_after_the_words_lien_quan_is_not_part_of_the_partner_name() -> None:
    assert split_units("Các ban, ngành và các bộ phận có liên quan trong thực hiện các tiêu chí")[-1] == (
        "các bộ phận có liên quan"
    )
    assert split_units("các cơ quan, đơn vị liên quan giữ vững chủ quyền")[-1].endswith("đơn vị liên quan")
    assert split_units("các bộ, ngành liên quan theo chức năng, nhiệm vụ được giao")[-1].endswith("ngành liên quan")
    # What belongs to the name stays: whose units they are, and who else.
    assert split_units("các đơn vị có liên quan thuộc Bộ")[-1] == "các đơn vị có liên quan thuộc Bộ"
    assert split_units("Các cơ quan liên quan của Bộ Ngoại giao")[-1] == "Các cơ quan liên quan của Bộ Ngoại giao"


def test_a_task_names_each_unit_once_and_without_the_duty_that_follows_it() -> None:
    from ansinh.documents.parsing.name_trim import trim_unit_names

    assert trim_unit_names(["Bộ Tài chính có trách nhiệm", "Bộ Tài chính", "các Cục Thuế khi", ""]) == [
        "Bộ Tài chính",
        "các Cục Thuế",
    ]
    assert trim_unit_names(["Tòa án nhân dân tỉnh phối hợp chặt chẽ với Công an tỉnh"]) == ["Tòa án nhân dân tỉnh"]
    # Words that belong to names stay: "trong tỉnh", "giáo dục thường xuyên", "theo quy định".
    kept = ["Các sở, ban, ngành trong tỉnh", "giám đốc các trung tâm giáo dục thường xuyên"]
    assert trim_unit_names(kept) == kept


def test_the_plural_of_kinds_with_ban_capitalised_stays_one_name() -> None:
    assert split_units("Các Sở, Ban, ngành, hội, đoàn thể tỉnh; các đơn vị lực lượng vũ trang tỉnh") == [
        "Các Sở, Ban, ngành, hội, đoàn thể tỉnh",
        "các đơn vị lực lượng vũ trang tỉnh",
    ]
    assert split_units("Các Sở, Ban Dân tộc tỉnh") == ["Các Sở", "Ban Dân tộc tỉnh"]  # a named board is a body of its own


def test_the_places_of_one_level_after_va_stay_with_their_body() -> None:
    assert split_units("các đơn vị lực lượng vũ trang tỉnh và UBND các huyện, thành phố") == [
        "các đơn vị lực lượng vũ trang tỉnh",
        "UBND các huyện, thành phố",
    ]
    assert split_units("Sở Y tế và UBND các huyện, thị xã, thành phố")[-1] == "UBND các huyện, thị xã, thành phố"
