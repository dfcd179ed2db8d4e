"""Issue 10, helper plead2 (lead and partner units on unseen documents): each rule on a short text written for it.

The texts are composed from how Vietnamese administrative documents name and assign bodies (Decree 30/2020), not
copied from any corpus document.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan
from ansinh.documents.parsing.unit_names import split_units
from ansinh.lib.text import normalize_text
from tests.sizes import size


def _units(text: str) -> dict[str, tuple[list[str], list[str]]]:
    result = extract_plan(normalize_text(text), "probe")
    return {t["number"]: (t["lead"], t["coordinate"]) for t in result["tasks"]}


# --- names -----------------------------------------------------------------------------------------------------


def test_a_newspaper_named_after_a_province_is_a_body_not_the_verb_bao_quan() -> None:
    assert split_units("Sở Nội vụ, Báo Quảng Trị") == ["Sở Nội vụ", "Báo Quảng Trị"]
    assert split_units("Đài Phát thanh và Truyền hình tỉnh, Báo Quảng Bình") == [
        "Đài Phát thanh và Truyền hình tỉnh",
        "Báo Quảng Bình",
    ]


def test_two_named_bodies_joined_by_va_are_two_names() -> None:
    assert split_units("Sở Tài chính và Kho bạc Nhà nước khu vực") == ["Sở Tài chính", "Kho bạc Nhà nước khu vực"]
    assert split_units("Hội Cựu chiến binh xã và Hội Nông dân xã") == ["Hội Cựu chiến binh xã", "Hội Nông dân xã"]


def test_a_joint_office_and_a_name_that_goes_on_after_va_stay_one_name() -> None:
    assert split_units("Văn phòng HĐND và UBND phường") == ["Văn phòng HĐND và UBND phường"]
    assert split_units("Thường trực HĐND và UBND xã") == ["Thường trực HĐND và UBND xã"]
    # A body and an officer who share one duty are written as one.
    assert split_units("Công an xã và Công chức Tư pháp - Hộ tịch") == ["Công an xã và Công chức Tư pháp - Hộ tịch"]
    assert split_units("Chi cục Thủy lợi và Phòng, chống thiên tai") == ["Chi cục Thủy lợi và Phòng, chống thiên tai"]
    assert split_units("Sở Khoa học và Công nghệ") == ["Sở Khoa học và Công nghệ"]


def test_a_kind_of_body_with_words_of_its_own_after_va_is_a_name_of_its_own() -> None:
    assert split_units("Liên đoàn Lao động tỉnh và cơ quan liên quan") == ["Liên đoàn Lao động tỉnh", "cơ quan liên quan"]
    assert split_units("Nhà đầu tư và chính quyền địa phương") == ["Nhà đầu tư", "chính quyền địa phương"]
    assert split_units("các trường trung học phổ thông, trung tâm giáo dục thường xuyên và đơn vị liên quan") == [
        "các trường trung học phổ thông",
        "trung tâm giáo dục thường xuyên",
        "đơn vị liên quan",
    ]


def test_a_bare_kind_after_va_stays_on_the_list() -> None:
    assert split_units("các sở, ngành, cơ quan trung ương và địa phương") == ["các sở, ngành, cơ quan trung ương và địa phương"]
    # The catch-all "và các cơ quan liên quan" after a named body is a party of its own, as "và cơ quan liên quan" is
    # (pcoord17: the dev gold lists it apart far more often); after a plural it stays on the list.
    assert split_units("Sở Y tế và các cơ quan liên quan") == ["Sở Y tế", "các cơ quan liên quan"]
    assert split_units("các sở, ngành và các cơ quan liên quan") == ["các sở, ngành và các cơ quan liên quan"]


_NAMED = st.sampled_from(
    ["Sở Y tế", "Công an tỉnh", "Sở Tài chính", "Bảo hiểm xã hội tỉnh", "Hội Nông dân tỉnh", "Kho bạc Nhà nước tỉnh",
     "Sở Giáo dục và Đào tạo", "Sở Văn hóa, Thể thao và Du lịch", "Báo Quảng Nam", "Ban Quản lý dự án số 2"]
)
_KIND = st.sampled_from(["cơ quan liên quan", "chính quyền địa phương", "đơn vị có liên quan", "tổ chức chính trị - xã hội"])


@settings(max_examples=size(40, 60), deadline=None)
@given(st.lists(_NAMED, min_size=2, max_size=4, unique=True), st.one_of(st.none(), _KIND))
def test_named_bodies_joined_by_commas_and_a_last_va_split_back_into_their_names(names: list[str], kind: str | None) -> None:
    text = ", ".join(names[:-1]) + f" và {names[-1]}" + (f" và {kind}" if kind else "")
    assert split_units(text) == names + ([kind] if kind else [])


# --- one list of kinds of bodies ---------------------------------------------------------------------------------


def test_a_kind_with_words_of_its_own_closes_a_list_of_kinds_for_every_kind_of_body() -> None:
    assert split_units("các tổ chức quốc tế, viện nghiên cứu, các trường đại học") == [
        "các tổ chức quốc tế",
        "viện nghiên cứu",
        "các trường đại học",
    ]
    assert split_units("các Sở, ngành Thành phố, bệnh viện, trung tâm y tế") == ["các Sở, ngành Thành phố", "bệnh viện, trung tâm y tế"]


def test_a_heading_that_addresses_a_plural_kind_of_body_gives_the_lead() -> None:
    text = (
        "KẾ HOẠCH\nThực hiện chính sách năm 2026\n\nI. NHIỆM VỤ\n\n1. Rà soát hộ nghèo\n\nLập danh sách hộ nghèo.\n\n"
        "2. Các thị trấn:\n\nTổ chức hội nghị đối thoại.\n"
    )
    assert _units(text)["2"][0] == ["Các thị trấn"]


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["sở", "ngành", "cục", "viện", "bệnh viện", "hội đồng", "thị trấn", "đặc khu", "ban chỉ đạo", "hộ gia đình"]))
def test_every_kind_a_list_shares_is_also_a_kind_a_heading_can_address(kind: str) -> None:
    from ansinh.documents.parsing.name_lists import bare_kind
    from ansinh.documents.parsing.subject_leads import _generic_bodies

    assert bare_kind(kind)
    assert _generic_bodies(f"Các {kind}")


# --- text without diacritics -------------------------------------------------------------------------------------


def test_parts_of_a_council_named_once_at_the_end_read_the_same_without_diacritics() -> None:
    assert split_units("Thuong truc, cac ban va cac to dai bieu Hoi dong nhan dan xa") == [
        "Thuong truc Hoi dong nhan dan xa",
        "cac ban Hoi dong nhan dan xa",
        "cac to dai bieu Hoi dong nhan dan xa",
    ]


def test_a_body_numbered_in_its_name_leads_without_diacritics_too() -> None:
    from ansinh.documents.parsing.clause_units import read_clause
    from ansinh.documents.parsing.clean import fold_same_length

    for text in (
        "Giao Ban Quản lý dự án đầu tư xây dựng số 2 chủ trì, phối hợp Sở Xây dựng làm việc với các hộ dân",
        "Giao Ban Quan ly du an dau tu xay dung so 2 chu tri, phoi hop So Xay dung lam viec voi cac ho dan",
    ):
        found = read_clause(text, fold_same_length(text).lower())
        assert found is not None
        assert [len(found[0][0].split()), len(found[1])] == [11, 1]  # "Ban … số 2", and "Sở Xây dựng"


# --- partners on the duties' dash lines ----------------------------------------------------------------------------


def test_a_dash_line_that_opens_with_phoi_hop_names_partners_of_the_item_headed_by_its_doer() -> None:
    text = (
        "CHỈ THỊ\nVề tăng cường công tác phòng cháy năm 2026\n\nI. NHIỆM VỤ, GIẢI PHÁP\n\n"
        "1. Nhiệm vụ của các sở\n\n"
        "a) Sở Công Thương:\n"
        "- Chủ trì, phối hợp với Sở Xây dựng rà soát các cơ sở sản xuất.\n"
        "- Hướng dẫn các doanh nghiệp thực hiện quy định an toàn.\n"
        "- Phối hợp với Công an tỉnh kiểm tra các kho hàng hóa.\n\n"
        "b) Sở Y tế:\n"
        "- Bảo đảm thuốc, vật tư cấp cứu.\n"
    )
    units = _units(text)
    assert units["1.a"] == (["Sở Công Thương"], ["Sở Xây dựng", "Công an tỉnh"])
    assert units["1.b"] == (["Sở Y tế"], [])


def test_a_partner_label_is_not_added_to() -> None:
    text = (
        "KẾ HOẠCH\nTriển khai năm 2026\n\nII. NHIỆM VỤ\n\n"
        "1. Rà soát hộ nghèo\n"
        "- Phối hợp với Hội Nông dân tỉnh lập danh sách.\n"
        "- Chủ trì: Sở Nội vụ.\n"
        "- Phối hợp: Ủy ban nhân dân các xã, phường.\n"
    )
    assert _units(text)["1"][1] == ["Ủy ban nhân dân các xã, phường"]
