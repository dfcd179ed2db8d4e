"""Which mentions of "báo cáo" are reporting duties: the kinds a parser used to invent on unseen texts.

Probe texts written for these rules from how administrative texts are built (Decree 30/2020 on their form, Decree
09/2019 on reporting regimes); none is copied from a corpus document. Each kind has negatives (a mention that is no
duty) and positives (the duty that must still be read), in central, provincial and commune texts, with and without
diacritics, with lines wrapped mid-sentence.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan
from ansinh.documents.parsing.clean import fold
from ansinh.documents.parsing.report_cues import at_session
from ansinh.documents.parsing.report_owed import not_a_duty
from tests.sizes import size

PROVINCE = """ỦY BAN NHÂN DÂN
TỈNH HÀ TĨNH
Số: 88/KH-UBND
Hà Tĩnh, ngày 12 tháng 3 năm 2026
KẾ HOẠCH
Thực hiện chính sách trợ giúp xã hội năm 2026
I. MỤC ĐÍCH, YÊU CẦU
1. Bảo đảm chính sách đến đúng đối tượng.
II. NHIỆM VỤ, GIẢI PHÁP
1. Rà soát đối tượng hưởng trợ cấp trên địa bàn.
"""

COMMUNE = """ỦY BAN NHÂN DÂN
XÃ TÂN LẬP
Số: 15/KH-UBND
Tân Lập, ngày 02 tháng 02 năm 2026
KẾ HOẠCH
Chăm sóc người cao tuổi năm 2026
I. NỘI DUNG
1. Thăm hỏi người cao tuổi có hoàn cảnh khó khăn.
"""

CIRCULAR = """BỘ Y TẾ
Số: 07/2026/TT-BYT
Hà Nội, ngày 05 tháng 01 năm 2026
THÔNG TƯ
Quy định chế độ báo cáo định kỳ về chăm sóc sức khỏe người cao tuổi
Điều 1. Phạm vi điều chỉnh
Thông tư này quy định chế độ báo cáo định kỳ về chăm sóc sức khỏe người cao tuổi theo quy định tại Nghị định số 09/2019/NĐ-CP.
Điều 2. Chế độ báo cáo định kỳ
1. Phương thức gửi, nhận báo cáo định kỳ
Báo cáo định kỳ được thể hiện dưới hình thức văn bản giấy hoặc văn bản điện tử, gửi qua hệ thống thông tin báo cáo.
2. Thời hạn báo cáo
"""

ORDER = {"monthly": 0, "quarterly": 1, "semiannual": 2, "annual": 3, "adhoc": 4, "once": 5}


def _reports(text: str) -> list[tuple[Any, ...]]:
    out: list[dict[str, Any]] = extract_plan(text, "probe")["reporting"]  # type: ignore[assignment]
    rows = [(r["frequency"], r["deadline_day"], r["deadline_month"], r["year"]) for r in out]
    return sorted(rows, key=lambda r: (ORDER[r[0]], str(r[1:])))


def _in_task(sentence: str, plan: str = PROVINCE) -> list[tuple[Any, ...]]:
    return _reports(plan + "2. Sở Lao động chủ trì rà soát hồ sơ trợ cấp; " + sentence + "\n")


# --- dates written before the periods they belong to --------------------------------------------------------


def test_dates_written_before_six_months_and_the_year_go_shortest_period_first() -> None:
    text = CIRCULAR + (
        "a) Định kỳ trước ngày 20 tháng 6 và trước ngày 20 tháng 12 hằng năm, Sở Y tế báo cáo tình hình "
        "chăm sóc sức khỏe người cao tuổi trong 6 tháng và cả năm, gửi Bộ Y tế.\n"
    )
    assert _reports(text) == [("semiannual", 20, 6, None), ("annual", 20, 12, None)]


def test_periods_written_before_their_dates_keep_their_order() -> None:
    assert _in_task("định kỳ 6 tháng, hằng năm báo cáo Ủy ban nhân dân tỉnh trước ngày 15/6 và 15/12.") == [
        ("semiannual", 15, 6, None), ("annual", 15, 12, None),
    ]


@settings(max_examples=25, deadline=None)
@given(st.integers(1, 28), st.integers(1, 28), st.sampled_from(["Sở Y tế", "Ủy ban nhân dân cấp tỉnh", "Bộ Nội vụ"]))
def test_two_dates_before_two_periods_pair_in_the_order_of_the_year(first: int, second: int, who: str) -> None:
    text = CIRCULAR + (
        f"a) Định kỳ trước ngày {first:02d} tháng 6 và trước ngày {second:02d} tháng 12 hằng năm, {who} báo cáo "
        "kết quả trong 6 tháng và cả năm.\n"
    )
    assert _reports(text) == [("semiannual", first, 6, None), ("annual", second, 12, None)]


# --- what a text says about reports, not a duty ------------------------------------------------------------


def test_a_texts_scope_and_the_form_reports_take_are_not_duties() -> None:
    assert _reports(CIRCULAR) == []
    assert not_a_duty(fold("Nghị định này quy định chế độ báo cáo về trợ giúp xã hội"))
    assert not_a_duty(fold("Bao cao dinh ky duoc the hien duoi hinh thuc van ban dien tu"))


def test_a_report_cited_by_its_number_or_ruled_on_by_another_body_is_not_a_duty() -> None:
    assert _in_task("trên cơ sở Báo cáo thẩm tra số 292/BC-HĐND của Ban Văn hóa - Xã hội.") == []
    assert _in_task("xem xét Báo cáo tiếp thu số 45/BC-UBND và Tờ trình số 12/TTr-UBND.") == []
    assert _in_task("tiếp nhận báo cáo của các xã, phường về kết quả rà soát.") == []
    assert _in_task("phê duyệt báo cáo kết quả thẩm định hồ sơ.") == []
    assert not_a_duty(fold("Xet To trinh so 4486/TTr-UBND va Bao cao\ntiep thu so 4723/BC-UBND cua Uy ban nhan dan tinh"))


def test_a_report_among_kinds_of_papers_or_a_copy_for_information_is_not_a_duty() -> None:
    assert _in_task("cung cấp các văn bản, báo cáo, kế hoạch, quyết định thể hiện kết quả thực hiện.") == []
    assert not_a_duty(fold("Nơi nhận: - Như trên; - Bộ Lao động (để báo cáo); - Lưu: VT."))


def test_a_figure_is_not_a_department_the_report_goes_to() -> None:
    assert _in_task("việc nhập dữ liệu còn chậm dẫn đến báo cáo số nộp ngân sách đạt thấp, cụ thể một số tỉnh sau: Cục Thuế tỉnh A.") == []
    # a department is still one: "Sở" folds like "số"
    assert _in_task("báo cáo số liệu về Sở Nội vụ trước ngày 10/12/2026.") == [("once", 10, 12, 2026)]
    assert _in_task("kịp thời báo cáo Sở Tài chính.") == [("adhoc", None, None, None)]


def test_another_texts_regime_pointed_at_is_not_a_duty_but_a_regime_with_a_recipient_is() -> None:
    assert _in_task("thực hiện nghiêm chế độ báo cáo định kỳ, đột xuất theo quy định tại Điều 17 Thông tư số 23/2024/TT-BCT.") == []
    assert _in_task("thuc hien che do bao cao dinh ky, dot xuat theo quy dinh tai Nghi dinh so 09/2019/ND-CP.") == []
    assert _in_task("thực hiện chế độ báo cáo định kỳ hằng quý và đột xuất với Sở Nội vụ.") == [
        ("quarterly", None, None, None), ("adhoc", None, None, None),
    ]


# --- a step under an ordinary condition vs a report that raises trouble --------------------------------------


def test_a_step_taken_under_an_ordinary_condition_is_not_a_duty() -> None:
    assert _in_task("trường hợp cơ sở dữ liệu đã vận hành thì Sở Y tế gửi báo cáo qua hệ thống.") == []
    assert _in_task("trường hợp số kinh phí đã cấp nhỏ hơn số phải chi thì báo cáo Bộ Tài chính cấp bổ sung.") == []
    assert _in_task("truong hop ho so day du thi chuyen ho so va bao cao Phong Van hoa - Xa hoi.") == []


def test_a_report_that_raises_trouble_is_an_ad_hoc_duty() -> None:
    assert _in_task("trường hợp có khó khăn, vướng mắc, kịp thời báo cáo Ủy ban nhân dân tỉnh.") == [("adhoc", None, None, None)]
    assert _in_task("trường hợp vượt thẩm quyền thì báo cáo Ủy ban nhân dân xã xem xét.", COMMUNE) == [("adhoc", None, None, None)]
    assert _in_task("truong hop phat sinh vu viec phuc tap thi bao cao ngay Ban Thuong truc.") == [("adhoc", None, None, None)]


# --- a report owed at the next sitting ---------------------------------------------------------------------


def test_a_report_at_the_next_sitting_is_one_off() -> None:
    assert _in_task("báo cáo Hội đồng nhân dân tỉnh tại kỳ họp gần nhất.") == [("once", None, None, None)]
    assert _in_task("bao cao Hoi dong nhan dan xa tai ky hop gan nhat.", COMMUNE) == [("once", None, None, None)]
    assert _in_task("báo cáo\nHội đồng nhân dân cùng cấp\ntại kỳ họp gần nhất.") == [("once", None, None, None)]


def test_a_yearly_report_at_the_years_last_sitting_stays_yearly() -> None:
    assert _in_task("hằng năm, báo cáo Hội đồng nhân dân tỉnh tại kỳ họp cuối năm về kết quả thực hiện.") == [
        ("annual", None, None, None),
    ]


def test_a_report_to_the_government_and_one_at_the_next_session_are_two_duties() -> None:
    assert _in_task(
        "tổng hợp kết quả thực hiện; báo cáo Chính phủ, Thủ tướng Chính phủ; tham mưu Chính phủ báo cáo Quốc hội tại kỳ họp gần nhất."
    ) == [("adhoc", None, None, None), ("once", None, None, None)]


# --- annexes and form templates ----------------------------------------------------------------------------


def test_an_organising_part_inside_a_form_template_after_the_signature_is_not_read() -> None:
    text = PROVINCE + """2. Kiểm tra việc chi trả trợ cấp.
