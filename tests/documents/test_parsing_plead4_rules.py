"""Issue 10, helper plead4 (lead and partner recall on items the parser finds): each rule on a short text written for it.

The texts are composed from how Vietnamese administrative documents name and assign bodies (Decree 30/2020), not
copied from any corpus document.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan
from ansinh.lib.text import normalize_text


def _units(text: str) -> dict[str, tuple[list[str], list[str]]]:
    result = extract_plan(normalize_text(text), "probe")
    return {t["number"]: (t["lead"], t["coordinate"]) for t in result["tasks"]}


_HEAD = "CHỈ THỊ\nVề tăng cường phòng chống dịch bệnh trên cây trồng năm 2027\n\n"
_DOERS = ["Sở Nông nghiệp và Môi trường", "Công an tỉnh", "Ủy ban nhân dân các xã, phường", "Hội Nông dân tỉnh"]
_PARTNERS = ["Sở Tài chính", "Đài Phát thanh và Truyền hình tỉnh", "các hợp tác xã nông nghiệp", "Bộ Chỉ huy Quân sự tỉnh"]


# --- a verb or an adverb of manner after the doer ends its name ------------------------------------------------------

# "kịp thời", "tích cực": adverbs of manner; "phát huy", "tiếp thu": verbs that open a duty. None is part of a name.
_OPENINGS = ["tích cực hỗ trợ nông dân trong việc", "kịp thời hướng dẫn nông dân", "phát huy vai trò của mình trong việc",
             "tiếp thu ý kiến của nông dân,"]


@settings(max_examples=30)
@given(st.sampled_from(_DOERS), st.sampled_from(_OPENINGS))
def test_an_adverb_of_manner_or_a_duty_verb_after_the_doer_ends_the_doers_name(doer: str, opening: str) -> None:
    text = (
        _HEAD + "1. Sở Y tế chủ trì phòng chống dịch bệnh cho người trên địa bàn tỉnh.\n\n"
        f"2. {doer} {opening} phun thuốc phòng trừ sâu bệnh trên diện rộng, báo cáo kết quả về Ủy ban nhân dân tỉnh.\n"
    )
    assert _units(text)["2"][0] == [doer]


@settings(max_examples=30)
@given(st.sampled_from(_DOERS), st.sampled_from(_PARTNERS))
def test_partners_named_before_an_adverb_of_manner_end_at_the_adverb(doer: str, partner: str) -> None:
    text = (
        _HEAD + "1. Sở Y tế chủ trì phòng chống dịch bệnh cho người trên địa bàn tỉnh.\n\n"
        f"2. {doer}: Hướng dẫn nông dân vệ sinh đồng ruộng; đồng thời, phối hợp với {partner} kịp thời tháo gỡ "
        "khó khăn khi phun thuốc.\n"
    )
    assert _units(text)["2"] == ([doer], [partner])


# --- the doer's remit between the doer and "phối hợp với" -------------------------------------------------------------

_REMITS = ["theo chức năng nhiệm vụ,", "theo chức năng, nhiệm vụ chủ động", "theo chức năng, nhiệm vụ được giao, tích cực",
           "căn cứ chức năng, nhiệm vụ,"]


@settings(max_examples=40)
@given(st.sampled_from(_DOERS), st.sampled_from(_PARTNERS), st.sampled_from(_REMITS), st.booleans())
def test_the_doers_remit_before_phoi_hop_voi_leaves_the_bodies_after_it_as_partners(
    doer: str, partner: str, remit: str, assigned: bool
) -> None:
    opening = f"Giao {doer}" if assigned else doer
    text = (
        _HEAD + "1. Sở Y tế chủ trì phòng chống dịch bệnh cho người trên địa bàn tỉnh.\n\n"
        f"2. {opening} {remit} phối hợp với {partner} triển khai thực hiện các nội dung theo quy định.\n"
    )
    assert _units(text)["2"] == ([doer], [partner])


def test_a_remit_with_no_role_after_it_gives_no_partners() -> None:
    text = (
        _HEAD + "1. Sở Y tế chủ trì phòng chống dịch bệnh cho người trên địa bàn tỉnh.\n\n"
        "2. Sở Tài chính theo chức năng, nhiệm vụ chủ động bố trí kinh phí phòng chống dịch bệnh.\n"
    )
    assert _units(text)["2"] == (["Sở Tài chính"], [])


# --- a plural of a kind opens a list that later bodies do not join --------------------------------------------------


def test_a_plural_kind_with_its_shared_kinds_stays_one_name_and_a_body_after_it_starts_another() -> None:
    from ansinh.documents.parsing.unit_names import split_units

    assert split_units("Các Sở, ban, ngành tỉnh, một số Tổng lãnh sự quán") == ["Các Sở, ban, ngành tỉnh", "một số Tổng lãnh sự quán"]
    assert split_units("Các sở, ngành, VTV") == ["Các sở, ngành", "VTV"]
    assert split_units("Các sở, ban, ngành") == ["Các sở, ban, ngành"]


# --- after "các" a verb's words name bodies --------------------------------------------------------------------------


@settings(max_examples=20)
@given(st.sampled_from(_DOERS))
def test_a_kind_after_cac_that_reads_like_a_verb_stays_in_the_addressed_bodies(doer: str) -> None:
    # "tổ chức" is a verb (to organise) and a noun (an organisation): after "các" it names bodies, as every reader holds.
    text = (
        _HEAD + "1. Sở Y tế chủ trì phòng chống dịch bệnh cho người trên địa bàn tỉnh.\n\n"
        f"2. Đề nghị {doer} và các tổ chức thành viên hỗ trợ nông dân phun thuốc phòng trừ sâu bệnh.\n"
    )
    assert _units(text)["2"][0] == [doer, "các tổ chức thành viên"]
