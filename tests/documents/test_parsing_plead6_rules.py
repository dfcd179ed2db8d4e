"""Issue 10, helper plead6 (leads lost on items the parser finds): each rule on a short text written for it.

The texts are composed from how Vietnamese administrative documents name and assign bodies (Decree 30/2020), not
copied from any corpus document.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan
from ansinh.documents.parsing.unit_names import split_units
from ansinh.lib.text import normalize_text


def _units(text: str) -> dict[str, tuple[list[str], list[str]]]:
    result = extract_plan(normalize_text(text), "probe")
    return {t["number"]: (t["lead"], t["coordinate"]) for t in result["tasks"]}


# --- a second "các" after a list of three kinds opens a plural of its own ---------------------------------------------

_KIND_LISTS = ["Các sở, ban, ngành", "Thủ trưởng các cơ quan, đơn vị, địa phương", "các phòng, ban, đơn vị"]
_PLURALS = ["các đảng ủy trực thuộc Huyện ủy", "các chủ đầu tư dự án", "các doanh nghiệp nhà nước trên địa bàn"]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(_KIND_LISTS), st.sampled_from(_PLURALS))
def test_a_plural_opened_by_cac_after_a_list_of_three_kinds_is_a_name_of_its_own(kinds: str, plural: str) -> None:
    assert split_units(f"{kinds}, {plural}") == [kinds, plural]


def test_after_two_kinds_a_plural_of_officials_stays_on_the_list() -> None:
    name = "các cơ quan, đơn vị, các công chức, cán bộ có liên quan"
    assert split_units(name) == [name]


def test_an_item_led_by_a_list_of_kinds_and_a_plural_after_it_has_two_leads() -> None:
    text = (
        "KẾ HOẠCH\nTriển khai chính sách hỗ trợ người lao động năm 2027\n\nII. NHIỆM VỤ\n\n"
        "1. Rà soát đối tượng được hỗ trợ theo chính sách mới.\n"
        "- Cơ quan chủ trì: Các sở, ban, ngành, các đảng ủy trực thuộc Huyện ủy.\n"
        "- Thời gian thực hiện: Quý II năm 2027.\n\n"
        "2. Tổng hợp kết quả thực hiện.\n- Cơ quan chủ trì: Phòng Nội vụ.\n"
    )
    assert _units(text)["1"][0] == ["Các sở, ban, ngành", "các đảng ủy trực thuộc Huyện ủy"]


# --- a kind of body named by the work it does: "các cơ quan tham mưu, giúp việc", "các đơn vị cung cấp dịch vụ" --------

_NAMED_BY_WORK = [
    "các cơ quan chuyên trách tham mưu, giúp việc Huyện ủy",
    "các cơ quan tham mưu, giúp việc Đảng ủy xã",
    "các đơn vị cung cấp dịch vụ bưu chính trên địa bàn",
    "các doanh nghiệp cung cấp dịch vụ viễn thông",
]
_OPENERS = ["Ban Tuyên giáo Huyện ủy", "Viễn thông tỉnh, Bưu điện tỉnh", "Đảng ủy Ủy ban nhân dân huyện"]
_DUTIES = ["tổ chức tuyên truyền sâu rộng nội dung Chỉ thị này", "triển khai thực hiện nghiêm các nội dung trên",
           "chỉ đạo, hướng dẫn, kiểm tra việc thực hiện"]


def _directive(doers: str, duty: str) -> str:
    return (
        "KẾ HOẠCH\nThực hiện chuyển đổi số trong các cơ quan năm 2027\n\nII. NHIỆM VỤ\n\n"
        "1. Sở Khoa học và Công nghệ hướng dẫn các cơ quan triển khai nền tảng số dùng chung.\n\n"
        f"2. {doers} {duty}.\n"
    )


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(_OPENERS), st.sampled_from(_NAMED_BY_WORK), st.sampled_from(_DUTIES))
def test_the_work_a_kind_of_body_is_named_by_stays_in_its_name_and_the_duty_after_it_opens(opener: str, kind: str, duty: str) -> None:
    lead = _units(_directive(f"{opener}, {kind}", duty))["2"][0]
    assert lead[-1] == kind


def test_advisory_bodies_named_by_their_work_lead_with_the_bodies_before_them() -> None:
    text = _directive("Ban Tổ chức Huyện ủy, các cơ quan tham mưu, giúp việc Huyện ủy", "chủ động tham mưu triển khai kế hoạch")
    assert _units(text)["2"][0] == ["Ban Tổ chức Huyện ủy", "các cơ quan tham mưu, giúp việc Huyện ủy"]


def test_after_noi_the_words_of_a_providers_work_open_a_clause_about_a_place() -> None:
    # "UBND các xã nơi đơn vị cung cấp dịch vụ đặt trụ sở": the communes lead, the provider is where they act.
    text = _directive("Giao Ủy ban nhân dân các xã nơi đơn vị cung cấp dịch vụ đặt trụ sở", "có văn bản chấp thuận")
    assert "Ủy ban nhân dân các xã" in " ".join(_units(text)["2"][0])


# --- words of a duty that fold like a body's head word are no body --------------------------------------------------

_DUTY_OPENINGS = [
    "Đôn đốc các chủ đầu tư hoàn thành hồ sơ",  # "Đồn" (a border post) folded
    "Sơ kết 05 năm thực hiện Nghị quyết",  # "Sở"
    "Quy hoạch mạng lưới cơ sở trợ giúp xã hội",  # "Quỹ"
    "Quy định về trách nhiệm giải trình",
    "Quý IV năm 2027",
    "Bản đồ hiện trạng khu vực khai thác",  # "Ban"
    "Bảo mật thông tin cá nhân",  # "Báo"
    "Đơn giản hóa thủ tục hành chính",
    "Sổ",
]
_REAL_HEADS = ["Đồn Biên phòng Cửa khẩu Quốc tế", "Sở Xây dựng", "Quỹ Hỗ trợ nông dân tỉnh", "Ban Đô thị Hội đồng nhân dân",
               "Báo Nhân dân", "Bảo hiểm xã hội tỉnh", "Đơn vị sự nghiệp công lập"]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(_DUTY_OPENINGS), st.booleans())
def test_the_words_of_a_duty_that_fold_like_a_head_word_open_no_body(words: str, without_marks: bool) -> None:
    from ansinh.documents.parsing.unit_names import opens_with_agency
    from ansinh.lib.text import fold

    text = fold(words) if without_marks and not words.startswith("Bản đồ") else words
    assert not opens_with_agency(text)


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(_REAL_HEADS))
def test_the_bodies_those_words_fold_like_still_open_a_name(name: str) -> None:
    from ansinh.documents.parsing.unit_names import opens_with_agency

    assert opens_with_agency(name)


def test_an_item_that_opens_with_don_doc_is_not_led_by_it() -> None:
    text = (
        "KẾ HOẠCH\nThu hồi nợ thuế năm 2027\n\nII. NHIỆM VỤ\n\n"
        "1. Đôn đốc nhập dữ liệu kết quả thanh tra, kiểm tra vào hệ thống quản lý thuế.\n\n"
        "2. Sở Tài chính chủ trì, phối hợp với Thuế tỉnh rà soát các khoản nợ đọng.\n"
    )
    units = _units(text)
    assert units["1"][0] == [] and units["2"][0] == ["Sở Tài chính"]
