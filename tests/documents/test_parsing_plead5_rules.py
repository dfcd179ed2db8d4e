"""Issue 10, helper plead5 (lead and partner recall on items the parser finds): each rule on a short text written for it.

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


_HEAD = "KẾ HOẠCH\nPhát triển kinh tế tập thể trên địa bàn tỉnh năm 2027\n\nII. NHIỆM VỤ\n\n"


# --- associations and alliances open a body's name -------------------------------------------------------------------

_ASSOCIATIONS = ["Hiệp hội Doanh nghiệp tỉnh", "Liên minh Hợp tác xã tỉnh", "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh",
                 "Hiệp hội Du lịch tỉnh", "Hội Nông dân tỉnh"]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(_ASSOCIATIONS), min_size=2, max_size=4, unique=True))
def test_associations_and_alliances_listed_with_commas_are_one_body_each(names: list[str]) -> None:
    assert split_units(", ".join(names)) == names


def test_a_partner_line_naming_an_association_and_an_alliance_gives_each_as_a_partner() -> None:
    text = (
        _HEAD + "1. Tổ chức hội nghị kết nối hợp tác xã với doanh nghiệp.\n"
        "- Cơ quan chủ trì: Sở Công Thương\n"
        "- Cơ quan phối hợp: Sở Tài chính, Hiệp hội Doanh nghiệp tỉnh, Liên minh Hợp tác xã tỉnh\n"
        "- Thời gian thực hiện: Quý III năm 2027.\n\n"
        "2. Tổ chức tập huấn cho cán bộ quản lý hợp tác xã.\n- Cơ quan chủ trì: Sở Nông nghiệp và Môi trường\n"
    )
    assert _units(text)["1"] == (["Sở Công Thương"], ["Sở Tài chính", "Hiệp hội Doanh nghiệp tỉnh", "Liên minh Hợp tác xã tỉnh"])


# --- a run of adverbs of manner before "phối hợp với" ------------------------------------------------------------------

_DOERS = ["Sở Thông tin và Truyền thông, Báo tỉnh", "Đài Phát thanh và Truyền hình tỉnh", "Sở Văn hóa, Thể thao và Du lịch"]
_ADVERBS = ["tích cực, chủ động", "chủ động, kịp thời", "thường xuyên, tích cực,"]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(_DOERS), st.sampled_from(_ADVERBS))
def test_adverbs_of_manner_with_commas_between_the_doer_and_phoi_hop_end_the_doer_and_keep_the_partners(doer: str, adverbs: str) -> None:
    text = (
        "CÔNG ĐIỆN\nVề phòng, chống rét đậm, rét hại cho cây trồng, vật nuôi\n\n"
        "1. Sở Nông nghiệp và Môi trường chỉ đạo các địa phương hướng dẫn nông dân che chắn chuồng trại.\n\n"
        f"2. {doer} {adverbs} phối hợp với Sở Nông nghiệp và Môi trường, UBND các xã, phường tuyên truyền biện pháp "
        "phòng, chống rét cho vật nuôi.\n"
    )
    lead, partners = _units(text)["2"]
    assert lead == split_units(doer)
    assert partners == ["Sở Nông nghiệp và Môi trường", "UBND các xã, phường"]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["Chủ động, tích cực,", "Chủ động, tích cực", "Kịp thời, chủ động"]))
def test_a_later_sentence_opening_with_adverbs_then_phoi_hop_names_the_doers_partners(adverbs: str) -> None:
    text = (
        "CHỈ THỊ\nVề bảo đảm an ninh, trật tự dịp Tết Nguyên đán năm 2027\n\n"
        "1. Công an tỉnh\n\nNắm chắc tình hình, chủ động phòng ngừa các loại tội phạm. "
        f"{adverbs} phối hợp chặt chẽ với các cơ quan, đơn vị chức năng trong công tác bảo đảm an toàn giao thông.\n\n"
        "2. Sở Y tế\n\nBảo đảm thuốc, vật tư y tế phục vụ nhân dân.\n"
    )
    assert _units(text)["1"] == (["Công an tỉnh"], ["các cơ quan, đơn vị chức năng"])


# --- "và các địa phương", "và các tổ chức" (also OCR's "tô chức") after a named body open a name of their own -----------

_NAMED = ["Công an tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Sở Y tế", "Bộ Kế hoạch và Đầu tư"]
_KINDS = ["các địa phương", "các tổ chức chính trị - xã hội", "các tô chức chính trị - xã hội"]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(_NAMED), st.sampled_from(_KINDS))
def test_a_named_body_and_a_plural_kind_of_body_joined_by_va_are_two_names(named: str, kind: str) -> None:
    assert split_units(f"{named} và {kind}") == [named, kind]


def test_a_generic_phrase_and_the_localities_joined_by_va_stay_one_name() -> None:
    assert split_units("các bộ, ngành liên quan và các địa phương") == ["các bộ, ngành liên quan và các địa phương"]


def test_the_catch_all_after_a_named_body_is_a_name_of_its_own() -> None:
    # pcoord17: "X và các cơ quan liên quan" after a named body is two parties, as the corpus README's first rule says
    # ("UBND TP Hà Nội và các đơn vị liên quan" is two names) and most dev gold lists them.
    assert split_units("Sở Tài chính và các cơ quan liên quan") == ["Sở Tài chính", "các cơ quan liên quan"]


# --- the partners of "X chủ trì, phối hợp với Y" end at the duty's verb, not inside a name ----------------------------

@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["Ban cán sự đảng Ủy ban nhân dân tỉnh", "Ban Cơ yếu Chính phủ", "các sở, ban, ngành liên quan"]),
       st.sampled_from(["thẩm định hồ sơ", "tiếp tục rà soát", "rà soát, ban hành"]))
def test_the_partners_of_a_lead_clause_end_where_the_duty_verb_begins(partner: str, duty: str) -> None:
    text = (
        "KẾ HOẠCH\nThực hiện chính sách trợ giúp xã hội năm 2027\n\nII. NHIỆM VỤ\n\n"
        f"1. Sở Y tế chủ trì, phối hợp với Bộ Công an, {partner} {duty} chính sách đặc thù của tỉnh.\n"
        "2. Sở Tài chính chủ trì bố trí kinh phí thực hiện.\n"
    )
    assert _units(text)["1"] == (["Sở Y tế"], ["Bộ Công an", partner])
