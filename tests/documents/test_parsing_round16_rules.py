"""Issue 10, round 16: each rule on a short text written for it.

The texts are composed from how Vietnamese administrative documents hand out duties (Decree 30/2020), not copied
from any corpus document.
"""

from __future__ import annotations

from ansinh.documents.parsing import extract_plan
from ansinh.lib.text import normalize_text


def _units(text: str) -> dict[str, tuple[list[str], list[str]]]:
    result = extract_plan(normalize_text(text), "probe")
    return {t["number"]: (t["lead"], t["coordinate"]) for t in result["tasks"]}


_PROGRAMME = """ĐẢNG BỘ XÃ HÒA MỸ
CHƯƠNG TRÌNH
Kiểm tra, giám sát của Ban Chấp hành Đảng bộ xã năm 2026

I. MỤC ĐÍCH, YÊU CẦU
Nâng cao chất lượng công tác kiểm tra, giám sát.

II. NỘI DUNG KIỂM TRA, GIÁM SÁT
1. Kiểm tra việc lãnh đạo thực hiện Nghị quyết Đại hội Đảng bộ xã nhiệm kỳ 2025 - 2030. (Giao Ban Xây dựng
Đảng chủ trì, tham mưu trong quý II/2026).
2. Giám sát công tác cải cách hành chính tại Ủy ban nhân dân xã (Giao Ủy ban Kiểm tra Đảng ủy chủ trì, phối hợp
với Văn phòng Đảng ủy tham mưu trong quý III/2026).
* Năm 2027: (02 cuộc kiểm tra)
3. Kiểm tra công tác quản lý đất đai (02 cuộc) trên địa bàn xã.
4. Giám sát việc thực hiện quy chế dân chủ ở cơ sở (Đảng ủy xã chỉ đạo chung) tại các thôn.

III. TỔ CHỨC THỰC HIỆN
Văn phòng Đảng ủy theo dõi, tổng hợp.
"""


def test_an_aside_closing_an_item_that_hands_it_over_gives_its_lead() -> None:
    units = _units(_PROGRAMME)
    assert units["1"] == (["Ban Xây dựng Đảng"], [])


def test_the_partners_named_in_a_closing_aside_coordinate_the_item() -> None:
    units = _units(_PROGRAMME)
    assert units["2"] == (["Ủy ban Kiểm tra Đảng ủy"], ["Văn phòng Đảng ủy"])


def test_an_aside_inside_the_sentence_or_without_a_role_assigns_nothing() -> None:
    units = _units(_PROGRAMME)
    assert units["3"] == ([], [])
    assert units["4"] == ([], [])


_LETTER = """ĐẢNG BỘ XÃ HÒA MỸ
Số 45-CV/ĐU
V/v đôn đốc thực hiện nhiệm vụ được giao

Kính gửi: Các cơ quan tham mưu, giúp việc Đảng ủy.

Qua theo dõi và báo cáo của Văn phòng Đảng ủy, Thường trực Đảng ủy yêu cầu các cơ quan khẩn trương thực hiện, cụ
thể như sau:
1. Ban Xây dựng Đảng: Tham mưu Chương trình công tác toàn khóa của Ban Chấp hành Đảng bộ xã.
2. Văn phòng Đảng ủy: Hoàn thiện hồ sơ lưu trữ đại hội, nộp về Lưu trữ trước ngày 15/10/2025.
"""


def test_a_letter_that_cites_anothers_report_before_its_duties_is_no_report_and_its_points_are_tasks() -> None:
    units = _units(_LETTER)
    assert units == {"1": (["Ban Xây dựng Đảng"], []), "2": (["Văn phòng Đảng ủy"], [])}
