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

Qua theo dõi và báo cáo của Văn phòng Đảng ủy, Thường trực Đảng ủy đôn đốc các cơ quan khẩn trương thực hiện, cụ
thể như sau:
1. Ban Xây dựng Đảng: Tham mưu Chương trình công tác toàn khóa của Ban Chấp hành Đảng bộ xã.
2. Văn phòng Đảng ủy: Hoàn thiện hồ sơ lưu trữ đại hội, nộp về Lưu trữ trước ngày 15/10/2025.
"""


def test_a_letter_that_cites_anothers_report_before_its_duties_is_no_report_and_its_points_are_tasks() -> None:
    units = _units(_LETTER)
    assert units == {"1": (["Ban Xây dựng Đảng"], []), "2": (["Văn phòng Đảng ủy"], [])}


_LETTER_WITH_OUTLINE = """ĐẢNG BỘ XÃ HÒA MỸ
Số 210-CV/ĐU
V/v báo cáo tổng kết năm 2026

Kính gửi: Các chi bộ trực thuộc.

Ban Thường vụ Đảng ủy đề nghị các chi bộ thực hiện như sau:
1. Các chi bộ xây dựng báo cáo kết quả thực hiện nhiệm vụ năm 2026, gửi Văn phòng Đảng ủy trước ngày 05/12/2026.
2. Văn phòng Đảng ủy tổng hợp, tham mưu Báo cáo năm 2026 của Đảng ủy.
Nơi nhận:
- Như trên,
- Lưu VPĐU.
T/M BAN THƯỜNG VỤ
BÍ THƯ
Nguyễn Văn An

ĐỀ CƯƠNG
Nội dung báo cáo năm của các chi bộ
I. Báo cáo tháng
1. Phản ánh tình hình, các vấn đề nổi lên cần quan tâm chỉ đạo.
2. Tóm tắt hoạt động lãnh đạo, chỉ đạo của cấp ủy, tổ chức đảng.
3. Nhiệm vụ trọng tâm trong tháng tiếp theo.
II. Báo cáo quý, 6 tháng và năm
1. Đánh giá tổng quát tình hình và kết quả lãnh đạo, chỉ đạo.
2. Nhiệm vụ, giải pháp cho thời gian tiếp theo.
3. Kiến nghị, đề xuất.
"""


def test_the_numbered_lines_of_a_report_outline_sent_after_the_signature_are_not_tasks() -> None:
    numbers = [t["number"] for t in extract_plan(normalize_text(_LETTER_WITH_OUTLINE), "probe")["tasks"]]
    assert numbers == ["1", "2"]


def test_a_labelled_monthly_report_is_monthly_and_due_on_its_day() -> None:
    text = _LETTER.replace("2. Văn phòng Đảng ủy:", "2. Chế độ báo cáo\nBáo cáo tháng: Gửi trước ngày 22 của tháng báo cáo.\n3. Văn phòng Đảng ủy:")
    duties = extract_plan(normalize_text(text), "probe")["reporting"]
    monthly = [d for d in duties if str(d["text"]).startswith("Báo cáo tháng")]
    assert [(d["frequency"], d["deadline_day"]) for d in monthly] == [("monthly", 22)]
