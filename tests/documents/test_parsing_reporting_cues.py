"""Reporting duties written anywhere in a text: inside task items, in the articles of a decree, as lists of periods.

Probe texts written for these rules (Decree 09/2019 on reporting regimes, Decree 30/2020 on the form of
administrative documents); none is copied from a corpus document.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import extract_plan
from ansinh.documents.parsing.clean import fold
from ansinh.documents.parsing.report_cues import periods
from ansinh.documents.parsing.report_owed import not_a_duty, owed
from tests.sizes import size

PLAN = """ỦY BAN NHÂN DÂN
TỈNH BẮC NINH
Số: 45/KH-UBND
Bắc Ninh, ngày 10 tháng 3 năm 2026
KẾ HOẠCH
Triển khai công tác bảo trợ xã hội năm 2026
I. MỤC ĐÍCH, YÊU CẦU
1. Bảo đảm chính sách đến đúng đối tượng.
II. NHIỆM VỤ, GIẢI PHÁP
1. Rà soát đối tượng hưởng trợ cấp trên địa bàn.
"""

DECREE = """CHÍNH PHỦ
Số: 99/2026/NĐ-CP
Hà Nội, ngày 02 tháng 02 năm 2026
NGHỊ ĐỊNH
Quy định chính sách hỗ trợ người cao tuổi
Điều 1. Phạm vi điều chỉnh
Nghị định này quy định chính sách hỗ trợ người cao tuổi.
"""

ORDER = {"monthly": 0, "quarterly": 1, "semiannual": 2, "annual": 3, "adhoc": 4, "once": 5}


def _reports(text: str) -> list[tuple[Any, ...]]:
    out: list[dict[str, Any]] = extract_plan(text, "probe")["reporting"]  # type: ignore[assignment]
    rows = [(r["frequency"], r["deadline_day"], r["deadline_month"], r["year"]) for r in out]
    return sorted(rows, key=lambda r: (ORDER[r[0]], str(r[1:])))


def _in_task(sentence: str) -> list[tuple[Any, ...]]:
    return _reports(PLAN + "2. Sở Y tế chủ trì triển khai chương trình chăm sóc sức khỏe người cao tuổi; " + sentence + "\n")


def test_a_list_of_periods_inside_a_task_is_one_duty_per_period() -> None:
    assert _in_task("định kỳ 06 tháng, hằng năm và đột xuất báo cáo kết quả về Sở Nội vụ.") == [
        ("semiannual", None, None, None), ("annual", None, None, None), ("adhoc", None, None, None),
    ]


def test_a_regime_of_months_quarters_and_years_reads_every_period() -> None:
    assert _in_task("thực hiện chế độ báo cáo định kỳ hằng tháng, quý, năm và báo cáo đột xuất với Bộ Y tế.") == [
        ("monthly", None, None, None), ("quarterly", None, None, None), ("annual", None, None, None),
        ("adhoc", None, None, None),
    ]


def test_a_weekly_report_has_no_period_of_its_own_and_is_ad_hoc() -> None:
    assert _in_task("hằng tuần báo cáo Ủy ban nhân dân tỉnh tiến độ thực hiện.") == [("adhoc", None, None, None)]
    assert _in_task("định kỳ 02 tuần/lần tổng hợp, báo cáo Sở Xây dựng.") == [("adhoc", None, None, None)]


def test_a_report_owed_by_a_dated_day_or_within_a_month_is_one_off() -> None:
    assert _in_task("hoàn thành báo cáo Sở Xây dựng trước ngày 05/5/2026.") == [("once", 5, 5, 2026)]
    assert _in_task("gửi báo cáo đánh giá về Sở Tài chính trong tháng 4/2026.") == [("once", None, 4, 2026)]


def test_a_duty_of_an_article_in_a_decree_keeps_its_period_and_day() -> None:
    text = DECREE + """Điều 5. Trách nhiệm của Ủy ban nhân dân cấp xã
1. Hằng tháng, tổng hợp, báo cáo danh sách người đã nhận trợ cấp cho Phòng Văn hóa - Xã hội trước ngày 15 hằng tháng.
2. Tổ chức chi trả trợ cấp hằng tháng cho người cao tuổi.
"""
    assert _reports(text) == [("monthly", 15, None, None)]


def test_a_task_that_only_mentions_a_report_or_a_regime_owes_none() -> None:
    assert _in_task("thực hiện đầy đủ chế độ báo cáo theo quy định.") == []
    assert _in_task("xây dựng báo cáo chuyên đề về chăm sóc người cao tuổi.") == []
    assert _in_task("căn cứ Báo cáo số 12/BC-UBND đánh giá tình hình thực hiện.") == []
    assert _in_task("báo cáo cấp có thẩm quyền xem xét, bố trí nguồn vốn thực hiện chương trình.") == []


def test_a_period_that_points_at_the_texts_own_regime_is_not_a_second_duty() -> None:
    text = DECREE + """Điều 9. Chế độ báo cáo
