"""Issue 10 (partner units, third round): each rule shown on short texts written for it.

The probe texts are composed here from how provincial directives are built (Decree 30/2020: "Sở X chủ động phối hợp
Sở Y …", "Công an tỉnh phối hợp, hỗ trợ …", an aside after a partner's name), not copied from any corpus document.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing.clause_units import read_clause
from ansinh.documents.parsing.clean import fold_same_length


def _clause(text: str) -> tuple[list[str], list[str]] | None:
    return read_clause(text, fold_same_length(text).lower())


def test_an_adverb_before_the_role_is_not_part_of_the_doer() -> None:
    assert _clause("Sở Y tế chủ động phối hợp Sở Tài chính, Công an tỉnh tổ chức kiểm tra") == (
        ["Sở Y tế"],
        ["Sở Tài chính", "Công an tỉnh"],
    )
    assert _clause("Ủy ban nhân dân xã tích cực phối hợp với Hội Nông dân xã rà soát hộ nghèo") == (
        ["Ủy ban nhân dân xã"],
        ["Hội Nông dân xã"],
    )


def test_a_second_verb_after_phoi_hop_and_the_matter_after_the_partners() -> None:
    assert _clause("Bộ Chỉ huy Quân sự tỉnh phối hợp, hỗ trợ chính quyền địa phương, Sở Xây dựng trong công tác cứu hộ") == (
        ["Bộ Chỉ huy Quân sự tỉnh"],
        ["chính quyền địa phương", "Sở Xây dựng"],
    )


def test_an_aside_after_a_partner_does_not_end_the_list() -> None:
    assert _clause(
        "Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp (cơ quan thường trực của Hội đồng phổ biến pháp luật), Sở Tài chính tổ chức tập huấn"
    ) == (["Sở Nội vụ"], ["Sở Tư pháp", "Sở Tài chính"])
    # A role inside the parenthesis is not an aside: the partners stop there.
    assert _clause("Sở Nội vụ phối hợp với Sở Tư pháp (chủ trì) tổ chức tập huấn") == (["Sở Nội vụ"], ["Sở Tư pháp"])


@settings(max_examples=40, deadline=None)
@given(
    adverb=st.sampled_from(["chủ động", "tích cực", "kịp thời", "thường xuyên", ""]),
    partner=st.sampled_from(["Sở Tài chính", "Công an tỉnh", "Đài Phát thanh và Truyền hình tỉnh"]),
    aside=st.sampled_from(["", " (cơ quan thường trực)", " (thành viên Ban Chỉ đạo)"]),
)
def test_the_doer_and_partners_survive_adverbs_and_asides(adverb: str, partner: str, aside: str) -> None:
    text = f"Sở Y tế {adverb} phối hợp với {partner}{aside}, Sở Xây dựng tổ chức kiểm tra".replace("  ", " ")
    assert _clause(text) == (["Sở Y tế"], [partner, "Sở Xây dựng"])


def _units(text: str) -> dict[str, tuple[list[str], list[str]]]:
    from ansinh.documents.parsing import extract_plan
    from ansinh.lib.text import normalize_text

    result = extract_plan(normalize_text(text), "probe")
    return {t["number"]: (t["lead"], t["coordinate"]) for t in result["tasks"]}


_DIRECTIVE = """ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH
CHỈ THỊ
Về tăng cường công tác phòng cháy, chữa cháy

Để tăng cường công tác phòng cháy, chữa cháy, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:

1. Công an tỉnh: Chủ trì tổ chức kiểm tra an toàn phòng cháy tại các cơ sở.

2. Sở Công Thương: Theo chức năng, nhiệm vụ của mình có trách nhiệm phối hợp với Công an tỉnh trong việc kiểm tra các chợ, trung tâm thương mại.

3. Sở Y tế: Hướng dẫn các cơ sở khám bệnh rà soát phương án thoát nạn; đồng thời, phối hợp với Công an tỉnh tổ chức diễn tập.

4. Sở Văn hóa và Thể thao, Đài Phát thanh và Truyền hình tỉnh:

Phối hợp với Công an tỉnh, Ủy ban nhân dân các huyện tuyên truyền về phòng cháy, chữa cháy.
"""


def test_an_item_headed_by_its_doer_names_partners_in_its_duty() -> None:
    units = _units(_DIRECTIVE)
    assert units["2"][1] == ["Công an tỉnh"]
    assert units["3"][1] == ["Công an tỉnh"]
    assert units["4"][1] == ["Công an tỉnh", "Ủy ban nhân dân các huyện"]
    assert units["1"][1] == []


def test_another_subject_before_the_cue_keeps_its_partners_to_itself() -> None:
    from ansinh.documents.parsing.partner_clauses import own_partners_at

    text = "Sở Xây dựng: Hướng dẫn, đề nghị Ủy ban nhân dân các huyện có trách nhiệm phối hợp với Công an tỉnh kiểm tra"
    assert own_partners_at(text, fold_same_length(text).lower()) is None
    text = "Sở Xây dựng: Theo chức năng có trách nhiệm phối hợp với Công an tỉnh kiểm tra"
    assert own_partners_at(text, fold_same_length(text).lower()) == text.index("Công an")


def test_phoi_hop_thuc_hien_over_points_names_no_partner() -> None:
    text = """ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH
CHỈ THỊ
Về bảo đảm cung ứng hàng hóa dịp Tết

1. Sở Công Thương chủ trì, phối hợp thực hiện

a) Theo dõi sát diễn biến cung cầu hàng hóa thiết yếu.

b) Phối hợp với Cục Quản lý thị trường tỉnh kiểm tra việc niêm yết giá.

2. Sở Tài chính chủ trì, phối hợp triển khai

a) Bảo đảm kinh phí cho công tác bình ổn giá.
"""
    units = _units(text)
    assert units["1"][0] == ["Sở Công Thương"]
    assert all(not name.startswith(("thực hiện", "triển khai")) for _, partners in units.values() for name in partners)
    assert units["2"][1] == []
    assert units["1.b"][1] == ["Cục Quản lý thị trường tỉnh"]


def test_a_long_label_names_the_doer_before_its_colon() -> None:
    assert _clause("Ban Quản lý các Khu công nghiệp tỉnh: Hướng dẫn các doanh nghiệp chuẩn bị điều kiện") == (
        ["Ban Quản lý các Khu công nghiệp tỉnh"],
        [],
    )
    assert _clause("Sở Nông nghiệp và Môi trường (cơ quan thường trực Ban Chỉ huy): Chỉ đạo các đơn vị theo dõi") is not None