III. TỔ CHỨC THỰC HIỆN
Sở Lao động hằng năm báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện.
Nơi nhận:
- Như trên;
- Lưu: VT.
PHỤ LỤC
Mẫu số 02
ỦY BAN NHÂN DÂN XÃ …
KẾ HOẠCH
I. MỤC ĐÍCH
II. TỔ CHỨC THỰC HIỆN
Kịp thời báo cáo, tổng kết kết quả thực hiện.
"""
    assert _reports(text) == [("annual", None, None, None)]


@settings(max_examples=size(40, 60), deadline=None)
@given(st.text(max_size=200))
def test_the_new_cue_readers_take_any_text(text: str) -> None:
    folded = fold(text)
    assert isinstance(not_a_duty(folded), bool)
    session, besides = at_session(folded)
    assert isinstance(session, bool) and isinstance(besides, bool)
    assert not besides or session


# --- recall: the reporting part of a plan, a review of each year, a heading that holds its sentence -------------

PLAN_END = PROVINCE + """III. TỔ CHỨC THỰC HIỆN
1. Sở Lao động chủ trì theo dõi việc thực hiện.
"""


def test_a_reporting_heading_that_holds_its_own_sentence_is_read() -> None:
    assert _reports(PLAN_END + "2. Chế độ báo cáo: Định kỳ 6 tháng, hằng năm, các đơn vị báo cáo kết quả về Sở Lao động.\n") == [
        ("semiannual", None, None, None), ("annual", None, None, None),
    ]
    assert _reports(PLAN_END + "2. Che do bao cao: cac don vi bao cao UBND tinh (qua So Lao dong) truoc ngay 10/12 hang nam.\n") == [
        ("annual", 10, 12, None),
    ]


def test_six_months_and_the_end_of_the_year_are_two_periods() -> None:
    assert _reports(PLAN_END + "2. Các đơn vị định kỳ 06 tháng, cuối năm báo cáo UBND tỉnh về kết quả thực hiện.\n") == [
        ("semiannual", None, None, None), ("annual", None, None, None),
    ]
    assert _in_task("báo cáo sơ kết 6 tháng đầu năm và tổng kết năm gửi Sở Lao động.", COMMUNE) == [
        ("semiannual", None, None, None), ("annual", None, None, None),
    ]
    # the review of one named year is one-off
    assert _reports(PLAN_END + "2. Kết thúc năm 2026, các đơn vị báo cáo kết quả về Sở Lao động.\n") == [("once", None, None, 2026)]


def test_a_review_that_is_only_a_means_owes_no_report() -> None:
    text = PROVINCE + """III. YÊU CẦU
