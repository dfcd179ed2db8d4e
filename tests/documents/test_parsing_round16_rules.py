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


_REGIME_LETTER = """ĐẢNG BỘ XÃ HÒA MỸ
Số 31-CV/ĐU
V/v thực hiện chế độ thông tin, báo cáo

Kính gửi: Các chi bộ trực thuộc.

Thường trực Đảng ủy đề nghị các chi bộ thực hiện chế độ thông tin, báo cáo như sau:
1. Các loại báo cáo:
- Báo cáo tháng: Phản ánh những vấn đề nổi lên về an ninh, trật tự ở cơ sở.
- Báo cáo năm: Đánh giá toàn diện kết quả lãnh đạo, chỉ đạo của chi bộ.
2. Thời kỳ lấy số liệu và thời gian gửi báo cáo:
- Báo cáo tháng: Gửi trước ngày 20 hằng tháng.
- Báo cáo năm: Gửi trước ngày 20 tháng 11.
"""


def test_the_points_of_a_letter_that_states_a_reporting_regime_are_not_tasks() -> None:
    assert extract_plan(normalize_text(_REGIME_LETTER), "probe")["tasks"] == []


def test_a_regimes_lines_on_what_a_report_holds_give_way_to_its_lines_on_when_it_is_sent() -> None:
    duties = extract_plan(normalize_text(_REGIME_LETTER), "probe")["reporting"]
    assert [(d["frequency"], d["deadline_day"], d["deadline_month"]) for d in duties] == [("monthly", 20, None), ("annual", 20, 11)]


_DISPATCH = """ỦY BAN NHÂN DÂN TỈNH BÌNH AN
Số: 812/UBND-NC
V/v tăng cường phòng, chống buôn lậu qua biên giới

Kính gửi: Các sở, ban, ngành cấp tỉnh.

Ủy ban nhân dân tỉnh yêu cầu:
1. Bộ Chỉ huy Bộ đội Biên phòng tỉnh chỉ đạo các đồn biên phòng tăng cường tuần tra, kiểm soát trên tuyến
biên giới; quản lý chặt chẽ hoạt động xuất nhập cảnh. Phối hợp các đồn Công an cửa khẩu kịp thời phát hiện, xử lý
các hành vi buôn lậu qua biên giới.
2. Sở Công Thương chỉ đạo lực lượng quản lý thị trường kiểm tra hàng hóa lưu thông trên địa bàn. Phối hợp tổ
chức tuyên truyền cho các hộ kinh doanh.
"""


def test_a_later_sentence_opening_with_phoi_hop_and_a_body_names_the_items_partner() -> None:
    units = _units(_DISPATCH)
    assert units["1"] == (["Bộ Chỉ huy Bộ đội Biên phòng tỉnh"], ["các đồn Công an cửa khẩu"])
    assert units["2"] == (["Sở Công Thương"], [])  # "Phối hợp tổ chức …": a verb follows, no body


def test_a_count_named_only_by_its_verb_is_named_as_the_number_of_what_it_brings_about() -> None:
    text = """ỦY BAN NHÂN DÂN TỈNH BÌNH AN
KẾ HOẠCH
Phát triển du lịch giai đoạn 2026 - 2030
I. MỤC TIÊU
1. Tạo ra khoảng 5.000 việc làm mới.
2. Thu hút 12.000 - 15.000 lao động.
3. Hoàn thiện ít nhất 300 ha mặt bằng sạch.
II. NHIỆM VỤ
1. Sở Văn hóa, Thể thao và Du lịch chủ trì xây dựng đề án phát triển sản phẩm du lịch.
"""
    names = {t["unit"]: t["indicator"] for t in extract_plan(normalize_text(text), "probe")["targets"]}
    assert names["lao động"] == "Số lao động thu hút"
    assert names["việc làm"].startswith("Số việc làm tạo ra")
    assert not names["ha"].startswith("Số ")  # an area is measured, not counted


def test_an_aside_inside_an_indicator_name_is_left_out_and_an_abbreviation_stays() -> None:
    text = """ĐẢNG BỘ XÃ HÒA MỸ
KẾ HOẠCH
Chuyển đổi số trong các cơ quan đảng năm 2026
I. MỤC TIÊU
1. Tỷ lệ đảng viên (bảo đảm các điều kiện theo quy định) sử dụng Sổ tay đảng viên điện tử đạt 90%.
2. Chỉ số cải cách hành chính (PAR Index) của xã đạt trên 85%.
II. NHIỆM VỤ
1. Văn phòng Đảng ủy chủ trì hướng dẫn cài đặt Sổ tay đảng viên điện tử.
"""
    names = [t["indicator"] for t in extract_plan(normalize_text(text), "probe")["targets"]]
    assert names[0] == "Tỷ lệ đảng viên sử dụng Sổ tay đảng viên điện tử"
    assert "(PAR Index)" in names[1]