1. Báo cáo định kỳ hằng năm về kết quả thực hiện chính sách gửi Bộ Y tế.
2. Ngoài báo cáo định kỳ hằng năm tại khoản 1 Điều này, Ủy ban nhân dân cấp tỉnh báo cáo đột xuất theo yêu cầu của Bộ Y tế.
"""
    assert _reports(text) == [("annual", None, None, None), ("adhoc", None, None, None)]


def test_the_figures_period_of_a_report_and_a_forms_title_are_not_duties() -> None:
    text = DECREE + """Điều 9. Chế độ báo cáo
1. Báo cáo định kỳ 06 tháng: Thời gian chốt số liệu tính từ ngày 15 tháng 12 năm trước kỳ báo cáo đến ngày 14 tháng 6.
2. Mẫu số 2: Báo cáo kết quả thực hiện chính sách của Ủy ban nhân dân cấp tỉnh.
"""
    assert _reports(text) == []


def test_a_date_the_text_refers_to_is_not_a_deadline() -> None:
    assert _in_task("đối với hồ sơ đã tiếp nhận trước ngày 01 tháng 7 năm 2025, kịp thời báo cáo Sở Y tế.") == [
        ("adhoc", None, None, None),
    ]


def test_a_yearly_report_and_the_final_review_of_the_programme_are_two_duties() -> None:
    text = PLAN + """III. TỔ CHỨC THỰC HIỆN
Các sở, ngành báo cáo kết quả thực hiện Chương trình hằng năm và tổng kết Chương trình về Ủy ban nhân dân tỉnh (qua Sở Y tế).
"""
    assert _reports(text) == [("annual", None, None, None), ("once", None, None, None)]


def test_the_annex_after_the_signature_block_is_not_read_for_duties() -> None:
    text = PLAN + """2. Kiểm tra việc chi trả trợ cấp.
Nơi nhận:
- Như trên;
- Lưu: VT.
PHỤ LỤC
1. Hằng tháng báo cáo kết quả chi trả gửi Sở Y tế.
"""
    assert _reports(text) == []


PERIOD_WORDS = {"monthly": "hằng tháng", "quarterly": "hằng quý", "semiannual": "06 tháng", "annual": "hằng năm", "adhoc": "đột xuất"}


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(sorted(PERIOD_WORDS)), min_size=1, max_size=4, unique=True),
       st.sampled_from(["Sở Nội vụ", "Ủy ban nhân dân tỉnh", "Bộ Y tế"]))
def test_every_period_of_a_listed_regime_is_one_duty(chosen: list[str], recipient: str) -> None:
    words = [PERIOD_WORDS[c] for c in chosen]
    listed = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " và " + words[-1]
    found = {r[0] for r in _in_task(f"định kỳ {listed} báo cáo kết quả thực hiện về {recipient}.")}
    assert found == set(chosen)


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 28), st.integers(1, 12), st.integers(2025, 2030))
def test_a_report_due_on_a_dated_day_is_one_off_on_that_day(day: int, month: int, year: int) -> None:
    assert _in_task(f"hoàn thành báo cáo Sở Xây dựng trước ngày {day:02d}/{month}/{year}.") == [("once", day, month, year)]


@settings(max_examples=size(40, 60), deadline=None)
@given(st.text(max_size=200))
def test_the_cue_readers_take_any_text(text: str) -> None:
    folded = fold(text)
    assert {f for f, _ in periods(folded)} <= set(ORDER)
    assert isinstance(not_a_duty(folded), bool)
    assert isinstance(owed(folded, False, False), bool)


def test_results_published_on_a_period_are_read_as_a_periodic_report() -> None:
    assert _in_task("công khai hằng tháng kết quả đánh giá chỉ số hài lòng, chậm nhất vào ngày 05 hằng tháng.") == [
        ("monthly", 5, None, None),
    ]
    assert _in_task("công khai kết quả đánh giá trên cổng thông tin điện tử.") == []


def test_the_recipient_is_the_body_a_report_goes_to_with_its_go_between() -> None:
    def who(sentence: str) -> list[object]:
        out: list[dict[str, Any]] = extract_plan(PLAN + "2. Sở Y tế " + sentence + "\n", "probe")["reporting"]  # type: ignore[assignment]
        return [r["recipient"] for r in out]

    assert who("hằng năm báo cáo Ủy ban nhân dân tỉnh (qua Sở Nội vụ) về kết quả thực hiện.") == [
        "Ủy ban nhân dân tỉnh (qua Sở Nội vụ)"]
    assert who("định kỳ hằng tháng báo cáo kết quả thực hiện cho Ủy ban nhân dân tỉnh.") == ["Ủy ban nhân dân tỉnh"]
    assert who("kịp thời báo cáo Bộ Kế hoạch và Đầu tư để tổng hợp.") == ["Bộ Kế hoạch và Đầu tư"]
    assert who("gửi kết quả về Phòng Văn hóa - Xã hội trước ngày 10/12/2026 để tổng hợp, báo cáo Ủy ban nhân dân xã.") == [
        "Phòng Văn hóa - Xã hội"]