1. Theo dõi, đánh giá, sơ kết, tổng kết nhằm nâng cao trách nhiệm của cán bộ, công chức.
"""
    assert _reports(text) == []
    text = PROVINCE + """III. YÊU CẦU
1. Sơ kết, tổng kết việc thực hiện, báo cáo Ủy ban nhân dân tỉnh.
"""
    assert _reports(text) == [("adhoc", None, None, None)]


def test_a_directive_yields_its_yearly_report() -> None:
    directive = """THỦ TƯỚNG CHÍNH PHỦ
Số: 12/CT-TTg
Hà Nội, ngày 05 tháng 4 năm 2025
CHỈ THỊ
Về tăng cường công tác chăm sóc người cao tuổi
Thủ tướng Chính phủ yêu cầu:
1. Bộ Y tế chủ trì hướng dẫn chăm sóc sức khỏe ban đầu cho người cao tuổi.
2. Các bộ, ngành, địa phương định kỳ hằng năm gửi báo cáo về Bộ Y tế trước ngày 15 tháng 12 để tổng hợp, báo cáo Thủ tướng Chính phủ.
"""
    assert _reports(directive) == [("annual", 15, 12, None)]


# --- a report already made, someone's report as a paper -----------------------------------------------------


def test_a_report_already_made_is_not_a_duty() -> None:
    assert _in_task("năm 2025, các địa phương đã báo cáo Ủy ban nhân dân tỉnh kết quả rà soát hộ nghèo.") == []
    assert _in_task("cac huyen da gui bao cao ve So Lao dong dung thoi han.") == []
    assert _in_task("các xã đã tổng hợp, báo cáo\nỦy ban nhân dân huyện.", COMMUNE) == []
    # "sau khi đã được phê duyệt" does not make the report that follows a past one
    assert _in_task("sau khi kế hoạch đã được phê duyệt, báo cáo Ủy ban nhân dân tỉnh trước ngày 10/12/2026.") == [
        ("once", 10, 12, 2026),
    ]


def test_someones_report_in_a_dossier_is_a_paper_not_a_duty() -> None:
    decree = CIRCULAR.split("Điều 1.")[0] + "Điều 5. Hồ sơ đề nghị\n"
    assert _reports(decree + "1. Hồ sơ gồm: a) Tờ khai; b) Báo cáo của Ủy ban nhân dân cấp xã; c) Bản sao giấy tờ.\n") == []
    assert _in_task("theo báo cáo của Sở Y tế, đến nay đã có 1.200 người được hỗ trợ.") == []


def test_technology_and_trades_are_not_a_meeting_hearing_a_report() -> None:
    assert _in_task("giao Sở Khoa học và Công nghệ khẩn trương báo cáo, đề xuất danh mục trước ngày 10/5/2026.") == [
        ("once", 10, 5, 2026),
    ]
    assert _in_task("kết quả đào tạo nghề cho lao động nông thôn, báo cáo Ủy ban nhân dân tỉnh hằng năm.") == [
        ("annual", None, None, None),
    ]
    assert _in_task("giao duc nghe nghiep: bao cao UBND tinh truoc ngay 15/12/2026.") == [("once", 15, 12, 2026)]
    # a meeting that heard a report owes none
    assert _in_task("sau khi nghe lãnh đạo Sở Y tế báo cáo tình hình, Chủ tịch kết luận.") == []


def test_an_assessment_reports_nothing_unless_a_sentence_assigns_work() -> None:
    notice = """ỦY BAN NHÂN DÂN
TỈNH HÀ TĨNH
Số: 21/TB-UBND
Hà Tĩnh, ngày 12 tháng 3 năm 2026
THÔNG BÁO
Kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại buổi làm việc với Sở Y tế
I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN
Năm 2025, Sở Y tế báo cáo Ủy ban nhân dân tỉnh kết quả tiêm chủng hằng tháng đầy đủ.
Tiến độ còn chậm. Giao Sở Y tế khẩn trương báo cáo, đề xuất giải pháp trước ngày 30/4/2026.
II. NHIỆM VỤ THỜI GIAN TỚI
1. Sở Y tế tiếp tục rà soát đối tượng.
"""
    assert _reports(notice) == [("once", 30, 4, 2026)]


def test_words_that_fold_like_a_body_do_not_make_a_report_owed() -> None:
    # "bằng văn bản", "bổ sung", "bố trí", "vụ việc", "tổ chức thực hiện" after "báo cáo" name no body it goes to
    assert _in_task("hướng dẫn việc báo cáo bằng văn bản giấy và điện tử.") == []
    assert _in_task("rà soát, báo cáo bổ sung hồ sơ còn thiếu.") == []
    assert _in_task("tổng hợp, báo cáo các vụ việc phức tạp phát sinh.") == []
    assert _in_task("nâng cao chất lượng báo cáo kết quả tổ chức thực hiện chính sách.") == []
    # bodies are still bodies
    assert _in_task("kịp thời báo cáo Ban Chỉ đạo tỉnh.") == [("adhoc", None, None, None)]
    assert _in_task("bao cao Bo Y te ket qua thuc hien truoc ngay 05/12/2026.") == [("once", 5, 12, 2026)]
    assert _in_task("báo cáo kết quả cho Vụ Kế hoạch - Tài chính khi có yêu cầu.") == [("adhoc", None, None, None)]


def test_a_report_that_is_the_product_of_a_task_is_not_a_reporting_duty() -> None:
    tasks = PROVINCE.replace("1. Rà soát đối tượng hưởng trợ cấp trên địa bàn.\n", "")
    assert _reports(tasks + "1. Đánh giá 5 năm thực hiện chính sách.\n- Cơ quan chủ trì: Sở Lao động.\n"
                    "- Sản phẩm: Báo cáo Ủy ban nhân dân tỉnh.\n- Thời gian hoàn thành: Quý IV/2026.\n") == []
    assert _reports(tasks + "1. Đánh giá 5 năm thực hiện chính sách (sản phẩm: báo cáo UBND tỉnh; thời gian: năm 2026).\n") == []
    assert _reports(tasks + "1. Danh gia chinh sach; Ket qua/san pham: Bao cao trinh UBND tinh; thoi han: thang 12/2026.\n") == []
    # a duty written next to it is still read
    assert _reports(tasks + "1. Đánh giá chính sách (sản phẩm: báo cáo đánh giá); kịp thời báo cáo UBND tỉnh khó khăn, vướng mắc.\n") == [
        ("adhoc", None, None, None),
    ]


# --- deadlines: each period its date --------------------------------------------------------------------------


def test_a_date_follows_its_period_when_a_sentence_names_two() -> None:
    assert _reports(PLAN_END + "2. Báo cáo sơ kết 6 tháng gửi trước ngày 15 tháng 6; báo cáo tổng kết năm gửi trước ngày 15 tháng 11.\n") == [
        ("semiannual", 15, 6, None), ("annual", 15, 11, None),
    ]
    assert _reports(PLAN_END + "2. Các đơn vị báo cáo 6 tháng đầu năm trước ngày 10/6, báo cáo năm trước ngày 10/12 về Sở Lao động.\n") == [
        ("semiannual", 10, 6, None), ("annual", 10, 12, None),
    ]


def test_a_day_and_month_without_the_word_day_is_a_deadline() -> None:
    assert _reports(PLAN_END + "2. Các đơn vị báo cáo kết quả về Sở Lao động trước 15/12 hằng năm.\n") == [("annual", 15, 12, None)]
    assert _reports(PLAN_END + "2. Cac don vi bao cao ket qua ve So Lao dong vao ngay 05/12 hang nam.\n") == [("annual", 5, 12, None)]
    # an hour is not a day: "trước 16 giờ ngày thứ Sáu hằng tuần" stays weekly, ad hoc
    assert _in_task("trước 16 giờ ngày thứ Sáu hằng tuần báo cáo lãnh đạo Ủy ban nhân dân tỉnh.") == [("adhoc", None, None, None)]


def test_the_year_reported_on_is_not_a_second_one_off_duty() -> None:
    assert _reports(PLAN_END + "2. Kết thúc năm 2026, các đơn vị tổng kết, báo cáo UBND tỉnh trước ngày 15/01/2027.\n") == [
        ("once", 15, 1, 2027),
    ]


def test_the_month_of_a_date_is_not_a_period() -> None:
    # "ngày 06 tháng 6" names a day, not a six-month period; "ngày 15 hằng tháng" is monthly
    assert _reports(PLAN_END + "2. Các đơn vị báo cáo Sở Lao động trước ngày 06 tháng 6 năm 2026.\n") == [("once", 6, 6, 2026)]
    assert _in_task("định kỳ trước ngày 15 hàng tháng có báo cáo về UBND tỉnh.") == [("monthly", 15, None, None)]


def test_a_report_at_the_councils_year_end_sitting_is_yearly() -> None:
    assert _in_task("báo cáo Hội đồng nhân dân tỉnh tại kỳ họp thường lệ cuối năm.") == [("annual", None, None, None)]
    assert _in_task("bao cao HDND xa tai ky hop cuoi nam ve ket qua thuc hien.", COMMUNE) == [("annual", None, None, None)]
    # the sitting at the end of one named year is not yearly
    assert _in_task("báo cáo Hội đồng nhân dân tỉnh tại kỳ họp cuối năm 2026.") != [("annual", None, None, None)]


# --- aims and requirements ------------------------------------------------------------------------------------


def test_an_aim_in_the_purpose_part_is_no_duty_but_a_regime_stated_there_is() -> None:
    head = PROVINCE.split("I. MỤC ĐÍCH, YÊU CẦU")[0] + "I. MỤC ĐÍCH, YÊU CẦU\n"
    tail = "II. NHIỆM VỤ, GIẢI PHÁP\n1. Rà soát đối tượng hưởng trợ cấp trên địa bàn.\n"
    assert _reports(head + "- Kịp thời phát hiện, tổng hợp, báo cáo, đề xuất cơ quan có thẩm quyền xử lý vướng mắc.\n" + tail) == []
    assert _reports(head + "- Hằng năm tổ chức đánh giá, công bố chỉ số hài lòng của người dân.\n" + tail) == []
    assert _reports(head + "- Các đơn vị định kỳ 6 tháng, hằng năm báo cáo kết quả về Sở Lao động.\n" + tail) == [
        ("semiannual", None, None, None), ("annual", None, None, None),
    ]
    assert _reports(head + "- Yeu cau cac don vi dinh ky bao cao ket qua thuc hien.\n" + tail) == [("annual", None, None, None)]


def test_reporting_only_as_the_alternative_to_acting_oneself_is_not_a_duty() -> None:
    assert _in_task("xử lý theo thẩm quyền hoặc kịp thời báo cáo cấp có thẩm quyền xử lý các vướng mắc.") == []
    assert _in_task("giai quyet theo tham quyen hoac bao cao UBND tinh xem xet.") == []
    # reporting what is beyond one's authority, as a duty of its own, still is one
    assert _in_task("xử lý các vướng mắc theo thẩm quyền; kịp thời báo cáo cấp có thẩm quyền những vấn đề vượt thẩm quyền.") == [
        ("adhoc", None, None, None),
    ]


# --- a letter without numbered points ------------------------------------------------------------------------

LETTER = """SỞ Y TẾ TỈNH HÀ TĨNH
Số: 512/SYT-NVY
V/v báo cáo tình hình tiêm chủng
Hà Tĩnh, ngày 02 tháng 4 năm 2026
Kính gửi:
- Trung tâm Y tế các huyện;
- Trạm Y tế các xã, phường.
Ngày 10 tháng 3 năm 2026, Sở Y tế có Văn bản số 300/SYT-NVY đề nghị các đơn vị báo cáo kết quả tiêm chủng trước ngày 25 tháng 3 năm 2026.
Tuy nhiên đến nay, nhiều đơn vị chưa gửi báo cáo.
{duty}
Nơi nhận:
- Như trên;
- Lưu: VT.
"""


def test_a_letters_own_request_is_read_and_its_history_is_not() -> None:
    assert _reports(LETTER.format(duty="Sở Y tế đề nghị các đơn vị khẩn trương gửi báo cáo về Sở Y tế trước ngày 10 tháng 4 năm 2026.")) == [
        ("once", 10, 4, 2026),
    ]
    assert _reports(LETTER.format(duty="De nghi cac don vi kip thoi bao cao So Y te nhung kho khan, vuong mac.")) == [
        ("adhoc", None, None, None),
    ]
    assert _reports(LETTER.format(duty="Đề nghị các đơn vị quan tâm thực hiện.")) == []


def test_a_report_is_not_read_as_a_letter_that_asks_for_one() -> None:
    report = LETTER.replace("Số: 512/SYT-NVY\nV/v báo cáo tình hình tiêm chủng", "Số: 45/BC-SYT\nBÁO CÁO\nKết quả tiêm chủng quý I năm 2026")
    assert _reports(report.format(duty="Sở Y tế báo cáo Ủy ban nhân dân tỉnh kết quả tiêm chủng quý I năm 2026 như sau:")) == []


def test_a_text_reporting_now_owes_nothing_but_a_request_to_report_as_follows_does() -> None:
    assert not_a_duty(fold("UBND tỉnh báo cáo kết quả thực hiện nhiệm vụ năm 2025, cụ thể như sau:"))
    assert not not_a_duty(fold("Đề nghị các đơn vị báo cáo về Sở Y tế trước ngày 10/4/2026 các nội dung như sau:"))
    assert not not_a_duty(fold("Các sở, ngành báo cáo kết quả về Sở Y tế trước ngày 10/12 hằng năm với nội dung như sau:"))


def test_a_settlement_or_audit_report_is_a_kind_of_paper() -> None:
    assert _in_task("lập báo cáo quyết toán kinh phí gửi Sở Tài chính.") == []
    assert _in_task("lap bao cao thuyet minh du an gui So Xay dung.") == []
    assert _in_task("lập báo cáo quyết toán kinh phí; hằng năm báo cáo kết quả thực hiện về Sở Tài chính.") == [
        ("annual", None, None, None),
    ]


def test_a_dated_final_review_beside_a_yearly_report_is_a_second_duty() -> None:
    assert _reports(PLAN_END + "2. Các sở báo cáo định kỳ hằng năm (trước ngày 15/11) và báo cáo tổng kết giai đoạn "
                    "trước ngày 30/6/2030 về Sở Y tế.\n") == [("annual", 15, 11, None), ("once", 30, 6, 2030)]


def test_a_list_of_periods_may_end_in_a_bare_or_counted_year() -> None:
    assert _reports(PLAN_END + "2. Định kỳ 6 tháng, 01 năm, các đơn vị báo cáo Sở Y tế.\n") == [
        ("semiannual", None, None, None), ("annual", None, None, None),
    ]
    assert _reports(PLAN_END + "2. Dinh ky hang quy, 6 thang, nam cac don vi bao cao ve So Y te.\n") == [
        ("quarterly", None, None, None), ("semiannual", None, None, None), ("annual", None, None, None),
    ]
    # a date is not a period: "tháng 6, năm 2026"
    assert _reports(PLAN_END + "2. Các đơn vị báo cáo Sở Y tế trong tháng 6, năm 2026.\n") != [
        ("annual", None, None, None),
    ]


def test_a_report_read_as_a_source_is_not_a_duty() -> None:
    assert _in_task("qua báo cáo của các xã, tình hình chi trả còn chậm.") == []
    assert _in_task("tổng hợp số liệu từ báo cáo của Ủy ban nhân dân các xã.") == []
    assert _in_task("can cu ket qua bao cao cua cac don vi, de xuat khen thuong.") == []
